"""Document: the one immutable view of an article that every later stage reads.

Built from the raw input by the text layer (repair + segmentation). Every paragraph and
sentence keeps `start`/`end` offsets into `raw`, so `raw[start:end]` is its exact source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from summarizer.errors import EmptyInputError, InputTooLargeError
from summarizer.text import analyse_text
from summarizer.text.layout import BODY, SentenceSpan

# Hard ceiling for one article; settings may lower it. About 200 pages of text.
MAX_TEXT_CHARS = 1_000_000


@dataclass(frozen=True)
class Sentence:
    index: int  # position in Document.sentences
    paragraph: int  # index of the paragraph that holds it
    start: int
    end: int
    text: str  # cleaned display text (hard wraps joined, hyphenation repaired)
    kind: str = BODY  # body | dateline | byline | boilerplate | heading

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str
    sentence_indices: tuple[int, ...]


@dataclass(frozen=True)
class Document:
    raw: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    title: str | None = None
    # Detected metadata spans (raw offsets); a dateline may be a prefix of the first sentence.
    dateline: SentenceSpan | None = None
    byline: SentenceSpan | None = None
    _word_count: int = field(default=0, repr=False, compare=False)

    @classmethod
    def from_text(cls, raw: str, title: str | None = None, max_chars: int = MAX_TEXT_CHARS) -> "Document":
        """Repair and segment `raw`. Raises EmptyInputError / InputTooLargeError."""
        if not isinstance(raw, str):
            raise TypeError(f"text must be str, not {type(raw).__name__}; decode bytes first (summarizer.text.decode_bytes)")
        if len(raw) > max_chars:
            raise InputTooLargeError(
                f"text has {len(raw):,} characters, over the limit of {max_chars:,}; "
                "split the document or raise SUMMARIZER_MAX_TEXT_CHARS"
            )
        if not raw.strip():
            raise EmptyInputError("text is empty or only whitespace; send the article body")
        layout = analyse_text(raw)
        paragraphs: list[Paragraph] = []
        sentences: list[Sentence] = []
        for p_index, para in enumerate(layout.paragraphs):
            first = len(sentences)
            for span in para.sentences:
                sentences.append(Sentence(len(sentences), p_index, span.start, span.end, span.text, span.kind))
            paragraphs.append(Paragraph(p_index, para.start, para.end, para.text, tuple(range(first, len(sentences)))))
        if not sentences:
            raise EmptyInputError("text has no words to summarise; send the article body")
        words = sum(s.word_count for s in sentences)
        return cls(raw, tuple(paragraphs), tuple(sentences), title, layout.dateline, layout.byline, words)

    @property
    def word_count(self) -> int:
        return self._word_count

    @property
    def body_sentences(self) -> tuple[Sentence, ...]:
        """Sentences a summary may use: not datelines, bylines, boilerplate or headings."""
        return tuple(s for s in self.sentences if s.kind == BODY)

    def source(self, start: int, end: int) -> str:
        return self.raw[start:end]

    def repaired_text(self) -> str:
        """The repaired article: one paragraph per line block, separated by a blank line."""
        return "\n\n".join(p.text for p in self.paragraphs)
