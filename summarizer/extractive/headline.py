"""Extractive headline: a source sentence cut to at most N words at a word boundary."""

from __future__ import annotations

import re

# A headline should not end on a word that promises more ("the", "of", "and" ...).
_DANGLING_WORDS = frozenset(
    """a an the of to in on at by for from with within into onto over under about as and or but nor
    that which who whom whose when where while if than then so because although though via per
    its their his her our your my this these those is are was were be been being has have had
    will would shall should can could may might must""".split()
)
_TRAILING_PUNCTUATION = re.compile(r"[\s,;:\-–—(\[{\"'“‘]+$")
_FINAL_STOP = re.compile(r"[.!?…]+[\"'”’)]*$")


def cut_headline(text: str, max_words: int) -> str:
    """At most `max_words` words of `text`, never ending on a dangling word or punctuation."""
    words = text.split()
    if len(words) > max_words:
        words = words[:max_words]
        while len(words) > 1 and words[-1].lower().strip(",;:\"'“”‘’()") in _DANGLING_WORDS:
            words.pop()
    headline = _TRAILING_PUNCTUATION.sub("", " ".join(words))
    # Headlines carry no final full stop (a question or exclamation mark may stay).
    return re.sub(r"\.+$", "", headline) if _FINAL_STOP.search(headline) else headline
