"""`summarizer serve`: run the HTTP service (and, with --demo, summarise the seeds through it).

One uvicorn process by default; --workers N runs N processes, each with its own model and
max(1, cores // N) torch threads unless SUMMARIZER_TORCH_THREADS says otherwise, so that
threads x processes stay within the cores.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from summarizer.settings import Settings

# How long --demo waits for the server to report ready before giving up on the demo
# (the server itself keeps running).
DEMO_READY_TIMEOUT_S = 60
DEMO_POLL_INTERVAL_S = 0.2
DEMO_REQUEST_TIMEOUT_S = 600
# Seconds uvicorn waits for in-flight requests on shutdown, beyond the request budget.
SHUTDOWN_GRACE_S = 5


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the HTTP service (editor's page at /, API docs at /docs)",
        description="Run the HTTP service. Settings come from SUMMARIZER_* variables or --config; the "
        "options below override them. Ctrl-C (SIGINT) or SIGTERM stops it after in-flight requests finish.",
    )
    parser.add_argument("--host", help="address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)")
    parser.add_argument("--port", type=int, help="port (default 8000)")
    parser.add_argument("--model", help="abstractive model: registry name, hub id or local directory")
    parser.add_argument("--workers", type=int, help="uvicorn worker processes (default 1)")
    parser.add_argument("--log-level", default="info", choices=("debug", "info", "warning", "error"))
    parser.add_argument(
        "--demo",
        action="store_true",
        help="once the server is up, summarise the seed articles through the HTTP API, print the results, "
        "then keep serving",
    )
    parser.add_argument("--seeds", type=Path, help="directory of .txt articles for --demo (default: the repository's seeds/)")
    parser.set_defaults(run=run)


def run(args) -> int:
    import uvicorn

    from summarizer.api.application import create_app
    from summarizer.api.logs import configure_json_logging

    overrides = {"service_host": args.host, "service_port": args.port, "model": args.model, "service_workers": args.workers}
    settings = Settings.load(config_file=args.config, **overrides)
    workers = settings.service_workers
    if workers > 1 and settings.torch_threads is None:
        settings = settings.replace(torch_threads=max(1, (os.cpu_count() or 1) // workers))
    configure_json_logging(args.log_level)
    base_url = f"http://{_client_host(settings.service_host)}:{settings.service_port}"
    if args.demo:
        threading.Thread(target=_demo, args=(base_url, args.seeds, settings), name="summarizer-demo", daemon=True).start()
    common = dict(
        host=settings.service_host,
        port=settings.service_port,
        log_config=None,  # keep the JSON handlers configured above
        access_log=False,  # the service writes its own access line, with the request id
        timeout_graceful_shutdown=settings.request_timeout_ms / 1000 + SHUTDOWN_GRACE_S,
    )
    print(f"serving on {base_url}  (editor's page {base_url}/, API docs {base_url}/docs); Ctrl-C stops", file=sys.stderr)
    if workers > 1:
        # Worker processes build their own app from the environment: pass the options there.
        for name, value in settings.as_dict().items():
            if value is not None:
                os.environ[f"SUMMARIZER_{name.upper()}"] = str(value)
        uvicorn.run("summarizer.api:create_deployment_app", factory=True, workers=workers, **common)
    else:
        uvicorn.run(create_app(settings), **common)
    return 0


def _client_host(host: str) -> str:
    return "127.0.0.1" if host in ("0.0.0.0", "::", "") else host


def _demo(base_url: str, seeds_dir: Path | None, settings: Settings) -> None:
    """Summarise each seed article through the running server and print the result."""
    from summarizer.api.examples import SEEDS_DIR, seed_articles

    articles = seed_articles(seeds_dir or SEEDS_DIR)
    if not articles:
        print(f"demo: no .txt articles in {seeds_dir or SEEDS_DIR}; pass --seeds DIR", file=sys.stderr)
        return
    if not _wait_ready(base_url):
        print(f"demo: the server did not report ready within {DEMO_READY_TIMEOUT_S} s; skipping the demo", file=sys.stderr)
        return
    key = _first_api_key(settings)
    for path in articles:
        status, body = _post_article(base_url, path, key)
        print(f"== {path.name} (HTTP {status})")
        if status == 200:
            print(body["headline"])
            print()
            print(body["summary"])
            for warning in body.get("warnings", ()):
                if warning["code"] != "extractive_only":
                    print(f"warning: {warning['message']}")
        else:
            print(f"error: {body.get('error', {}).get('message', body)}")
        print(flush=True)
    print(f"demo done; still serving on {base_url} (editor's page {base_url}/); Ctrl-C stops", flush=True)


def _wait_ready(base_url: str) -> bool:
    deadline = time.monotonic() + DEMO_READY_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base_url}/readyz", timeout=2) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(DEMO_POLL_INTERVAL_S)
    return False


def _post_article(base_url: str, path: Path, api_key: str | None) -> tuple[int, dict]:
    request = urllib.request.Request(
        f"{base_url}/v1/summarize",
        data=json.dumps({"text": path.read_text(encoding="utf-8"), "id": path.stem}).encode(),
        headers={"Content-Type": "application/json", **({"Authorization": f"Bearer {api_key}"} if api_key else {})},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=DEMO_REQUEST_TIMEOUT_S) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def _first_api_key(settings: Settings) -> str | None:
    from summarizer.api.config import ServiceConfig

    keys = sorted(ServiceConfig.from_settings(settings).api_keys)
    return keys[0] if keys else None
