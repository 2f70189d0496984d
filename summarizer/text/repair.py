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

A line after a blank line that splits a sentence is judged with the line before the
blank when the two fit in the wrap width together (the blank was typed into one line).
A paragraph may end without punctuation when it is a heading, a short caption, or stops
on formula or table debris (a number or a lone letter, as PDF extraction leaves them).

Because the output of repair has blank lines only between paragraphs where no
continuation evidence holds, repair is idempotent.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from summarizer.text.lines import Line, scan_lines
from summarizer.text.metadata import is_boilerplate_line
from summarizer.text.normalize import clean_fragment
from summarizer.text.segment import accept_boundary

# A document counts as hard-wrapped when at least this many lines are followed by a single
# line break and most of them reach close to the widest line.
MIN_WRAPPED_LINES = 3
FULL_LINE_FRACTION = 0.75  # a line at least this share of the wrap width counts as full
MIN_FULL_SHARE = 0.5  # share of wrapped lines that must be full
MAX_WRAP_WIDTH = 200  # wider "lines" are paragraphs, not hard wraps
WRAP_WIDTH_PERCENTILE = 0.95  # robust wrap width: ignores a few over-long lines
MAX_HEADING_WORDS = 12
MAX_TITLE_HEADING_WORDS = 4  # longer title-case lines without a blank line after are names
MAX_RAGGED_SHARE = 0.1  # wrap lines where the next word would have fit, in greedy text
MAX_PAGE_NUMBER_CHARS = 16  # "Page 12 of 140" at most
MAX_SUBHEADING_WORDS = 6  # a paragraph this short may end without punctuation
PARAGRAPH_HEAD_CHARS = 300  # enough text to tell a heading from a paragraph
SHORT_LINE_FRACTION = 0.5  # in ragged text, a line this short before a capital ends a paragraph
EDGE_CHARS = 60  # how much of each line end the evidence tests look at
# PDF extraction of a typeset document (paper, report): many more lines than a news story
# (the news sets have at most ~160) and words hyphenated at line ends, which hand-wrapped
# copy does not do. Both must hold.
MIN_TYPESET_LINES = 300
MIN_TYPESET_HYPHEN_SHARE = 0.002  # share of lines ending in a word hyphenated across the break
TYPESET_FULL_FRACTION = 0.9  # in typeset text a line this share of the width is a full line

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

_TERMINAL_END = re.compile(r"""([.!?:;…]+)(["'”’»)\]]*)$""")
_CONTINUING_CHARS = ",([{&/+=—–-"
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
    greedy: bool
    typeset: bool = False  # a long typeset document (PDF extraction), see is_typeset


def _edge_tail(line: Line) -> str:
    return clean_fragment(line.text[-EDGE_CHARS:])


def _edge_head(line: Line) -> str:
    return clean_fragment(line.text[:EDGE_CHARS])


_CLOSERS = "\"'”’»)]"
_TERMINALS = ".!?:;…"


def ends_sentence(text: str) -> bool:
    """Ends with terminal punctuation, possibly followed by closing quotes or brackets."""
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINALS


def continues(prev_tail: str, cur_head: str) -> bool:
    """Evidence that `cur` continues the sentence that `prev` left open."""
    if not prev_tail or not cur_head:
        return False
    if prev_tail[-1] in _CONTINUING_CHARS and not _LIST_ITEM.match(cur_head):
        return True
    if ends_sentence(prev_tail):
        return False
    last = prev_tail.rsplit(None, 1)[-1]
    if last.isalpha() and last[0].islower() and last.lower() in FUNCTION_WORDS:
        return True
    first = cur_head[0]
    if first in ",;)]}%":
        return True  # "Werder Bremen" + ", who had ...": a line cannot start with these
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


def _first_word_length(text: str) -> int:
    space = text.find(" ")
    return len(text) if space < 0 else space


def _starts_new_sentence(head: str) -> bool:
    """Begins with a capital, a digit or an opening quote/bracket."""
    first = head[:1]
    return first.isupper() or first.isdigit() or (first in "\"'“‘(«[" and head[1:2].isalnum())


