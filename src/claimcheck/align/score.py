"""The scoring model: one (claim, fact) pair -> slot statuses, identity score, hard constraints.

Identity is computed from context and frame slots, never from the two values under test
(count, date): those get their own statuses. Hard constraints make a pair ineligible whatever
its score; they are named in the decision trace.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from claimcheck.align import config as cfg
from claimcheck.align.context import dice
from claimcheck.align.roles import roles_compatible
from claimcheck.align.features import ClaimContext, FactContext
from claimcheck.align.tables import row_status
from claimcheck.align.occurrence import occurrence_status
from claimcheck.align.statuses import NAMED, count_status, frame_status, named_across
from claimcheck.align.times import (Status, act_window, date_status, month_end, relative, weekday_of,
                                    weekdays_differ)
from claimcheck.models import Claim, Fact, Quantity, TimeSpan
from claimcheck.nlp.lexicon import Lexicon
from claimcheck.nlp.numbers.ordinals import UNIT as ORDINAL

FRAME = ("event", "noun", "actor", "target", "place", "person")
KEYS = ("count", "date")


@dataclass
class PairScore:
    fact: Fact
    status: dict[str, Status] = field(default_factory=dict)
    context: float = 0.0
    local: float = 0.0
    near: float = 0.0
    identity: float = 0.0
    constraints: list[str] = field(default_factory=list)
    implicit_date: bool = False  # the date status compares with an implicit (document) date
    fact_time: Optional[TimeSpan] = None  # the fact's stated or implicit time
    other_period: bool = False  # the claim's paragraph is dated outside the fact's time
    other_occurrence: bool = False  # another ordinal: the n-th occurrence is not the m-th
    compared_time: Optional[TimeSpan] = None  # the fact time the claim's time was compared with
    deadlines: bool = False  # both are deadlines: a deadline is checked against its own kind like any statement
    slip: bool = False  # the differing value looks like a typo of the fact's one (slips.py), set by the aligner
    loose_date: bool = False  # the dates agree only through a relative day of a month-precise document date
    remote: frozenset[str] = frozenset()  # parties that come from another clause on either side
    far: frozenset[str] = frozenset()  # … the claim's, from beyond a semicolon or dash (words.yaml: strong_breaks)
    ordinal_pair: bool = False  # both quantities are ordinals: the occurrence is the value under test
    weekday: Optional[int] = None  # … but differ by the weekday each names or implies: the fact's ("Sonntag" for "Samstag")
    newest_cell: bool = False  # the fact is a table cell of its row's newest column (features.table_rows)
    same_day: bool = False  # both state the occurrence's day and it is the same (_same_day)
    apart: bool = False  # the claim's implicit (document) time lies outside the fact's stated one: never accuses, but tells another period

    @property
    def via_act(self) -> bool:
        """The date was compared with the act behind the fact's deadline, not with the deadline
        ("bis zum 1. Juli, teilte die Ministerin am Montag mit, müssen 20 Diplomaten gehen" against
        "Am Montag gab die Ministerin bekannt, 20 Diplomaten hätten bis zum 1. Juni auszureisen"):
        it confirms the act's day and leaves the deadline to be checked."""
        return self.compared_time is not None and self.compared_time is not self.fact_time

    def agree(self, *names: str) -> list[str]:
        return [n for n in names if self.status.get(n) == "agree"]

    def differ(self, *names: str) -> list[str]:
        return [n for n in names if self.status.get(n) == "differ"]


