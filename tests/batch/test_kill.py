"""A real kill -9 in the middle of a run, then resume: every id exactly once."""

import os
import random

from tests.batch.articles import write_jsonl
from tests.batch.killing import kill_and_resume

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
    import json

    written = [json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert written == ids, f"seed={seed}"  # in-process order is input order, across resumes too
