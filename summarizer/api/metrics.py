"""Prometheus metrics of one app instance (its own registry, so tests can run several apps).

requests and latency by route, HTTP method and status; summaries by summary method and
outcome; queue depth and batch sizes per lane; the model's load time when one is loaded.
"""

from __future__ import annotations

from typing import Callable

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily

LATENCY_BUCKETS_S = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
BATCH_SIZE_BUCKETS = (1, 2, 4, 8, 16, 32, 64)

METRICS_CONTENT_TYPE = CONTENT_TYPE_LATEST


class ServiceMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "summarizer_http_requests",
            "HTTP requests by route template, HTTP method and status code",
            ("route", "method", "status"),
            registry=self.registry,
        )
        self.latency = Histogram(
            "summarizer_http_request_duration_seconds",
            "HTTP request latency by route template and HTTP method",
            ("route", "method"),
            buckets=LATENCY_BUCKETS_S,
            registry=self.registry,
        )
        self.summaries = Counter(
            "summarizer_summaries",
            "Articles summarised (or refused) by summary method and outcome (ok or the error type)",
            ("method", "outcome"),
            registry=self.registry,
        )
        self.queue_depth = Gauge(
            "summarizer_queue_depth", "Requests waiting in each lane's queue", ("lane",), registry=self.registry
        )
        self.batch_size = Histogram(
            "summarizer_batch_size",
            "Requests per micro-batch, per lane",
            ("lane",),
            buckets=BATCH_SIZE_BUCKETS,
            registry=self.registry,
        )
        self.batch_seconds = Histogram(
            "summarizer_batch_duration_seconds",
            "Time to run one micro-batch, per lane",
            ("lane",),
            buckets=LATENCY_BUCKETS_S,
            registry=self.registry,
        )

    def track_queue(self, lane: str, depth: Callable[[], int]) -> None:
        self.queue_depth.labels(lane).set_function(depth)

    def observe_batch(self, lane: str, size: int, seconds: float) -> None:
        self.batch_size.labels(lane).observe(size)
        self.batch_seconds.labels(lane).observe(seconds)

    def observe_request(self, route: str, method: str, status: int, seconds: float) -> None:
        self.requests.labels(route, method, str(status)).inc()
        self.latency.labels(route, method).observe(seconds)

    def track_model(self, model_info: Callable[[], dict]) -> None:
        self.registry.register(_ModelLoadCollector(model_info))

    def render(self) -> bytes:
        return generate_latest(self.registry)


class _ModelLoadCollector:
    """summarizer_model_load_seconds: read from the Summarizer at scrape time (absent until loaded)."""

    def __init__(self, model_info: Callable[[], dict]) -> None:
        self._model_info = model_info

    def describe(self):
        return []

    def collect(self):
        family = GaugeMetricFamily(
            "summarizer_model_load_seconds", "Seconds the abstractive model took to load", labels=("model",)
        )
        info = self._model_info()
        if info.get("load_seconds") is not None:
            family.add_metric((str(info.get("model")),), float(info["load_seconds"]))
        yield family
