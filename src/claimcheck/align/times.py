"""Times of the scoring model: the implicit time of a statement without one, the act window of
a deadline, and the status of two times (agree / differ / unknown) with its tolerances: relative
days against a document date of month precision, the fuzzy edge of a coarse time."""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal, Optional

from claimcheck.align import config as cfg
from claimcheck.models import Claim, TimeSpan

Status = Literal["agree", "differ", "unknown"]
_YEAR = re.compile(r"\d{4}|'\d\d")


def effective_time(time: Optional[TimeSpan], document_date: Optional[date],
                   claim: Claim) -> Optional[TimeSpan]:
    """The stated time, else the month of the document date (anchor "implicit")."""
    if time is not None or document_date is None:
        return time
    first = document_date.replace(day=1)
    return TimeSpan(text="", start=claim.start, end=claim.start, first=first, last=month_end(first),
                    granularity="month", anchor="implicit")


def act_window(deadline: Optional[TimeSpan]) -> Optional[TimeSpan]:
    """The period in which the act behind a deadline happened: the months before it."""
    if deadline is None:
        return None
    first = deadline.first - timedelta(days=cfg.DEADLINE_ACT_DAYS)
    return deadline.model_copy(update={"first": first, "granularity": "year", "anchor": "implicit"})


def _widened(t: TimeSpan, exact: bool) -> TimeSpan:
    """A weekday or "heute" resolved against a document date of month precision (taken as the
    month's first day) may lie up to a month later, and a week either way where the tense was
    misread: compare it as that span (``exact``: the document date names its day)."""
    if relative(t) and not exact and t.granularity == "day":
        return t.model_copy(update={"first": t.first - timedelta(days=cfg.LOOSE_BEFORE_DAYS),
                                    "last": t.last + timedelta(days=cfg.LOOSE_AFTER_DAYS)})
    return t


def date_status(t: Optional[TimeSpan], f: Optional[TimeSpan],
                 t_exact: bool = False, f_exact: bool = False) -> tuple[Status, bool]:
    """``*_exact``: that side's document date names a day, so its relative days are exact."""
    if t is None or f is None:
        return "unknown", False
    t, f = _widened(t, t_exact), _widened(f, f_exact)
    if t.overlaps(f):
        return "agree", t.anchor == "implicit" or f.anchor == "implicit"
    if t.inherited or t.anchor == "implicit":
        return "unknown", False  # judged where it is written / background of another period
    if (relative(t) and not t_exact) or (relative(f) and not f_exact):
        return "unknown", False  # "vergangene Woche" against a date: too loose to call wrong
    if _year_inferred(t) and _in_year_of(t, f).overlaps(f):
        return "unknown", False  # "im Dezember" of a January text: the year is not the draft's claim
    if _fuzzy_edge(t, f):
        return "unknown", False  # "Ende August" for "1. September": a coarse time's edge is fuzzy
    return "differ", f.anchor == "implicit"


def _year_inferred(t: TimeSpan) -> bool:
    """A day or month without a year of its own ("im Dezember", "am 27. März"): its year comes
    from the document date."""
    return t.anchor == "document" and t.granularity in ("day", "month") and not _YEAR.search(t.text)


def _in_year_of(t: TimeSpan, f: TimeSpan) -> TimeSpan:
    try:
        first, last = t.first.replace(year=f.first.year), t.last.replace(year=f.first.year)
    except ValueError:  # 29 February
        return t
    return t.model_copy(update={"first": first, "last": last}) if first <= last else t


def _fuzzy_edge(t: TimeSpan, f: TimeSpan) -> bool:
    """The fact names a day, the claim a coarser week or month (or part of one: "Ende August"),
    and misses the day by a few days only. Periods of a year ("Ende 2016", "Anfang 2017") are
    never fuzzy this way."""
    if f.granularity != "day" or t.granularity not in ("week", "month"):
        return False
    gap = max((f.first - t.last).days, (t.first - f.last).days)
    return 0 < gap <= cfg.EDGE_DAYS


def weekdays_differ(t: Optional[TimeSpan], t_exact: bool, f: Optional[TimeSpan], f_exact: bool) -> bool:
    """Two days that agree only loosely (a weekday of a month-precise document date) still
    differ when the weekdays they name or imply differ: "am Samstag" resolved against "Juli
    2017" is an uncertain day, but certainly a Saturday, so it is not "am Sonntag" nor "Sonntag,
    30. Juli". A weekday taken over from an earlier sentence may not be this statement's."""
    if t is None or f is None or t.inherited or f.inherited:
        return False
    a, b = weekday_of(t, t_exact), weekday_of(f, f_exact)
    return a is not None and b is not None and a != b


def weekday_of(t: Optional[TimeSpan], exact: bool) -> Optional[int]:
    """The weekday an expression names, else that of a single day known exactly."""
    if t is None:
        return None
    if t.weekday is not None:
        return t.weekday
    if t.granularity == "day" and t.first == t.last and (exact or not relative(t)):
        return t.first.weekday()
    return None


def relative(t: TimeSpan) -> bool:
    """A day or week resolved against a document date without a digit of its own ("vergangene
    Woche", "am Freitag"): only as exact as the document date, often just a month ("vor sechs
    Jahren" is exact enough)."""
    return t.anchor == "document" and t.granularity in ("day", "week") and not any(ch.isdigit() for ch in t.text)


def month_end(d: date) -> date:
    nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)
