"""HTTP regressions found by adversarial QA."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from summarizer.api import create_app
from summarizer.settings import Settings


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(Settings.load(environ={}))) as client:
        yield client


# Bug 4: a misspelt option on a text/plain request (?words=5, the CLI's name) was ignored
# without a word: the editor got a 60-word summary and no error.
@pytest.mark.parametrize("query", ["words=5", "sentences=1", "headline_words=5", "summary_max_word=5"])
def test_unknown_query_parameters_are_refused_with_the_known_names(client, seed_text, query):
    response = client.post(f"/v1/summarize?{query}", content=seed_text.encode(), headers={"content-type": "text/plain"})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["type"] == "validation_error"
    assert query.split("=")[0] in error["message"] and "summary_max_words" in error["message"]


def test_known_query_parameters_still_work(client, seed_text):
    response = client.post(
        "/v1/summarize?summary_sentences=1&headline_max_words=3&include=highlights&title=%20&id=x",
        content=seed_text.encode(),
        headers={"content-type": "text/plain"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == "x" and len(body["highlights"]) == 1 and len(body["headline"].split()) <= 3


@pytest.mark.parametrize("raw", [b'{"text": "abc \\ud800 def. More."}', b'{"text": "ok. fine.", "title": "\\udfff"}'])
def test_lone_surrogates_in_json_are_a_validation_error(client, raw):
    response = client.post("/v1/summarize", content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 422 and response.json()["error"]["type"] == "validation_error"
