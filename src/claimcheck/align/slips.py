"""Slips: a draft value that looks like a typo or an off-by-one of the source's value.

The identity score never looks at the two values under test. This module adds the one piece of
value evidence that is safe to use: the *shape* of the difference. Wrong values in drafts are
mostly slips of the source value (durations in the claim's unit: "vier Tage" for 72 hours is
a slip of "drei Tage"): a bound rounded the wrong way ("weniger als 700" for 755), one digit mistyped (45 for 35, 3,9 for 2,9), a year off by
one to three (2015 for 2016), one part of a date wrong (26. for 27. Februar, März for Februar,
2024 for 2025). Another quantity that happens to be one digit away from a fact's value is rare,
and when the draft value is itself stated somewhere in the source, the draft may well be
about that other statement: then it is no slip (the aligner checks that: ``engine._mark_slips``).

A slip lowers the identity a mismatch needs (``config.SLIP_*``); it never makes a mismatch on
its own, never applies to vague amounts, approximate hedges, ordinals, implicit or inherited times.
"""
from __future__ import annotations

from typing import Optional

from claimcheck.align import config as cfg
from claimcheck.align.context import in_hours
from claimcheck.align.features import is_duration
from claimcheck.align.score import KEYS, PairScore
from claimcheck.models import Claim, Fact, Quantity, TimeSpan
from claimcheck.nlp.numbers.ordinals import UNIT as ORDINAL


def _digits(value: float) -> str:
    """The digits of a number as written, without separators: 2.9 -> "29", 1200 -> "1200"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", "").lstrip("-")


def count_slip(q: Optional[Quantity], f: Optional[Quantity]) -> bool:
    """Both exact, and one digit of several mistyped (same length, one position differs), two
    neighbouring digits swapped, or off by one; or a hedge that just misses the value ("weniger als 700" for 755: ``hedge_slip``)."""
    if q is None or f is None or ORDINAL in (q.unit, f.unit):
        return False
    if not q.exact:
        return hedge_slip(q, f)
    if not f.exact:
        return False
    a, b = q.value, f.value
    assert a is not None and b is not None  # exact
    if a == b or (a < 0) != (b < 0):
        return False
    if a == int(a) and b == int(b) and abs(a - b) == 1:
        return True
    da, db = _digits(a), _digits(b)  # one digit alone is no typo evidence: 5 for 3 is another number
    if len(da) != len(db) or len(da) < 2:
        return False
    wrong = [i for i, (x, y) in enumerate(zip(da, db)) if x != y]
    if len(wrong) == 1:
        return True
    i = wrong[0]  # two neighbouring digits swapped: 545 for 455, 53 for 35
    return len(wrong) == 2 and wrong[1] == i + 1 and da[i] == db[i + 1] and da[i + 1] == db[i]


def in_claim_unit(q: Quantity, f: Quantity, q_noun: Optional[str], f_noun: Optional[str]) -> Quantity:
    """The fact's duration in the claim's unit when that is a whole number ("72 Stunden" is 3 for
    "vier Tage"), else the fact's quantity as it is."""
    hq, hf = in_hours(q, q_noun), in_hours(f, f_noun)
    if hq is None or hf is None or not (q.value and hq.value and hf.value) or q_noun == f_noun:
        return f
    value = hf.value / (hq.value / q.value)
    if abs(value - round(value)) > 1e-6:
        return f
    v = float(round(value))
    return f.model_copy(update={"value": v, "low": v, "high": v})


def hedge_slip(q: Quantity, f: Quantity) -> bool:
    """A hedged number that excludes the fact's value but lies within ``SLIP_HEDGE`` of it: the
    writer rounded the wrong way. Against an exact value only a one-sided bound ("mehr als",
    "unter") counts; against a hedged one ("knapp tausend" for "mehr als tausend") the gap
    between the two intervals."""
    if q.vague or f.vague or not (q.value and f.value):
        return False
    if f.exact:
        if (q.low is None) == (q.high is None):
            return False
        return abs(q.value - f.value) <= cfg.SLIP_HEDGE * abs(f.value)
    lo_q, hi_q = q.bounds()
    lo_f, hi_f = f.bounds()
    gap = max(lo_f - hi_q, lo_q - hi_f)
    return 0 <= gap <= cfg.SLIP_HEDGE * abs(f.value)


def _parts(t: TimeSpan) -> Optional[tuple[int, int, int]]:
    """(year, month, day) of a time that names one day, month or year; 0 for the parts it leaves open."""
    if t.granularity == "day" and t.first == t.last:
        return t.first.year, t.first.month, t.first.day
    if t.granularity == "month" and t.first.month == t.last.month and t.first.year == t.last.year:
        return t.first.year, t.first.month, 0
    if t.granularity == "year" and t.first.year == t.last.year:
        return t.first.year, 0, 0
    return None


