"""Datelines, bylines, boilerplate and headings: sentences a summary should leave out.

All detectors look at cleaned display text and return kinds or character counts; the
caller maps them back to raw offsets.
"""

from __future__ import annotations

import re

from summarizer.text.layout import BODY, BOILERPLATE, BYLINE, HEADING

MAX_HEADING_WORDS = 12
MAX_BOILERPLATE_WORDS = 20
MAX_BYLINE_WORDS = 12

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_PLACE_WORD = r"[A-Z][\w.'’-]*"
_AGENCY = r"\((?:[A-Z][\w&.'’ -]{0,30})\)"
# "BAKU, Azerbaijan, March 8." / "LONDON (Reuters) - " / "NEW YORK, March 3 - " /
# "WASHINGTON, Jan. 5 (AP) -- ". The place starts with a word in capitals; a date, an
# agency in brackets or a dash must follow, so "NATO, the alliance said" is not one.
DATELINE_PATTERN = re.compile(
    rf"""^(?P<place>[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){{0,3}})
    (?:,\s{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,2}}){{0,2}}?
    (?P<date>,?\s{_MONTH}\s\d{{1,2}}(?:,\s\d{{4}})?)?
    (?P<agency>\s?{_AGENCY})?
    (?P<end>\s?[-–—]+\s?|(?<=\d)\.\s|:\s|\.$)""",
    re.VERBOSE,
)
BYLINE_PATTERN = re.compile(r"^(?:By|BY|From)\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|de|van|von|der|la))*(?:\s*[,|-]\s*.*)?$")
# ", Trend reports." / ", Reuters reported." at the end of a sentence.
ATTRIBUTION_TAIL_PATTERN = re.compile(r",\s+(?P<tail>(?:[A-Z][\w&.'’-]*\s+){1,4}(?:reports|reported|writes|informs|learned|learnt)\.?)$")
# Share bars, credits and calls to action. Single words ("Email", "Print") count only as the
# whole line; phrases ("Share this with", "Reporting by") as the start of a short line.
BOILERPLATE_PATTERN = re.compile(
    r"""^(?:(?:email|e-mail|facebook|twitter|x|whatsapp|linkedin|messenger|pinterest|reddit|print|
    copy\s+(?:this\s+)?link|related(?:\s+(?:topics|stories|articles|content))?|advertisement|
    reuters?|ap|afp|more\s+on\s+this\s+story|top\s+stories)\s*:?\s*$|
    share\s+this\b|share\s+on\s+[A-Z]|read\s+more\s*:|see\s+also\s*:|click\s+here\b|sign\s+up\s+(?:for|to)\b|
    subscribe\s+(?:to|now)\b|follow\s+us\s+on\b|copyright\b|©|all\s+rights\s+reserved|
    \(?(?:reporting|editing|writing|additional\s+reporting)\s+by\b|image\s+copyright\b|image\s+caption\b|
    media\s+playback\b)""",
    re.IGNORECASE | re.VERBOSE,
)
_TERMINAL = re.compile(r"""[.!?…]["'”’)\]]*$""")


def dateline_length(text: str) -> int:
    """Characters of `text` (a first sentence) that form a dateline, or 0."""
    match = DATELINE_PATTERN.match(text)
    if not match:
        return 0
    if not (match.group("date") or match.group("agency") or match.group("end").strip() in ("-", "–", "—", "--", "---")):
        return 0
    return match.end()


def attribution_tail(text: str) -> tuple[int, int] | None:
    """Character range of an agency attribution ("Trend reports") ending `text`, if any."""
    match = ATTRIBUTION_TAIL_PATTERN.search(text)
    return match.span("tail") if match else None


def is_boilerplate_line(text: str) -> bool:
    """A short line such as "Share this with", "Email", "Read more": never part of a sentence."""
    return len(text.split()) <= MAX_BOILERPLATE_WORDS and bool(BOILERPLATE_PATTERN.match(text))


def classify_sentence(text: str, sentence_count: int) -> str:
    """Kind of one sentence from its display text and the size of its paragraph."""
    words = text.split()
    if len(words) <= MAX_BOILERPLATE_WORDS and BOILERPLATE_PATTERN.match(text):
        return BOILERPLATE
    if len(words) <= MAX_BYLINE_WORDS and BYLINE_PATTERN.match(text):
        return BYLINE
    if len(words) <= 4 and ATTRIBUTION_TAIL_PATTERN.search(", " + text):
        return BYLINE  # "Trend reports." on its own
    if sentence_count == 1 and len(words) <= MAX_HEADING_WORDS and not _TERMINAL.search(text):
        return HEADING
    return BODY
