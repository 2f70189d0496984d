"""Regression tests for bugs found by adversarial QA, one per bug, with newsroom inputs."""

from __future__ import annotations

import random

import numpy as np
import pytest

from summarizer import Summarizer
from summarizer.document import Document
from summarizer.extractive import features
from summarizer.settings import Settings

WORDS = "the mayor said council budget taxes would rise next year after long debate critics objected".split()


@pytest.fixture(scope="module")
def summarizer() -> Summarizer:
    return Summarizer(Settings.load(environ={}))


def _short_sentences(count: int, seed: int = 7) -> str:
    """`count` short sentences on one line, a few words from a small vocabulary each."""
    rng = random.Random(seed)
    return " ".join(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4))).capitalize() + "." for _ in range(count))


# --- Bug 1: the learned and lexrank rankers built a dense sentences x sentences similarity
# matrix: 12,500 sentences took 17 s, 50,000 sentences (an 830 KB article) needed ~20 GB.


@pytest.mark.parametrize("title", [None, "Council budget taxes", "unrelated zebra"])
def test_sparse_graph_features_equal_the_dense_ones(monkeypatch, seed_text, title):
    text = seed_text + "\n\nAn isolated quagga sentence.\n\n" + _short_sentences(200)
    document = Document.from_text(text, title=title)
    monkeypatch.setattr(features, "DENSE_GRAPH_MAX_SENTENCES", 10**9)
    dense = features.article_features(document)
    dense_lexrank = features.lexrank_of([s.text for s in document.sentences])
    monkeypatch.setattr(features, "DENSE_GRAPH_MAX_SENTENCES", 0)
    sparse = features.article_features(document)
    np.testing.assert_allclose(sparse.matrix, dense.matrix, rtol=0, atol=1e-12)
    assert sparse.tokens == dense.tokens
    np.testing.assert_allclose(features.lexrank_of([s.text for s in document.sentences]), dense_lexrank, rtol=0, atol=1e-12)


@pytest.mark.parametrize("method", ["learned", "lexrank"])
def test_a_long_article_never_builds_the_dense_similarity_matrix(monkeypatch, summarizer, method):
    def refuse(self):
        raise AssertionError("dense similarity matrix built for a long article")

    monkeypatch.setattr(features.SentenceVectors, "similarity", refuse)
    text = _short_sentences(features.DENSE_GRAPH_MAX_SENTENCES + 500)
    result = summarizer.summarize(text, method=method, summary_words=30)
    assert result.highlights and len(result.summary.split()) <= 30
    for highlight in result.highlights:
        assert text[highlight.start : highlight.end] == highlight.text


# --- Bug 2: text in scripts without letter case (Arabic, Hebrew, Hindi) never split after
# ". " and CJK text never split at 。 (no space follows it): the whole article was one
# sentence, so the "summary" was the whole article with summary_length_not_met.

CJK = "東京都は今日、新しい予算案を発表した。経済は成長していると知事は述べた。市民の多くは歓迎した。野党は反対した。"
ARABIC = "أعلنت الحكومة اليوم عن خطة جديدة. وقال الوزير إن الاقتصاد ينمو؟ ورحب المواطنون بالقرار. وانتقدت المعارضة الخطة."
HEBREW = "הממשלה הודיעה היום על תוכנית חדשה. השר אמר שהכלכלה צומחת. האזרחים בירכו על ההחלטה. האופוזיציה התנגדה."
HINDI = "सरकार ने आज नई योजना की घोषणा की। मंत्री ने कहा कि अर्थव्यवस्था बढ़ रही है। नागरिकों ने स्वागत किया। विपक्ष ने विरोध किया।"


@pytest.mark.parametrize("text", [CJK, ARABIC, HEBREW, HINDI], ids=["cjk", "arabic", "hebrew", "hindi"])
def test_caseless_and_full_width_scripts_are_split_into_sentences(summarizer, text):
    document = Document.from_text(text)
    assert len(document.sentences) == 4
    result = summarizer.summarize(text, summary_sentences=1)
    assert len(result.highlights) == 1 and len(result.summary) < len(text) / 2
    assert text[result.highlights[0].start : result.highlights[0].end] == result.highlights[0].text


def test_full_width_marks_keep_quotations_and_latin_rules():
    japanese = "「今日は晴れ。」と彼は言った。明日は雨。"
    spans = [japanese[s.start : s.end] for s in Document.from_text(japanese).sentences]
    assert spans == ["「今日は晴れ。」と彼は言った。", "明日は雨。"]
    latin = "It costs 3.5 dollars in the U.S.-led plan. Mr. 山田 spoke."
    assert [latin[s.start : s.end] for s in Document.from_text(latin).sentences] == [
        "It costs 3.5 dollars in the U.S.-led plan.",
        "Mr. 山田 spoke.",
    ]


# --- Bug 3: a column of figures (one number per line) was taken for PDF page numbers
# and dropped from the display text: the highlight said "0 39" for forty numbers.


def test_a_column_of_figures_is_not_dropped_as_page_numbers():
    text = "\n".join(str(n) for n in range(40))
    document = Document.from_text(text)
    shown = " ".join(s.text for s in document.sentences).split()
    assert shown == [str(n) for n in range(40)]


def test_a_page_number_inside_running_text_is_still_dropped():
    line = "the committee said in a statement released on Monday evening that the city"
    text = "\n".join([line] * 6 + ["12"] + [line] * 6) + "."
    shown = " ".join(s.text for s in Document.from_text(text).sentences)
    assert " 12 " not in shown


# --- Bug 5: a zero-width joiner was treated as a space, so emoji sequences came back split
# in the summary ("👨 👩 👧 👦", "🏳️ 🌈") and Indic conjuncts lost their joiner.


def test_zero_width_joiners_inside_emoji_and_words_are_kept(summarizer):
    text = "👨‍👩‍👧‍👦 Family news today. 🏳️‍🌈 Pride march drew crowds. क्‍ष is a conjunct."
    result = summarizer.summarize(text, summary_sentences=3)
    assert "👨‍👩‍👧‍👦" in result.summary and "🏳️‍🌈" in result.summary and "क्‍ष" in result.summary
    for highlight in result.highlights:
        assert text[highlight.start : highlight.end] == highlight.text


def test_a_joiner_next_to_a_space_or_alone_is_still_whitespace():
    from summarizer.text.normalize import clean_fragment

    assert clean_fragment("a\u200d b") == "a b"
    assert clean_fragment("\u200dab\u200d") == "ab"
    assert clean_fragment("\u200d\u200b") == ""
