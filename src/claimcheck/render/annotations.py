"""Output for tools: GitHub workflow annotations and SARIF 2.1.0 (code-scanning format)."""
from __future__ import annotations

import json

from claimcheck.models import Report

def _escape(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def render_github(report: Report) -> str:
    """One ``::error``/``::warning`` line per mismatch (supported/unverified claims are silent)."""
    lines = []
    for c in report.claims:
        if c.verdict != "mismatch":
            continue
        level = "warning" if c.severity == "warning" else "error"
        lines.append(f"::{level} file={_escape(report.source)},line={c.line},col={c.column},"
                     f"title=claimcheck {c.rule}::{_escape(c.message)}")
    return "".join(line + "\n" for line in lines)


def render_sarif(report: Report) -> str:
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
            "fixes": [{"description": {"text": c.correction}}] if c.correction else [],
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
