"""Time expressions in German news text, normalised to inclusive day intervals.

``find_time_expressions`` scans a text with a regex grammar built from the lexicon
``lang/de/dates.yaml`` (see ``rules`` for absolute and ``relative`` for
relative expressions). All candidates of all rules are collected, then chosen left to right,
longest first, without overlap; a candidate whose handler rejects it (a count, not a year; no
document date; nothing to anchor on) leaves room for the others. Relative-to-text expressions
are resolved against the most recent span accepted before them (or ``previous``). Finally,
adjacent spans joined by "bis"/"-" (or "zwischen ... und") become one range span.

Interval conventions (see ``intervals``): Anfang/Mitte/Ende cut a unit into thirds
(Ende 2016 = Sep-Dec 2016, Ende Dezember = 21-31 Dec); seasons are meteorological
(Frühjahr = Mar-May, Winter 2016/17 = Dec 2016-Feb 2017, Winter 2016 = Dec 2015-Feb 2016);
a day, month or season without year takes the document year; "vor acht Jahren" is the whole
calendar year eight years before the document year.

Span convention: a leading preposition with its article ("im", "am", "in den", "seit") is not
part of the span; modifiers are ("Ende 2016"); a range keeps its leading "from"/"between" word.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional, Sequence

from claimcheck.models import TimeSpan
from claimcheck.lang.timelabel import time_label
from claimcheck.nlp.dates.lexicon import Grammar, grammar
from claimcheck.nlp.dates.relative import relative_rules
from claimcheck.nlp.dates.rules import Ctx, Hit, Rule, absolute_rules
from claimcheck.nlp.dates.scan import Scanner, build_scanner, candidates

__all__ = ["find_time_expressions", "time_label"]

_GRAN_ORDER = ["day", "week", "month", "season", "quarter", "half", "year", "decade"]


_SCANNERS: dict[int, tuple[Grammar, tuple[Rule, ...], Scanner]] = {}  # id(grammar) -> its rules, scanner


def _compiled(g: Grammar) -> tuple[Rule, ...]:
    """The rules of ``g`` in the order they are tried (built once per grammar: grammars are immutable)."""
    hit = _SCANNERS.get(id(g))
    if hit is None or hit[0] is not g:
        rules = tuple(absolute_rules(g) + relative_rules(g))
        hit = _SCANNERS[id(g)] = (g, rules, build_scanner(g, rules))
    return hit[1]


def _scanner(g: Grammar) -> Scanner:
    _compiled(g)
    return _SCANNERS[id(g)][2]


def find_time_expressions(text: str, document_date: Optional[date], *,
                          previous: Optional[TimeSpan] = None,
                          exclude: Sequence[tuple[int, int]] = (),
                          g: Optional[Grammar] = None) -> list[TimeSpan]:
    """Time expressions of ``text``, sorted and non-overlapping (see module docstring).

    ``document_date`` resolves expressions without year and relative ones ("gestern");
    ``previous`` anchors "ein Jahr später" when no earlier span of ``text`` does; spans
    overlapping an ``exclude`` range (e.g. quantities already read) are skipped; ``g``: the
    grammar of a pack (the bundled German one by default).
    """
    g = g or grammar()
    found: list[TimeSpan] = []
    pos = 0
    for start, end, rule, m in candidates(text, _scanner(g)):
        if start < pos or any(s < end and start < e for s, e in exclude):
            continue
        base, base_anchor = (found[-1], "text") if found else (previous, "previous")
        ctx = Ctx(text, document_date, g, base, base_anchor)  # type: ignore[arg-type]
        hit = _safe_handle(rule, m, ctx)
        if hit is not None:
            found.append(_span(text, start, end, hit))
            pos = end
    return _merge_ranges(text, found, g)


def _safe_handle(rule: Rule, m: re.Match, ctx: Ctx) -> Optional[Hit]:
    """Run a handler; impossible calendar dates (31.2., year 0) simply do not match."""
    try:
        hit = rule.handler(m, ctx)
    except (ValueError, OverflowError):
        return None
    if hit is None or hit.iv[0] > hit.iv[1]:
        return None
    return hit


def _span(text: str, start: int, end: int, hit: Hit) -> TimeSpan:
    return TimeSpan(text=text[start:end], start=start, end=end, first=hit.iv[0], last=hit.iv[1],
                    granularity=hit.granularity, modifier=hit.modifier, anchor=hit.anchor,
                    weekday=hit.weekday)


def _merge_ranges(text: str, spans: list[TimeSpan], g: Grammar) -> list[TimeSpan]:
    """Join "von 2016 bis 2018", "2016-2018", "zwischen 2016 und 2018" into one span."""
    out: list[TimeSpan] = []
    i = 0
    while i < len(spans):
        merged = _range(text, spans[i], spans[i + 1], g) if i + 1 < len(spans) else None
        out.append(merged or spans[i])
        i += 2 if merged else 1
    return out


def _range(text: str, a: TimeSpan, b: TimeSpan, g: Grammar) -> Optional[TimeSpan]:
    join = g.range_join.fullmatch(text, a.end, b.start)
    if join is None or a.first > b.last:
        return None
    pre = g.range_start.search(text, max(0, a.start - 20), a.start)
    if join["both"] and not (pre and pre["pre"].lower() in g.between):
        return None
    start = pre.start() if pre else a.start
    gran = max(a.granularity, b.granularity, key=_GRAN_ORDER.index)
    anchor = a.anchor if a.anchor != "absolute" else b.anchor
    return TimeSpan(text=text[start:b.end], start=start, end=b.end, first=a.first, last=b.last,
                    granularity=gran, modifier=None, anchor=anchor)
