"""Summarizer: the one place the flow is wired.

    raw text -> Document (repair + segmentation, raw offsets)
             -> extractive ranker -> selection within the length contract -> headline
             -> abstractive engine (when a model is loaded) -> grounding check
             -> Summary

The HTTP service, the batch CLI and the Python API are thin shells around this object.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Sequence

from summarizer.document import Document
from summarizer.errors import ModelUnavailableError, OptionError, SummarizerError
from summarizer.extractive import get_ranker, ranker_names
from summarizer.extractive.headline import HeadlineCut, headline_for, lead_headline
from summarizer.extractive.selection import LengthBudget, rank_and_select
from summarizer.settings import (
    HEADLINE_WORDS_RANGE,
    SUMMARY_SENTENCES_RANGE,
    SUMMARY_WORDS_RANGE,
    Settings,
    check_range,
)
from summarizer.summary import Highlight, SourceSpan, Summary, SummaryWarning

# Methods a request may name besides the ranker names (lead, ...).
AUTO = "auto"
EXTRACTIVE = "extractive"
ABSTRACTIVE = "abstractive"


@dataclass(frozen=True)
class SummaryRequest:
    """One article and its options, as `summarize` takes them (for `summarize_many`)."""

    text: str
    title: str | None = None
    id: str | None = None
    method: str | None = None
    headline_words: int | None = None
    summary_words: int | None = None
    summary_sentences: int | None = None
    include_repaired_text: bool = False

    def options(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in self.__dataclass_fields__ if f != "text"}


@dataclass(frozen=True)
class LengthContract:
    """What the user asked for, in user units."""

    headline_words: int
    summary: LengthBudget


@dataclass(frozen=True)
class _Prepared:
    """A request whose lengths are checked and whose Document is built."""

    request: SummaryRequest
    contract: LengthContract
    document: Document
    preprocess_ms: float


class Summarizer:
    """Headline + summary for one article or many. Thread-safe for extractive methods."""

    def __init__(self, settings: Settings | None = None, **overrides: Any) -> None:
        self.settings = settings.replace(**overrides) if settings else Settings.load(**overrides)
        self._rankers: dict[str, Any] = {}
        self._headline_cut: HeadlineCut | None = None
        self._engine: Any = None
        self._engine_error: str | None = None

    # ----------------------------------------------------------------- public API

    def summarize(
        self,
        text: str,
        *,
        title: str | None = None,
        id: str | None = None,
        method: str | None = None,
        headline_words: int | None = None,
        summary_words: int | None = None,
        summary_sentences: int | None = None,
        include_repaired_text: bool = False,
    ) -> Summary:
        """Summarise one article. Raises InputError subclasses for unusable input."""
        request = SummaryRequest(
            text, title=title, id=id, method=method, headline_words=headline_words, summary_words=summary_words,
            summary_sentences=summary_sentences, include_repaired_text=include_repaired_text,
        )
        chosen = self.resolve_method(method)
        prepared = self._prepare(request)
        started = time.perf_counter()
        summary = self._summarize_document(prepared.document, chosen, prepared.contract)
        return self._finish(prepared, summary, _ms_since(started))

    def summarize_many(
        self, texts: Sequence[str], *, titles: Sequence[str | None] | None = None, ids: Sequence[str | None] | None = None, **options: Any
    ) -> list[Summary]:
        """Summarise several articles with the same options; raises the first item's error.

        The batch CLI calls this with groups of similar length (abstractive items share
        forward passes); `summarize_requests` is the per-item form.
        """
        titles = titles if titles is not None else [None] * len(texts)
        ids = ids if ids is not None else [None] * len(texts)
        results = self.summarize_requests(
            [SummaryRequest(text, title=title, id=id, **options) for text, title, id in zip(texts, titles, ids, strict=True)]
        )
        for result in results:
            if isinstance(result, SummarizerError):
                raise result
        return results  # type: ignore[return-value]  # no errors left

    def summarize_requests(self, requests: Sequence[SummaryRequest]) -> list[Summary | SummarizerError]:
        """Summarise several articles, each with its own options; an item's error is returned in its place.

        Extractive items run one by one (each takes about a millisecond); abstractive items
        go to the engine together so that they can share forward passes. The HTTP service's
        micro-batching queue calls this with up to `batch_max_size` requests.
        """
        results: list[Summary | SummarizerError | None] = [None] * len(requests)
        abstractive: list[int] = []
        for position, request in enumerate(requests):
            try:
                if self.resolve_method(request.method) == ABSTRACTIVE:
                    abstractive.append(position)
                else:
                    results[position] = self.summarize(request.text, **request.options())
            except SummarizerError as exc:
                results[position] = exc
        if abstractive:
            outputs = self._summarize_abstractive_many([requests[p] for p in abstractive])
            for position, output in zip(abstractive, outputs):
                results[position] = output
        return results  # type: ignore[return-value]  # every slot is filled above

    def model_info(self) -> dict[str, Any]:
        """The configured abstractive model and its state, for /v1/models: never loads it."""
        return {
            "model": self.settings.model,
            "loaded": self._engine is not None,
            "backend": getattr(getattr(self._engine, "backend", None), "name", None) or self.settings.backend,
            "device": getattr(self._engine, "device", None) or self.settings.device,
            "load_seconds": getattr(self._engine, "load_seconds", None),
        }

    def summarize_document(self, document: Document, **options: Any) -> Summary:
        """Summarise an already built Document (same options as `summarize`)."""
        contract = self.length_contract(
            options.pop("headline_words", None), options.pop("summary_words", None), options.pop("summary_sentences", None)
        )
        chosen = self.resolve_method(options.pop("method", None))
        if options:
            raise OptionError(f"unknown options {sorted(options)}")
        return self._summarize_document(document, chosen, contract)

    def length_contract(
        self, headline_words: int | None = None, summary_words: int | None = None, summary_sentences: int | None = None
    ) -> LengthContract:
        """Validate lengths; an explicit word or sentence count overrides the settings' default."""
        if summary_words is not None and summary_sentences is not None:
            raise OptionError("give the summary length as words or as sentences, not both")
        headline = self.settings.headline_words if headline_words is None else headline_words
        check_range("headline max_words", headline, HEADLINE_WORDS_RANGE)
        if summary_sentences is not None:
            check_range("summary sentences", summary_sentences, SUMMARY_SENTENCES_RANGE)
            budget = LengthBudget(sentences=summary_sentences)
        elif summary_words is not None:
            check_range("summary max_words", summary_words, SUMMARY_WORDS_RANGE)
            budget = LengthBudget(words=summary_words)
        elif self.settings.summary_sentences is not None:
            budget = LengthBudget(sentences=self.settings.summary_sentences)
        else:
            budget = LengthBudget(words=self.settings.summary_words)
        return LengthContract(headline, budget)

    def methods(self) -> tuple[str, ...]:
        return (AUTO, EXTRACTIVE, ABSTRACTIVE, *ranker_names())

    def resolve_method(self, method: str | None) -> str:
        """auto -> abstractive when a model is configured, else the extractive ranker."""
        method = method or self.settings.default_method
        if method == AUTO:
            return ABSTRACTIVE if self.settings.model else self.settings.extractive_ranker
        if method == EXTRACTIVE:
            return self.settings.extractive_ranker
        if method == ABSTRACTIVE or method in ranker_names():
            return method
        raise OptionError(f"unknown method {method!r}; choose one of: {', '.join(self.methods())}")

    def abstractive_status(self) -> tuple[bool, str]:
        """(available, reason) for health checks and responses: never loads a model."""
        if not self.settings.model:
            return False, _NO_MODEL_MESSAGE
        if self._engine_error:
            return False, self._engine_error
        return True, f"model {self.settings.model!r} configured" + (" and loaded" if self._engine else " (loads on first use)")

    # ------------------------------------------------------------------ the flow

    def _summarize_document(self, document: Document, method: str, contract: LengthContract) -> Summary:
        if method == ABSTRACTIVE:
            return self._summarize_abstractive(document, contract)
        summary = self._summarize_extractive(document, method, contract)
        if self.settings.default_method == AUTO and not self.settings.model:
            # Say in every response that no abstractive model is present.
            summary = _with(summary, warnings=summary.warnings + (SummaryWarning("extractive_only", _NO_MODEL_MESSAGE),))
        return summary

    def _summarize_extractive(self, document: Document, ranker_name: str, contract: LengthContract) -> Summary:
        started = time.perf_counter()
        ranker = self._ranker(ranker_name)
        scores, selection = rank_and_select(ranker, document, contract.summary)
        highlights = tuple(_highlight(document, i, scores[i]) for i in selection.indices)
        if getattr(ranker, "positional", False):
            headline = lead_headline(document, contract.headline_words)  # the baseline stays plain
        else:
            headline = headline_for(document, contract.headline_words, self._learned_headline_cut())
        headline_source = _highlight(document, headline.sentence, scores[headline.sentence])
        return Summary(
            headline=headline.text,
            summary=" ".join(h.text for h in highlights),
            method=ranker_name,
            highlights=highlights,
            headline_source=headline_source,
            source_spans=(SourceSpan(0, len(document.raw)),),
            warnings=selection.warnings,
            timings={"rank_ms": _ms_since(started)},
        )

    def _summarize_abstractive(self, document: Document, contract: LengthContract) -> Summary:
        # ABSTRACTIVE HOOK: the abstractive engine (issue 5).
        return self._abstractive_summaries([document], contract)[0]

    def _abstractive_summaries(self, documents: Sequence[Document], contract: LengthContract) -> list[Summary]:
        from summarizer.abstractive import summaries as abstractive

        if not self.settings.model:
            raise ModelUnavailableError(_NO_MODEL_MESSAGE)
        if self._engine is None:
            try:
                self._engine = abstractive.load_engine(self.settings, self._ranker(self.settings.extractive_ranker))
            except SummarizerError as exc:
                self._engine_error = str(exc)
                raise
        started = time.perf_counter()
        results = self._engine.summarize_documents(
            documents, headline_words=contract.headline_words, summary_words=abstractive.summary_words(contract.summary)
        )
        summaries = abstractive.to_summaries(
            documents, results, strict_grounding=self.settings.strict_grounding,
            extractive=lambda document: self._summarize_extractive(document, self.settings.extractive_ranker, contract),
        )
        elapsed = _ms_since(started) / max(1, len(documents))
        return [_with(s, timings={**s.timings, "abstractive_ms": round(elapsed, 3)}) for s in summaries]

    def _summarize_abstractive_many(self, requests: Sequence[SummaryRequest]) -> list[Summary | SummarizerError]:
        """One engine call per length contract (the engine takes one contract per call), so
        that requests batched together share forward passes. A group whose call fails is
        redone one article at a time: one bad article cannot fail its neighbours."""
        results: list[Summary | SummarizerError | None] = [None] * len(requests)
        groups: dict[LengthContract, list[tuple[int, _Prepared]]] = {}
        for position, request in enumerate(requests):
            try:
                prepared = self._prepare(request)
            except SummarizerError as exc:
                results[position] = exc
                continue
            groups.setdefault(prepared.contract, []).append((position, prepared))
        for contract, items in groups.items():
            started = time.perf_counter()
            try:
                summaries = self._abstractive_summaries([prepared.document for _, prepared in items], contract)
            except SummarizerError as exc:
                if len(items) == 1:
                    results[items[0][0]] = exc
                    continue
                for position, _ in items:
                    try:
                        results[position] = self.summarize(requests[position].text, **requests[position].options())
                    except SummarizerError as item_exc:
                        results[position] = item_exc
                continue
            batch_ms = _ms_since(started)
            for (position, prepared), summary in zip(items, summaries, strict=True):
                results[position] = self._finish(prepared, summary, batch_ms)
        return results  # type: ignore[return-value]  # every slot is filled above

    def _prepare(self, request: SummaryRequest) -> "_Prepared":
        """Validate the lengths and build the Document (repair + segmentation)."""
        started = time.perf_counter()
        contract = self.length_contract(request.headline_words, request.summary_words, request.summary_sentences)
        document = Document.from_text(request.text, title=request.title, max_chars=self.settings.max_text_chars)
        return _Prepared(request, contract, document, _ms_since(started))

    @staticmethod
    def _finish(prepared: "_Prepared", summary: Summary, work_ms: float) -> Summary:
        """Echo the id, add the repaired text if asked for, and the timings of the whole request."""
        request = prepared.request
        timings = {"preprocess_ms": prepared.preprocess_ms, **summary.timings, "total_ms": round(prepared.preprocess_ms + work_ms, 3)}
        repaired = prepared.document.repaired_text() if request.include_repaired_text else None
        return _with(summary, id=request.id, timings=timings, repaired_text=repaired)

    def _learned_headline_cut(self) -> HeadlineCut:
        if self._headline_cut is None:
            self._headline_cut = HeadlineCut.load()
        return self._headline_cut

    def _ranker(self, name: str) -> Any:
        if name not in self._rankers:
            self._rankers[name] = get_ranker(name)
        return self._rankers[name]


_NO_MODEL_MESSAGE = (
    "no abstractive model is configured, so summaries are extractive; to use the abstractive method "
    "set SUMMARIZER_MODEL (or pass --model) to a registry name, hub id or local directory "
    "(see `summarizer models list`; `summarizer models pull NAME` downloads one where the hub is reachable)"
)


def _highlight(document: Document, index: int, score: float) -> Highlight:
    sentence = document.sentences[index]
    return Highlight(sentence.index, sentence.start, sentence.end, sentence.text, round(float(score), 6))


def _with(summary: Summary, **changes: Any) -> Summary:
    from dataclasses import replace

    return replace(summary, **changes)


def _ms_since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)
