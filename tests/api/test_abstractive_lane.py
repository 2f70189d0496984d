"""The abstractive lane with a real (tiny, random-weight) checkpoint through the engine:
micro-batched requests share engine calls and get the same results as one by one."""

from __future__ import annotations

import threading

import pytest

from summarizer.errors import OptionError
from summarizer.pipeline import Summarizer, SummaryRequest

from .conftest import running_client, service_settings

builders = pytest.importorskip("abstractive.builders", reason="the tiny-model builders of tests/abstractive are needed")


@pytest.fixture(scope="module")
def tiny_bart(tmp_path_factory):
    return builders.build_tiny_bart(tmp_path_factory.mktemp("tiny-bart-api") / "tiny-bart")


def tiny_settings(path, **overrides):
    return service_settings(model=str(path), models_dir=path.parent, device="cpu", quantization="none", torch_threads=1, **overrides)


class CountingSummarizer(Summarizer):
    """Records how many articles each engine call received."""

    def __init__(self, settings):
        super().__init__(settings)
        self.engine_calls: list[int] = []

    def _abstractive_summaries(self, documents, contract):
        self.engine_calls.append(len(documents))
        return super()._abstractive_summaries(documents, contract)


def test_abstractive_requests_share_one_engine_call_per_length_contract(tiny_bart, seed_text):
    summarizer = CountingSummarizer(tiny_settings(tiny_bart))
    short = seed_text[: seed_text.index("Within the framework")]
    requests = [
        SummaryRequest(seed_text, id="a", method="abstractive", summary_words=20),
        SummaryRequest(short, id="b", method="abstractive", summary_words=20, include_repaired_text=True),
        SummaryRequest(seed_text, id="c", method="abstractive", summary_words=30),
        SummaryRequest(seed_text, id="bad", method="abstractive", summary_words=1),
        SummaryRequest(seed_text, id="x", method="extractive"),
    ]
    results = summarizer.summarize_requests(requests)
    assert sorted(summarizer.engine_calls) == [1, 2]  # (a, b) together, c alone; bad never reached the engine
    assert isinstance(results[3], OptionError)
    assert results[4].method != "abstractive"
    assert [r.id for r in results[:3]] == ["a", "b", "c"]
    assert results[1].repaired_text and results[0].repaired_text is None
    # Batched or alone, the same output.
    for request, result in zip(requests[:3], results[:3]):
        alone = summarizer.summarize(request.text, **request.options())
        assert (result.method, result.model, result.headline, result.summary) == ("abstractive", alone.model, alone.headline, alone.summary)


def test_concurrent_http_requests_are_micro_batched(tiny_bart, seed_text):
    settings = tiny_settings(tiny_bart, batch_max_size=8, batch_wait_ms=200)
    summarizer = CountingSummarizer(settings)
    with running_client(settings, summarizer) as client:
        answers = [None] * 6

        def post(i):
            answers[i] = client.post("/v1/summarize", json={"text": seed_text, "id": f"r{i}", "summary": {"max_words": 20}})

        threads = [threading.Thread(target=post, args=(i,)) for i in range(len(answers))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert [a.status_code for a in answers] == [200] * 6
        assert {a.json()["method"] for a in answers} == {"abstractive"}  # auto with a model configured
        assert [a.json()["id"] for a in answers] == [f"r{i}" for i in range(6)]
        assert max(summarizer.engine_calls) > 1  # requests shared a forward pass
        assert sum(summarizer.engine_calls) == 6
        metrics = client.get("/metrics").text
        assert 'summarizer_batch_size_count{lane="abstractive"}' in metrics
        assert 'summarizer_model_load_seconds{model=' in metrics
        models = client.get("/v1/models").json()
        assert models["loaded"] is True and models["load_seconds"] is not None
