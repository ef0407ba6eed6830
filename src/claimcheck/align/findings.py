"""Turn alignment outcomes into the public ``ClaimReport`` records, with the pack's messages
(``lang/de/messages.yaml``, section ``findings``)."""
from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Optional, Sequence

from claimcheck.align.assign import (anchored_days, confirmations, one_accused, one_holder, prefer_unused, stated_days,
                                     stated_lent,
                                     taken_in_sentence)
from claimcheck.align.engine import Aligner
from claimcheck.align.fixes import correction, in_drafts_words, other_unit, replacements, resolved
from claimcheck.align.verdict import Decision
from claimcheck.align.lines import line_column
from claimcheck.align.context import align_data
from claimcheck.lang import message
from claimcheck.lang.timelabel import weekday_name
from claimcheck.align.score import PairScore
from claimcheck.models import (CandidateTrace, Claim, ClaimReport, Explanation, Fact, Mismatch,
                               Report, Summary)
from claimcheck.nlp.lexicon import Lexicon
from claimcheck.nlp.numbers.ordinals import UNIT as ORDINAL, inflected_like
from claimcheck.render.words import SLOT_LABELS

RULES = {"supported": "CC100", "mismatch": "CC200", "unverified": "CC300"}


def build_report(text: str, claims: Sequence[Claim], aligner: Aligner, *, source: str,
                 document_date: Optional[str], reference: Optional[str],
                 document_day: Optional[date] = None, document_exact: bool = False) -> Report:
    decisions = [aligner.decide(text, c, document_day, document_exact) for c in claims]
    def without(c: Claim, held: frozenset[str]) -> Decision:  # decided again without the facts others hold
        return aligner.decide(text, c, document_day, document_exact, exclude=held)

    decisions = one_holder(text, claims, decisions, without)
    used = {d.best.fact.id for d in decisions if d.verdict == "supported" and d.best}
    decisions = [prefer_unused(d, used) for d in decisions]
    confirmed = confirmations(claims, decisions)
    decisions = anchored_days(claims, decisions, lambda c, anchored: aligner.decide(
        text, c, document_day, document_exact, anchored=anchored))
    closed = aligner.lex.closed
    decisions = stated_lent(claims, decisions, lambda c: aligner.decide(text, c, document_day, document_exact),
                            lambda t: closed.dates_noun(text, t.start))
    decisions = one_accused(claims, decisions, without)
    days = stated_days(claims, decisions)
    decisions = [taken_in_sentence(c, d, confirmed, days) for c, d in zip(claims, decisions)]
    items = _once([claim_report(text, c, d, aligner.lex) for c, d in zip(claims, decisions)])
    counts: Counter[str] = Counter(item.verdict for item in items)  # one Summary, not an assignment per claim
    summary = Summary(claims=len(items), warnings=sum(len(item.warnings) for item in items), **counts)
    return Report(source=source, document_date=document_date, reference=reference,
                  claims=items, summary=summary)


def _once(items: list[ClaimReport]) -> list[ClaimReport]:
    """A wrong expression is reported once: of the claims of a clause that call the same
    expression wrong ("2019, in Trumps erster Amtszeit, …": the year is the ordinal's time
    too), the one nearest to it reports it, the surest of equally near ones; the others are
    marked as already reported ("die zweite Gruppe mit 9 Beamten … bis zum 20. Juli": the count
    next to the date corrects it, not the ordinal)."""
    best: dict[tuple[str, int, int], int] = {}
    def rank(i: int, key: tuple[str, int, int]) -> tuple[int, float]:  # the nearest claim first, then the surest
        c = items[i].claim
        gap = max(0, key[1] - c.end, c.start - key[2]) if c is not None else 0
        return -gap, items[i].confidence
    for i, item in enumerate(items):
        for key in ((m.field, m.start, m.end) for m in item.mismatches) if item.verdict == "mismatch" else ():
            if key not in best or rank(i, key) > rank(best[key], key):
                best[key] = i
    out = []
    for i, item in enumerate(items):
        keys = {(m.field, m.start, m.end) for m in item.mismatches}
        if item.verdict == "mismatch" and keys and all(best[k] != i for k in keys):
            item = item.model_copy(update=dict(
                verdict="unverified", rule="CC330", severity="info", mismatches=[], replacements=[],
                correction=None, message=message("findings.already_reported", text=item.text)))
        out.append(item)
    return out


def claim_report(text: str, claim: Claim, d: Decision, lex: Lexicon) -> ClaimReport:
    line, column = line_column(text, claim.start)
    base = dict(start=claim.start, end=claim.end, text=claim.text, verdict=d.verdict, line=line,
                column=column, sentence=text[claim.sentence_start:claim.sentence_end], claim=claim,
                explanation=explain(claim, d), confidence=round(d.confidence, 3))
    if d.negated:
        return ClaimReport(**base, rule="CC310", severity="info",
                           message=message("findings.negated", text=claim.text))
    if d.best is None:
        rule, why = ("CC300", "findings.no_source") if d.checkworthy else ("CC320", "findings.not_checkworthy")
        return ClaimReport(**base, rule=rule, severity="info",
                           message=message("findings.unverified", text=claim.text, why=message(why)))
    fact = d.best.fact
    mismatches = [m for m in (_mismatch(text, claim, d, f, lex) for f in d.fields) if m]
    severity = "info" if d.verdict == "supported" else (
        "warning" if all(m.field == "noun" for m in mismatches) else "error")
    fixes = replacements(claim, mismatches, d)
    return ClaimReport(
        **base, fact_id=fact.id, mismatches=mismatches, rule=RULES[d.verdict], severity=severity,
        message=_message(claim, fact, mismatches, lex), evidence=fact.provenance.sentence,
        correction=correction(claim, fixes, text), replacements=fixes,
        warnings=_warnings(claim, d, lex), alternatives=[_alternative(p, lex) for p in d.alternatives])


