"""Rebuild true paragraphs from physical lines: re-join hard wraps, blank lines inside
sentences and PDF line breaks; keep real paragraph breaks; drop page numbers.

Every decision is made between two consecutive kept lines (`prev`, `cur`) from evidence:
- continuation evidence (no terminal punctuation and a lower-case start, a trailing
  function word, comma, open bracket or hyphen) always joins, even across blank lines;
- otherwise a blank line is a paragraph break, unless the document is hard-wrapped and
  `prev` is a full line that stops mid-sentence;
- a single line break is a break when the document indents first lines and `cur` is
  indented; in hard-wrapped text when `prev` is short (the next word would have fit)
  and ends a sentence or is a heading, or `cur` is a list item; in unwrapped text always.

Because the output of repair has blank lines only between paragraphs where no
continuation evidence holds, repair is idempotent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.text.lines import Line, scan_lines
from summarizer.text.metadata import is_boilerplate_line
from summarizer.text.normalize import clean_fragment

# A document counts as hard-wrapped when at least this many lines are followed by a single
# line break and most of them reach close to the widest line.
MIN_WRAPPED_LINES = 3
FULL_LINE_FRACTION = 0.75  # a line at least this share of the wrap width counts as full
MIN_FULL_SHARE = 0.5  # share of wrapped lines that must be full
MAX_WRAP_WIDTH = 200  # wider "lines" are paragraphs, not hard wraps
WRAP_WIDTH_PERCENTILE = 0.95  # robust wrap width: ignores a few over-long lines
MAX_HEADING_WORDS = 12
EDGE_CHARS = 60  # how much of each line end the evidence tests look at

FUNCTION_WORDS = frozenset(
    """a an the of to in on at by for from with within without into onto upon about above
    below under over between among through during before after against via per than as and
    or nor but if because while whereas although though unless whether that which who whom
    whose where when is are was were be been being am has have had do does did will would
    shall should can could may might must its their his her our my your this these those
    such not very more most less least both either neither each every any some no so yet
    including like near toward towards across around along behind beyond beside besides
    despite except until till since mr mrs ms dr""".split()
)

_TERMINAL_END = re.compile(r"""[.!?:;…]["'”’»)\]]*$|[.!?…]["'”’»)\]]*\s*\(?\d{1,3}\)?$""")
_LAST_WORD = re.compile(r"([^\W\d_]+)$")
_CONTINUING_END = re.compile(r"""[,(\[{&/+=—–-]$""")
_LIST_ITEM = re.compile(r"""^(?:[-*•·▪◦‣–—]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s|[ivx]{1,5}[.)]\s)""")
_NUMBERED_HEADING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.|[A-Z]\.)\s+[A-Z]")
_PAGE_NUMBER = re.compile(r"^(?:(?:page|p\.)\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_SMALL_WORDS = frozenset("a an the of to in on at by for from with and or nor but vs".split())


@dataclass(frozen=True)
class RepairedParagraph:
    """One paragraph: its raw span, the lines it is made of and the raw ranges to drop
    from its display text (page numbers found between its lines)."""

    start: int
    end: int
    skip: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class DocumentShape:
    indented_first_lines: bool
    base_indent: int
    wrapped: bool
    wrap_width: int


def _edge_tail(line: Line) -> str:
    return clean_fragment(line.text[-EDGE_CHARS:])


def _edge_head(line: Line) -> str:
    return clean_fragment(line.text[:EDGE_CHARS])


def ends_sentence(text: str) -> bool:
    return bool(_TERMINAL_END.search(text))


def continues(prev_tail: str, cur_head: str) -> bool:
    """Evidence that `cur` continues the sentence that `prev` left open."""
    if not prev_tail or not cur_head:
        return False
    if _CONTINUING_END.search(prev_tail) and not _LIST_ITEM.match(cur_head):
        return True
    if ends_sentence(prev_tail):
        return False
    last = _LAST_WORD.search(prev_tail)
    if last and last.group(1).lower() in FUNCTION_WORDS and last.group(1)[0].islower():
        return True
    first = cur_head[0]
    return first.islower() and not _LIST_ITEM.match(cur_head)


def looks_like_heading(text: str) -> bool:
    """A short title line: numbered, upper case, or every main word capitalised."""
    words = text.split()
    if not words or len(words) > MAX_HEADING_WORDS or ends_sentence(text):
        return False
    if _NUMBERED_HEADING.match(text):
        return True
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return True
    main = [w for w in words if w.lower() not in _SMALL_WORDS and w[0].isalpha()]
    return bool(main) and all(w[0].isupper() for w in main) and words[-1].lower() not in _SMALL_WORDS


def measure_shape(lines: list[Line]) -> DocumentShape:
    """Indentation style and wrap width, from lines followed by a single line break."""
    content = [ln for ln in lines if not ln.blank]
    if not content:
        return DocumentShape(False, 0, False, 0)
    indents: dict[int, int] = {}
    for ln in content:
        indents[ln.indent] = indents.get(ln.indent, 0) + 1
    base = max(indents.items(), key=lambda kv: (kv[1], -kv[0]))[0]
    # First-line indentation: indented lines directly followed by a base-indent line.
    indented_starts = 0
    for a, b in zip(lines, lines[1:]):
        if not a.blank and not b.blank and a.indent > base and b.indent == base:
            indented_starts += 1
    indented = indented_starts >= 1 and indents.get(base, 0) > indented_starts
    widths = sorted(a.width for a, b in zip(lines, lines[1:]) if not a.blank and not b.blank)
    if len(widths) < MIN_WRAPPED_LINES:
        return DocumentShape(indented, base, False, 0)
    width = widths[min(len(widths) - 1, int(len(widths) * WRAP_WIDTH_PERCENTILE))]
    full = sum(1 for w in widths if w >= FULL_LINE_FRACTION * width)
    wrapped = width <= MAX_WRAP_WIDTH and full >= MIN_FULL_SHARE * len(widths)
    return DocumentShape(indented, base, wrapped, width)


def _first_word_length(text: str) -> int:
    space = text.find(" ")
    return len(text) if space < 0 else space


def is_break(prev: Line, cur: Line, blank_between: bool, shape: DocumentShape) -> bool:
    """Does a new paragraph start at `cur`?"""
    prev_tail, cur_head = _edge_tail(prev), _edge_head(cur)
    if len(prev.text) <= EDGE_CHARS and is_boilerplate_line(prev_tail):
        return True  # "Share this with" / "Email" / "Facebook": separate items
    if continues(prev_tail, cur_head):
        return False
    prev_ends = ends_sentence(prev_tail)
    prev_full = prev.width + 1 + _first_word_length(cur_head) > shape.wrap_width
    if blank_between:
        return not (shape.wrapped and prev_full and not prev_ends and not looks_like_heading(prev.text))
    if _LIST_ITEM.match(cur_head):
        return True
    if prev_ends and _NUMBERED_HEADING.match(cur_head) and looks_like_heading(cur.text):
        return True  # "... last week." + "3 Method": a section heading, even after a full line
    if shape.indented_first_lines:
        return cur.indent > shape.base_indent
    if not shape.wrapped:
        return True
    if prev_full:
        return False
    return prev_ends or looks_like_heading(prev_tail) or cur.indent > shape.base_indent


def _is_page_number(lines: list[Line], i: int) -> bool:
    """A bare page number between two lines of running text (no blank line around it)."""
    if i == 0 or i + 1 >= len(lines):
        return False
    ln, before, after = lines[i], lines[i - 1], lines[i + 1]
    return not before.blank and not after.blank and bool(_PAGE_NUMBER.match(ln.text)) and not ends_sentence(before.text)


def repair_paragraphs(raw: str) -> list[RepairedParagraph]:
    """Paragraph spans of `raw` after repair (offsets into raw)."""
    lines = scan_lines(raw)
    shape = measure_shape(lines)
    paragraphs: list[RepairedParagraph] = []
    start = end = -1
    skip: list[tuple[int, int]] = []
    pending_skip: list[tuple[int, int]] = []
    prev: Line | None = None
    blank_between = False
    for i, cur in enumerate(lines):
        if cur.blank:
            blank_between = prev is not None
            continue
        if shape.wrapped and prev is not None and not blank_between and _is_page_number(lines, i):
            pending_skip.append((cur.start, cur.end))
            continue
        if prev is None or is_break(prev, cur, blank_between or cur.page_break, shape):
            if prev is not None:
                paragraphs.append(RepairedParagraph(start, end, tuple(skip)))
            start, skip = cur.start, []
        else:
            skip.extend(pending_skip)
        pending_skip = []
        end = cur.end
        prev = cur
        blank_between = False
    if prev is not None:
        paragraphs.append(RepairedParagraph(start, end, tuple(skip)))
    return paragraphs
