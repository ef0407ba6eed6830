"""Plain-text report for editors, grouped by sentence: each sentence once with its claims
marked »…«, beneath it one entry per claim (position, verdict, rule, message, and for a mismatch
the source sentence, the correction and the fingerprint). Colour only when asked."""
from __future__ import annotations

import io
from itertools import groupby
from typing import Iterable, Sequence

from rich.console import Console
from rich.text import Text

from claimcheck.config import DEFAULT_SHOW, VERDICTS
from claimcheck.lang import message
from claimcheck.models import ClaimReport, Report
from claimcheck.render.explain import explain_lines
from claimcheck.render.words import HEADLINE, LEGEND, summary_phrase

STYLE = {"supported": "green", "mismatch": "bold red", "unverified": "dim"}
RANK = {"mismatch": 3, "supported": 2, "unverified": 1}


def render_text(report: Report, text: str, *, color: bool = False, width: int = 100,
                show: Sequence[str] = DEFAULT_SHOW, quiet: bool = False, explain: bool = False) -> str:
    console = Console(record=True, width=width, color_system="standard" if color else None,
                      force_terminal=color, no_color=not color, highlight=False, file=io.StringIO())
    shown = [c for c in report.claims if c.verdict in show and not c.suppressed]
    if not quiet:
        header = message("render.header", source=report.source, date=report.document_date or "–",
                         reference=report.reference or "–")
        console.print(Text(header, style="bold"), soft_wrap=True)
        for notice in report.notices:
            console.print(Text(message("render.notice", notice=notice), style="yellow"), soft_wrap=True)
        if shown:
            console.print(Text(LEGEND, style="dim"), soft_wrap=True)
    for _span, group in groupby(shown, key=_sentence_span):
        console.print(_sentence_block(list(group), text, explain), soft_wrap=True)
    if not quiet:
        hidden = tuple(v for v in VERDICTS if v not in show)
        console.print(Text(f"\n{summary_phrase(report.summary, hidden)}.", style="bold"))
    out = console.export_text(styles=color)
    return out.lstrip("\n") if quiet else out


def _sentence_span(item: ClaimReport) -> tuple[int, int]:
    if item.claim is None:
        return item.start, item.end
    return item.claim.sentence_start, item.claim.sentence_end


def _sentence_block(items: list[ClaimReport], text: str, explain: bool = False) -> Text:
    out = Text("\n")
    out.append_text(_marked_sentence(items, text))
    for item in items:
        out.append("\n")
        out.append_text(_claim_entry(item))
        if explain:
            out.append("".join(f"\n      {line}" for line in explain_lines(item)), style="dim")
    return out


def _claim_entry(item: ClaimReport) -> Text:
    out = Text(f"  {item.line}:{item.column} ", style="dim")
    out.append(HEADLINE[item.verdict], style=STYLE[item.verdict])
    out.append(f" [{item.rule}] ", style="dim")
    out.append(item.message)
    for warning in item.warnings:
        out.append("\n    " + message("render.notice", notice=warning), style="yellow")
    if item.verdict == "mismatch" and item.evidence:
        out.append("\n    " + message("render.source", fact_id=item.fact_id, evidence=item.evidence.strip()), style="cyan")
    if item.correction:
        out.append("\n    " + message("render.suggestion", correction=item.correction), style="green")
    for alt in item.alternatives:
        out.append(f"\n    {alt}", style="yellow")
    if item.verdict == "mismatch" and item.fingerprint:
        out.append("\n    " + message("render.fingerprint", fingerprint=item.fingerprint), style="dim")
    return out


def _marked_sentence(items: list[ClaimReport], text: str) -> Text:
    """The sentence on one line, every claim between » and «, styled by its verdict."""
    start, end = _sentence_span(items[0])
    bounds = sorted({start, end, *_inside(items, start, end)})
    out = Text()
    for a, b in zip(bounds, bounds[1:]):
        out.append("«" * sum(1 for c in items if c.end == a and c.start < a))
        out.append("»" * sum(1 for c in items if c.start == a))
        out.append(text[a:b].replace("\n", " "), style=_style(items, a, b))
    out.append("«" * sum(1 for c in items if c.end == end and c.start < end))
    return out


def _inside(items: Iterable[ClaimReport], start: int, end: int) -> list[int]:
    points = [p for c in items for p in (c.start, c.end)]
    points += [p for c in items for m in c.mismatches for p in (m.start, m.end)]
    return [p for p in points if start <= p <= end]


def _style(items: list[ClaimReport], a: int, b: int) -> str:
    covering = [c for c in items if c.start <= a and b <= c.end]
    wrong = any(m.start <= a and b <= m.end for c in items for m in c.mismatches)
    if not covering:
        return "bold red underline" if wrong else ""
    top = max(covering, key=lambda c: RANK[c.verdict]).verdict
    base = "reverse " + STYLE[top] if top != "unverified" else "underline"
    return base + (" bold red underline" if wrong else "")
