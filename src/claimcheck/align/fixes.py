"""Span-level replacements of a mismatch (LanguageTool's ``replacements``) and the corrected
sentence derived from them: offered only for a confident, unambiguous mismatch, and only where
the source's wording can stand in the draft's place (a number for a number, in the draft's
words; a weekday for a weekday; a place for a place)."""
from __future__ import annotations

import re
from typing import Optional

from claimcheck.align import config as cfg
from claimcheck.align.score import PairScore
from claimcheck.align.verdict import Decision
from claimcheck.lang import pack
from claimcheck.lang.timelabel import weekday_name
from claimcheck.models import Claim, Fact, Mismatch, Quantity, Replacement, TimeSpan
from claimcheck.nlp.numbers.lexicon import numbers_lexicon
from claimcheck.nlp.numbers.ordinals import UNIT as ORDINAL, inflected_like
from claimcheck.nlp.numbers.values import written_like


def in_drafts_words(claim: Claim, q: Quantity, capital: bool = False) -> Optional[str]:
    """The source's number as the draft wrote its own: a number word for a number word (with
    the draft's capital only where it replaces the draft's word: ``capital``)."""
    if claim.quantity is None or q.hedge is not None or q.unit == ORDINAL:
        return None
    model = claim.quantity.text if capital else claim.quantity.text.lower()
    return written_like(q.value, model, numbers_lexicon().data.multiplicative.suffix)


def replacements(claim: Claim, mismatches: list[Mismatch], d: Decision) -> list[Replacement]:
    """Span-level fixes, only for a confident, unambiguous mismatch and only where the source's
    wording can stand in the draft's place (a number for a number, a place for a place)."""
    if d.verdict != "mismatch" or d.best is None or d.confidence < cfg.SUGGEST:
        return []
    out = []
    for m in mismatches:
        fix = _fix(claim, d.best, m)
        if fix is not None:
            out.append(fix)
    return out


def _fix(claim: Claim, p: PairScore, m: Mismatch) -> Optional[Replacement]:
    fact = p.fact
    if m.field == "count" and claim.quantity is not None and fact.quantity is not None:
        if other_unit(claim, fact):  # "drei Tage" / "72 Stunden"
            assert claim.noun is not None
            return Replacement(start=claim.quantity.start, end=claim.noun.end, value=fact.text)
        value = in_drafts_words(claim, fact.quantity, capital=True) or fact.quantity.text
        if fact.quantity.unit == ORDINAL:
            value = inflected_like(fact.quantity.text, claim.quantity.text)
        return Replacement(start=claim.quantity.start, end=claim.quantity.end, value=value)
    if m.field == "date" and claim.base is not None and (m.start, m.end) == (claim.base.start, claim.base.end):
        return Replacement(start=m.start, end=m.end, value=m.expected)
    if m.field == "date" and claim.time is not None and p.compared_time is not None:
        t, f = claim.time, p.compared_time
        if p.weekday is not None:
            return _weekday_fix(t, p.weekday)
        if f.anchor != "implicit" and (t.granularity, t.modifier) == (f.granularity, f.modifier):
            return Replacement(start=t.start, end=t.end, value=f.label() if resolved(f) else f.text)
        return None
    if m.field in ("place", "person"):
        return Replacement(start=m.start, end=m.end, value=m.expected)
    return None  # actors and counted nouns need the sentence rephrased ("die USA hat")


def _weekday_fix(t: TimeSpan, weekday: int) -> Optional[Replacement]:
    """Only the weekday word of "am Samstag" / "vergangenen Samstag" is replaced."""
    if t.weekday is None:
        return None
    names = pack().dates.weekdays[t.weekday]
    m = re.search("|".join(re.escape(n) for n in names), t.text, re.IGNORECASE)
    if m is None:
        return None
    return Replacement(start=t.start + m.start(), end=t.start + m.end(), value=weekday_name(weekday))


def resolved(t: TimeSpan) -> bool:
    """A time the source states only relative to its own date ("heute", "vergangene Woche"; not
    "20. März" with its year inferred): the draft gets the date it stands for, not the words,
    which would mean another day there."""
    return t.anchor in ("document", "text", "previous") and not any(ch.isdigit() for ch in t.text)


def correction(claim: Claim, fixes: list[Replacement], text: str) -> Optional[str]:
    """The claim's sentence with the replacements applied."""
    if not fixes:
        return None
    start, end = claim.sentence_start, claim.sentence_end
    sentence = text[start:end]
    for r in sorted(fixes, key=lambda r: r.start, reverse=True):
        if start <= r.start and r.end <= end:
            sentence = sentence[:r.start - start] + r.value + sentence[r.end - start:]
    return sentence.strip()


def other_unit(claim: Claim, fact: Fact) -> bool:
    """The same kind of amount counted in another unit or noun ("drei Tage" / "72 Stunden")."""
    return (claim.quantity is not None and fact.quantity is not None and claim.noun is not None
            and fact.noun is not None and claim.noun.value != fact.noun.value)
