"""Extractive rankers: a Document in, one score per sentence out.

Each ranker lives in its own module and is registered here by name; modules are imported
only when asked for, so a ranker's optional dependency costs nothing until it is used.
"""

from __future__ import annotations

import importlib

from summarizer.errors import OptionError
from summarizer.extractive.base import Ranker

# name -> "module:ClassName"
RANKERS: dict[str, str] = {
    "lead": "summarizer.extractive.lead:LeadRanker",
    "lexrank": "summarizer.extractive.centrality:LexRankRanker",
    "learned": "summarizer.extractive.learned:LearnedRanker",
}


def ranker_names() -> tuple[str, ...]:
    return tuple(RANKERS)


def get_ranker(name: str) -> Ranker:
    """Build the ranker registered under `name` (OptionError lists the known names)."""
    target = RANKERS.get(name)
    if target is None:
        raise OptionError(f"unknown extractive ranker {name!r}; choose one of: {', '.join(RANKERS)}")
    module_name, class_name = target.split(":")
    return getattr(importlib.import_module(module_name), class_name)()


__all__ = ["RANKERS", "Ranker", "get_ranker", "ranker_names"]
