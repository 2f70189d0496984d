"""Words broken across a line with a hyphen: join them ("capabili-" + "ties") or keep the
hyphen ("well-" + "known", "Azerbaijan-" + "NATO").

The decision uses evidence from the document first (is the joined or the hyphenated form
used elsewhere in it?) and the shipped word list second.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from summarizer.text.normalize import ANY_SPACE, HSPACE_CHARS, LINE_BREAK
from summarizer.text.wordlist import english_words

# letters-hyphen, end of line, optional blank lines/indent, letters. The left piece must not
# itself follow a hyphen ("over-the-" + "counter" stays a compound).
HYPHEN_BREAK = re.compile(f"(?<![\\w-])([^\\W\\d_]+)-[{HSPACE_CHARS}]*{LINE_BREAK}{ANY_SPACE}*([^\\W\\d_]+)")
# A cheap test before HYPHEN_BREAK: the literal hyphen lets the regex engine skip ahead.
HYPHEN_AT_LINE_END = re.compile(f"-[{HSPACE_CHARS}]*{LINE_BREAK}")
# A word as the document vocabulary counts it: letters, with single hyphens inside.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LETTER = re.compile(r"[^\W\d_]")
_SPACE = re.compile(r"\s")
# Evidence comes from the neighbourhood of a break: its block of the document and the
# blocks either side. Any article is shorter than one block, so for articles this is the
# whole document; in a multi-megabyte archive it keeps each decision local and cheap.
VOCABULARY_BLOCK_CHARS = 100_000
MAX_WORD_SEARCHES = 16  # substring searches per neighbourhood before its word sets are built
MAX_OCCURRENCES_CHECKED = 64  # substring hits inside other words before giving up searching


class DocumentVocabulary:
    """Is a lower-case word (or hyphenated compound) used near a position of one document?

    A neighbourhood with few hyphen breaks gets few questions: each is answered by a
    substring search. Past MAX_WORD_SEARCHES its blocks' word sets are built, each block
    once. Either way the cost is linear in the document. An occurrence counts only as a
    whole word (a hyphen joins letters into one word: "well-known" holds neither "well"
    nor "known").
    """

    def __init__(self, raw: str) -> None:
        self._raw = raw
        self._lower: str | None = None
        self._bounds: list[int] = []  # block k is lower[bounds[k]:bounds[k + 1]]
        self._block_words: dict[int, set[str]] = {}
        self._searches: dict[int, int] = {}

    def used_near(self, word: str, pos: int) -> bool:
        """Is `word` (lower case) used as a whole word within a block of raw offset `pos`?"""
        lower = self._text()
        block = min(max(0, pos) // VOCABULARY_BLOCK_CHARS, len(self._bounds) - 2)
        first, last = max(0, block - 1), min(len(self._bounds) - 2, block + 1)
        searches = self._searches.get(block, 0)
        if searches < MAX_WORD_SEARCHES:
            self._searches[block] = searches + 1
            found = _search_word(lower, word, self._bounds[first], self._bounds[last + 1])
            if found is not None:
                return found
        return any(word in self._words(k) for k in range(first, last + 1))

    def _text(self) -> str:
        if self._lower is None:
            self._lower = lower = self._raw.lower()
            # Block bounds fall on whitespace, which no word contains.
            bounds = [0]
            for cut in range(VOCABULARY_BLOCK_CHARS, len(lower), VOCABULARY_BLOCK_CHARS):
                space = _SPACE.search(lower, max(cut, bounds[-1]))
                if space is None:
                    break
                if space.start() > bounds[-1]:
                    bounds.append(space.start())
            bounds.append(len(lower))
            self._bounds = bounds
        return self._lower

    def _words(self, block: int) -> set[str]:
        words = self._block_words.get(block)
        if words is None:
            words = set(_WORD.findall(self._lower or "", self._bounds[block], self._bounds[block + 1]))
            self._block_words[block] = words
        return words


def _search_word(text: str, word: str, start: int, end: int) -> bool | None:
    """Does `word` occur in text[start:end] (bounded by whitespace) as a whole word?
    None: too many hits inside other words to tell cheaply."""
    if not word or _WORD.fullmatch(word) is None:
        return False  # not something the word set could hold
    pos, size = start, len(word)
    for _ in range(MAX_OCCURRENCES_CHECKED):
        pos = text.find(word, pos, end)
        if pos < 0:
            return False
        if not _joins_letter_before(text, pos) and not _joins_letter_after(text, pos + size):
            return True
        pos += 1
    return None


def _joins_letter_before(text: str, pos: int) -> bool:
    """Is text[pos] preceded by a letter, or by a hyphen after a letter?"""
    if pos == 0:
        return False
    if _LETTER.match(text, pos - 1):
        return True
    return text[pos - 1] == "-" and pos >= 2 and _LETTER.match(text, pos - 2) is not None


def _joins_letter_after(text: str, end: int) -> bool:
    """Is text[end] a letter, or a hyphen before a letter?"""
    if end >= len(text):
        return False
    if _LETTER.match(text, end):
        return True
    return text[end] == "-" and _LETTER.match(text, end + 1) is not None


def should_join(left: str, right: str, vocabulary: DocumentVocabulary, pos: int = 0) -> bool:
    """True when `left`-newline-`right` (at raw offset `pos`) is one word split by the line
    break (drop the hyphen)."""
    if not right[0].islower():
        return False  # "Azerbaijan-NATO", "end-January": a capital after the hyphen is a compound
    joined = (left + right).lower()
    hyphenated = f"{left}-{right}".lower()
    if vocabulary.used_near(hyphenated, pos):
        return False
    if vocabulary.used_near(joined, pos):
        return True
    words = english_words()
    if joined in words:
        return True
    if left.lower() in words and right.lower() in words:
        return False  # two real words: a compound such as "well-known"
    # Fragments ("capabili" + "ties"): prefer one word, unless the pieces are long words.
    return True


def make_hyphen_fixer(vocabulary: DocumentVocabulary, raw_offset: Callable[[int], int]) -> Callable[[re.Match[str]], str]:
    """A re.sub callback that rewrites one HYPHEN_BREAK match; `raw_offset` maps an offset in
    the fragment being rewritten to the raw document."""

    def fix(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        return left + right if should_join(left, right, vocabulary, raw_offset(match.start())) else f"{left}-{right}"

    return fix
