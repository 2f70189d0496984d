"""The Summarizer's abstractive method on a tiny checkpoint, through the Python API and the CLI."""

from __future__ import annotations

import json

from summarizer.cli import main
from summarizer.pipeline import Summarizer

from . import builders


def make_summarizer(tiny_models, **overrides):
    path = tiny_models["bart"]
    return Summarizer(model=str(path), models_dir=path.parent, device="cpu", quantization="none", torch_threads=1, **overrides)


def test_abstractive_method_names_the_model_and_keeps_the_contract(tiny_models):
    seed = builders.SEED_ARTICLE.read_text(encoding="utf-8")
    summary = make_summarizer(tiny_models).summarize(seed, method="abstractive", headline_words=8, summary_words=20)
    assert summary.method == "abstractive"
    assert summary.model == str(tiny_models["bart"])
    assert len(summary.headline.split()) <= 8 and len(summary.summary.split()) <= 20
    assert summary.source_spans and all(0 <= s.start < s.end <= len(seed) for s in summary.source_spans)
    ungrounded = "ungrounded_output" in summary.warning_codes
    strict = make_summarizer(tiny_models, strict_grounding=True).summarize(seed, method="abstractive", headline_words=8, summary_words=20)
    if ungrounded:
        assert strict.method != "abstractive" and "ungrounded_output_replaced" in strict.warning_codes
    else:
        assert strict.method == "abstractive"


def test_cli_summarize_abstractive_json(tiny_models, capsys):
    path = tiny_models["bart"]
    code = main(["summarize", str(builders.SEED_ARTICLE), "--method", "abstractive", "--model", str(path),
                 "--headline-words", "8", "--words", "20", "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["method"] == "abstractive" and data["model"] == str(path)
