"""Request context: request id, access log line, request metrics, last-resort 500.

A plain ASGI middleware (no per-request task or body buffering): it reads or makes the
request id, puts it in the logging context and the X-Request-ID response header, counts
the request by route template, and turns an exception that escaped every handler into
the standard error body; the traceback goes to the log only.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from summarizer.api.errors import error_body, internal_error_message
from summarizer.api.logs import request_id_var
from summarizer.api.metrics import ServiceMetrics

REQUEST_ID_HEADER = "x-request-id"
# A client's own request id is kept only when it is this safe (it goes into every log line).
SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
# Routes polled by orchestrators and scrapers: logged at debug level, not info.
QUIET_ROUTES = frozenset({"/healthz", "/readyz", "/metrics"})

access_log = logging.getLogger("summarizer.api.access")
log = logging.getLogger("summarizer.api")


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, metrics: ServiceMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _incoming_request_id(scope) or uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        response = {"status": 500, "started": False}

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                response["status"] = message["status"]
                response["started"] = True
                MutableHeaders(scope=message).append("X-Request-ID", request_id)
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            log.exception("unhandled error")
            if not response["started"]:
                await _send_internal_error(send_with_id)
        finally:
            seconds = time.perf_counter() - started
            route = _route_template(scope)
            self.metrics.observe_request(route, scope["method"], response["status"], seconds)
            access_log.log(
                logging.DEBUG if route in QUIET_ROUTES else logging.INFO,
                "%s %s %d",
                scope["method"],
                scope["path"],
                response["status"],
                extra={
                    "http_method": scope["method"],
                    "path": scope["path"],
                    "status": response["status"],
                    "duration_ms": round(seconds * 1000, 3),
                },
            )
            request_id_var.reset(token)


def _incoming_request_id(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == REQUEST_ID_HEADER.encode():
            text = value.decode("latin-1")
            return text if SAFE_REQUEST_ID.match(text) else None
    return None


def _route_template(scope: Scope) -> str:
    """The matched route's template (/v1/summarize), never the raw path: bounded label values."""
    route = scope.get("route")
    if route is not None and getattr(route, "path", None):
        return route.path
    return "/static" if scope["path"].startswith("/static/") else "unmatched"


async def _send_internal_error(send: Send) -> None:
    body = json.dumps(error_body("internal_error", internal_error_message())).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 500,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
