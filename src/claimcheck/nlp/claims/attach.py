"""Attachment of a number to its counted noun, its event and the event's subject.

With a dependency parse (a trained German pipeline, TIGER labels: ``nk`` noun kernel, ``sb``
subject, ``sbp`` passive agent, ``svp`` separable particle) the parse decides; without one,
``counted_noun`` falls back to word-order rules and the other two return None so that the
caller's segment rules apply.
"""
from __future__ import annotations

from typing import Optional, Sequence

from claimcheck.nlp.numbers.ordinals import UNIT as ORDINAL
from claimcheck.models import Quantity
from claimcheck.nlp.closed import ClosedWords
from claimcheck.nlp.lexicon import Lexicon
from claimcheck.nlp.claims.mentions import Mention, place_adjective
from claimcheck.nlp.tokens import Tok, TokenView

MAX_ADJ = 3
NOUN_POS = {"NOUN", "PROPN"}


def counted_noun(view: TokenView, toks: Sequence[Tok], q: Quantity, lex: Lexicon) -> Optional[Tok]:
    """The noun counted by quantity ``q`` ("35 Moskauer Diplomaten" -> "Diplomaten")."""
    if q.unit and q.unit != ORDINAL:  # "35 Prozent": the unit is what is counted
        return None
    after = [t for t in toks if t.start >= q.end]
    if view.has_parse:
        parsed = _parsed_noun(view, toks, q)
        if parsed is not None:
            return parsed
    return _rule_noun(after, lex.name_words, lex.closed)


def _parsed_noun(view: TokenView, toks: Sequence[Tok], q: Quantity) -> Optional[Tok]:
    for t in toks:
        if q.start <= t.start < q.end and t.dep == "nk" and t.head > t.i:
            head = view.toks[t.head]
            if head.pos in NOUN_POS:
                return head
    return None


def _rule_noun(after: Sequence[Tok], name_words: frozenset[str], w: ClosedWords) -> Optional[Tok]:
    k = 0
    while k < len(after) and k < MAX_ADJ and _looks_adjective(after[k], w):
        k += 1
    if k >= len(after) or not after[k].capitalised or after[k].is_punct:
        return None
    noun = after[k]
    nxt = after[k + 1] if k + 1 < len(after) else None
    if place_adjective(noun, name_words, w.place_adjective_suffix) and nxt is not None and nxt.capitalised and not nxt.is_punct:
        return nxt  # "Moskauer Diplomaten", "Berliner Beamte"
    return noun


def _looks_adjective(t: Tok, w: ClosedWords) -> bool:
    low = t.lower
    return (not t.capitalised and low not in w.not_adjectives and low.isalpha()
            and low.endswith(w.adjective_endings) and len(low) > 3)


def event_for(view: TokenView, toks: Sequence[Tok], anchor: int,
              mentions: Sequence[Mention]) -> Optional[Mention]:
    """The event mention on the anchor's path to the root of the parse, if any."""
    if not view.has_parse:
        return None
    events = [m for m in mentions if m.kind == "event"]
    seen: set[int] = set()
    i = anchor
    while i >= 0 and i not in seen and len(seen) < 12:
        seen.add(i)
        hit = next((m for m in events if m.first <= i <= m.last), None)
        if hit is not None:
            return hit
        parent = view.toks[i].head
        if parent == i:
            break
        i = parent
    return None


def subject_actor(view: TokenView, toks: Sequence[Tok], event: Optional[Mention],
                  mentions: Sequence[Mention]) -> Optional[Mention]:
    """The actor named in the subject (or passive agent) of the event's verb."""
    if not view.has_parse or event is None:
        return None
    verbs = {event.first}
    if view.toks[event.first].dep == "oc":  # participle under a finite auxiliary: subject sits there
        verbs.add(view.toks[event.first].head)
    actors = [m for m in mentions if m.kind == "actor"]
    for child in (t for t in toks if t.head in verbs and t.i not in verbs and t.dep in ("sb", "sbp")):
        subtree = _subtree(toks, child.i)
        hit = next((m for m in actors if m.first in subtree), None)
        if hit is not None:
            return hit
    return None


def _subtree(toks: Sequence[Tok], root: int) -> set[int]:
    members, grew = {root}, True
    while grew:
        grew = False
        for t in toks:
            if t.head in members and t.i not in members:
                members.add(t.i)
                grew = True
    return members
