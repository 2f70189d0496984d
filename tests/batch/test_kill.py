"""A real kill -9 in the middle of a run, then resume: every id exactly once."""

import json
import os
import random
import signal
import subprocess
import time

import pytest

from tests.batch.articles import write_jsonl
from tests.batch.killing import REPO, batch_command, count_lines, kill_and_resume

ARTICLES = 400


def test_kill_9_mid_run_then_resume_loses_and_duplicates_nothing(tmp_path):
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    ids = write_jsonl(tmp_path / "in.jsonl", ARTICLES, sentences=60)
    # Increasing line counts, so each kill lands while the resumed run is still going.
    points = sorted(rng.sample(range(1, ARTICLES - 60), 3))
    report = kill_and_resume(tmp_path / "in.jsonl", tmp_path / "out.jsonl", ids, points, "--workers", "2")
    context = f"seed={seed} points={points} report={report}"
    assert report.kills >= 2, context  # the kills landed mid-run, so the test tested something
    assert all(0 < lines < ARTICLES for lines in report.lines_at_kill), context
    assert report.corrupt_lines == 0, context
    assert report.lost == [] and report.duplicated == [], context
    assert report.orphaned_workers == 0, context  # workers exit when their parent is killed


def test_kill_9_in_process_with_keep_order_keeps_input_order(tmp_path):
    seed = int.from_bytes(os.urandom(4), "big")
    ids = write_jsonl(tmp_path / "in.jsonl", 200, sentences=60)
    points = sorted(random.Random(seed).sample(range(1, 150), 2))
    report = kill_and_resume(tmp_path / "in.jsonl", tmp_path / "out.jsonl", ids, points, "--workers", "1")
    assert report.lost == [] and report.duplicated == [] and report.corrupt_lines == 0, f"seed={seed} {report}"
    written = [json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert written == ids, f"seed={seed}"  # in-process order is input order, across resumes too


@pytest.mark.parametrize("lines_before_interrupt", [0, 20])  # 0: while the workers start up
def test_ctrl_c_stops_cleanly_with_a_resume_hint(tmp_path, lines_before_interrupt):
    write_jsonl(tmp_path / "in.jsonl", 400, sentences=60)
    output = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        batch_command(tmp_path / "in.jsonl", output, "--workers", "2"), cwd=REPO, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    deadline = time.monotonic() + 60
    if lines_before_interrupt == 0:
        time.sleep(0.5)
    while count_lines(output) < lines_before_interrupt and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends to the terminal's process group
    try:
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130, stderr
    assert "run the same command again to resume" in stderr and "interrupted" in stderr
    lines = output.read_text().splitlines() if output.exists() else []
    assert lines_before_interrupt <= len(lines) < 400 and all(json.loads(line)["id"] for line in lines)


def test_a_worker_killed_by_the_system_is_reported_and_the_run_resumes(tmp_path):
    ids = write_jsonl(tmp_path / "in.jsonl", 400, sentences=60)
    output = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        batch_command(tmp_path / "in.jsonl", output, "--workers", "2"), cwd=REPO, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        while count_lines(output) < 20 and process.poll() is None:
            time.sleep(0.005)
        workers = subprocess.run(["pgrep", "-P", str(process.pid), "-f", "spawn_main"], capture_output=True, text=True).stdout.split()
        os.kill(int(workers[-1]), signal.SIGKILL)  # what the out-of-memory killer does
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 2 and "a worker process died" in stderr and "Traceback" not in stderr, stderr
    assert subprocess.run(batch_command(tmp_path / "in.jsonl", output, "--workers", "2"), cwd=REPO).returncode == 0
    assert sorted(json.loads(line)["id"] for line in output.read_text().splitlines()) == ids
