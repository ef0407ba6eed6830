"""The decision trace of a claim in words an editor can read (``check --explain``)."""
from __future__ import annotations

from claimcheck.models import ClaimReport
from claimcheck.render.words import SLOT_LABELS

STATUS = {"agree": "=", "differ": "≠", "unknown": "?"}
ANCHOR = {"stated": "genannt", "inherited": "aus dem Kontext", "implicit": "Dokumentdatum (nicht genannt)",
          "none": "keine"}
CONSTRAINT = {"event": "anderes Ereignis", "noun": "anderes Gezähltes", "role": "andere Größe (auf/um/von)",
              "offset": "Zeitabstand statt Dauer", "future": "Fakt liegt nach dem Dokumentdatum",
              "ordinal": "Ordnungszahl gegen Anzahl", "kind": "andere Art"}


def explain_lines(item: ClaimReport) -> list[str]:
    exp = item.explanation
    if exp is None:
        return []
    lines = [f"Entscheidung: {exp.decided_by}; Konfidenz {item.confidence:.2f}",
             f"Zeitbezug: {ANCHOR.get(exp.time_anchor or 'none', exp.time_anchor)}"
             + ("" if exp.checkworthy else "; allein nicht prüfwürdig")]
    for c in exp.candidates:
        slots = " ".join(f"{SLOT_LABELS[k]}{STATUS[v]}" for k, v in c.slots.items() if v != "unknown")
        blocked = f"; ausgeschlossen: {', '.join(CONSTRAINT.get(x, x) for x in c.constraints)}" if c.constraints else ""
        lines.append(f"Kandidat {c.fact_id}: Identität {c.identity:.2f} (Kontext {c.context:.2f}) {slots}{blocked}")
    return lines
