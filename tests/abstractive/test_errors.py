"""Clear errors, never tracebacks: missing model, broken directory, encoder-only model."""

from __future__ import annotations

import pytest

from summarizer.abstractive import AbstractiveEngine
from summarizer.cli import main
from summarizer.errors import ModelLoadError, ModelUnavailableError

from . import builders


def test_missing_model_offline_names_the_fix(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    with pytest.raises(ModelUnavailableError) as info:
        AbstractiveEngine.load("distilbart-cnn-12-6", models_dir=tmp_path)
    message = str(info.value)
    assert "summarizer models pull distilbart-cnn-12-6" in message and "SUMMARIZER_MODEL" in message
    with pytest.raises(ModelUnavailableError, match="not a registry name"):
        AbstractiveEngine.load("no-such-model", models_dir=tmp_path)
    with pytest.raises(ModelUnavailableError, match="does not exist"):
        AbstractiveEngine.load(str(tmp_path / "missing-dir"), models_dir=tmp_path)


def test_broken_directory_is_a_load_error(tmp_path):
    broken = builders.build_broken(tmp_path / "broken")
    with pytest.raises(ModelLoadError, match="pull the model again"):
        AbstractiveEngine.load(str(broken), models_dir=tmp_path, device="cpu")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ModelLoadError, match="no config.json"):
        AbstractiveEngine.load(str(empty), models_dir=tmp_path, device="cpu")


def test_encoder_only_model_is_refused(tmp_path):
    bert = builders.build_encoder_only(tmp_path / "bert")
    with pytest.raises(ModelLoadError, match="sequence-to-sequence"):
        AbstractiveEngine.load(str(bert), models_dir=tmp_path, device="cpu")


def test_cli_reports_missing_model_without_traceback(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    assert main(["models", "verify", "t5-small", "--models-dir", str(tmp_path)]) == 2
    assert main(["models", "pull", "t5-small", "--models-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "summarizer models pull t5-small" in err and "HF_HUB_OFFLINE" in err


def test_cli_list_names_every_recommended_model(capsys):
    assert main(["models", "list"]) == 0
    out = capsys.readouterr().out
    for name in ("distilbart-cnn-12-6", "bart-large-cnn", "pegasus-xsum", "pegasus-cnn-dailymail", "t5-small", "flan-t5-base"):
        assert name in out


def test_import_makes_no_network_call_and_loads_no_model():
    import subprocess
    import sys

    code = (
        "import sys, socket\n"
        "socket.socket.connect = lambda *a, **k: (_ for _ in ()).throw(AssertionError('network'))\n"
        "import summarizer.abstractive, summarizer.grounding, summarizer.cli.models\n"
        "assert 'torch' not in sys.modules and 'transformers' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
