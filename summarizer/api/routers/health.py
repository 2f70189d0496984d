"""GET /healthz (the process is alive) and GET /readyz (it can take work). Never behind auth."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from summarizer.api.dependencies import get_service
from summarizer.api.schemas import HealthResponse, ReadyResponse
from summarizer.api.service import SummaryService

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=HealthResponse, summary="Liveness: the process answers")
async def healthz() -> dict:
    return {"status": "ok"}


@router.get(
    "/readyz",
    response_model=ReadyResponse,
    summary="Readiness: the queues take work; says whether the abstractive method is available and why not",
    responses={503: {"model": ReadyResponse, "description": "starting or shutting down"}},
)
async def readyz(service: SummaryService = Depends(get_service)) -> JSONResponse:
    available, reason = service.summarizer.abstractive_status()
    body = {
        "ready": service.ready,
        "abstractive": {"available": available, "reason": reason},
        "queues": service.queue_depths(),
    }
    return JSONResponse(body, status_code=200 if service.ready else 503)
