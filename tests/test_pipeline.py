import pytest

from summarizer import ModelUnavailableError, OptionError, Settings, Summarizer

ARTICLE = (
    "The city council approved a new budget on Tuesday after a long debate.\n\n"
    "The plan raises spending on schools by five percent and cuts road repairs.\n\n"
    "Opponents said the cuts would leave dangerous potholes for another winter.\n\n"
    "The mayor said she would sign the budget before the end of the week."
)


@pytest.fixture(scope="module")
def summarizer() -> Summarizer:
    return Summarizer(Settings.load(environ={}))


def test_lead_takes_leading_sentences_within_the_word_budget(summarizer):
    result = summarizer.summarize(ARTICLE, method="lead", summary_words=30)
    assert result.method == "lead"
    assert [h.sentence for h in result.highlights] == [0, 1]
    assert len(result.summary.split()) <= 30
    assert result.summary.startswith("The city council approved")


def test_highlights_point_at_their_raw_source(summarizer):
    result = summarizer.summarize(ARTICLE, summary_sentences=3)
    assert len(result.highlights) == 3
    for highlight in result.highlights:
        assert ARTICLE[highlight.start : highlight.end] == highlight.text
    assert result.headline_source is not None
    assert ARTICLE[result.headline_source.start : result.headline_source.end].startswith("The city council")


def test_headline_respects_max_words_and_never_ends_on_a_function_word(summarizer):
    for limit in (3, 5, 8, 12):
        headline = summarizer.summarize(ARTICLE, headline_words=limit).headline
        words = headline.split()
        assert 1 <= len(words) <= limit
        assert words[-1].lower() not in {"a", "the", "on", "of", "after", "and"}
        assert not headline.endswith(".")


def test_lead_headline_is_the_first_sentence_cut_at_a_word_boundary(summarizer):
    result = summarizer.summarize(ARTICLE, method="lead", headline_words=7)
    assert result.headline == "The city council approved a new budget"
    assert result.headline_source.sentence == 0


def test_long_first_sentence_is_returned_whole_with_a_warning(summarizer):
    text = "One " + "very " * 40 + "long sentence opens this article. A short one follows."
    result = summarizer.summarize(text, method="lead", summary_words=10)
    assert result.highlights[0].text.startswith("One very")
    assert "summary_length_not_met" in result.warning_codes
    assert result.summary.endswith("article.")


def test_short_article_comes_back_whole_with_a_warning(summarizer):
    result = summarizer.summarize("Only one sentence here.", summary_sentences=3)
    assert result.summary == "Only one sentence here."
    assert "document_shorter_than_requested" in result.warning_codes


def test_without_a_model_responses_say_they_are_extractive(summarizer):
    result = summarizer.summarize(ARTICLE)
    assert result.method == summarizer.settings.extractive_ranker
    assert "extractive_only" in result.warning_codes
    available, reason = summarizer.abstractive_status()
    assert available is False and "SUMMARIZER_MODEL" in reason


def test_abstractive_without_a_model_is_a_clear_error(summarizer):
    with pytest.raises(ModelUnavailableError, match="SUMMARIZER_MODEL"):
        summarizer.summarize(ARTICLE, method="abstractive")


@pytest.mark.parametrize(
    "options, message",
    [
        ({"method": "magic"}, "unknown method"),
        ({"summary_words": 2}, "from 5 to 1000"),
        ({"summary_sentences": 0}, "from 1 to 100"),
        ({"headline_words": 100}, "from 3 to 22"),
        ({"summary_words": 50, "summary_sentences": 2}, "not both"),
    ],
)
def test_bad_options_are_refused(summarizer, options, message):
    with pytest.raises(OptionError, match=message):
        summarizer.summarize(ARTICLE, **options)


def test_timings_are_reported(summarizer):
    timings = summarizer.summarize(ARTICLE).timings
    assert {"preprocess_ms", "rank_ms", "total_ms"} <= set(timings)
    assert timings["total_ms"] >= timings["rank_ms"] >= 0
