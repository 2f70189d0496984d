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
from summarizer.extractive.features import FEATURE_NAMES, feature_matrix

DEFAULT_WEIGHTS = Path(__file__).resolve().parent / "data" / "ranker.json"


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
        features, indices = feature_matrix(document)
        probabilities = 1.0 / (1.0 + np.exp(-self.weights.logits(features)))
        scores = [0.0] * len(document.sentences)
        for index, value in zip(indices, probabilities):
            scores[index] = float(value)
        return scores
