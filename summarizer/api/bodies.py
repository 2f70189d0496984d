"""Reading request bodies: size limit, media type, JSON and text/plain decoding.

The summarize routes read the body themselves (instead of FastAPI's JSON-only body
parameter) so that they can take text/plain as well and answer 400/413/415 in the
service's error shape.
"""

from __future__ import annotations

import json
from email.message import Message
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from summarizer.api.errors import ApiError
from summarizer.text import decode_bytes

JSON = "json"
TEXT = "text"


def body_too_large(limit: int) -> ApiError:
    return ApiError(
        413,
        "body_too_large",
        f"the request body is over the limit of {limit} bytes; send a shorter article, "
        "or raise SUMMARIZER_MAX_BODY_BYTES on the server",
    )


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, refused with 413 as soon as it is known to be over `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiError(400, "malformed_request", f"Content-Length {declared!r} is not a number of bytes")
        if int(declared) > limit:
            raise body_too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:  # a chunked body with no Content-Length: stop reading at the limit
            raise body_too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def media_type(request: Request) -> tuple[str, str]:
    """(JSON or TEXT, charset); 415 for anything else. No Content-Type counts as JSON."""
    header = request.headers.get("content-type")
    if header is None:
        return JSON, "utf-8"
    message = Message()
    message["content-type"] = header
    charset = message.get_param("charset") or "utf-8"
    main, sub = message.get_content_maintype(), message.get_content_subtype()
    if main == "application" and (sub == "json" or sub.endswith("+json")):
        return JSON, str(charset)
    if main == "text" and sub == "plain":
        return TEXT, str(charset)
    raise ApiError(
        415,
        "unsupported_media_type",
        f"Content-Type {header!r} is not supported; send application/json (the request object) "
        "or text/plain (the article, with options as query parameters)",
    )


def parse_json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError too
        raise ApiError(400, "malformed_json", f"the request body is not valid JSON: {exc}") from None


def decode_text(body: bytes, charset: str) -> str:
    return decode_bytes(
        body, charset, source="the text/plain body",
        fix="send UTF-8, or name the body's charset in Content-Type (e.g. text/plain; charset=latin-1)",
    )


def validate(model: type[BaseModel], data: Any) -> Any:
    """model.model_validate with the service's 422 error on failure."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False, include_context=False)) from None
