"""Tiny checkpoints built once per session, loaded through the same path as a real model."""

from __future__ import annotations

import pytest

from . import builders


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory):
    """{family: checkpoint directory} for bart, t5 and pegasus."""
    root = tmp_path_factory.mktemp("tiny-models")
    return {
        "bart": builders.build_tiny_bart(root / "tiny-bart"),
        "t5": builders.build_tiny_t5(root / "tiny-t5"),
        "pegasus": builders.build_tiny_pegasus(root / "tiny-pegasus"),
    }


@pytest.fixture(scope="session")
def load_engine(tiny_models):
    """Engines cached per (family, backend, quantization): loading is the slow part."""
    from summarizer.abstractive import AbstractiveEngine

    cache = {}

    def load(family: str, backend: str = "torch", quantization: str = "none"):
        key = (family, backend, quantization)
        if key not in cache:
            path = tiny_models[family]
            cache[key] = AbstractiveEngine.load(
                str(path), models_dir=path.parent, device="cpu", backend=backend, quantization=quantization, torch_threads=1
            )
        return cache[key]

    return load


@pytest.fixture(scope="session")
def seed_document():
    from summarizer.document import Document

    return Document.from_text(builders.SEED_ARTICLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def short_document():
    from summarizer.document import Document

    return Document.from_text(builders.EXTRA_TRAINING_TEXT)
