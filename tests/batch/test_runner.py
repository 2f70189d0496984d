import io
import json
from dataclasses import replace

import pytest

from summarizer.batch import BatchOptions, SummaryOptions, open_input, run_batch
from summarizer.batch.progress import Progress
from summarizer.cli import main
from summarizer.errors import ModelUnavailableError, OptionError
from summarizer.pipeline import Summarizer
from summarizer.settings import Settings
from tests.batch.articles import read_results, without_timings, write_jsonl


@pytest.fixture()
def settings():
    return Settings.load(environ={})


def run(source_path, out_path, settings, **options):
    stderr = io.StringIO()
    counts = run_batch(open_input(str(source_path)), settings, BatchOptions(output=out_path, **options), stderr=stderr)
    return counts, stderr.getvalue()


def test_results_match_the_python_api_and_keep_input_order(tmp_path, settings):
    ids = write_jsonl(tmp_path / "in.jsonl", 40)
    counts, stderr = run(tmp_path / "in.jsonl", tmp_path / "out.jsonl", settings, workers=1, request=SummaryOptions(summary_words=40))
    results = read_results(tmp_path / "out.jsonl")
    assert [r["id"] for r in results] == ids
    assert (counts.done, counts.failed, counts.skipped) == (40, 0, 0)
    assert "batch finished: 40 done, 0 failed, 0 skipped" in stderr and "articles/s" in stderr
    first = json.loads((tmp_path / "in.jsonl").read_text().splitlines()[0])
    expected = Summarizer(settings).summarize(first["text"], title=first["title"], id=first["id"], summary_words=40).to_dict()
    assert without_timings([results[0]]) == without_timings([expected])


def test_worker_pool_gives_the_same_results_and_keep_order_gives_input_order(tmp_path, settings):
    ids = write_jsonl(tmp_path / "in.jsonl", 120)
    run(tmp_path / "in.jsonl", tmp_path / "one.jsonl", settings, workers=1)
    run(tmp_path / "in.jsonl", tmp_path / "pool.jsonl", settings, workers=2)
    run(tmp_path / "in.jsonl", tmp_path / "ordered.jsonl", settings, workers=2, keep_order=True)
    one, pool, ordered = (read_results(tmp_path / name) for name in ("one.jsonl", "pool.jsonl", "ordered.jsonl"))
    assert sorted(r["id"] for r in pool) == sorted(ids)
    assert without_timings(pool) == without_timings(one)
    assert [r["id"] for r in ordered] == ids


def test_bad_records_become_error_records_and_the_run_goes_on(tmp_path, settings):
    path = tmp_path / "in.jsonl"
    write_jsonl(path, 5, sentences=2)
    with path.open("ab") as out:
        out.write(b'{"id": "empty", "text": "   "}\n{"id": "broken"\n{"id": "latin", "text": "caf\xe9"}\n')
        out.write(json.dumps({"id": "long", "text": "Words here. " * 50}).encode() + b"\n")
    counts, _ = run(path, tmp_path / "out.jsonl", settings.replace(max_text_chars=400), workers=1)
    errors = {r["id"]: r["error"]["type"] for r in read_results(tmp_path / "out.jsonl") if "error" in r}
    assert errors == {"empty": "empty_input", "broken": "invalid_json", "latin": "undecodable_input", "long": "input_too_large"}
    assert (counts.done, counts.failed) == (5, 4)


def test_resume_skips_done_ids_and_drops_duplicate_ids(tmp_path, settings):
    path = tmp_path / "in.jsonl"
    ids = write_jsonl(path, 30)
    lines = path.read_text().splitlines()
    (tmp_path / "first.jsonl").write_text("\n".join(lines[:12]) + "\n")
    run(tmp_path / "first.jsonl", tmp_path / "out.jsonl", settings, workers=1)
    path.write_text("\n".join(lines + lines[20:22]) + "\n")  # two new ids twice
    counts, stderr = run(path, tmp_path / "out.jsonl", settings, workers=1)
    assert (counts.done, counts.skipped, counts.duplicates) == (18, 12, 2)
    assert "resuming: 12 results already in" in stderr
    assert [r["id"] for r in read_results(tmp_path / "out.jsonl")] == ids


def test_options_are_checked_before_any_record(tmp_path, settings):
    write_jsonl(tmp_path / "in.jsonl", 3)
    with pytest.raises(OptionError, match="summary max_words"):
        run(tmp_path / "in.jsonl", tmp_path / "out.jsonl", settings, request=SummaryOptions(summary_words=1))
    with pytest.raises(ModelUnavailableError, match="SUMMARIZER_MODEL"):
        run(tmp_path / "in.jsonl", tmp_path / "out.jsonl", settings, request=SummaryOptions(method="abstractive"))
    assert not (tmp_path / "out.jsonl").exists()


def test_abstractive_path_sends_length_sorted_groups_and_keeps_item_errors(tmp_path, settings, monkeypatch):
    # The abstractive engine is another module; a Summarizer whose summarize_requests
    # records each call (and summarises with lead) stands in, to check the grouping.
    calls = []
    real = Summarizer.summarize_requests

    def summarize_requests(self, requests):
        calls.append([len(r.text) for r in requests])
        return real(self, [replace(r, method="lead") for r in requests])

    monkeypatch.setattr(Summarizer, "summarize_requests", summarize_requests)
    monkeypatch.setattr(Summarizer, "abstractive_status", lambda self: (True, "test"))
    path = tmp_path / "in.jsonl"
    with path.open("w") as out:
        for i, words in enumerate([30, 5, 50, 10, 40, 20, 60]):
            out.write(json.dumps({"id": f"n{i}", "text": "Short sentence here. " * words}) + "\n")
        out.write(json.dumps({"id": "blank", "text": "  "}) + "\n")
    counts, _ = run(
        path, tmp_path / "out.jsonl", settings.replace(model="stand-in"), keep_order=True, batch_size=3,
        request=SummaryOptions(method="abstractive"),
    )
    results = read_results(tmp_path / "out.jsonl")
    assert [r["id"] for r in results] == [f"n{i}" for i in range(7)] + ["blank"]
    assert results[-1]["error"]["type"] == "empty_input" and (counts.done, counts.failed) == (7, 1)
    assert [len(c) for c in calls] == [3, 3, 2] and all(c == sorted(c) for c in calls)
    assert max(calls[0]) <= min(calls[1]) and max(calls[1]) <= min(calls[2])


def test_cli_exit_status_and_csv_output(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    write_jsonl(path, 4)
    assert main(["batch", str(path), "-o", str(tmp_path / "out.csv"), "--workers", "1", "--quiet"]) == 0
    assert len((tmp_path / "out.csv").read_text().splitlines()) == 5
    with path.open("a") as out:
        out.write('{"id": "nothing"}\n')
    assert main(["batch", str(path), "-o", str(tmp_path / "out.csv"), "--workers", "1", "--quiet"]) == 1
    assert "1 failed, 4 skipped" in capsys.readouterr().err
    assert main(["batch", str(path), "-o", str(tmp_path / "x.jsonl"), "--words", "2"]) == 2
    assert main(["batch", str(path), "-o", str(path)]) == 2
    assert "is the input file" in capsys.readouterr().err


def test_progress_line_shows_rate_and_eta():
    now = [0.0]
    progress = Progress(100, stream=io.StringIO(), clock=lambda: now[0])
    now[0] = 4.0
    progress.add(done=38, failed=2, skipped=10)
    assert progress.line(4.0) == (
        "[############............] 50/100  50%  done 38  failed 2  skipped 10  10.0 art/s  ETA 0:00:05"
    )
