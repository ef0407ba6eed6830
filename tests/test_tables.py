"""Tables of a source as facts (nlp/tables.py) and how drafts are checked against them. The
source below was written for this file (an invented labour-market release), not taken from
the tuning data; its layout imitates what page extraction leaves of a statistics table: a header
broken over lines, a unit row of merged cells, footnote markers glued to labels."""
import pytest

SOURCE = """date 2024-04

Arbeitslosenquote sinkt im März leicht
Die Arbeitslosenquote in Beispielland lag im März 2024 bei 5,8 %, wie das Landesamt für Statistik mitteilte.

Arbeitslosenquote nach Kreisen – Anteil an allen zivilen Erwerbspersonen
Kreis | Erwerbspersonen | Januar 2024 | Februar 20241 |
März 20241 |
---|---|---|---|---|
in Tausend | in % | |||
1 Vorläufige Werte. |
Nordkreis | 412,5 | 6,1 | 6,0 | 5,9 |
Südkreis | 388,0 | 4,4 | 4,3 | 4,7 |
darunter: | ||||
Hafenstadt2 | 120,3 | 8,2 | 8,1 | 7,9 |
Übrige | 10,2 | 3,0 | 3,1 | 3,2 |
2 Einschließlich Umland. |

Ausgaben des Landes für Straßenbau
Jahr | Mio. Euro |
---|---|
2021 | 310 |
2022 | 295 |
2023 | 342 |
"""


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    path = tmp_path_factory.mktemp("src") / "arbeitsmarkt-2024-04.txt"
    path.write_text(SOURCE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def base(source):
    from claimcheck import Checker

    return Checker(model="blank").build_reference(source)


@pytest.fixture(scope="module")
def checker(base):
    from claimcheck import Checker

    return Checker(reference=base, model="blank")


def _cells(base):
    return {f.provenance.sentence: f for f in base.facts if f.provenance.cell is not None}


@pytest.mark.parametrize("statement, value, unit, time", [
    ("Nordkreis, Januar 2024: 6,1 %", 6.1, "Prozent", "Januar 2024"),
    ("Südkreis, März 2024: 4,7 %", 4.7, "Prozent", "März 2024"),  # footnote marker "20241" read as 2024
    ("Hafenstadt, Februar 2024: 8,1 %", 8.1, "Prozent", "Februar 2024"),  # "Hafenstadt2": marker masked
    ("Ausgaben des Landes für Straßenbau (Mio. Euro), 2023: 342", 342e6, None, "2023"),  # dated rows, scale
])
def test_number_cells_of_dated_columns_and_rows_are_facts(base, statement, value, unit, time):
    fact = _cells(base)[statement]
    assert fact.quantity.value == pytest.approx(value) and fact.quantity.unit == unit
    assert fact.time.label() == time
    assert fact.provenance.sentence[fact.quantity.start - fact.provenance.sentence_start:].startswith(
        fact.quantity.text)  # offsets count into the statement


def test_cells_point_into_the_source_and_name_their_table(base, source):
    text = source.read_text(encoding="utf-8")
    cells = _cells(base)
    assert len(cells) == 12 + 3  # four rows × three months, three years; no undated column
    for fact in cells.values():
        cell = fact.provenance.cell
        assert text[cell.start:cell.end] == cell.text
        assert "Tabelle" in fact.provenance.source
    assert not any("412,5" in s or "Erwerbspersonen," in s for s in cells)  # the undated column
    nord = cells["Nordkreis, März 2024: 5,9 %"].provenance
    assert (nord.cell.row, nord.cell.column) == ("Nordkreis", "März 2024")
    assert "Arbeitslosenquote nach Kreisen" in nord.source


def _verdict(checker, sentence, anchor):
    report = checker.check_text(f"date 2024-04\n\n{sentence}")
    claim = next(c for c in report.claims if c.text.startswith(anchor))
    return claim.verdict, [(m.field, m.expected) for m in claim.mismatches]


@pytest.mark.parametrize("sentence, anchor, verdict, mismatches", [
    ("Im Nordkreis lag die Quote im März 2024 bei 5,9 Prozent.", "5,9", "supported", []),
    ("Im Nordkreis lag die Quote im März 2024 bei 5,6 Prozent.", "5,6", "mismatch", [("count", "5,9")]),
    # the draft's value stands in another column: the draft is still about its own month
    ("Im Südkreis betrug die Quote im März 2024 nur 4,3 Prozent.", "4,3", "mismatch", [("count", "4,7")]),
    ("Im Südkreis betrug die Quote im Februar 2024 nur 4,3 Prozent.", "4,3", "supported", []),
    # … also when the statement is only loosely identified (a slip of its own month's value)
    ("Für den Südkreis meldete das Statistikamt, dass dort im März 2024 nach vorläufigen Berechnungen "
     "4,3 Prozent der Erwerbsfähigen keine Stelle hatten.", "4,3", "mismatch", [("count", "4,7")]),
    ("Im März 2024 lag die Quote der übrigen Kreise bei 3,2 Prozent.", "3,2", "supported", []),
    # another number of a sentence whose other number the cell confirms is another quantity
    ("Im Südkreis, auf den rund 20 Prozent aller Erwerbspersonen entfallen, lag die Quote im März 2024 "
     "bei 4,7 Prozent.", "rund 20", "unverified", []),
    # a table cell is about its row: the country's rate is not the Nordkreis one
    ("Die Arbeitslosenquote in Beispielland lag im März 2024 bei 5,9 Prozent.", "5,9", "mismatch",
     [("count", "5,8")]),
    ("Für den Straßenbau gab das Land 2023 rund 340 Millionen Euro aus.", "rund 340", "supported", []),
])
def test_drafts_against_table_facts(checker, sentence, anchor, verdict, mismatches):
    assert _verdict(checker, sentence, anchor) == (verdict, mismatches)


def test_a_draft_table_is_no_statement(checker):
    """A draft's own table cells stay unchecked (noise): only prose is verified."""
    report = checker.check_text("date 2024-04\n\nKreis | März 2024 |\n---|---|\nNordkreis | 9,9 |\n")
    assert not [c for c in report.claims if c.verdict == "mismatch"]


@pytest.mark.parametrize("sentence, excluded", [
    ("Die Quote lag im März 2024 bei 3,2 Prozent.", True),  # names no row: not the "Übrige" cell
    ("Für die übrigen Kreise lag die Quote im März 2024 bei 3,2 Prozent.", False),
])
def test_a_cell_is_about_its_row(base, sentence, excluded):
    from claimcheck import Checker
    from claimcheck.align.features import ClaimContext, FactContext
    from claimcheck.align.score import score_pair

    fact = _cells(base)["Übrige, März 2024: 3,2 %"]
    text = f"date 2024-04\n\n{sentence}"
    checker = Checker(model="blank")
    claim = next(c for c in checker.extract(text) if c.text.startswith("3,2"))
    pair = score_pair(ClaimContext.of(text, claim, base.document_date), FactContext.of(fact, base.document_date),
                      checker.lexicon)
    assert ("row" in pair.constraints) is excluded
