"""OpenAPI fragments shared by the routers: the error responses each route can give."""

from __future__ import annotations

from typing import Any

from summarizer.api.errors import ERROR_TYPES
from summarizer.api.schemas import ErrorResponse


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries for these statuses, listing the error types of each."""
    responses: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        types = [f"`{name}` ({when})" for name, (code, when) in ERROR_TYPES.items() if code == status]
        entry: dict[str, Any] = {"model": ErrorResponse, "description": "; ".join(types) or "error"}
        if status == 429:
            entry["headers"] = {
                "Retry-After": {"description": "seconds to wait before retrying", "schema": {"type": "integer"}}
            }
        if status == 401:
            entry["headers"] = {"WWW-Authenticate": {"description": "Bearer", "schema": {"type": "string"}}}
        responses[status] = entry
    return responses
