"""Output for tools: GitHub workflow annotations and SARIF 2.1.0 (code-scanning format)."""
from __future__ import annotations

import json

from claimcheck.models import ClaimReport, Report


def _escape(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def render_github(report: Report) -> str:
    """One ``::error``/``::warning`` line per mismatch (supported/unverified claims are silent)."""
    lines = []
    for c in report.claims:
        if c.verdict != "mismatch" or c.suppressed:
            continue
        level = "warning" if c.severity == "warning" else "error"
        lines.append(f"::{level} file={_escape(report.source)},line={c.line},col={c.column},"
                     f"title=claimcheck {c.rule}::{_escape(c.message)}")
    return "".join(line + "\n" for line in lines)


def render_sarif(report: Report) -> str:
    """SARIF 2.1.0; suppressed findings carry a ``suppressions`` entry (SARIF's own notion)."""
    results = []
    for c in report.claims:
        if c.verdict != "mismatch":
            continue
        results.append({
            "ruleId": c.rule,
            "level": "warning" if c.severity == "warning" else "error",
            "message": {"text": c.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": report.source},
                "region": {"startLine": c.line, "startColumn": c.column, "charOffset": c.start,
                           "charLength": c.end - c.start}}}],
            "partialFingerprints": {"claimcheck/v1": c.fingerprint},
            "fixes": _fixes(report.source, c),
            **({"suppressions": [{"kind": "external"}]} if c.suppressed else {}),
        })
    sarif = {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{"tool": {"driver": {"name": "claimcheck", "rules": [
            {"id": "CC200", "name": "claim-mismatch",
             "shortDescription": {"text": "Angabe weicht von der Quelle ab"}}]}},
            "results": results}],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


def _fixes(uri: str, c: ClaimReport) -> list[dict]:
    """The claim's safe replacements as one fix (SARIF needs artifactChanges); a mismatch whose
    fix would not be safe (low confidence, an actor to rephrase) gets none."""
    replacements = [{"deletedRegion": {"charOffset": r.start, "charLength": r.end - r.start},
                     "insertedContent": {"text": r.value}}
                    for r in c.replacements if r.end > r.start]
    if not replacements:
        return []
    text = f"Vorschlag: {c.correction}" if c.correction else "Wert der Quelle einsetzen"
    return [{"description": {"text": text},
             "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}]}]
