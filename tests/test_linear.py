"""Work grows linearly with the input: counted in Python calls (not seconds), two sizes compared
in one run. Quadratic work would multiply the count by ~4 when the input doubles, linear by ~2."""
import random
import sys

import pytest

from claimcheck.align import lines
from claimcheck.models import CONTEXT_CHARS


def _calls(fn) -> int:
    count = 0

    def hook(_frame, event, _arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(hook)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


def run_on(n: int) -> str:
    """One sentence of ``n`` clauses, each with a year and a count."""
    clauses = (f"im Jahr {2000 + i % 20} wiesen die USA {i + 3} Diplomaten aus" for i in range(n))
    return "date 2025-03\n\n" + ", ".join(clauses) + "."


def number_line(n: int) -> str:
    """A line of ``n`` numbers, every sixth or so a year, evenly mixed."""
    return " ".join(str(i % 997 * 7) for i in range(n))


@pytest.mark.parametrize("make,size", [(run_on, 150), (number_line, 1500)])
def test_check_work_is_linear(checker, make, size):
    checker.check_text(make(10))  # warm caches (lexicons, lemma tables)
    small = _calls(lambda: checker.check_text(make(size)))
    large = _calls(lambda: checker.check_text(make(2 * size)))
    assert large / small < 2.6, (small, large)


def test_report_does_not_repeat_a_long_sentence(checker):
    report = checker.check_text(run_on(300))
    assert len(report.claims) >= 300
    assert all(len(c.sentence) <= CONTEXT_CHARS + 2 for c in report.claims)
    for c in report.claims:  # the window keeps the claim itself
        assert c.text in c.sentence


def test_line_index_is_built_once_for_a_3mb_text(monkeypatch):
    rng = random.Random(3)
    text = "".join(rng.choice(["Ein Satz mit 35 Diplomaten.", "\n", "\n\n", " und 2016 "])
                   for _ in range(320_000))
    assert len(text) > 3_000_000
    built = []
    monkeypatch.setattr(lines, "LineIndex", _counting(lines.LineIndex, built))
    offsets = sorted(rng.randrange(len(text)) for _ in range(20_000))
    got = [lines.line_column(text, o) for o in offsets]
    assert len(built) == 1
    for o, (line, col) in list(zip(offsets, got))[::500]:
        assert line == text.count("\n", 0, o) + 1
        assert col == o - (text.rfind("\n", 0, o) + 1) + 1


def _counting(cls, built):
    def make(text):
        built.append(1)
        return cls(text)
    return make


@pytest.mark.parametrize("text,offset,expected", [
    ("abc", 0, (1, 1)), ("abc", 2, (1, 3)), ("a\nb", 2, (2, 1)), ("a\n\nb", 3, (3, 1)),
    ("\n", 1, (2, 1)), ("ab\ncd", 2, (1, 3)),
])
def test_line_column_table(text, offset, expected):
    assert lines.LineIndex(text).position(offset) == expected
