"""Grammar rules for absolute German time expressions (years, months, days, seasons, quarters,
halves, decades). Each rule is a regex over the lexicon fragments plus a handler that checks
the context and returns the normalised interval (a ``Hit``) or None.

A regex matches the expression only (modifiers included, a leading preposition such as
"im"/"am"/"in den"/"seit" excluded); prepositions that license an expression are looked up
in the text before the match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Callable, NamedTuple, Optional

from claimcheck.models import Anchor, Granularity, Modifier, TimeSpan
from claimcheck.nlp.dates.intervals import (
    Interval, apply_modifier, decade_interval, month_interval, months_interval,
    season_interval, year_interval,
)
from claimcheck.nlp.dates.lexicon import Grammar, key
from claimcheck.nlp.dates.tense import LAST, UNKNOWN, direction, year_toward

_WORD_AFTER = re.compile(r"[ \t\u00a0]+([^\W\d_][\w-]*)")
_TOKEN_AFTER = re.compile(r"\s*(\S+)")


class Hit(NamedTuple):
    iv: Interval
    granularity: Granularity
    modifier: Optional[Modifier]
    anchor: Anchor
    weekday: Optional[int] = None  # the weekday the expression names (0 = Monday)


@dataclass
class Ctx:
    """What a handler may look at: the text, the document date and the anchor span."""

    text: str
    doc: Optional[date]
    g: Grammar
    base: Optional[TimeSpan]  # most recent earlier span, or the caller's ``previous``
    base_anchor: Anchor  # "text" or "previous"

    def words_before(self, start: int, n: int = 3) -> list[str]:
        return [w.lower() for w in re.findall(r"\S+", self.text[max(0, start - 80):start])][-n:]

    def prev_word(self, start: int) -> str:
        words = self.words_before(start, 1)
        return words[0] if words else ""


@dataclass
class Rule:
    name: str
    pattern: re.Pattern
    handler: Callable[[re.Match, Ctx], Optional[Hit]]


def compile_rule(g: Grammar, name: str, handler) -> Rule:
    """The rule ``name``: its pattern of the lexicon with fragments, years and word classes filled in."""
    fragments = g.lex.patterns.fragments
    template = re.sub(r"<<(\w+)>>", lambda m: fragments.get(m[1], m[0]), g.lex.patterns.rules[name])
    regex = re.sub(r"<<(\w+)>>", lambda m: g.re[m[1]], template.replace("<<YEAR>>", g.lex.patterns.year))
    return Rule(name, re.compile(regex, re.IGNORECASE), handler)


def modifier(m: re.Match, g: Grammar) -> Optional[Modifier]:
    mod = m.groupdict().get("mod")
    return g.modifier_of[key(mod)] if mod else None


def resolve_year(m: re.Match, ctx: Ctx, licensed: bool) -> Optional[tuple[int, Anchor]]:
    """Year of an expression: explicit (absolute), "vergangenen Jahres" or, when the
    expression is licensed without a year, the document year (document)."""
    groups = m.groupdict()
    if groups.get("y"):
        return int(groups["y"]), "absolute"
    if ctx.doc is None:
        return None
    if groups.get("rel"):
        return ctx.doc.year + ctx.g.relative_of[key(groups["rel"])], "document"
    return (ctx.doc.year, "document") if licensed else None


def _with_mod(iv: Interval, gran: Granularity, mod: Optional[Modifier], anchor: Anchor) -> Hit:
    return Hit(apply_modifier(iv, gran, mod), gran, mod, anchor)


# --- handlers ---------------------------------------------------------------------------

def _iso(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    """ISO date "2016-12-29" or month "2016-12"."""
    if not m["d"]:
        return Hit(month_interval(int(m["y"]), int(m["m"])), "month", None, "absolute")
    d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    return Hit((d, d), "day", None, "absolute")


def _numeric_day(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    licensed = ctx.prev_word(m.start()) in ctx.g.lower_set(ctx.g.ctx.day_prepositions)
    ya = resolve_year(m, ctx, licensed)
    if ya is None:
        return None
    d = date(ya[0], int(m["m"]), int(m["d"]))
    return Hit((d, d), "day", None, ya[1])


def _day_month(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    ya = _toward(m, ctx, resolve_year(m, ctx, True), ctx.g.month_of[key(m["mon"])])
    if ya is None:
        return None
    d = date(ya[0], ctx.g.month_of[key(m["mon"])], int(m["d"]))
    return Hit((d, d), "day", None, ya[1])


def _toward(m: re.Match, ctx: Ctx, ya: Optional[tuple[int, Anchor]], month: int):
    """A month named without any year takes the year the sentence's tense points to."""
    if ya is None or ya[1] != "document" or m.groupdict().get("rel") or ctx.doc is None:
        return ya
    way = direction(ctx.text, m.start(), m.end(), ctx.prev_word(m.start()), ctx.g.tense)
    return year_toward(ctx.doc, month, way), ya[1]


