"""Benchmark of the HTTP service: the server in its own process on 127.0.0.1, a load
generator on loopback in this process. Bounded in requests and time; every server it
starts is stopped at the end (also on Ctrl-C).

1. Extractive, one ~600-word article (the BBC dev article closest to 600 words, read at
   run time from ../shared/data/dev/; the seed article padded with its own paragraphs
   when the data is absent). Closed loop, --clients keep-alive connections for
   --seconds: requests/s and latency p50/p95/p99; then an open loop at --rate req/s
   (default 200, the target) for --seconds: achieved rate and p95.
   Targets: >= 200 req/s with p95 <= 50 ms.
2. Abstractive with a tiny random-weight BART (built here with transformers: 2+2 layers,
   d_model 64, byte-level BPE trained on the seed article), 8 concurrent clients, the same
   server code with batch_max_size=1 (BASELINE) and with micro-batching
   (batch_max_size=8, batch_wait_ms=10): both servers up at once, measured in --rounds
   alternating rounds of --seconds/--rounds each, so the machine's load drifts over both.
   Target: micro-batching >= 1.5x the throughput of batch size 1.
   Engines: `standin`, a Summarizer subclass whose summarize_requests runs one batched
   greedy generate of the tiny model (20 tokens) for the abstractive items of a batch:
   it measures the service's batching with a real seq2seq forward; and `real`, the
   project's abstractive engine through Summarizer(model=<tiny dir>), end to end (its
   gain depends on Summarizer.summarize_requests batching abstractive items into one
   engine call). `auto` (default) runs the stand-in, and the real engine too when it works.
3. 4x overload (stand-in engine unless --engine real): open loop at 4x the micro-batched capacity measured in 2, for
   --soak-seconds (120 by default), against the abstractive lane with the default queue.
   Targets: no 5xx, the excess answered 429 (with Retry-After), server memory (RSS) flat:
   the mean RSS of the last third within 5% of the mean RSS of the middle third.

The server runs with torch threads = 1 so that it and the load generator share the 2
cores without oversubscription. Print `uptime` before and after: the cores are shared
with other work, so absolute figures move with the load; the ratio in 2 moves less.

Run: .venv/bin/python bench/bench_api.py [--seconds 10] [--soak-seconds 120]
     [--skip-extractive] [--skip-abstractive] [--skip-overload] [--engine auto|real|standin]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SEED_ARTICLE = REPO / "seeds" / "000_705e6d5f5a2d3de4.txt"
BBC_DEV = REPO.parent / "shared" / "data" / "dev" / "bbc_news_summary.jsonl"
TARGET_WORDS = 600
SERVER_START_TIMEOUT_S = 120
# Forced output length of the tiny model (greedy): every request costs the same.
TINY_NEW_TOKENS = 20
TINY_MAX_INPUT_TOKENS = 1024  # as distilbart: a 600-word article fits without fitting or chunking
MAX_CONNECTIONS = 600  # open-loop connection pool
KEEP_ALIVE_REUSE_S = 4.0  # reuse an idle connection only this long (uvicorn closes them after 5 s)
MEMORY_SAMPLE_S = 2.0
MEMORY_FLAT_TOLERANCE = 0.05


# --------------------------------------------------------------------- inputs


def article_of_about(words: int) -> tuple[str, str]:
    """(text, where it came from): the BBC dev article closest to `words` words."""
    if BBC_DEV.is_file():
        best = None
        with BBC_DEV.open(encoding="utf-8") as rows:
            for line in rows:
                row = json.loads(line)
                distance = abs(len(row["article"].split()) - words)
                if best is None or distance < best[0]:
                    best = (distance, row["article"], row["id"])
        if best is not None:
            return best[1], f"{BBC_DEV.name}:{best[2]} ({len(best[1].split())} words)"
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    while len(text.split()) < words:
        text += "\n\n" + paragraphs[len(text) % len(paragraphs)]
    return text, f"seed article padded with its own paragraphs ({len(text.split())} words)"


def build_tiny_bart(directory: Path) -> Path:
    """A random-weight BART of tiny size with a real byte-level BPE tokenizer, saved to `directory`."""
    import torch
    from tokenizers import ByteLevelBPETokenizer
    from transformers import BartConfig, BartForConditionalGeneration, BartTokenizer

    directory.mkdir(parents=True, exist_ok=True)
    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator([SEED_ARTICLE.read_text(encoding="utf-8")], vocab_size=800, min_frequency=1, special_tokens=["<s>", "<pad>", "</s>", "<unk>"])
    bpe.save_model(str(directory))
    tokenizer = BartTokenizer(str(directory / "vocab.json"), str(directory / "merges.txt"))
    tokenizer.add_special_tokens({"mask_token": "<mask>"})
    tokenizer.model_max_length = TINY_MAX_INPUT_TOKENS
    tokenizer.save_pretrained(directory)
    config = BartConfig(
        vocab_size=len(tokenizer),
        d_model=64,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=4,
        decoder_attention_heads=4,
        encoder_ffn_dim=128,
        decoder_ffn_dim=128,
        max_position_embeddings=TINY_MAX_INPUT_TOKENS + 2,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        decoder_start_token_id=2,
        forced_bos_token_id=0,
    )
    torch.manual_seed(0)
    BartForConditionalGeneration(config).eval().save_pretrained(directory)
    return directory


# --------------------------------------------------------------------- server role


def make_standin_summarizer(settings, model_dir: Path):
    """Summarizer whose abstractive items run one batched generate of the tiny model."""
    import torch
    from transformers import AutoTokenizer, BartForConditionalGeneration

    from summarizer.pipeline import ABSTRACTIVE, Summarizer
    from summarizer.summary import Summary

    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = BartForConditionalGeneration.from_pretrained(model_dir).eval()

    class TinyModelSummarizer(Summarizer):
        def abstractive_status(self):
            return True, f"bench stand-in: tiny random BART at {model_dir}"

        def summarize_requests(self, requests):
            results = [None] * len(requests)
            abstractive = [i for i, r in enumerate(requests) if self.resolve_method(r.method) == ABSTRACTIVE]
            others = [i for i in range(len(requests)) if i not in abstractive]
            for i, result in zip(others, super().summarize_requests([requests[i] for i in others])):
                results[i] = result
            if abstractive:
                batch = tokenizer([requests[i].text for i in abstractive], truncation=True, max_length=TINY_MAX_INPUT_TOKENS, padding=True, return_tensors="pt")
                with torch.inference_mode():
                    output = model.generate(**batch, max_new_tokens=TINY_NEW_TOKENS, min_new_tokens=TINY_NEW_TOKENS, num_beams=1, do_sample=False)
                for i, text in zip(abstractive, tokenizer.batch_decode(output, skip_special_tokens=True)):
                    words = text.split()
                    results[i] = Summary(headline=" ".join(words[:8]), summary=text.strip(), method="abstractive", model="bench-tiny-bart", id=requests[i].id)
            return results

    return TinyModelSummarizer(settings)


def serve(args) -> None:
    import torch
    import uvicorn

    from summarizer.api import create_app
    from summarizer.api.logs import configure_json_logging
    from summarizer.settings import Settings

    torch.set_num_threads(1)
    overrides = dict(batch_max_size=args.batch_max_size, batch_wait_ms=args.batch_wait_ms, torch_threads=1)
    if args.queue_size:
        overrides["queue_size"] = args.queue_size
    if args.engine == "real":
        overrides["model"] = str(args.model_dir)
    settings = Settings.load(environ={}, **overrides)
    summarizer = make_standin_summarizer(settings, args.model_dir) if args.engine == "standin" else None
    configure_json_logging("info")
    # A short drain on SIGTERM: the bench does not wait for queued requests.
    uvicorn.run(create_app(settings, summarizer), host="127.0.0.1", port=args.port, log_config=None, access_log=False, timeout_graceful_shutdown=5)


def real_engine_works(model_dir: Path, text: str) -> tuple[bool, str]:
    """Does Summarizer(model=tiny) answer method=abstractive (the engine is wired in)?"""
    from summarizer.errors import SummarizerError
    from summarizer.pipeline import Summarizer
    from summarizer.settings import Settings

    try:
        result = Summarizer(Settings.load(environ={}, model=str(model_dir), torch_threads=1)).summarize(text, method="abstractive")
    except SummarizerError as exc:
        return False, str(exc)[:200]
    return result.method == "abstractive", f"method={result.method}"


class ServerProcess:
    """`bench_api.py _serve ...` in its own process; stopped (SIGTERM, then kill) on exit."""

    def __init__(self, log_dir: Path, name: str, **options) -> None:
        self.port = free_port()
        command = [sys.executable, str(Path(__file__).resolve()), "_serve", "--port", str(self.port)]
        for key, value in options.items():
            command += [f"--{key.replace('_', '-')}", str(value)]
        self.log_path = log_dir / f"server-{name}.log"
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT)

    def __enter__(self) -> "ServerProcess":
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: see {self.log_path}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as probe:
                    probe.sendall(b"GET /readyz HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
                    if b" 200 " in probe.recv(100):
                        return self
            except OSError:
                pass
            time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"server not ready within {SERVER_START_TIMEOUT_S} s: see {self.log_path}")

    def __exit__(self, *exc) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def rss_mib(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --------------------------------------------------------------------- load generator


class Connection:
    """A minimal HTTP/1.1 keep-alive client: just enough for these requests, and cheap."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.last_used = 0.0

    async def request(self, raw: bytes) -> tuple[int, dict[str, str], bytes]:
        if self.writer is not None and time.perf_counter() - self.last_used > KEEP_ALIVE_REUSE_S:
            self.close()  # the server may have closed it (uvicorn's keep-alive timeout is 5 s)
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        self.writer.write(raw)
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        body = await self.reader.readexactly(int(headers.get("content-length", "0")))
        self.last_used = time.perf_counter()
        if headers.get("connection") == "close":
            self.close()
        return status, headers, body

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def post_request(path: str, payload: dict) -> bytes:
    body = json.dumps(payload).encode()
    head = f"POST {path} HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


