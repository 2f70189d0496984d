"""The service object behind the routes: one Summarizer, two lanes, the metrics.

Routes validate the HTTP request and call `summarize` / `summarize_batch`; this module
decides the lane, refuses what cannot succeed before it waits in a queue (unknown method,
bad lengths, abstractive without a model), and turns the time budget into 504s.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from summarizer.api.batching import TIMED_OUT, Lane, wait_for_jobs
from summarizer.api.config import ServiceConfig
from summarizer.api.errors import ApiError
from summarizer.api.metrics import ServiceMetrics
from summarizer.errors import ModelUnavailableError, SummarizerError
from summarizer.pipeline import ABSTRACTIVE, Summarizer, SummaryRequest
from summarizer.summary import Summary

EXTRACTIVE_LANE = "extractive"
ABSTRACTIVE_LANE = "abstractive"


def timeout_error(budget_s: float) -> ApiError:
    return ApiError(
        504,
        "timeout",
        f"the request was not answered within its time budget of {budget_s:g} s; retry later, send fewer "
        "articles per batch, or raise SUMMARIZER_REQUEST_TIMEOUT_MS",
    )


@dataclass
class Routed:
    """One request and the lane it goes to (None when it was refused before queueing)."""

    request: SummaryRequest
    lane: Lane | None = None
    method: str = "unknown"
    error: BaseException | None = None


class SummaryService:
    def __init__(self, summarizer: Summarizer, config: ServiceConfig, metrics: ServiceMetrics) -> None:
        self.summarizer = summarizer
        self.config = config
        self.metrics = metrics
        self.lanes = {
            # Extractive work is about a millisecond: batch what is queued, never wait for more.
            EXTRACTIVE_LANE: Lane(
                EXTRACTIVE_LANE,
                summarizer.summarize_requests,
                max_queue=config.queue_size,
                max_batch=config.batch_max_size,
                max_wait_s=0.0,
                on_batch=metrics.observe_batch,
            ),
            ABSTRACTIVE_LANE: Lane(
                ABSTRACTIVE_LANE,
                summarizer.summarize_requests,
                max_queue=config.queue_size,
                max_batch=config.batch_max_size,
                max_wait_s=config.batch_wait_s,
                on_batch=metrics.observe_batch,
            ),
        }
        for name, lane in self.lanes.items():
            metrics.track_queue(name, lambda lane=lane: lane.depth)
        metrics.track_model(summarizer.model_info)
        self.accepting = False

    # ---------------------------------------------------------------- life cycle

    def start(self) -> None:
        for lane in self.lanes.values():
            lane.start()
        self.accepting = True

    def stop(self, timeout_s: float) -> bool:
        """Refuse new work, finish what is queued or running. True if all lanes ended in time."""
        self.accepting = False
        return all(lane.stop(timeout_s) for lane in self.lanes.values())

    @property
    def ready(self) -> bool:
        return self.accepting and all(lane.running for lane in self.lanes.values())

    # ---------------------------------------------------------------- requests

    async def summarize(self, request: SummaryRequest, request_id: str, deadline: float) -> Summary:
        routed = self.route(request)
        if routed.error is not None:
            self._count(routed.method, routed.error)
            raise routed.error
        try:
            [job] = routed.lane.submit([request], request_id)
        except ApiError as exc:  # queue full or shutting down
            self._count(routed.method, exc)
            raise
        [result] = await wait_for_jobs([job], deadline - time.monotonic())
        if result is TIMED_OUT:
            result = timeout_error(self.config.request_timeout_s)
        self._count(routed.method, result)
        if isinstance(result, BaseException):
            raise result
        return result

    async def summarize_batch(self, requests: list[SummaryRequest], request_id: str, deadline: float) -> list[Any]:
        """Summary or exception per item, in order. Raises 429 only when the batch does not fit."""
        routed = [self.route(request) for request in requests]
        jobs_by_item: dict[int, Any] = {}
        submitted = []
        try:
            for lane in self.lanes.values():
                positions = [i for i, item in enumerate(routed) if item.lane is lane]
                if positions:
                    jobs = lane.submit([routed[i].request for i in positions], request_id)
                    submitted += jobs
                    jobs_by_item.update(zip(positions, jobs))
        except ApiError as exc:
            for job in submitted:  # the other lane was full: take the whole batch back
                job.abandoned = True
                job.future.cancel()
            for item in routed:
                self._count(item.method, item.error or exc)
            raise
        order = sorted(jobs_by_item)
        waited = await wait_for_jobs([jobs_by_item[i] for i in order], deadline - time.monotonic())
        results: list[Any] = [item.error for item in routed]
        for position, result in zip(order, waited):
            results[position] = timeout_error(self.config.request_timeout_s) if result is TIMED_OUT else result
        for item, result in zip(routed, results):
            self._count(item.method, result)
        return results

    def route(self, request: SummaryRequest) -> Routed:
        """Pick the lane, or the error that makes queueing pointless."""
        # The metrics label is the resolved method only: a client's made-up method names
        # must not create new time series.
        method = "unresolved"
        try:
            method = self.summarizer.resolve_method(request.method)
            self.summarizer.length_contract(request.headline_words, request.summary_words, request.summary_sentences)
            if method == ABSTRACTIVE:
                available, reason = self.summarizer.abstractive_status()
                if not available:
                    raise ModelUnavailableError(reason)
                return Routed(request, self.lanes[ABSTRACTIVE_LANE], method)
            return Routed(request, self.lanes[EXTRACTIVE_LANE], method)
        except SummarizerError as exc:
            return Routed(request, None, method, exc)

    def queue_depths(self) -> dict[str, int]:
        return {name: lane.in_flight for name, lane in self.lanes.items()}

    def _count(self, method: str, result: Any) -> None:
        if isinstance(result, ApiError):
            outcome = result.type
        elif isinstance(result, SummarizerError):
            outcome = result.code
        elif isinstance(result, BaseException):
            outcome = "internal_error"
        else:
            outcome = "ok"
        self.metrics.summaries.labels(method, outcome).inc()