def _day_range(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    ya = resolve_year(m, ctx, True)
    if ya is None:
        return None
    month = ctx.g.month_of[key(m["mon"])]
    d1, d2 = date(ya[0], month, int(m["d1"])), date(ya[0], month, int(m["d2"]))
    return Hit((d1, d2), "day", None, ya[1]) if d1 < d2 else None


def _modifier_and_year(m: re.Match, ctx: Ctx):
    """The Anfang/Mitte/Ende modifier and the resolved (year, anchor) of a month or season;
    a bare month/season needs a modifier or a preposition to be read as a time."""
    mod = modifier(m, ctx.g)
    return mod, resolve_year(m, ctx, mod is not None or _month_licensed(m, ctx))


def _month_licensed(m: re.Match, ctx: Ctx) -> bool:
    """A preposition before the month ("im Mai"), also across an article ("gegenüber dem Mai")."""
    before = ctx.words_before(m.start(), 2)
    preps = ctx.g.lower_set(ctx.g.ctx.month_prepositions)
    if before and before[-1] in ctx.g.lower_set(ctx.g.ctx.month_articles):
        before = before[:-1]
    return bool(before) and before[-1] in preps


def _month(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    mod, ya = _modifier_and_year(m, ctx)
    ya = _toward(m, ctx, ya, ctx.g.month_of[key(m["mon"])])
    if ya is None:
        return None
    return _with_mod(month_interval(ya[0], ctx.g.month_of[key(m["mon"])]), "month", mod, ya[1])


def _month_compound(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    """A month that starts a compound ("Dezemberwert"): the month itself. A month's value is
    one already published, so without a cue of the future it is the last such month up to the
    document's."""
    month = ctx.g.month_of[key(m["mon"])]
    if ctx.doc is None:
        return None
    way = direction(ctx.text, m.start(), m.end(), ctx.prev_word(m.start()), ctx.g.tense)
    year = year_toward(ctx.doc, month, LAST if way == UNKNOWN else way)
    return Hit(month_interval(year, month), "month", None, "document")


def _month_range(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    words = ctx.g.lex.patterns
    if key(m["conn"]) in ctx.g.lower_set(words.both_words) and key(m["pre"] or "") not in ctx.g.lower_set(
            words.between_words):
        return None
    y, m1, m2 = int(m["y"]), ctx.g.month_of[key(m["m1"])], ctx.g.month_of[key(m["m2"])]
    if m1 == m2:
        return None
    return Hit(months_interval(y - (m1 > m2), m1, y, m2), "month", None, "absolute")


def _season(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    season = ctx.g.season_of[key(m["s"])]
    mod, ya = _modifier_and_year(m, ctx)
    if ya is None:
        return None
    year, wraps = ya[0], season.first_month > season.last_month
    if wraps and not m["y2"]:
        # "Winter 2016" = the winter containing January 2016; a bare "im Winter" is the
        # current winter (the one ending in the document year in its first half).
        bare = ya[1] == "document" and not m["rel"]
        year -= 0 if bare and ctx.doc is not None and ctx.doc.month > 6 else 1
    iv = season_interval(year, season.first_month, season.last_month)
    return _with_mod(iv, "season", mod, ya[1])


def _quarter_half(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    n = int(m["ordn"]) if m["ordn"] else ctx.g.ordinal_of[key(m["ord"])]
    is_half = key(m["u"]) in ctx.g.lower_set(ctx.g.lex.half_words)
    size = 6 if is_half else 3
    if n > 12 // size:
        return None
    ya = resolve_year(m, ctx, True)
    if ya is None:
        return None
    first = size * (n - 1) + 1
    iv = months_interval(ya[0], first, ya[0], first + size - 1)
    return Hit(iv, "half" if is_half else "quarter", None, ya[1])


def _q_form(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    q, y = int(m["q"]), int(m["y"])
    return Hit(months_interval(y, 3 * q - 2, y, 3 * q), "quarter", None, "absolute")


def _decade(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    mod = modifier(m, ctx.g)
    groups = m.groupdict()
    if groups.get("w"):
        start = ctx.g.lex.decade_words[key(m["w"])]
    elif len(m["dec"]) == 4:
        start = int(m["dec"])
    else:
        two = int(m["dec"])
        start = 2000 + two if two <= 10 else 1900 + two
    short = groups.get("w") or len(m["dec"]) == 2
    if short and not (m["j"] or mod or ctx.prev_word(m.start()) in ctx.g.lower_set(ctx.g.lex.decade_articles)):
        return None
    return _with_mod(decade_interval(start), "decade", mod, "absolute")


def _mod_year(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    mod = modifier(m, ctx.g)
    return _with_mod(year_interval(int(m["y"])), "year", mod, "absolute")


def _year(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    if not m["jw"] and _is_count(m.start("y"), m.end("y"), ctx):
        return None
    return Hit(year_interval(int(m["y"])), "year", None, "absolute")


def _is_count(start: int, end: int, ctx: Ctx) -> bool:
    """True when a bare 4-digit number reads as a count or reference, not as a year."""
    c, g = ctx.g.ctx, ctx.g
    before = ctx.words_before(start, 3)
    last = before[-1] if before else ""
    if last in g.lower_set(c.number_prefixes) or last.rsplit("-", 1)[-1] in g.lower_set(
            c.number_prefixes):
        return True
    hedges = g.lower_set(c.count_hedges)
    if any(" ".join(before[-k:]) in hedges for k in range(1, len(before) + 1)):
        return True
    tok = _TOKEN_AFTER.match(ctx.text, end)
    if tok and (tok[1].lower() in g.lower_set(c.count_units)
                or tok[1].rstrip(".,;:!?)").lower() in g.lower_set(c.count_units)):
        return True
    word = _WORD_AFTER.match(ctx.text, end)
    if word and word[1][0].isupper() and not _possessor(word, ctx):
        temporal = g.lower_set(c.temporal_prepositions) | set(g.modifier_of) | set(
            g.month_of) | set(g.season_of)
        return last not in temporal
    return False


def _possessor(word: re.Match, ctx: Ctx) -> bool:
    """A capitalised genitive right before another capitalised word ("Russlands Konsulat"):
    it owns the noun after it and is not counted."""
    if not word[1].endswith(tuple(ctx.g.ctx.genitive_endings)):
        return False
    nxt = _WORD_AFTER.match(ctx.text, word.end())
    return nxt is not None and nxt[1][0].isupper()


# Rules in the order they are tried; each pattern is ``patterns.rules[name]`` of dates.yaml.
ABSOLUTE = (("iso", _iso), ("numeric_day", _numeric_day), ("day_month", _day_month),
            ("day_range", _day_range), ("month", _month), ("month_compound", _month_compound),
            ("month_range", _month_range),
            ("season", _season), ("quarter", _quarter_half), ("q_form", _q_form), ("decade", _decade),
            ("decade_word", _decade), ("mod_year", _mod_year), ("year", _year))


def absolute_rules(g: Grammar) -> list[Rule]:
    return [compile_rule(g, name, handler) for name, handler in ABSOLUTE]