def measure_shape(lines: list[Line]) -> DocumentShape:
    """Indentation style, wrap width and wrap style, from lines followed by a single break."""
    # One pass over the lines (this runs on every document, so it avoids per-pair objects).
    indents: dict[int, int] = {}
    pair_widths: list[int] = []  # width of each line followed by a non-blank line
    wrap_fits: list[int] = []  # for mid-sentence wraps: width the line would have with the next word
    indented_starts = 0
    prev: Line | None = None
    prev_inside = True  # prev does not follow a blank line
    for ln in lines:
        if ln.start == ln.end:
            prev, prev_inside = None, False
            continue
        indents[ln.indent] = indents.get(ln.indent, 0) + 1
        if prev is not None:
            pair_widths.append(prev.indent + len(prev.text))
            # A line after a blank line may be the tail of a line that the blank line split
            # (a paragraph broken mid-sentence): it shows nothing about the wrap style.
            if prev_inside and ln.text[:1].islower() and not ends_sentence(prev.text):
                wrap_fits.append(prev.indent + len(prev.text) + 1 + _first_word_length(ln.text))
        prev_inside = prev is not None or ln is lines[0]
        prev = ln
    if not indents:
        return DocumentShape(False, 0, False, 0, True)
    base = max(indents.items(), key=lambda kv: (kv[1], -kv[0]))[0]
    # First-line indentation: indented lines directly followed by a base-indent line.
    prev = None
    for ln in lines:
        if ln.start == ln.end:
            prev = None
            continue
        if prev is not None and prev.indent > base and ln.indent == base:
            indented_starts += 1
        prev = ln
    indented = indented_starts >= 1 and indents.get(base, 0) > indented_starts
    if len(pair_widths) < MIN_WRAPPED_LINES:
        return DocumentShape(indented, base, False, 0, True)
    widths = sorted(pair_widths)
    width = widths[min(len(widths) - 1, int(len(widths) * WRAP_WIDTH_PERCENTILE))]
    full = len(widths) - bisect_left(widths, FULL_LINE_FRACTION * width)
    wrapped = width <= MAX_WRAP_WIDTH and full >= MIN_FULL_SHARE * len(widths)
    # Greedy wrapping (a line breaks only when the next word does not fit) makes "the next
    # word would have fit" proof of an intended break. Hand-wrapped wire copy is ragged:
    # there only the end of a sentence tells a paragraph end.
    ragged = sum(1 for fit in wrap_fits if fit <= width)
    greedy = len(wrap_fits) < MIN_WRAPPED_LINES or ragged <= MAX_RAGGED_SHARE * len(wrap_fits)
    return DocumentShape(indented, base, wrapped, width, greedy, wrapped and not indented and is_typeset(lines))


def is_typeset(lines: list[Line]) -> bool:
    """Evidence of a PDF extraction of typeset text: a long document whose lines end in
    hyphenated words now and then (proportional fonts make character counts ragged, so
    the greedy-wrap test does not tell it)."""
    if len(lines) < MIN_TYPESET_LINES:
        return False
    count = hyphenated = 0
    for ln in lines:
        if ln.start == ln.end:
            continue
        count += 1
        text = ln.text
        if len(text) > 2 and text[-1] == "-" and text[-2].isalpha() and text[-2].islower():
            hyphenated += 1
    return count >= MIN_TYPESET_LINES and hyphenated >= MIN_TYPESET_HYPHEN_SHARE * count


def sentence_ends_between(prev_tail: str, cur_head: str) -> bool:
    """Does a sentence end with `prev` and a new one start with `cur` (abbreviations aware)?"""
    match = _TERMINAL_END.search(prev_tail)
    if not match or not _starts_new_sentence(cur_head):
        return False
    punct = match.group(1)
    if punct[-1] in ":;":
        return True
    before = prev_tail[: match.start()].rsplit(None, 1)
    token = (before[-1] if before and not prev_tail[match.start() - 1 : match.start()].isspace() else "") + punct
    return accept_boundary(punct, match.group(2), token[: -len(punct)] if punct else token, cur_head.split(None, 1)[0])


