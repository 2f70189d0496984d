"""Selection: budgets in every unit, whole sentences only, redundancy, metadata left out."""

import pytest

from summarizer.document import Document
from summarizer.extractive.lead import LeadRanker
from summarizer.extractive.selection import LengthBudget, select_sentences
from summarizer.pipeline import Summarizer

ARTICLE = (
    "Storms closed the main port of the island on Tuesday.\n\n"
    "Ferries stayed in harbour and flights were cancelled.\n\n"
    "Storms closed the main port of the island again, officials said.\n\n"
    "The weather service expects calmer seas by the weekend.\n\n"
    "Shops in the capital ran short of bread and milk."
)


def _document(text=ARTICLE):
    return Document.from_text(text)


def _scores(document, order):
    """Scores that rank sentence indices in `order` first."""
    scores = [0.0] * len(document.sentences)
    for rank, index in enumerate(order):
        scores[index] = 1.0 - rank / 10
    return scores


def test_sentence_budget_keeps_document_order():
    document = _document()
    selection = select_sentences(document, _scores(document, [3, 0, 4]), LengthBudget(sentences=2))
    assert selection.indices == (0, 3)


def test_word_budget_never_cuts_a_sentence_and_skips_one_that_does_not_fit():
    document = _document()
    selection = select_sentences(document, _scores(document, [0, 2, 1, 3, 4]), LengthBudget(words=20))
    words = sum(document.sentences[i].word_count for i in selection.indices)
    assert words <= 20
    assert 0 in selection.indices
    for i in selection.indices:
        sentence = document.sentences[i]
        assert document.raw[sentence.start : sentence.end].split() == sentence.text.split()


def test_character_budget_counts_the_joined_summary():
    document = _document()
    budget = LengthBudget(characters=110)
    selection = select_sentences(document, _scores(document, [0, 1, 3, 4]), budget)
    joined = " ".join(document.sentences[i].text for i in selection.indices)
    assert len(joined) <= 110
    assert len(selection.indices) == 2


def test_ratio_budget_is_a_share_of_the_body_words():
    document = _document()
    selection = select_sentences(document, _scores(document, [0, 1, 2, 3, 4]), LengthBudget(ratio=0.4))
    words = sum(document.sentences[i].word_count for i in selection.indices)
    assert 0 < words <= 0.4 * sum(s.word_count for s in document.sentences) + 1


@pytest.mark.parametrize(
    "kwargs", [{}, {"words": 5, "sentences": 2}, {"ratio": 0}, {"ratio": 1.5}, {"characters": 0}]
)
def test_budget_needs_exactly_one_valid_unit(kwargs):
    with pytest.raises(ValueError):
        LengthBudget(**kwargs)


def test_trigram_blocking_skips_a_repeated_sentence():
    document = _document(ARTICLE + "\n\n" + "\n\n".join(f"Filler sentence number {n} about nothing else." for n in range(12)))
    scores = _scores(document, [0, 2, 1])
    blocked = select_sentences(document, scores, LengthBudget(sentences=2))
    assert blocked.indices == (0, 1)  # sentence 2 repeats "closed the main port of the island"
    unblocked = select_sentences(document, scores, LengthBudget(sentences=2), block_redundant=False)
    assert unblocked.indices == (0, 2)


def test_blocked_sentences_come_back_when_the_budget_needs_them():
    document = _document("The port is closed today. The port is closed today, again.")
    selection = select_sentences(document, [1.0, 0.9], LengthBudget(sentences=2), block_redundant=True)
    assert selection.indices == (0, 1)


def test_positional_selection_is_a_prefix():
    document = _document()
    ranker = LeadRanker()
    selection = select_sentences(document, ranker.score(document), LengthBudget(words=12), positional=True)
    assert selection.indices == (0,)


def test_datelines_and_boilerplate_are_never_selected(seed_text):
    document = Document.from_text(seed_text)
    excluded = [s.index for s in document.sentences if s.kind != "body"]
    assert excluded, "the seed article starts with a dateline"
    scores = [1.0 if s.kind != "body" else 0.0 for s in document.sentences]  # metadata ranked first
    selection = select_sentences(document, scores, LengthBudget(sentences=3))
    assert not set(selection.indices) & set(excluded)


def test_over_budget_best_sentence_comes_back_whole_with_a_warning():
    document = _document()
    selection = select_sentences(document, _scores(document, [0]), LengthBudget(words=3))
    assert selection.indices == (0,)
    assert [w.code for w in selection.warnings] == ["summary_length_not_met"]


@pytest.mark.parametrize("method", ["lead", "lexrank", "learned"])
def test_one_sentence_article_returns_that_sentence(method):
    text = "The central bank raised its main interest rate by a quarter point on Thursday."
    summary = Summarizer(default_method=method).summarize(text, method=method, summary_sentences=3)
    assert [h.text for h in summary.highlights] == [text]
    assert summary.headline_source is not None and summary.headline_source.sentence == 0
    assert "document_shorter_than_requested" in summary.warning_codes


@pytest.mark.parametrize("method", ["lexrank", "learned"])
def test_short_article_comes_back_whole_with_a_warning(method):
    summary = Summarizer().summarize(ARTICLE, method=method, summary_words=500)
    assert [h.sentence for h in summary.highlights] == [0, 1, 2, 3, 4]
    assert "document_shorter_than_requested" in summary.warning_codes


@pytest.mark.parametrize("method", ["lexrank", "learned"])
def test_other_languages_get_a_valid_extractive_summary(method):
    text = (
        "Der Stadtrat hat am Montag den Bau einer neuen Straßenbahnlinie beschlossen.\n\n"
        "Die Linie soll den Bahnhof mit dem Krankenhaus und der Universität verbinden.\n\n"
        "Nach Angaben des Rates beginnen die Arbeiten im kommenden Frühjahr.\n\n"
        "Die Kosten werden auf 120 Millionen Euro geschätzt."
    )
    summary = Summarizer().summarize(text, method=method, summary_sentences=2)
    document = Document.from_text(text)
    assert len(summary.highlights) == 2
    for highlight in summary.highlights:
        assert text[highlight.start : highlight.end].split() == highlight.text.split()
        assert highlight.text == document.sentences[highlight.sentence].text
    assert summary.headline and len(summary.headline.split()) <= 12


def test_every_highlight_has_raw_offsets_and_its_score(seed_text):
    summary = Summarizer().summarize(seed_text, method="learned", summary_sentences=3)
    assert len(summary.highlights) == 3
    for highlight in summary.highlights:
        assert seed_text[highlight.start : highlight.end].split() == highlight.text.split()
        assert 0.0 <= highlight.score <= 1.0
