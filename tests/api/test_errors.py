"""Every error status, in the one error shape, never with a traceback."""

from __future__ import annotations

import threading

import pytest

from summarizer.pipeline import Summarizer

from .conftest import GatedSummarizer, running_client, service_settings, wait_until


def assert_error(response, status: int, type: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"type", "message"}
    assert body["error"]["type"] == type
    assert "Traceback" not in response.text
    return body["error"]


def test_400_malformed_json(client):
    error = assert_error(
        client.post("/v1/summarize", content=b'{"text": "unterminated', headers={"Content-Type": "application/json"}),
        400,
        "malformed_json",
    )
    assert "not valid JSON" in error["message"]
    assert_error(client.post("/v1/summarize/batch", content=b"[1,", headers={"Content-Type": "application/json"}), 400, "malformed_json")


def test_400_text_plain_not_in_its_charset(client):
    assert_error(
        client.post("/v1/summarize", content=b"caf\xe9 au lait", headers={"Content-Type": "text/plain; charset=utf-8"}),
        400,
        "undecodable_input",
    )


def test_413_body_over_the_configured_limit(seed_text):
    limit = 1000
    assert len(seed_text.encode()) > limit
    with running_client(service_settings(max_body_bytes=limit)) as client:
        error = assert_error(client.post("/v1/summarize", json={"text": seed_text}), 413, "body_too_large")
        assert "1000 bytes" in error["message"] and "SUMMARIZER_MAX_BODY_BYTES" in error["message"]

        # A chunked body (no Content-Length) is cut off at the limit as well.
        def chunks():
            for _ in range(10):
                yield b"x" * 200

        assert_error(client.post("/v1/summarize", content=chunks(), headers={"Content-Type": "text/plain"}), 413, "body_too_large")
        # Under the limit still works.
        assert client.post("/v1/summarize", json={"text": seed_text[:800]}).status_code == 200


def test_413_article_over_max_text_chars(seed_text):
    with running_client(service_settings(max_text_chars=200)) as client:
        assert_error(client.post("/v1/summarize", json={"text": seed_text}), 413, "input_too_large")


def test_415_unsupported_media_type(client, seed_text):
    error = assert_error(
        client.post("/v1/summarize", data={"text": seed_text}),  # form-encoded
        415,
        "unsupported_media_type",
    )
    assert "application/json" in error["message"]
    assert_error(
        client.post("/v1/summarize/batch", content=seed_text, headers={"Content-Type": "text/plain"}), 415, "unsupported_media_type"
    )


@pytest.mark.parametrize(
    ("payload", "type"),
    [
        ({"text": ""}, "validation_error"),
        ({"text": "  \n\t "}, "empty_input"),
        ({}, "validation_error"),
        ({"text": "Some words.", "headline": {"max_words": 2}}, "validation_error"),
        ({"text": "Some words.", "summary": {"max_words": 100000}}, "validation_error"),
        ({"text": "Some words.", "summary": {"max_words": 30, "sentences": 2}}, "validation_error"),
        ({"text": "Some words.", "method": "telepathy"}, "invalid_option"),
        ({"text": "Some words.", "include": ["everything"]}, "validation_error"),
        ({"text": "Some words.", "surprise": True}, "validation_error"),
        (["not", "an", "object"], "validation_error"),
    ],
)
def test_422_validation(client, payload, type):
    assert_error(client.post("/v1/summarize", json=payload), 422, type)


def test_422_query_parameters_with_a_json_body_or_out_of_range(client, seed_text):
    assert_error(client.post("/v1/summarize", json={"text": seed_text}, params={"summary_sentences": 2}), 422, "validation_error")
    assert_error(
        client.post("/v1/summarize", content=seed_text, headers={"Content-Type": "text/plain"}, params={"headline_max_words": 99}),
        422,
        "validation_error",
    )


def test_422_batch_envelope(seed_text):
    with running_client(service_settings(max_batch_items=2)) as client:
        assert_error(client.post("/v1/summarize/batch", json={"items": []}), 422, "validation_error")
        assert_error(client.post("/v1/summarize/batch", json={"articles": [seed_text]}), 422, "validation_error")
        error = assert_error(
            client.post("/v1/summarize/batch", json={"items": [{"text": seed_text}] * 3}), 422, "validation_error"
        )
        assert "limit of 2" in error["message"]


def test_429_queue_full_with_retry_after(seed_text):
    settings = service_settings(queue_size=1, batch_max_size=1, max_batch_items=1)
    summarizer = GatedSummarizer(settings)
    with running_client(settings, summarizer) as client:
        service = client.app.state.service
        answers = {}

        def post(name):
            answers[name] = client.post("/v1/summarize", json={"text": seed_text, "id": name})

        running = threading.Thread(target=post, args=("running",))
        running.start()
        assert summarizer.entered.wait(5)  # the worker holds the first request
        waiting = threading.Thread(target=post, args=("waiting",))
        waiting.start()
        wait_until(lambda: service.lanes["extractive"].depth == 1)  # the second fills the queue
        try:
            refused = client.post("/v1/summarize", json={"text": seed_text, "id": "refused"})
            batch_refused = client.post("/v1/summarize/batch", json={"items": [{"text": seed_text}]})
        finally:
            summarizer.gate.set()
            running.join(10)
            waiting.join(10)
        error = assert_error(refused, 429, "queue_full")
        assert int(refused.headers["Retry-After"]) >= 1
        assert "SUMMARIZER_QUEUE_SIZE" in error["message"]
        assert_error(batch_refused, 429, "queue_full")
        assert answers["running"].status_code == 200 and answers["waiting"].status_code == 200
        assert answers["waiting"].json()["id"] == "waiting"
        assert 'outcome="queue_full"' in client.get("/metrics").text


def test_503_abstractive_without_a_model_says_how_to_get_one(client, seed_text):
    error = assert_error(client.post("/v1/summarize", json={"text": seed_text, "method": "abstractive"}), 503, "model_unavailable")
    assert "SUMMARIZER_MODEL" in error["message"] and "models pull" in error["message"]


def test_504_request_over_its_time_budget(seed_text):
    settings = service_settings(request_timeout_ms=150)
    summarizer = GatedSummarizer(settings)
    with running_client(settings, summarizer) as client:
        try:
            error = assert_error(client.post("/v1/summarize", json={"text": seed_text}), 504, "timeout")
            assert "SUMMARIZER_REQUEST_TIMEOUT_MS" in error["message"]
            batch = client.post("/v1/summarize/batch", json={"items": [{"text": seed_text, "id": "late"}]})
        finally:
            summarizer.gate.set()
        assert batch.status_code == 200
        [item] = batch.json()["items"]
        assert (item["id"], item["status"], item["error"]["type"]) == ("late", 504, "timeout")
        # Once the worker is free again the service answers normally.
        wait_until(lambda: client.app.state.service.lanes["extractive"].in_flight == 0)
        summarizer.gate.set()


class BrokenSummarizer(Summarizer):
    """A bug in the engine (not a SummarizerError): the response must not show it."""

    def summarize_requests(self, requests):
        raise RuntimeError("secret internal detail /etc/passwd")


def test_500_on_a_bug_hides_the_details_and_names_the_request_id(seed_text):
    with running_client(summarizer=BrokenSummarizer(service_settings())) as client:
        response = client.post("/v1/summarize", json={"text": seed_text}, headers={"X-Request-ID": "bug-1"})
        error = assert_error(response, 500, "internal_error")
        assert "secret" not in response.text and "bug-1" in error["message"]
        assert client.get("/healthz").status_code == 200  # the service survives it
