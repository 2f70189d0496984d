"""Whole-summary choice for small sentence budgets: score candidate sets, not sentences.

Picking the k best-scored sentences misses what only the set shows: whether together they
cover the article, repeat each other, or run long. For a budget of k sentences (k in
SET_SENTENCES_RANGE) the candidates are every k-subset of the top k + SET_EXTRA_CANDIDATES
sentences by the learned score, and a linear model over SET_FEATURE_NAMES (weights in the
learned ranker's file, fitted by bench/train_ranker.py to each set's ROUGE-1 against the
CNN/DM highlights) picks one. Pure functions; numpy only.
"""

from __future__ import annotations

import itertools

import numpy as np

from summarizer.extractive.features import FUNCTION_WORDS
from summarizer.extractive.selection import word_trigrams

# Sentence budgets the set model was fitted on (2, 3 and 4 sentences of CNN/DM articles).
SET_SENTENCES_RANGE = (2, 4)
# Candidates: every k-subset of the top k + 2 sentences (10 sets for k = 3). Measured on
# held-out CNN/DM at k = 3: the best of those sets scores ROUGE-1 47.0 (k + 3: 48.9), the
# model's pick 42.0 with either pool.
SET_EXTRA_CANDIDATES = 2
# Names of the set features, in the order set_features() returns them.
SET_FEATURE_NAMES = (
    "article_cosine",  # content-word counts of the set vs the whole body
    "score_sum",  # learned scores, standardised within the article
    "words",  # total words / 100
    "words_squared",
    "max_overlap",  # most content words two members share / the smaller member's
    "shared_trigram_pairs",  # member pairs that repeat a word trigram
    "in_first_three",  # members among the first three body sentences
    "has_first",  # the first body sentence is a member
)


class SentenceTexts:
    """What the set features need from the body sentences, computed once per article."""

    def __init__(self, texts: list[str], tokens: list[list[str]]) -> None:
        content = [[w for w in words if w not in FUNCTION_WORDS] for words in tokens]
        term_ids: dict[str, int] = {}
        flat = [term_ids.setdefault(word, len(term_ids)) for words in content for word in words]
        terms = max(1, len(term_ids))
        rows = np.repeat(np.arange(len(texts)), [len(words) for words in content])
        self.counts = np.bincount(
            rows * terms + np.array(flat, dtype=np.int64), minlength=len(texts) * terms
        ).reshape(len(texts), terms).astype(float)
        self.article = self.counts.sum(axis=0)
        self.article_norm = float(np.linalg.norm(self.article)) or 1.0
        self.present = self.counts > 0
        self.content_sizes = np.count_nonzero(self.present, axis=1)
        self.words = np.array([len(text.split()) for text in texts], dtype=float)
        self.texts = texts
        self._trigrams: dict[int, set[tuple[str, str, str]]] = {}
        self._pairs: dict[tuple[int, int], tuple[float, bool]] = {}

    def pair(self, a: int, b: int) -> tuple[float, bool]:
        """(content words a and b share / the smaller one's, whether they repeat a trigram),
        computed once per pair: the candidate sets share their pairs."""
        if (a, b) not in self._pairs:
            shared = np.count_nonzero(self.present[a] & self.present[b])
            overlap = shared / max(1, min(self.content_sizes[a], self.content_sizes[b]))
            self._pairs[(a, b)] = (float(overlap), bool(self.trigrams(a) & self.trigrams(b)))
        return self._pairs[(a, b)]

    def trigrams(self, sentence: int) -> set[tuple[str, str, str]]:
        """Word trigrams of one sentence (computed for candidate members only)."""
        if sentence not in self._trigrams:
            self._trigrams[sentence] = word_trigrams(self.texts[sentence])
        return self._trigrams[sentence]


def candidate_sets(logits: np.ndarray, size: int) -> list[tuple[int, ...]]:
    """Every `size`-subset (positions in document order) of the top-scored sentences."""
    pool = np.argsort(-logits, kind="stable")[: size + SET_EXTRA_CANDIDATES]
    return list(itertools.combinations(sorted(int(i) for i in pool), size))


def set_features(sentences: SentenceTexts, standardised: np.ndarray, members: tuple[int, ...]) -> np.ndarray:
    """SET_FEATURE_NAMES for one candidate set (`members`: positions among the body sentences)."""
    chosen = list(members)
    vector = sentences.counts[chosen].sum(axis=0)
    norm = float(np.linalg.norm(vector)) or 1.0
    cosine = float(vector @ sentences.article) / (norm * sentences.article_norm)
    words = sentences.words[chosen].sum() / 100.0
    max_overlap = 0.0
    shared_trigrams = 0
    for a, b in itertools.combinations(chosen, 2):
        overlap, repeats_trigram = sentences.pair(a, b)
        max_overlap = max(max_overlap, overlap)
        shared_trigrams += repeats_trigram
    return np.array(
        [
            cosine,
            standardised[chosen].sum(),
            words,
            words * words,
            max_overlap,
            shared_trigrams,
            sum(1 for i in chosen if i < 3),
            0 in chosen,
        ],
        dtype=float,
    )


def standardise(logits: np.ndarray) -> np.ndarray:
    spread = logits.std()
    return (logits - logits.mean()) / spread if spread > 0 else logits - logits.mean()


def best_set(
    texts: list[str], tokens: list[list[str]], logits: np.ndarray, size: int, weights: np.ndarray
) -> tuple[int, ...]:
    """The candidate set the linear model scores highest (ties: the earlier candidate).

    `tokens`: words_of() of each text (features.ArticleFeatures.tokens)."""
    sentences = SentenceTexts(texts, tokens)
    standardised = standardise(logits)
    candidates = candidate_sets(logits, size)
    values = [float(set_features(sentences, standardised, members) @ weights) for members in candidates]
    return candidates[int(np.argmax(values))]


def applies_to(size: int | None, body_sentences: int) -> bool:
    """Whether a budget of `size` sentences goes through the set model for this article."""
    if size is None or not SET_SENTENCES_RANGE[0] <= size <= SET_SENTENCES_RANGE[1]:
        return False
    # An article with no more body sentences than the budget is returned whole anyway.
    return body_sentences > size