def explain(claim: Claim, d: Decision) -> Explanation:
    return Explanation(decided_by=d.reason, checkworthy=d.checkworthy, time_anchor=_anchor(claim),
                       candidates=[_trace(p) for p in d.considered])


def _anchor(claim: Claim) -> str:
    if claim.time is None:
        return "implicit" if claim.kind == "count" else "none"
    return "inherited" if claim.time.inherited else "stated"


def _trace(p: PairScore) -> CandidateTrace:
    return CandidateTrace(fact_id=p.fact.id, identity=round(p.identity, 3), context=round(p.context, 3),
                          slots=dict(p.status), constraints=list(p.constraints))


def _mismatch(text: str, claim: Claim, d: Decision, field: str, lex: Lexicon) -> Optional[Mismatch]:
    if field == "base":  # the comparison base is a date: "gegenüber November 2024" for "Dezember 2024"
        b, fb = claim.base, d.best.fact.base if d.best is not None else None
        if b is None or fb is None:
            return None
        return Mismatch(field="date", start=b.start, end=b.end, found=b.text,
                        expected=fb.label() if resolved(fb) else fb.text)
    found = claim.slot(field)
    expected = _expected_label(claim, d.best, field, lex) if d.best is not None else None
    if found is None or expected is None:
        return None
    if field == "count" and d.best is not None and _other_duration_unit(claim, d.best.fact):
        # "zwei Tage" against "72 Stunden": the amount with its unit on both sides, never "72"
        assert claim.quantity is not None and claim.noun is not None
        start, end = claim.quantity.start, claim.noun.end
        return Mismatch(field=field, start=start, end=end, found=text[start:end], expected=d.best.fact.text)
    return Mismatch(field=field, start=found.start, end=found.end, found=found.text, expected=expected)


def _other_duration_unit(claim: Claim, fact: Fact) -> bool:
    """A duration in another unit ("zwei Tage" against "72 Stunden"): the number alone would
    mislead ("72" for "zwei Tage")."""
    units = align_data().durations
    return other_unit(claim, fact) and claim.noun is not None and fact.noun is not None \
        and claim.noun.value in units and fact.noun.value in units


def _expected_label(claim: Claim, p: PairScore, field: str, lex: Lexicon) -> Optional[str]:
    fact = p.fact
    if field == "count":
        q = fact.quantity
        if q is not None and q.hedge is not None:
            return q.text  # "mehr als drei", never the bare 3: a suggestion keeps the source's hedge
        if q is not None and q.unit == ORDINAL and claim.quantity is not None:
            return inflected_like(q.text, claim.quantity.text)  # "zweite" for "dritte", never "2"
        return (in_drafts_words(claim, q) or q.label()) if q else None
    if field == "date":
        t = p.compared_time
        if t is None:
            return None
        if p.weekday is not None:
            return weekday_name(p.weekday)  # the day itself is uncertain, its weekday is not
        if t.anchor == "implicit":
            return message("findings.implicit_date", label=t.label())
        return t.label() if resolved(t) else t.text
    if field == "actor" and fact.actor is not None:
        return lex.actor_labels.get(fact.actor.value, fact.actor.text)
    slot = fact.slot(field)
    return slot.text if slot is not None else None


def _context(fact: Fact, lex: Lexicon) -> str:
    parts = []
    if fact.time is not None:
        parts.append(fact.time.text)
    if fact.event is not None:
        label = lex.event_labels.get(fact.event.value, fact.event.value)
        actor = message("findings.by_actor", actor=lex.actor_labels.get(fact.actor.value, fact.actor.text)
                        ) if fact.actor else ""
        parts.append(label + actor)
    return ", ".join(parts)


def _message(claim: Claim, fact: Fact, mismatches: list[Mismatch], lex: Lexicon) -> str:
    ctx = _context(fact, lex)
    if not mismatches:
        return message("findings.supported", text=claim.text, evidence=fact.provenance.sentence.strip())
    parts = [message("findings.differs", slot=SLOT_LABELS[m.field], shown=_shown(claim, m), expected=m.expected)
             for m in mismatches]
    return "; ".join(parts) + (message("findings.context", context=ctx) if ctx else ".")


def _shown(claim: Claim, m: Mismatch) -> str:
    """The wrong count with its noun ("45 Diplomaten"); other slots as found."""
    return claim.text if m.field == "count" and claim.start <= m.start < claim.end else m.found


def _warnings(claim: Claim, d: Decision, lex: Lexicon) -> list[str]:
    if d.best is None:
        return []
    fact, out = d.best.fact, []
    q, f = claim.quantity, fact.quantity
    if q is not None and f is not None and f.exact and not q.exact and d.best.status["count"] == "agree":
        out.append(message("findings.imprecise", value=f.label()))
    if d.verdict == "supported" and set(d.warnings) & {"event", "noun"}:
        out.append(message("findings.rephrased", text=fact.text, context=_context(fact, lex)))
    return out


def _alternative(p: PairScore, lex: Lexicon) -> str:
    fact = p.fact
    what = fact.quantity.label() if fact.quantity else ""
    noun = fact.noun.text if fact.noun else (fact.quantity.unit or "") if fact.quantity else ""
    noun = f" {noun}" if noun and what else noun  # "3,4 Prozent (Januar 2024)", "35 Diplomaten (…)"
    return message("findings.alternative", value=what, noun=noun, context=_context(fact, lex),
                   evidence=fact.provenance.sentence.strip())
