"""One error shape for every failure: {"error": {"type": ..., "message": ...}}.

Each typed summariser error maps to one HTTP status; the service's own conditions
(malformed body, queue full, time budget) are ApiError. No response ever carries a
traceback: unexpected exceptions are logged with the request id and answered with a
generic 500 that names that id.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from summarizer.api.logs import request_id_var
from summarizer.errors import (
    DecodeError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    ModelLoadError,
    ModelUnavailableError,
    OptionError,
    SummarizerError,
)

log = logging.getLogger("summarizer.api")

# Most specific class first: the first isinstance match decides the status.
STATUS_BY_ERROR: tuple[tuple[type[SummarizerError], int], ...] = (
    (DecodeError, 400),
    (InputTooLargeError, 413),
    (EmptyInputError, 422),
    (OptionError, 422),
    (InputError, 422),
    (ModelUnavailableError, 503),
    (ModelLoadError, 503),
)

# type -> (status, when), the table docs/service.md shows.
ERROR_TYPES: dict[str, tuple[int, str]] = {
    "malformed_json": (400, "the body is not valid JSON"),
    "malformed_request": (400, "the Content-Length header is not a number"),
    "undecodable_input": (400, "a text/plain body is not valid in its charset"),
    "unauthorized": (401, "auth is on and the bearer token is missing or unknown"),
    "not_found": (404, "no such route"),
    "method_not_allowed": (405, "the route does not take this HTTP method"),
    "body_too_large": (413, "the request body is over max_body_bytes"),
    "input_too_large": (413, "the article is over max_text_chars"),
    "unsupported_media_type": (415, "Content-Type is neither application/json nor text/plain"),
    "validation_error": (422, "a field is missing, of the wrong type or out of range"),
    "empty_input": (422, "the text has no words"),
    "invalid_option": (422, "an unknown method or a length out of range"),
    "invalid_input": (422, "the input cannot be used as given"),
    "queue_full": (429, "the lane's queue is full; retry after Retry-After seconds"),
    "model_unavailable": (503, "abstractive requested and no model is configured or found"),
    "model_load_failed": (503, "the configured model could not be loaded"),
    "not_ready": (503, "the service is starting or shutting down"),
    "timeout": (504, "the request was not answered within request_timeout_ms"),
    "internal_error": (500, "a bug: the log line with the request id has the details"),
}


class ApiError(Exception):
    """A failure of the HTTP layer itself, with its status, type and headers."""

    def __init__(self, status: int, type: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.type = type
        self.message = message
        self.headers = headers or {}


def error_body(type: str, message: str) -> dict:
    return {"error": {"type": type, "message": message}}


def error_response(status: int, type: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(type, message), status_code=status, headers=headers)


def status_for(error: SummarizerError) -> int:
    for error_class, status in STATUS_BY_ERROR:
        if isinstance(error, error_class):
            return status
    return 500


def internal_error_message() -> str:
    return f"internal error; the service log has the details under request id {request_id_var.get()}"


def describe(error: BaseException) -> tuple[int, str, str, dict[str, str]]:
    """(status, type, message, headers) for any exception, without leaking internals."""
    if isinstance(error, ApiError):
        return error.status, error.type, error.message, error.headers
    if isinstance(error, SummarizerError):
        return status_for(error), error.code, str(error), {}
    log.error("unexpected error", exc_info=error)
    return 500, "internal_error", internal_error_message(), {}


def validation_message(exc: RequestValidationError) -> str:
    parts = []
    for problem in exc.errors()[:5]:
        where = ".".join(str(p) for p in problem.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {problem.get('msg', 'invalid')}")
    return "; ".join(parts) or "the request is not valid"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.type, exc.message, exc.headers)

    @app.exception_handler(SummarizerError)
    async def _summarizer_error(request: Request, exc: SummarizerError) -> JSONResponse:
        status, type, message, headers = describe(exc)
        return error_response(status, type, message, headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        if any(problem.get("type") == "json_invalid" for problem in exc.errors()):
            return error_response(400, "malformed_json", "the request body is not valid JSON")
        return error_response(422, "validation_error", validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        types = {401: "unauthorized", 404: "not_found", 405: "method_not_allowed"}
        message = {404: f"no route {request.url.path}; see /docs", 405: f"{request.method} is not allowed on {request.url.path}"}
        return error_response(
            exc.status_code,
            types.get(exc.status_code, "http_error"),
            message.get(exc.status_code, str(exc.detail)),
            dict(exc.headers or {}),
        )
