"""run_batch: input -> skip what the output already holds -> an engine -> appended results."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, TextIO

from summarizer.batch.engines import ChunkProcessor, Finished, run_abstractive, run_in_process, run_worker_pool
from summarizer.batch.output import ResultWriter, prepare_output
from summarizer.batch.progress import BatchCounts, Progress
from summarizer.batch.readers import InputSource
from summarizer.batch.records import InputRecord, SummaryOptions
from summarizer.errors import ModelUnavailableError, OptionError
from summarizer.pipeline import ABSTRACTIVE, Summarizer
from summarizer.settings import Settings

ENGINES = ("local", "ray")
# Records per model call on the abstractive path (sorted by length first).
DEFAULT_ABSTRACTIVE_BATCH = 8


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class BatchOptions:
    output: Path
    output_format: str = "jsonl"
    request: SummaryOptions = SummaryOptions()
    workers: int | None = None  # None = default_workers() (local) or the cluster's CPUs (ray)
    keep_order: bool = False
    engine: str = "local"
    ray_address: str | None = None
    batch_size: int = DEFAULT_ABSTRACTIVE_BATCH
    progress: bool = True


def run_batch(source: InputSource, settings: Settings, options: BatchOptions, stderr: TextIO | None = None) -> BatchCounts:
    """Summarise every record of `source` not yet in `options.output`; returns the counts."""
    if options.engine not in ENGINES:
        raise OptionError(f"engine must be one of {', '.join(ENGINES)}; got {options.engine!r}")
    if options.workers is not None and options.workers < 1:
        raise OptionError(f"--workers must be at least 1, got {options.workers}")
    if options.batch_size < 1:
        raise OptionError(f"--batch-size must be at least 1, got {options.batch_size}")
    stderr = stderr if stderr is not None else sys.stderr
    # Check the options once, before any record: a bad method or length is a usage error,
    # not a million error records.
    summarizer = Summarizer(settings)
    abstractive = _check_request(summarizer, options.request)

    resume = prepare_output(options.output, options.output_format)
    if resume.torn_bytes:
        stderr.write(f"repaired {options.output}: cut off a torn last line ({resume.torn_bytes:,} bytes); it is redone\n")
    if resume.records:
        stderr.write(f"resuming: {resume.records:,} results already in {options.output} are skipped\n")
    progress = Progress(source.count(), stream=stderr, enabled=options.progress)
    progress.counts.torn_bytes = resume.torn_bytes
    records = _new_records(source.records(), resume.done_ids, progress)
    finished = _engine(records, summarizer, settings, options, abstractive)
    with ResultWriter(options.output) as writer:
        try:
            for chunk in finished:
                failed = 0
                for _, line, record_failed in chunk:
                    writer.write(line)
                    failed += record_failed
                progress.add(done=len(chunk) - failed, failed=failed)
        except KeyboardInterrupt:
            progress.finish("interrupted")
            stderr.write(f"stopped; the results so far are in {options.output}: run the same command again to resume\n")
            raise
    return progress.finish()


def _check_request(summarizer: Summarizer, request: SummaryOptions) -> bool:
    summarizer.length_contract(request.headline_words, request.summary_words, request.summary_sentences)
    method = summarizer.resolve_method(request.method)
    if method != ABSTRACTIVE:
        return False
    available, reason = summarizer.abstractive_status()
    if not available:
        raise ModelUnavailableError(reason)
    return True


def _new_records(records: Iterable[InputRecord], done_ids: set[str], progress: Progress) -> Iterator[InputRecord]:
    """Records whose id is not in the output yet; a later copy of an id in the input is dropped."""
    seen_this_run: set[str] = set()
    for record in records:
        if record.id in done_ids:
            progress.add(skipped=1)
        elif record.id in seen_this_run:
            progress.add(duplicates=1)
        else:
            seen_this_run.add(record.id)
            yield record


def _engine(
    records: Iterable[InputRecord], summarizer: Summarizer, settings: Settings, options: BatchOptions, abstractive: bool
) -> Iterator[list[Finished]]:
    if options.engine == "ray":
        from summarizer.batch.ray_engine import run_on_ray

        return run_on_ray(records, settings, options, abstractive)
    if abstractive:
        processor = ChunkProcessor(summarizer, options.request, options.output_format)
        return run_abstractive(records, processor, options.batch_size, options.keep_order)
    workers = options.workers or default_workers()
    if workers == 1:
        return run_in_process(records, ChunkProcessor(summarizer, options.request, options.output_format))
    return run_worker_pool(records, settings, options.request, options.output_format, workers, options.keep_order)
