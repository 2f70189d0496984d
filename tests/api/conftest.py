"""Fixtures for the HTTP service tests: an app per test with its own settings."""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient

from summarizer.api import create_app
from summarizer.pipeline import Summarizer
from summarizer.settings import Settings

# A gate nobody opens must not hang the suite.
GATE_TIMEOUT_S = 10
POLL_TIMEOUT_S = 5
SERVER_START_TIMEOUT_S = 10


def service_settings(**overrides) -> Settings:
    """Defaults with no config file and no SUMMARIZER_* variables from the environment."""
    return Settings.load(environ={}, **overrides)


class GatedSummarizer(Summarizer):
    """The real Summarizer, except that each batch waits until the test opens the gate:
    makes "the worker is busy" and "the queue is full" states deterministic."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.gate = threading.Event()
        self.entered = threading.Event()
        self.batch_sizes: list[int] = []

    def summarize_requests(self, requests):
        self.batch_sizes.append(len(requests))
        self.entered.set()
        if not self.gate.wait(GATE_TIMEOUT_S):
            raise RuntimeError("test gate never opened")
        return super().summarize_requests(requests)


@contextmanager
def running_client(settings: Settings | None = None, summarizer: Summarizer | None = None, **client_options):
    """A TestClient with the app's start-up and shutdown run (lanes started and stopped)."""
    app = create_app(settings or service_settings(), summarizer=summarizer)
    with TestClient(app, **client_options) as client:
        yield client


def wait_until(condition, timeout_s: float = POLL_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.005)


@pytest.fixture
def client():
    with running_client() as test_client:
        yield test_client


@pytest.fixture(scope="module")
def live_server():
    """The service on a free loopback port, in a thread; stopped when the module ends."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(service_settings()), host="127.0.0.1", port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while not server.started:
        assert time.monotonic() < deadline, "the test server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(SERVER_START_TIMEOUT_S)
