"""The decision trace of a claim in words an editor can read (``check --explain``)."""
from __future__ import annotations

from claimcheck.lang import message, pack
from claimcheck.models import ClaimReport
from claimcheck.render.words import SLOT_LABELS

STATUS = {"agree": "=", "differ": "≠", "unknown": "?"}
ANCHOR: dict[str, str] = pack().messages.anchors
CONSTRAINT: dict[str, str] = pack().messages.constraints


def explain_lines(item: ClaimReport) -> list[str]:
    exp = item.explanation
    if exp is None:
        return []
    anchor = ANCHOR.get(exp.time_anchor or "none", exp.time_anchor)
    lines = [message("explain.decision", decided_by=exp.decided_by, confidence=item.confidence),
             message("explain.anchor", anchor=anchor)
             + ("" if exp.checkworthy else message("explain.not_checkworthy"))]
    for c in exp.candidates:
        slots = " ".join(f"{SLOT_LABELS[k]}{STATUS[v]}" for k, v in c.slots.items() if v != "unknown")
        blocked = message("explain.excluded", constraints=", ".join(CONSTRAINT.get(x, x) for x in c.constraints)
                          ) if c.constraints else ""
        lines.append(message("explain.candidate", fact_id=c.fact_id, identity=c.identity, context=c.context,
                             slots=slots, blocked=blocked))
    return lines
