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
_WORD = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]+)*")


class DocumentVocabulary:
    """Lower-case words and hyphenated compounds used in one document (built lazily)."""

    def __init__(self, raw: str) -> None:
        self._raw = raw
        self._words: set[str] | None = None

    @property
    def words(self) -> set[str]:
        if self._words is None:
            self._words = set(_WORD.findall(self._raw.lower()))
        return self._words


def should_join(left: str, right: str, vocabulary: DocumentVocabulary) -> bool:
    """True when `left`-newline-`right` is one word split by the line break (drop the hyphen)."""
    if not right[0].islower():
        return False  # "Azerbaijan-NATO", "end-January": a capital after the hyphen is a compound
    joined = (left + right).lower()
    hyphenated = f"{left}-{right}".lower()
    doc_words = vocabulary.words
    if hyphenated in doc_words:
        return False
    if joined in doc_words:
        return True
    words = english_words()
    if joined in words:
        return True
    if left.lower() in words and right.lower() in words:
        return False  # two real words: a compound such as "well-known"
    # Fragments ("capabili" + "ties"): prefer one word, unless the pieces are long words.
    return True


def make_hyphen_fixer(vocabulary: DocumentVocabulary) -> Callable[[re.Match[str]], str]:
    """A re.sub callback that rewrites one HYPHEN_BREAK match."""

    def fix(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        return left + right if should_join(left, right, vocabulary) else f"{left}-{right}"

    return fix
