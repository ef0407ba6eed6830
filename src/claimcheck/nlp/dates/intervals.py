"""Calendar arithmetic on inclusive day intervals (first, last).

Modifier convention (``apply_modifier``): an interval is cut into thirds.
  - year:    Anfang = Jan-Apr, Mitte = May-Aug, Ende = Sep-Dec (months 4/4/4),
  - month:   Anfang = days 1-10, Mitte = 11-20, Ende = 21-last,
  - decade:  Anfang = years 0-3, Mitte = 4-6, Ende = 7-9,
  - seasons, quarters, halves: whole months in thirds (3 months -> 1/1/1, 6 -> 2/2/2),
  - weeks and other day ranges: days in thirds (7 -> 3/2/2).
So "Dezember 2016" overlaps "Ende 2016", "Anfang 2017" does not, and every month of a year
belongs to exactly one of Anfang/Mitte/Ende.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Optional

from claimcheck.models import Modifier

Interval = tuple[date, date]
_THIRD = {"start": 0, "mid": 1, "end": 2}


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def year_interval(y: int) -> Interval:
    return date(y, 1, 1), date(y, 12, 31)


def month_interval(y: int, m: int) -> Interval:
    return date(y, m, 1), month_end(y, m)


def months_interval(y1: int, m1: int, y2: int, m2: int) -> Interval:
    return date(y1, m1, 1), month_end(y2, m2)


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def week_interval(d: date) -> Interval:
    """The Monday-to-Sunday week containing ``d``."""
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def season_interval(y: int, first_month: int, last_month: int) -> Interval:
    """Season starting in year ``y`` (a winter ends in y+1)."""
    y2 = y if first_month <= last_month else y + 1
    return months_interval(y, first_month, y2, last_month)


def decade_interval(start_year: int) -> Interval:
    return date(start_year, 1, 1), date(start_year + 9, 12, 31)


def _thirds(n: int) -> list[tuple[int, int]]:
    a = -(-n // 3)
    b = a + -(-(n - a) // 2)
    return [(0, a), (a, b), (b, n)]


def apply_modifier(iv: Interval, granularity: str, modifier: Optional[Modifier]) -> Interval:
    """Narrow an interval to its start/mid/end third (see module docstring)."""
    first, last = iv
    if modifier is None:
        return iv
    idx = _THIRD[modifier]
    if granularity == "decade":
        a, b = _thirds(last.year - first.year + 1)[idx]
        return date(first.year + a, 1, 1), date(first.year + b - 1, 12, 31)
    n_months = (last.year * 12 + last.month) - (first.year * 12 + first.month) + 1
    if n_months >= 3 and first.day == 1:
        a, b = _thirds(n_months)[idx]
        y1, m1 = add_months(first.year, first.month, a)
        y2, m2 = add_months(first.year, first.month, b - 1)
        return date(y1, m1, 1), month_end(y2, m2)
    n_days = (last - first).days + 1
    if n_days < 3:
        return iv
    bounds = [(0, 10), (10, 20), (20, n_days)] if granularity == "month" else _thirds(n_days)
    a, b = bounds[idx]
    return first + timedelta(days=a), first + timedelta(days=b - 1)


def shift(iv: Interval, unit: str, n: int) -> Optional[tuple[Interval, str]]:
    """The calendar ``unit`` n units after the one containing ``iv`` (n may be 0 or negative).

    Returns None when ``iv`` is too coarse for the unit (a month shift from a whole year) or
    spans several years and n == 0.
    """
    first, last = iv
    if unit == "year":
        if first.year == last.year:
            return year_interval(first.year + n), "year"
        if n == 0:
            return None
        return year_interval((last.year if n > 0 else first.year) + n), "year"
    if unit == "month":
        if (first.year, first.month) != (last.year, last.month):
            return None
        return month_interval(*add_months(first.year, first.month, n)), "month"
    if unit == "week":
        if (last - first).days > 6:
            return None
        return week_interval(first + timedelta(weeks=n)), "week"
    if first != last:
        return None
    d = first + timedelta(days=n)
    return (d, d), "day"


def weekday_before(doc: date, weekday: int, rel: int) -> date:
    """Weekday relative to the document date: rel 0 = on or before, -1 = strictly before,
    +1 = strictly after."""
    if rel > 0:
        return doc + timedelta(days=(weekday - doc.weekday()) % 7 or 7)
    back = (doc.weekday() - weekday) % 7
    if rel < 0 and back == 0:
        back = 7
    return doc - timedelta(days=back)
