"""Every route answers with the documented shape, on the seed article."""

from __future__ import annotations

import io
import json
import logging
import re

import jsonschema

from summarizer.api.logs import json_handler
from summarizer.api.schemas import SummaryResponse
from summarizer.summary import SCHEMA_VERSION, Summary, summary_json_schema

from .conftest import running_client, service_settings


def test_summarize_json_returns_the_library_result(client, seed_text):
    response = client.post("/v1/summarize", json={"text": seed_text, "id": "seed", "summary": {"sentences": 2}})
    assert response.status_code == 200
    body = response.json()
    jsonschema.validate(body, summary_json_schema())
    assert body["schema_version"] == SCHEMA_VERSION
    assert body["id"] == "seed"
    assert len(body["highlights"]) == 2
    # The highlights point at the raw input: the editor's page relies on these offsets.
    for highlight in body["highlights"]:
        assert seed_text[highlight["start"] : highlight["end"]] == highlight["text"]
    assert "repaired_text" not in body
    assert "extractive_only" in [w["code"] for w in body["warnings"]]
    # Same result as the Python API (timings aside).
    from summarizer import Summarizer

    expected = Summarizer(service_settings()).summarize(seed_text, id="seed", summary_sentences=2).to_dict()
    for volatile in (body, expected):
        volatile.pop("timings")
    assert body == expected


def test_summarize_include_repaired_text(client, seed_text):
    body = client.post("/v1/summarize", json={"text": seed_text, "include": ["highlights", "repaired_text"]}).json()
    assert body["repaired_text"].startswith("BAKU, Azerbaijan")
    assert body["highlights"]


def test_summarize_text_plain_with_query_parameters(client, seed_text):
    response = client.post(
        "/v1/summarize",
        content=seed_text.encode("utf-8"),
        headers={"Content-Type": "text/plain; charset=utf-8"},
        params={"id": "plain", "headline_max_words": 5, "summary_sentences": 1, "include": "repaired_text"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == "plain"
    assert len(body["headline"].split()) <= 5
    assert len(body["highlights"]) == 1
    assert "repaired_text" in body


def test_text_plain_in_another_charset(client):
    text = "Le café a rouvert mardi après deux ans de travaux.\n\nLe maire était présent."
    response = client.post("/v1/summarize", content=text.encode("latin-1"), headers={"Content-Type": "text/plain; charset=latin-1"})
    assert response.status_code == 200
    assert "café" in response.json()["summary"]


def test_batch_answers_each_item_and_reports_item_errors(client, seed_text):
    items = [
        {"text": seed_text, "id": "ok-1"},
        {"text": "   ", "id": "blank"},
        {"text": seed_text, "id": "abstractive", "method": "abstractive"},
        {"text": seed_text, "id": "bad-length", "summary": {"max_words": 2}},
        {"text": seed_text, "id": "ok-2", "summary": {"sentences": 1}},
    ]
    response = client.post("/v1/summarize/batch", json={"items": items})
    assert response.status_code == 200
    body = response.json()
    assert (body["succeeded"], body["failed"]) == (2, 3)
    results = body["items"]
    assert [r["id"] for r in results] == ["ok-1", "blank", "abstractive", "bad-length", "ok-2"]
    assert results[0]["headline"] and len(results[4]["highlights"]) == 1
    assert (results[1]["status"], results[1]["error"]["type"]) == (422, "empty_input")
    assert (results[2]["status"], results[2]["error"]["type"]) == (503, "model_unavailable")
    assert (results[3]["status"], results[3]["error"]["type"]) == (422, "validation_error")


def test_healthz_and_readyz(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    body = ready.json()
    assert body["ready"] is True
    assert body["abstractive"]["available"] is False
    assert "SUMMARIZER_MODEL" in body["abstractive"]["reason"]
    assert body["queues"] == {"extractive": 0, "abstractive": 0}


def test_models_lists_methods_and_model_state(client):
    body = client.get("/v1/models").json()
    assert {"auto", "extractive", "abstractive"} <= set(body["methods"])
    assert body["model"] is None and body["loaded"] is False
    assert body["abstractive"]["available"] is False
    assert body["backend"] == "auto"  # the setting until a model is loaded
    if body["registry_error"] is None:
        assert body["registry_default"] in [m["name"] for m in body["registry"]]


def test_metrics_count_requests_batches_and_queue(client, seed_text):
    for _ in range(3):
        assert client.post("/v1/summarize", json={"text": seed_text}).status_code == 200
    client.post("/v1/summarize", json={"text": ""})
    text = client.get("/metrics").text
    assert 'summarizer_http_requests_total{method="POST",route="/v1/summarize",status="200"} 3.0' in text
    assert 'summarizer_http_requests_total{method="POST",route="/v1/summarize",status="422"} 1.0' in text
    assert re.search(r'summarizer_http_request_duration_seconds_count\{method="POST",route="/v1/summarize"\} 4\.0', text)
    assert 'summarizer_queue_depth{lane="extractive"} 0.0' in text
    assert re.search(r'summarizer_batch_size_sum\{lane="extractive"\} 3\.0', text)
    assert re.search(r'summarizer_summaries_total\{method="\w+",outcome="ok"\} 3\.0', text)
    assert "summarizer_model_load_seconds" in text


def test_request_id_is_echoed_and_in_every_log_line(seed_text):
    stream = io.StringIO()
    handler = json_handler(stream)
    logger = logging.getLogger("summarizer")
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        with running_client() as client:
            response = client.post("/v1/summarize", json={"text": seed_text}, headers={"X-Request-ID": "editor-42"})
            unsafe = client.get("/healthz", headers={"X-Request-ID": "bad id\nforged"})
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    assert response.headers["X-Request-ID"] == "editor-42"
    assert re.fullmatch(r"[0-9a-f]{32}", unsafe.headers["X-Request-ID"])  # replaced, not echoed
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    access = [line for line in lines if line["logger"] == "summarizer.api.access" and line["path"] == "/v1/summarize"]
    assert access and access[0]["request_id"] == "editor-42" and access[0]["status"] == 200
    assert all("request_id" in line for line in lines)


def test_openapi_documents_the_bodies_with_the_seed_example(client, seed_text):
    schema = client.get("/openapi.json").json()
    operation = schema["paths"]["/v1/summarize"]["post"]
    content = operation["requestBody"]["content"]
    assert content["application/json"]["example"]["text"] == seed_text
    assert content["text/plain"]["example"] == seed_text
    assert {"SummarizeRequest", "BatchRequest", "SummaryResponse", "ErrorResponse"} <= set(schema["components"]["schemas"])
    assert {"400", "413", "415", "422", "429", "503", "504"} <= set(operation["responses"])
    assert "Retry-After" in operation["responses"]["429"]["headers"]
    assert client.get("/docs").status_code == 200


def test_response_model_matches_the_summary_schema():
    """The pydantic response model and Summary.to_dict() describe the same fields."""
    assert set(SummaryResponse.model_fields) == set(summary_json_schema()["properties"])
    assert set(SummaryResponse.model_fields) == {f for f in Summary.__dataclass_fields__}


def test_editor_page_and_static_files(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'id="article"' in page.text and "/static/app.js" in page.text
    script = client.get("/static/app.js")
    assert script.status_code == 200 and "/v1/summarize" in script.text


def test_unknown_route_uses_the_error_shape(client):
    response = client.get("/v2/nothing")
    assert response.status_code == 404
    assert response.json()["error"]["type"] == "not_found"
    assert client.get("/v1/summarize").json()["error"]["type"] == "method_not_allowed"
