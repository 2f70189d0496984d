"""The fast paths give the same answers as the general ones they short-cut."""

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.text import dehyphenate
from summarizer.text.dehyphenate import DocumentVocabulary
from summarizer.text.lines import scan_lines
from summarizer.text.normalize import clean_fragment, collapse_spaces

LINE_TEXT = st.text(alphabet=st.sampled_from(list("ab .-\t\n\x07\x1c\u00a0\u200b\u2003")), max_size=40)


def _general_scan(raw: str) -> list[tuple]:
    # The same text with a form feed appended takes the general (regex) path; the form
    # feed can only add a blank line at the end.
    return [(ln.start, ln.end, ln.indent, ln.text) for ln in scan_lines(raw + "\f")]


@settings(max_examples=300, deadline=None)
@given(LINE_TEXT)
def test_lf_only_line_scan_matches_general_scan(raw):
    fast = [(ln.start, ln.end, ln.indent, ln.text) for ln in scan_lines(raw)]
    general = _general_scan(raw)
    assert general[: len(fast)] == fast
    assert all(start == end for start, end, _, _ in general[len(fast) :])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab. \t\n\r\x0b\x0c\x1c\x1f\x07\x7f")), max_size=30))
def test_ascii_clean_fragment_matches_regex_cleaning(fragment):
    expected = collapse_spaces("".join(c for c in fragment if c not in "\x07\x7f"))
    assert clean_fragment(fragment) == expected


WORDS_TEXT = st.lists(st.sampled_from(["a", "b", "ab", "-", " ", "\n", "1", "é"]), max_size=30).map("".join)
WORD = st.text(alphabet=st.sampled_from(["a", "b", "-"]), min_size=1, max_size=4)


@settings(max_examples=400, deadline=None)
@given(WORDS_TEXT, WORD, st.integers(min_value=0, max_value=40), st.integers(min_value=1, max_value=12))
def test_word_search_and_word_sets_agree(text, word, pos, block):
    # Small blocks exercise the neighbourhood logic that full-size blocks use on archives.
    original = dehyphenate.VOCABULARY_BLOCK_CHARS
    dehyphenate.VOCABULARY_BLOCK_CHARS = block
    try:
        searching = DocumentVocabulary(text)
        by_sets = DocumentVocabulary(text)
        by_sets._searches = _Exhausted()  # every look-up goes to the word sets
        assert searching.used_near(word, pos) == by_sets.used_near(word, pos)
    finally:
        dehyphenate.VOCABULARY_BLOCK_CHARS = original


class _Exhausted(dict):
    def get(self, key, default=None):
        return dehyphenate.MAX_WORD_SEARCHES


def test_vocabulary_counts_whole_words_only():
    vocabulary = DocumentVocabulary("A well-known capability; the x-ray room.")
    assert vocabulary.used_near("well-known", 0)
    assert not vocabulary.used_near("well", 0)  # only inside a compound
    assert not vocabulary.used_near("capabilit", 0)  # only inside a longer word
    assert vocabulary.used_near("capability", 0)
    assert vocabulary.used_near("x-ray", 0)
    assert not vocabulary.used_near("ray", 0)


def test_vocabulary_evidence_is_local_in_a_long_archive():
    filler = "lorem ipsum dolor sit amet " * (dehyphenate.VOCABULARY_BLOCK_CHARS // 10)
    raw = "the firm's capabilities grew. " + filler + " end"
    vocabulary = DocumentVocabulary(raw)
    assert vocabulary.used_near("capabilities", 0)
    assert not vocabulary.used_near("capabilities", len(raw) - 1)  # three blocks away
