"""Raw text -> Layout. Placeholder: blank-line paragraphs and a simple sentence regex.

The repair issue replaces this with real repair and segmentation behind the same function.
"""

from __future__ import annotations

import re
import unicodedata

from summarizer.text.layout import Layout, ParagraphSpan, SentenceSpan

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def _clean(fragment: str) -> str:
    return " ".join(unicodedata.normalize("NFC", fragment).split())


def _trimmed(raw: str, start: int, end: int) -> tuple[int, int]:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return start, end


def analyse_text(raw: str) -> Layout:
    paragraphs = []
    block_start = 0
    bounds = [m.span() for m in _PARAGRAPH_BREAK.finditer(raw)] + [(len(raw), len(raw))]
    for break_start, break_end in bounds:
        p_start, p_end = _trimmed(raw, block_start, break_start)
        block_start = break_end
        if p_start == p_end:
            continue
        sentences = []
        s_start = p_start
        for m in _SENTENCE_END.finditer(raw, p_start, p_end):
            a, b = _trimmed(raw, s_start, m.start())
            if a < b:
                sentences.append(SentenceSpan(a, b, _clean(raw[a:b])))
            s_start = m.end()
        a, b = _trimmed(raw, s_start, p_end)
        if a < b:
            sentences.append(SentenceSpan(a, b, _clean(raw[a:b])))
        paragraphs.append(ParagraphSpan(p_start, p_end, _clean(raw[p_start:p_end]), tuple(sentences)))
    return Layout(tuple(paragraphs))
