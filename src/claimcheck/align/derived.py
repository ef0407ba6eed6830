"""Numbers a draft derives from the source: the sum or the difference of two of its counts.

Writers combine what a source states ("insgesamt 95 Diplomaten" for 35 expelled in 2016 and
60 in 2018; "300 mehr" for a cut of 755 against a level of 455; "65 Angehörige" of 100 people
affected, 35 of them diplomats). Such a number is not stated, so it can be neither confirmed nor
called wrong: against the nearest statement it would look like a wrong count. A count that
equals a sum or difference of two distinct plain counts of the source (``config.DERIVED_MIN``
and up, where coincidences are rare) is therefore not reported as a wrong count. A combination of
counts of different sentences yields to a slip of the count it is compared with ("insgesamt 65"
for "insgesamt 55": a typo is likelier than a sum that happens to match, 120 − 55); one of two
counts of the same sentence does not ("um 96 Stimmen vorn" for "98 zu 2").
"""
from __future__ import annotations

from itertools import combinations
from typing import Iterable, Optional

from claimcheck.align import config as cfg
from claimcheck.models import Claim, Fact


def derived_values(facts: Iterable[Fact]) -> tuple[frozenset[float], frozenset[float]]:
    """Sums and differences of two distinct exact plain counts (no unit: no percentages,
    ordinals or occasions) of the source: (those of two counts of one sentence, all of them).
    Within one sentence a combination is what the writer means ("98 zu 2": a margin of 96;
    "27 und 28": 55 in all); across the source it may be chance."""
    counts = [f for f in facts if f.quantity is not None and f.quantity.exact and f.quantity.unit is None
              and f.quantity.value is not None and f.quantity.value > 0]
    stated = frozenset(f.quantity.value for f in counts if f.quantity is not None)
    near: set[float] = set()
    every: set[float] = set()
    for f, g in combinations(counts, 2):
        a, b = f.quantity.value, g.quantity.value  # type: ignore[union-attr]
        same_sentence = f.provenance.sentence_start == g.provenance.sentence_start
        if a == b and same_sentence:
            continue  # one statement read twice; 60 and 60 of two statements do add up
        values = {a + b, abs(a - b)}  # type: ignore[operator]
        every |= values
        if same_sentence:
            near |= values
    keep = lambda vs: frozenset(v for v in vs if v >= cfg.DERIVED_MIN) - stated  # noqa: E731
    return keep(near), keep(every)


def derived_kind(claim: Claim, derived: tuple[frozenset[float], frozenset[float]]) -> Optional[str]:
    """"sentence" when the claim's plain count (or the interval of an approximate one near its
    number: "gut 1200") holds a combination of two counts of one source sentence, "source" when
    of any two, else None."""
    q = claim.quantity
    if q is None or q.unit is not None or q.vague or q.value is None or q.value < cfg.DERIVED_MIN:
        return None
    if q.low is None or q.high is None:
        return None  # "mehr als 700" holds any larger sum: no evidence of one
    near_value = q.value * cfg.DERIVED_TOLERANCE  # "knapp 750" is about 750, not any of 675-750
    low, high = max(q.low, q.value - near_value), min(q.high, q.value + near_value)
    near, every = derived
    if any(low <= v <= high for v in near):
        return "sentence"
    return "source" if any(low <= v <= high for v in every) else None