def can_end_paragraph(prev_tail: str, paragraph: str) -> bool:
    """News paragraphs end with punctuation; only headings and short captions need not.
    Every break must pass this test, blank line or not: that keeps repair idempotent (its
    output has blank lines only where this holds)."""
    if ends_sentence(prev_tail) or is_boilerplate_line(paragraph) or ends_with_formula_debris(prev_tail):
        return True
    return len(paragraph.split()) <= MAX_SUBHEADING_WORDS or looks_like_heading(paragraph)


def ends_with_formula_debris(tail: str) -> bool:
    """The last token is no word: a number, a symbol or a lone letter ("I 1", "(2)", "e (j)").
    PDF extraction leaves such pieces of formulas and tables where prose stops; a sentence
    in prose rarely breaks right after one."""
    words = tail.rsplit(None, 1)
    if not words:
        return False
    last = words[-1].strip("()[]{},;")
    letters = sum(1 for c in last if c.isalpha())
    return letters == 0 or (letters == 1 and len(last) <= 2)


def is_break(
    prev: Line,
    cur: Line,
    blank_between: bool,
    shape: DocumentShape,
    first_line: bool = False,
    edges: tuple[str, str] | None = None,
    prev_width: int | None = None,
) -> bool:
    """Does a new paragraph start at `cur`? (Before the can_end_paragraph test.) `edges` is
    (_edge_tail(prev), _edge_head(cur)) when the caller has them already; `prev_width` is
    the width of the original line `prev` ends (see line_width_after_join)."""
    prev_tail, cur_head = edges or (_edge_tail(prev), _edge_head(cur))
    if prev_width is None:
        prev_width = prev.width
    if continues(prev_tail, cur_head):
        return False
    prev_ends = ends_sentence(prev_tail)
    prev_full = prev_width + 1 + _first_word_length(cur_head) > shape.wrap_width
    if blank_between and shape.typeset:
        return True  # PDF extraction puts blank lines around figures, tables and captions
    if blank_between:
        # A full hard-wrapped line that stops mid-sentence goes on after the blank line.
        return prev_ends or not (shape.wrapped and prev_full and not looks_like_heading(prev.text))
    if _LIST_ITEM.match(cur_head):
        return True
    if prev_ends and _NUMBERED_HEADING.match(cur_head) and looks_like_heading(cur.text):
        return True  # "... last week." + "3 Method": a section heading, even after a full line
    if shape.indented_first_lines:
        return cur.indent > shape.base_indent
    if not shape.wrapped:
        return True
    if shape.typeset:
        return _typeset_break(prev_tail, cur_head, prev_ends, prev_width, shape)
    if shape.greedy:
        if prev_full:
            return False
        return prev_ends or _is_heading_line(prev_tail, first_line) or cur.indent > shape.base_indent
    # Ragged (hand-wrapped) text: a sentence end at a line end is a paragraph end; so is a
    # very short line before a capital, except the first line (a removed dateline).
    if sentence_ends_between(prev_tail, cur_head) or _is_heading_line(prev_tail, first_line):
        return True
    return not first_line and prev_width < SHORT_LINE_FRACTION * shape.wrap_width and _starts_new_sentence(cur_head)


def _typeset_break(prev_tail: str, cur_head: str, prev_ends: bool, prev_width: int, shape: DocumentShape) -> bool:
    """A single line break in typeset text. Justified type fills every line of a paragraph
    but its last: a full line goes on whatever its punctuation ("... in Table 2." + "The
    results") unless a colon announces a display; a short line ends a paragraph, a
    heading, a caption or a table row."""
    if prev_width >= TYPESET_FULL_FRACTION * shape.wrap_width:
        return prev_tail[-1:] == ":"  # a colon introduces a display: an equation, a list
    return prev_ends or _starts_new_sentence(cur_head) or looks_like_heading(prev_tail)


def _is_heading_line(text: str, first_line: bool) -> bool:
    """A heading on its own line, with no blank line after it. Title-case lines count only
    when short: wire copy often starts with a line of company names cut by a removed dateline."""
    if not looks_like_heading(text):
        return False
    if _NUMBERED_HEADING.match(text) or text.isupper():
        return True
    return len(text.split()) <= MAX_TITLE_HEADING_WORDS and text[:1].isalnum() and not first_line


