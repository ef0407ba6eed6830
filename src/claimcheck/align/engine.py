"""Decide, for each claim of a draft, which reference fact it is about and whether it agrees.

An ``Aligner`` holds one fact base with its index (stems, events, noun classes, numbers), so a
claim is scored only against the facts that share something with it; ``score.py`` scores each
candidate pair and ``verdict.py`` turns the scored readings into a verdict.
"""
from __future__ import annotations

from datetime import date
from typing import Optional, Sequence

from claimcheck.align import config as cfg
from claimcheck.align.context import bag, is_deadline
from claimcheck.align.derived import derived_kind, derived_values
from claimcheck.align.features import ClaimContext, FactContext, dated_counts, stated_acts
from claimcheck.align.occurrence import occurrences
from claimcheck.align.readings import known_ordinals, unknown_occurrence
from claimcheck.align.score import PairScore, score_pair
from claimcheck.align.slips import mark_slips
from claimcheck.align.tables import table_rows
from claimcheck.align.times import relative
from claimcheck.align.verdict import Decision, verdict
from claimcheck.lang import message
from claimcheck.models import Claim, Fact
from claimcheck.nlp.lexicon import Lexicon
from claimcheck.nlp.numbers.ordinals import UNIT as ORDINAL


class Aligner:
    def __init__(self, facts: Sequence[Fact], lex: Lexicon, reference_date: Optional[date] = None,
                 reference_exact: bool = False):
        self.facts = list(facts)
        self.lex = lex
        self.contexts = [FactContext.of(f, reference_date, reference_exact) for f in self.facts]
        stated_acts(self.contexts)
        dated_counts(self.contexts)
        table_rows(self.contexts)
        self.derived = derived_values(self.facts)
        self.ordinals = known_ordinals(self.contexts)
        self._index: dict[str, set[int]] = {}
        for i, f in enumerate(self.facts):
            for key in _fact_keys(f, lex):
                self._index.setdefault(key, set()).add(i)

    def candidates(self, claim: Claim, sentence: str) -> list[int]:
        keys = _claim_keys(claim, self.lex) | _word_keys(sentence)
        found: set[int] = set()
        for key in keys:
            found |= self._index.get(key, set())
        return sorted(found)

    def decide(self, text: str, claim: Claim, document_date: Optional[date], exact_date: bool = False,
               exclude: frozenset[str] = frozenset(),
               anchored: frozenset[tuple[str, int]] = frozenset()) -> Decision:
        """``exact_date``: the document date names a day (not only a month); ``exclude``: ids of
        facts another claim holds; ``anchored``: source sentences that confirm another claim of
        the claim's sentence (``verdict``)."""
        if claim.negated:
            return Decision("unverified", negated=True, reason=message("align.negated"))
        sentence = text[claim.sentence_start:claim.sentence_end]
        found = [i for i in self.candidates(claim, sentence) if self.facts[i].id not in exclude]
        pairs = []
        if found:  # most claims of a text share nothing with the source: no context needed
            cc = ClaimContext.of(text, claim, document_date, exact_date, self.lex.closed.strong_breaks)
            pairs = self.score_all(cc, found, told_around(text, claim))
        return verdict(claim, pairs, checkworthy(text, claim), derived_kind(claim, self.derived), anchored)


    def score_all(self, cc: ClaimContext, found: Sequence[int],
                  told: frozenset[float] = frozenset()) -> list[PairScore]:
        """The candidates' scores, best first, with the slips marked (``slips.mark_slips``);
        ``told``: the occurrences the draft names around the claim (``told_around``)."""
        pairs = [score_pair(cc, self.contexts[i], self.lex) for i in found]
        pairs.sort(key=lambda p: p.identity, reverse=True)
        mark_slips(cc.claim, pairs)
        unknown_occurrence(cc.claim, pairs, self.ordinals, told)
        return pairs


def _fact_keys(f: Fact, lex: Lexicon) -> set[str]:
    return _claim_keys(f, lex) | _word_keys(f.provenance.sentence)


def _word_keys(sentence: str) -> set[str]:
    """Index keys of the rare words of a sentence."""
    return {"w:" + k for k, w in bag(sentence).items() if w >= cfg.CANDIDATE_MIN_WEIGHT}


def _claim_keys(c: Claim, lex: Lexicon) -> set[str]:
    keys = set()
    if c.event is not None:
        keys.add("e:" + c.event.value)
    if c.noun is not None:
        keys.add("n:" + (lex.noun_class.get(c.noun.value) or c.noun.value))
    if c.quantity is not None and c.quantity.value is not None:
        keys.add(f"q:{c.quantity.value:g}")
    if c.time is not None:
        keys.add(f"y:{c.time.first.year}")
    return keys


def told_around(text: str, claim: Claim) -> frozenset[float]:
    """The occurrences the draft names near an ordinal claim, the claim's own left out (a
    bounded window keeps this linear in the text)."""
    q = claim.quantity
    if q is None or q.unit != ORDINAL:
        return frozenset()
    lo, hi = max(0, claim.sentence_start - cfg.TOLD_CHARS), claim.sentence_end + cfg.TOLD_CHARS
    around = text[lo:q.start] + " " * (q.end - q.start) + text[q.end:hi]
    return occurrences(around)


def checkworthy(text: str, claim: Claim) -> bool:
    """A bare weekday, "heute", a clock time or a deadline is no statement to confirm on its own."""
    if claim.kind != "date" or claim.time is None:
        return True
    if relative(claim.time):
        return False
    return not is_deadline(text, claim.start, claim.sentence_start)
