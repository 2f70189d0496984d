"""Sentence segmentation on raw text, with exact offsets. No models, no downloads.

A candidate boundary is terminal punctuation (. ! ? …), optional closing quotes or
brackets, then whitespace (line breaks included). Each candidate is accepted or rejected
from the token before it and the word after it: abbreviations (Mr., Gen., Inc., U.S.,
e.g., No. 5), initials (J. R. R. Tolkien), a lower-case continuation, and so on. Decimals
and money ($1.13bn, 3.5%) never match because no space follows their full stop.
Scripts written without spaces (Chinese, Japanese) end sentences with full-width marks
(。！？) that need no space after them; scripts without letter case (Arabic, Hebrew, CJK,
Devanagari) count a following letter as a sentence opener, as a capital would be.
"""

from __future__ import annotations

import re

from summarizer.text.normalize import ANY_SPACE

# Terminal marks: Latin, Arabic question mark, Devanagari danda, and the full-width marks
# of CJK text, which end a sentence with or without a space after them.
_FULL_WIDTH_ENDS = "。！？｡"
_CANDIDATE = re.compile(f"""([.!?…‽؟।॥]+|[{_FULL_WIDTH_ENDS}]+)(["'”’»)\\]」』）]*)({ANY_SPACE}+|)""")
_TOKEN_BEFORE = re.compile(r"""(\S+)$""")
_WORD_AFTER = re.compile(r"""\S+""")
_OPENERS = "\"'“‘«([{"

# Titles and words that (almost) never end a sentence when followed by a full stop.
TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms messrs mme mlle dr prof gen lt col maj capt cmdr cmdt adm sgt cpl pte brig
    rev revd fr hon sen rep gov pres supt insp det gen supt st mt ft vs v cf esp""".split()
)
# Abbreviations that may end a sentence: split only when a usual sentence opener follows.
AMBIGUOUS_ABBREVIATIONS = frozenset(
    """inc ltd corp co cos bros plc llc llp jr sr etc al approx est dept univ assn ave blvd rd
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues thu thur thurs fri
    min max no nos vol vols fig figs p pp art ch sec para tel op ca c ed eds intl natl govt""".split()
)
# Abbreviations that take a number: "No. 5", "Jan. 12", "pp. 3-4".
NUMBER_ABBREVIATIONS = frozenset(
    """no nos vol vols fig figs p pp art ch sec para tel op ca c jan feb mar apr jun jul aug sep
    sept oct nov dec""".split()
)
# Words that often open a sentence: evidence for a boundary after an ambiguous abbreviation.
SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i you this that these those there here but and or so yet
    however meanwhile in on at for his her its their our my your as if when while after
    before although though since because some many most all no one two three mr mrs ms dr
    what who why how where which shares analysts officials it's he's she's they're we're
    i'm the company""".split()
)
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")


def _strip_openers(word: str) -> str:
    return word.lstrip(_OPENERS)


def _next_word(raw: str, pos: int, end: int) -> str:
    match = _WORD_AFTER.match(raw, pos, min(end, pos + 40))
    return match.group(0) if match else ""


def accept_boundary(punct: str, closers: str, before: str, after: str) -> bool:
    """Is there a sentence boundary after `before` + `punct` + `closers`, given the next word?"""
    word = _strip_openers(after)
    if not word:
        return bool(after)  # the next token is only quotes/brackets: a new quote starts
    first = word[0]
    # A letter without case (Arabic, Hebrew, CJK, Devanagari) opens a sentence as a capital does.
    capital = first.isupper() or (first.isalpha() and first.lower() == first.upper())
    if first.islower():
        return False  # "e.g. the", '"Why?" he asked', "Lehman Bros. said"
    if (punct.startswith("..") or punct.startswith("…")) and not closers:
        return False  # "I'm A Celebrity... Get Me Out Of Here!": an ellipsis rarely ends a sentence
    if "." not in punct or len(punct) > 1 or closers:
        # ? ! … and "said." Then: a boundary unless followed by lower case (handled above)
        return capital or first.isdigit() or not first.isalnum()
    token = _strip_openers(before).rstrip(".")
    key = token.lower()
    if first.isdigit():
        return key not in NUMBER_ABBREVIATIONS
    if not (capital or not first.isalnum()):
        return False
    if key in TITLE_ABBREVIATIONS:
        return False
    if len(token) == 1 and token.isupper():
        return False  # an initial: "J. R. R. Tolkien", "George W. Bush"
    if key in AMBIGUOUS_ABBREVIATIONS or _INITIALISM.match(token):
        return _strip_openers(word).rstrip(",.;:'’").lower() in SENTENCE_OPENERS
    return True


def split_sentences(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside raw[start:end] (which starts and ends with non-space)."""
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for match in _CANDIDATE.finditer(raw, start, end):
        next_pos = match.end()
        if next_pos >= end:
            break
        if not match.group(3) and (match.group(1)[-1] not in _FULL_WIDTH_ENDS or match.group(2).endswith(("」", "』"))):
            # "3.5", "U.S.-led": only full-width marks end a sentence without a space, and
            # not inside a Japanese quotation that the sentence goes on after: 「…。」と述べた
            continue
        before_match = _TOKEN_BEFORE.search(raw, max(sentence_start, match.start() - 40), match.start())
        before = before_match.group(1) if before_match else ""
        after = _next_word(raw, next_pos, end)
        # Tokenised text ("india . zaki-ur-rehman", the CNN/DM release) detaches the full
        # stop from its word: no abbreviation looks like that, so case is no evidence.
        detached = not before and match.start() > sentence_start
        if (detached and after) or accept_boundary(match.group(1), match.group(2), before, after):
            spans.append((sentence_start, match.end(2)))
            sentence_start = next_pos
    spans.append((sentence_start, end))
    return spans
