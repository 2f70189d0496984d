"""Time the engine on the longest articles a newsroom sends, against the dense-graph baseline.

Inputs written here (no data set): N short sentences on one line (a 50,000-sentence
article is ~830 KB), a 900 KB article on one line, 900 KB of CJK text. The baseline is the
same engine with the similarity graph built as a dense matrix at every size (what it did
before features.DENSE_GRAPH_MAX_SENTENCES), measured in the same run up to the size where
its memory (sentences^2 x 8 bytes) is still reasonable.

Run: .venv/bin/python bench/bench_long_inputs.py
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarizer import Summarizer  # noqa: E402
from summarizer.extractive import features  # noqa: E402
from summarizer.settings import Settings  # noqa: E402

WORDS = "the mayor said council budget taxes would rise next year after long debate critics objected strongly".split()
BASELINE_MAX_SENTENCES = 12_500  # the dense baseline needs ~1.3 GB here, ~20 GB at 50,000


def short_sentences(count: int, rng: random.Random) -> str:
    return " ".join(f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {rng.randint(0, 99)}." for _ in range(count))


def seconds(summarizer: Summarizer, text: str) -> float:
    started = time.perf_counter()
    summarizer.summarize(text)
    return time.perf_counter() - started


def main() -> None:
    rng = random.Random(1)
    summarizer = Summarizer(Settings.load(environ={}))
    summarizer.summarize("Warm up. The ranker loads.")
    sparse_limit = features.DENSE_GRAPH_MAX_SENTENCES
    print(f"{'input':<34} {'chars':>9} {'ours s':>8} {'dense s':>8} {'ratio':>6}")
    for count in (2_500, 5_000, 12_500, 50_000):
        text = short_sentences(count, rng)
        ours = seconds(summarizer, text)
        dense = "-"
        ratio = ""
        if count <= BASELINE_MAX_SENTENCES:
            features.DENSE_GRAPH_MAX_SENTENCES = 10**9
            try:
                baseline = seconds(summarizer, text)
            finally:
                features.DENSE_GRAPH_MAX_SENTENCES = sparse_limit
            dense, ratio = f"{baseline:.2f}", f"{baseline / ours:.1f}x"
        print(f"{count:>6} sentences, one line{'':<11} {len(text):>9} {ours:>8.2f} {dense:>8} {ratio:>6}")
    one_line = short_sentences(60_000, rng)[:900_000]
    print(f"{'900 KB on one line':<34} {len(one_line):>9} {seconds(summarizer, one_line):>8.2f}")
    cjk = ("東京都は今日、新しい予算案を発表した。" * 50_000)[:900_000]
    print(f"{'900 KB CJK (。 without spaces)':<34} {len(cjk):>9} {seconds(summarizer, cjk):>8.2f}")


if __name__ == "__main__":
    main()
