"""ROUGE evaluation of one or more methods over a JSONL set of articles with references.

Scoring follows ../shared/data/README.md so numbers compare with published ones:
`rouge-score`'s RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True), F1 x 100,
candidate and reference sentences separated by newlines (ROUGE-Lsum = summary-level LCS).
References without line breaks are split into sentences with our own segmenter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from summarizer.document import Document
from summarizer.errors import InputError, OptionError, SummarizerError
from summarizer.pipeline import Summarizer
from summarizer.settings import HEADLINE_WORDS_RANGE, SUMMARY_WORDS_RANGE

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
TARGETS = ("summary", "headline")
REFERENCE_LENGTH = "reference"


@dataclass(frozen=True)
class EvalExample:
    id: str
    article: str
    reference: str


@dataclass
class MethodScore:
    method: str
    n: int = 0
    sums: dict[str, float] = field(default_factory=lambda: {t: 0.0 for t in ROUGE_TYPES})
    failed: int = 0

    def add(self, scores: dict[str, float]) -> None:
        self.n += 1
        for name in ROUGE_TYPES:
            self.sums[name] += scores[name]

    def as_dict(self) -> dict[str, float | int]:
        means = {name: round(100 * total / self.n, 2) if self.n else 0.0 for name, total in self.sums.items()}
        return {**means, "n": self.n, "failed": self.failed}


def read_examples(path: str | Path, target: str, limit: int | None = None) -> Iterator[EvalExample]:
    """Records with `article` (or `text`) and the target field, from a JSONL file."""
    if target not in TARGETS:
        raise OptionError(f"target must be one of {', '.join(TARGETS)}, got {target!r}")
    path = Path(path)
    if not path.is_file():
        raise InputError(f"evaluation file not found: {path}")
    yielded = 0
    with path.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, 1):
            if limit is not None and yielded >= limit:
                return
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{line_number} is not valid JSON ({exc.msg})") from None
            article = record.get("article", record.get("text"))
            reference = record.get(target)
            if not isinstance(article, str) or not isinstance(reference, str):
                raise InputError(f"{path}:{line_number} needs string fields 'article' (or 'text') and {target!r}")
            yielded += 1
            yield EvalExample(str(record.get("id", line_number)), article, reference)


def reference_sentences(reference: str) -> str:
    """Newline-separated reference sentences (split with our segmenter when it has none)."""
    if "\n" in reference.strip():
        return "\n".join(line.strip() for line in reference.splitlines() if line.strip())
    try:
        return "\n".join(s.text for s in Document.from_text(reference).sentences)
    except SummarizerError:
        return reference.strip()


def evaluate(
    summarizer: Summarizer,
    examples: list[EvalExample],
    methods: list[str],
    *,
    target: str = "summary",
    sentences: int | None = None,
    words: int | None = None,
    length: str | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> dict[str, dict[str, float | int]]:
    """Mean ROUGE F1 x 100 per method. Length: sentences, words, or 'reference' word count."""
    scorer = _rouge_scorer()
    if length not in (None, REFERENCE_LENGTH):
        raise OptionError(f"--length must be {REFERENCE_LENGTH!r}, got {length!r}")
    references = [reference_sentences(e.reference) for e in examples]
    results: dict[str, dict[str, float | int]] = {}
    for method in methods:
        summarizer.resolve_method(method)  # fail fast on an unknown method
        score = MethodScore(method)
        for number, (example, reference) in enumerate(zip(examples, references), 1):
            options = _length_options(target, sentences, words, length, example.reference)
            try:
                result = summarizer.summarize(example.article, method=method, **options)
            except SummarizerError:
                score.failed += 1
                continue
            if target == "headline":
                candidate = result.headline
            else:
                candidate = "\n".join(h.text for h in result.highlights) if result.highlights else result.summary
            rouge = scorer.score(reference, candidate)
            score.add({name: rouge[name].fmeasure for name in ROUGE_TYPES})
            if progress:
                progress(method, number)
        results[method] = score.as_dict()
    return results


def _length_options(target: str, sentences: int | None, words: int | None, length: str | None, reference: str) -> dict:
    if target == "headline":
        budget = len(reference.split()) if length == REFERENCE_LENGTH else words
        return {"headline_words": _clamp(budget, HEADLINE_WORDS_RANGE)} if budget else {}
    if length == REFERENCE_LENGTH:
        return {"summary_words": _clamp(len(reference.split()), SUMMARY_WORDS_RANGE)}
    if words is not None:
        return {"summary_words": words}
    return {"summary_sentences": sentences if sentences is not None else 3}


def _clamp(value: int, bounds: tuple[int, int]) -> int:
    return max(bounds[0], min(bounds[1], value))


def format_table(results: dict[str, dict[str, float | int]]) -> str:
    rows = [f"{'method':<16} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-Lsum':>10} {'n':>6}"]
    for method, score in results.items():
        failed = f"  ({score['failed']} failed)" if score.get("failed") else ""
        rows.append(
            f"{method:<16} {score['rouge1']:>8.2f} {score['rouge2']:>8.2f} {score['rougeLsum']:>10.2f} {score['n']:>6}{failed}"
        )
    return "\n".join(rows)


def _rouge_scorer():
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        raise SummarizerError("evaluation needs the rouge-score package: pip install rouge-score") from None
    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
