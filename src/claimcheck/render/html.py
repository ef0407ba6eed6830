"""Self-contained HTML report: the draft with every claim highlighted by verdict.

One file, inline CSS, no scripts, no network access. Mismatches are red, supported claims
green, unverified claims grey; the wrong part of a mismatch is underlined. Every highlight
has a tooltip (``title``) and a numbered side note with the verdict, message, expected values,
suggested correction and the source sentence. Claims may overlap or nest: the text is cut at
every claim boundary and each piece takes the colour of the most severe claim covering it.
Everything taken from the report or the draft is HTML-escaped.
"""
from __future__ import annotations

import html
import re
from typing import Iterable

from claimcheck.models import ClaimReport, Report

LABEL = {"supported": "bestätigt", "mismatch": "Abweichung", "unverified": "nicht prüfbar"}
PLURAL = {"supported": "bestätigt", "mismatch": "Abweichungen", "unverified": "nicht prüfbar"}
FIELD = {"count": "Zahl", "date": "Datum", "event": "Ereignis", "actor": "Akteur",
         "target": "Ziel", "place": "Ort", "noun": "Gezähltes", "person": "Person"}
RANK = {"mismatch": 3, "supported": 2, "unverified": 1}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

CSS = """
:root{--red:#b3261e;--red-bg:#fde7e6;--green:#1e6b34;--green-bg:#e3f4e6;--grey:#5f6368;
--grey-bg:#eceff1;--ink:#1f2328;--line:#d0d7de}
*{box-sizing:border-box}
body{margin:0;font:17px/1.6 Georgia,"Times New Roman",serif;color:var(--ink);background:#fafafa}
header{padding:18px 32px;background:#fff;border-bottom:1px solid var(--line);
font-family:system-ui,-apple-system,"Segoe UI",sans-serif}
header h1{margin:0 0 4px;font-size:20px;word-break:break-all}
.meta{color:var(--grey);font-size:14px}
.counts{margin-top:10px;display:flex;gap:8px;flex-wrap:wrap}
.badge{padding:3px 10px;border-radius:12px;font-size:14px;font-weight:600}
.badge.total{background:#fff;border:1px solid var(--line)}
.badge.mismatch{background:var(--red-bg);color:var(--red)}
.badge.supported{background:var(--green-bg);color:var(--green)}
.badge.unverified{background:var(--grey-bg);color:var(--grey)}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(260px,2fr);gap:32px;
padding:24px 32px;max-width:1400px}
article{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;padding:24px 28px;
border:1px solid var(--line);border-radius:6px}
mark{padding:1px 0;border-radius:3px;color:inherit}
mark.mismatch{background:var(--red-bg);box-shadow:inset 0 -2px var(--red)}
mark.supported{background:var(--green-bg);box-shadow:inset 0 -2px var(--green)}
mark.unverified{background:var(--grey-bg);box-shadow:inset 0 -2px #9aa0a6}
mark.wrong{text-decoration:underline wavy var(--red);text-underline-offset:3px}
mark.overlap{outline:1px dashed var(--grey)}
sup.ref a{font:700 11px system-ui,sans-serif;text-decoration:none;color:var(--grey);margin-left:1px}
sup.ref.mismatch a{color:var(--red)}
aside{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;position:sticky;top:0;
align-self:start;max-height:100vh;overflow-y:auto;padding:0 4px 16px}
aside h2{font-size:15px;margin:0 0 10px;color:var(--grey)}
.note{background:#fff;border:1px solid var(--line);border-left:4px solid #9aa0a6;
border-radius:4px;padding:8px 12px;margin:0 0 10px}
.note.mismatch{border-left-color:var(--red)}
.note.supported{border-left-color:var(--green)}
.note:target{box-shadow:0 0 0 2px #4c8bf5}
.note .head{display:flex;justify-content:space-between;gap:8px;font-weight:600}
.note .head a{color:inherit;text-decoration:none}
.verdict.mismatch{color:var(--red)}.verdict.supported{color:var(--green)}
.verdict.unverified{color:var(--grey)}
.note p{margin:4px 0}.note .quote{font-family:Georgia,serif}
.note ul{margin:4px 0;padding-left:18px}
.note blockquote{margin:6px 0 0;padding:4px 8px;background:#f6f8fa;border-left:3px solid var(--line);
font-family:Georgia,serif}
.fix{color:var(--green)}.warn{color:#8a5a00}
.empty{color:var(--grey)}
@media (max-width:900px){main{grid-template-columns:1fr}aside{position:static;max-height:none}}
@media print{body{background:#fff}main{grid-template-columns:1fr}aside{position:static;max-height:none}}
"""


def render_html(report: Report, text: str) -> str:
    """The complete HTML document for ``report`` on the draft ``text``."""
    title = f"claimcheck: {report.source}"
    return "".join([
        '<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        _header(report), "<main>\n<article>", _highlighted(report.claims, text), "</article>\n",
        _notes(report.claims), "</main>\n</body>\n</html>\n",
    ])


