"""Grounding: numbers, dates, amounts and names in generated text must occur in the source.

Matching is on normalised values, so the writer's style may differ from the source's:
"1.13bn" ~ "1.13 billion" ~ "1,130 million", "12%" ~ "12 per cent", "March 8" ~ "8 March",
"three" ~ "3". A capitalised name is supported when each of its words occurs in the source.
Pure functions: text in, report out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12}
# Capitalised words that start a sentence without being names.
SENTENCE_STARTERS = frozenset(
    "a an the this that these those it its he she they we i in on at by for from of to with as after before "
    "during while when where but and or so if since despite amid under over about according officials "
    "some many most all both each other another one two three there here what who how why".split()
)

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_DATE_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+{_DAY}(?:\s*[-–]\s*{_DAY})?\b", re.IGNORECASE)
_DATE_DAY_MONTH = re.compile(rf"\b{_DAY}(?:\s*[-–]\s*{_DAY})?\s+(?:of\s+)?({_MONTH_RE})\b\.?", re.IGNORECASE)
_SCALE_RE = "|".join(sorted(SCALES, key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?P<currency>[$£€¥])?\s?(?P<value>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?:\s?(?P<scale>{_SCALE_RE})\b)?(?:\s?(?P<percent>%|percent\b|per cent\b))?",
    re.IGNORECASE,
)
_NUMBER_WORD = re.compile(rf"\b({'|'.join(NUMBER_WORDS)})\b", re.IGNORECASE)
_NAME_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of|de|van|von|al|bin|the|and|for)?\s*[A-Z][\w'’.-]*)*")
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class UnsupportedSpan:
    text: str
    start: int  # offsets into the checked output
    end: int
    kind: str  # "number" | "date" | "name"


@dataclass(frozen=True)
class GroundingReport:
    checked: int  # facts found in the output
    unsupported: tuple[UnsupportedSpan, ...]

    @property
    def grounded(self) -> bool:
        return not self.unsupported


@dataclass(frozen=True)
class _SourceFacts:
    values: frozenset[tuple[float, bool]]  # (value, is_percent)
    dates: frozenset[tuple[int, int]]  # (month, day)
    words: frozenset[str]  # lower-cased words


def _number_value(match: re.Match) -> tuple[float, bool]:
    value = float(match.group("value").replace(",", ""))
    scale = match.group("scale")
    if scale:
        value *= SCALES[scale.lower()]
    return round(value, 6), bool(match.group("percent"))


def _dates(text: str) -> list[tuple[int, int, tuple[tuple[int, int], ...]]]:
    """(start, end, ((month, day), ...)) for each date; a range '6-8 March' gives both ends."""
    found = []
    for match in _DATE_MONTH_DAY.finditer(text):
        month = MONTHS[match.group(1).lower()]
        days = [int(d) for d in match.groups()[1:] if d]
        found.append((match.start(), match.end(), tuple((month, d) for d in days if 1 <= d <= 31)))
    for match in _DATE_DAY_MONTH.finditer(text):
        month = MONTHS[match.group(3).lower()]
        days = [int(d) for d in match.groups()[:2] if d]
        found.append((match.start(), match.end(), tuple((month, d) for d in days if 1 <= d <= 31)))
    return [item for item in found if item[2]]


def _source_facts(source: str) -> _SourceFacts:
    values = {_number_value(m) for m in _NUMBER.finditer(source)}
    # Number words count as numbers ("three" ~ "3"); a percent must be a percent in the source too.
    values |= {(float(NUMBER_WORDS[m.group(1).lower()]), False) for m in _NUMBER_WORD.finditer(source)}
    dates = {pair for _, _, pairs in _dates(source) for pair in pairs}
    words = {w.lower().strip("'’.-").removesuffix("'s").removesuffix("’s") for w in _WORD.findall(source)}
    return _SourceFacts(frozenset(values), frozenset(dates), frozenset(words))


def _sentence_start(text: str, position: int) -> bool:
    before = text[:position].rstrip()
    return not before or before[-1] in ".!?:\"“"


def check_grounding(output: str, source: str) -> GroundingReport:
    """Every number, date, amount and capitalised name of `output` checked against `source`."""
    facts = _source_facts(source)
    unsupported: list[UnsupportedSpan] = []
    checked = 0
    covered: list[tuple[int, int]] = []
    for start, end, pairs in _dates(output):
        if any(s < end and start < e for s, e in covered):
            continue
        covered.append((start, end))
        checked += 1
        if not all(pair in facts.dates for pair in pairs):
            unsupported.append(UnsupportedSpan(output[start:end], start, end, "date"))
    for match in _NUMBER.finditer(output):
        start, end = match.start("value"), match.end()
        if any(s < end and start < e for s, e in covered):
            continue
        checked += 1
        if _number_value(match) not in facts.values:
            begin = match.start() if match.group("currency") else start
            unsupported.append(UnsupportedSpan(output[begin:end].strip(), begin, end, "number"))
    for match in _NAME_RUN.finditer(output):
        words = [w for w in _WORD.findall(match.group(0))]
        if words and _sentence_start(output, match.start()) and words[0].lower() in SENTENCE_STARTERS:
            words = words[1:]
        names = [w for w in words if w[0].isupper() and not w[0].isdigit()]
        if not names:
            continue
        if len(words) == 1 and _sentence_start(output, match.start()):
            # A lone capitalised first word is as likely an ordinary word as a name.
            if names[0].lower().removesuffix("'s") not in facts.words:
                continue
        if len(names) == 1 and names[0].lower() in MONTHS:
            continue  # a month on its own is checked as part of dates
        checked += 1
        missing = [w for w in names if w.lower().strip("'’.-").removesuffix("'s").removesuffix("’s") not in facts.words]
        if missing:
            unsupported.append(UnsupportedSpan(match.group(0), match.start(), match.end(), "name"))
    unsupported.sort(key=lambda span: span.start)
    return GroundingReport(checked, tuple(unsupported))
