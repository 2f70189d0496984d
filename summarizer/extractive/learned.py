"""Learned ranker: a small perceptron over position, length, centrality and overlap features.

The weights ship inside the package (summarizer/extractive/data/ranker.json, package data),
so an installed package needs no models/ folder. bench/train_ranker.py reproduces them;
models/ranker/README.md is the model card.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from summarizer.document import Document
from summarizer.errors import SummarizerError
from summarizer.extractive.features import FEATURE_NAMES, content_degree, feature_matrix, words_of

DEFAULT_WEIGHTS = Path(__file__).resolve().parent / "data" / "ranker.json"
# Large budgets blend TextRank (features.content_degree) into the learned score: both are
# standardised within the article and TextRank weighs CENTRALITY_WEIGHT times as much once
# the budget is CENTRALITY_FULL_SHARE of the article or more, nothing up to
# CENTRALITY_FROM_SHARE (where trigram blocking stops too), linearly in between. Tuned on
# the training split only (bench/train_ranker.py:held_out): at the BBC reference length
# (~45% of the article) TextRank weights 1.0/1.5/2.0 give ROUGE-1 81.1/81.3/81.1 against
# 76.7 for the learned score alone; CNN/DM at 3 sentences (~10%, up to 37% for short
# articles) loses 0.04 with this ramp and 0.4 with one starting at 15%.
CENTRALITY_FROM_SHARE = 0.25
CENTRALITY_FULL_SHARE = 0.40
CENTRALITY_WEIGHT = 1.5


class RankerWeights:
    """The perceptron: standardise, tanh hidden layer, one linear output (a logit)."""

    def __init__(self, data: dict) -> None:
        if tuple(data.get("features", ())) != FEATURE_NAMES:
            raise SummarizerError(
                "the learned ranker's weights were trained on other features than this code computes; "
                "retrain them with `python bench/train_ranker.py`"
            )
        self.mean = np.array(data["mean"])
        self.scale = np.array(data["scale"])
        self.w1 = np.array(data["w1"])
        self.b1 = np.array(data["b1"])
        self.w2 = np.array(data["w2"])
        self.b2 = float(data["b2"][0])

    @classmethod
    def load(cls, path: Path = DEFAULT_WEIGHTS) -> "RankerWeights":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SummarizerError(
                f"learned ranker weights not found at {path}; reinstall the package or run "
                "`python bench/train_ranker.py` to rebuild them"
            ) from None
        return cls(data)

    def logits(self, features: np.ndarray) -> np.ndarray:
        # einsum rather than `@`: no BLAS threads to wake for a matrix this small.
        hidden = np.tanh(np.einsum("ij,jk->ik", (features - self.mean) / self.scale, self.w1) + self.b1)
        return np.einsum("ik,k->i", hidden, self.w2) + self.b2


class LearnedRanker:
    name = "learned"
    positional = False

    def __init__(self, weights: RankerWeights | None = None) -> None:
        self.weights = weights or RankerWeights.load()

    def score(self, document: Document) -> list[float]:
        """The probability that each sentence belongs in a short summary (budget unknown)."""
        features, indices = feature_matrix(document)
        probabilities = 1.0 / (1.0 + np.exp(-self.weights.logits(features)))
        return _per_sentence(document, indices, probabilities, fill=0.0)

    def score_for_share(self, document: Document, share: float) -> list[float]:
        """Scores for a summary of `share` of the article (selection.scores_within calls this)."""
        weight = centrality_weight(share)
        if weight == 0.0:
            return self.score(document)
        features, indices = feature_matrix(document)
        degree = content_degree([words_of(document.sentences[i].text) for i in indices])
        blended = _standardised(self.weights.logits(features)) + weight * _standardised(degree)
        # Through a sigmoid like score()'s, so every score an editor sees lies in (0, 1).
        return _per_sentence(document, indices, 1.0 / (1.0 + np.exp(-blended)), fill=0.0)


def centrality_weight(share: float) -> float:
    """TextRank's weight beside the learned score for a budget of `share` of the article."""
    ramp = (share - CENTRALITY_FROM_SHARE) / (CENTRALITY_FULL_SHARE - CENTRALITY_FROM_SHARE)
    return CENTRALITY_WEIGHT * min(1.0, max(0.0, ramp))


def _standardised(values: np.ndarray) -> np.ndarray:
    spread = values.std()
    return (values - values.mean()) / spread if spread > 0 else values - values.mean()


def _per_sentence(document: Document, indices: list[int], values: np.ndarray, fill: float) -> list[float]:
    scores = [fill] * len(document.sentences)
    for index, value in zip(indices, values):
        scores[index] = float(value)
    return scores
