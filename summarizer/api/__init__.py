"""HTTP service: `summarizer serve`, or `uvicorn summarizer.api:app` for deployments.

`app` is built on first access (from SUMMARIZER_* settings, with JSON logs), so that
importing the package reads no settings and starts nothing. Tests and embedders call
`create_app(settings)` instead. (The factory lives in `application.py`, not `app.py`: a
submodule named `app` would shadow this attribute.)
"""

from __future__ import annotations

from typing import Any

from summarizer.api.application import create_app

__all__ = ["app", "create_app", "create_deployment_app"]

_app: Any = None


def create_deployment_app() -> Any:
    """JSON logs + the app from SUMMARIZER_* settings: what each uvicorn process runs."""
    from summarizer.api.logs import configure_json_logging

    configure_json_logging()
    return create_app()


def __getattr__(name: str) -> Any:
    global _app  # the one deployment app of this process, built on first access
    if name == "app":
        if _app is None:
            _app = create_deployment_app()
        return _app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
