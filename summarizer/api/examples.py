"""The example article shown in /docs: the project's seed article when the repository is
present, otherwise a short text written for the service (an installed package has no seeds/)."""

from __future__ import annotations

from pathlib import Path

SEED_ARTICLE = Path(__file__).resolve().parents[2] / "seeds" / "000_705e6d5f5a2d3de4.txt"
SEEDS_DIR = SEED_ARTICLE.parent

FALLBACK_ARTICLE = """\
The city council approved a new transport budget on Tuesday after a four-hour debate.

The plan adds 40 electric buses, extends two tram lines and repairs 12 bridges by 2027. \
Supporters said the investment was overdue; opponents argued that the cost would push up \
local taxes.

The mayor said work on the first tram extension would start in the spring.
"""


def example_article() -> str:
    try:
        return SEED_ARTICLE.read_text(encoding="utf-8")
    except OSError:
        return FALLBACK_ARTICLE


def seed_articles(directory: Path = SEEDS_DIR) -> list[Path]:
    return sorted(directory.glob("*.txt")) if directory.is_dir() else []
