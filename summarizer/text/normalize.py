"""Character-level normalisation of raw fragments into display text.

Repair and segmentation work on the RAW string (so offsets stay exact); this module turns
any raw fragment into clean display text: NFC, one kind of space, no control or
zero-width characters. The character classes here are shared by the other modules so
that every regex treats NBSP, zero-width spaces and CR/LF the same way.
"""

from __future__ import annotations

import re
import unicodedata

# Horizontal whitespace as typed or pasted: tab, NBSP, the Unicode spaces, zero-width
# spaces/joiners and the BOM (which editors leave in pasted text).
HSPACE_CHARS = "\t \x1c\x1d\x1e\x1f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"
# Line terminators: CRLF, CR, LF, vertical tab, form feed (a PDF page break), NEL, LS, PS.
LINE_BREAK = r"(?:\r\n|[\n\r\v\f\x85\u2028\u2029])"
LINE_BREAK_CHARS = "\n\r\v\f\x85\u2028\u2029"
# Any whitespace at all, for regexes that must step over line breaks.
ANY_SPACE = f"[{HSPACE_CHARS}{LINE_BREAK_CHARS}]"

# A zero-width joiner between two visible characters is part of them (the family emoji
# 👨‍👩‍👧, 🏳️‍🌈, Indic conjuncts): kept, not turned into a space that would split them.
_JOINER_INSIDE = f"(?<=[^{HSPACE_CHARS}{LINE_BREAK_CHARS}])\u200d(?!{ANY_SPACE}|$)"
_SPACE_RUN = re.compile(f"(?!{_JOINER_INSIDE}){ANY_SPACE}+")
# C0/C1 control characters other than whitespace, and zero-width characters that are
# not spaces (soft hyphen, word joiner variants, bidi marks): dropped from display text.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def collapse_spaces(fragment: str) -> str:
    """Every run of whitespace (any kind, line breaks included) becomes one space; trimmed."""
    return _SPACE_RUN.sub(" ", fragment).strip(" ")


def clean_fragment(fragment: str) -> str:
    """Raw fragment -> display text: NFC, control/zero-width characters removed, spaces collapsed."""
    if fragment.isascii():
        if fragment.isprintable() and "  " not in fragment:
            return fragment.strip(" ")  # the common case, without a regex pass
        # ASCII whitespace for str.split() is exactly the ASCII part of ANY_SPACE; what is
        # left unprintable after collapsing it is a control character for the slow path.
        collapsed = " ".join(fragment.split())
        if collapsed.isprintable():
            return collapsed
    else:
        fragment = unicodedata.normalize("NFC", fragment)
    fragment = _INVISIBLE.sub("", fragment)
    return collapse_spaces(fragment)


def is_space(char: str) -> bool:
    """True for any character the text layer treats as whitespace."""
    return char.isspace() or char in "\u200b\u200c\u200d\u2060\ufeff"
