from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "reference" / "istanbul-2025-02.txt"
FACTS = ROOT / "reference" / "istanbul-2025-02.facts.json"


@pytest.fixture(scope="session")
def checker():
    from claimcheck import Checker

    return Checker(reference=FACTS, model="blank")


@pytest.fixture(scope="session")
def source_text():
    return SOURCE.read_text(encoding="utf-8")
