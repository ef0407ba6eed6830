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
    E006 = "Eingabe {path} ist kein Text (str), sondern {kind}: vorher dekodieren oder check_file verwenden"
    E007 = "Eingabe ist zu groß: {path} (mehr als {limit} MB; Grenze mit --max-mb ändern)"
    E008 = "Text enthält ein ungültiges Zeichen (einzelnes Ersatzzeichen U+{char:04X}) an Position {pos}: {path}"
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
    E070 = "Konfiguration {path} ist ungültig: {key}: {detail}"
    E071 = "Ignorier-Datei {path} kann nicht gelesen werden: {reason}"
    E072 = ("Ignorier-Datei {path}, Zeile {line}: {content!r} ist kein Fingerabdruck "
            "({length} Hex-Zeichen, danach optional # Kommentar)")
    E080 = "Anfrage zu groß: {path} ({size}, erlaubt sind höchstens {limit})"
    E081 = "Ungültiges JSON in {path}: {detail}"
    E082 = "Ungültige Anfrage an {path}: {detail}"
    E083 = "Unbekannte Referenz {value!r} in {path} (verfügbar: {known})"
    E084 = "Sprache {value!r} wird nicht unterstützt in {path} (nur Deutsch: de, de-DE, de-AT, de-CH)"
    E085 = "Server ausgelastet: {path} (mehr als {limit} Anfragen warten), bitte später erneut versuchen"
    E086 = "Nicht gefunden: {path}"
    E087 = "Methode {method} ist für {path} nicht erlaubt"
    E088 = "Für {path} fehlt ein Paket ({reason}): pip install 'claimcheck[server]'"
    E089 = "Ungültige Referenzangabe {value!r} für {path}: erwartet ID=FACTS.json ({detail})"


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
