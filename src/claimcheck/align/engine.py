"""Decide, for each claim of a draft, which reference fact it is about and whether it agrees.

Rules (FEVER-style verdicts):
- A fact is a candidate only when enough slots show it is the same event: the event type must
  not conflict, the counted noun must not be of another class unless count and time both agree,
  and the evidence needed grows with the number of differing key slots (count, date).
- supported: no key slot differs (and at least one agrees). Actor/place/person conflicts on an
  otherwise agreeing fact are mismatches too.
- mismatch: exactly one key slot differs and the other agrees (or, for date-only claims and
  claims without a second key, strong identity: same event plus several agreeing slots, or the
  sentence is recognisably the source sentence).
- unverified: no candidate; the source says nothing about it.
When the best mismatch readings point at different facts (mixed facts), all are offered.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from claimcheck.align.slots import SlotComparison, compare, sentence_of
from claimcheck.models import Claim, Fact
from claimcheck.nlp.lexicon import Lexicon

KEYS = ("count", "date")
SIDE_SLOTS = ("actor", "place", "person", "noun")
SAME_SENTENCE = 0.5  # word overlap from which a draft sentence counts as the source sentence
STRONG = 4  # agreeing identity slots that identify an event without a second key slot


@dataclass
class Outcome:
    verdict: str
    comparison: Optional[SlotComparison] = None
    fields: list[str] = field(default_factory=list)  # differing slots
    alternatives: list[SlotComparison] = field(default_factory=list)
    ranked: list[SlotComparison] = field(default_factory=list)  # all mismatch readings, best first
    negated: bool = False


def align_claim(claim: Claim, text: str, facts: Sequence[Fact], lex: Lexicon) -> Outcome:
    if claim.negated:
        return Outcome("unverified", negated=True)
    sentence = sentence_of(text, claim)
    cands = [c for c in (compare(claim, f, sentence, lex) for f in facts) if _same_event(claim, c)]
    supported = [c for c in cands if _supported(claim, c)]
    if supported:
        best = max(supported, key=_rank)
        return Outcome("supported" if not best.differ(*SIDE_SLOTS) else "mismatch", best,
                       best.differ(*SIDE_SLOTS))
    mismatches = [c for c in cands if _mismatch(claim, c, len(cands))]
    if not mismatches:
        return Outcome("unverified")
    mismatches.sort(key=_rank, reverse=True)
    return _mismatch_outcome(mismatches[0], mismatches)


def _mismatch_outcome(best: SlotComparison, ranked: list[SlotComparison]) -> Outcome:
    """A mismatch against ``best``; readings that blame another key slot are offered too."""
    others = [c for c in ranked if c is not best and c.differ(*KEYS) != best.differ(*KEYS)]
    return Outcome("mismatch", best, best.differ(*KEYS, *SIDE_SLOTS), others, ranked)


def prefer_unused(out: Outcome, used: set[str]) -> Outcome:
    """A mismatch whose best reading is a fact that another claim already confirms takes the
    next reading ("folgten 2022 und 2024": the 2024 is the wrong 2023, not a second 2022)."""
    if out.verdict != "mismatch" or out.comparison is None or out.comparison.fact.id not in used:
        return out
    free = [c for c in out.ranked if c.fact.id not in used]
    return _mismatch_outcome(free[0], out.ranked) if free else out


def _same_event(claim: Claim, c: SlotComparison) -> bool:
    if claim.kind == "count" and c.fact.kind != "count":
        return False
    if c.status["event"] == "differ" and c.similarity < SAME_SENTENCE:
        return False
    if c.status["noun"] == "differ" and not (c.agree(*KEYS) == list(KEYS) and _same_number(claim, c)):
        return False  # other things counted; only an exact number and time make it a wrong noun
    if c.differ("actor", "target") and not _keys_agree(c) and c.similarity < SAME_SENTENCE:
        return False  # another state's episode ("Großbritannien wies 2018 23 Diplomaten aus")
    if c.status["event"] == "unknown" and c.strength < 2 and c.similarity < SAME_SENTENCE:
        return False
    return bool(c.agree(*KEYS)) or c.similarity >= SAME_SENTENCE or c.strength >= STRONG


def _keys_agree(c: SlotComparison) -> bool:
    """No key slot (count, date) differs and at least one agrees."""
    return not c.differ(*KEYS) and bool(c.agree(*KEYS))


def _same_number(claim: Claim, c: SlotComparison) -> bool:
    q, f = claim.quantity, c.fact.quantity
    return q is not None and f is not None and f.exact and q.value == f.value


def _supported(claim: Claim, c: SlotComparison) -> bool:
    """Keys agree, and the claim is about the same parties (or the same sentence, or the very
    same number, date and event): a company cutting "rund 750 Stellen" in 2017 is not the
    source's 755 staff cut, "die Ausweisung von 60 Diplomaten 2018" is its 60 expelled."""
    if not _keys_agree(c) or c.status["event"] == "differ":
        return False
    exact = c.agree(*KEYS) == list(KEYS) and _same_number(claim, c) and c.status["event"] == "agree"
    return (exact or c.strength >= 3 or bool(c.agree("actor", "target", "person", "place"))
            or c.similarity >= 0.3)


def _mismatch(claim: Claim, c: SlotComparison, n_cands: int) -> bool:
    differ, agree = c.differ(*KEYS), c.agree(*KEYS)
    if c.similarity >= SAME_SENTENCE:
        return bool(differ)
    if len(differ) != 1 or c.status["event"] != "agree":
        return False
    if agree:
        return True
    return c.strength >= STRONG or (c.strength >= 3 and n_cands == 1)


def _rank(c: SlotComparison) -> tuple:
    return (len(c.agree(*KEYS)), c.status["date"] == "agree", round(c.similarity, 2), c.strength,
            -len(c.differ(*SIDE_SLOTS)))
