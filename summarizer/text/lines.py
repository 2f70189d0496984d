"""Split raw text into physical lines with exact offsets and the facts repair needs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.text.normalize import HSPACE_CHARS, LINE_BREAK, LINE_BREAK_CHARS, clean_fragment

_LINE = re.compile(f"([^{LINE_BREAK_CHARS}]*)({LINE_BREAK}|\\Z)")
_STRIP = HSPACE_CHARS.replace("\u2000-\u200a", "".join(chr(c) for c in range(0x2000, 0x200B)))
_OTHER_BREAK = re.compile(f"[{LINE_BREAK_CHARS.replace(chr(10), '')}]")  # any break but LF
TAB_WIDTH = 4  # a tab counts as this many columns of indentation


@dataclass(slots=True)
class Line:
    start: int  # raw offset of the first non-space character
    end: int  # raw offset just past the last non-space character
    indent: int  # leading whitespace width in columns
    text: str  # raw content between start and end
    page_break: bool  # a form feed ends the previous line

    @property
    def blank(self) -> bool:
        return self.start == self.end

    @property
    def width(self) -> int:
        return self.indent + len(self.text)


def scan_lines(raw: str) -> list[Line]:
    """Every physical line of `raw`; blank lines have start == end."""
    if _OTHER_BREAK.search(raw) is None:
        return _scan_lf_lines(raw)
    lines: list[Line] = []
    page_break = False
    for match in _LINE.finditer(raw):
        content = match.group(1)
        if not match.group(2) and not content:
            if match.start() == len(raw):
                break
        body = content.lstrip(_STRIP)
        lead = len(content) - len(body)
        body = body.rstrip(_STRIP)
        start = match.start() + lead
        if body and not body.isprintable() and not clean_fragment(body):
            body = ""  # only control or zero-width characters: a blank line
        indent = lead + content[:lead].count("\t") * (TAB_WIDTH - 1)
        lines.append(Line(start, start + len(body), indent, body, page_break))
        page_break = match.group(2) == "\f"
    return lines


def _scan_lf_lines(raw: str) -> list[Line]:
    """scan_lines for text whose only line terminator is LF (the usual case): str.split."""
    pieces = raw.split("\n")
    if not pieces[-1]:
        pieces.pop()  # a final LF ends the last line; it does not start an empty one
    lines: list[Line] = []
    append = lines.append
    strip = _STRIP
    pos = 0
    for content in pieces:
        body = content.strip(strip)
        if body is content:  # nothing to strip: the common case in wrapped text
            lead = 0
        else:
            lead = len(content) - len(content.lstrip(strip)) if body else len(content)
        if body and not body.isprintable() and not clean_fragment(body):
            body = ""  # only control or zero-width characters: a blank line
        start = pos + lead
        indent = lead + content[:lead].count("\t") * (TAB_WIDTH - 1) if lead else 0
        append(Line(start, start + len(body), indent, body, False))
        pos += len(content) + 1
    return lines
