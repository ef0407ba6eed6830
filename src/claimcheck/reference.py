"""Reference fact base: build it from a trusted source article, save, load and validate it.

The fact base is built by the same extractor as the drafts, so both sides are normalised alike.
Every claim of the source becomes a ``Fact`` with its provenance (sentence and offsets).
"""
from __future__ import annotations

import json
import math
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Optional, Union

from pydantic import ValidationError

from claimcheck.document import DocDate, resolve_date
from claimcheck.errors import ClaimcheckError
from claimcheck.models import SCHEMA_VERSION, Claim, Fact, FactBase, Provenance, Spanned
from claimcheck.lang import pack
from claimcheck.nlp.tables import table_facts

BUNDLED_FACTS = "istanbul-2025-02.facts.json"


def bundled_path(name: str = BUNDLED_FACTS) -> Path:
    """Path of a file of the bundled reference (shipped as package data ``claimcheck.bundled``;
    in a source checkout run without installing, the project's ``reference/`` folder)."""
    try:
        return Path(str(importlib_resources.files("claimcheck.bundled") / name))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "reference" / name


def facts_from_claims(claims: list[Claim], text: str, source: str) -> list[Fact]:
    facts = []
    for n, claim in enumerate(claims, start=1):
        prov = Provenance(source=source, sentence=text[claim.sentence_start:claim.sentence_end],
                          sentence_start=claim.sentence_start, sentence_end=claim.sentence_end,
                          start=claim.start, end=claim.end)
        facts.append(Fact(**claim.model_dump(), id=f"F{n:02d}", provenance=prov))
    return facts


def build_from_text(text: str, source: str, extract, date: Optional[DocDate] = None) -> FactBase:
    """``extract(text, document_date) -> list[Claim]`` is the draft extractor (Checker.extract)."""
    doc_date, _ = resolve_date(text, date)
    claims = extract(text, doc_date)
    facts = facts_from_claims(claims, text, source)
    facts += table_cell_facts(text, doc_date.value, source, len(facts) + 1)
    return FactBase(source=source, document_date=doc_date.value, document_date_exact=doc_date.exact or None,
                    facts=facts)


def table_cell_facts(text: str, document_date, source: str, first: int) -> list[Fact]:
    """The number cells of the source's tables under a dated column (``nlp/tables.py``)."""
    out = []
    for n, tf in enumerate(table_facts(text, document_date), start=first):
        c = tf.claim
        where = pack().noise.table.source.format(source=source, title=f"„{tf.title}“" if tf.title else "").strip(" ,")
        prov = Provenance(source=where, sentence=tf.statement, sentence_start=c.sentence_start,
                          sentence_end=c.sentence_end, start=c.start, end=c.end, cell=tf.cell)
        out.append(Fact(**c.model_dump(), id=f"F{n:02d}", provenance=prov))
    return out


def save_reference(base: FactBase, path: Union[str, Path]) -> None:
    data = base.model_dump(mode="json", exclude_none=True)
    try:
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ClaimcheckError("E050", path=str(path), reason=exc.strerror or str(exc)) from exc


def load_reference(path: Union[str, Path, None] = None) -> FactBase:
    """Load and validate a fact base; None loads the bundled one. Errors name file, fact and field."""
    path = Path(path) if path is not None else bundled_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))  # NaN is refused per fact below
    except RecursionError as exc:
        raise ClaimcheckError("E020", path=str(path), detail="JSON zu tief verschachtelt") from exc
    except json.JSONDecodeError as exc:
        raise ClaimcheckError("E020", path=str(path), detail=f"kein JSON (Zeile {exc.lineno}: {exc.msg})") from exc
    except FileNotFoundError as exc:
        raise ClaimcheckError("E021", path=str(path), reason="Datei nicht gefunden") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimcheckError("E021", path=str(path), reason=str(exc)) from exc
    version = data.get("schema_version", SCHEMA_VERSION) if isinstance(data, dict) else SCHEMA_VERSION
    if version != SCHEMA_VERSION:
        raise ClaimcheckError("E020", path=str(path),
                              detail=f"unbekannte schema_version {version!r} (erwartet {SCHEMA_VERSION})")
    try:
        base = FactBase.model_validate(data)
    except ValidationError as exc:
        raise ClaimcheckError("E020", path=str(path), detail=_where(exc, data)) from exc
    problem = _inconsistency(base)
    if problem:
        raise ClaimcheckError("E020", path=str(path), detail=problem)
    return base


def _inconsistency(base: FactBase) -> Optional[str]:
    """What a schema cannot say: ids unique, numbers finite, ranges and offsets in order."""
    seen: set[str] = set()
    for n, fact in enumerate(base.facts, start=1):
        where = f"Fakt {fact.id} (Nr. {n}), "
        if fact.id in seen:
            return f"{where}Kennung {fact.id} kommt doppelt vor"
        seen.add(fact.id)
        problem = _fact_problem(fact)
        if problem:
            return where + problem
    return None


def _fact_problem(fact: Fact) -> Optional[str]:
    q, t, p = fact.quantity, fact.time, fact.provenance
    if q is not None:
        numbers = {"value": q.value, "low": q.low, "high": q.high}
        bad = next((k for k, v in numbers.items() if v is not None and not math.isfinite(v)), None)
        if bad:
            return f"Feld quantity.{bad}: keine endliche Zahl"
        if q.low is not None and q.high is not None and q.low > q.high:
            return f"Feld quantity: low {q.low:g} größer als high {q.high:g}"
    if t is not None and t.first > t.last:
        return f"Feld time: first {t.first} nach last {t.last}"
    spans = [("", fact)] + [(f"{k}.", getattr(fact, k)) for k in
                             ("quantity", "time", "noun", "event", "actor", "target", "place", "person")]
    for prefix, span in spans:
        if isinstance(span, Spanned) and span.end < span.start:
            return f"Feld {prefix}end: kleiner als {prefix}start"
    if fact.sentence_end < fact.sentence_start or p.end < p.start or p.sentence_end < p.sentence_start:
        return "Feld sentence_end/provenance: Ende vor Anfang"
    return None


def _where(exc: ValidationError, data: object) -> str:
    err = exc.errors()[0]
    loc = list(err["loc"])
    prefix = ""
    if len(loc) >= 2 and loc[0] == "facts" and isinstance(loc[1], int):
        facts = data.get("facts", []) if isinstance(data, dict) else []
        fid = facts[loc[1]].get("id", "?") if loc[1] < len(facts) and isinstance(facts[loc[1]], dict) else "?"
        prefix = f"Fakt {fid} (Nr. {loc[1] + 1}), "
        loc = loc[2:]
    field = ".".join(str(p) for p in loc) or "(Wurzel)"
    return f"{prefix}Feld {field}: {err['msg']}"


def schema() -> dict:
    """JSON schema of the fact base file."""
    return FactBase.model_json_schema()
