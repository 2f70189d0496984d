"""Benchmark of text repair and sentence segmentation against the gold in
../shared/data/dev/repair_*.jsonl and bbc_news_summary.jsonl.

Every figure is printed for OURS next to a BASELINE that keeps every line break (each
non-blank line is its own paragraph), measured in the same run.

Definitions
-----------
Paragraph boundary: the position where a paragraph starts, counted as the number of
letters and digits (str.isalnum after NFC) that come before it. The count is the same in
the broken text, in its gold and in our output whatever the whitespace, hyphen joining
or quote handling, so boundaries compare exactly without aligning strings. The start of
the document (position 0) is not a boundary. For our output the count is taken on the
raw text before each paragraph's raw start offset. Documents whose gold has different
letters and digits than the broken text are skipped and counted.

Boundary F1: micro-averaged over all documents of a set: precision = correct predicted
boundaries / predicted boundaries, recall = correct / gold boundaries.
Exact documents: share of documents whose predicted boundary set equals the gold set.

PDF line-glue accuracy: for each line after the first of an annotated document, the
prediction is '+' when the line is non-blank and lies inside a paragraph that started
on an earlier line, else '*'; accuracy = share of lines whose prediction equals the
gold label ('+' glue to previous line, '*' new block; blank lines are '*').

BBC segmentation: the reference summaries are article sentences concatenated without a
space (field summary_raw); they are cut where sentence-final punctuation (plus closing
quotes) is directly followed by a capital letter or an opening quote or bracket (quote
marks there go with the first sentence only as far as the article has them there). Each piece
found verbatim in the article (whitespace-normalised) is a reference sentence; the
figure is the share of them that equal the display text of one of our sentences.

Speed: analyse_text (repair + segmentation + metadata) on the Reuters broken texts,
UTF-8 megabytes per second on one core: measured on the CPU time of this process
(time.process_time), which a loaded machine disturbs far less than wall-clock time (also
printed, with the load average); linearity shown on single documents of about 10 KB,
1 MB and 10 MB made by concatenating Reuters texts.

Run: .venv/bin/python bench/bench_repair.py [--data DIR] [--limit N] [--skip-speed]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from bisect import bisect_right
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarizer.text import analyse_text  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dev"
_NON_BLANK_LINE = re.compile(r"[^\n]*\S[^\n]*")
_REF_CUT = re.compile(r"""[.!?]+(["'’”)]*+)(?=[A-Z(]|["'‘“(][A-Z])""")


# ---------------------------------------------------------------- boundaries


def alnum_prefix_counts(text: str) -> list[int]:
    """counts[i] = number of alphanumeric characters in text[:i] (after per-char NFC)."""
    counts = [0] * (len(text) + 1)
    total = 0
    for i, char in enumerate(text):
        counts[i] = total
        if char.isalnum():
            total += 1
    counts[len(text)] = total
    return counts


def alnum_count(text: str) -> int:
    return sum(1 for c in unicodedata.normalize("NFC", text) if c.isalnum())


def gold_boundaries(gold: str) -> set[int]:
    bounds, total = set(), 0
    for i, para in enumerate(p for p in gold.split("\n\n") if p.strip()):
        if i:
            bounds.add(total)
        total += alnum_count(para)
    return bounds


def predicted_boundaries(raw: str) -> set[int]:
    counts = alnum_prefix_counts(raw)
    return {counts[p.start] for p in analyse_text(raw).paragraphs[1:]}


def baseline_boundaries(raw: str) -> set[int]:
    counts = alnum_prefix_counts(raw)
    starts = [m.start() + len(m.group()) - len(m.group().lstrip()) for m in _NON_BLANK_LINE.finditer(raw)]
    return {counts[s] for s in starts[1:]}


class Score:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = self.docs = self.exact = 0

    def add(self, predicted: set[int], gold: set[int]) -> None:
        predicted.discard(0)
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)
        self.docs += 1
        self.exact += predicted == gold

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def row(self, name: str) -> str:
        return (
            f"  {name:<9} F1 {self.f1:.4f}  P {self.precision:.4f}  R {self.recall:.4f}  "
            f"exact docs {self.exact}/{self.docs} = {self.exact / max(1, self.docs):.1%}"
        )


def score_set(rows: list[dict], transform=lambda s: s) -> tuple[Score, Score, int]:
    ours, base, skipped = Score(), Score(), 0
    for row in rows:
        broken = transform(row["broken"])
        if alnum_count(broken) != alnum_count(row["gold"]):
            skipped += 1
            continue
        gold = gold_boundaries(row["gold"])
        ours.add(predicted_boundaries(broken), gold)
        base.add(baseline_boundaries(broken), gold)
    return ours, base, skipped


def strip_indentation(text: str) -> str:
    return "\n".join(line.lstrip() for line in text.split("\n"))


# ---------------------------------------------------------------- PDF lines


def pdf_glue_accuracy(rows: list[dict]) -> tuple[float, float, int]:
    right = base_right = total = 0
    for row in rows:
        raw, labels = row["broken"], row["line_labels"]
        lines = raw.split("\n")
        starts, pos = [], 0
        for line in lines:
            starts.append(pos)
            pos += len(line) + 1
        paragraphs = analyse_text(raw).paragraphs
        para_starts = [p.start for p in paragraphs]
        for i in range(1, min(len(lines), len(labels))):
            line = lines[i]
            predicted = "*"
            if line.strip():
                first = starts[i] + len(line) - len(line.lstrip())
                k = bisect_right(para_starts, first) - 1
                if k >= 0 and para_starts[k] < starts[i] and first < paragraphs[k].end:
                    predicted = "+"
            right += predicted == labels[i]
            base_right += labels[i] == "*"
            total += 1
    return right / total, base_right / total, total


# ---------------------------------------------------------------- BBC segmentation


def reference_sentences(summary_raw: str, article_flat: str) -> list[str]:
    pieces, last = [], 0
    for match in _REF_CUT.finditer(summary_raw):
        # Quotes between two joined sentences close the first or open the second: give
        # the first as many as the article has there.
        end = match.start(1)
        for k in range(len(match.group(1)), 0, -1):
            if " ".join(summary_raw[last : match.start(1) + k].split()) in article_flat:
                end = match.start(1) + k
                break
        pieces.append(summary_raw[last:end])
        last = end
    pieces.append(summary_raw[last:])
    return [" ".join(p.split()) for p in pieces if p.strip()]


def bbc_segmentation(rows: list[dict]) -> tuple[float, float, int, int]:
    found = ours_whole = base_whole = missing = 0
    for row in rows:
        article = row["article"]
        flat = " ".join(article.split())
        ours = {" ".join(s.text.split()) for p in analyse_text(article).paragraphs for s in p.sentences}
        baseline = {" ".join(line.split()) for line in article.split("\n") if line.strip()}
        for sentence in reference_sentences(row["summary_raw"], flat):
            if sentence not in flat:
                missing += 1
                continue
            found += 1
            ours_whole += sentence in ours
            base_whole += sentence in baseline
    return ours_whole / found, base_whole / found, found, missing


# ---------------------------------------------------------------- speed


def baseline_split(raw: str) -> list[str]:
    return [line.strip() for line in raw.split("\n") if line.strip()]


def throughput(func, texts: list[str], repeat: int = 1) -> tuple[float, float]:
    """(MB/s of CPU time of this process, MB/s of wall-clock time). CPU time is the per-core
    figure: it does not count time the process waited for a core on a loaded machine."""
    size = sum(len(t.encode("utf-8")) for t in texts) * repeat
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for text in texts:
            func(text)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return size / 1e6 / max(cpu, 1e-9), size / 1e6 / max(wall, 1e-9)


def build_document(texts: list[str], size: int) -> str:
    parts, total, i = [], 0, 0
    while total < size:
        text = texts[i % len(texts)]
        parts.append(text)
        total += len(text) + 1
        i += 1
    return "\n".join(parts)[:size]


# ---------------------------------------------------------------- main


def load(path: Path, limit: int | None) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, help="use only the first N records of each file")
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()

    reuters = load(args.data / "repair_reuters21578_hardwrap.jsonl", args.limit)
    print(f"Reuters hard-wrap set ({len(reuters)} docs), paragraph boundaries; targets F1 >= 0.995, exact >= 97%")
    ours, base, skipped = score_set(reuters)
    print(ours.row("ours"))
    print(base.row("baseline"))
    if skipped:
        print(f"  ({skipped} docs skipped: gold letters differ from the broken text)")
    print("Reuters, leading indentation stripped; target F1 >= 0.98")
    ours, base, _ = score_set(reuters, strip_indentation)
    print(ours.row("ours"))
    print(base.row("baseline"))

    bbc_synthetic = load(args.data / "repair_synthetic_bbc.jsonl", args.limit)
    print("Synthetic BBC set per kind; target F1 >= 0.99")
    for kind in sorted({r["kind"] for r in bbc_synthetic}):
        rows = [r for r in bbc_synthetic if r["kind"] == kind]
        ours, base, skipped = score_set(rows)
        print(f" {kind} ({len(rows)} docs{f', {skipped} skipped' if skipped else ''})")
        print(ours.row("ours"))
        print(base.row("baseline"))

    pdf = [r for r in load(args.data / "repair_pdf_lines_gluer.jsonl", None) if r.get("annotated")]
    acc, base_acc, lines = pdf_glue_accuracy(pdf)
    print(f"PDF line glue ({len(pdf)} annotated docs, {lines} lines); target >= 0.97")
    print(f"  ours      accuracy {acc:.4f}")
    print(f"  baseline  accuracy {base_acc:.4f}")

    bbc = load(args.data / "bbc_news_summary.jsonl", args.limit)
    whole, base_whole, found, missing = bbc_segmentation(bbc)
    print(f"BBC segmentation: {found} reference sentences found verbatim ({missing} not); target >= 99% whole")
    print(f"  ours      whole sentences {whole:.2%}")
    print(f"  baseline  whole sentences {base_whole:.2%}  (one sentence per line)")

    if args.skip_speed:
        return
    texts = [r["broken"] for r in reuters]
    load_avg = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print("Speed on the Reuters broken texts (one core); target >= 5 MB/s of CPU time")
    print(f"  load average (1/5/15 min) {load_avg} on {os.cpu_count()} cores: wall-clock figures suffer, CPU ones much less")
    ours_cpu, ours_wall = throughput(analyse_text, texts)
    base_cpu, base_wall = throughput(baseline_split, texts, repeat=5)
    print(f"  ours      {ours_cpu:7.2f} MB/s CPU  {ours_wall:7.2f} MB/s wall")
    print(f"  baseline  {base_cpu:7.2f} MB/s CPU  {base_wall:7.2f} MB/s wall (str.split on line breaks)")
    print("Linearity: one document of each size (ratio = ours / ours at 10 KB, CPU time)")
    first = None
    for size in (10_000, 1_000_000, 10_000_000):
        doc = build_document(texts, size)
        repeat = max(1, 2_000_000 // size)
        speed, wall = throughput(analyse_text, [doc], repeat)
        base, _ = throughput(baseline_split, [doc], repeat)
        first = first or speed
        print(
            f"  {size / 1e6:>6.2f} MB  ours {speed:6.2f} MB/s CPU ({wall:6.2f} wall)  ratio {speed / first:.2f}"
            f"   baseline {base:7.2f} MB/s CPU"
        )


if __name__ == "__main__":
    main()
