"""Benchmark of `summarizer batch`: throughput, the Ray engine, and kill -9 resume.

Every figure is printed next to the baseline it is compared with, measured in the
same run on the same machine (print of `uptime` before and after: the cores are
shared, so absolute numbers move with the load; ratios move less).

1. Extractive throughput. Input: the CNN/DM dev articles
   (../shared/data/dev/cnndm_test_see2017_lower.jsonl; read at run time into a
   temporary JSONL outside the repo), repeated --repeat times with distinct ids.
   BASELINE: a plain one-process loop over the Python API,
   `Summarizer().summarize(text, id=...).to_dict()` per article, timed in-process.
   OURS: `python -m summarizer batch IN -o OUT --workers N` as a subprocess; articles/s
   = articles / wall time of the whole command (Python start, worker start, reading,
   writing and fsync included). Target: >= 150 articles/s with 2 workers.
2. Ray on one machine: the same command with `--engine ray --workers N` (starts a local
   Ray, runs, stops it), and again against a Ray already running on this machine
   (`ray start --head`, RAY_ADDRESS=auto: what a job on a real cluster pays); wall time
   compared with the local engine's; outputs compared
   record by record without the `timings` field. Target: time ratio <= 1.5, same outputs.
   The Ray start/stop cost alone (ray.init + ray.shutdown) is printed as well.
3. kill -9: the command is killed (SIGKILL to the batch process) at --kills random
   points (output line counts), resumed after each, then run to the end; the output
   must hold every input id exactly once. Target: 0 lost, 0 duplicated.

The measured code is a snapshot of summarizer/ taken at start (the working tree is
edited by others while this runs). Configurations run in --rounds interleaved rounds (default 2) and the best time of
each is reported, so a burst of load from elsewhere does not land on one configuration.

Run: .venv/bin/python bench/bench_batch.py [--repeat 12] [--rounds 2] [--workers 2] [--kills 20]
     [--skip-ray] [--skip-kill]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.batch.killing import count_lines, kill_and_resume  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "dev" / "cnndm_test_see2017_lower.jsonl"
THROUGHPUT_TARGET = 150.0
CODE = REPO  # where the measured code is imported from; main() points it at a snapshot
RAY_RATIO_TARGET = 1.5
RAY_SETTLE_S = 5.0


def snapshot_code(target: Path) -> Path:
    """Copy summarizer/ so every measurement runs the same code (the tree is edited live)."""
    shutil.copytree(REPO / "summarizer", target / "summarizer", ignore=shutil.ignore_patterns("__pycache__"))
    sys.path.insert(0, str(target))
    return target


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def write_input(data: Path, target: Path, repeat: int) -> list[dict]:
    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [{"id": f"{row['id']}#{copy}", "text": row["article"]} for copy in range(repeat) for row in rows]
    with target.open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(article) + "\n")
    return articles


def plain_loop(articles: list[dict]) -> float:
    from summarizer.pipeline import Summarizer
    from summarizer.settings import Settings

    summarizer = Summarizer(Settings.load(environ={}))
    started = time.perf_counter()
    for article in articles:
        summarizer.summarize(article["text"], id=article["id"]).to_dict()
    return time.perf_counter() - started


def run_cli(input_path: Path, output_path: Path, *extra: str, env: dict | None = None) -> float:
    """Wall time of the whole command (Python start, workers, reading, writing, fsync)."""
    output_path.unlink(missing_ok=True)
    command = [sys.executable, "-m", "summarizer", "batch", str(input_path), "-o", str(output_path), "--quiet", *extra]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=CODE, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed


def results_without_timings(path: Path) -> dict[str, dict]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        record.pop("timings", None)
        out[record["id"]] = record
    return out


def ray_start_stop_s() -> float:
    code = "import time,ray; t=time.perf_counter(); ray.init(include_dashboard=False); ray.shutdown(); print(time.perf_counter()-t)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=CODE)
    return float(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else float("nan")


def start_ray_cluster(cpus: int) -> dict | None:
    """`ray start --head` on this machine; the env that points a command at it, or None."""
    ray_cli = Path(sys.executable).parent / "ray"
    done = subprocess.run(
        [str(ray_cli), "start", "--head", f"--num-cpus={cpus}", "--include-dashboard=false", "--disable-usage-stats"],
        capture_output=True, text=True, cwd=CODE,
    )
    if done.returncode != 0:
        print(f"  (could not start a Ray cluster: {done.stderr[-300:]}; skipping the 'already running' figure)")
        return None
    time.sleep(RAY_SETTLE_S)  # its helper processes start up in the background; not timed
    return {**os.environ, "RAY_ADDRESS": "auto"}


def stop_ray_cluster() -> None:
    subprocess.run([str(Path(sys.executable).parent / "ray"), "stop"], capture_output=True, cwd=CODE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=12, help="copies of the dev set (default 12: enough work that Ray's start-up is not most of it)")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds per configuration; the best is reported")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=None, help="kill points seed (default: random, printed)")
    parser.add_argument("--skip-ray", action="store_true")
    parser.add_argument("--skip-kill", action="store_true")
    args = parser.parse_args()

    global CODE
    print(f"machine load before: {uptime()}")
    code_dir = Path(tempfile.mkdtemp(prefix="bench_batch_code_"))
    CODE = snapshot_code(code_dir)
    from summarizer.settings import Settings

    settings = Settings.load(environ={})
    print(f"extractive ranker in use: {settings.extractive_ranker} (default method {settings.default_method})")
    failures = []
    with tempfile.TemporaryDirectory(prefix="bench_batch_") as tmp:
        tmp = Path(tmp)
        input_path = tmp / "in.jsonl"
        articles = write_input(args.data, input_path, args.repeat)
        n = len(articles)
        mean_chars = sum(len(a["text"]) for a in articles) / n
        print(f"input: {n} articles ({args.data.name} x {args.repeat}), mean {mean_chars:,.0f} characters")

        # Interleaved rounds, best time of each: the cores are shared, so a burst of load
        # from elsewhere hits one round of each configuration rather than one configuration.
        configs = {"loop": None, "workers 1": ("--workers", "1"), f"workers {args.workers}": ("--workers", str(args.workers))}
        if not args.skip_ray:
            configs["ray"] = ("--engine", "ray", "--workers", str(args.workers))
            configs["ray, cluster running"] = ("--engine", "ray", "--workers", str(args.workers))
        times: dict[str, list[float]] = {name: [] for name in configs}
        for round_number in range(1, args.rounds + 1):
            print(f"\nround {round_number}/{args.rounds} (load: {uptime().split('load average: ')[-1]})")
            for name, extra in configs.items():
                if extra is None:
                    times[name].append(plain_loop(articles))
                    print(f"  plain loop: {times[name][-1]:.2f} s")
                elif name == "ray, cluster running":
                    # Started (untimed) before and stopped after, so the plain "ray" runs
                    # start their own local Ray.
                    env = start_ray_cluster(args.workers)
                    if env is None:
                        continue
                    try:
                        times[name].append(run_cli(input_path, tmp / "ray_cluster_running.jsonl", *extra, env=env))
                    finally:
                        stop_ray_cluster()
                    print(f"  {name}: {times[name][-1]:.2f} s")
                else:
                    times[name].append(run_cli(input_path, tmp / f"{name.replace(' ', '_')}.jsonl", *extra))
                    print(f"  {name}: {times[name][-1]:.2f} s")
        best = {name: min(values) for name, values in times.items() if values}
        local_name = f"workers {args.workers}"

        print(f"\n1. extractive throughput (best of {args.rounds} interleaved rounds; every time is the whole command)")
        print(f"  BASELINE plain Python loop, 1 process : {n / best['loop']:8.1f} articles/s ({best['loop']:.2f} s)")
        print(f"  OURS summarizer batch --workers 1     : {n / best['workers 1']:8.1f} articles/s ({best['workers 1']:.2f} s)")
        rate = n / best[local_name]
        print(f"  OURS summarizer batch --workers {args.workers}     : {rate:8.1f} articles/s ({best[local_name]:.2f} s)")
        print(f"  ratio batch --workers {args.workers} / plain loop: {best['loop'] / best[local_name]:.2f}x; "
              f"target >= {THROUGHPUT_TARGET:.0f} articles/s: {'MET' if rate >= THROUGHPUT_TARGET else 'NOT MET'}")
        if rate < THROUGHPUT_TARGET:
            failures.append("throughput")
        same = results_without_timings(tmp / "workers_1.jsonl") == results_without_timings(tmp / f"{local_name.replace(' ', '_')}.jsonl")
        print(f"  outputs --workers 1 == --workers {args.workers} (without timings): {same}")

        if not args.skip_ray:
            print("\n2. --engine ray on this machine (a local Ray started and stopped by each command)")
            ratio = best["ray"] / best[local_name]
            start_stop = ray_start_stop_s()
            same = results_without_timings(tmp / "ray.jsonl") == results_without_timings(tmp / f"{local_name.replace(' ', '_')}.jsonl")
            print(f"  BASELINE local engine --workers {args.workers}: {best[local_name]:.2f} s")
            print(f"  OURS --engine ray --workers {args.workers}    : {best['ray']:.2f} s ({n / best['ray']:.1f} articles/s)")
            print(f"  Ray start + stop alone (ray.init + ray.shutdown): {start_stop:.2f} s")
            print(f"  time ratio ray / local: {ratio:.2f} (target <= {RAY_RATIO_TARGET}: {'MET' if ratio <= RAY_RATIO_TARGET else 'NOT MET'}); "
                  f"without the Ray start + stop: {(best['ray'] - start_stop) / best[local_name]:.2f}")
            print(f"  outputs equal (all {n} records, without timings): {same}")
            per_round = [f"{r / l:.2f}" for r, l in zip(times["ray"], times[local_name])]
            print(f"  ray / local ratio in each round: {', '.join(per_round)}")
            if "ray, cluster running" in best:
                running = best["ray, cluster running"]
                same_running = results_without_timings(tmp / "ray_cluster_running.jsonl") == results_without_timings(
                    tmp / f"{local_name.replace(' ', '_')}.jsonl"
                )
                print(f"  OURS --engine ray, Ray already running (`ray start --head`, RAY_ADDRESS=auto): {running:.2f} s, "
                      f"ratio {running / best[local_name]:.2f} (target <= {RAY_RATIO_TARGET}: "
                      f"{'MET' if running / best[local_name] <= RAY_RATIO_TARGET else 'NOT MET'}); outputs equal: {same_running}")
                per_round = [f"{r / l:.2f}" for r, l in zip(times["ray, cluster running"], times[local_name])]
                print(f"  (Ray already running) / local ratio in each round: {', '.join(per_round)}")
            if ratio > RAY_RATIO_TARGET or not same:
                failures.append("ray")

        if not args.skip_kill:
            seed = args.seed if args.seed is not None else random.randrange(2**32)
            kill_input = tmp / "kill.jsonl"
            ids = [a["id"] for a in write_input(args.data, kill_input, 1)]
            points = sorted(random.Random(seed).sample(range(1, len(ids) - 50), args.kills))
            print(f"\n3. kill -9 at {args.kills} random points (seed {seed}), {len(ids)} articles, --workers {args.workers}")
            report = kill_and_resume(kill_input, tmp / "killed.jsonl", ids, points, "--workers", str(args.workers), cwd=CODE)
            print(f"  kills that landed mid-run: {report.kills} (run already finished: {report.late})")
            print(f"  output lines at each kill: {report.lines_at_kill}")
            print(f"  torn last lines repaired on resume: {report.torn_repairs}")
            print(f"  lost: {len(report.lost)}, duplicated: {len(report.duplicated)}, corrupt lines: {report.corrupt_lines}, "
                  f"orphaned workers: {report.orphaned_workers}; final lines {count_lines(tmp / 'killed.jsonl')} for {len(ids)} ids")
            if report.lost or report.duplicated or report.corrupt_lines:
                failures.append("kill")
    shutil.rmtree(code_dir, ignore_errors=True)
    print(f"\nmachine load after: {uptime()}")
    print("targets not met: " + (", ".join(failures) if failures else "none"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
