"""The one interface every extractive ranker implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from summarizer.document import Document


class Ranker(Protocol):
    name: str
    # True when the ranker's order is the document's order (lead): selection then keeps a
    # contiguous prefix instead of skipping a long sentence for a later short one.
    positional: bool

    def score(self, document: "Document") -> list[float]:
        """One score per sentence of `document.sentences` (higher = more summary-worthy).

        Sentences that are not body text (datelines, bylines, boilerplate) may get any
        score: selection never picks them.
        """
        ...


@dataclass(frozen=True)
class Ranking:
    """What a budget-aware ranker (one with `rank_for(document, budget)`) returns.

    `scores`: one per sentence of document.sentences, as Ranker.score; `chosen`: the whole
    summary (sentence indices) when the ranker picks it itself, else None and selection
    picks by the scores.
    """

    scores: list[float]
    chosen: tuple[int, ...] | None = None