def esc(value: object) -> str:
    """HTML-escape (quotes too) and make control characters visible."""
    return html.escape(_CONTROL.sub("\ufffd", str(value)), quote=True)


def _header(report: Report) -> str:
    s = report.summary
    meta = f"Datum: {report.document_date or '–'} · Referenz: {report.reference or '–'}"
    badges = [f'<span class="badge total">{s.claims} Angaben</span>']
    for verdict, count in (("mismatch", s.mismatch), ("supported", s.supported),
                           ("unverified", s.unverified)):
        word = LABEL[verdict] if count == 1 else PLURAL[verdict]
        badges.append(f'<span class="badge {verdict}">{count} {esc(word)}</span>')
    notices = "".join(f'<div class="warn notice">Hinweis: {esc(n)}</div>\n' for n in report.notices)
    return (f"<header>\n<h1>{esc(report.source)}</h1>\n<div class=\"meta\">{esc(meta)}</div>\n"
            f"{notices}<div class=\"counts\">{''.join(badges)}</div>\n</header>\n")


def _valid(span, text: str) -> bool:
    return 0 <= span.start < span.end <= len(text)


def _highlighted(claims: list[ClaimReport], text: str) -> str:
    """The draft cut at every claim and mismatch boundary; each piece marked by what covers it.

    A mismatch part may lie outside its claim (a wrong year earlier in the sentence)."""
    events: dict[int, list[tuple[str, int, int]]] = {}  # offset -> (+1/-1, kind, claim no.)
    for i, c in enumerate(claims, 1):
        for kind, span in [("c", c), *(("m", m) for m in c.mismatches)]:
            if _valid(span, text):
                events.setdefault(span.start, []).append((1, kind, i))
                events.setdefault(span.end, []).append((-1, kind, i))
    bounds = sorted({0, len(text), *events})
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
    classes = [claims[top - 1].verdict if covering else "mismatch"]
    classes += ["wrong"] if wrong else []
    classes += ["overlap"] if len(covering) > 1 else []
    tip = "\n".join(_tooltip(i, claims[i - 1]) for i in sorted(set(covering) | set(wrong)))
    ids = " ".join(f"c{i}" for i in sorted(set(covering) | set(wrong)))
    return (f'<mark class="{" ".join(classes)}" id="p{a}" data-claims="{ids}" '
            f'title="{esc(tip)}">{esc(fragment)}</mark>')


def _ref(i: int, claim: ClaimReport) -> str:
    return (f'<sup class="ref {claim.verdict}" id="c{i}"><a href="#n{i}" '
            f'aria-label="Anmerkung {i}">{i}</a></sup>')


def _tooltip(i: int, claim: ClaimReport) -> str:
    lines = [f"[{i}] {LABEL.get(claim.verdict, claim.verdict)}: {claim.message}"]
    lines += [f"{FIELD.get(m.field, m.field)}: erwartet {m.expected}" for m in claim.mismatches]
    return "\n".join(lines)


def _notes(claims: list[ClaimReport]) -> str:
    if not claims:
        return '<aside>\n<p class="empty">Keine überprüfbaren Angaben gefunden.</p>\n</aside>\n'
    notes = "".join(_note(i, c) for i, c in enumerate(claims, 1))
    return f"<aside>\n<h2>Anmerkungen</h2>\n{notes}</aside>\n"


def _note(i: int, c: ClaimReport) -> str:
    parts = [
        f'<div class="note {esc(c.verdict)}" id="n{i}">',
        f'<div class="head"><a href="#c{i}">{i}. <span class="verdict {esc(c.verdict)}">'
        f"{esc(LABEL.get(c.verdict, c.verdict))}</span></a><span>Z. {c.line}, Sp. {c.column}</span></div>",
        f'<p class="quote">»{esc(c.text)}«</p>',
        f"<p>{esc(c.message)}</p>",
    ]
    parts.append(_list("", (f"{FIELD.get(m.field, m.field)}: gefunden »{m.found}«, erwartet "
                            f"»{m.expected}«" for m in c.mismatches)))
    if c.correction:
        parts.append(f'<p class="fix">Vorschlag: »{esc(c.correction)}«</p>')
    parts.append(_list("warn", (f"Hinweis: {w}" for w in c.warnings)))
    parts.append(_list("", (f"Andere Lesart: {a}" for a in c.alternatives)))
    if c.evidence:
        source = f" ({c.fact_id})" if c.fact_id else ""
        parts.append(f"<blockquote>Quelle{esc(source)}: {esc(c.evidence.strip())}</blockquote>")
    parts.append("</div>\n")
    return "".join(parts)


def _list(css: str, items: Iterable[str]) -> str:
    rows = "".join(f"<li>{esc(item)}</li>" for item in items)
    return f'<ul class="{css}">{rows}</ul>' if rows else ""
