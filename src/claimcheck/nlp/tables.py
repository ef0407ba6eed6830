"""Statistical tables of a source article as facts: one fact per number cell of a dated column.

A draft's table cells are no statements to check (``noise.py`` masks them), but a source's
table is often where its numbers are: a statistics release states most values of a month only
in its table ("Nordkreis | 412,5 | 6,1 | 6,0 | 5,9 |" under the columns Erwerbspersonen,
Januar 2024 … März 2024). Each number cell under a column (or in a row) whose label is a time
becomes a fact; its evidence is a statement verbalised from the row label and the column label
(``noise.yaml``: ``table.statement``), so the aligner compares a draft sentence with
"Nordkreis, März 2024: 5,9 %"; the table's caption goes into the fact's provenance
(``table.source``), where an editor reads where the value stands.

Layout read (pipe or tab tables as page extraction leaves them): the header is every cell
before the separator line (``---|---``), even when extraction broke it over several lines, else
the first line; a row of units ("in Promille | in % |") gives each value column its unit, in
order, the last one carried to the right (a merged cell); footnote markers glued to a label
("Januar 20251") are masked. The sign of a value is kept in the statement, not in the number:
prose says "um 1,6 Prozent günstiger", and the number grammar reads magnitudes there too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from claimcheck.lang import pack
from claimcheck.models import Claim, Quantity, Spanned, TableCell, TimeSpan
from claimcheck.nlp.dates.find import find_time_expressions
from claimcheck.nlp.noise import find_noise, mask_noise, table_lines

_NUMBER = re.compile(r"([+\-−–]?)(\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(\d+))?")
_UNIT_CELL = re.compile(r"in\s+\S+")  # "in Tausend": a unit or scale cell of a unit row
_SEPARATOR = re.compile(r"[\s|:+-]*-{3,}[\s|:+-]*")


@dataclass
class TableFact:
    """A claim over a verbalised statement (offsets into ``statement``, counted from the row's
    offset ``claim.sentence_start``) and the cell it reads."""

    claim: Claim
    statement: str
    cell: TableCell
    title: str  # the table's caption ("" if none)


def table_facts(text: str, document_date: Optional[date], lang: str = "de") -> list[TableFact]:
    """Facts of every table of ``text`` (see the module docstring)."""
    lines = table_lines(text)
    if not lines:
        return []
    masked = mask_noise(text, [n for n in find_noise(text, lang) if n.kind == "footnote"])
    out: list[TableFact] = []
    for block in _blocks(lines):
        out += _block_facts(masked, block, document_date, lang)
    return out


def _blocks(lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Runs of consecutive table lines."""
    blocks: list[list[tuple[int, int]]] = []
    for start, end in lines:
        if blocks and start == blocks[-1][-1][1] + 1:
            blocks[-1].append((start, end))
        else:
            blocks.append([(start, end)])
    return blocks


def _cells(text: str, start: int, end: int) -> list[Spanned]:
    """The cells of one line, stripped, with their offsets (a trailing separator opens no cell)."""
    out, pos = [], start
    for part in re.split(r"[|\t]", text[start:end]):
        cell, at = part.strip(), pos + len(part) - len(part.lstrip())
        out.append(Spanned(text=cell, start=at, end=at + len(cell)))
        pos += len(part) + 1
    if len(out) > 1 and not out[-1].text:
        out.pop()
    return out


def _block_facts(text: str, block: list[tuple[int, int]], doc_date: Optional[date], lang: str) -> list[TableFact]:
    sep = next((i for i, (s, e) in enumerate(block) if _SEPARATOR.fullmatch(text[s:e])), None)
    head_lines = block[:sep] if sep else block[:1]
    header = [c for s, e in head_lines for c in _cells(text, s, e) if c.text]
    body = block[sep + 1:] if sep is not None else block[1:]
    if len(header) < 2 or not body:
        return []
    title = _title(text, block[0][0])
    cells_of_units, rows = _units(text, body, len(header), lang)
    units = [_unit_scale(f"{h.text} {u}", lang) for h, u in zip(header, cells_of_units)]
    times = [_time(c.text, doc_date) for c in header]
    out: list[TableFact] = []
    for s, e in rows:
        cells = _cells(text, s, e)
        label = cells[0].text.rstrip(":")
        row_time = _time(label, doc_date)
        if not label or (row_time is None and _NUMBER.fullmatch(label)):
            continue
        for col, cell in enumerate(cells[1:len(header)], start=1):
            m, time = _NUMBER.fullmatch(cell.text), times[col] or row_time
            if m is None or time is None:
                continue
            if times[col] is not None:  # a dated column: the row names what the number is about
                row, column = label, header[col].text
            else:  # a dated row ("2023 | 342"): the column, within the caption's subject
                row, column = _subject(title, header[col].text), label
            out.append(_fact(row, column, cell, m, units[col], time, s, title))
    return out


