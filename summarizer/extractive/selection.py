"""Pick sentences within the length contract: never cut a sentence, keep document order."""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.document import Document
from summarizer.summary import SummaryWarning


@dataclass(frozen=True)
class LengthBudget:
    """The summary's size: a word budget or a sentence count (exactly one of them)."""

    words: int | None = None
    sentences: int | None = None

    def __post_init__(self) -> None:
        if (self.words is None) == (self.sentences is None):
            raise ValueError("LengthBudget needs exactly one of words or sentences")

    def describe(self) -> str:
        return f"{self.words} words" if self.words is not None else f"{self.sentences} sentences"


@dataclass(frozen=True)
class Selection:
    indices: tuple[int, ...]  # sentence indices, in document order
    warnings: tuple[SummaryWarning, ...] = ()


def select_sentences(
    document: Document, scores: list[float], budget: LengthBudget, *, positional: bool = False
) -> Selection:
    """Best-scoring body sentences that fit `budget`, returned in document order.

    With `positional` (lead) the selection is a prefix of the body: it stops at the first
    sentence that does not fit rather than skipping ahead.
    """
    if len(scores) != len(document.sentences):
        raise ValueError(f"ranker returned {len(scores)} scores for {len(document.sentences)} sentences")
    body = document.body_sentences
    warnings: list[SummaryWarning] = []
    if not body:
        # Nothing but datelines/bylines: fall back to every sentence rather than return nothing.
        body = document.sentences
    ranked = sorted(body, key=lambda s: (-scores[s.index], s.index))

    chosen: list[int] = []
    if budget.sentences is not None:
        chosen = [s.index for s in ranked[: budget.sentences]]
        if len(body) < budget.sentences:
            warnings.append(_shorter_than_requested(len(body), budget))
    else:
        used = 0
        for sentence in ranked:
            if used + sentence.word_count <= budget.words:
                chosen.append(sentence.index)
                used += sentence.word_count
            elif positional:
                break
        total_words = sum(s.word_count for s in body)
        if not chosen:
            # Even the best sentence is over budget: return it whole rather than cut it.
            first = ranked[0]
            chosen = [first.index]
            warnings.append(
                SummaryWarning(
                    "summary_length_not_met",
                    f"no sentence fits the {budget.words}-word budget; returned the best sentence "
                    f"whole ({first.word_count} words) because extractive summaries never cut a sentence",
                )
            )
        elif total_words <= budget.words:
            warnings.append(_shorter_than_requested(total_words, budget, unit="words"))
    return Selection(tuple(sorted(chosen)), tuple(warnings))


def _shorter_than_requested(size: int, budget: LengthBudget, unit: str = "sentences") -> SummaryWarning:
    return SummaryWarning(
        "document_shorter_than_requested",
        f"the article has only {size} {unit} of body text, within the requested {budget.describe()}; "
        "the summary is the whole article",
    )
