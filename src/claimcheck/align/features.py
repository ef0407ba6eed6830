"""The features of one claim and of one fact that the scoring model compares, computed once per
claim and once per fact base (not per pair): context bags, the quantity's role, the effective
time, deadline and offset flags, occurrences, the parties taken from another clause, and the act
behind a deadline fact."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional, Sequence

from claimcheck.align.context import (Bag, bag, claim_bags, fact_bags, in_hours, is_backstory, is_deadline,
                                      is_offset)
from claimcheck.align.roles import quantity_role, starting_time
from claimcheck.align.occurrence import occurrences
from claimcheck.align.times import effective_time
from claimcheck.models import Claim, Fact, TimeSpan

CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]")


@dataclass
class ClaimContext:
    """What the scorer needs of a claim besides the claim: its text, bags and document date."""

    claim: Claim
    sentence: Bag
    local: Bag
    near: Bag
    role: str
    time: Optional[TimeSpan]  # stated, inherited, or implicit from the document date
    document_date: Optional[date]
    deadline: bool = False  # the claim's time is a deadline ("bis zum 1. September")
    offset: bool = False  # the claim's quantity is a distance in time ("zwei Tage vor …")
    occurrence: frozenset[float] = frozenset()  # "zum zweiten Mal", "erstmals" (occurrence.py)
    exact_date: bool = False  # the document date names a day: "heute", "am Montag" are exact
    remote: frozenset[str] = frozenset()  # parties filled from another clause of the sentence (remote_slots)
    clause: frozenset[str] = frozenset()  # the keys of the claim's clause (between commas, semicolons …)
    starting: bool = False  # a level reached dated by its pair's starting time (roles.starting_time)
    far: frozenset[str] = frozenset()  # parties named beyond a semicolon or dash: another statement's
    names: frozenset[str] = frozenset()  # the sentence's capitalised words, case-folded (also compound parts: "Trump-Regierung")
    time_far: bool = False  # the claim's time is named beyond a semicolon or dash: another statement's

    @classmethod
    def of(cls, text: str, claim: Claim, document_date: Optional[date], exact_date: bool = False,
           strong_breaks: Optional[re.Pattern] = None) -> "ClaimContext":
        """``strong_breaks``: the pack's breaks beyond which a party is another statement's
        (``words.yaml: strong_breaks``; ``far``), none when not given."""
        sentence, local, near = claim_bags(text, claim, _statement(text, claim, strong_breaks))
        own = text[claim.sentence_start:claim.sentence_end]
        role = quantity_role(text, claim.quantity.start, claim.sentence_start) if claim.quantity else ""
        deadline = claim.time is not None and is_deadline(text, claim.time.start, claim.sentence_start)
        offset = is_duration(claim) and is_offset(text, claim.noun.end)  # type: ignore[union-attr]
        starting = role == "to" and claim.time is not None and claim.quantity is not None and starting_time(
            text, claim.quantity.start, claim.time.start, claim.sentence_start)
        return cls(claim, sentence, local, near, role, effective_time(claim.time, document_date, claim),
                   document_date, deadline, offset,
                   occurrences(own), exact_date,
                   remote_slots(text, claim, 0), frozenset(bag(clause_of(text, claim))), starting,
                   remote_slots(text, claim, 0, strong_breaks) if strong_breaks else frozenset(),
                   names_of(own), _time_far(text, claim, strong_breaks))


def _time_far(text: str, c: Claim, breaks: Optional[re.Pattern]) -> bool:
    t = c.time
    if t is None or breaks is None or t.start < c.sentence_start:
        return False
    return breaks.search(text, min(t.end, c.end), max(t.start, c.start)) is not None


@dataclass
class FactContext:
    """The fact-side features, computed once per fact base (not once per claim × fact pair)."""

    fact: Fact
    sentence: Bag
    local: Bag
    near: Bag
    role: str
    time: Optional[TimeSpan]  # stated, inherited, or implicit from the reference's date
    act_time: Optional[TimeSpan]  # the implicit time: the act behind a fact dated only by a deadline
    deadline: bool
    offset: bool
    occurrence: frozenset[float]
    exact_date: bool  # the reference's date names a day
    row: frozenset[str] = frozenset()  # a table cell's row label (stems): what the number is about
    stated_act: Optional[TimeSpan] = None  # the act behind a deadline fact, where its sentence states it (stated_acts)
    remote: frozenset[str] = frozenset()  # parties filled from another clause of the sentence (remote_slots)
    siblings: frozenset[str] = frozenset()  # a total row's: the words of the table's other rows (table_rows)
    newest: bool = False  # a table cell of its row's newest dated column (the release's headline period)
    starting: bool = False  # a level reached dated by its pair's starting time (roles.starting_time)
    names: frozenset[str] = frozenset()  # the sentence's capitalised words, case-folded (as ClaimContext.names)
    dates_counts: frozenset[float] = frozenset()  # a date-only fact's: the counts of its sentence it dates (dated_counts)

    @classmethod
    def of(cls, fact: Fact, reference_date: Optional[date], exact_date: bool = False) -> "FactContext":
        p, q, t = fact.provenance, fact.quantity, fact.time
        sentence, local, near = fact_bags(fact)
        role = quantity_role(p.sentence, q.start - p.sentence_start, 0) if q is not None else ""
        deadline = t is not None and is_deadline(p.sentence, t.start - p.sentence_start, 0)
        offset = is_duration(fact) and is_offset(p.sentence, fact.noun.end - p.sentence_start)  # type: ignore[union-attr]
        if is_backstory(p.sentence, fact.start - p.sentence_start, 0):
            reference_date = None  # what had happened before: not dated by the article's date
        starting = role == "to" and t is not None and q is not None and starting_time(
            p.sentence, q.start - p.sentence_start, t.start - p.sentence_start, 0)
        return cls(fact, sentence, local, near, role, effective_time(t, reference_date, fact),
                   effective_time(None, reference_date, fact), deadline, offset, occurrences(p.sentence),
                   exact_date, frozenset(bag(p.cell.row)) if p.cell is not None else frozenset(),
                   remote=remote_slots(p.sentence, fact, p.sentence_start), starting=starting,
                   names=names_of(p.sentence))


_NAME = re.compile(r"(?<![\w])[^\W\d_][\w]*")


def names_of(sentence: str) -> frozenset[str]:
    """The capitalised words of a sentence, case-folded; a hyphenated compound gives its parts."""
    return frozenset(m.group(0).casefold() for m in _NAME.finditer(sentence) if m.group(0)[:1].isupper())


def _statement(text: str, c: Claim, breaks: Optional[re.Pattern]) -> tuple[int, int]:
    """The claim's sentence up to the first strong break after the claim (semicolon, dash):
    what follows tells another statement, whose words are no context of this one. What comes
    before stays: a part after a semicolon often names its subject by a pronoun ("…; sie lag
    im November bei 2,6 Prozent"). Two dashes enclose an insertion, not a new statement."""
    lo, hi = c.sentence_start, c.sentence_end
    cuts = list(breaks.finditer(text, c.end, hi)) if breaks is not None else []
    while len(cuts) >= 2 and cuts[0].group(0) == cuts[1].group(0) and cuts[0].group(0) not in ";":
        cuts = cuts[2:]  # a pair of dashes encloses an insertion: "Im Jahr 2018 – damals … – ließ Washington"
    return lo, (cuts[0].start() if cuts else hi)


def clause_of(text: str, c: Claim) -> str:
    """The clause of the claim's anchor: its sentence between the nearest clause breaks."""
    lo, hi = c.sentence_start, c.sentence_end
    before = [m.end() for m in CLAUSE_BREAK.finditer(text, lo, c.start)]
    after = CLAUSE_BREAK.search(text, c.end, hi)
    return text[before[-1] if before else lo:after.start() if after else hi]


def remote_slots(text: str, c: Claim, offset: int, breaks: re.Pattern = CLAUSE_BREAK) -> frozenset[str]:
    """The parties (actor, target, person) taken from another clause than the claim's anchor: a comma,
    colon, semicolon, dash or bracket lies between them ("Sie rief den polnischen Minister an,
    danach gab es erstmals seit Jahren wieder Gespräche"). Such a party may be
    another predicate's, so it is no ground to call the statement's party wrong. (A place
    before the comma of a zu-infinitive stays: "die Botschaft in Prag, 63 Mitarbeiter abzubauen".)
    ``offset``: where ``text`` starts in the offsets of ``c``."""
    out = []
    for name in ("actor", "target", "person"):
        slot = c.slot(name)
        if slot is None:
            continue
        a, b = sorted((slot.end, c.start)) if slot.start < c.start else sorted((c.end, slot.start))
        if breaks.search(text, max(0, a - offset), max(0, b - offset)):
            out.append(name)
    return frozenset(out)


def stated_acts(contexts: Sequence[FactContext]) -> None:
    """The act behind a deadline fact happened at the other time its sentence states ("hat am
    Dienstag angekündigt, dass 14 Diplomaten bis zum 31. März ausreisen müssen"), when it states one,
    as a fact of its own; otherwise in the source's period (the implicit ``act_time``)."""
    stated: dict[tuple[int, str], TimeSpan] = {}
    for fc in contexts:
        t = fc.fact.time
        if t is not None and not fc.deadline and not t.inherited:
            stated.setdefault((fc.fact.provenance.sentence_start, fc.fact.provenance.source), t)
    for fc in contexts:
        if fc.deadline:
            key = (fc.fact.provenance.sentence_start, fc.fact.provenance.source)
            fc.stated_act = stated.get(key)


def dated_counts(contexts: Sequence[FactContext]) -> None:
    """A date-only fact that is the time of count facts of its sentence ("… 12 Beamten …, die
    deshalb bis zum 15. März auszureisen hätten") is those counts' date: the values it dates."""
    counts: dict[tuple[str, int, int], set[float]] = {}
    for fc in contexts:
        f, t = fc.fact, fc.fact.time
        if f.kind == "count" and t is not None and f.quantity is not None and f.quantity.value is not None:
            counts.setdefault((f.provenance.source, f.provenance.sentence_start, t.start), set()).add(f.quantity.value)
    for fc in contexts:
        f, t = fc.fact, fc.fact.time
        if f.kind == "date" and t is not None:
            fc.dates_counts = frozenset(counts.get((f.provenance.source, f.provenance.sentence_start, t.start), ()))


def is_duration(c: Claim) -> bool:
    """The claim counts a time unit ("zwei Tage"): only such a quantity can be a distance in
    time; "35 Diplomaten nach Hause" is none."""
    return c.noun is not None and c.quantity is not None and in_hours(c.quantity, c.noun.value) is not None
