"""Self-contained HTML report: the draft with every claim highlighted by verdict.

One file, inline CSS and a small inline script, no network access; it works with scripts off.
Mismatches are red, supported claims green, unverified claims grey; the wrong part of a
mismatch is underlined. Checkboxes in the header show or hide each verdict (and suppressed
findings) by CSS alone; verdicts not in ``show`` start hidden. The script links highlights
and notes both ways (hover, click); without it the footnote anchors do. Every highlight
has a tooltip (``title``) and a numbered side note with the verdict, message, expected values,
suggested correction and the source sentence. Claims may overlap or nest: the text is cut at
every claim boundary and each piece takes the colour of the most severe claim covering it.
Everything taken from the report or the draft is HTML-escaped.
"""
from __future__ import annotations

import html
import re
from typing import Iterable, Sequence

from claimcheck.config import DEFAULT_SHOW
from claimcheck.document import header_date
from claimcheck.lang import message
from claimcheck.models import ClaimReport, Mismatch, Report
from claimcheck.render.html_assets import CSS, SCRIPT
from claimcheck.render.words import SLOT_LABELS, counted, label

TOGGLES = ("mismatch", "supported", "unverified", "suppressed")
RANK = {"mismatch": 3, "supported": 2, "unverified": 1}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")



def render_html(report: Report, text: str, show: Sequence[str] = DEFAULT_SHOW) -> str:
    """The complete HTML document for ``report`` on the draft ``text``; verdicts not in
    ``show`` (and suppressed findings) start hidden."""
    title = f"claimcheck: {report.source}"
    toggles = "".join(f'<input type="checkbox" class="toggle" id="t-{v}"{" checked" if v in show else ""}>'
                      for v in TOGGLES)
    return "".join([
        '<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{toggles}\n",
        _header(report), "<main>\n<article>", _highlighted(report.claims, text), "</article>\n",
        _notes(report.claims), f"</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
    ])


def esc(value: object) -> str:
    """HTML-escape (quotes too) and make control characters visible."""
    return html.escape(_CONTROL.sub("\ufffd", str(value)), quote=True)


def _header(report: Report) -> str:
    s = report.summary
    meta = message("html.meta", date=report.document_date or "–", reference=report.reference or "–")
    badges = [f'<span class="badge total">{counted(s.claims, "claims")}</span>']
    for verdict in TOGGLES:
        badges.append(f'<label class="badge {verdict}" for="t-{verdict}" title="{message("html.toggle")}">'
                      f'{esc(counted(getattr(s, verdict), verdict))}</label>')
    notices = "".join(f'<div class="warn notice">{esc(message("render.notice", notice=n))}</div>\n' for n in report.notices)
    return (f"<header>\n<h1>{esc(report.source)}</h1>\n<div class=\"meta\">{esc(meta)}</div>\n"
            f"{notices}<div class=\"counts\">{''.join(badges)}</div>\n</header>\n")


def _valid(span: ClaimReport | Mismatch, text: str) -> bool:
    return 0 <= span.start < span.end <= len(text)


def _highlighted(claims: list[ClaimReport], text: str) -> str:
    """The draft cut at every claim and mismatch boundary; each piece marked by what covers it.

    A mismatch part may lie outside its claim (a wrong year earlier in the sentence). The
    ``date YYYY-MM`` header line is left out (the date is in the page header)."""
    events: dict[int, list[tuple[int, str, int]]] = {}  # offset -> (+1/-1, kind, claim no.)
    for i, c in enumerate(claims, 1):
        spans: list[tuple[str, ClaimReport | Mismatch]] = [("c", c), *(("m", m) for m in c.mismatches)]
        for kind, span in spans:
            if _valid(span, text):
                events.setdefault(span.start, []).append((1, kind, i))
                events.setdefault(span.end, []).append((-1, kind, i))
    skip = _body_start(text)
    bounds = sorted({skip, len(text), *(e for e in events if e >= skip)})
    active: dict[tuple[str, int], int] = {}
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:]):
        for delta, kind, i in events.get(a, ()):
            active[(kind, i)] = active.get((kind, i), 0) + delta
        covering = sorted(i for (kind, i), n in active.items() if n > 0 and kind == "c")
        wrong = sorted(i for (kind, i), n in active.items() if n > 0 and kind == "m")
        out.append(_piece(text[a:b], claims, covering, wrong, a))
        ending = {i for delta, kind, i in events.get(b, ()) if delta < 0 and kind == "c"}
        out.extend(_ref(i, claims[i - 1]) for i in sorted(ending))
    return "".join(out)


