"""Numbers a draft derives from the source: the sum or the difference of two of its counts.

Writers combine what a source states ("insgesamt 95 Diplomaten" for 35 expelled in 2016 and
60 in 2018; "300 mehr" for a cut of 755 against a level of 455; "65 Angehörige" of 100 people
affected, 35 of them diplomats). Such a number is not stated, so it can be neither confirmed nor
called wrong: against the nearest statement it would look like a wrong count. A count that
equals a sum or difference of two distinct plain counts of the source (``config.DERIVED_MIN``
and up, where coincidences are rare) is therefore not reported as a wrong count, unless it is a
slip of the count it is compared with ("insgesamt 65" for "insgesamt 55": a typo is likelier
than a sum that happens to match, 120 − 55).
"""
from __future__ import annotations

from itertools import combinations
from typing import Iterable

from claimcheck.align import config as cfg
from claimcheck.models import Claim, Fact


def derived_values(facts: Iterable[Fact]) -> frozenset[float]:
    """Sums and differences of two distinct exact plain counts (no unit: no percentages,
    ordinals or occasions) of the source."""
    values = sorted({f.quantity.value for f in facts
                     if f.quantity is not None and f.quantity.exact and f.quantity.unit is None
                     and f.quantity.value is not None and f.quantity.value > 0})
    out: set[float] = set()
    for a, b in combinations(values, 2):
        out.update((a + b, abs(a - b)))
    return frozenset(v for v in out if v >= cfg.DERIVED_MIN) - frozenset(values)


def is_derived(claim: Claim, derived: frozenset[float]) -> bool:
    """The claim's plain count (or the interval of an approximate one: "gut 1200") holds a derived value."""
    q = claim.quantity
    if q is None or q.unit is not None or q.vague or q.value is None or q.value < cfg.DERIVED_MIN:
        return False
    if q.low is None or q.high is None:
        return False  # "mehr als 700" holds any larger sum: no evidence of one
    return any(q.low <= v <= q.high for v in derived)
