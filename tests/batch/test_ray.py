"""--engine ray against a local Ray started by the test: same outputs as the local engine."""

import importlib.util
import io
import json
import sys

import pytest

from summarizer.batch import BatchOptions, open_input, run_batch
from summarizer.batch import ray_engine
from summarizer.batch.ray_engine import import_ray
from summarizer.errors import OptionError
from summarizer.settings import Settings
from tests.batch.articles import read_results, without_timings, write_jsonl

RAY_MISSING = importlib.util.find_spec("ray") is None


def test_missing_ray_names_the_package(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # makes `import ray` fail
    with pytest.raises(OptionError, match=r'pip install "ray\[data\]"'):
        import_ray()


@pytest.mark.skipif(RAY_MISSING, reason='ray is not installed (optional extra: pip install "ray[data]")')
def test_ray_engine_output_equals_the_local_engine(tmp_path, monkeypatch):
    monkeypatch.setattr(ray_engine, "RAY_BATCH_RECORDS", 32)  # several blocks: both actors work, order is restored
    settings = Settings.load(environ={})
    path = tmp_path / "in.jsonl"
    ids = write_jsonl(path, 150)
    with path.open("a") as out:
        out.write('{"id": "no-text"}\nnot json\n' + json.dumps({"id": "empty", "text": ""}) + "\n")
    ids += ["no-text", "line-152", "empty"]

    def run(name, **options):
        output = tmp_path / name
        counts = run_batch(open_input(str(path)), settings, BatchOptions(output=output, keep_order=True, **options), stderr=io.StringIO())
        return counts, read_results(output)

    local_counts, local = run("local.jsonl", workers=1)
    ray_counts, on_ray = run("ray.jsonl", engine="ray", workers=2)
    assert [r["id"] for r in on_ray] == ids  # --keep-order holds on Ray too
    local_by_id, ray_by_id = without_timings(local), without_timings(on_ray)
    differing = {i: [k for k in local_by_id[i] if local_by_id[i][k] != ray_by_id[i].get(k)] for i in ids if local_by_id[i] != ray_by_id[i]}
    assert differing == {}, f"{len(differing)} records differ; first: {next(iter(differing.items()), None)}"
    assert (ray_counts.done, ray_counts.failed) == (local_counts.done, local_counts.failed) == (150, 3)
