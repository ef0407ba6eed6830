"""Table cells of a source in the alignment: which row a draft names, and what a cell's
statement has of a frame.

A cell's short statement ("Gesamtindex, November 2024: 2,2 %") has no predicate or parties; its
row is what identifies it. A draft names a row by its label ("bei Waren"), and a total row
("Gesamtindex", ``noise.yaml: table.total_rows``) also by what the table's caption measures
("die Inflationsrate", "die Teuerung": ``align.yaml: synonyms``), unless it names another row.
The claim's own clause decides before its sentence. The column's month is a value under test,
so it is not among the words that identify the cell.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Sequence

from claimcheck.align.context import WORD, bag, word_keys
from claimcheck.align.features import ClaimContext, FactContext
from claimcheck.align.times import Status
from claimcheck.lang import pack
from claimcheck.nlp.dates.find import find_time_expressions

_CAPTION_BREAK = re.compile(r"\s[\u2013\u2014-]\s|:")


def table_rows(contexts: Sequence[FactContext], lang: str = "de") -> None:
    """A total row ("Gesamtindex", ``noise.yaml: table.total_rows``) is what the table's caption
    measures: a draft names it by the caption's words ("die Inflationsrate", "die Teuerung")
    as well as by its label, unless it names another row of the table ("bei Waren")."""
    totals = {w.casefold() for w in pack(lang).noise.table.total_rows}
    rows: dict[str, set[str]] = {}
    newest: dict[tuple[str, str], date] = {}
    cells = [(fc, fc.fact.provenance.cell) for fc in contexts if fc.fact.provenance.cell is not None]
    heads = {cell.caption: bag(caption_head(cell.caption)) for _, cell in cells if cell.caption}  # once per table
    for fc, cell in cells:
        rows.setdefault(cell.caption, set()).update(_label_keys(cell.row))
        if fc.fact.time is not None:
            key = (cell.caption, cell.row)
            newest[key] = max(newest.get(key, fc.fact.time.first), fc.fact.time.first)
    for fc, cell in cells:
        head = heads.get(cell.caption, {})
        if cell.row.casefold() in totals:
            fc.row = fc.row | frozenset(head)
        fc.siblings = frozenset(rows.get(cell.caption, set()) - fc.row)
        # the statement's words without its column: the month is a value under test, not identity;
        # a total row, also one restricted by its label ("Gesamtindex ohne Energie"), has the
        # caption's measure among them
        words = dict(head) if cell.row.split(" ")[0].casefold() in totals else {}
        words.update(bag(cell.row))
        fc.sentence = fc.local = fc.near = words
        fc.newest = fc.fact.time is not None and fc.fact.time.first == newest.get((cell.caption, cell.row))


def caption_head(caption: str) -> str:
    """What a caption measures: its words before its first time, dash or colon ("Mietpreise"
    of "Mietpreise März 2024 nach Stadtteilen"; "Arbeitslosenquote nach Kreisen" of
    "Arbeitslosenquote nach Kreisen – Anteil an …")."""
    times = find_time_expressions(caption, None)
    end = min([t.start for t in times] + [m.start() for m in _CAPTION_BREAK.finditer(caption)] + [len(caption)])
    return caption[:end] if end > 0 else caption


def _label_keys(label: str) -> set[str]:
    """The stems of a row label's own words, without compound heads: "Nordkreis" names its
    row, "Kreise" does not."""
    return {keys[0][0] for keys in map(word_keys, WORD.findall(label)) if keys}


def row_status(cc: ClaimContext, fc: FactContext) -> Status:
    """A table cell is about its row: the draft names it ("bei Waren"), or for a total row the
    caption's measure, and no other row of the table (features.table_rows). The claim's own
    clause decides first ("Nahrungsmittel … um 1,8 Prozent, Dienstleistungen um 4,0 Prozent")."""
    for words in (cc.clause, cc.sentence.keys()):
        if fc.row & words and not fc.siblings & words:
            return "agree"
        if fc.siblings & words:
            return "differ"
    return "differ"
