"""The FastAPI application: `create_app(settings)` wires settings, Summarizer, lanes,
middleware and routers. `summarizer serve` and `uvicorn summarizer.api:app` both use it.

Start-up starts the lane workers; shutdown (after uvicorn has stopped accepting and let
in-flight requests finish) lets the workers finish what is queued, then ends them.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles

from summarizer import __version__
from summarizer.api.config import ServiceConfig
from summarizer.api.docs_pages import DOCS_URL, OFFLINE_DOCS_PACKAGE, install_local_docs, local_docs_assets
from summarizer.api.errors import ERROR_TYPES, install_error_handlers
from summarizer.api.examples import example_article
from summarizer.api.metrics import ServiceMetrics
from summarizer.api.middleware import RequestContextMiddleware
from summarizer.api.routers import health, metrics, models, page, summaries
from summarizer.api.routers.page import STATIC_DIR
from summarizer.api.schemas import BatchRequest, SummarizeRequest
from summarizer.api.service import SummaryService
from summarizer.pipeline import Summarizer
from summarizer.settings import Settings

log = logging.getLogger("summarizer.api")

# Headers an editorial tool on an allowed origin may send and read.
CORS_REQUEST_HEADERS = ("Authorization", "Content-Type", "X-Request-ID")
CORS_EXPOSED_HEADERS = ("X-Request-ID", "Retry-After")
CORS_MAX_AGE_S = 600


def create_app(settings: Settings | None = None, summarizer: Summarizer | None = None) -> FastAPI:
    """The service for `settings` (default: Settings.load()); `summarizer` overrides the engine."""
    settings = settings or (summarizer.settings if summarizer else Settings.load())
    summarizer = summarizer or Summarizer(settings)
    config = ServiceConfig.from_settings(settings)
    service = SummaryService(summarizer, config, ServiceMetrics())

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        service.start()
        available, reason = summarizer.abstractive_status()
        log.info("service ready; abstractive %s: %s", "available" if available else "unavailable", reason)
        try:
            yield
        finally:
            finished = await asyncio.to_thread(service.stop, config.request_timeout_s)
            log.info("service stopped" if finished else "service stopped with batches still running")

    docs_assets = local_docs_assets()
    app = FastAPI(
        title="summarizer",
        version=__version__,
        description=_DESCRIPTION,
        lifespan=lifespan,
        # With the assets on disk the pages are ours (install_local_docs); without them,
        # FastAPI's /docs (scripts from a CDN) and no /redoc.
        docs_url=None if docs_assets else DOCS_URL,
        redoc_url=None,
    )
    app.state.service = service
    install_error_handlers(app)
    app.include_router(page.router)
    app.include_router(summaries.build_router(example_article()))
    app.include_router(models.router)
    app.include_router(health.router)
    app.include_router(metrics.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    if docs_assets:
        install_local_docs(app, docs_assets)
    else:
        log.warning(
            "%s is not installed: /docs loads Swagger UI from a CDN (blank without internet access) and "
            "/redoc is off; `pip install %s` serves both from local files",
            OFFLINE_DOCS_PACKAGE,
            OFFLINE_DOCS_PACKAGE,
        )
    if config.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(config.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=list(CORS_REQUEST_HEADERS),
            expose_headers=list(CORS_EXPOSED_HEADERS),
            max_age=CORS_MAX_AGE_S,
        )
    # Added last = outermost: every response, CORS preflights included, gets a request id.
    app.add_middleware(RequestContextMiddleware, metrics=service.metrics)
    app.openapi = lambda: _openapi_schema(app)
    return app


def _openapi_schema(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema plus the request bodies the summarise routes read themselves."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in (SummarizeRequest, BatchRequest):
            model_schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
            components.update(model_schema.pop("$defs", {}))
            components[model.__name__] = model_schema
        app.openapi_schema = schema
    return app.openapi_schema


_DESCRIPTION = (
    "Headline and summary for news articles. The editor's page is at `/`.\n\n"
    "Every error has one shape: `{\"error\": {\"type\": ..., \"message\": ...}}`, never a traceback.\n\n"
    "| status | type | when |\n|---|---|---|\n"
    + "\n".join(f"| {status} | `{name}` | {when} |" for name, (status, when) in ERROR_TYPES.items())
)
