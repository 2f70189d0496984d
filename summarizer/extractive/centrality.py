"""LexRank: sentences central to the article's TF-IDF similarity graph score highest."""

from __future__ import annotations

from summarizer.document import Document
from summarizer.extractive.features import lexrank_of
from summarizer.text.layout import BODY


class LexRankRanker:
    name = "lexrank"
    positional = False

    def score(self, document: Document) -> list[float]:
        body = [s for s in document.sentences if s.kind == BODY] or list(document.sentences)
        centrality = lexrank_of([s.text for s in body])
        scores = [0.0] * len(document.sentences)
        for sentence, value in zip(body, centrality):
            scores[sentence.index] = float(value)
        return scores
