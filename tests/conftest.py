from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED_PATH = REPO / "seeds" / "000_705e6d5f5a2d3de4.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED_PATH
