"""Turn alignment outcomes into the public ``ClaimReport`` records, with German messages."""
from __future__ import annotations

from typing import Optional, Sequence

from claimcheck.align.engine import Outcome, align_claim, prefer_unused
from claimcheck.align.lines import line_column
from claimcheck.align.slots import SlotComparison, sentence_of
from claimcheck.models import Claim, ClaimReport, Fact, Mismatch, Report, Summary
from claimcheck.nlp.lexicon import Lexicon

FIELD_NAMES = {"count": "Zahl", "date": "Datum", "actor": "Akteur", "place": "Ort",
               "person": "Person", "noun": "Gezähltes", "target": "Betroffene", "event": "Ereignis"}
RULES = {"supported": "CC100", "mismatch": "CC200", "unverified": "CC300"}


def build_report(text: str, claims: Sequence[Claim], facts: Sequence[Fact], lex: Lexicon, *,
                 source: str, document_date: Optional[str], reference: Optional[str]) -> Report:
    outcomes = [align_claim(c, text, facts, lex) for c in claims]
    used = {o.comparison.fact.id for o in outcomes if o.verdict == "supported" and o.comparison}
    outcomes = [prefer_unused(o, used) for o in outcomes]
    items = [claim_report(text, c, o, lex) for c, o in zip(claims, outcomes)]
    summary = Summary(claims=len(items))
    for item in items:
        setattr(summary, item.verdict, getattr(summary, item.verdict) + 1)
        summary.warnings += len(item.warnings)
    return Report(source=source, document_date=document_date, reference=reference,
                  claims=items, summary=summary)


def claim_report(text: str, claim: Claim, out: Outcome, lex: Lexicon) -> ClaimReport:
    line, column = line_column(text, claim.start)
    base = dict(start=claim.start, end=claim.end, text=claim.text, verdict=out.verdict, line=line,
                column=column, sentence=sentence_of(text, claim), claim=claim)
    if out.negated:
        return ClaimReport(**base, rule="CC310", severity="info",
                           message=f"Verneinte Angabe: „{claim.text}“ – nicht gegen die Quelle geprüft.")
    if out.comparison is None:
        return ClaimReport(**base, rule=RULES["unverified"], severity="info",
                           message=f"Nicht prüfbar: „{claim.text}“ – die Quelle sagt dazu nichts.")
    fact = out.comparison.fact
    mismatches = [m for m in (_mismatch(claim, fact, f, lex) for f in out.fields) if m]
    warnings = _warnings(out.comparison, fact)
    severity = "info" if out.verdict == "supported" else (
        "warning" if all(m.field == "noun" for m in mismatches) else "error")
    return ClaimReport(
        **base, fact_id=fact.id, mismatches=mismatches, rule=RULES[out.verdict], severity=severity,
        message=_message(claim, fact, mismatches, lex), evidence=fact.provenance.sentence,
        correction=_correction(claim, mismatches, text), warnings=warnings,
        alternatives=[_alternative(c, lex) for c in out.alternatives])


def _mismatch(claim: Claim, fact: Fact, field: str, lex: Lexicon) -> Optional[Mismatch]:
    found, expected = claim.slot(field), fact.slot(field)
    if found is None or expected is None:
        return None
    return Mismatch(field=field, start=found.start, end=found.end, found=found.text,
                    expected=_expected_label(fact, field, lex))


def _expected_label(fact: Fact, field: str, lex: Lexicon) -> str:
    if field == "count":
        return fact.quantity.label()
    if field == "date":
        return fact.time.text
    if field == "actor":
        return lex.actor_labels.get(fact.actor.value, fact.actor.text)
    return fact.slot(field).text


def _context(fact: Fact, lex: Lexicon) -> str:
    parts = []
    if fact.time is not None:
        parts.append(fact.time.text)
    if fact.event is not None:
        label = lex.event_labels.get(fact.event.value, fact.event.value)
        actor = f" durch {lex.actor_labels.get(fact.actor.value, fact.actor.text)}" if fact.actor else ""
        parts.append(label + actor)
    return ", ".join(parts)


def _message(claim: Claim, fact: Fact, mismatches: list[Mismatch], lex: Lexicon) -> str:
    ctx = _context(fact, lex)
    if not mismatches:
        return f"Bestätigt: „{claim.text}“ – Quelle: {fact.provenance.sentence.strip()}"
    parts = [f"{FIELD_NAMES[m.field]} weicht ab: „{_shown(claim, m)}“ – Quelle nennt {m.expected}"
             for m in mismatches]
    return "; ".join(parts) + (f" ({ctx})." if ctx else ".")


def _shown(claim: Claim, m: Mismatch) -> str:
    """The wrong count with its noun ("45 Diplomaten"); other slots as found."""
    return claim.text if m.field == "count" and claim.start <= m.start < claim.end else m.found


def _correction(claim: Claim, mismatches: list[Mismatch], text: str) -> Optional[str]:
    """The claim's sentence with every wrong expression replaced by the source's value."""
    if not mismatches:
        return None
    start, end = claim.sentence_start, claim.sentence_end
    sentence = text[start:end]
    for m in sorted(mismatches, key=lambda m: m.start, reverse=True):
        if start <= m.start and m.end <= end:
            sentence = sentence[:m.start - start] + m.expected + sentence[m.end - start:]
    return sentence.strip()


def _warnings(c: SlotComparison, fact: Fact) -> list[str]:
    if c.imprecise:
        return [f"Ungenauer als die Quelle: dort steht {fact.quantity.label()}."]
    return []


def _alternative(c: SlotComparison, lex: Lexicon) -> str:
    fact = c.fact
    what = f"{fact.quantity.label()} " if fact.quantity else ""
    noun = fact.noun.text if fact.noun else ""
    return f"Oder gemeint: {what}{noun} ({_context(fact, lex)}) – Quelle: {fact.provenance.sentence.strip()}"
