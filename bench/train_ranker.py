"""Train the learned extractive ranker and write its weights (reproducible, numpy only).

    .venv/bin/python bench/train_ranker.py [--data ../shared/data/dev] [--out PATH]

Data (read from the shared dev folder, never copied): BBC News Summary (the reference is
sentences a person selected from the article: label 1 for those sentences) and CNN/DM
(oracle labels: sentences picked greedily to maximise ROUGE-1 + ROUGE-2 against the
highlights). Articles are split by a hash of their id: TRAIN_SHARE of them train the
model, the rest are held out for bench/bench_extractive.py (`held_out(id)` says which).

The model averages ENSEMBLE_SIZE one-hidden-layer perceptrons over summarizer.extractive.features,
each trained with Adam on binary cross-entropy; fixed seeds, so reruns give the same weights.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Iterator

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.document import Document  # noqa: E402
from summarizer.errors import SummarizerError  # noqa: E402
from summarizer.extractive.features import FEATURE_NAMES, article_features, feature_matrix  # noqa: E402
from summarizer.extractive.headline import (  # noqa: E402
    DEFAULT_CUT_WEIGHTS,
    HEADLINE_CUT_FEATURES,
    headline_candidates,
)
from summarizer.extractive.learned import DEFAULT_WEIGHTS  # noqa: E402
from summarizer.extractive.summary_sets import (  # noqa: E402
    SET_FEATURE_NAMES,
    SET_SENTENCES_RANGE,
    SentenceTexts,
    candidate_sets,
    set_features,
    standardise,
)

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "dev"
SETS = {"cnndm": "cnndm_test_see2017_lower.jsonl", "bbc": "bbc_news_summary.jsonl"}
# Real headlines for the learned headline cut: Reuters wire titles and BBC titles.
HEADLINE_SETS = ("reuters21578_headlines.jsonl", "bbc_news_summary.jsonl")
# The headline cut's weights are fitted at the default headline limit (12 words).
HEADLINE_WORDS = 12
# Ridge penalty of the headline cut (fitted like the set model, per article centred).
HEADLINE_RIDGE = 1e-2
# Share of articles (by id hash) used for training; the rest is the held-out split.
TRAIN_SHARE = 0.7
# CNN/DM oracle: at most this many sentences (highlights average 3.5 sentences).
ORACLE_MAX_SENTENCES = 4
HIDDEN_UNITS = 24
EPOCHS = 40
BATCH_SIZE = 256
LEARNING_RATE = 3e-3
WEIGHT_DECAY = 1e-4
# The shipped model averages the logits of ENSEMBLE_SIZE perceptrons trained from different
# seeds (one wider perceptron: hidden layers side by side, output weights / size). Single
# members vary by +-0.3 ROUGE-1 on held-out CNN/DM; the average is steadier and better.
ENSEMBLE_SIZE = 5
# Ridge penalty of the set model (summary_sets), fitted per article to each candidate set's
# ROUGE-1 minus the article's mean (only the order within an article matters).
SET_RIDGE = 1e-3


def held_out(article_id: str) -> bool:
    """True for the articles the ranker never trains on (stable across runs and machines)."""
    bucket = int(hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF
    return bucket >= TRAIN_SHARE


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def split_documents(path: Path, split: str, limit: int | None = None) -> Iterator[tuple[dict, Document]]:
    """The rows of one split ('train' or 'held_out', by id hash) with their Documents;
    rows the text layer refuses (empty articles) are skipped."""
    for row in read_rows(path)[:limit]:
        if held_out(row["id"]) != (split == "held_out"):
            continue
        try:
            document = Document.from_text(row["article"])
        except SummarizerError:
            continue
        yield row, document


class RougeTokens:
    """rouge-score's own tokenizer (stemmed), so oracle labels match the evaluation."""

    def __init__(self) -> None:
        from rouge_score import tokenizers

        self._tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)

    def __call__(self, text: str) -> list[str]:
        return self._tokenizer.tokenize(text)


