"""Grammar rules for relative German time expressions.

- relative to the document date (anchor "document"): "vor acht Jahren", "im vergangenen
  Jahr", "Ende vergangenen Jahres", "im Vorjahr", "letzte Woche", "gestern", "am Montag";
- relative to the previous time expression (anchor "text", or "previous" when the caller's
  ``previous`` span is used): "im Jahr darauf", "zwei Jahre später", "im selben Jahr",
  "ein Jahr zuvor", "im Folgejahr".

Both shift the calendar unit (year/month/week/day) containing the anchor; a relative
expression is skipped when there is no anchor or the anchor is too coarse for the unit.
"""
from __future__ import annotations

import re
from datetime import timedelta
from typing import Optional

from claimcheck.models import Modifier
from claimcheck.nlp.dates.intervals import apply_modifier, shift, weekday_before
from claimcheck.nlp.dates.lexicon import Grammar, key
from claimcheck.nlp.dates.rules import Ctx, Hit, Rule, compile_rule, modifier
from claimcheck.nlp.dates.tense import direction, weekday_prepositions, weekday_toward



def _number(m: re.Match, g: Grammar) -> int:
    return int(m["nd"]) if m["nd"] else g.number_of[key(m["n"])]


def _from_document(m: re.Match, ctx: Ctx, unit: str, n: int,
                   default_mod: Optional[Modifier] = None) -> Optional[Hit]:
    """``default_mod``: the part of the period the word names itself ("Jahresbeginn"), unless a
    modifier word is written."""
    if ctx.doc is None:
        return None
    res = shift((ctx.doc, ctx.doc), unit, n)
    if res is None:
        return None
    mod = modifier(m, ctx.g) or default_mod
    return Hit(apply_modifier(res[0], res[1], mod), res[1], mod, "document")  # type: ignore[arg-type]


def _from_text(m: re.Match, ctx: Ctx, unit: str, n: int) -> Optional[Hit]:
    if ctx.base is None:
        return None
    res = shift((ctx.base.first, ctx.base.last), unit, n)
    if res is None:
        return None
    mod = modifier(m, ctx.g)
    return Hit(apply_modifier(res[0], res[1], mod), res[1], mod, ctx.base_anchor)  # type: ignore[arg-type]


# --- relative to the document date ------------------------------------------------------

def _ago(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    return _from_document(m, ctx, ctx.g.unit_of[key(m["u"])], -_number(m, ctx.g))


def _doc_unit(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    return _from_document(m, ctx, ctx.g.unit_of[key(m["u"])], ctx.g.relative_of[key(m["rel"])])


def _doc_compound(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    entry = ctx.g.offset_words[key(m["w"])]
    return _from_document(m, ctx, entry.unit, entry.offset, entry.modifier)


def _day_word(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    return _from_document(m, ctx, "day", ctx.g.lex.day_words[key(m["w"])])


def _weekday(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    """Only "am/bis/seit Montag" or "vergangenen/kommenden Montag": never a bare weekday word.
    Without "vergangenen/kommenden" the tense decides (``nlp/dates/tense.py``): "Am Freitag läuft
    die Frist ab" is the next Friday, "am Freitag hatte" the last one."""
    prev = ctx.prev_word(m.start())
    if ctx.doc is None or (not m["rel"] and prev not in weekday_prepositions(ctx.g.tense)):
        return None
    wd = ctx.g.weekday_of[key(m["wd"])]
    if m["rel"]:
        d = weekday_before(ctx.doc, wd, ctx.g.relative_of[key(m["rel"])])
    else:
        d = weekday_toward(ctx.doc, wd, direction(ctx.text, m.start(), m.end(), prev, ctx.g.tense))
    return Hit((d, d), "day", None, "document", wd)


def _week_weekday(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    """ "Dienstag vergangener Woche": that weekday of the week shifted from the document's."""
    if ctx.doc is None:
        return None
    rel, wd = m["rel"] or m["rel2"], m["wd"] or m["wd2"]
    res = shift((ctx.doc, ctx.doc), "week", ctx.g.relative_of[key(rel)])
    if res is None:
        return None
    monday = res[0][0]
    d = monday + timedelta(days=ctx.g.weekday_of[key(wd)])
    return Hit((d, d), "day", None, "document", d.weekday())


# --- relative to the previous expression ------------------------------------------------

def _text_dir(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    return _from_text(m, ctx, ctx.g.unit_of[key(m["u"])], ctx.g.lex.text_directions[key(m["dir"])])


def _text_n(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    n = _number(m, ctx.g) * ctx.g.lex.text_directions[key(m["dir"])]
    return _from_text(m, ctx, ctx.g.unit_of[key(m["u"])], n)


def _text_same(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    return _from_text(m, ctx, ctx.g.unit_of[key(m["u"])], 0)


def _text_follow(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    return _from_text(m, ctx, ctx.g.unit_of[key(m["u"])], 1)


def _text_compound(m: re.Match, ctx: Ctx) -> Optional[Hit]:
    entry = ctx.g.offset_words[key(m["w"])]
    return _from_text(m, ctx, entry.unit, entry.offset)


# Rules in the order they are tried; each pattern is ``patterns.rules[name]`` of dates.yaml.
RELATIVE = (("ago", _ago), ("doc_unit", _doc_unit), ("doc_compound", _doc_compound), ("day_word", _day_word),
            ("week_weekday", _week_weekday), ("weekday", _weekday), ("text_dir", _text_dir), ("text_n", _text_n), ("text_same", _text_same),
            ("text_follow", _text_follow), ("text_compound", _text_compound))


def relative_rules(g: Grammar) -> list[Rule]:
    return [compile_rule(g, name, handler) for name, handler in RELATIVE]
