"""POST /v1/summarize (JSON or text/plain) and POST /v1/summarize/batch."""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from summarizer.api.bodies import JSON, decode_text, media_type, parse_json, read_body, validate
from summarizer.api.dependencies import get_service, require_api_key
from summarizer.api.errors import ApiError, describe, validation_message
from summarizer.api.logs import request_id_var
from summarizer.api.routers.docs import error_responses
from summarizer.api.schemas import BatchResponse, Include, SummarizeRequest, SummaryResponse
from summarizer.api.service import SummaryService
from summarizer.settings import HEADLINE_WORDS_RANGE, SUMMARY_SENTENCES_RANGE, SUMMARY_WORDS_RANGE

# The query parameters of POST /v1/summarize (text/plain bodies): the handler's arguments.
QUERY_PARAMETERS = (
    "title", "id", "method", "headline_max_words", "summary_max_words", "summary_sentences", "include",
)
# Statuses every summarise route can answer besides 200.
SUMMARIZE_ERRORS = (400, 401, 413, 415, 422, 429, 503, 504)


def build_router(example_text: str) -> APIRouter:
    """The summary routes, documented with `example_text` as the example article."""
    router = APIRouter(prefix="/v1", tags=["summaries"], dependencies=[Depends(require_api_key)])
    json_example = {
        "text": example_text,
        "id": "seed-000",
        "headline": {"max_words": 12},
        "summary": {"max_words": 60},
        "method": "auto",
        "include": ["highlights", "repaired_text"],
    }

    @router.post(
        "/summarize",
        summary="Headline and summary of one article",
        description="Send the request object as application/json, or the bare article as text/plain with "
        "the options as query parameters (query parameters are refused with a JSON body). The result is "
        "the same schema the Python API and the batch CLI return.",
        response_model=SummaryResponse,
        responses=error_responses(*SUMMARIZE_ERRORS),
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/SummarizeRequest"}, "example": json_example},
                    "text/plain": {"schema": {"type": "string", "minLength": 1}, "example": example_text},
                },
            }
        },
    )
    async def summarize(
        request: Request,
        service: SummaryService = Depends(get_service),
        title: str | None = Query(None, max_length=1000, description="text/plain only: the article's title"),
        id: str | None = Query(None, max_length=200, description="text/plain only: echoed back in the result"),
        method: str | None = Query(None, max_length=64, description="text/plain only: auto, extractive, abstractive or a ranker"),
        headline_max_words: int | None = Query(None, ge=HEADLINE_WORDS_RANGE[0], le=HEADLINE_WORDS_RANGE[1]),
        summary_max_words: int | None = Query(None, ge=SUMMARY_WORDS_RANGE[0], le=SUMMARY_WORDS_RANGE[1]),
        summary_sentences: int | None = Query(None, ge=SUMMARY_SENTENCES_RANGE[0], le=SUMMARY_SENTENCES_RANGE[1]),
        include: list[Include] = Query([], description="text/plain only: highlights, repaired_text"),
    ) -> Any:
        deadline = time.monotonic() + service.config.request_timeout_s
        unknown = sorted(set(request.query_params) - set(QUERY_PARAMETERS))
        if unknown:
            # A misspelt length (?words=20) would otherwise be ignored without a word.
            raise ApiError(
                422, "validation_error", f"unknown query parameters {unknown}; the options are: {', '.join(QUERY_PARAMETERS)}"
            )
        body = await read_body(request, service.config.max_body_bytes)
        kind, charset = media_type(request)
        query_options = {
            "title": title,
            "id": id,
            "method": method,
            "headline": {"max_words": headline_max_words} if headline_max_words is not None else None,
            "summary": _summary_options(summary_max_words, summary_sentences),
            "include": include or None,
        }
        given = {name: value for name, value in query_options.items() if value is not None}
        if kind == JSON:
            if given:
                raise ApiError(
                    422,
                    "validation_error",
                    f"query parameters {sorted(given)} apply to text/plain bodies only; put the options in the JSON body",
                )
            parsed = validate(SummarizeRequest, parse_json(body))
        else:
            parsed = validate(SummarizeRequest, {"text": decode_text(body, charset), **given})
        summary = await service.summarize(parsed.to_summary_request(), request_id_var.get(), deadline)
        return JSONResponse(summary.to_dict())

    @router.post(
        "/summarize/batch",
        summary="Headlines and summaries of several articles",
        description="Up to max_batch_items articles (default 32). Each item is answered on its own: an "
        "item that fails has {id, status, error} in its place and the others still succeed. The batch as "
        "a whole is refused only when the body is unusable (400/413/415/422) or the queue cannot take "
        "every item (429). Items not finished within the time budget get status 504 in their place.",
        response_model=BatchResponse,
        responses=error_responses(400, 401, 413, 415, 422, 429),
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/BatchRequest"},
                        "example": {"items": [json_example, {**json_example, "id": "seed-000-short", "summary": {"sentences": 1}}]},
                    }
                },
            }
        },
    )
    async def summarize_batch(request: Request, service: SummaryService = Depends(get_service)) -> Any:
        deadline = time.monotonic() + service.config.request_timeout_s
        body = await read_body(request, service.config.max_body_bytes)
        kind, _ = media_type(request)
        if kind != JSON:
            raise ApiError(415, "unsupported_media_type", "the batch route takes application/json: {\"items\": [...]}")
        items = _batch_items(parse_json(body), service.config.max_batch_items)
        # Validate each item on its own so that one bad item does not fail the others.
        parsed: list[Any] = []
        for item in items:
            try:
                parsed.append(validate(SummarizeRequest, item).to_summary_request())
            except RequestValidationError as exc:  # reported in the item's place
                parsed.append(exc)
        valid = [i for i, item in enumerate(parsed) if not isinstance(item, Exception)]
        results: list[Any] = list(parsed)
        if valid:
            done = await service.summarize_batch([parsed[i] for i in valid], request_id_var.get(), deadline)
            for position, result in zip(valid, done):
                results[position] = result
        output = [_batch_item(item, result) for item, result in zip(items, results)]
        failed = sum(1 for entry in output if "error" in entry)
        return JSONResponse({"items": output, "succeeded": len(output) - failed, "failed": failed})

    return router


def _summary_options(max_words: int | None, sentences: int | None) -> dict | None:
    options = {key: value for key, value in (("max_words", max_words), ("sentences", sentences)) if value is not None}
    return options or None


def _batch_items(data: Any, limit: int) -> list[Any]:
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise ApiError(422, "validation_error", 'the batch body must be an object {"items": [request, ...]}')
    unknown = sorted(set(data) - {"items"})
    if unknown:
        raise ApiError(422, "validation_error", f"unknown batch fields {unknown}; the batch body has only items")
    items = data["items"]
    if not items:
        raise ApiError(422, "validation_error", "items is empty; send at least one article")
    if len(items) > limit:
        raise ApiError(
            422,
            "validation_error",
            f"{len(items)} items is more than the limit of {limit} per batch; split the batch "
            "(or raise SUMMARIZER_MAX_BATCH_ITEMS on the server)",
        )
    return items


def _batch_item(item: Any, result: Any) -> dict:
    if not isinstance(result, BaseException):
        return result.to_dict()
    if isinstance(result, RequestValidationError):
        status, type, message = 422, "validation_error", validation_message(result)
    else:
        status, type, message, _ = describe(result)
    item_id = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None
    return {"id": item_id, "status": status, "error": {"type": type, "message": message}}
