"""Lead: the article's own order. The baseline every other ranker is compared with."""

from __future__ import annotations

from summarizer.document import Document


class LeadRanker:
    name = "lead"
    positional = True

    def score(self, document: Document) -> list[float]:
        count = len(document.sentences)
        # Earlier sentences score higher; scores fall in (0, 1].
        return [(count - i) / count for i in range(count)]
