"""Raw text -> Layout: repair paragraphs, split sentences, label metadata.

Spans are offsets into the raw string; display text is derived per span (page numbers
dropped, hyphenated line breaks repaired, whitespace and Unicode normalised).
"""

from __future__ import annotations

from bisect import bisect_right

from summarizer.text.dehyphenate import HYPHEN_AT_LINE_END, HYPHEN_BREAK, DocumentVocabulary, make_hyphen_fixer
from summarizer.text.layout import BODY, BYLINE, DATELINE, Layout, ParagraphSpan, SentenceSpan
from summarizer.text.metadata import attribution_tail, classify_sentence, dateline_length
from summarizer.text.normalize import clean_fragment, is_space
from summarizer.text.repair import RepairedParagraph, iter_paragraphs
from summarizer.text.segment import split_sentences


class _Renderer:
    """Display text for raw spans of one document."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self._vocabulary = DocumentVocabulary(raw)

    def text(self, start: int, end: int, skip: tuple[tuple[int, int], ...] = ()) -> str:
        raw = self.raw
        piece_starts = [(0, start)]  # (offset in fragment, raw offset) of each kept piece
        if skip:
            pieces, pos, length = [], start, 0
            for a, b in skip:
                if b <= start or a >= end:
                    continue
                pieces.append(raw[pos : max(pos, a)])
                length += len(pieces[-1]) + 1
                pos = max(pos, b)
                piece_starts.append((length, pos))
            pieces.append(raw[pos:end])
            fragment = "\n".join(pieces)
        else:
            fragment = raw[start:end]
        if "-" in fragment and HYPHEN_AT_LINE_END.search(fragment):

            def raw_offset(at: int) -> int:
                base, origin = piece_starts[bisect_right(piece_starts, (at, len(raw))) - 1]
                return origin + at - base

            fragment = HYPHEN_BREAK.sub(make_hyphen_fixer(self._vocabulary, raw_offset), fragment)
        return clean_fragment(fragment)


def _skip_forward(raw: str, pos: int, end: int, skip: tuple[tuple[int, int], ...]) -> int:
    """Move a sentence start out of a dropped range (a page number) and following space."""
    moved = True
    while moved:
        moved = False
        for a, b in skip:
            if a <= pos < b:
                pos, moved = b, True
        while pos < end and is_space(raw[pos]):
            pos, moved = pos + 1, True
    return pos


def _sentences(raw: str, para: RepairedParagraph, render: _Renderer, first: bool) -> tuple[str, list[SentenceSpan]]:
    """The paragraph's display text and its sentences. The text is the sentences' texts
    joined by spaces: the same as rendering the whole paragraph (sentences are separated
    by whitespace only), without a second pass over it."""
    spans = []
    for start, end in split_sentences(raw, para.start, para.end):
        if para.skip:
            start = _skip_forward(raw, start, end, para.skip)
        if start >= end:
            continue
        text = render.text(start, end, para.skip)
        if text:
            spans.append([start, end, text])
    sentences: list[SentenceSpan] = []
    paragraph_text = " ".join(text for _, _, text in spans)
    for index, (start, end, text) in enumerate(spans):
        if first and index == 0:
            cut = dateline_length(text)
            if cut and cut >= len(text.rstrip()):
                sentences.append(SentenceSpan(start, end, text, DATELINE))
                continue
            if cut:
                split = _raw_offset_after(raw, start, end, text[:cut])
                if start < split < end:
                    head = render.text(start, split, para.skip)
                    sentences.append(SentenceSpan(start, _trim_end(raw, start, split), head, DATELINE))
                    start, text = split, render.text(split, end, para.skip)
        sentences.append(SentenceSpan(start, end, text, classify_sentence(text, len(spans))))
    return paragraph_text, sentences


def _trim_end(raw: str, start: int, end: int) -> int:
    while end > start and is_space(raw[end - 1]):
        end -= 1
    return end


def _raw_offset_after(raw: str, start: int, end: int, prefix: str) -> int:
    """Raw offset just past the characters that render as `prefix` (non-space count match)."""
    needed = sum(1 for c in prefix if not c.isspace())
    pos = start
    while pos < end and needed:
        if not is_space(raw[pos]):
            needed -= 1
        pos += 1
    while pos < end and is_space(raw[pos]):
        pos += 1
    return pos


def _find_byline(paragraphs: list[ParagraphSpan], raw: str) -> SentenceSpan | None:
    for para in paragraphs[:3]:
        for sentence in para.sentences[:2]:
            if sentence.kind == BYLINE:
                return sentence
    if paragraphs and paragraphs[0].sentences:
        first = paragraphs[0].sentences[0] if paragraphs[0].sentences[0].kind == BODY else None
        if first is None and len(paragraphs[0].sentences) > 1:
            first = paragraphs[0].sentences[1]
        if first is not None:
            tail = attribution_tail(first.text)
            if tail:
                length = tail[1] - tail[0]
                end = _trim_end(raw, first.start, first.end)
                if raw[end - 1] == "." and first.text.endswith("."):
                    end -= 1
                # The tail is the last `length` non-space characters of the sentence source.
                needed = sum(1 for c in first.text[tail[0] : tail[1]] if not c.isspace())
                if first.text[tail[1] - 1 : tail[1]] == ".":
                    needed -= 1
                pos = end
                while pos > first.start and needed:
                    pos -= 1
                    if not is_space(raw[pos]):
                        needed -= 1
                text = first.text[tail[0] : tail[1]].rstrip(".")
                if length and pos < end:
                    return SentenceSpan(pos, end, text, BYLINE)
    return None


def analyse_text(raw: str) -> Layout:
    """Repair and segment `raw`; every span is an exact range of `raw`."""
    render = _Renderer(raw)
    paragraphs: list[ParagraphSpan] = []
    for para in iter_paragraphs(raw):
        text, sentences = _sentences(raw, para, render, first=not paragraphs)
        if sentences:
            paragraphs.append(ParagraphSpan(para.start, para.end, text, tuple(sentences)))
    dateline = None
    if paragraphs and paragraphs[0].sentences[0].kind == DATELINE:
        dateline = paragraphs[0].sentences[0]
    return Layout(tuple(paragraphs), dateline, _find_byline(paragraphs, raw))
