"""Pure slot-by-slot comparison of a draft claim with a reference fact."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Literal

from claimcheck.models import Claim, Fact
from claimcheck.nlp.lexicon import Lexicon

Status = Literal["agree", "differ", "unknown"]
IDENTITY = ("event", "actor", "target", "place", "person", "noun")
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{4,}")


@dataclass
class SlotComparison:
    fact: Fact
    status: dict[str, Status] = field(default_factory=dict)
    similarity: float = 0.0  # word overlap of the claim's sentence with the fact's source sentence
    imprecise: bool = False  # the claim's quantity is vaguer than the fact's

    def agree(self, *names: str) -> list[str]:
        return [n for n in names if self.status.get(n) == "agree"]

    def differ(self, *names: str) -> list[str]:
        return [n for n in names if self.status.get(n) == "differ"]

    @property
    def strength(self) -> int:
        return len(self.agree(*IDENTITY))


def compare(claim: Claim, fact: Fact, claim_sentence: str, lex: Lexicon) -> SlotComparison:
    cmp = SlotComparison(fact)
    cmp.status["count"] = _quantity(claim, fact)
    cmp.status["date"] = _time(claim, fact)
    for name in ("actor", "target", "place", "person"):
        cmp.status[name] = _value(getattr(claim, name), getattr(fact, name))
    cmp.status["event"] = _event(claim, fact, lex)
    cmp.status["noun"] = _noun(claim, fact, lex)
    cmp.similarity = similarity(claim_sentence, fact.provenance.sentence)
    if claim.quantity is not None and fact.quantity is not None:
        cmp.imprecise = not claim.quantity.exact and fact.quantity.exact and cmp.status["count"] == "agree"
    return cmp


def _quantity(claim: Claim, fact: Fact) -> Status:
    if claim.quantity is None or fact.quantity is None:
        return "unknown"
    return "agree" if claim.quantity.overlaps(fact.quantity) else "differ"


def _time(claim: Claim, fact: Fact) -> Status:
    if claim.time is None or fact.time is None:
        return "unknown"
    if claim.time.overlaps(fact.time):
        return "agree"
    # A time carried over from an earlier sentence is judged where it is written, not again here.
    return "unknown" if claim.time.inherited else "differ"


def _value(a, b) -> Status:
    if a is None or b is None:
        return "unknown"
    return "agree" if a.value == b.value else "differ"


def _event(claim: Claim, fact: Fact, lex: Lexicon) -> Status:
    if claim.event is None or fact.event is None:
        return "unknown"
    return "agree" if lex.same_event(claim.event.value, fact.event.value) else "differ"


def _noun(claim: Claim, fact: Fact, lex: Lexicon) -> Status:
    if claim.noun is None or fact.noun is None:
        return "unknown"
    return "agree" if lex.same_noun_class(claim.noun.value, fact.noun.value) else "differ"


@lru_cache(maxsize=4096)
def _words(sentence: str) -> frozenset[str]:
    return frozenset(w.lower() for w in WORD.findall(sentence))


def similarity(a: str, b: str) -> float:
    """Jaccard overlap of the lower-cased words (4+ letters) of two sentences."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def sentence_of(text: str, claim: Claim) -> str:
    return text[claim.sentence_start:claim.sentence_end]

