"""GET /v1/models: methods, the model registry, the configured model, backend and device."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from summarizer.api.dependencies import get_service, require_api_key
from summarizer.api.routers.docs import error_responses
from summarizer.api.schemas import ModelsResponse
from summarizer.api.service import SummaryService
from summarizer.errors import SummarizerError

router = APIRouter(prefix="/v1", tags=["models"], dependencies=[Depends(require_api_key)])


@router.get("/models", response_model=ModelsResponse, responses=error_responses(401), summary="Models and methods")
async def models(service: SummaryService = Depends(get_service)) -> dict:
    summarizer = service.summarizer
    available, reason = summarizer.abstractive_status()
    info = summarizer.model_info()
    registry, registry_default, registry_error = _registry()
    return {
        "methods": list(summarizer.methods()),
        "default_method": summarizer.settings.default_method,
        "extractive_ranker": summarizer.settings.extractive_ranker,
        "abstractive": {"available": available, "reason": reason},
        "model": info["model"],
        "loaded": info["loaded"],
        "backend": info["backend"],
        "device": str(info["device"]),
        "load_seconds": info["load_seconds"],
        "registry_default": registry_default,
        "registry": registry,
        "registry_error": registry_error,
    }


def _registry() -> tuple[list[dict], str | None, str | None]:
    """The registered models, or the reason they cannot be listed (the rest of the page still works)."""
    try:
        from summarizer.abstractive.registry import load_registry

        registry = load_registry()
    except (ImportError, SummarizerError) as exc:
        return [], None, str(exc)
    entries = [
        {
            "name": spec.name,
            "hub_id": spec.hub_id,
            "family": spec.family,
            "max_input_tokens": spec.max_input_tokens,
            "licence": spec.licence,
        }
        for spec in registry.models.values()
    ]
    return entries, registry.default, None
