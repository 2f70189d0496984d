"""The text layer's output: repaired paragraphs and sentences as spans of the RAW input.

Contract (the rest of the package relies on it):
- every span has 0 <= start < end <= len(raw), spans are in order and never overlap;
- raw[start:end] is exactly the source of that paragraph/sentence (it may contain line
  breaks, hyphens and spaces that `text` has cleaned away);
- `text` is the display text: normalised, hard wraps joined, hyphenation repaired;
- a sentence lies inside its paragraph; `kind` says what a ranker may use.
"""

from __future__ import annotations

from dataclasses import dataclass

# Sentence kinds: rankers select only BODY sentences; the others are exposed as metadata.
BODY = "body"
DATELINE = "dateline"
BYLINE = "byline"
BOILERPLATE = "boilerplate"
HEADING = "heading"
SENTENCE_KINDS = (BODY, DATELINE, BYLINE, BOILERPLATE, HEADING)


@dataclass(frozen=True)
class SentenceSpan:
    start: int
    end: int
    text: str
    kind: str = BODY


@dataclass(frozen=True)
class ParagraphSpan:
    start: int
    end: int
    text: str
    sentences: tuple[SentenceSpan, ...]


@dataclass(frozen=True)
class Layout:
    paragraphs: tuple[ParagraphSpan, ...]
    dateline: SentenceSpan | None = None
    byline: SentenceSpan | None = None
