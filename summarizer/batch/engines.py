"""Local engines: in-process, a pool of worker processes, length-sorted abstractive batches.

Every engine takes records in input order and yields lists of finished results
(record id, output line, failed?). Output order:
- in-process (1 worker) and --keep-order: input order;
- worker pool without --keep-order: the order chunks finish in (input order inside a
  chunk of CHUNK_RECORDS);
- abstractive without --keep-order: by length inside each window of WINDOW_RECORDS.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import Any, Iterable, Iterator, Sequence

import multiprocessing

from summarizer.batch.output import formatter_for
from summarizer.batch.records import InputRecord, SummaryOptions
from summarizer.batch.work import summarize_group, summarize_records
from summarizer.errors import SummarizerError
from summarizer.settings import Settings

# Records per task sent to a worker: big enough to amortise the hand-over, small enough
# that a kill loses little and --keep-order buffers little.
CHUNK_RECORDS = 16
# Tasks queued per worker: keeps every worker busy without reading the whole input.
TASKS_PER_WORKER = 4
# The abstractive path sorts this many records by length before cutting batches.
WINDOW_RECORDS = 256
# A worker whose parent died (kill -9) exits within this many seconds.
PARENT_CHECK_S = 1.0

Finished = tuple[str, str, bool]  # (record id, output line, failed)


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


@dataclass
class ChunkProcessor:
    """Summarises a list of records and formats each result as an output line."""

    summarizer: Any
    request: SummaryOptions
    output_format: str

    def __call__(self, records: Sequence[InputRecord]) -> list[Finished]:
        return self.format(summarize_records(self.summarizer, records, self.request))

    def group(self, records: Sequence[InputRecord]) -> list[Finished]:
        return self.format(summarize_group(self.summarizer, records, self.request))

    def format(self, results) -> list[Finished]:
        to_line = formatter_for(self.output_format)
        return [(r.id, to_line(r), r.failed) for r in results]


def build_processor(settings: Settings, request: SummaryOptions, output_format: str) -> ChunkProcessor:
    from summarizer.pipeline import Summarizer

    return ChunkProcessor(Summarizer(settings), request, output_format)


# ---------------------------------------------------------------------------- engines


def run_in_process(records: Iterable[InputRecord], processor: ChunkProcessor) -> Iterator[list[Finished]]:
    for chunk in chunked(records, CHUNK_RECORDS):
        yield processor(chunk)


def run_abstractive(
    records: Iterable[InputRecord], processor: ChunkProcessor, batch_size: int, keep_order: bool
) -> Iterator[list[Finished]]:
    """Length-sorted batches (less padding per model call), in the main process."""
    for window in chunked(enumerate(records), WINDOW_RECORDS):
        by_length = sorted(window, key=lambda item: item[1].size)
        finished: list[tuple[int, Finished]] = []
        for group in chunked(by_length, batch_size):
            results = processor.group([record for _, record in group])
            if keep_order:
                finished.extend(zip((index for index, _ in group), results))
            else:
                yield results
        if keep_order:
            yield [result for _, result in sorted(finished, key=lambda item: item[0])]


def run_worker_pool(
    records: Iterable[InputRecord],
    settings: Settings,
    request: SummaryOptions,
    output_format: str,
    workers: int,
    keep_order: bool,
) -> Iterator[list[Finished]]:
    """Chunks of records to `workers` processes, at most TASKS_PER_WORKER queued each."""
    context = multiprocessing.get_context("spawn")  # no inherited threads or locks; same on every OS
    # Ctrl-C is for the batch process alone: it stops handing out work and shuts the pool
    # down. Workers started while SIGINT is ignored inherit that (a worker interrupted
    # while starting up would break the pool and hang the shutdown).
    with _sigint_ignored():
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(settings, request, output_format, os.getpid()),
        )
    chunks = chunked(records, CHUNK_RECORDS)
    in_flight: deque = deque()
    limit = workers * TASKS_PER_WORKER

    def refill() -> None:
        while len(in_flight) < limit and (chunk := next(chunks, None)) is not None:
            in_flight.append(pool.submit(_process_in_worker, chunk))

    try:
        with _sigint_ignored():
            refill()  # the pool starts its workers on the first submissions
        while in_flight:
            if keep_order:
                yield in_flight.popleft().result()
            else:
                finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in finished:
                    in_flight.remove(future)
                    yield future.result()
            refill()
    except BrokenProcessPool:
        raise WorkerCrashedError(
            "a worker process died (killed by the system, often for lack of memory); the results written so far "
            "are kept: run the same command again to resume, with fewer --workers if memory is short"
        ) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class WorkerCrashedError(SummarizerError):
    code = "worker_crashed"


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may change signal handlers; it gets the signal anyway
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


# ---------------------------------------------------------------------------- worker side

# Each worker process holds one ChunkProcessor (one Summarizer) for its whole life; the
# process pool API only lets an initializer hand it over through module state.
_worker_processor: ChunkProcessor | None = None


def _start_worker(settings: Settings, request: SummaryOptions, output_format: str, parent_pid: int) -> None:
    global _worker_processor
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _worker_processor = build_processor(settings, request, output_format)
    threading.Thread(target=_exit_when_orphaned, args=(parent_pid,), daemon=True).start()


def _exit_when_orphaned(parent_pid: int) -> None:
    # kill -9 of the batch process leaves its workers blocked on the task queue forever.
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_S)
    os._exit(1)


def _process_in_worker(records: list[InputRecord]) -> list[Finished]:
    assert _worker_processor is not None, "worker started without _start_worker"
    return _worker_processor(records)
