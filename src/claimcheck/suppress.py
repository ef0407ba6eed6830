"""Suppression of findings the editor has judged: fingerprints, ignore files, inline markers.

* A **fingerprint** names one finding independently of where it stands: a hash of the claim's
  text (whitespace normalised), the id of the aligned fact and the rule. Moving a sentence or
  editing other paragraphs keeps it; changing the claim or its verdict makes a new one.
* An **ignore file** (``.claimcheck-ignore``) lists one fingerprint per line, followed by an
  optional ``# comment`` (why it was judged fine). Blank lines and ``#`` lines are allowed.
* An **inline marker** ``<!-- claimcheck: ignore -->`` on a line of the draft suppresses every
  finding that starts on that line.

Suppressed findings stay in the report with ``suppressed: true`` and are counted in
``summary.suppressed``; the verdict counts of the summary count only the others.
"""
from __future__ import annotations

import hashlib
from collections import Counter
import re
from pathlib import Path
from typing import Iterable, Optional, Union

from claimcheck.config import folders_up
from claimcheck.errors import ClaimcheckError
from claimcheck.models import ClaimReport, Report, Summary

IGNORE_FILE = ".claimcheck-ignore"
INLINE_MARKER = re.compile(r"<!--\s*claimcheck:\s*ignore\s*-->", re.IGNORECASE)
FINGERPRINT_LENGTH = 16  # 64 bits of SHA-256: collisions within one newsroom are negligible
_LINE = re.compile(rf"\A([0-9a-f]{{{FINGERPRINT_LENGTH}}})\s*(?:#.*)?\Z")


def fingerprint(text: str, fact_id: Optional[str], rule: str) -> str:
    """The stable fingerprint of a finding (claim text + fact id + rule)."""
    key = "\x1f".join((" ".join(text.split()), fact_id or "", rule))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def load_ignore_file(path: Union[str, Path]) -> set[str]:
    """The fingerprints of an ignore file; a malformed line is an error naming file and line."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise ClaimcheckError("E071", path=str(path), reason="Datei nicht gefunden") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimcheckError("E071", path=str(path), reason=str(exc)) from exc
    found = set()
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = _LINE.match(line)
        if not m:
            raise ClaimcheckError("E072", path=str(path), line=number, content=raw.strip()[:60],
                                  length=FINGERPRINT_LENGTH)
        found.add(m.group(1))
    return found


def find_ignore_file(start: Union[str, Path, None] = None) -> Optional[Path]:
    """The nearest ``.claimcheck-ignore`` in ``start`` (default: the working directory) or above."""
    for folder in folders_up(start):
        candidate = folder / IGNORE_FILE
        if candidate.is_file():
            return candidate
    return None


def marked_lines(text: str) -> set[int]:
    """Line numbers (1-based) of the draft that carry the inline marker."""
    return {n for n, line in enumerate(text.split("\n"), 1) if INLINE_MARKER.search(line)}


def apply(report: Report, text: str, ignore: Optional[Iterable[str]] = ()) -> Report:
    """Set every finding's fingerprint and mark suppressed ones; ``ignore=None`` suppresses
    nothing (not even inline markers), else the given fingerprints and inline-marked lines."""
    ignored = None if ignore is None else set(ignore)
    lines = marked_lines(text) if ignored is not None else set()
    for item in report.claims:
        item.fingerprint = fingerprint(item.text, item.fact_id, item.rule)
        item.suppressed = ignored is not None and (item.fingerprint in ignored or item.line in lines)
    report.summary = recount(report.claims)
    return report


def recount(items: list[ClaimReport]) -> Summary:
    shown = [item for item in items if not item.suppressed]
    counts: Counter[str] = Counter(item.verdict for item in shown)  # one Summary, not an assignment per claim
    return Summary(claims=len(items), suppressed=len(items) - len(shown),
                   warnings=sum(len(item.warnings) for item in shown), **counts)
