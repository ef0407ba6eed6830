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


# A second invented release: a price index with a total row ("Insgesamt") that the caption's
# measure names, rows a draft names by themselves, and four dated columns (the newest is March).
PRICES = """date 2024-04

Inflationsrate in Musterstadt im März 2024 bei 3,1 %
Die Verbraucherpreise in Musterstadt lagen im März 2024 um 3,1 % über dem Vorjahresmonat, teilte das städtische Statistikamt mit.

Inflationsrate in Musterstadt – Veränderung des Preisindex gegenüber dem Vorjahresmonat
Gütergruppe | Dezember 2023 | Januar 2024 | Februar 2024 | März 2024 |
---|---|---|---|---|
in % | ||||
Insgesamt | 3,9 | 3,4 | 3,6 | 3,1 |
Mieten | 5,2 | 5,0 | 4,8 | 4,9 |
Energie | -1,2 | -2,5 | -2,0 | -1,7 |
Dienstleistungen | 2,1 | 2,4 | 2,1 | 2,2 |
"""


@pytest.fixture(scope="module")
def prices(tmp_path_factory):
    from claimcheck import Checker

    path = tmp_path_factory.mktemp("src") / "preise-2024-04.txt"
    path.write_text(PRICES, encoding="utf-8")
    return Checker(reference=Checker(model="blank").build_reference(path), model="blank")


@pytest.mark.parametrize("sentence, anchor, verdict, mismatches", [
    # the total row is what the caption measures: named by the caption's word or a synonym
    ("Die Inflationsrate lag im Februar 2024 bei 3,6 Prozent.", "3,6", "supported", []),
    ("Im Januar 2024 lag die Teuerung bei 3,4 Prozent.", "3,4", "supported", []),
    ("Die Teuerungsrate erreichte im Dezember 2023 noch 3,9 Prozent.", "3,9", "supported", []),
    ("Die Teuerungsrate erreichte im Dezember 2023 noch 3,8 Prozent.", "3,8", "mismatch", [("count", "3,9")]),
    ("Im Dezember 2022 hatte die Teuerung bei 3,9 Prozent gelegen.", "3,9", "mismatch", [("date", "Dezember 2023")]),
    # an earlier month with the value of the next column: the month is the slip …
    ("Im Januar 2024 hatte die Teuerung noch bei 3,6 Prozent gelegen.", "3,6", "mismatch", [("date", "Februar 2024")]),
    ("Bei Mieten war die Teuerung im Dezember 2023 auf 5,0 Prozent gestiegen.", "5,0", "mismatch",
     [("date", "Januar 2024")]),
    # … the newest month, the release's headline, with another column's value: the number is
    ("Die Mieten stiegen im März 2024 um 4,8 Prozent.", "4,8", "mismatch", [("count", "4,9")]),
    # a row the draft names is not the total row, though the caption's word stands beside it
    ("Bei Mieten lag die Teuerung im Februar 2024 bei 3,6 Prozent.", "3,6", "mismatch", [("count", "4,8")]),
    # each clause names its own row
    ("Mieten verteuerten sich im März 2024 um 4,9 Prozent, Energie um 1,7 Prozent.", "4,9", "supported", []),
    ("Mieten verteuerten sich im März 2024 um 4,9 Prozent, Energie um 1,7 Prozent.", "1,7", "supported", []),
    ("Mieten verteuerten sich im März 2024 um 4,9 Prozent, Energie um 1,2 Prozent.", "1,2", "mismatch",
     [("count", "1,7")]),
    # the draft's value stands in two other columns: neither a month nor the number can be named
    ("Dienstleistungen verteuerten sich im Januar 2024 um 2,1 Prozent.", "2,1", "unverified", []),
    # a month compound dates the value it names, also as a comparison base
    ("Gegenüber dem Januar-Wert von 3,4 Prozent stieg die Teuerung im Februar 2024 auf 3,6 Prozent.", "3,4",
     "supported", []),
    ("Gegenüber dem Januarwert von 3,6 Prozent ging die Teuerung im März 2024 zurück.", "3,6", "mismatch",
     [("date", "Februar 2024")]),
    # a time with "mit" names the value that follows it, also as a comparison base
    ("Gegenüber Januar 2024 mit 3,4 Prozent stieg die Teuerung im Februar 2024 um 0,2 Prozentpunkte.", "3,4",
     "supported", []),
])
def test_drafts_against_a_total_row_and_named_rows(prices, sentence, anchor, verdict, mismatches):
    assert _verdict(prices, sentence, anchor) == (verdict, mismatches)


