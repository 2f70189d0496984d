"""Glue between the engine and the pipeline: AbstractiveResult -> Summary, strict grounding.

Kept here so that summarizer/pipeline.py only calls two functions.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, Sequence

from summarizer.abstractive.engine import AbstractiveEngine, AbstractiveResult
from summarizer.document import Document
from summarizer.summary import Summary, SummaryWarning

METHOD = "abstractive"
# A summary asked for in sentences is given to the model as words (news sentences average ~22).
WORDS_PER_SENTENCE = 22


def load_engine(settings: Any, ranker: Any) -> AbstractiveEngine:
    """The engine for `settings.model`, fitting long inputs with `ranker` (ModelUnavailableError / ModelLoadError)."""
    return AbstractiveEngine.from_settings(settings, score_sentences=ranker.score)


def summary_words(budget: Any) -> int:
    """Words for the model from the pipeline's LengthBudget (words, or sentences)."""
    return budget.words if budget.words is not None else budget.sentences * WORDS_PER_SENTENCE


def to_summaries(
    documents: Sequence[Document],
    results: Sequence[AbstractiveResult],
    *,
    strict_grounding: bool,
    extractive: Callable[[Document], Summary],
) -> list[Summary]:
    """One Summary per result; in strict mode an ungrounded one is replaced by `extractive(document)`."""
    summaries = []
    for document, result in zip(documents, results):
        if strict_grounding and not result.grounding.grounded:
            fallback = extractive(document)
            listed = "; ".join(f"{span.kind} {span.text!r}" for span in result.grounding.unsupported)
            warning = SummaryWarning(
                "ungrounded_output_replaced",
                f"the abstractive output of {result.model} stated facts not found in the source ({listed}); "
                "strict grounding is on, so this is the extractive summary",
            )
            summaries.append(replace(fallback, model=result.model, warnings=fallback.warnings + (warning,)))
            continue
        summaries.append(Summary(
            headline=result.headline, summary=result.summary, method=METHOD, model=result.model,
            source_spans=result.source_spans, warnings=result.warnings, timings=dict(result.timings),
        ))
    return summaries
