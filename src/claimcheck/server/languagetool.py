"""LanguageTool HTTP API v2 compatibility: ``/v2/check`` parameters in, LanguageTool JSON out.

Request: ``text`` or ``data`` (LanguageTool's annotated text: ``{"annotation": [{"text": ...},
{"markup": ..., "interpretAs": ...}]}``), ``language`` (German only; ``auto`` is taken as German).
Other LanguageTool parameters (``enabledRules``, ``level``, ``motherTongue`` ...) are accepted and
ignored. Our own extensions: ``reference`` (fact base id) and ``date`` (document date).

Response: ``software``, ``language``, ``matches``. Only mismatches become matches, one per wrong
expression (``ClaimReport.mismatches``), its replacement the source's value. Offsets and lengths
count UTF-16 code units, as LanguageTool (Java) does, into the text as sent (markup included).
"""
from __future__ import annotations

import json
from typing import Any, Mapping

from claimcheck import __version__
from claimcheck.errors import ClaimcheckError
from claimcheck.models import Report
from claimcheck.render.words import SLOT_LABELS
from claimcheck.server.limits import CONTEXT_CHARS

LANGUAGES = {"de": "German", "de-DE": "German (Germany)", "de-AT": "German (Austria)",
             "de-CH": "German (Swiss)"}

CATEGORY = {"id": "CLAIMCHECK", "name": "Faktenprüfung"}


def languages() -> list[dict]:
    """``GET /v2/languages``: the German variants, in LanguageTool's shape."""
    return [{"name": name, "code": "de", "longCode": code} for code, name in LANGUAGES.items()]


def language_of(params: Mapping[str, str], where: str) -> str:
    value = (params.get("language") or "").strip()
    if not value:
        raise ClaimcheckError("E082", path=where, detail="Parameter 'language' fehlt")
    code = "de-DE" if value.lower() in ("auto", "de") else value
    if code not in LANGUAGES:
        raise ClaimcheckError("E084", path=where, value=value)
    return code


class Annotated:
    """The text to check and the mapping of its offsets back to the text as the client sent it."""

    def __init__(self, parts: list[tuple[str, str, bool]]) -> None:
        # parts: (original, as checked, is_text)
        self.original = "".join(p[0] for p in parts)
        self.checked = "".join(p[1] for p in parts)
        self._segments = []  # (checked start, original start, checked length, is_text)
        pos = orig = 0
        for original, checked, is_text in parts:
            self._segments.append((pos, orig, len(checked), is_text))
            pos, orig = pos + len(checked), orig + len(original)

    def to_original(self, offset: int, end: bool = False) -> int:
        """Original offset of a checked offset; ``end``: as the end of a span (exclusive)."""
        for start, orig, length, is_text in self._segments:
            inside = start < offset <= start + length if end else start <= offset < start + length
            if is_text and inside:
                return orig + offset - start
        return -1


def text_of(params: Mapping[str, str], where: str) -> Annotated:
    """``text`` as is, or ``data`` with markup replaced by its ``interpretAs`` (else nothing)."""
    if params.get("text") is not None and params.get("data") is not None:
        raise ClaimcheckError("E082", path=where, detail="'text' und 'data' schließen einander aus")
    if params.get("text") is not None:
        text = params["text"]
        return Annotated([(text, text, True)])
    if params.get("data") is None:
        raise ClaimcheckError("E082", path=where, detail="Parameter 'text' oder 'data' fehlt")
    try:
        items = json.loads(params["data"])["annotation"]
        parts = [_part(item) for item in items]
    except json.JSONDecodeError as exc:
        raise ClaimcheckError("E081", path=f"{where} (Parameter 'data')", detail=exc.msg) from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise ClaimcheckError("E082", path=where, detail="'data' braucht {\"annotation\": [{\"text\": …} "
                              "oder {\"markup\": …, \"interpretAs\": …}]}") from exc
    return Annotated(parts)


def _part(item: dict) -> tuple[str, str, bool]:
    if isinstance(item.get("text"), str):
        return item["text"], item["text"], True
    if isinstance(item.get("markup"), str):
        return item["markup"], str(item.get("interpretAs", "")), False
    raise ValueError(item)


def response(report: Report, annotated: Annotated, language: str) -> dict:
    text = annotated.original
    matches = []
    for claim in report.claims:
        if claim.verdict != "mismatch":
            continue
        for m in claim.mismatches:
            start, end = annotated.to_original(m.start), annotated.to_original(m.end, end=True)
            if 0 <= start < end <= len(text):
                matches.append(_match(claim, m, start, end, text))
    name = LANGUAGES[language]
    return {
        "software": {"name": "claimcheck", "version": __version__, "buildDate": None,
                     "apiVersion": 1, "premium": False, "status": ""},
        "warnings": {"incompleteResults": False},
        "language": {"name": name, "code": language,
                     "detectedLanguage": {"name": name, "code": language, "confidence": 1.0}},
        "matches": sorted(matches, key=lambda x: x["offset"]),
    }


def _match(claim: Any, m: Any, start: int, end: int, text: str) -> dict:
    field = SLOT_LABELS.get(m.field, m.field)
    return {
        "message": claim.message,
        "shortMessage": f"{field} weicht von der Quelle ab",
        "replacements": [{"value": m.expected}] if m.expected else [],
        "offset": utf16_len(text, 0, start),
        "length": utf16_len(text, start, end),
        "context": _context(text, start, end),
        "sentence": claim.sentence,
        "type": {"typeName": "Other"},
        "rule": {"id": f"CLAIMCHECK_{claim.rule or 'MISMATCH'}", "subId": m.field,
                 "description": f"{field} stimmt nicht mit der Quelle überein",
                 "issueType": "inconsistency", "category": CATEGORY},
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def _context(text: str, start: int, end: int) -> dict:
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    prefix = "..." if lo > 0 else ""
    suffix = "..." if hi < len(text) else ""
    snippet = prefix + text[lo:hi].replace("\n", " ") + suffix
    return {"text": snippet, "offset": len(prefix) + utf16_len(text, lo, start),
            "length": utf16_len(text, start, end)}


def utf16_len(text: str, start: int, end: int) -> int:
    """Length of ``text[start:end]`` in UTF-16 code units (characters beyond U+FFFF count 2)."""
    piece = text[start:end]
    return len(piece) + sum(1 for ch in piece if ord(ch) > 0xFFFF)