def test_the_caption_measure_and_the_newest_column():
    from claimcheck.align.tables import caption_head

    assert caption_head("Inflationsrate in Musterstadt – Veränderung des Preisindex") == "Inflationsrate in Musterstadt"
    assert caption_head("Arbeitslosenquote März 2024 nach Kreisen").strip() == "Arbeitslosenquote"
    assert caption_head("Ausgaben: Straßenbau") == "Ausgaben"


def test_the_other_reading_of_a_column_slip_is_offered(prices):
    """The month is reported wrong; the number of the draft's own month is the alternative."""
    report = prices.check_text("date 2024-04\n\nIm Januar 2024 hatte die Teuerung noch bei 3,6 Prozent gelegen.")
    (claim,) = [c for c in report.claims if c.text.startswith("3,6")]
    assert [(m.field, m.expected) for m in claim.mismatches] == [("date", "Februar 2024")]
    assert claim.alternatives == ["Oder gemeint: 3,4 Prozent (Januar 2024) – Quelle: Insgesamt, Januar 2024: 3,4 %"]


def test_the_best_reading_counts_once_among_the_cells_of_its_row(prices):
    """``other_column`` gets the best reading and all readings, the best among them: the draft's
    value in one other column is one month to name, not two."""
    from claimcheck.align.readings import other_column
    from claimcheck.align.score import PairScore

    cells = {f.provenance.sentence: f for f in prices.reference.facts if f.provenance.cell is not None}
    by_date = PairScore(cells["Mieten, Februar 2024: 4,8 %"], status={"count": "agree", "date": "differ"}, identity=0.5)
    by_count = PairScore(cells["Mieten, Januar 2024: 5,0 %"], status={"count": "differ", "date": "agree"}, identity=0.5)
    assert other_column(by_date, [by_count, by_date]) is by_date


def test_the_other_column_reading_competes_at_the_level_of_the_mismatch(prices):
    """A loosely identified statement (identity under the support level, a slip's mismatch
    threshold above it): the cell that holds the draft's number is weighed as the other reading
    all the same, so the month is blamed, not the number."""
    from datetime import date

    from claimcheck.align.score import PairScore
    from claimcheck.align.verdict import verdict
    from claimcheck.models import Claim, Quantity, TimeSpan

    cells = {f.provenance.sentence: f for f in prices.reference.facts if f.provenance.cell is not None}
    january = TimeSpan(text="Januar 2024", start=0, end=11, first=date(2024, 1, 1), last=date(2024, 1, 31),
                       granularity="month")
    claim = Claim(kind="count", text="3,6 Prozent", start=20, end=31, sentence_start=0, sentence_end=40,
                  time=january, quantity=Quantity(text="3,6", start=20, end=23, value=3.6, low=3.6, high=3.6,
                                                  unit="Prozent"))
    def reading(text, count, when):
        fact = cells[text]
        return PairScore(fact, status={"count": count, "date": when, "row": "agree"}, identity=0.28, slip=True,
                         fact_time=fact.time, compared_time=fact.time)
    by_count = reading("Insgesamt, Januar 2024: 3,4 %", "differ", "agree")
    by_date = reading("Insgesamt, Februar 2024: 3,6 %", "agree", "differ")
    decision = verdict(claim, [by_count, by_date], True)
    assert decision.verdict == "mismatch" and decision.best is by_date