def score_pair(cc: ClaimContext, fc: FactContext, lex: Lexicon) -> PairScore:
    claim, fact, fact_time = cc.claim, fc.fact, fc.time
    ps = PairScore(fact, fact_time=fact_time, compared_time=fact_time, deadlines=cc.deadline and fc.deadline,
                   remote=cc.remote | fc.remote, far=cc.far, newest_cell=fc.newest)
    ps.context, ps.local, ps.near = dice(cc.sentence, fc.sentence), dice(cc.local, fc.local), dice(cc.near, fc.near)
    for name in FRAME:
        ps.status[name] = frame_status(name, claim, fact, lex)
    for name in NAMED:
        if ps.status[name] == "differ" and named_across(name, cc, fc):
            ps.status[name] = "unknown"
    ps.status["occurrence"] = occurrence_status(cc.occurrence, fc.occurrence)
    if fc.row:  # a table cell (only then is there a row to name in the trace)
        ps.status["row"] = row_status(cc, fc)
    ps.status["count"] = count_status(claim, fact)
    ps.status["base"] = date_status(claim.base, fact.base)[0]  # unknown unless both name a base
    ps.status["date"], ps.implicit_date = date_status(cc.time, fact_time, cc.exact_date, fc.exact_date)
    ps.apart = (ps.status["date"] == "unknown" and cc.time is not None and cc.time.anchor == "implicit"
                and fact_time is not None and fact_time.anchor != "implicit")
    if ps.status["date"] == "differ" and (cc.starting or fc.starting):
        ps.status["date"] = "unknown"  # the starting level's time: it may confirm the level reached, never accuse it
    deadline_act = act_window(cc.time) if cc.deadline and not fc.deadline else None
    if cc.deadline != fc.deadline:
        _compare_acts(cc, fc, ps, deadline_act)
    ps.ordinal_pair = _ordinal(claim) and _ordinal(fact) and bool(cc.occurrence) and bool(fc.occurrence)
    ps.loose_date = ps.status["date"] == "agree" and _loose(cc.time, cc.exact_date, ps.compared_time, fc.exact_date)
    if ps.loose_date and weekdays_differ(cc.time, cc.exact_date, ps.compared_time, fc.exact_date):
        ps.status["date"], ps.loose_date = "differ", False
        ps.weekday = weekday_of(ps.compared_time, fc.exact_date)
    ps.identity = _identity(ps, bool(cc.role) and cc.role == fc.role)
    ps.constraints = _constraints(cc, fc, ps)
    t = claim.time  # the paragraph is about another year: another episode (no value mismatch)
    ps.other_period = (t is not None and t.inherited and t.start < claim.sentence_start
                       and fact_time is not None and not t.overlaps(fact_time))
    ps.same_day = _same_day(cc, ps)
    if _ordinal(claim) and ps.status["count"] == "differ" and not ps.same_day:
        ps.other_period = ps.other_occurrence = True  # "zum ersten Mal" is not "zum zweiten Mal"
    if deadline_act is not None and fact_time is not None:
        ps.other_period = ps.other_period or not deadline_act.overlaps(fact_time)
    return ps


def _compare_acts(cc: ClaimContext, fc: FactContext, ps: PairScore, deadline_act: Optional[TimeSpan]) -> None:
    """A deadline and the time of an act are not comparable. The act of a deadline fact happened
    at the other time its sentence states, when that decides something, else in the source's
    period (its implicit time); the act of a claim dated only by a deadline happened in the months
    before it. A claim time that compares with nothing stays unknown."""
    if fc.stated_act is not None and not cc.deadline:
        status = date_status(cc.time, fc.stated_act, cc.exact_date, fc.exact_date)
        if status[0] != "unknown":
            ps.compared_time = fc.stated_act
            ps.status["date"], ps.implicit_date = status
            return
    if cc.deadline or ps.status["date"] != "unknown":
        ps.compared_time = fc.act_time if not cc.deadline else fc.time
        ps.status["date"], ps.implicit_date = _deadline_status(cc, fc, ps.compared_time, deadline_act)


def _deadline_status(cc: ClaimContext, fc: FactContext, fact_time: Optional[TimeSpan],
                     deadline_act: Optional[TimeSpan]) -> tuple[Status, bool]:
    """A fact dated only by a deadline against the claim's act: compared as implicit times; a
    claim dated only by a deadline: its act window agrees weakly with a fact inside it."""
    if not cc.deadline:
        return date_status(cc.time, fact_time, cc.exact_date, fc.exact_date)
    if deadline_act is None or fact_time is None or cc.claim.kind == "date":
        return "unknown", False  # a deadline that is the claim's value is compared with deadlines only
    return ("agree", True) if deadline_act.overlaps(fact_time) else ("unknown", False)


def _loose(t: Optional[TimeSpan], t_exact: bool, f: Optional[TimeSpan], f_exact: bool) -> bool:
    """One side is a weekday or "heute" of a document dated only by its month: it agrees with
    any day of about that month (``times._widened``), so the agreement attests no day."""
    return any(x is not None and relative(x) and not exact for x, exact in ((t, t_exact), (f, f_exact)))


def _identity(ps: PairScore, same_role: bool = False) -> float:
    """``same_role``: both numbers name the same quantity of an event by a role word ("auf 455")."""
    score = cfg.W_CONTEXT * ps.context + cfg.W_LOCAL * ps.local + cfg.W_NEAR * ps.near
    if same_role:
        score += cfg.ROLE_AGREE
    if ps.status.get("row") == "agree":
        score += cfg.ROW_AGREE
    for name in FRAME:
        if ps.status[name] == "agree":
            score += cfg.SLOT_AGREE[name]
        elif ps.status[name] == "differ" and name not in ps.remote:  # another clause's party proves nothing
            score -= cfg.SLOT_DIFFER[name]
    if ps.status["date"] == "agree" and ps.implicit_date:
        score += cfg.IMPLICIT_TIME_AGREE
    if ps.status["occurrence"] == "agree" or ps.ordinal_pair:
        score += cfg.OCCURRENCE_AGREE  # an ordinal's occurrence is its value: any two ordinals name a series
    return max(0.0, min(1.0, score))


