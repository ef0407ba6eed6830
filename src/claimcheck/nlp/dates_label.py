"""German labels of normalised time spans: "Ende 2016", "Dezember 2016", "29. Dezember 2016",
"2018", "Frühjahr 2022", "Winter 2016/17", "1. Quartal 2018", "1990er-Jahre".

A label describes the interval (first..last), not the surface text, so "Jänner 2017" and
"01/2017" both read "Januar 2017". Intervals that do not fit their granularity (merged
ranges) fall back to "from - to" forms.
"""
from __future__ import annotations

from datetime import date, timedelta

from claimcheck.models import TimeSpan
from claimcheck.nlp.dates_lexicon import SeasonEntry, grammar

_MOD_WORD = {"start": "Anfang", "mid": "Mitte", "end": "Ende"}


def _month_name(m: int) -> str:
    return next(e.names[0] for e in grammar().lex.months if e.number == m)


def day_label(d: date) -> str:
    return f"{d.day}. {_month_name(d.month)} {d.year}"


def _season_of(month: int) -> SeasonEntry:
    for s in grammar().lex.seasons:
        fm, lm = s.first_month, s.last_month
        if (fm <= month <= lm) if fm <= lm else (month >= fm or month <= lm):
            return s
    return grammar().lex.seasons[0]


def _season_label(d: date) -> str:
    s = _season_of(d.month)
    if s.first_month <= s.last_month:
        return f"{s.names[0]} {d.year}"
    y = d.year if d.month >= s.first_month else d.year - 1
    return f"{s.names[0]} {y}/{(y + 1) % 100:02d}"


def _unit_label(gran: str, d: date) -> str:
    """Label of the whole calendar unit of granularity ``gran`` containing ``d``."""
    if gran == "year":
        return str(d.year)
    if gran == "month":
        return f"{_month_name(d.month)} {d.year}"
    if gran == "season":
        return _season_label(d)
    if gran == "quarter":
        return f"{(d.month - 1) // 3 + 1}. Quartal {d.year}"
    if gran == "half":
        return f"{(d.month - 1) // 6 + 1}. Halbjahr {d.year}"
    if gran == "decade":
        return f"{d.year // 10 * 10}er-Jahre"
    if gran == "week":
        return f"Woche vom {day_label(d - timedelta(days=d.weekday()))}"
    return day_label(d)


def _range_label(ts: TimeSpan) -> str:
    f, l, gran = ts.first, ts.last, ts.granularity
    if gran == "day" and (f.year, f.month) == (l.year, l.month):
        return f"{f.day}.–{l.day}. {_month_name(f.month)} {f.year}"
    if gran == "month" and f.year == l.year:
        return f"{_month_name(f.month)}–{_month_name(l.month)} {f.year}"
    if gran in ("year", "decade") and f.month == 1 and f.day == 1 and (l.month, l.day) == (12, 31):
        return f"{f.year}–{l.year}"
    return f"{_unit_label(gran, f)} – {_unit_label(gran, l)}"


def time_label(ts: TimeSpan) -> str:
    """German label of the normalised interval of ``ts``."""
    f, l = ts.first, ts.last
    if ts.modifier is not None:
        mid = f + (l - f) / 2
        base = _unit_label(ts.granularity, mid)
        if ts.granularity == "decade":
            base = f"der {base}"
        return f"{_MOD_WORD[ts.modifier]} {base}"
    if _unit_label(ts.granularity, f) == _unit_label(ts.granularity, l):
        return _unit_label(ts.granularity, f)
    return _range_label(ts)
