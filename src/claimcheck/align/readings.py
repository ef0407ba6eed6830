"""Which reading of a claim a differing value is: of several one-value-off readings, the one a
typo-shaped difference points to; and whether the draft's number is stated in the source for a
statement the claim may be (then it is another quantity, not a wrong one)."""
from __future__ import annotations

from typing import Optional, Sequence

from claimcheck.align import config as cfg
from claimcheck.align.score import KEYS, PairScore, exact_specific
from claimcheck.align.slips import attests, states
from claimcheck.align.features import FactContext
from claimcheck.models import Claim
from claimcheck.nlp.numbers.ordinals import UNIT as ORDINAL


def prefer_slip(claim: Claim, mismatches: list[PairScore]) -> Optional[PairScore]:
    """The best mismatch reading, or the nearest slip reading within ``AMBIGUOUS`` of it: where
    identity cannot tell two statements apart, the typo-shaped difference can ("fünfundvierzig"
    for "insgesamt 55", not for "weitere 28" of the same sentence; "2021" for 2022 rather than 2023)."""
    if not mismatches:
        return None
    best = mismatches[0]
    slips = [p for p in mismatches if p.slip and best.identity - p.identity < cfg.AMBIGUOUS]
    return min(slips, key=lambda p: _distance(claim, p)) if slips else best


def other_column(best: Optional[PairScore], readings: list[PairScore]) -> Optional[PairScore]:
    """A table row states the draft's number in another column than the draft's period: the
    reading that blames the number (the cell of the draft's period) and the one that blames the
    period (the cell of the draft's number) are equally close. The period is taken as the slip,
    unless it is the row's newest column: the release's headline period is the one writers know,
    an earlier month is the one they mix up ("im November noch 2,6 Prozent" for December's 2,6).
    ``readings``: the one-value-off readings identified well enough to support. Where several
    columns state the draft's value, neither the month nor the number can be named: None."""
    if best is None or best.fact.provenance.cell is None:
        return best
    pool = [best, *(p for p in readings if p is not best)]
    row = [p for p in pool if _same_row(p, best) and best.identity - p.identity < cfg.AMBIGUOUS]
    by_count = next((p for p in row if p.differ(*KEYS) == ["count"]), None)
    by_date = [p for p in row if p.differ(*KEYS) == ["date"]]
    if by_count is None or not by_date:
        return best
    if by_count.newest_cell:
        return by_count
    return by_date[0] if len(by_date) == 1 else None  # the value of several months: no month to name


def _same_row(a: PairScore, b: PairScore) -> bool:
    ca, cb = a.fact.provenance.cell, b.fact.provenance.cell
    return ca is not None and cb is not None and (ca.caption, ca.row) == (cb.caption, cb.row)


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
    if q is None or not q.exact:
        return False
    mixed = any(p.differ(*KEYS) == ["count"] and _own_date(p) for p in eligible)
    return any(
        (attests(p, "count") and p.status["noun"] == "agree" or not mixed and _specific_stated(claim, p))
        and p.identity >= cfg.SUPPORT for p in eligible)


def _specific_stated(claim: Claim, p: PairScore) -> bool:
    """… and so is a specific number (755, not 60) the source states for the statement whatever
    the time or the counted word ("755 Amerikaner … bis zum 1. Oktober" against "755
    US-Diplomaten … bis zum 1. September"): if anything is wrong there, it is not the number.
    Unless another fact states the claim's time for its own number (``mixed``: "2018 … 35"
    where 35 is of 2016 and 60 of 2018): then either may be wrong, and both readings stay."""
    return exact_specific(claim, p.fact) and p.status["noun"] != "differ"


def _own_date(p: PairScore) -> bool:
    """The fact agrees with the claim's time by a time of its own sentence (not the document's,
    not one carried over from an earlier sentence, not a loosely resolved weekday)."""
    t = p.fact.time
    return states(p, "date") and t is not None and t.start >= p.fact.provenance.sentence_start


def known_ordinals(contexts: Sequence[FactContext]) -> frozenset[float]:
    """Every occurrence the source tells of: its ordinals ("die zweite Runde") and its
    occurrence words ("erstmals")."""
    out: set[float] = set()
    for fc in contexts:
        q = fc.fact.quantity
        if q is not None and q.unit == ORDINAL and q.value is not None:
            out.add(q.value)
        out.update(fc.occurrence)
    return frozenset(out)


def unknown_occurrence(claim: Claim, pairs: list[PairScore], known: frozenset[float],
                       told: frozenset[float] = frozenset()) -> None:
    """An ordinal the source never tells of, at the very time of the source's statement with
    another ordinal, is that statement's occurrence with a wrong ordinal ("diese Woche zum
    dritten Mal" where the source has only a first and a second round, the second this week);
    an ordinal the source knows stays another occurrence. The claim's time must be stated on both
    sides: in the claim's sentence, not the document's date. (A weekday or "diese Woche" of a
    month-precise document agrees by its month: enough for an occurrence, not for a day.)
    Without such a time, identity must be high (``ORDINAL_UNKNOWN``), and the draft must not
    tell of the fact's occurrence itself (``told``: the occurrences named around the claim):
    "heute, in seiner zweiten Amtszeit … in seiner ersten" names both; nor may the draft's own
    period lie outside the fact's stated time ("diesmal, in seiner zweiten Amtszeit" in a text of
    2025 against "2018, in seiner ersten")."""
    q, t = claim.quantity, claim.time
    if q is None or q.unit != ORDINAL or q.value in known:
        return
    stated = t is not None and t.start >= claim.sentence_start
    for p in pairs:
        if not p.other_occurrence or p.status["date"] == "differ":
            continue
        by_context = (p.identity >= cfg.ORDINAL_UNKNOWN and not p.apart
                      and not (told and _occurrence_of(p) <= told))
        if (stated and p.status["date"] == "agree" and not p.implicit_date) or by_context:
            p.other_period = p.other_occurrence = False
            p.slip = False  # the ordinal is identified by its time or context, not by the shape of a typo


def _occurrence_of(p: PairScore) -> set[float]:
    q = p.fact.quantity
    return {q.value} if q is not None and q.unit == ORDINAL and q.value is not None else {-1.0}
