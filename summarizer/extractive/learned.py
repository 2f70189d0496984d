"""Learned ranker: a small perceptron over position, length, centrality and overlap features.

The weights ship inside the package (summarizer/extractive/data/ranker.json, package data),
so an installed package needs no models/ folder. bench/train_ranker.py reproduces them;
models/ranker/README.md is the model card.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from summarizer.document import Document
from summarizer.extractive.base import Ranking
from summarizer.extractive.features import FEATURE_NAMES, ArticleFeatures, article_features, content_degree
from summarizer.extractive.selection import LengthBudget, budget_share
from summarizer.extractive.summary_sets import SET_FEATURE_NAMES, applies_to, best_set
from summarizer.extractive.weights import read_weights, require_features

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
        require_features(data.get("features"), FEATURE_NAMES, "learned ranker")
        self.mean = np.array(data["mean"])
        self.scale = np.array(data["scale"])
        self.w1 = np.array(data["w1"])
        self.b1 = np.array(data["b1"])
        self.w2 = np.array(data["w2"])
        self.b2 = float(data["b2"][0])
        # The whole-summary model for small sentence budgets (summary_sets); optional.
        set_model = data.get("set_model")
        if set_model is not None:
            require_features(set_model.get("features"), SET_FEATURE_NAMES, "learned ranker's set model")
        # Sentence budget -> weights of the set model fitted for it.
        self.set_weights: dict[int, np.ndarray] = {
            int(size): np.array(values) for size, values in (set_model or {}).get("weights_by_sentences", {}).items()
        }

    @classmethod
    def load(cls, path: Path = DEFAULT_WEIGHTS) -> "RankerWeights":
        data = read_weights(path, "learned ranker")
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
        article = article_features(document)
        return _per_sentence(document, article.indices, _sigmoid(self.weights.logits(article.matrix)))

    def rank_for(self, document: Document, budget: LengthBudget) -> Ranking:
        """Scores for this budget and, for small sentence budgets, the whole summary
        (selection.rank_and_select calls this)."""
        article = article_features(document)
        logits = self.weights.logits(article.matrix)
        weight = centrality_weight(budget_share(document, budget))
        if weight > 0.0:
            degree = content_degree(article.tokens)
            # Through a sigmoid like score()'s, so every score an editor sees lies in (0, 1).
            values = _sigmoid(_standardised(logits) + weight * _standardised(degree))
        else:
            values = _sigmoid(logits)
        return Ranking(_per_sentence(document, article.indices, values), self._chosen_set(document, article, logits, budget))

    def _chosen_set(
        self, document: Document, article: ArticleFeatures, logits: np.ndarray, budget: LengthBudget
    ) -> tuple[int, ...] | None:
        """The set model's pick (summary_sets) for a sentence budget it was fitted on, else None."""
        set_weights = self.weights.set_weights.get(budget.sentences) if budget.sentences else None
        if set_weights is None or not applies_to(budget.sentences, len(article.indices)):
            return None
        texts = [document.sentences[i].text for i in article.indices]
        members = best_set(texts, article.tokens, logits, budget.sentences, set_weights)
        return tuple(article.indices[i] for i in members)


def centrality_weight(share: float) -> float:
    """TextRank's weight beside the learned score for a budget of `share` of the article."""
    ramp = (share - CENTRALITY_FROM_SHARE) / (CENTRALITY_FULL_SHARE - CENTRALITY_FROM_SHARE)
    return CENTRALITY_WEIGHT * min(1.0, max(0.0, ramp))


def _standardised(values: np.ndarray) -> np.ndarray:
    spread = values.std()
    return (values - values.mean()) / spread if spread > 0 else values - values.mean()


def _sigmoid(values: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-values))


def _per_sentence(document: Document, indices: list[int], values: np.ndarray) -> list[float]:
    # Sentences outside the body (datelines, bylines) score 0, below every body sentence.
    scores = [0.0] * len(document.sentences)
    for index, value in zip(indices, values):
        scores[index] = float(value)
    return scores
