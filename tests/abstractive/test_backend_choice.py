"""Backend `auto` (the default): which backend a load picks, without CTranslate2 installed too."""

from __future__ import annotations

import shutil

import pytest

from summarizer.abstractive import AbstractiveEngine
from summarizer.abstractive.loading import choose_backend
from summarizer.errors import OptionError
from summarizer.settings import Settings


@pytest.mark.parametrize(
    "device, installed, converted, expected",
    [
        ("cpu", True, True, "ctranslate2"),
        ("cpu", False, True, "torch"),  # conversion present but the package is not
        ("cpu", True, False, "torch"),  # package present but never converted
        ("cuda", True, True, "torch"),  # GPUs keep torch bf16/fp16 unless asked otherwise
    ],
)
def test_auto_picks_ctranslate2_only_on_cpu_when_installed_and_converted(device, installed, converted, expected):
    assert choose_backend("auto", device, installed, converted) == expected


@pytest.mark.parametrize("explicit", ["torch", "ctranslate2"])
@pytest.mark.parametrize("device", ["cpu", "cuda"])
def test_explicit_backends_are_kept(explicit, device):
    for installed in (True, False):
        for converted in (True, False):
            assert choose_backend(explicit, device, installed, converted) == explicit


def test_unknown_backend_names_the_choices():
    with pytest.raises(OptionError, match="auto.*torch.*ctranslate2"):
        choose_backend("onnx", "cpu", True, True)


def test_settings_default_to_auto_and_reject_other_names():
    assert Settings.load(environ={}).backend == "auto"
    assert Settings.load(environ={"SUMMARIZER_BACKEND": "torch"}).backend == "torch"
    with pytest.raises(OptionError, match="backend must be one of auto, torch, ctranslate2"):
        Settings.load(environ={"SUMMARIZER_BACKEND": "onnx"})


def test_auto_without_a_conversion_loads_torch_int8_on_cpu(tiny_models, tmp_path):
    import torch

    # A copy without any ctranslate2-* folder: the shared tiny model may have been converted.
    copy = shutil.copytree(tiny_models["t5"], tmp_path / "t5-plain", ignore=shutil.ignore_patterns("ctranslate2-*"))
    engine = AbstractiveEngine.load(str(copy), models_dir=tmp_path, device="cpu", torch_threads=1)
    assert engine.backend.name == "torch"
    assert any(isinstance(m, torch.ao.nn.quantized.dynamic.Linear) for m in engine.backend.model.modules())
