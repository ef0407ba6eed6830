"""Labels of normalised time spans: "Ende 2016", "Dezember 2016", "29. Dezember 2016", "2018",
"Frühjahr 2022", "Winter 2016/17", "1. Quartal 2018", "1990er-Jahre".

A label describes the interval (first..last), not the surface text, so "Jänner 2017" and
"01/2017" both read "Januar 2017". Intervals that do not fit their granularity (merged
ranges) fall back to "from - to" forms. Words and templates come from the pack: the first name
of each month, season and modifier in ``dates.yaml``, the forms in ``messages.yaml`` (``time``).
This module imports no model, so ``claimcheck.models`` can use it without an import cycle.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Optional, Protocol

from claimcheck.lang import pack
from claimcheck.lang.schema.dates import Modifier, SeasonEntry


class Interval(Protocol):
    """What a label needs of a ``TimeSpan``."""

    @property
    def first(self) -> date: ...
    @property
    def last(self) -> date: ...
    @property
    def granularity(self) -> str: ...
    @property
    def modifier(self) -> Optional[Modifier]: ...


def _form(name: str, **fields: object) -> str:
    return pack().messages.time[name].format(**fields)


def _month_name(m: int) -> str:
    return next(e.names[0] for e in pack().dates.months if e.number == m)


def day_label(d: date) -> str:
    return _form("day", day=d.day, month=_month_name(d.month), year=d.year)


def _season_of(month: int) -> SeasonEntry:
    seasons = pack().dates.seasons
    for s in seasons:
        fm, lm = s.first_month, s.last_month
        if (fm <= month <= lm) if fm <= lm else (month >= fm or month <= lm):
            return s
    return seasons[0]


def _season_label(d: date) -> str:
    s = _season_of(d.month)
    if s.first_month <= s.last_month:
        return _form("season", season=s.names[0], year=d.year)
    y = d.year if d.month >= s.first_month else d.year - 1
    return _form("winter", season=s.names[0], year=y, next=(y + 1) % 100)


def _unit_label(gran: str, d: date) -> str:
    """Label of the whole calendar unit of granularity ``gran`` containing ``d``."""
    if gran == "year":
        return str(d.year)
    if gran == "month":
        return _form("month", month=_month_name(d.month), year=d.year)
    if gran == "season":
        return _season_label(d)
    if gran == "quarter":
        return _form("quarter", n=(d.month - 1) // 3 + 1, year=d.year)
    if gran == "half":
        return _form("half", n=(d.month - 1) // 6 + 1, year=d.year)
    if gran == "decade":
        return _form("decade", decade=d.year // 10 * 10)
    if gran == "week":
        return _form("week", day=day_label(d - timedelta(days=d.weekday())))
    return day_label(d)


def _range_label(ts: Interval) -> str:
    f, l, gran = ts.first, ts.last, ts.granularity
    if gran == "day" and (f.year, f.month) == (l.year, l.month):
        return _form("day_range", first=f.day, last=l.day, month=_month_name(f.month), year=f.year)
    if gran == "month" and f.year == l.year:
        return _form("month_range", first=_month_name(f.month), last=_month_name(l.month), year=f.year)
    if gran in ("year", "decade") and f.month == 1 and f.day == 1 and (l.month, l.day) == (12, 31):
        return _form("year_range", first=f.year, last=l.year)
    return _form("range", first=_unit_label(gran, f), last=_unit_label(gran, l))


def weekday_name(weekday: int) -> str:
    """The name of a weekday (0 = Monday)."""
    return pack().dates.weekdays[weekday][0]


def time_label(ts: Interval) -> str:
    """Label of the normalised interval of ``ts``."""
    f, l = ts.first, ts.last
    if ts.modifier is not None:
        mid = f + (l - f) / 2
        word = pack().dates.modifiers[ts.modifier][0]
        form = "modified_decade" if ts.granularity == "decade" else "modified"
        return _form(form, modifier=word, base=_unit_label(ts.granularity, mid))
    if _unit_label(ts.granularity, f) == _unit_label(ts.granularity, l):
        return _unit_label(ts.granularity, f)
    return _range_label(ts)
