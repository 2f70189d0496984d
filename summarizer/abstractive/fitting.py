"""Fit a document to a model's input limit without cutting it silently.

Three strategies, chosen by how far over the limit the article is:
  full        everything fits;
  ranked      the extractive ranker's best sentences that fit, kept in document order;
  map_reduce  very long text: consecutive chunks that each fit are summarised first, then
              their summaries are summarised (the ranker pre-selects when even the chunks
              would be too many).
Every strategy reports the raw source spans the model actually read.
"""

from __future__ import annotations

from dataclasses import dataclass

# Past this many times the budget, ranking would drop most of the article: map-reduce.
MAP_REDUCE_FACTOR = 3.0
# Most chunks one article may be split into (each costs one generation on the map stage).
MAX_MAP_CHUNKS = 6


@dataclass(frozen=True)
class FittedInput:
    strategy: str  # "full" | "ranked" | "map_reduce"
    chunks: tuple[tuple[int, ...], ...]  # sentence indices read, per model input, in order
    total_sentences: int  # candidate sentences before fitting
    oversized: tuple[int, ...] = ()  # sentences longer than the whole budget, never read

    @property
    def read_indices(self) -> tuple[int, ...]:
        return tuple(i for chunk in self.chunks for i in chunk)

    @property
    def dropped(self) -> int:
        return self.total_sentences - len(self.read_indices)


def fit_sentences(
    candidates: list[int], token_counts: dict[int, int], budget: int, scores: list[float] | None
) -> FittedInput:
    """Choose which sentence indices the model reads (pure: counts and scores are given)."""
    oversized = tuple(i for i in candidates if token_counts[i] > budget)
    usable = [i for i in candidates if token_counts[i] <= budget]
    total = sum(token_counts[i] for i in usable)
    if not oversized and total <= budget:
        return FittedInput("full", (tuple(usable),), len(candidates))
    if total <= budget * MAP_REDUCE_FACTOR:
        return FittedInput("ranked", (select_by_score(usable, token_counts, budget, scores),), len(candidates), oversized)
    pool = usable
    if total > budget * MAX_MAP_CHUNKS:
        # Chunks are filled greedily, so leave one sentence of slack per chunk.
        pool = list(select_by_score(usable, token_counts, budget * MAX_MAP_CHUNKS - budget // 2, scores))
    return FittedInput("map_reduce", chunk_in_order(pool, token_counts, budget), len(candidates), oversized)


def select_by_score(indices: list[int], token_counts: dict[int, int], budget: int, scores: list[float] | None) -> tuple[int, ...]:
    """Best-scored sentences that fit `budget`, returned in document order.

    Without scores, earlier sentences rank higher (news puts the essentials first).
    """
    def rank(i: int) -> tuple[float, int]:
        return (-(scores[i] if scores is not None else -i), i)

    chosen: list[int] = []
    used = 0
    for i in sorted(indices, key=rank):
        if used + token_counts[i] <= budget:
            chosen.append(i)
            used += token_counts[i]
    return tuple(sorted(chosen))


def chunk_in_order(indices: list[int], token_counts: dict[int, int], budget: int) -> tuple[tuple[int, ...], ...]:
    chunks: list[tuple[int, ...]] = []
    current: list[int] = []
    used = 0
    for i in indices:
        if current and used + token_counts[i] > budget:
            chunks.append(tuple(current))
            current, used = [], 0
        current.append(i)
        used += token_counts[i]
    if current:
        chunks.append(tuple(current))
    return tuple(chunks)


def merge_spans(spans: list[tuple[int, int]], raw: str) -> tuple[tuple[int, int], ...]:
    """Join spans separated only by whitespace in `raw` (adjacent sentences read together)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and not raw[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)
