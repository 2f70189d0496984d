"""The shipped English word list (see data/README.md for where it comes from)."""

from __future__ import annotations

import functools
import gzip
from importlib import resources

WORDLIST_FILE = "english_words.txt.gz"


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English words; read once from the package data and cached."""
    data = resources.files("summarizer.text").joinpath("data", WORDLIST_FILE).read_bytes()
    return frozenset(gzip.decompress(data).decode("ascii").split())
