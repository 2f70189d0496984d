"""Bounded queues with dynamic micro-batching, run off the event loop.

Each lane is one bounded queue and one worker thread. The worker takes the oldest waiting
request, then waits until `max_batch` requests are queued or `max_wait_s` has passed since
that oldest one arrived, and hands the whole batch to one `run_batch` call (for the
abstractive lane, one call into the model, so concurrent requests share forward passes).
Under load the queue already holds a full batch and nobody waits; when idle a lone request
waits at most `max_wait_s`.

Two lanes, extractive and abstractive, so a millisecond extractive request never waits
behind a multi-second generation. The extractive lane uses max_wait_s=0: it takes what is
already queued (fewer thread hand-offs) but never holds a request back.

A full queue is answered at once with 429 and a Retry-After estimated from the recent
batch durations; a request whose handler gave up (time budget, client gone) is skipped.
"""

from __future__ import annotations

import asyncio
import logging
import math
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from summarizer.api.errors import ApiError
from summarizer.api.logs import request_id_var

log = logging.getLogger("summarizer.api.batching")

# Retry-After is never less than this many seconds (HTTP allows only whole seconds).
RETRY_AFTER_MIN_S = 1
# Weight of the newest batch in the running average of batch durations.
BATCH_SECONDS_SMOOTHING = 0.2

RunBatch = Callable[[list[Any]], Sequence[Any]]


@dataclass(eq=False)
class Job:
    request: Any
    future: asyncio.Future
    loop: asyncio.AbstractEventLoop
    request_id: str
    enqueued: float = field(default_factory=time.monotonic)
    # Set by the waiting handler when it stops waiting; the worker then skips the job.
    abandoned: bool = False


class Lane:
    """One bounded queue, one worker thread, batches of up to max_batch requests."""

    def __init__(
        self,
        name: str,
        run_batch: RunBatch,
        *,
        max_queue: int,
        max_batch: int,
        max_wait_s: float,
        on_batch: Callable[[str, int, float], None] | None = None,
    ) -> None:
        self.name = name
        self.max_queue = max_queue
        self.max_batch = max_batch
        self.max_wait_s = max_wait_s
        self._run_batch = run_batch
        self._on_batch = on_batch
        self._jobs: deque[Job] = deque()
        self._condition = threading.Condition()
        self._thread: threading.Thread | None = None
        self._stopping = False
        self._busy = 0  # jobs in the batch the worker is running now
        self._batch_seconds: float | None = None

    # ------------------------------------------------------------- event-loop side

    @property
    def depth(self) -> int:
        """Requests waiting in the queue (not counting the batch being run)."""
        return len(self._jobs)

    @property
    def in_flight(self) -> int:
        return len(self._jobs) + self._busy

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and not self._stopping

    def start(self) -> None:
        """Start the worker; after a stop, start a new one (an app's lifespan can run again)."""
        with self._condition:
            if self._thread is not None and self._thread.is_alive():
                if not self._stopping:
                    return
                raise RuntimeError(f"the {self.name} lane is still finishing its last batch; start it again once stop() returned")
            self._stopping = False
            self._thread = threading.Thread(target=self._work, name=f"summarizer-{self.name}-lane", daemon=True)
            self._thread.start()

    def submit(self, requests: Sequence[Any], request_id: str) -> list[Job]:
        """Queue all of `requests` or none: raises 429 when they do not fit."""
        loop = asyncio.get_running_loop()
        with self._condition:
            if self._stopping or self._thread is None:
                raise ApiError(503, "not_ready", "the service is shutting down or not started; retry shortly")
            if len(self._jobs) + len(requests) > self.max_queue:
                retry_after = self.retry_after_s()
                raise ApiError(
                    429,
                    "queue_full",
                    f"the {self.name} queue is full ({len(self._jobs)} of {self.max_queue} waiting); "
                    f"retry after {retry_after} s, or raise SUMMARIZER_QUEUE_SIZE if this is normal load",
                    {"Retry-After": str(retry_after)},
                )
            jobs = [Job(request, loop.create_future(), loop, request_id) for request in requests]
            self._jobs.extend(jobs)
            self._condition.notify()
        return jobs

    def retry_after_s(self) -> int:
        """Seconds until the queue has room again, from the recent batch durations."""
        batches_ahead = math.ceil((len(self._jobs) + self._busy) / self.max_batch)
        return max(RETRY_AFTER_MIN_S, math.ceil(batches_ahead * (self._batch_seconds or 0.0)))

    def stop(self, timeout_s: float) -> bool:
        """Finish every queued and running job, then end the worker. True if it ended in time."""
        with self._condition:
            self._stopping = True
            self._condition.notify_all()
        if self._thread is not None:
            self._thread.join(timeout_s)
            return not self._thread.is_alive()
        return True

    # ---------------------------------------------------------------- worker side

    def _work(self) -> None:
        while (batch := self._next_batch()) is not None:
            live = [job for job in batch if not job.abandoned]
            if live:
                self._run(live)
            with self._condition:
                self._busy = 0

    def _next_batch(self) -> list[Job] | None:
        with self._condition:
            while not self._jobs:
                if self._stopping:
                    return None
                self._condition.wait()
            # Wait for a full batch, but never longer than max_wait_s after the oldest arrived.
            deadline = self._jobs[0].enqueued + self.max_wait_s
            while len(self._jobs) < self.max_batch and not self._stopping:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._condition.wait(remaining)
            batch = [self._jobs.popleft() for _ in range(min(self.max_batch, len(self._jobs)))]
            self._busy = len(batch)
            return batch

    def _run(self, jobs: list[Job]) -> None:
        token = request_id_var.set(",".join(dict.fromkeys(job.request_id for job in jobs)))
        started = time.perf_counter()
        try:
            results = list(self._run_batch([job.request for job in jobs]))
            if len(results) != len(jobs):
                raise RuntimeError(f"run_batch returned {len(results)} results for {len(jobs)} requests")
        except Exception as exc:  # a bug in the model code: every job of the batch gets it
            log.exception("batch of %d failed in the %s lane", len(jobs), self.name)
            results = [exc] * len(jobs)
        finally:
            request_id_var.reset(token)
        seconds = time.perf_counter() - started
        previous = self._batch_seconds
        self._batch_seconds = seconds if previous is None else previous + BATCH_SECONDS_SMOOTHING * (seconds - previous)
        if self._on_batch is not None:
            self._on_batch(self.name, len(jobs), seconds)
        _deliver(jobs, results)


