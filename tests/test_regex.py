"""The scanning helpers of ``nlp/regex.py``: a first-character guard never changes the matches."""
import re

import pytest

from claimcheck.nlp.regex import guarded

TEXT = "Die USA, der Kreml und DIE Nato: 35 Diplomaten (2016) wurden am 3. Mai ausgewiesen; ſtatt X."


@pytest.mark.parametrize("pattern,flags", [
    (r"(?<![\w.])(?:USA|Kreml)\b", 0),
    (r"(?<!\w)(?:der|die)\s+\w+", re.IGNORECASE),
    (r"(?<![\w-])(?i:der|die)\s+\w+", 0),  # scoped flags: no guard (it would not share them)
    (r"\d+(?:\.\s*Mai)?", 0),
    (r"(?:statt|am)\s+\S+", re.IGNORECASE),
])
def test_guard_keeps_the_matches(pattern, flags):
    plain = re.compile(pattern, flags)
    fast = guarded(plain)
    assert [m.span() for m in fast.finditer(TEXT)] == [m.span() for m in plain.finditer(TEXT)]


def test_scoped_flags_get_no_guard():
    plain = re.compile(r"(?i:der)\s+x")
    assert guarded(plain) is plain
