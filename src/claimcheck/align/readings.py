"""Which reading of a claim a differing value is: of several one-value-off readings, the one a
typo-shaped difference points to; and whether the draft's number is stated in the source for a
statement the claim may be (then it is another quantity, not a wrong one)."""
from __future__ import annotations

from typing import Optional

from claimcheck.align import config as cfg
from claimcheck.align.score import KEYS, PairScore
from claimcheck.align.slips import attests
from claimcheck.models import Claim


def prefer_slip(claim: Claim, mismatches: list[PairScore]) -> Optional[PairScore]:
    """The best mismatch reading, or the nearest slip reading within ``AMBIGUOUS`` of it: where
    identity cannot tell two statements apart, the typo-shaped difference can ("fünfundvierzig"
    for "insgesamt 55", not for "weitere 28" of the same sentence; "2021" for 2022 rather than 2023)."""
    if not mismatches:
        return None
    best = mismatches[0]
    slips = [p for p in mismatches if p.slip and best.identity - p.identity < cfg.AMBIGUOUS]
    return min(slips, key=lambda p: _distance(claim, p)) if slips else best


def _distance(claim: Claim, p: PairScore) -> float:
    """How far the claim's differing value is from the fact's (days, or the count's ratio)."""
    q, f, t, ft = claim.quantity, p.fact.quantity, claim.time, p.compared_time
    if p.differ(*KEYS) == ["date"] and t is not None and ft is not None:
        return abs((t.first - ft.first).days)
    if q is not None and f is not None and q.value and f.value:
        return abs(q.value - f.value) / max(abs(q.value), abs(f.value))
    return 0.0


def attested(claim: Claim, eligible: list[PairScore]) -> bool:
    """The source states the draft's exact number of the same counted thing, for a statement
    the claim may well be (no hard constraint, identity enough to support, its time not
    another): the number was taken from there, so it is another
    quantity, not a wrong one ("3,3 Prozent" of the core rate against the food row)."""
    q = claim.quantity
    return q is not None and q.exact and any(
        attests(p, "count") and p.status["noun"] == "agree" and p.identity >= cfg.SUPPORT
        for p in eligible)