def _deliver(jobs: list[Job], results: list[Any]) -> None:
    """Hand results to the event loop(s) that wait for them: one wake-up per loop."""
    by_loop: dict[asyncio.AbstractEventLoop, list[tuple[Job, Any]]] = {}
    for job, result in zip(jobs, results):
        by_loop.setdefault(job.loop, []).append((job, result))
    for loop, pairs in by_loop.items():
        try:
            loop.call_soon_threadsafe(_set_results, pairs)
        except RuntimeError:  # the loop closed (shutdown); nobody waits any more
            pass


def _set_results(pairs: list[tuple[Job, Any]]) -> None:
    for job, result in pairs:
        if job.abandoned or job.future.done():
            continue
        if isinstance(result, BaseException):
            job.future.set_exception(result)
        else:
            job.future.set_result(result)


class TimedOut:
    """Placeholder result of a job that did not finish within the time budget."""


TIMED_OUT = TimedOut()


async def wait_for_jobs(jobs: list[Job], timeout_s: float) -> list[Any]:
    """Each job's Summary, its exception, or TIMED_OUT; abandons what is still pending."""
    futures = [job.future for job in jobs]
    try:
        if futures and timeout_s > 0:
            await asyncio.wait(futures, timeout=timeout_s)
    except asyncio.CancelledError:
        _abandon(jobs)
        raise
    results: list[Any] = []
    for job in jobs:
        if not job.future.done():
            _abandon([job])
            results.append(TIMED_OUT)
        elif job.future.cancelled():
            results.append(TIMED_OUT)
        else:
            results.append(job.future.exception() or job.future.result())
    return results


def _abandon(jobs: list[Job]) -> None:
    for job in jobs:
        job.abandoned = True
        if not job.future.done():
            job.future.cancel()