def _subject(title: str, header: str) -> str:
    """What a dated row's number is about: the caption and the column ("Ausgaben für
    Straßenbau (Mio. Euro)"), or the column alone."""
    return f"{title} ({header})" if title else header


def _title(text: str, block_start: int) -> str:
    """The line right before the table, if it is prose (the table's caption)."""
    end = block_start - 1
    if end <= 0:
        return ""
    start = text.rfind("\n", 0, end) + 1
    line = text[start:end].strip()
    return line if 0 < len(line) <= 300 else ""


def _units(text: str, body: list[tuple[int, int]], columns: int,
           lang: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Per column, the cell of a unit row ("in Promille | in %", "in Tausend") that applies to
    it: in order from the first value column, the last carried to the right (a merged cell);
    and the remaining rows."""
    known = {k.casefold() for k in pack(lang).numbers.units}
    units = [""] * columns
    rows = []
    for s, e in body:
        words = [c.text for c in _cells(text, s, e) if c.text]
        unit_row = words and all(_UNIT_CELL.fullmatch(w) or w.casefold() in known for w in words)
        if unit_row and not any(units):
            for col in range(1, columns):
                units[col] = words[min(col - 1, len(words) - 1)]
        else:
            rows.append((s, e))
    return units, rows


def _unit_scale(words: str, lang: str) -> tuple[Optional[str], float]:
    """The unit ("%" -> "Prozent") and the scale ("Mio. Euro" -> 1e6) a column label or unit
    cell names, by the number grammar's tables."""
    numbers = pack(lang).numbers
    units = {k.casefold(): v for k, v in numbers.units.items()}
    unit, scale = None, 1.0
    for w in re.findall(r"[^\s()/]+", words.casefold()):
        unit = unit or units.get(w)
        scale = scale if scale != 1.0 else numbers.scales.get(w, 1.0)
    return unit, scale


def _time(label: str, doc_date: Optional[date]) -> Optional[TimeSpan]:
    """The time a label names, when it is nothing else ("Januar 2025", "2023"; not "Gewichtung")."""
    spans = find_time_expressions(label, doc_date)
    if len(spans) != 1 or len(spans[0].text) < len(label.strip(" :*")) * 0.6 or spans[0].anchor != "absolute":
        return None
    return spans[0]


def _fact(row: str, column: str, cell: Spanned, m: re.Match, unit_scale: tuple[Optional[str], float],
          time: TimeSpan, row_start: int, title: str) -> TableFact:
    sign, whole, frac = m.groups()
    unit, scale = unit_scale
    value = float(re.sub(r"[ .]", "", whole) + ("." + frac if frac else "")) * scale
    shown = ("−" if sign in "-−–" and sign else "") + cell.text.lstrip("+-−–")
    unit_text = " %" if unit == "Prozent" else (f" {unit}" if unit else "")
    statement = pack().noise.table.statement.format(row=row, column=column, value=shown + unit_text)
    q_at = statement.rindex(shown + unit_text)
    t_at = statement.rindex(column, 0, q_at)
    q = Quantity(text=shown + unit_text, start=row_start + q_at, end=row_start + q_at + len(shown + unit_text),
                 value=value, low=value, high=value, unit=unit)
    t = time.model_copy(update={"text": column, "start": row_start + t_at, "end": row_start + t_at + len(column)})
    claim = Claim(text=q.text, start=q.start, end=q.end, kind="count", sentence_start=row_start,
                  sentence_end=row_start + len(statement), quantity=q, time=t)
    return TableFact(claim, statement, TableCell(**cell.model_dump(), row=row, column=column, caption=title), title)
