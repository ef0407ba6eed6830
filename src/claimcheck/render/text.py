"""Plain-text report for editors: per claim the sentence with the claim highlighted, the verdict,
and for a mismatch what the reference says and where. Colour only when asked (on a terminal)."""
from __future__ import annotations

from rich.console import Console
from rich.text import Text

from claimcheck.models import ClaimReport, Report

STYLE = {"supported": "green", "mismatch": "bold red", "unverified": "dim"}
LABEL = {"supported": "BESTÄTIGT", "mismatch": "ABWEICHUNG", "unverified": "NICHT PRÜFBAR"}


def render_text(report: Report, text: str, *, color: bool = False, width: int = 100) -> str:
    console = Console(record=True, width=width, color_system="standard" if color else None,
                      force_terminal=color, no_color=not color, highlight=False, file=_Null())
    console.print(Text(f"{report.source} (Datum: {report.document_date or '–'}, "
                       f"Referenz: {report.reference or '–'})", style="bold"), soft_wrap=True)
    for notice in report.notices:
        console.print(Text(f"Hinweis: {notice}", style="yellow"), soft_wrap=True)
    for item in report.claims:
        console.print(_claim_block(item, text), soft_wrap=True)
    s = report.summary
    console.print(Text(f"\n{s.claims} Angaben: {s.mismatch} Abweichung(en), {s.supported} bestätigt, "
                       f"{s.unverified} nicht prüfbar.", style="bold"))
    return console.export_text(styles=color)


def _claim_block(item: ClaimReport, text: str) -> Text:
    out = Text()
    out.append(f"\n{item.line}:{item.column} ", style="dim")
    out.append(LABEL[item.verdict], style=STYLE[item.verdict])
    out.append(f" [{item.rule}]\n", style="dim")
    out.append("  ")
    out.append_text(_highlighted_sentence(item, text))
    out.append("\n  " + item.message + "\n")
    for warning in item.warnings:
        out.append(f"  Hinweis: {warning}\n", style="yellow")
    if item.verdict == "mismatch" and item.evidence:
        out.append(f"  Quelle ({item.fact_id}): {item.evidence.strip()}\n", style="cyan")
    if item.correction:
        out.append(f"  Vorschlag: {item.correction}\n", style="green")
    for alt in item.alternatives:
        out.append(f"  {alt}\n", style="yellow")
    out.rstrip()
    return out


def _highlighted_sentence(item: ClaimReport, text: str) -> Text:
    start = item.claim.sentence_start if item.claim else item.start
    end = item.claim.sentence_end if item.claim else item.end
    sentence = Text(" ".join(text[start:end].split("\n")))
    a, b = item.start - start, item.end - start
    sentence.stylize("reverse " + STYLE[item.verdict] if item.verdict != "unverified" else "underline", a, b)
    for m in item.mismatches:
        sentence.stylize("bold red underline", m.start - start, m.end - start)
    return sentence[:a] + Text("»") + sentence[a:b] + Text("«") + sentence[b:]


class _Null:
    def write(self, _s: str) -> int:
        return 0

    def flush(self) -> None:
        pass
