"""Error catalogue with stable codes (in the spirit of spaCy's ``Errors``).

Codes never change meaning; messages may be refined. Every error that reaches a user names the
file (or input) and the problem.
"""
from __future__ import annotations

from typing import Optional


class Errors:
    E001 = "Eingabe nicht gefunden: {path}"
    E002 = "Eingabe kann nicht gelesen werden: {path} ({reason})"
    E003 = "Eingabe ist leer: {path}"
    E004 = "Eingabe ist keine Textdatei (Binärdaten): {path}"
    E005 = "Zeichenkodierung nicht erkannt: {path}"
    E006 = "Eingabe ist zu groß: {path} (mehr als {limit} MB; Grenze mit --max-mb ändern)"
    E007 = "Text enthält ein ungültiges Zeichen (einzelnes Ersatzzeichen U+{char:04X}) an Position {pos}: {path}"
    E010 = "Ungültiges Datum {value!r}: erwartet YYYY-MM oder YYYY-MM-DD"
    E020 = "Faktenbasis {path} ist ungültig: {detail}"
    E021 = "Faktenbasis {path} kann nicht gelesen werden: {reason}"
    E030 = "Lexikon {path} ist ungültig: {detail}"
    E040 = "spaCy-Modell {name!r} kann nicht geladen werden: {reason}"
    E050 = "Ausgabe kann nicht geschrieben werden: {path} ({reason})"
    E099 = "Interner Fehler bei {path}: {reason}"
    E060 = "Ungültiger Aufruf von 'claimcheck batch': {detail}"
    E061 = "Ausgabe {path} kann nicht fortgesetzt werden: {reason}"
    E062 = "Zeitlimit von {seconds} s überschritten bei {path}"


class ClaimcheckError(Exception):
    """An error with a stable code, shown to users without a traceback."""

    def __init__(self, code: str, path: Optional[str] = None, **fields: object) -> None:
        self.code = code
        self.path = path
        template = getattr(Errors, code)
        self.message = template.format(path=path, **fields)
        super().__init__(f"[{code}] {self.message}")

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message}