def _piece(fragment: str, claims: list[ClaimReport], covering: list[int], wrong: list[int],
           a: int) -> str:
    if not covering and not wrong:
        return esc(fragment)
    ranked = covering or wrong
    top = max(ranked, key=lambda i: (RANK.get(claims[i - 1].verdict, 0), -i))
    classes: list[str] = [claims[top - 1].verdict if covering else "mismatch"]
    classes += ["suppressed"] if claims[top - 1].suppressed else []
    classes += ["wrong"] if wrong else []
    classes += ["overlap"] if len(covering) > 1 else []
    tip = "\n".join(_tooltip(i, claims[i - 1]) for i in sorted(set(covering) | set(wrong)))
    ids = " ".join(f"c{i}" for i in sorted(set(covering) | set(wrong)))
    return (f'<mark class="{" ".join(classes)}" id="p{a}" data-claims="{ids}" '
            f'title="{esc(tip)}">{esc(fragment)}</mark>')


def _body_start(text: str) -> int:
    _date, end = header_date(text)
    return end + len(text[end:]) - len(text[end:].lstrip()) if end else 0


def _classes(claim: ClaimReport) -> str:
    return claim.verdict + (" suppressed" if claim.suppressed else "")


def _ref(i: int, claim: ClaimReport) -> str:
    return (f'<sup class="ref {_classes(claim)}" id="c{i}"><a href="#n{i}" '
            f'aria-label="{message("html.footnote", i=i)}">{i}</a></sup>')


def _tooltip(i: int, claim: ClaimReport) -> str:
    lines = [f"[{i}] {label(claim.verdict)}: {claim.message}"]
    lines += [message("html.tooltip_expected", slot=SLOT_LABELS.get(m.field, m.field), expected=m.expected) for m in claim.mismatches]
    return "\n".join(lines)


def _notes(claims: list[ClaimReport]) -> str:
    if not claims:
        return f'<aside>\n<p class="empty">{message("html.empty")}</p>\n</aside>\n'
    notes = "".join(_note(i, c) for i, c in enumerate(claims, 1))
    return f"<aside>\n<h2>{message('html.notes')}</h2>\n{notes}</aside>\n"


def _note(i: int, c: ClaimReport) -> str:
    parts = [
        f'<div class="note {esc(_classes(c))}" id="n{i}">',
        f'<div class="head"><a href="#c{i}">{i}. <span class="verdict {esc(c.verdict)}">'
        f"{esc(label(c.verdict))}{message('html.suppressed') if c.suppressed else ''}</span></a>"
        f"<span>{message('html.position', line=c.line, column=c.column)}</span></div>",
        f'<p class="quote">»{esc(c.text)}«</p>',
        f"<p>{esc(c.message)}</p>",
    ]
    parts.append(_list("", (message("html.found_expected", slot=SLOT_LABELS.get(m.field, m.field), found=m.found,
                                    expected=m.expected) for m in c.mismatches)))
    if c.correction:
        parts.append(f'<p class="fix">{esc(message("html.suggestion", correction=c.correction))}</p>')
    parts.append(_list("warn", (message("render.notice", notice=w) for w in c.warnings)))
    parts.append(_list("", (message("html.alternative", alternative=a) for a in c.alternatives)))
    if c.evidence:
        source = f" ({c.fact_id})" if c.fact_id else ""
        parts.append(f"<blockquote>{esc(message('html.source', source=source, evidence=c.evidence.strip()))}</blockquote>")
    parts.append("</div>\n")
    return "".join(parts)


def _list(css: str, items: Iterable[str]) -> str:
    rows = "".join(f"<li>{esc(item)}</li>" for item in items)
    return f'<ul class="{css}">{rows}</ul>' if rows else ""
