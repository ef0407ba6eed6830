"""JSON renderers: exactly the library's pydantic report."""
from __future__ import annotations

from claimcheck.models import Report


def render_json(report: Report) -> str:
    return report.model_dump_json(indent=2, exclude={"claims": {"__all__": {"claim"}}})


def render_jsonl(report: Report) -> str:
    return report.model_dump_json(exclude={"claims": {"__all__": {"claim"}}})