def _ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(candidate: Counter, reference: Counter) -> float:
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(candidate.values())
    recall = overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def oracle_labels(sentence_tokens: list[list[str]], reference_tokens: list[str]) -> list[int]:
    """Greedy oracle: add the sentence that most raises ROUGE-1 + ROUGE-2 F1; stop when none does."""
    reference = [_ngrams(reference_tokens, 1), _ngrams(reference_tokens, 2)]
    unigrams = [_ngrams(t, 1) for t in sentence_tokens]
    bigrams = [_ngrams(t, 2) for t in sentence_tokens]
    chosen: list[int] = []
    best_score = 0.0
    current = [Counter(), Counter()]
    while len(chosen) < ORACLE_MAX_SENTENCES:
        best = None
        for i in range(len(sentence_tokens)):
            if i in chosen:
                continue
            score = _f1(current[0] + unigrams[i], reference[0]) + _f1(current[1] + bigrams[i], reference[1])
            if score > best_score:
                best_score, best = score, i
        if best is None:
            break
        chosen.append(best)
        current = [current[0] + unigrams[best], current[1] + bigrams[best]]
    labels = [0] * len(sentence_tokens)
    for i in chosen:
        labels[i] = 1
    return labels


def selected_labels(sentences: list[str], summary: str, tokens: RougeTokens) -> list[int]:
    """BBC: a sentence is selected when nearly all its bigrams appear in the summary."""
    summary_bigrams = set(_ngrams(tokens(summary), 2))
    labels = []
    for text in sentences:
        bigrams = set(_ngrams(tokens(text), 2))
        labels.append(int(bool(bigrams) and len(bigrams & summary_bigrams) / len(bigrams) >= 0.8))
    return labels


