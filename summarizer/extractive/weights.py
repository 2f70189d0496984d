"""Reading the small trained weight files shipped in summarizer/extractive/data/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

from summarizer.errors import SummarizerError

RETRAIN_HINT = "`python bench/train_ranker.py`"


def read_weights(path: Path, what: str) -> dict[str, Any]:
    """The JSON weights of `what` (e.g. "learned ranker"), with an error that names the fix."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SummarizerError(
            f"{what} weights not found at {path}; reinstall the package or run {RETRAIN_HINT} to rebuild them"
        ) from None


def require_features(found: Iterable[str] | None, expected: tuple[str, ...], what: str) -> None:
    """Weights are only valid for the feature list they were trained on."""
    if tuple(found or ()) != expected:
        raise SummarizerError(
            f"the {what} weights were trained on other features than this code computes; retrain them with {RETRAIN_HINT}"
        )
