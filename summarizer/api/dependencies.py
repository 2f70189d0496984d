"""FastAPI dependencies: the service object and optional bearer-token auth."""

from __future__ import annotations

import hmac

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from summarizer.api.errors import ApiError
from summarizer.api.service import SummaryService

bearer_scheme = HTTPBearer(
    auto_error=False,
    description="Only when the service has API keys (SUMMARIZER_API_KEYS or SUMMARIZER_API_KEYS_FILE).",
)


def get_service(request: Request) -> SummaryService:
    return request.app.state.service


async def require_api_key(
    request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer_scheme)
) -> None:
    """401 unless auth is off or the bearer token is one of the configured keys."""
    keys = get_service(request).config.api_keys
    if not keys:
        return
    token = credentials.credentials.encode() if credentials else b""
    # compare_digest against every key: the time taken says nothing about which one nearly matched.
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(token, key.encode())
    if not matched:
        raise ApiError(
            401,
            "unauthorized",
            "missing or unknown API key; send the header `Authorization: Bearer <key>` with a key from "
            "the service's SUMMARIZER_API_KEYS or SUMMARIZER_API_KEYS_FILE",
            {"WWW-Authenticate": "Bearer"},
        )
