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


def checker_for(tmp_path_factory, text: str, name: str, date: str):
    """A blank-pipeline Checker against a reference built from an invented source ``text``
    dated ``date`` (for tests that need a source of their own)."""
    from claimcheck import Checker

    path = tmp_path_factory.mktemp("src") / name
    path.write_text(text, encoding="utf-8")
    blank = Checker(model="blank")
    return Checker(reference=blank.build_reference(path, date=date), model="blank")