def _constraints(cc: ClaimContext, fc: FactContext, ps: PairScore) -> list[str]:
    """Hard reasons why the pair cannot be the same statement (named in the trace)."""
    claim, fact = cc.claim, fc.fact
    out = []
    if ps.status["event"] == "differ":
        out.append("event")
    if ps.status["noun"] == "differ":
        out.append("noun")
    if ps.status["occurrence"] == "differ" and not (_ordinal(claim) and _ordinal(fact)):
        out.append("occurrence")  # "am 27. März zum ersten Mal" is not "zum zweiten Mal am Donnerstag"
    if claim.quantity is not None and fact.quantity is not None:
        if _ordinal(claim) != _ordinal(fact):
            out.append("ordinal")  # "die zweite Runde" is no count of two
        strict = ps.status["count"] != "agree" and not _level_at_its_time(cc, fc, ps)  # a wrong number must be the same quantity
        if not roles_compatible(cc.role, fc.role, strict) and fc.fact.provenance.cell is None:  # a cell is a level and a change alike
            out.append("role")  # "auf 455" (level reached) is not "755" (the cut)
        if cc.offset != fc.offset:
            out.append("offset")  # "zwei Tage vor …" is a distance in time, not a duration
    if _another_counts_date(claim, fc):
        out.append("dated_count")  # "9 … bis zum 20. März" is not accused by the 15 March of the source's 12
    if ps.status.get("row") == "differ":
        out.append("row")  # a table cell is about its row: "Waren" is not "die Inflationsrate"
    if _after_document(cc, fc.time) and not fc.deadline:
        out.append("future")  # the draft was written before the fact happened
    return out


def _another_counts_date(claim: Claim, fc: FactContext) -> bool:
    """The fact is the date of other counts of its sentence than the claim's count."""
    q = claim.quantity
    return (bool(fc.dates_counts) and q is not None and q.value is not None and not _ordinal(claim)
            and q.value not in fc.dates_counts)


def _level_at_its_time(cc: ClaimContext, fc: FactContext, ps: PairScore) -> bool:
    """A claim that names no role may be a level of a from-to pair ("von 1.200 Anfang 2017 auf
    120") when both state the same time for it ("Anfang 2017 waren es 1.300"): the time says
    which of the two levels it is. Implicit times and deadlines state no such time."""
    return (cc.role == "" and fc.role in ("from", "to") and ps.status["date"] == "agree"
            and not ps.implicit_date and not (cc.deadline or fc.deadline)
            and cc.time is not None and not cc.time.inherited)


def _after_document(cc: ClaimContext, fact_time: Optional[TimeSpan]) -> bool:
    if cc.document_date is None or fact_time is None or fact_time.anchor == "implicit":
        return False
    stated = cc.claim.time is not None and cc.claim.time.overlaps(fact_time)
    return fact_time.first > month_end(cc.document_date) and not stated


def _same_day(cc: ClaimContext, ps: PairScore) -> bool:
    """Both state the day of the occurrence and it is the same: "am 27. Februar zum dritten
    Mal" against "am 27. Februar zum zweiten Mal" is one meeting with a wrong ordinal, not
    another meeting. A weekday of a month-precise document counts when both name it."""
    t, f = cc.claim.time, ps.compared_time
    if ps.status["date"] != "agree" or ps.implicit_date or t is None or f is None:
        return False
    if t.inherited and (t.start < cc.claim.sentence_start or cc.time_far):
        return False  # another statement's day (a day borrowed from a date of its own clause counts)
    if t.granularity != "day" or f.granularity != "day":
        return False
    return not ps.loose_date or (t.weekday is not None and t.weekday == f.weekday)


def _ordinal(c: Claim) -> bool:
    return c.quantity is not None and c.quantity.unit == ORDINAL


def exact_same(claim: Claim, fact: Fact) -> bool:
    """The same exact number on both sides (or no number on either)."""
    q, f = claim.quantity, fact.quantity
    if q is None or f is None:
        return q is None and f is None
    return q.exact and f.exact and q.value == f.value


def exact_specific(claim: Claim, fact: Fact) -> bool:
    """The same exact number, and one unlikely to recur by chance (755, 35; not 2, 60, 1000)."""
    if claim.quantity is None or not exact_same(claim, fact):
        return False
    value = claim.quantity.value or 0
    return value > cfg.SPECIFIC_NUMBER and value % 10 != 0


def is_vague(q: Optional[Quantity]) -> bool:
    return q is not None and not q.exact
