"""GET /metrics in the Prometheus text format (behind auth when auth is on)."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from summarizer.api.dependencies import get_service, require_api_key
from summarizer.api.metrics import METRICS_CONTENT_TYPE
from summarizer.api.routers.docs import error_responses
from summarizer.api.service import SummaryService

router = APIRouter(tags=["operations"], dependencies=[Depends(require_api_key)])


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}, **error_responses(401)},
)
async def metrics(service: SummaryService = Depends(get_service)) -> Response:
    return Response(service.metrics.render(), media_type=METRICS_CONTENT_TYPE)
