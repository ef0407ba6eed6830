"""One German vocabulary for every output (text, HTML, batch): verdict words and counts."""
from __future__ import annotations

from claimcheck.models import Summary

# verdict -> (singular, plural); "bestätigt" is used everywhere (never "belegt")
WORDS = {"supported": ("bestätigt", "bestätigt"), "mismatch": ("Abweichung", "Abweichungen"),
         "unverified": ("nicht prüfbar", "nicht prüfbar"), "suppressed": ("unterdrückt", "unterdrückt"),
         "claims": ("Angabe", "Angaben"), "files": ("Datei", "Dateien"), "errors": ("Fehler", "Fehler")}
LEGEND = ("Legende: 4:36 = Zeile:Spalte der Angabe; [CC200] = Regel des Befunds; »…« = die "
          "geprüfte Angabe im Satz; Fingerabdruck = Kennung für .claimcheck-ignore.")
RULES = ("Regeln: CC100 bestätigt, CC200 Abweichung, CC300 nicht prüfbar (die Quelle sagt dazu "
         "nichts), CC310 verneinte Angabe (nicht geprüft).")
HEADLINE = {"supported": "BESTÄTIGT", "mismatch": "ABWEICHUNG", "unverified": "NICHT PRÜFBAR"}
# slot of a claim -> its German name (messages, trace, HTML notes, LanguageTool matches)
SLOT_LABELS = {"count": "Zahl", "date": "Datum", "event": "Ereignis", "noun": "Gezähltes", "actor": "Akteur",
               "target": "Betroffene", "place": "Ort", "person": "Person"}


def counted(n: int, word: str) -> str:
    """``1 Abweichung``, ``2 Abweichungen``, ``0 Angaben``."""
    one, many = WORDS[word]
    return f"{n} {one if n == 1 else many}"


def label(verdict: str) -> str:
    return WORDS.get(verdict, (verdict, verdict))[0]


def summary_phrase(s: Summary, hidden: tuple[str, ...] = ()) -> str:
    """``9 Angaben: 2 Abweichungen, 5 bestätigt, 2 nicht prüfbar`` (+ suppressed, + hidden)."""
    parts = [counted(getattr(s, v), v) for v in ("mismatch", "supported", "unverified")
             if v not in hidden]
    if s.suppressed:
        parts.append(counted(s.suppressed, "suppressed"))
    n_hidden = sum(getattr(s, v) for v in hidden)
    if n_hidden:
        parts.append(f"{n_hidden} weitere ausgeblendet (--show)")
    return f"{counted(s.claims, 'claims')}: {', '.join(parts)}"
