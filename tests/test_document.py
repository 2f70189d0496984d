import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.document import Document
from summarizer.errors import EmptyInputError, InputTooLargeError


def _alnum(text: str) -> str:
    return re.sub(r"\W", "", text)


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def assert_offsets_hold(doc: Document) -> None:
    raw = doc.raw
    previous_end = 0
    for sentence in doc.sentences:
        assert 0 <= sentence.start < sentence.end <= len(raw)
        assert sentence.start >= previous_end, "sentences overlap or are out of order"
        previous_end = sentence.end
        source = raw[sentence.start : sentence.end]
        assert source == source.strip(), "a sentence span starts or ends with whitespace"
        # The cleaned text only drops characters (line breaks, hyphens, spacing), never invents them.
        assert _is_subsequence(_alnum(sentence.text), _alnum(source))
        paragraph = doc.paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start and sentence.end <= paragraph.end
        assert sentence.index in paragraph.sentence_indices
    for before, after in zip(doc.paragraphs, doc.paragraphs[1:]):
        assert before.end <= after.start


def test_seed_sentences_keep_exact_raw_offsets(seed_text):
    doc = Document.from_text(seed_text)
    assert_offsets_hold(doc)
    assert len(doc.sentences) >= 12
    # Sentences are the article's own words: spot-check two with their exact raw source.
    texts = [s.text for s in doc.sentences]
    assert "Furthermore, the parties extensively exchanged views on cooperation in the field of humanitarian demining." in texts
    last = doc.sentences[-1]
    assert seed_text[last.start : last.end] == (
        "As part of their visit to NATO Headquarters, the delegation also visited the Mission of the Republic of Azerbaijan to NATO."
    )


def test_every_seed_word_is_in_some_sentence(seed_text):
    doc = Document.from_text(seed_text)
    covered = "".join(seed_text[s.start : s.end] for s in doc.sentences)
    assert _alnum(covered) == _alnum(seed_text)


def test_word_count_and_repaired_text(seed_text):
    doc = Document.from_text(seed_text)
    assert doc.word_count == sum(len(s.text.split()) for s in doc.sentences)
    repaired = doc.repaired_text()
    assert "\n\n" in repaired and "\n\n\n" not in repaired
    assert _alnum(repaired) == _alnum(seed_text)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \r\n", "\u00a0\u2002"])
def test_empty_or_whitespace_text_is_refused(text):
    with pytest.raises(EmptyInputError, match="empty"):
        Document.from_text(text)


def test_oversized_text_is_refused_with_the_limit_named():
    with pytest.raises(InputTooLargeError, match="limit of 100"):
        Document.from_text("word " * 50, max_chars=100)


def test_non_string_input_is_a_type_error():
    with pytest.raises(TypeError, match="decode bytes first"):
        Document.from_text(b"bytes are not text")


_WORDS = st.sampled_from(
    ["The", "minister", "said", "Mr.", "U.S.", "3.5%", "$1.13bn", "NATO", "well-", "known", "capabili-", "ties",
     "(PfP)", '"quoted', 'text."', "e.g.", "No.", "5", "...", "Brussels", "of", "and", "é", "ﬁ"]
)
_SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "\n\n", ". ", "? ", "! ", "\r\n", "\u00a0", "\t", "  \n  "])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_WORDS, _SEPARATORS), min_size=1, max_size=80))
def test_offsets_hold_for_generated_text(pieces):
    raw = "".join(word + sep for word, sep in pieces)
    doc = Document.from_text(raw)
    assert_offsets_hold(doc)


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_arbitrary_unicode_never_crashes(raw):
    try:
        doc = Document.from_text(raw)
    except EmptyInputError:
        return
    for sentence in doc.sentences:
        assert 0 <= sentence.start < sentence.end <= len(raw)


def test_tokenised_lower_case_text_splits_at_detached_full_stops():
    # The CNN/DailyMail release is lower-cased and tokenised: " . " ends a sentence even
    # though the next word is lower case; "u.s." and "st." stay inside their sentence.
    raw = "( cnn ) the u.s. navy says a seal has died . lt. david lloyd told reporters . it was sunday ."
    texts = [s.text for s in Document.from_text(raw).sentences]
    assert texts == [
        "( cnn ) the u.s. navy says a seal has died .",
        "lt. david lloyd told reporters .",
        "it was sunday .",
    ]
