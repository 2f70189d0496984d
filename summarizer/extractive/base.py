"""The one interface every extractive ranker implements."""

from __future__ import annotations

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
