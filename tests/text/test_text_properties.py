"""Property tests: analysis never crashes, offsets are exact, repair is idempotent."""

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.text import analyse_text
from summarizer.text.layout import SENTENCE_KINDS

# Text built from pieces that exercise the repair rules, plus arbitrary characters.
PIECES = st.sampled_from(
    [
        "the", "of", "Mr.", "U.S.", "capabili-", "ties", "well-", "known", "said.", '"', "(", ")",
        "3.5%", "$1.13bn", "No.", "5", "...", "?", "!", "BAKU,", "March 8.", "LONDON (Reuters) -",
        "By", "Share this with", "Email", "12", "-", "--", "Ab", "CD", "é", "e\u0301",
        "\n", "\n\n", "\r\n", "\n    ", "\t", " ", "\u00a0", "\u200b", "\f", "\x07", "\u2028",
    ]
)
TEXT = st.one_of(
    st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=60).map(" ".join),
    st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=60).map("".join),
    st.text(max_size=200),
)


def repaired(raw: str) -> str:
    return "\n\n".join(p.text for p in analyse_text(raw).paragraphs)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_offsets_are_valid_ordered_and_nested(raw):
    layout = analyse_text(raw)
    last_end = 0
    for para in layout.paragraphs:
        assert last_end <= para.start < para.end <= len(raw)
        assert para.text and not raw[para.start].isspace() and not raw[para.end - 1].isspace()
        last_end = para.end
        inner_end = para.start
        for sentence in para.sentences:
            assert inner_end <= sentence.start < sentence.end <= para.end
            assert sentence.text
            assert sentence.kind in SENTENCE_KINDS
            inner_end = sentence.end
    for span in (layout.dateline, layout.byline):
        if span is not None:
            assert 0 <= span.start < span.end <= len(raw)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_repair_is_idempotent(raw):
    once = repaired(raw)
    assert repaired(once) == once, repr(raw)


def _letters(text: str, digits: bool = True) -> str:
    return "".join(c for c in unicodedata.normalize("NFC", text) if c.isalpha() or (digits and c.isdigit()))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_paragraph_text_keeps_every_letter_of_its_source(raw):
    # Repair re-spaces and removes hyphens but never loses or invents letters; the only
    # characters it may drop are page numbers between hard-wrapped lines.
    for para in analyse_text(raw).paragraphs:
        source = raw[para.start : para.end]
        assert _letters(para.text, digits=False) == _letters(source, digits=False)
        if "\n" not in source:
            assert _letters(para.text) == _letters(source)
