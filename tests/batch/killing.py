"""kill -9 a running `summarizer batch` at chosen points, resume, and check the output.

Used by tests/batch/test_kill.py (a few kill points) and bench/bench_batch.py (20).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
POLL_S = 0.001


@dataclass
class KillReport:
    kills: int = 0  # kills that landed mid-run (output partly written)
    late: int = 0  # the run had finished before the kill point was reached
    lines_at_kill: list[int] = field(default_factory=list)
    torn_repairs: int = 0
    lost: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)
    corrupt_lines: int = 0
    orphaned_workers: int = 0  # kills after which a worker outlived its parent by 10 s


def batch_command(input_path: Path, output_path: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "summarizer", "batch", str(input_path), "-o", str(output_path), "--quiet", *extra]


def count_lines(path: Path) -> int:
    try:
        with path.open("rb") as stream:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))
    except FileNotFoundError:
        return 0


def run_until(
    command: list[str], output_path: Path, kill_at_lines: int, timeout_s: float = 120, cwd: Path = REPO
) -> tuple[int | None, int, bool]:
    """Start `command`; SIGKILL it once the output holds `kill_at_lines` lines.

    Returns (exit code or None when killed, lines at kill, workers exited by themselves).
    After a kill it waits for the worker processes to go (they watch their parent),
    then kills any straggler.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUMMARIZER_")}
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + timeout_s
    try:
        while process.poll() is None and time.monotonic() < deadline:
            lines = count_lines(output_path)
            if lines >= kill_at_lines:
                os.kill(process.pid, signal.SIGKILL)
                process.wait()
                return None, lines, _wait_for_group_exit(process.pid)
            time.sleep(POLL_S)
        if process.poll() is None:
            raise TimeoutError(f"batch did not finish in {timeout_s}s: {command}")
        return process.returncode, count_lines(output_path), True
    finally:
        _kill_group(process.pid)
        process.stderr.close()


def _wait_for_group_exit(pgid: int, timeout_s: float = 10) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def kill_and_resume(
    input_path: Path, output_path: Path, ids: list[str], kill_points: list[int], *extra: str, cwd: Path = REPO
) -> KillReport:
    """Kill at each point (a line count, or one line past the last kill), resume each time,
    finish, then audit the output."""
    report = KillReport()
    command = batch_command(input_path, output_path, *extra)
    for point in kill_points:
        before = output_path.read_bytes() if output_path.exists() else b""
        report.torn_repairs += bool(before) and not before.endswith(b"\n")
        # At least one new line, so every kill lands while records are being written.
        code, lines, workers_exited = run_until(command, output_path, max(point, before.count(b"\n") + 1), cwd=cwd)
        report.orphaned_workers += not workers_exited
        if code is None:
            report.kills += 1
            report.lines_at_kill.append(lines)
        else:
            report.late += 1
    code, _, _ = run_until(command, output_path, kill_at_lines=10**12, cwd=cwd)
    if code not in (0, 1):
        raise RuntimeError(f"final resume run exited with {code}")
    seen: dict[str, int] = {}
    for line in output_path.read_bytes().splitlines():
        try:
            record_id = json.loads(line)["id"]
        except (ValueError, KeyError):
            report.corrupt_lines += 1
            continue
        seen[record_id] = seen.get(record_id, 0) + 1
    report.lost = [i for i in ids if i not in seen]
    report.duplicated = [i for i, n in seen.items() if n > 1]
    return report