def date_slip(t: Optional[TimeSpan], f: Optional[TimeSpan]) -> bool:
    """Exactly one stated part of the claim's date differs from the fact's (a year by at most
    ``SLIP_YEARS``); the parts the claim leaves open are not compared."""
    if t is None or f is None or t.inherited or "implicit" in (t.anchor, f.anchor):
        return False
    a, b = _parts(t), _parts(f)
    if a is None or b is None:
        return False
    if t.granularity == "year" and t.modifier is not None:  # "Ende 2016": only its year is compared
        if f.granularity == "year" and f.modifier is not None and t.modifier != f.modifier:
            return t.first.year == f.first.year  # "Anfang 2016" for "Ende 2016": the part of the year is wrong
        a = (a[0], 0, 0)
    pairs = [(x, y) for x, y in zip(a, b) if x]  # the parts the claim states
    if any(y == 0 for _, y in pairs):
        return False  # the claim is more precise than the fact
    wrong = [(i, x, y) for i, (x, y) in enumerate(pairs) if x != y]
    if len(wrong) != 1:
        return False
    i, x, y = wrong[0]
    return i != 0 or abs(x - y) <= cfg.SLIP_YEARS


def weekday_slip(t: Optional[TimeSpan], fact_weekday: Optional[int]) -> bool:
    """The neighbouring weekday ("Samstag" for "Sonntag"), where only the weekdays are compared."""
    return t is not None and t.weekday is not None and fact_weekday is not None and (
        (t.weekday - fact_weekday) % 7 in (1, 6))


def mark_slips(claim: Claim, pairs: list[PairScore]) -> None:
    """A pair whose one differing value is a slip of the fact's value (slips.py), unless another
    eligible fact, or a table cell of another row, states the draft's value (at the claim's
    time): then the draft may be about that one."""
    eligible = [p for p in pairs if not p.constraints]
    # a table cell of another row states a value as well: "2,6 Prozent" of the headline rate
    # attests the draft's 2,6 though the draft does not name the row
    duration = is_duration(claim)  # a duration is attested only by a duration: "zwei Grundstücke" states no "zwei Tage"
    attesting = [p for p in pairs if set(p.constraints) <= {"row"} and is_duration(p.fact) == duration]
    for p in eligible:
        differ = p.differ(*KEYS)
        if differ == ["count"]:
            p.slip = count_slip(claim.quantity, _fact_quantity(claim, p.fact)) or _next_ordinal(claim, p)
        elif differ == ["date"] and not p.implicit_date:
            p.slip = date_slip(claim.time, p.compared_time) or weekday_slip(claim.time, p.weekday)
        if p.slip and not _row_month(p, differ) and any(
                attests(q, differ[0]) and _near_bound(claim.quantity, q.fact.quantity, differ[0]) for q in attesting):
            p.slip = False


def _near_bound(q: Optional[Quantity], f: Optional[Quantity], key: str) -> bool:
    """A one-sided bound is attested only by a value near it: "weniger als 700" agrees with 455,
    but no writer says so of 455 (within ``SLIP_HEDGE`` of the bound, as ``hedge_slip``)."""
    if key != "count" or q is None or f is None or not q.value or f.value is None:
        return True
    if (q.low is None) == (q.high is None):
        return True  # an exact or two-sided amount: any agreeing value attests it
    return abs(q.value - f.value) <= cfg.SLIP_HEDGE * abs(q.value)


def _next_ordinal(claim: Claim, p: PairScore) -> bool:
    """The neighbouring ordinal of an occurrence on the day the fact states for it ("am
    Donnerstag zum dritten Mal" against "an diesem Donnerstag zum zweiten Mal"): one meeting,
    miscounted."""
    q, f = claim.quantity, p.fact.quantity
    return (p.same_day and q is not None and f is not None and q.unit == f.unit == ORDINAL
            and q.value is not None and f.value is not None and abs(q.value - f.value) == 1)


def _row_month(p: PairScore, differ: list[str]) -> bool:
    """A month slip on a cell of the row the draft names ("die Kernrate lag im November bei
    3,3 Prozent" for December's 3,3): other rows state every month, so they attest none."""
    return differ == ["date"] and p.status.get("row") == "agree"


def states(p: PairScore, key: str) -> bool:
    """The pair's fact states the claim's value (an agreement with an implicit date, or through a
    weekday of a month-precise document date, states nothing; nor does a vague amount:
    "zahlreiche Kinder" agrees with 110, but no writer took 110 from it)."""
    if key == "count":
        q = p.fact.quantity
        return p.status[key] == "agree" and not (q is not None and q.vague)
    return p.status[key] == "agree" and not (p.implicit_date or p.loose_date)


def elsewhen(p: PairScore, key: str) -> bool:
    """The fact states the draft's count, but at a stated time that differs from the claim's:
    another column of a table ("1,8" in November for a draft about January), not the draft's
    statement."""
    return key == "count" and p.status["date"] == "differ" and not p.implicit_date


def attests(p: PairScore, key: str) -> bool:
    """The pair's fact states the claim's value for the claim's own time (``states``, not
    ``elsewhen``)."""
    return states(p, key) and not elsewhen(p, key)


def _fact_quantity(claim: Claim, fact: Fact) -> Optional[Quantity]:
    """The fact's quantity, a duration in the claim's unit (``slips.in_claim_unit``)."""
    if claim.quantity is None or fact.quantity is None:
        return fact.quantity
    noun = (claim.noun.value if claim.noun else None), (fact.noun.value if fact.noun else None)
    return in_claim_unit(claim.quantity, fact.quantity, *noun)
