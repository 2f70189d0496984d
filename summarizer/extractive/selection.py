"""Pick sentences within the length contract: never cut a sentence, keep document order.

Only body sentences are candidates: datelines, bylines, boilerplate ("Share this with")
and headings are left out (the text layer labels them). Redundancy control: a candidate
that repeats a word trigram of an already chosen sentence is skipped (trigram blocking,
as BertSumExt does), and used again only when the budget cannot be met otherwise.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from summarizer.document import Document, Sentence
from summarizer.extractive.base import Ranker, Ranking
from summarizer.summary import SummaryWarning

_WORD = re.compile(r"\w+")
# Trigram blocking applies only while the budget is at most this share of the body:
# on the BBC dev set (summaries of ~40% of the article) blocking costs 4 ROUGE-1 points,
# on CNN/DM (3 of ~30 sentences) it gains 1.
REDUNDANCY_MAX_SHARE = 0.25


@dataclass(frozen=True)
class LengthBudget:
    """The summary's size: words, sentences, characters, or a ratio of the article's words.

    Exactly one is given. `ratio` (0 < ratio <= 1) becomes a word budget of that share of
    the body's words; `characters` counts the summary as its sentences joined by spaces.
    """

    words: int | None = None
    sentences: int | None = None
    characters: int | None = None
    ratio: float | None = None

    def __post_init__(self) -> None:
        given = [v for v in (self.words, self.sentences, self.characters, self.ratio) if v is not None]
        if len(given) != 1:
            raise ValueError("LengthBudget needs exactly one of words, sentences, characters or ratio")
        if self.ratio is not None and not 0 < self.ratio <= 1:
            raise ValueError(f"ratio must be above 0 and at most 1 (a share of the article), got {self.ratio}")
        if any(v is not None and v < 1 for v in (self.words, self.sentences, self.characters)):
            raise ValueError("a word, sentence or character budget must be at least 1")

    def describe(self) -> str:
        if self.words is not None:
            return f"{self.words} words"
        if self.sentences is not None:
            return f"{self.sentences} sentences"
        if self.characters is not None:
            return f"{self.characters} characters"
        return f"{self.ratio:.0%} of the article"


@dataclass(frozen=True)
class Selection:
    indices: tuple[int, ...]  # sentence indices, in document order
    warnings: tuple[SummaryWarning, ...] = ()


def word_trigrams(text: str) -> set[tuple[str, str, str]]:
    words = _WORD.findall(text.lower())
    return set(zip(words, words[1:], words[2:]))


def select_sentences(
    document: Document,
    scores: list[float],
    budget: LengthBudget,
    *,
    positional: bool = False,
    block_redundant: bool | None = None,
) -> Selection:
    """Best-scoring body sentences that fit `budget`, returned in document order.

    With `positional` (lead) the selection is a prefix of the body: it stops at the first
    sentence that does not fit rather than skipping ahead. `block_redundant` (default: on
    unless positional) skips sentences that repeat a trigram of a chosen one, for budgets
    up to REDUNDANCY_MAX_SHARE of the article.
    """
    if len(scores) != len(document.sentences):
        raise ValueError(f"ranker returned {len(scores)} scores for {len(document.sentences)} sentences")
    if block_redundant is None:
        block_redundant = not positional
    body = document.body_sentences
    if not body:
        # Nothing but datelines/bylines: fall back to every sentence rather than return nothing.
        body = document.sentences
    ranked = sorted(body, key=lambda s: (-scores[s.index], s.index))
    if positional:
        block_redundant = False

    size, limit, unit = _measure(budget, body)
    total = sum(size(s) for s in body) + (_SEPARATOR * (len(body) - 1) if unit == "characters" else 0)
    if limit > REDUNDANCY_MAX_SHARE * total:
        # A summary this large repeats the article's phrases by nature (and human extracts
        # do too): blocking would swap good sentences for worse ones.
        block_redundant = False
    warnings: list[SummaryWarning] = []
    chosen: list[Sentence] = []
    used = 0
    seen: set[tuple[str, str, str]] = set()
    skipped: list[Sentence] = []
    for sentence in ranked:
        cost = size(sentence) + (_SEPARATOR if chosen and unit == "characters" else 0)
        if used + cost > limit:
            if positional or unit == "sentences":
                break
            continue
        if block_redundant:
            trigrams = word_trigrams(sentence.text)
            if trigrams & seen:
                skipped.append(sentence)
                continue
            seen |= trigrams
        chosen.append(sentence)
        used += cost
    # Redundant sentences come back only when the budget is otherwise unmet.
    for sentence in skipped:
        cost = size(sentence) + (_SEPARATOR if chosen and unit == "characters" else 0)
        if used + cost <= limit:
            chosen.append(sentence)
            used += cost

    if not chosen:
        # Even the best sentence is over budget: return it whole rather than cut it.
        first = ranked[0]
        chosen = [first]
        warnings.append(
            SummaryWarning(
                "summary_length_not_met",
                f"no sentence fits the {budget.describe()} budget; returned the best sentence whole "
                f"({size(first)} {unit}) because extractive summaries never cut a sentence",
            )
        )
    elif total <= limit and budget.ratio is None:
        warnings.append(
            SummaryWarning(
                "document_shorter_than_requested",
                f"the article has only {total} {unit} of body text, within the requested {budget.describe()}; "
                "the summary is the whole article",
            )
        )
    return Selection(tuple(sorted(s.index for s in chosen)), tuple(warnings))


def budget_share(document: Document, budget: LengthBudget) -> float:
    """The budget as a share of the body (in the budget's unit): 0.1 for 3 of 30 sentences."""
    body = document.body_sentences or document.sentences
    if budget.ratio is not None:
        return budget.ratio
    size, limit, unit = _measure(budget, body)
    total = sum(size(s) for s in body) + (_SEPARATOR * (len(body) - 1) if unit == "characters" else 0)
    return min(1.0, limit / max(1, total))


def rank_and_select(ranker: Ranker, document: Document, budget: LengthBudget) -> tuple[list[float], Selection]:
    """Scores and selection for this budget. A ranker with `rank_for` hears the budget (what
    makes a sentence worth keeping differs between a 3-sentence highlight and a 40% extract)
    and may choose the whole summary itself; any other ranker scores once for every budget
    and select_sentences() picks."""
    rank_for = getattr(ranker, "rank_for", None)
    ranking = rank_for(document, budget) if rank_for is not None else Ranking(ranker.score(document))
    if ranking.chosen is not None:
        return ranking.scores, Selection(tuple(sorted(ranking.chosen)))
    positional = getattr(ranker, "positional", False)
    return ranking.scores, select_sentences(document, ranking.scores, budget, positional=positional)


# Characters between two selected sentences when the summary is joined (one space).
_SEPARATOR = 1


def _measure(budget: LengthBudget, body: tuple[Sentence, ...]):
    """(size of one sentence, the limit, unit name) for the budget's unit."""
    if budget.sentences is not None:
        return (lambda s: 1), budget.sentences, "sentences"
    if budget.characters is not None:
        return (lambda s: len(s.text)), budget.characters, "characters"
    if budget.ratio is not None:
        body_words = sum(s.word_count for s in body)
        return (lambda s: s.word_count), max(1, math.ceil(budget.ratio * body_words)), "words"
    return (lambda s: s.word_count), budget.words, "words"