def _is_page_number(lines: list[Line], i: int) -> bool:
    """A bare page number between two lines of running text (no blank line around it). A
    number next to another number is a column of figures, not a page number."""
    ln = lines[i]
    if len(ln.text) > MAX_PAGE_NUMBER_CHARS or i == 0 or i + 1 >= len(lines):
        return False
    before, after = lines[i - 1], lines[i + 1]
    if before.blank or after.blank or not _PAGE_NUMBER.match(ln.text) or ends_sentence(before.text):
        return False
    return not _PAGE_NUMBER.match(before.text) and not _PAGE_NUMBER.match(after.text)


def _breaks(
    raw: str,
    start: int,
    prev: Line,
    cur: Line,
    gap: bool,
    shape: DocumentShape,
    first_line: bool,
    edges: tuple[str, str],
    prev_width: int,
) -> bool:
    # Only the first words of the paragraph matter (a heading? a share bar?): a bounded
    # slice, so linear overall. Both tests look at the whole paragraph so far, as a second
    # repair pass will.
    if len(prev.text) <= EDGE_CHARS and is_boilerplate_line(prev.text):
        paragraph = raw[start : min(prev.end, start + PARAGRAPH_HEAD_CHARS)]
        if is_boilerplate_line(clean_fragment(paragraph)):
            return True  # "Share this with" / "Email" / "Facebook": separate items
    if not is_break(prev, cur, gap, shape, first_line, edges, prev_width):
        return False
    return can_end_paragraph(edges[0], clean_fragment(raw[start : min(prev.end, start + PARAGRAPH_HEAD_CHARS)]))


def repair_paragraphs(raw: str) -> list[RepairedParagraph]:
    """Paragraph spans of `raw` after repair (offsets into raw)."""
    return list(iter_paragraphs(raw))


def line_width_after_join(prev_width: int, cur: Line, blank_between: bool, shape: DocumentShape) -> int:
    """Width of the original line that `cur` ends, once `cur` is joined to the line before.

    A blank line inside a sentence of hard-wrapped text is often typed into a line: the
    line after it is the tail of a line, short only because it was split. When the two
    pieces fit in the wrap width together, they are judged as the one line they were
    (otherwise "... the British" + blank + "people." would make "people." a short last line)."""
    if blank_between and shape.wrapped and prev_width + 1 + cur.width <= shape.wrap_width:
        return prev_width + 1 + cur.width
    return cur.width


def iter_paragraphs(raw: str) -> Iterator[RepairedParagraph]:
    """repair_paragraphs one at a time, so that a caller can finish each paragraph while
    its text is still in the CPU cache (large documents stay linear in time)."""
    lines = scan_lines(raw)
    shape = measure_shape(lines)
    first_paragraph = True
    start = end = -1
    skip: list[tuple[int, int]] = []
    pending_skip: list[tuple[int, int]] = []
    prev: Line | None = None
    prev_tail = ""
    prev_width = 0
    blank_between = False
    for i, cur in enumerate(lines):
        if cur.start == cur.end:  # blank
            blank_between = prev is not None
            continue
        if shape.wrapped and prev is not None and not blank_between and _is_page_number(lines, i):
            pending_skip.append((cur.start, cur.end))
            continue
        if prev is None or _breaks(
            raw,
            start,
            prev,
            cur,
            blank_between or cur.page_break,
            shape,
            first_paragraph and start == prev.start,
            (prev_tail, _edge_head(cur)),
            prev_width,
        ):
            if prev is not None:
                yield RepairedParagraph(start, end, tuple(skip))
                first_paragraph = False
            start, skip = cur.start, []
            prev_width = cur.width
        else:
            skip.extend(pending_skip)
            prev_width = line_width_after_join(prev_width, cur, blank_between, shape)
        pending_skip = []
        end = cur.end
        prev, prev_tail = cur, _edge_tail(cur)
        blank_between = False
    if prev is not None:
        yield RepairedParagraph(start, end, tuple(skip))
