"""The CTranslate2 backend: convert through the CLI, then the same request and result shape."""

from __future__ import annotations

import pytest

from summarizer.abstractive import AbstractiveEngine
from summarizer.cli import main

pytest.importorskip("ctranslate2", reason="ctranslate2 is not installed (pip install ctranslate2)")


@pytest.fixture(scope="module")
def converted(tiny_models):
    for family in ("bart", "t5"):
        path = tiny_models[family]
        assert main(["models", "convert", str(path), "--backend", "ctranslate2", "--quantization", "int8"]) == 0
        assert (path / "ctranslate2-int8" / "model.bin").is_file()
    return tiny_models


@pytest.mark.parametrize("family", ["bart", "t5"])
def test_ctranslate2_int8_runs_with_the_same_contract(converted, seed_document, short_document, family):
    engine = AbstractiveEngine.load(str(converted[family]), models_dir=converted[family].parent, device="cpu",
                                    backend="ctranslate2", quantization="int8", torch_threads=1)
    assert engine.backend.name == "ctranslate2"
    documents = [seed_document, short_document, seed_document]
    batched = engine.summarize_documents(documents, headline_words=8, summary_words=20)
    single = [engine.summarize_documents([d], headline_words=8, summary_words=20)[0] for d in documents]
    assert [(r.headline, r.summary) for r in batched] == [(r.headline, r.summary) for r in single]
    for result in batched:
        assert len(result.headline.split()) <= 8 and len(result.summary.split()) <= 20
        assert result.source_spans


def test_ctranslate2_without_conversion_names_the_command(tiny_models, tmp_path):
    import shutil

    from summarizer.errors import ModelUnavailableError

    copy = shutil.copytree(tiny_models["t5"], tmp_path / "t5-copy", ignore=shutil.ignore_patterns("ctranslate2-*"))
    with pytest.raises(ModelUnavailableError, match="models convert"):
        AbstractiveEngine.load(str(copy), models_dir=tmp_path, device="cpu", backend="ctranslate2", quantization="int8")


def test_auto_backend_uses_the_int8_conversion_on_cpu(converted):
    engine = AbstractiveEngine.load(str(converted["bart"]), models_dir=converted["bart"].parent, device="cpu", torch_threads=1)
    assert engine.backend.name == "ctranslate2"
    # quantization none reads ctranslate2-none/, which was never written: torch fp32.
    plain = AbstractiveEngine.load(str(converted["bart"]), models_dir=converted["bart"].parent, device="cpu",
                                   quantization="none", torch_threads=1)
    assert plain.backend.name == "torch"


def test_explicit_torch_ignores_the_conversion(converted):
    engine = AbstractiveEngine.load(str(converted["t5"]), models_dir=converted["t5"].parent, device="cpu",
                                    backend="torch", quantization="int8", torch_threads=1)
    assert engine.backend.name == "torch"


def test_chosen_backend_is_reported_by_model_info_and_verify(converted, seed_document, capsys):
    from summarizer import Summarizer

    path = converted["bart"]
    summarizer = Summarizer(model=str(path), models_dir=path.parent, device="cpu", torch_threads=1)
    assert summarizer.settings.backend == "auto"
    assert summarizer.model_info()["backend"] == "auto"  # not loaded yet: the setting
    summarizer.summarize(seed_document.raw, method="abstractive", headline_words=8, summary_words=20)
    assert summarizer.model_info()["backend"] == "ctranslate2"
    assert main(["models", "verify", str(path), "--device", "cpu"]) == 0
    assert "backend ctranslate2" in capsys.readouterr().out
