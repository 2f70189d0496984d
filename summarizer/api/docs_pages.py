"""/docs (Swagger UI) and /redoc served from files on local disk, so they work offline.

The assets come from the `fastapi-offline` package (Swagger UI 5 and ReDoc 2, a
dependency of the project), found in its `static/` folder. When it is missing, /docs
falls back to FastAPI's page, which loads its scripts from a CDN (blank without internet
access), and /redoc is off.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

DOCS_URL = "/docs"
REDOC_URL = "/redoc"
OAUTH2_REDIRECT_URL = "/docs/oauth2-redirect"
# Not under /static: that mount is the editor's page, and a prefix match would shadow this one.
DOCS_ASSETS_URL = "/docs-assets"

SWAGGER_JS = "swagger-ui-bundle.js"
SWAGGER_CSS = "swagger-ui.css"
REDOC_JS = "redoc.standalone.js"
FAVICON = "favicon.png"
ASSET_FILES = (SWAGGER_JS, SWAGGER_CSS, REDOC_JS, FAVICON)

OFFLINE_DOCS_PACKAGE = "fastapi-offline"


def local_docs_assets() -> Path | None:
    """The folder holding the docs pages' assets, or None when fastapi-offline is not
    installed (or no longer ships the files where this expects them)."""
    try:
        import fastapi_offline  # lazily: the pages fall back to the CDN without it
    except ImportError:
        return None
    folder = Path(fastapi_offline.__file__).resolve().parent / "static"
    return folder if all((folder / name).is_file() for name in ASSET_FILES) else None


def install_local_docs(app: FastAPI, assets: Path) -> None:
    """Mount `assets` and serve /docs, its OAuth2 redirect and /redoc from it. Create the
    app with docs_url=None and redoc_url=None so these are the only docs routes."""
    app.mount(DOCS_ASSETS_URL, StaticFiles(directory=assets), name="docs-assets")

    @app.get(DOCS_URL, include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = _root_path(request)
        return get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - Swagger UI",
            oauth2_redirect_url=f"{root}{OAUTH2_REDIRECT_URL}",
            swagger_js_url=f"{root}{DOCS_ASSETS_URL}/{SWAGGER_JS}",
            swagger_css_url=f"{root}{DOCS_ASSETS_URL}/{SWAGGER_CSS}",
            swagger_favicon_url=f"{root}{DOCS_ASSETS_URL}/{FAVICON}",
            swagger_ui_parameters=app.swagger_ui_parameters,
        )

    @app.get(OAUTH2_REDIRECT_URL, include_in_schema=False)
    async def swagger_ui_oauth2_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get(REDOC_URL, include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = _root_path(request)
        return get_redoc_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{root}{DOCS_ASSETS_URL}/{REDOC_JS}",
            redoc_favicon_url=f"{root}{DOCS_ASSETS_URL}/{FAVICON}",
            with_google_fonts=False,  # fonts from Google would be one more thing fetched from outside
        )


def _root_path(request: Request) -> str:
    """The prefix a proxy mounts the service under (uvicorn --root-path), as FastAPI's own pages use."""
    return request.scope.get("root_path", "").rstrip("/")
