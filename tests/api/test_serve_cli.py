"""`summarizer serve --demo`: starts, summarises the seeds over HTTP, keeps serving, stops on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import httpx

from summarizer.cli import build_parser

DEMO_TIMEOUT_S = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_options_are_registered():
    args = build_parser().parse_args(["serve", "--host", "127.0.0.1", "--port", "9001", "--demo"])
    assert (args.host, args.port, args.demo) == ("127.0.0.1", 9001, True)


def test_serve_demo_summarises_the_seeds_then_keeps_serving(seed_text, tmp_path):
    port = free_port()
    env_file = tmp_path / "service.toml"
    env_file.write_text("max_body_bytes = 200000\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "summarizer", "--config", str(env_file), "serve", "--port", str(port), "--demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    done = threading.Event()

    def read_stdout():
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("demo done"):
                done.set()

    reader = threading.Thread(target=read_stdout, daemon=True)
    reader.start()
    try:
        assert done.wait(DEMO_TIMEOUT_S), f"no 'demo done' line; output so far: {lines}"
        # Still serving after the demo.
        response = httpx.post(f"http://127.0.0.1:{port}/v1/summarize", json={"text": seed_text}, timeout=10)
        assert response.status_code == 200
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(DEMO_TIMEOUT_S)
        finally:
            if process.poll() is None:
                process.kill()
    stderr = process.stderr.read()
    # uvicorn shuts down gracefully, then re-raises SIGTERM so that the exit says why it stopped.
    assert process.returncode in (0, -signal.SIGTERM), stderr[-2000:]
    assert lines[0] == "== 000_705e6d5f5a2d3de4.txt (HTTP 200)"
    assert lines[1] == response.json()["headline"]
    # JSON logs, the request id on every line, a clean shutdown.
    records = [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]
    assert any(r["logger"] == "summarizer.api.access" and r["status"] == 200 for r in records)
    assert all("request_id" in r for r in records)
    assert any(r["message"] == "service stopped" for r in records)


def test_uvicorn_deployment_entry_point_serves(tmp_path):
    """`uvicorn summarizer.api:app` builds the app from SUMMARIZER_* settings."""
    port = free_port()
    env = {**os.environ, "SUMMARIZER_MAX_BODY_BYTES": "5000"}
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "summarizer.api:app", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + DEMO_TIMEOUT_S
        while True:
            try:
                ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None and time.monotonic() < deadline, "uvicorn did not start"
                time.sleep(0.1)
        assert ready.status_code == 200
        too_big = httpx.post(f"http://127.0.0.1:{port}/v1/summarize", content=b"x" * 6000, headers={"Content-Type": "text/plain"})
        assert too_big.status_code == 413  # the environment's limit applies
    finally:
        process.terminate()
        process.wait(DEMO_TIMEOUT_S)
    assert '"logger": "summarizer.api"' in process.stderr.read()  # JSON logs
