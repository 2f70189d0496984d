"""Structured JSON logs with the request id on every line.

The id lives in a context variable: the request middleware sets it for the request's
task, and the batching worker sets it around each batch (the ids of the batch's requests).
"""

from __future__ import annotations

import contextvars
import json
import logging
import sys
import time

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

# Loggers that `configure_json_logging` routes through the JSON handler.
SERVICE_LOGGERS = ("summarizer", "uvicorn", "uvicorn.error")
# Record attributes that the JSON line carries as fields when a caller passes them in `extra`.
EXTRA_FIELDS = ("http_method", "path", "status", "duration_ms", "lane", "batch_size", "client")


class RequestIdFilter(logging.Filter):
    """Stamps every record with the current request id (or '-' outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, request id, message, extras."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "request_id": getattr(record, "request_id", request_id_var.get()),
            "message": record.getMessage(),
        }
        for name in EXTRA_FIELDS:
            if hasattr(record, name):
                line[name] = getattr(record, name)
        if record.exc_info:
            # Tracebacks go to the log (for operators), never into a response.
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def json_handler(stream=None) -> logging.Handler:
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    return handler


def configure_json_logging(level: str = "info", stream=None) -> None:
    """Send the service's and uvicorn's logs to one JSON handler (replacing theirs)."""
    handler = json_handler(stream)
    for name in SERVICE_LOGGERS:
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.setLevel(level.upper())
        logger.propagate = False
    # uvicorn's access log has no request id; the service writes its own access line.
    logging.getLogger("uvicorn.access").disabled = True
