"""Summarizer.summarize_requests / summarize_many: the batch calls the service's lanes use."""

from __future__ import annotations

import pytest

from summarizer.errors import EmptyInputError, ModelUnavailableError, OptionError
from summarizer.pipeline import Summarizer, SummaryRequest

from .conftest import service_settings


def test_each_request_keeps_its_options_and_errors_stay_in_place(seed_text):
    summarizer = Summarizer(service_settings())
    results = summarizer.summarize_requests(
        [
            SummaryRequest(seed_text, id="one", summary_sentences=1),
            SummaryRequest("   ", id="blank"),
            SummaryRequest(seed_text, id="abstractive", method="abstractive"),
            SummaryRequest(seed_text, id="three", summary_sentences=3, include_repaired_text=True),
            SummaryRequest(seed_text, id="bad", summary_words=1),
        ]
    )
    assert results[0].id == "one" and len(results[0].highlights) == 1
    assert isinstance(results[1], EmptyInputError)
    assert isinstance(results[2], ModelUnavailableError)
    assert results[3].id == "three" and len(results[3].highlights) == 3 and results[3].repaired_text
    assert isinstance(results[4], OptionError)
    # The same as one call per article.
    alone = summarizer.summarize(seed_text, id="one", summary_sentences=1)
    assert results[0].highlights == alone.highlights and results[0].headline == alone.headline


def test_summarize_many_shares_options_and_raises_the_first_error(seed_text):
    summarizer = Summarizer(service_settings())
    results = summarizer.summarize_many([seed_text, seed_text[:600]], ids=["a", "b"], summary_sentences=2)
    assert [r.id for r in results] == ["a", "b"] and all(len(r.highlights) <= 2 for r in results)
    with pytest.raises(EmptyInputError):
        summarizer.summarize_many([seed_text, ""])
