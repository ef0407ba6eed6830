"""Slot statuses of a (claim, fact) pair: agree, differ or unknown for each frame slot and for the
count, each decided from the two slots alone (the context and the identity score are
``score.py``'s)."""
from __future__ import annotations

from typing import Optional

from claimcheck.align.context import in_hours
from claimcheck.align.features import ClaimContext, FactContext
from claimcheck.align.times import Status
from claimcheck.models import Claim, Fact, Quantity
from claimcheck.nlp.claims.slots import JOINT
from claimcheck.nlp.lexicon import Lexicon

NAMED = ("place", "person")  # slots filled with a name of the text, which the other sentence may name too


def frame_status(name: str, claim: Claim, fact: Fact, lex: Lexicon) -> Status:
    if name == "noun":
        return noun_status(claim, fact, lex)
    a, b = getattr(claim, name), getattr(fact, name)
    if a is None or b is None:
        return "unknown"
    if name == "event":
        same = lex.same_event(a.value, b.value)
    else:
        same = a.value == b.value
        if not same and (JOINT in a.value or JOINT in b.value) and _members(a.value) & _members(b.value):
            return "unknown"  # "Russland und die USA" against "die USA": one of the two, not another party
    return "agree" if same else "differ"


def _members(value: str) -> set[str]:
    return set(value.split(JOINT))


def named_across(name: str, cc: ClaimContext, fc: FactContext) -> bool:
    """The claim's person (place) is named in the fact's sentence too, or the fact's in the
    claim's: which of the two sentences' names fills the slot is then a matter of parsing
    ("Laut Schmidt brachte der Besuch bei der Müller-Regierung Fortschritte" against "Schmidt
    sagte, der Besuch bei der Regierung von Anna Müller …"), no evidence of another one."""
    a, b = getattr(cc.claim, name), getattr(fc.fact, name)
    return _last_word(a.value) in fc.names or _last_word(b.value) in cc.names


def _last_word(value: str) -> str:
    return value.split()[-1].casefold() if value.split() else ""


def _counted(c: Claim) -> Optional[str]:
    """What is counted: the noun, else the unit the number grammar attached ("2,3 %")."""
    if c.noun is not None:
        return c.noun.value
    return c.quantity.unit if c.quantity is not None else None


def noun_status(claim: Claim, fact: Fact, lex: Lexicon) -> Status:
    a, b = _counted(claim), _counted(fact)
    if a is None or b is None:
        return "unknown"
    if a != b and not (lex.noun_class.get(a) and lex.noun_class.get(b)):
        return "unknown"  # open vocabulary: two unclassified nouns may be synonyms ("Anwesen")
    return "agree" if lex.same_noun_class(a, b) else "differ"


def count_status(claim: Claim, fact: Fact) -> Status:
    q, f = claim.quantity, fact.quantity
    if q is None or f is None:
        return "unknown"
    noun_q = claim.noun.value if claim.noun else None
    noun_f = fact.noun.value if fact.noun else None
    hq, hf = in_hours(q, noun_q), in_hours(f, noun_f)
    if hq is not None and hf is not None:  # "drei Tage" against "72 Stunden"
        q, f = hq, hf
    if same_bound(q, f) and q.value != f.value:
        return "differ"  # "über zwei Jahre" for "mehr als drei Jahre": another number, not a looser one
    if f.vague and q.exact and q.overlaps(f):
        return "unknown"  # "zahlreiche Kinder" neither confirms nor contradicts "110 Menschen"
    return "agree" if q.overlaps(f) else "differ"


def same_bound(q: Quantity, f: Quantity) -> bool:
    """Both one-sided bounds in the same direction ("mehr als tausend", "über zweitausend")."""
    if q.vague or f.vague or q.value is None or f.value is None:
        return False
    lower = q.low is not None and q.high is None and f.low is not None and f.high is None
    upper = q.high is not None and q.low is None and f.high is not None and f.low is None
    return lower or upper
