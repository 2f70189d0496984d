"""Sentence segmentation: abbreviations, initials, numbers, quotes, ellipses, headings."""

import pytest

from summarizer.text import analyse_text
from summarizer.text.segment import split_sentences


def sentences(raw: str) -> list[str]:
    return [raw[a:b] for a, b in split_sentences(raw, 0, len(raw))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("The U.S. Treasury sold bonds. Yields rose.", ["The U.S. Treasury sold bonds.", "Yields rose."]),
        ("It was sold in the U.S. The price fell.", ["It was sold in the U.S.", "The price fell."]),
        ("Acme Inc. said profit rose. Shares fell.", ["Acme Inc. said profit rose.", "Shares fell."]),
        ("He works for Acme Inc. The firm is big.", ["He works for Acme Inc.", "The firm is big."]),
        ("Gen. Smith arrived on Jan. 5 in Kabul.", ["Gen. Smith arrived on Jan. 5 in Kabul."]),
        ("Fruit, e.g. apples, is cheap. Bread is not.", ["Fruit, e.g. apples, is cheap.", "Bread is not."]),
        ("He ranked No. 5 in the world. Then he retired.", ["He ranked No. 5 in the world.", "Then he retired."]),
        ("J. R. R. Tolkien wrote it. George W. Bush read it.", ["J. R. R. Tolkien wrote it.", "George W. Bush read it."]),
        ("Profit was $1.13bn, up 3.5%. Sales rose.", ["Profit was $1.13bn, up 3.5%.", "Sales rose."]),
        ('"We will win," he said. "Then we rest."', ['"We will win," he said.', '"Then we rest."']),
        ('He said: "It is over." Then he left.', ['He said: "It is over."', "Then he left."]),
        ("It was... Then it happened. And more... or less.", ["It was... Then it happened.", "And more... or less."]),
        ('He said: "We wait..." Then he left.', ['He said: "We wait..."', "Then he left."]),
        ('"Why?" he asked. Nobody knew!', ['"Why?" he asked.', "Nobody knew!"]),
        ("Sales rose in 1986. 15 shops opened.", ["Sales rose in 1986.", "15 shops opened."]),
        ("Prices rose (see below). Then fell.", ["Prices rose (see below).", "Then fell."]),
    ],
)
def test_sentence_boundaries(text, expected):
    assert sentences(text) == expected


def test_sentences_across_line_breaks_keep_raw_offsets():
    raw = "The firm said it would\nclose. Workers\nwere told on Monday."
    spans = split_sentences(raw, 0, len(raw))
    assert [raw[a:b] for a, b in spans] == ["The firm said it would\nclose.", "Workers\nwere told on Monday."]


def test_heading_without_final_punctuation_is_its_own_sentence():
    layout = analyse_text("Market report\n\nShares rose on Monday. Bonds fell.")
    first = layout.paragraphs[0].sentences
    assert [s.text for s in first] == ["Market report"]
    assert first[0].kind == "heading"
    assert [s.kind for s in layout.paragraphs[1].sentences] == ["body", "body"]


def test_seed_dateline_does_not_disturb_sentence_splitting(seed_text):
    layout = analyse_text(seed_text)
    first = layout.paragraphs[0].sentences
    assert [s.text for s in first] == [
        "BAKU, Azerbaijan, March 8.",
        "The delegation of the Milli Majlis of the Republic of Azerbaijan to the NATO "
        "Parliamentary Assembly is on a working visit to Brussels, Trend reports.",
    ]
    assert first[0].kind == "dateline"
    second = layout.paragraphs[1].sentences
    assert second[0].text.startswith("On 6-8 March 2025, the delegation")
    assert second[1].text.startswith("The delegation, together with")
