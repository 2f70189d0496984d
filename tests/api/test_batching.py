"""The lanes: micro-batching, bounded queues, lane separation, draining on shutdown."""

from __future__ import annotations

import asyncio
import threading

import pytest

from summarizer.api.batching import TIMED_OUT, Lane, wait_for_jobs
from summarizer.api.errors import ApiError

from .conftest import GatedSummarizer, running_client, service_settings, wait_until


class RecordingBatch:
    """run_batch that records each batch and can hold it until released."""

    def __init__(self, hold: bool = False) -> None:
        self.batches: list[list] = []
        self.release = threading.Event()
        self.entered = threading.Event()
        if not hold:
            self.release.set()

    def __call__(self, requests):
        self.batches.append(list(requests))
        self.entered.set()
        assert self.release.wait(10), "test never released the batch"
        return [f"done:{r}" for r in requests]


def make_lane(run_batch, **options) -> Lane:
    values = dict(max_queue=16, max_batch=4, max_wait_s=0.0) | options
    lane = Lane("test", run_batch, **values)
    lane.start()
    return lane


def test_requests_arriving_within_the_wait_share_one_batch():
    run = RecordingBatch()
    lane = make_lane(run, max_batch=3, max_wait_s=2.0)

    async def scenario():
        first = lane.submit(["a"], "r1")
        await asyncio.sleep(0.02)  # well inside the 2 s window
        rest = lane.submit(["b", "c"], "r2")
        return await wait_for_jobs(first + rest, 5)

    try:
        assert asyncio.run(scenario()) == ["done:a", "done:b", "done:c"]
        assert run.batches == [["a", "b", "c"]]  # the full batch went at once, without waiting 2 s
    finally:
        lane.stop(5)


def test_batches_never_exceed_max_batch_and_a_lone_request_is_not_held_forever():
    run = RecordingBatch(hold=True)
    lane = make_lane(run, max_batch=4, max_wait_s=0.05)

    async def scenario():
        blocker = lane.submit(["first"], "r0")
        await asyncio.to_thread(run.entered.wait, 5)  # worker busy with the first batch
        queued = lane.submit([f"q{i}" for i in range(6)], "r1")
        run.release.set()
        results = await wait_for_jobs(blocker + queued, 5)
        lone = await wait_for_jobs(lane.submit(["lone"], "r2"), 5)
        return results, lone

    try:
        results, lone = asyncio.run(scenario())
        assert results == ["done:first"] + [f"done:q{i}" for i in range(6)]
        assert lone == ["done:lone"]
        assert [len(batch) for batch in run.batches] == [1, 4, 2, 1]
    finally:
        run.release.set()
        lane.stop(5)


def test_full_queue_refuses_all_or_nothing_with_retry_after():
    run = RecordingBatch(hold=True)
    lane = make_lane(run, max_queue=3, max_batch=1)

    async def scenario():
        running = lane.submit(["running"], "r0")
        await asyncio.to_thread(run.entered.wait, 5)
        queued = lane.submit(["w1", "w2"], "r1")
        with pytest.raises(ApiError) as refused:
            lane.submit(["x1", "x2"], "r2")  # 2 + 2 > 3: neither is queued
        assert lane.depth == 2
        single = lane.submit(["w3"], "r3")  # one still fits
        run.release.set()
        return refused.value, await wait_for_jobs(running + queued + single, 5)

    try:
        error, results = asyncio.run(scenario())
        assert (error.status, error.type) == (429, "queue_full")
        assert int(error.headers["Retry-After"]) >= 1
        assert results == ["done:running", "done:w1", "done:w2", "done:w3"]
    finally:
        run.release.set()
        lane.stop(5)


def test_abandoned_requests_are_skipped_and_time_out():
    run = RecordingBatch(hold=True)
    lane = make_lane(run, max_batch=8)

    async def scenario():
        running = lane.submit(["running"], "r0")
        await asyncio.to_thread(run.entered.wait, 5)
        late = lane.submit(["late"], "r1")
        timed_out = await wait_for_jobs(late, 0.05)  # gives up while the worker is busy
        run.release.set()
        return timed_out, await wait_for_jobs(running, 5)

    try:
        timed_out, done = asyncio.run(scenario())
        assert timed_out == [TIMED_OUT] and done == ["done:running"]
        wait_until(lambda: lane.in_flight == 0)
        assert ["late"] not in run.batches  # the worker never ran the abandoned request
    finally:
        run.release.set()
        lane.stop(5)


def test_a_failing_batch_fails_its_requests_only():
    calls = []

    def run_batch(requests):
        calls.append(list(requests))
        if "bad" in requests:
            raise RuntimeError("engine bug")
        return [f"done:{r}" for r in requests]

    lane = make_lane(run_batch, max_batch=1)

    async def scenario():
        return await wait_for_jobs(lane.submit(["bad"], "r0") + lane.submit(["good"], "r1"), 5)

    try:
        bad, good = asyncio.run(scenario())
        assert isinstance(bad, RuntimeError) and good == "done:good"
    finally:
        lane.stop(5)


def test_stop_finishes_queued_work_then_refuses_new_work():
    run = RecordingBatch(hold=True)
    lane = make_lane(run, max_batch=1)

    async def scenario():
        jobs = lane.submit(["a"], "r0")
        await asyncio.to_thread(run.entered.wait, 5)
        jobs += lane.submit(["b", "c"], "r1")
        stopper = threading.Thread(target=lane.stop, args=(5,))
        stopper.start()
        await asyncio.sleep(0.02)
        with pytest.raises(ApiError) as refused:
            lane.submit(["d"], "r2")
        run.release.set()
        results = await wait_for_jobs(jobs, 5)
        await asyncio.to_thread(stopper.join, 5)
        return refused.value, results

    error, results = asyncio.run(scenario())
    assert (error.status, error.type) == (503, "not_ready")
    assert results == ["done:a", "done:b", "done:c"]  # drained, not dropped
    assert not lane.running


class AbstractiveGate(GatedSummarizer):
    """Holds abstractive batches only: shows that extractive work does not queue behind them."""

    def summarize_requests(self, requests):
        if any(self.resolve_method(r.method) == "abstractive" for r in requests):
            return super().summarize_requests(requests)
        return super(GatedSummarizer, self).summarize_requests(requests)


def test_extractive_requests_never_wait_behind_abstractive_ones(seed_text):
    settings = service_settings(model="tiny-test-model")  # configured: abstractive requests are queued
    summarizer = AbstractiveGate(settings)
    with running_client(settings, summarizer) as client:
        answers = {}

        def post_abstractive():
            answers["abstractive"] = client.post("/v1/summarize", json={"text": seed_text, "method": "abstractive"})

        thread = threading.Thread(target=post_abstractive)
        thread.start()
        try:
            assert summarizer.entered.wait(5)  # the abstractive lane is busy
            extractive = client.post("/v1/summarize", json={"text": seed_text, "method": "extractive"})
            assert extractive.status_code == 200
            assert "abstractive" not in answers  # still running while extractive was answered
            assert client.get("/readyz").json()["queues"]["abstractive"] == 1
        finally:
            summarizer.gate.set()
            thread.join(10)
        # No engine can load "tiny-test-model": the abstractive request fails cleanly.
        assert answers["abstractive"].status_code == 503
