"""The verdict of one claim from its scored readings (precision first): supported, mismatch, or
unverified, with the rule or threshold that decided (``config.py`` holds every threshold).

- supported: the values agree and identity >= SUPPORT (a supported reading within
  PREFER_SUPPORTED of the best mismatch reading wins: in doubt, no alarm);
- mismatch: exactly one value (count or date) differs and identity clears the threshold for
  the evidence at hand; or a side slot (actor, place, person) differs on a clearly identified
  statement; or the same exact number and time with another counted noun (a warning);
- unverified: anything else, with the reason in the trace.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from claimcheck.align import config as cfg
from claimcheck.align.readings import attested, other_column, prefer_slip
from claimcheck.align.score import KEYS, PairScore, exact_same, exact_specific, is_vague
from claimcheck.lang import message
from claimcheck.models import Claim
from claimcheck.render.words import SLOT_LABELS

SIDE = ("actor", "place", "person")
SUPPORTED_SLOTS = (*SIDE, "target", "base")  # what a reading with agreeing values may still have wrong


@dataclass
class Decision:
    verdict: str
    best: Optional[PairScore] = None
    fields: list[str] = field(default_factory=list)  # slots reported as wrong
    warnings: list[str] = field(default_factory=list)  # slots that differ without a mismatch
    alternatives: list[PairScore] = field(default_factory=list)
    ranked: list[PairScore] = field(default_factory=list)  # mismatch readings, best first
    considered: list[PairScore] = field(default_factory=list)
    confidence: float = 0.0
    reason: str = ""
    checkworthy: bool = True
    negated: bool = False


def verdict(claim: Claim, pairs: list[PairScore], worthy: bool, derived: Optional[str] = None,
            anchored: frozenset[tuple[str, int]] = frozenset()) -> Decision:
    """``derived``: the claim's count is a sum or difference of two source counts (derived.py);
    ``anchored``: the source sentences (source, start) that another claim of the claim's
    sentence is confirmed by (``assign.anchored_days``)."""
    eligible = [p for p in pairs if not p.constraints]
    def floor(p: PairScore) -> float:  # a deadline against a deadline is an ordinary statement …
        return 0.0 if worthy or p.deadlines or _same_persons_day(p) or _anchored(p, anchored) else cfg.CHECKWORTHY_MIN

    supported = [p for p in eligible if _values_agree(claim, p) and p.identity >= max(cfg.SUPPORT, floor(p))]
    is_attested = attested(claim, eligible)
    def other_quantity(p: PairScore) -> bool:  # the count is another quantity, not a wrong one …
        return p.differ(*KEYS) == ["count"] and (  # … unless a typo of it, where the combination may be chance
            is_attested or derived == "sentence" or (derived == "source" and not p.slip))
    mismatches = [p for p in eligible if _mismatch_ok(claim, p, floor(p), worthy and _anchored(p, anchored))
                  and not other_quantity(p)]
    readings = [p for p in eligible if _one_value_off(p) and p.identity >= max(cfg.SUPPORT, floor(p))
                and (p.fact.kind == claim.kind or p in mismatches) and not other_quantity(p)]
    base: dict[str, Any] = dict(considered=pairs[:cfg.MAX_TRACE], checkworthy=worthy)
    best_s = supported[0] if supported else None
    best_m = other_column(prefer_slip(claim, mismatches), [*readings, *(p for p in mismatches if p not in readings)])
    margin = cfg.PREFER_SUPPORTED_VAGUE if is_vague(claim.quantity) else cfg.PREFER_SUPPORTED
    if best_s is not None and (best_m is None or best_s.identity + margin >= best_m.identity):
        decision = _supported(claim, supported, base)
        day = _day_unconfirmed(claim, decision, eligible)
        return mismatch_decision(day, [day], base) if day is not None else decision
    if best_m is not None:
        return mismatch_decision(best_m, readings, base)
    rescue = next((p for p in pairs if _rescue(claim, p)), None)
    if rescue is not None:
        return _rescued(rescue, base)
    return Decision("unverified", reason=_why_not(pairs, worthy), **base)


def _day_unconfirmed(claim: Claim, decision: Decision, eligible: list[PairScore]) -> Optional[PairScore]:
    """A count confirmed by a fact that states no time of its own (its agreement with the
    claim's stated day is only through the source's date) leaves that day unchecked. The source
    may state the day of the same statement in another sentence, as a date-only fact ("das
    sagte der Minister am Dienstag im Rundfunk"): a slip of that day is wrong ("am Mittwoch"),
    judged as a date claim would be. A date fact that agrees with the day wins."""
    best, t = decision.best, claim.time
    if (decision.verdict != "supported" or best is None or not best.implicit_date or claim.kind != "count"
            or t is None or t.inherited or t.anchor == "implicit"):
        return None
    dated = [p for p in eligible if p.fact.kind == "date" and p.status["event"] != "differ"]
    if any(p.status["date"] == "agree" and p.identity >= cfg.SUPPORT for p in dated):
        return None
    slips = [p for p in dated if p.slip and p.differ(*KEYS) == ["date"] and _one_value_off(p)
             and p.identity >= mismatch_threshold(claim, p, 0.0, kind="date")]
    return slips[0] if slips else None


def _values_agree(claim: Claim, p: PairScore) -> bool:
    """No value differs, one agrees, and a count claim's count is among them (a date-only fact
    confirms no number)."""
    if claim.kind == "count" and p.status["count"] != "agree":
        return False
    return not p.differ(*KEYS) and bool(p.agree(*KEYS))


def _firm_other(p: PairScore) -> bool:
    """The value that does not differ agrees and is stated on both sides (not implicit)."""
    differ = p.differ(*KEYS)
    if len(differ) != 1:
        return False
    other = "date" if differ[0] == "count" else "count"
    return p.status[other] == "agree" and not (other == "date" and p.implicit_date)


def mismatch_threshold(claim: Claim, p: PairScore, floor: float, kind: Optional[str] = None) -> float:
    """``kind``: the claim judged as a claim of this kind (``_day_unconfirmed``: its day as a date claim)."""
    differ = p.differ(*KEYS)[0]
    t = cfg.MISMATCH if _firm_other(p) else cfg.MISMATCH_ONE_KEY
    if p.implicit_date and p.status["date"] == "agree":
        t += cfg.IMPLICIT_TIME_AGREE  # an implicit time may help to confirm, never to accuse
    if differ == "date" and p.implicit_date:
        specific = p.status["count"] == "agree" and exact_specific(claim, p.fact)
        t = max(t, cfg.MISMATCH_IMPLICIT_SPECIFIC if specific else cfg.MISMATCH_IMPLICIT)
    if differ == "count" and is_vague(claim.quantity):
        t = max(t, cfg.MISMATCH_VAGUE)
    if (kind or claim.kind) != p.fact.kind and not _same_deadline(p):  # a date-only statement against a count (or the reverse)
        t = max(t, cfg.MISMATCH_OTHER_KIND)
    if p.slip:  # 45 for 35, 2015 for 2016: the shape of the difference is evidence of a typo
        t = max(cfg.SLIP_MIN, t - cfg.SLIP_BONUS)
    return max(t, floor)


def _same_persons_day(p: PairScore) -> bool:
    """… and so is a weekday against another weekday of the same named person's act
    ("Baerbock traf ihn am Donnerstag" against "Am Freitag traf sich Baerbock mit …"): the day of
    that act is what both state. (A weekday of another party's act is no such statement, nor is
    one whose person is named beyond a dash or semicolon: "… nach Putins Worten – mehr, als das
    Außenamt am Freitag genannt hatte".)"""
    return (p.weekday is not None and p.status["event"] != "differ" and p.status["person"] == "agree"
            and "person" not in p.far)


def _anchored(p: PairScore, anchored: frozenset[tuple[str, int]]) -> bool:
    """… and so is a weekday of a sentence whose number the fact's source sentence confirms
    ("Am Samstag machte der Kremlchef öffentlich, dass 755 …" against "Putin hat am Sonntag
    bekannt gegeben, dass 755 …"): the statement is identified, its day is what both state."""
    prov = p.fact.provenance
    return (prov.source, prov.sentence_start) in anchored


def _same_deadline(p: PairScore) -> bool:
    """A deadline against the deadline of a fact of the same event ("bis zum 31. Mai müssen sie
    ausreisen" against "dass 14 Diplomaten das Land bis zum 31. März verlassen müssen"): the
    date is what both state, whatever else the fact counts."""
    return p.deadlines and (p.status["event"] == "agree" or (
        p.status["event"] == "unknown" and bool(p.agree("target", "person"))))


def _one_value_off(p: PairScore) -> bool:
    """Exactly one value differs, by the same parties, in the fact's period: another state's
    expulsion with another number is another episode, not a wrong one."""
    return len(p.differ(*KEYS)) == 1 and not p.other_period and not [
        s for s in p.differ("actor", "target") if s not in p.remote]


def _mismatch_ok(claim: Claim, p: PairScore, floor: float, anchored: bool = False) -> bool:
    """One value off on a statement identified well enough. A fact whose source sentence
    confirms another claim of the claim's sentence (``anchored``) is judged as a statement of
    the claim's own kind: the date of "Ende 2015, als … 35 Diplomaten auswies" against the fact
    of the 35 that the count confirms."""
    kind = p.fact.kind if anchored else None
    return _one_value_off(p) and p.identity >= mismatch_threshold(claim, p, floor, kind)


def _supported(claim: Claim, supported: list[PairScore], base: dict) -> Decision:
    """The best agreeing reading; if it names another actor, place or person, that slot is
    wrong when the statement is identified well enough, else a reading without such a
    difference is taken, else the claim stays unverified (another party's episode)."""
    best = supported[0]
    side = [s for s in best.differ(*SUPPORTED_SLOTS) if s not in best.remote]  # another clause's party proves nothing
    clean = [p for p in supported if not p.differ(*SUPPORTED_SLOTS)]
    mirror = next((p for p in clean if set(p.agree(*KEYS)) >= set(best.agree(*KEYS))), None)
    if side and mirror is not None:
        side, best = [], mirror  # another fact states the same values with these parties: the mirror act ("ebenso viele")
    if side:
        both = best.agree(*KEYS) == list(KEYS) and not best.implicit_date and exact_same(claim, best.fact)
        if best.identity >= (cfg.SIDE_SLOT_BOTH_KEYS if both else cfg.SIDE_SLOT_MISMATCH):
            return Decision("mismatch", best, side, confidence=best.identity, ranked=[best],
                            reason=message("align.side_differs", slots=_names(side), identity=best.identity), **base)
        if not clean:
            return Decision("unverified", reason=message("align.side_weak", fact_id=best.fact.id,
                                                         slots=_names(side), identity=best.identity), **base)
        best = clean[0]
    return Decision("supported", best, [], confidence=best.identity,
                    reason=message("align.supported", identity=best.identity, threshold=cfg.SUPPORT), **base)


def mismatch_decision(best: PairScore, ranked: list[PairScore], base: dict) -> Decision:
    """A mismatch against ``best``; ``ranked`` holds every plausible one-value-off reading, best
    first: those that blame another key slot are offered too."""
    others = [p for p in ranked if p is not best and p.differ(*KEYS) != best.differ(*KEYS)]
    close = [p for p in ranked if p is not best and best.identity - p.identity < cfg.AMBIGUOUS
             and p.fact.id != best.fact.id]
    confidence = best.identity - (cfg.AMBIGUOUS if close else 0.0) + (cfg.FIRM_OTHER if _firm_other(best) else 0.0)
    fields = best.differ(*KEYS) + [s for s in best.differ(*SIDE) if s not in best.remote]
    return Decision("mismatch", best, fields, alternatives=others, ranked=ranked, confidence=confidence,
                    reason=message("align.differs", slots=_names(fields[:1]), identity=best.identity), **base)


def _rescue(claim: Claim, p: PairScore) -> bool:
    """The same exact, specific number at the same time, by the same parties, told with another
    event or counted noun ("755 Diplomaten ausweisen" for "755 Mitarbeiter abbauen")."""
    if not set(p.constraints) <= {"event", "noun"} or not p.constraints:
        return False
    if p.status["date"] != "agree" or p.differ("actor", "target", "person"):
        return False
    return exact_specific(claim, p.fact) and bool(p.agree("actor", "target", "person"))


def _rescued(p: PairScore, base: dict) -> Decision:
    """Supported, with the differing event or counted noun as a warning ("755 Diplomaten" for
    "755 Mitarbeiter" is imprecise wording, not a wrong number)."""
    return Decision("supported", p, [], list(p.constraints), confidence=p.identity,
                    reason=message("align.rescued"), **base)


def _why_not(pairs: list[PairScore], worthy: bool) -> str:
    if not pairs:
        return message("align.no_candidate")
    best = pairs[0]
    if best.constraints:
        return message("align.excluded", fact_id=best.fact.id, constraints=", ".join(best.constraints))
    if not worthy:
        return message("align.not_checkworthy")
    if best.other_period and _values_differ(best):
        key = "align.other_occurrence" if best.other_occurrence else "align.other_period"
        return message(key, fact_id=best.fact.id)
    return message("align.below_threshold", identity=best.identity)



def _values_differ(p: PairScore) -> bool:
    return bool(p.differ(*KEYS))


def _names(slots: list[str]) -> str:
    return "/".join(SLOT_LABELS.get(s, s) for s in slots)