class Results:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.statuses: dict[int, int] = {}
        self.retry_after_missing = 0
        self.retry_after: list[int] = []
        self.errors = 0
        self.error_kinds: dict[str, int] = {}
        self.started = time.perf_counter()
        self.finished = self.started

    def add(self, status: int, headers: dict[str, str], latency: float) -> None:
        self.statuses[status] = self.statuses.get(status, 0) + 1
        if status == 200:
            self.latencies.append(latency)
        if status == 429:
            if "retry-after" in headers:
                self.retry_after.append(int(headers["retry-after"]))
            else:
                self.retry_after_missing += 1

    def add_error(self, error: BaseException) -> None:
        self.errors += 1
        kind = type(error).__name__
        self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1

    @property
    def seconds(self) -> float:
        return self.finished - self.started

    def ok_rate(self) -> float:
        return self.statuses.get(200, 0) / self.seconds

    def percentile_ms(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000


async def closed_loop(port: int, raw: bytes, clients: int, seconds: float, max_requests: int = 1_000_000) -> Results:
    """`clients` connections, each sending the next request when the last is answered."""
    results = Results()
    deadline = time.perf_counter() + seconds
    sent = 0

    async def client() -> None:
        nonlocal sent
        connection = Connection(port)
        try:
            while time.perf_counter() < deadline and sent < max_requests:
                sent += 1
                started = time.perf_counter()
                try:
                    status, headers, _ = await connection.request(raw)
                except (OSError, asyncio.IncompleteReadError) as error:
                    results.add_error(error)
                    connection.close()
                    continue
                results.add(status, headers, time.perf_counter() - started)
        finally:
            connection.close()

    await asyncio.gather(*(client() for _ in range(clients)))
    results.finished = time.perf_counter()
    return results


async def open_loop(port: int, raw: bytes, rate: float, seconds: float, on_tick=None) -> Results:
    """Requests sent at `rate` per second whatever the answers (latency from the scheduled time)."""
    results = Results()
    idle: list[Connection] = []
    opened = 0
    slots = asyncio.Semaphore(MAX_CONNECTIONS)
    tasks = set()

    async def one(scheduled: float) -> None:
        nonlocal opened
        async with slots:
            connection = idle.pop() if idle else Connection(port)
            try:
                status, headers, _ = await connection.request(raw)
                results.add(status, headers, time.perf_counter() - scheduled)
                idle.append(connection)
            except (OSError, asyncio.IncompleteReadError) as error:
                results.add_error(error)
                connection.close()

    total = int(rate * seconds)
    start = time.perf_counter()
    next_tick = start
    for i in range(total):
        scheduled = start + i / rate
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        task = asyncio.create_task(one(scheduled))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        if on_tick is not None and time.perf_counter() >= next_tick:
            on_tick(time.perf_counter() - start)
            next_tick += MEMORY_SAMPLE_S
    await asyncio.gather(*tasks)
    results.finished = time.perf_counter()
    for connection in idle:
        connection.close()
    return results


def describe(results: Results) -> str:
    return (
        f"{results.ok_rate():7.1f} ok req/s over {results.seconds:5.1f} s, p50 {results.percentile_ms(50):6.1f} ms, "
        f"p95 {results.percentile_ms(95):6.1f} ms, p99 {results.percentile_ms(99):6.1f} ms, statuses {dict(sorted(results.statuses.items()))}"
        + (f", connection errors {results.errors} {results.error_kinds}" if results.errors else "")
    )


def verdict(ok: bool) -> str:
    return "MET" if ok else "NOT MET"


# --------------------------------------------------------------------- phases


def bench_extractive(args, log_dir: Path, text: str) -> None:
    raw = post_request("/v1/summarize", {"text": text, "method": "extractive"})
    with ServerProcess(log_dir, "extractive", engine="none", model_dir=log_dir, batch_max_size=8, batch_wait_ms=10) as server:
        asyncio.run(closed_loop(server.port, raw, args.clients, 2.0))  # warm-up
        closed = asyncio.run(closed_loop(server.port, raw, args.clients, args.seconds))
        opened = asyncio.run(open_loop(server.port, raw, args.rate, args.seconds))
    print(f"extractive closed loop, {args.clients} clients: {describe(closed)}")
    print(f"extractive open loop at {args.rate:g} req/s:  {describe(opened)}")
    ok = opened.ok_rate() >= 0.98 * args.rate and args.rate >= 200 and opened.percentile_ms(95) <= 50 and not opened.errors
    print(
        f"TARGET extractive >= 200 req/s with p95 <= 50 ms: {verdict(ok)} "
        f"(open loop: {opened.ok_rate():.1f} req/s answered 200, p95 {opened.percentile_ms(95):.1f} ms; "
        f"closed-loop capacity {closed.ok_rate():.1f} req/s)"
    )


def bench_abstractive(args, log_dir: Path, text: str, engine: str, model_dir: Path) -> float:
    """Both servers up at once; measured in alternating rounds so that the load of the
    shared machine drifts over both alike. Returns the micro-batched rate."""
    raw = post_request("/v1/summarize", {"text": text, "method": "abstractive"})
    configs = (("batch size 1", 1, 0), ("micro-batching B=8 W=10ms", 8, 10))
    totals = {batch: Results() for _, batch, _ in configs}
    ratios = []
    with ServerProcess(log_dir, f"abstractive-{engine}-b1", engine=engine, model_dir=model_dir, batch_max_size=1, batch_wait_ms=0) as single, \
            ServerProcess(log_dir, f"abstractive-{engine}-b8", engine=engine, model_dir=model_dir, batch_max_size=8, batch_wait_ms=10) as batched:
        servers = {1: single, 8: batched}
        for batch, server in servers.items():
            asyncio.run(closed_loop(server.port, raw, 8, 2.0))  # warm-up
        for round_number in range(args.rounds):
            rates = {}
            for name, batch, _ in configs:
                results = asyncio.run(closed_loop(servers[batch].port, raw, 8, args.seconds / args.rounds))
                rates[batch] = results.ok_rate()
                merge(totals[batch], results)
            ratios.append(rates[8] / rates[1] if rates[1] else float("nan"))
            print(f"abstractive ({engine}) round {round_number + 1}: batch size 1 {rates[1]:.1f} req/s, micro-batching {rates[8]:.1f} req/s ({ratios[-1]:.2f}x)")
    for name, batch, _ in configs:
        print(f"abstractive ({engine}) {name}, 8 clients, all rounds: {describe(totals[batch])}")
    ratio = totals[8].ok_rate() / totals[1].ok_rate() if totals[1].ok_rate() else float("nan")
    print(
        f"TARGET micro-batching >= 1.5x batch size 1 at 8 clients ({engine}): {verdict(ratio >= 1.5)} "
        f"({ratio:.2f}x over all rounds: {totals[8].ok_rate():.1f} vs {totals[1].ok_rate():.1f} req/s; "
        f"per round {', '.join(f'{r:.2f}x' for r in ratios)})"
    )
    return totals[8].ok_rate()


def merge(total: Results, part: Results) -> None:
    """Add a run to a running total (its duration is added to the total's)."""
    duration = total.seconds + part.seconds
    total.latencies += part.latencies
    for status, count in part.statuses.items():
        total.statuses[status] = total.statuses.get(status, 0) + count
    total.errors += part.errors
    total.started, total.finished = 0.0, duration


def bench_overload(args, log_dir: Path, text: str, engine: str, model_dir: Path, capacity: float) -> None:
    raw = post_request("/v1/summarize", {"text": text, "method": "abstractive"})
    rate = 4 * capacity
    samples: list[tuple[float, float]] = []
    with ServerProcess(log_dir, "overload", engine=engine, model_dir=model_dir, batch_max_size=8, batch_wait_ms=10) as server:
        asyncio.run(closed_loop(server.port, raw, 8, 2.0))  # warm-up
        samples.append((0.0, server.rss_mib()))
        results = asyncio.run(open_loop(server.port, raw, rate, args.soak_seconds, on_tick=lambda t: samples.append((t, server.rss_mib()))))
        samples.append((results.seconds, server.rss_mib()))
    server_errors = sum(count for status, count in results.statuses.items() if status >= 500)
    answered = sum(results.statuses.values())
    refused = results.statuses.get(429, 0)
    print(f"overload: open loop at {rate:.0f} req/s (4x the measured {capacity:.1f} req/s) for {args.soak_seconds:g} s: {describe(results)}")
    print(f"overload: {answered} answered, {results.statuses.get(200, 0)} ok, {refused} 429 ({refused / max(answered, 1):.0%}), {server_errors} 5xx, 429 without Retry-After: {results.retry_after_missing}"
        + (f", Retry-After min/median/max {min(results.retry_after)}/{statistics.median(results.retry_after):g}/{max(results.retry_after)} s" if results.retry_after else "")
    )
    third = len(samples) // 3
    middle = statistics.mean(m for _, m in samples[third : 2 * third]) if third else float("nan")
    last = statistics.mean(m for _, m in samples[2 * third :]) if third else float("nan")
    print("overload: server RSS MiB over time: " + ", ".join(f"{t:.0f}s {m:.0f}" for t, m in samples[:: max(1, len(samples) // 12)]))
    flat = third > 0 and last <= middle * (1 + MEMORY_FLAT_TOLERANCE)
    print(f"overload: RSS mean middle third {middle:.1f} MiB, last third {last:.1f} MiB ({(last / middle - 1) * 100:+.1f}%)")
    ok = server_errors == 0 and refused > 0 and results.retry_after_missing == 0 and not results.errors and flat
    print(f"TARGET 4x overload: no 5xx, excess 429, memory flat over {args.soak_seconds:g} s: {verdict(ok)}")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "_serve":
        parser = argparse.ArgumentParser()
        parser.add_argument("_serve")
        parser.add_argument("--port", type=int, required=True)
        parser.add_argument("--engine", choices=("none", "real", "standin"), required=True)
        parser.add_argument("--model-dir", type=Path, required=True)
        parser.add_argument("--batch-max-size", type=int, required=True)
        parser.add_argument("--batch-wait-ms", type=int, required=True)
        parser.add_argument("--queue-size", type=int)
        serve(parser.parse_args())
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each measured load run")
    parser.add_argument("--clients", type=int, default=8, help="closed-loop connections for the extractive run")
    parser.add_argument("--rate", type=float, default=200.0, help="open-loop rate for the extractive target")
    parser.add_argument("--soak-seconds", type=float, default=120.0, help="length of the 4x overload run")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of the micro-batching comparison")
    parser.add_argument(
        "--engine",
        choices=("auto", "real", "standin"),
        default="auto",
        help="abstractive engine for the micro-batching comparison: auto = the stand-in, and the real engine too when it works",
    )
    parser.add_argument("--skip-extractive", action="store_true")
    parser.add_argument("--skip-abstractive", action="store_true")
    parser.add_argument("--skip-overload", action="store_true")
    args = parser.parse_args()

    print("uptime before:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    print(f"cores: {os.cpu_count()}; server: 1 uvicorn process, torch threads 1; load generator: this process")
    text, source = article_of_about(TARGET_WORDS)
    print(f"article: {source}")
    with tempfile.TemporaryDirectory(prefix="bench-api-") as tmp:
        log_dir = Path(tmp)
        if not args.skip_extractive:
            bench_extractive(args, log_dir, text)
        if not (args.skip_abstractive and args.skip_overload):
            model_dir = build_tiny_bart(log_dir / "tiny-bart")
            engines = ["standin"] if args.engine in ("auto", "standin") else ["real"]
            if args.engine == "auto":
                works, why = real_engine_works(model_dir, text)
                print(f"real abstractive engine through Summarizer: {'works' if works else 'unavailable'} ({why})")
                engines += ["real"] if works else []
            capacity = {engine: bench_abstractive(args, log_dir, text, engine, model_dir) for engine in engines}
            if not args.skip_overload:
                overload_engine = engines[0]
                bench_overload(args, log_dir, text, overload_engine, model_dir, capacity[overload_engine])
    print("uptime after: ", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