def build_examples(data: Path, split: str, limit: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(features, labels, group id per row) for one split ('train' or 'held_out')."""
    tokens = RougeTokens()
    features, labels, groups = [], [], []
    group = 0
    for set_name, file_name in SETS.items():
        for row, document in split_documents(data / file_name, split, limit):
            matrix, indices = feature_matrix(document)
            texts = [document.sentences[i].text for i in indices]
            if set_name == "cnndm":
                reference = tokens(row["summary"])
                row_labels = oracle_labels([tokens(t) for t in texts], reference)
            else:
                row_labels = selected_labels(texts, row["summary"], tokens)
            features.append(matrix)
            labels.append(np.array(row_labels, dtype=float))
            groups.append(np.full(len(indices), group))
            group += 1
    return np.vstack(features), np.concatenate(labels), np.concatenate(groups)


def train(features: np.ndarray, labels: np.ndarray) -> dict:
    """ENSEMBLE_SIZE perceptrons merged into one wider one. Returns the JSON-ready weights."""
    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale[scale == 0] = 1.0
    x = (features - mean) / scale
    members = [train_member(x, labels, seed) for seed in range(ENSEMBLE_SIZE)]
    merged = {
        "w1": np.hstack([m["w1"] for m in members]),
        "b1": np.concatenate([m["b1"] for m in members]),
        "w2": np.concatenate([m["w2"] for m in members]) / ENSEMBLE_SIZE,
        "b2": np.array([np.mean([m["b2"][0] for m in members])]),
    }
    return {
        "features": list(FEATURE_NAMES),
        "mean": mean.round(8).tolist(),
        "scale": scale.round(8).tolist(),
        **{k: np.asarray(v).round(8).tolist() for k, v in merged.items()},
    }


def train_member(x: np.ndarray, labels: np.ndarray, seed: int) -> dict[str, np.ndarray]:
    """One-hidden-layer tanh perceptron on standardised features, BCE loss, Adam."""
    rng = np.random.default_rng(seed)
    inputs = x.shape[1]
    params = {
        "w1": rng.normal(0, 1 / np.sqrt(inputs), (inputs, HIDDEN_UNITS)),
        "b1": np.zeros(HIDDEN_UNITS),
        "w2": rng.normal(0, 1 / np.sqrt(HIDDEN_UNITS), HIDDEN_UNITS),
        "b2": np.zeros(1),
    }
    moments = {k: (np.zeros_like(v), np.zeros_like(v)) for k, v in params.items()}
    step = 0
    for _ in range(EPOCHS):
        order = rng.permutation(len(x))
        for start in range(0, len(x), BATCH_SIZE):
            batch = order[start : start + BATCH_SIZE]
            xb, yb = x[batch], labels[batch]
            hidden = np.tanh(xb @ params["w1"] + params["b1"])
            logits = hidden @ params["w2"] + params["b2"]
            error = (1 / (1 + np.exp(-logits)) - yb) / len(batch)  # dBCE/dlogit
            grad_hidden = np.outer(error, params["w2"]) * (1 - hidden**2)
            grads = {
                "w2": hidden.T @ error,
                "b2": np.array([error.sum()]),
                "w1": xb.T @ grad_hidden,
                "b1": grad_hidden.sum(axis=0),
            }
            step += 1
            for key, grad in grads.items():
                if key.startswith("w"):
                    grad = grad + WEIGHT_DECAY * params[key]
                m, v = moments[key]
                m[:] = 0.9 * m + 0.1 * grad
                v[:] = 0.999 * v + 0.001 * grad**2
                m_hat = m / (1 - 0.9**step)
                v_hat = v / (1 - 0.999**step)
                params[key] -= LEARNING_RATE * m_hat / (np.sqrt(v_hat) + 1e-8)
    return params


def predict(weights: dict, features: np.ndarray) -> np.ndarray:
    x = (features - np.array(weights["mean"])) / np.array(weights["scale"])
    return np.tanh(x @ np.array(weights["w1"]) + np.array(weights["b1"])) @ np.array(weights["w2"]) + weights["b2"][0]


def top_k_precision(scores: np.ndarray, labels: np.ndarray, groups: np.ndarray, k: int = 3) -> float:
    """Share of each article's top-k sentences that carry label 1 (a quick sanity number)."""
    hits = total = 0
    for group in np.unique(groups):
        rows = np.flatnonzero(groups == group)
        top = rows[np.argsort(-scores[rows])[:k]]
        hits += labels[top].sum()
        total += len(top)
    return hits / max(1, total)


def set_examples(
    data: Path, weights: dict, split: str, size: int, limit: int | None = None
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per CNN/DM article, for a budget of `size` sentences: (features of each candidate
    set, its ROUGE-1 F1 against the highlights), for the set model."""
    tokens = RougeTokens()
    examples = []
    for row, document in split_documents(data / SETS["cnndm"], split, limit):
        article = article_features(document)
        if len(article.indices) <= size:
            continue
        texts = [document.sentences[i].text for i in article.indices]
        logits = predict(weights, article.matrix)
        sentences = SentenceTexts(texts, article.tokens)
        standardised = standardise(logits)
        unigrams = [_ngrams(tokens(t), 1) for t in texts]
        reference = _ngrams(tokens(row["summary"]), 1)
        candidates = candidate_sets(logits, size)
        features = np.array([set_features(sentences, standardised, members) for members in candidates])
        rouge = np.array([_f1(sum((unigrams[i] for i in members), Counter()), reference) for members in candidates])
        examples.append((features, rouge))
    return examples


def fit_set_model(examples: list[tuple[np.ndarray, np.ndarray]], ridge: float = SET_RIDGE) -> np.ndarray:
    """Ridge regression of ROUGE-1 on the candidates' features, both centred within each
    article (only the order of one article's candidates matters)."""
    x = np.vstack([features - features.mean(axis=0) for features, _ in examples])
    y = np.concatenate([rouge - rouge.mean() for _, rouge in examples])
    return np.linalg.solve(x.T @ x + ridge * np.eye(x.shape[1]), x.T @ y)


def set_choice_rouge(examples: list[tuple[np.ndarray, np.ndarray]], weights: np.ndarray) -> float:
    """Mean ROUGE-1 of the set the model picks (a quick sanity number)."""
    return float(np.mean([rouge[int(np.argmax(features @ weights))] for features, rouge in examples]))


def train_set_models(data: Path, weights: dict, limit: int | None) -> dict:
    """One linear set model per sentence budget in SET_SENTENCES_RANGE (a model fitted on
    all budgets together picks worse 3-sentence sets: held-out ROUGE-1 41.7 against 42.0)."""
    models = {}
    for size in range(SET_SENTENCES_RANGE[0], SET_SENTENCES_RANGE[1] + 1):
        train_examples = set_examples(data, weights, "train", size, limit)
        set_weights = fit_set_model(train_examples)
        models[str(size)] = set_weights.round(8).tolist()
        for name, examples in {"train": train_examples, "held out": set_examples(data, weights, "held_out", size, limit)}.items():
            top_k = float(np.mean([rouge[int(np.argmax(features[:, 1]))] for features, rouge in examples]))
            print(
                f"{name}: CNN/DM {size} sentences, ROUGE-1 of the chosen set {100 * set_choice_rouge(examples, set_weights):.2f} "
                f"(highest score sum {100 * top_k:.2f})"
            )
    return {"features": list(SET_FEATURE_NAMES), "weights_by_sentences": models}


def headline_examples(data: Path, split: str, limit: int | None = None) -> dict[str, list[tuple[np.ndarray, np.ndarray]]]:
    """Per headline set, per article with a real headline: (cut features of each candidate, its ROUGE-1 F1)."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    examples: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {}
    for file_name in HEADLINE_SETS:
        examples[file_name] = []
        for row, document in split_documents(data / file_name, split, limit):
            if not row.get("headline"):
                continue
            candidates = headline_candidates(document, HEADLINE_WORDS)
            features = np.array([values for _, values in candidates])
            rouge = np.array([scorer.score(row["headline"], text)["rouge1"].fmeasure for text, _ in candidates])
            examples[file_name].append((features, rouge))
    return examples


def fit_headline_cut(examples: dict[str, list[tuple[np.ndarray, np.ndarray]]], ridge: float = HEADLINE_RIDGE) -> np.ndarray:
    """Ridge regression like fit_set_model, each headline set weighing the same in total: the
    Reuters wires outnumber the BBC articles 5 to 1, and BBC titles are shorter."""
    rows, targets = [], []
    # Weights summing to the number of articles, so the ridge penalty means what it did unweighted.
    share = sum(len(set_examples_) for set_examples_ in examples.values()) / len(examples)
    for set_examples_ in examples.values():
        scale = np.sqrt(share / len(set_examples_))
        for features, rouge in set_examples_:
            rows.append(scale * (features - features.mean(axis=0)))
            targets.append(scale * (rouge - rouge.mean()))
    x, y = np.vstack(rows), np.concatenate(targets)
    return np.linalg.solve(x.T @ x + ridge * np.eye(x.shape[1]), x.T @ y)


def train_headline_cut(data: Path, limit: int | None) -> dict:
    """The headline cut: ridge regression of each candidate's ROUGE-1 against the real title."""
    train_examples = headline_examples(data, "train", limit)
    weights = fit_headline_cut(train_examples)
    for name, by_set in {"train": train_examples, "held out": headline_examples(data, "held_out", limit)}.items():
        for file_name, examples in by_set.items():
            whole = float(np.mean([rouge[-1] for _, rouge in examples]))
            print(
                f"{name}: {file_name} headline ROUGE-1 {100 * set_choice_rouge(examples, weights):.2f} "
                f"with the learned cut, {100 * whole:.2f} without"
            )
    return {
        "features": list(HEADLINE_CUT_FEATURES),
        "weights": weights.round(8).tolist(),
        "trained_on": {"sets": list(HEADLINE_SETS), "articles": sum(len(examples) for examples in train_examples.values()), "headline_words": HEADLINE_WORDS},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the dev JSONL files")
    parser.add_argument("--out", type=Path, default=DEFAULT_WEIGHTS, help="where to write the weights JSON")
    parser.add_argument("--headline-out", type=Path, default=DEFAULT_CUT_WEIGHTS, help="where to write the headline cut JSON")
    parser.add_argument("--limit", type=int, help="read only the first N records of each set (quick runs)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    x_train, y_train, g_train = build_examples(args.data, "train", args.limit)
    x_test, y_test, g_test = build_examples(args.data, "held_out", args.limit)
    print(f"train: {len(np.unique(g_train))} articles, {len(y_train)} sentences, {y_train.mean():.3f} positive")
    print(f"held out: {len(np.unique(g_test))} articles, {len(y_test)} sentences ({time.perf_counter() - started:.1f}s)")
    weights = train(x_train, y_train)
    weights["trained_on"] = {
        "sets": list(SETS.values()),
        "split": f"sha1(id) bucket < {TRAIN_SHARE} (see bench/train_ranker.py:held_out)",
        "articles": int(len(np.unique(g_train))),
        "sentences": int(len(y_train)),
    }
    for name, (x, y, g) in {"train": (x_train, y_train, g_train), "held out": (x_test, y_test, g_test)}.items():
        print(f"{name}: top-3 precision {top_k_precision(predict(weights, x), y, g):.3f}")
    weights["set_model"] = train_set_models(args.data, weights, args.limit)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(weights, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes) in {time.perf_counter() - started:.1f}s")
    cut = train_headline_cut(args.data, args.limit)
    args.headline_out.write_text(json.dumps(cut, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.headline_out} ({args.headline_out.stat().st_size:,} bytes) in {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
