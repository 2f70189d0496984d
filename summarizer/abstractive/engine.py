"""AbstractiveEngine: documents in, grounded headline + paragraph out.

    Document -> fit to the model's input (full / ranked / map-reduce, spans recorded)
             -> token ids -> batches grouped by padded length -> backend (torch or CT2;
                auto = CT2 on CPU when installed and converted, else torch),
                one encoder pass shared by headline and paragraph where the backend can
             -> decode -> clean artefacts -> word contract -> grounding check
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from summarizer.abstractive.backends import (
    Backend,
    CTranslate2Backend,
    TorchBackend,
    load_ctranslate2_translator,
    padded_length,
)
from summarizer.abstractive.fitting import FittedInput, fit_sentences, merge_spans
from summarizer.abstractive.generate import (
    HEADLINE_WORDS_DEFAULT,
    SUMMARY_WORDS_DEFAULT,
    GenerationRequest,
    clean_generated_text,
    headline_request,
    paragraph_request,
    shape_headline,
    shape_paragraph,
    trim_to_words,
)
from summarizer.abstractive.loading import (
    BACKENDS,
    check_seq2seq_config,
    choose_backend,
    ct2_dir,
    ct2_quantization,
    ctranslate2_installed,
    load_tokenizer,
    load_torch_model,
    resolve_device,
    resolve_model,
    set_torch_threads,
    wants_int8,
)
from summarizer.abstractive.registry import ModelSpec
from summarizer.document import Document
from summarizer.errors import OptionError
from summarizer.grounding import GroundingReport, check_grounding
from summarizer.summary import SourceSpan, SummaryWarning

MAX_BATCH_SIZE_DEFAULT = 8
# Shortest per-chunk summary on the map stage of map-reduce (words).
MAP_SUMMARY_MIN_WORDS = 15


@dataclass(frozen=True)
class AbstractiveResult:
    headline: str
    summary: str
    model: str
    strategy: str  # how the input was fitted: full | ranked | map_reduce
    source_spans: tuple[SourceSpan, ...]  # raw spans the model read
    warnings: tuple[SummaryWarning, ...]
    grounding: GroundingReport
    timings: dict[str, float]  # milliseconds per stage


@dataclass
class _Prepared:
    document: Document
    fitted: FittedInput
    chunk_ids: list[list[int]]
    warnings: list[SummaryWarning]
    fit_ms: float


class AbstractiveEngine:
    """One loaded model with its tokenizer and backend. Not thread-safe: serialise calls."""

    def __init__(
        self,
        *,
        spec: ModelSpec,
        tokenizer: Any,
        backend: Backend,
        model_name: str,
        device: str = "cpu",
        score_sentences: Callable[[Document], list[float]] | None = None,
        max_batch_size: int = MAX_BATCH_SIZE_DEFAULT,
        load_seconds: float = 0.0,
    ) -> None:
        self.spec = spec
        self.tokenizer = tokenizer
        self.backend = backend
        self.model_name = model_name
        self.device = device
        self.score_sentences = score_sentences
        self.max_batch_size = max_batch_size
        self.load_seconds = load_seconds
        self.max_input_tokens = self._max_input_tokens()
        # Tokens every input carries besides the article: specials (<s>, </s>) and the prefix.
        self.overhead_tokens = len(tokenizer(spec.prefix)["input_ids"])

    @classmethod
    def load(
        cls,
        model: str | None = None,
        *,
        models_dir: Path = Path("models"),
        device: str = "auto",
        torch_threads: int | None = None,
        backend: str = "auto",
        quantization: str = "auto",
        score_sentences: Callable[[Document], list[float]] | None = None,
        max_batch_size: int = MAX_BATCH_SIZE_DEFAULT,
    ) -> "AbstractiveEngine":
        """Resolve and load `model` (registry name, hub id or directory); no network call."""
        started = time.perf_counter()
        if backend not in BACKENDS:
            raise OptionError(f"unknown backend {backend!r}; choose one of {BACKENDS}")
        resolved = resolve_model(model, Path(models_dir))
        set_torch_threads(torch_threads)
        device = resolve_device(device)
        int8 = wants_int8(quantization, device)
        quant = ct2_quantization(int8)
        converted = (ct2_dir(resolved.path, quant) / "model.bin").is_file()
        backend = choose_backend(backend, device, ctranslate2_installed(), converted)
        config = check_seq2seq_config(resolved.path)
        tokenizer = load_tokenizer(resolved.path)
        runner: Backend
        if backend == "torch":
            runner = TorchBackend(load_torch_model(resolved.path, device, int8), device, tokenizer.pad_token_id)
        else:
            compute = {("cpu", "int8"): "int8", ("cuda", "int8"): "int8_bfloat16", ("cuda", "none"): "bfloat16"}
            translator = load_ctranslate2_translator(
                ct2_dir(resolved.path, quant), device, compute.get((device, quant), "default"), torch_threads
            )
            forced_bos = _forced_bos_token_id(resolved.path, config)
            forced_bos_token = tokenizer.convert_ids_to_tokens(forced_bos) if forced_bos is not None else None
            runner = CTranslate2Backend(translator, tokenizer, forced_bos_token)
        return cls(
            spec=resolved.spec, tokenizer=tokenizer, backend=runner, model_name=model or resolved.spec.name,
            device=device, score_sentences=score_sentences, max_batch_size=max_batch_size,
            load_seconds=round(time.perf_counter() - started, 3),
        )

    @classmethod
    def from_settings(cls, settings: Any, score_sentences: Callable[[Document], list[float]] | None = None) -> "AbstractiveEngine":
        return cls.load(
            settings.model, models_dir=settings.models_dir, device=settings.device, torch_threads=settings.torch_threads,
            backend=settings.backend, quantization=settings.quantization, score_sentences=score_sentences,
            max_batch_size=getattr(settings, "batch_max_size", MAX_BATCH_SIZE_DEFAULT),
        )

    # ------------------------------------------------------------------ public API

    def summarize_documents(
        self,
        documents: Sequence[Document],
        *,
        headline_words: int = HEADLINE_WORDS_DEFAULT,
        summary_words: int = SUMMARY_WORDS_DEFAULT,
    ) -> list[AbstractiveResult]:
        """Headline and paragraph for each document; batched, same output as one by one."""
        if headline_words < 1 or summary_words < 1:
            raise OptionError("headline_words and summary_words must be positive word counts")
        prepared = [self._prepare(document) for document in documents]
        map_ms = self._map_stage(prepared, summary_words)
        final_inputs = [p.chunk_ids[0] for p in prepared]
        requests = [headline_request(self.spec, headline_words), paragraph_request(self.spec, summary_words)]
        outputs, generate_ms = self._run(final_inputs, requests)
        results = []
        for index, item in enumerate(prepared):
            started = time.perf_counter()
            result = self._finish(item, outputs[0][index], outputs[1][index], headline_words, summary_words)
            timings = {"fit_ms": item.fit_ms, "map_ms": map_ms[index], "generate_ms": generate_ms[index],
                       "postprocess_ms": _ms_since(started)}
            results.append(_replace_timings(result, timings))
        return results

    # ------------------------------------------------------------------ fitting

    def _max_input_tokens(self) -> int:
        limit = self.spec.max_input_tokens
        tokenizer_limit = getattr(self.tokenizer, "model_max_length", None)
        if isinstance(tokenizer_limit, int) and 0 < tokenizer_limit < 100_000:
            limit = min(limit, tokenizer_limit)
        return limit

    def _encode(self, text: str) -> list[int]:
        return list(self.tokenizer(self.spec.prefix + text)["input_ids"])

    def _prepare(self, document: Document) -> _Prepared:
        started = time.perf_counter()
        candidates = [s.index for s in document.body_sentences] or [s.index for s in document.sentences]
        texts = [document.sentences[i].text for i in candidates]
        counts = dict(zip(candidates, (len(ids) for ids in self.tokenizer([" " + t for t in texts], add_special_tokens=False)["input_ids"])))
        budget = self.max_input_tokens - self.overhead_tokens
        scores = None
        if sum(counts.values()) > budget and self.score_sentences is not None:
            scores = self.score_sentences(document)
        while True:
            fitted = fit_sentences(candidates, counts, budget, scores)
            chunk_ids = [self._encode(_join(document, chunk)) for chunk in fitted.chunks]
            overflow = max(len(ids) for ids in chunk_ids) - self.max_input_tokens
            if overflow <= 0 or budget <= overflow:
                break
            # Sentence counts are an estimate (tokens merge across sentence joins): shrink and refit.
            budget -= overflow
        return _Prepared(document, fitted, chunk_ids, self._fitting_warnings(fitted), _ms_since(started))

    def _fitting_warnings(self, fitted: FittedInput) -> list[SummaryWarning]:
        warnings = []
        read = len(fitted.read_indices)
        if fitted.strategy == "ranked":
            warnings.append(SummaryWarning(
                "input_fitted",
                f"the article is longer than the model's {self.max_input_tokens}-token input: it read the "
                f"{read} best-ranked of {fitted.total_sentences} sentences, in document order (see source_spans)",
            ))
        elif fitted.strategy == "map_reduce":
            warnings.append(SummaryWarning(
                "input_map_reduced",
                f"the article is far longer than the model's {self.max_input_tokens}-token input: it was summarised "
                f"in {len(fitted.chunks)} chunks ({read} of {fitted.total_sentences} sentences), then the chunk "
                "summaries were summarised (see source_spans)",
            ))
        if fitted.oversized:
            warnings.append(SummaryWarning(
                "input_sentence_too_long",
                f"{len(fitted.oversized)} sentence(s) longer than the whole model input were not read; "
                "check the text's sentence breaks",
            ))
        return warnings

    def _map_stage(self, prepared: list[_Prepared], summary_words: int) -> list[float]:
        """Summarise the chunks of map-reduce documents; their joined summaries become the input."""
        map_ms = [0.0] * len(prepared)
        jobs = [(i, chunk) for i, item in enumerate(prepared) if item.fitted.strategy == "map_reduce" for chunk in item.chunk_ids]
        if not jobs:
            return map_ms
        most_chunks = max(len(prepared[i].chunk_ids) for i, _ in jobs)
        per_chunk_tokens = (self.max_input_tokens - self.overhead_tokens) // most_chunks
        words = max(MAP_SUMMARY_MIN_WORDS, min(summary_words, math.floor(per_chunk_tokens / self.spec.tokens_per_word) - 2))
        request = paragraph_request(self.spec, words)
        request = GenerationRequest(min(request.max_new_tokens, per_chunk_tokens), min(request.min_new_tokens, per_chunk_tokens),
                                    request.num_beams, request.length_penalty, request.no_repeat_ngram_size)
        outputs, ms = self._run([ids for _, ids in jobs], [request])
        summaries: dict[int, list[str]] = defaultdict(list)
        for (doc_index, _), ids, job_ms in zip(jobs, outputs[0], ms):
            summaries[doc_index].append(trim_to_words(clean_generated_text(self._decode(ids)), words, final_period=True).text)
            map_ms[doc_index] += job_ms
        for doc_index, parts in summaries.items():
            joined = " ".join(parts).split()
            ids = self._encode(" ".join(joined))
            while len(ids) > self.max_input_tokens and joined:
                joined = joined[: -max(1, (len(ids) - self.max_input_tokens) // 2)]
                ids = self._encode(" ".join(joined))
            prepared[doc_index].chunk_ids = [ids]
        return map_ms

    # ------------------------------------------------------------------ generation

    def _run(self, inputs: list[list[int]], requests: list[GenerationRequest]) -> tuple[list[list[list[int]]], list[float]]:
        """Outputs[request][input] in input order, and each input's share of generation time (ms).

        Inputs are batched only with inputs padded to the same length, so what an input
        produces does not depend on the rest of the batch.
        """
        groups: dict[int, list[int]] = defaultdict(list)
        for index, ids in enumerate(inputs):
            groups[padded_length(len(ids), self.backend.pad_multiple)].append(index)
        outputs: list[list[list[int]]] = [[[] for _ in inputs] for _ in requests]
        shares = [0.0] * len(inputs)
        for _, members in sorted(groups.items()):
            for offset in range(0, len(members), self.max_batch_size):
                batch = members[offset : offset + self.max_batch_size]
                started = time.perf_counter()
                generated = self.backend.generate([inputs[i] for i in batch], requests)
                elapsed = _ms_since(started)
                for r, per_request in enumerate(generated):
                    for i, ids in zip(batch, per_request):
                        outputs[r][i] = ids
                for i in batch:
                    shares[i] = round(elapsed / len(batch), 3)
        return outputs, shares

    def _decode(self, ids: list[int]) -> str:
        return self.tokenizer.decode(ids, skip_special_tokens=True, clean_up_tokenization_spaces=False)

    # ------------------------------------------------------------------ output

    def _finish(self, item: _Prepared, headline_ids: list[int], paragraph_ids: list[int], headline_words: int, summary_words: int) -> AbstractiveResult:
        document = item.document
        warnings = list(item.warnings)
        headline = shape_headline(self._decode(headline_ids), headline_words)
        paragraph = shape_paragraph(self._decode(paragraph_ids), summary_words)
        for label, shaped, limit in (("headline", headline, headline_words), ("summary", paragraph, summary_words)):
            if not shaped.text:
                warnings.append(SummaryWarning(f"{label}_empty", f"the model produced no usable {label} text"))
            elif not shaped.contract_met:
                how = "a phrase boundary" if shaped.cut == "phrase" else "a word boundary (no phrase boundary fitted)"
                warnings.append(SummaryWarning(
                    f"{label}_length_not_met",
                    f"the model's {label} ran past {limit} words inside a sentence; it was cut at {how}",
                ))
        grounding = check_grounding(f"{headline.text}\n{paragraph.text}", document.raw)
        if not grounding.grounded:
            listed = "; ".join(f"{span.kind} {span.text!r}" for span in grounding.unsupported)
            warnings.append(SummaryWarning("ungrounded_output", f"not found in the source: {listed}"))
        spans = merge_spans([(document.sentences[i].start, document.sentences[i].end) for i in item.fitted.read_indices], document.raw)
        return AbstractiveResult(
            headline=headline.text, summary=paragraph.text, model=self.model_name, strategy=item.fitted.strategy,
            source_spans=tuple(SourceSpan(start, end) for start, end in spans), warnings=tuple(warnings),
            grounding=grounding, timings={},
        )


def _join(document: Document, indices: Sequence[int]) -> str:
    return " ".join(document.sentences[i].text for i in indices)


def _forced_bos_token_id(path: Path, config: Any) -> int | None:
    try:
        from transformers import GenerationConfig

        value = GenerationConfig.from_pretrained(path).forced_bos_token_id
    except (OSError, ValueError):
        value = None
    return value if value is not None else getattr(config, "forced_bos_token_id", None)


def _replace_timings(result: AbstractiveResult, timings: dict[str, float]) -> AbstractiveResult:
    from dataclasses import replace

    return replace(result, timings=timings)


def _ms_since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)
