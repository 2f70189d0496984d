"""GET /: the editor's page (static HTML + JS from summarizer/api/static, no build step)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

router = APIRouter(tags=["editor"])


@router.get("/", include_in_schema=False)
async def editor_page() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html")
