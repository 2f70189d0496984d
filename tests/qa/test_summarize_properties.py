"""Property test of the engine's contract over arbitrary text and every valid option.

For any string and any in-range lengths, Summarizer().summarize either returns a Summary
or raises a SummarizerError subclass (never anything else), and the Summary keeps the
documented promises: raw offsets that point at each sentence's source, a headline of at
most the asked words, a summary within the asked length unless a warning says why not.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer import Summarizer
from summarizer.errors import SummarizerError
from summarizer.settings import HEADLINE_WORDS_RANGE, SUMMARY_SENTENCES_RANGE, SUMMARY_WORDS_RANGE, Settings
from summarizer.text.normalize import clean_fragment, is_space

# Pieces newsroom text is made of, so that generated strings look like articles (many
# sentences, line breaks, scripts without spaces) and not only like noise.
PIECES = [
    "The mayor said on Monday that taxes would rise.", "Critics objected.", "WASHINGTON (AP) —",
    "By Jane Doe", "東京都は今日、新しい政策を発表した。", "أعلن الوزير اليوم خطة جديدة.", "הממשלה הודיעה.",
    "รัฐบาลประกาศแผนใหม่วันนี้", "👨‍👩‍👧‍👦 🏳️‍🌈", "Cafe\u0301", "e.g.", "U.S.", "3.5%", "$1,200", "| 2021 | 1.5 |",
    "- bullet", "* item", "<p>", "</p>", "# Heading", "\n", "\n\n", "\r", "\r\n", "\f", "\t", " ", "\x00", "\u200b",
    "\u202e", "\u00ad", "-\n", "...", "?", "!", "\"", "“", "”", "12", "Page 3", "econ-\nomy",
]
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map("".join),
)


def _lengths():
    headline = st.one_of(st.none(), st.integers(*HEADLINE_WORDS_RANGE))
    words = st.integers(*SUMMARY_WORDS_RANGE).map(lambda n: {"summary_words": n})
    sentences = st.integers(*SUMMARY_SENTENCES_RANGE).map(lambda n: {"summary_sentences": n})
    summary = st.one_of(st.just({}), words, sentences)
    return st.tuples(headline, summary)


def _letters(text: str) -> str:
    """What a sentence's display text keeps of its source: no spaces, invisible characters
    or hyphens (line-end hyphenation is repaired)."""
    return "".join(c for c in clean_fragment(text) if not is_space(c) and c not in "-\u00ad")


@pytest.fixture(scope="module")
def summarizer() -> Summarizer:
    return Summarizer(Settings.load(environ={}))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT, lengths=_lengths(), title=st.one_of(st.none(), st.text(max_size=20)), method=st.sampled_from([None, "lead", "lexrank", "learned"]))
def test_summarize_keeps_its_contract_for_any_text(summarizer, text, lengths, title, method):
    headline_words, summary_options = lengths
    try:
        result = summarizer.summarize(text, title=title, method=method, headline_words=headline_words, **summary_options)
    except SummarizerError:
        return
    codes = {w.code for w in result.warnings}
    asked_headline = headline_words or summarizer.settings.headline_words
    assert len(result.headline.split()) <= asked_headline
    for highlight in (*result.highlights, result.headline_source):
        source = text[highlight.start : highlight.end]
        assert 0 <= highlight.start < highlight.end <= len(text)
        assert _letters(source) == _letters(highlight.text), (source, highlight.text)
    if "summary_words" in summary_options or not summary_options:
        asked_words = summary_options.get("summary_words", summarizer.settings.summary_words)
        assert len(result.summary.split()) <= asked_words or "summary_length_not_met" in codes
    else:
        assert len(result.highlights) <= summary_options["summary_sentences"]
    assert result.to_dict()["summary"] == result.summary
