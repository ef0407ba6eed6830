"""Another quantity, not a wrong one (align/derived.py, align/engine.py): a sum or difference of
two source counts, a number the source states for a statement the claim may be, occasions
("zwanzigmal") against people; and which of two close readings a wrong number is (a slip). The
source below was written for this file (invented events), not taken from the tuning data."""
import re
from types import SimpleNamespace

import pytest
from conftest import checker_for

from claimcheck.align.context import local_window
from claimcheck.align.derived import derived_kind, derived_values
from claimcheck.models import Claim, Fact, Provenance, Quantity


def _q(value, hedge=None, low=None, high=None, unit=None):
    exact = hedge is None
    return Quantity(text=str(value), start=0, end=1, value=value, low=value if exact else low,
                    high=value if exact else high, hedge=hedge, unit=unit)


def _fact(i, q):
    prov = Provenance(source="s", sentence="x", sentence_start=0, sentence_end=1, start=0, end=1)
    return Fact(id=f"F{i:02d}", kind="count", text="x", start=0, end=1, sentence_start=0, sentence_end=1,
                quantity=q, provenance=prov)


def _claim(q):
    return Claim(kind="count", text="x", start=0, end=1, sentence_start=0, sentence_end=1, quantity=q)


FACTS = [_fact(1, _q(35)), _fact(2, _q(60)), _fact(3, _q(755)), _fact(4, _q(455)), _fact(5, _q(2)),
         _fact(6, _q(2.3, unit="Prozent")), _fact(7, _q(60))]


def test_derived_values_are_sums_and_differences_of_two_counts():
    near, derived = derived_values(FACTS)
    assert {95, 25, 300, 1210, 790, 720, 490, 420} <= derived
    assert 60 not in derived and 35 not in derived  # a stated value is stated, not derived
    assert 120 not in derived  # 60 + 60: the same value twice is no sum of two statements
    assert 37 in derived and 33 in derived  # 35 ± 2
    assert not any(v < 10 for v in derived)  # small sums are coincidences (3 = 1 + 2)


@pytest.mark.parametrize("q, derived", [
    (_q(95), True),  # "insgesamt 95" = 35 + 60
    (_q(1200, "gut", 1200, 1320), True),  # "gut 1200" holds 755 + 455
    (_q(750, "knapp", 675, 750), False),  # … "knapp 750" not 755 - 35: only sums near its number
    (_q(700, "mehr als", 700, None), False),  # a one-sided bound holds any larger sum
    (_q(96), False),
    (_q(95, unit="Prozent"), False),  # percentages are not summed
])
def test_is_derived(q, derived):
    assert (derived_kind(_claim(q), derived_values(FACTS)) is not None) is derived


@pytest.mark.parametrize("chars", range(20, 60))
def test_a_window_cuts_no_word(chars):
    text = "Die Rate lag bei 18,6 Prozent, die Teuerung bei Lebensmitteln bei 24,1 Prozent im Januar."
    start = text.index("18,6")
    window = local_window(text, start, start + 4, 0, len(text), chars=chars)
    words = re.compile(r"[^\W\d_]+")
    assert "18,6" in window and set(words.findall(window)) <= set(words.findall(text))


SOURCE = """Estland weist russische Diplomaten aus

Im Jahr 2022 erklärte Estland 27 russische Diplomaten zu unerwünschten Personen. Ein Jahr später mussten weitere 16 Diplomaten der russischen Botschaft in Tallinn das Land verlassen.

Die Inflationsrate in Estland lag im Januar 2023 bei 18,6 Prozent, die Teuerung bei Lebensmitteln bei 24,1 Prozent.

Neue Ausweisungen folgten 2019 und 2020 nach Spionagevorwürfen.

Die Kerninflation lag im Februar 2023 bei 15,2 Prozent, nach 16,4 Prozent im Januar 2023; sie sank damit um 1,2 Prozentpunkte.

Gegenüber Januar 2023 stiegen die Mieten in Tallinn im Februar 2023 um 0,7 Prozent.
"""


@pytest.fixture(scope="module")
def tallinn(tmp_path_factory):
    return checker_for(tmp_path_factory, SOURCE, "tallinn.txt", "2023-03")


@pytest.mark.parametrize("sentence, anchor, verdict, mismatches", [
    # a sum of two statements is not called wrong against either …
    ("Zwischen 2022 und 2023 wies Estland insgesamt 43 russische Diplomaten aus.", "43", "unverified", []),
    # … a typo of one of them still is
    ("Im Jahr 2022 erklärte Estland 37 russische Diplomaten zu unerwünschten Personen.", "37", "mismatch",
     [("count", "27")]),
    ("Im Jahr 2022 erklärte Estland 28 russische Diplomaten zu unerwünschten Personen.", "28", "mismatch",
     [("count", "27")]),
    # two rates of one sentence: the typo-shaped reading wins where identity is close
    ("Die Teuerung bei Lebensmitteln lag im Januar 2023 bei 24,7 Prozent.", "24,7", "mismatch",
     [("count", "24,1")]),
    # one value written twice where the source has two: one of them is the wrong other one
    ("Neue Ausweisungen folgten 2020 und 2020 nach Spionagevorwürfen.", "2020", "mismatch", [("date", "2019")]),
    # of two typo-shaped readings, the nearer value
    ("Neue Ausweisungen folgten 2018 nach Spionagevorwürfen.", "2018", "mismatch", [("date", "2019")]),
    ("Die Kerninflation lag im Januar 2023 bei 16,9 Prozent.", "16,9", "mismatch", [("count", "16,4")]),
    # a change in points is no rate
    ("Die Kerninflation sank um 1,4 Prozentpunkte.", "1,4", "mismatch", [("count", "1,2")]),
    ("Die Kerninflation sank auf 1,2 Prozent.", "1,2", "unverified", []),
    # the base a change is measured from is checked against the source's base
    ("Im Februar 2023 stiegen die Mieten in Tallinn gegenüber Dezember 2022 um 0,7 Prozent.", "0,7", "mismatch",
     [("date", "Januar 2023")]),
    ("Im Februar 2023 stiegen die Mieten in Tallinn gegenüber Januar 2023 um 0,7 Prozent.", "0,7", "supported", []),
    ("Im Februar 2023 stiegen die Mieten in Tallinn um 0,7 Prozent.", "0,7", "supported", []),  # no base: not compared
    # occasions are no count of diplomats
    ("Estland hat seine Entscheidung zwanzigmal verteidigt, seit es 27 Diplomaten auswies.", "zwanzigmal",
     "unverified", []),
])
def test_other_quantities_on_an_unseen_source(tallinn, sentence, anchor, verdict, mismatches):
    report = tallinn.check_text(f"date 2023-03\n{sentence}")
    claim = next(c for c in report.claims if c.text.startswith(anchor))
    assert (claim.verdict, [(m.field, m.expected) for m in claim.mismatches]) == (verdict, mismatches)


def test_a_number_the_source_states_for_a_possible_statement_is_attested():
    from claimcheck.align.readings import attested as _attested
    from claimcheck.align.score import PairScore

    claim = _claim(_q(3.3, unit="Prozent"))
    def pair(count, date="unknown", noun="agree", identity=0.4):
        return PairScore(fact=SimpleNamespace(quantity=None, time=None, provenance=None), status={"count": count, "date": date, "noun": noun},  # type: ignore[arg-type]
                         identity=identity)
    assert _attested(claim, [pair("differ"), pair("agree")])  # another row states 3,3
    assert not _attested(claim, [pair("differ"), pair("agree", date="differ")])  # … for another month
    assert not _attested(claim, [pair("differ"), pair("agree", noun="unknown")])  # … of another thing
    assert not _attested(claim, [pair("differ"), pair("agree", identity=0.1)])  # … of an unrelated statement
    assert not _attested(_claim(_q(3, "rund", 2.85, 3.15)), [pair("agree")])  # a rounded number proves nothing


def test_one_fact_holds_one_of_two_equal_values_of_a_sentence():
    """"folgten 2023 und 2023" where the source says "2022 und 2023": the fact goes to the claim
    it fits best, the other is decided again without it."""
    from claimcheck.align.verdict import Decision
    from claimcheck.align.assign import one_holder as _one_holder
    from claimcheck.align.score import PairScore

    text = "folgten 2023 und 2023"
    c1 = Claim(kind="date", text="2023", start=8, end=12, sentence_start=0, sentence_end=21)
    c2 = c1.model_copy(update={"start": 17, "end": 21})
    f1, f2 = _fact(1, None), _fact(2, None)
    supported = [Decision("supported", PairScore(fact=f1, identity=i)) for i in (0.8, 0.9)]

    def redecide(slip):
        return lambda claim, held: Decision("mismatch", PairScore(fact=f2, identity=0.8, slip=slip))
    out = _one_holder(text, [c1, c2], supported, redecide(True))
    assert [d.verdict for d in out] == ["mismatch", "supported"] and out[0].best.fact is f2
    assert _one_holder(text, [c1, c2], supported, redecide(False)) == supported  # no typo: both stand
    other = c2.model_copy(update={"text": "2022", "start": 17})
    assert _one_holder("folgten 2023 und 2022", [c1, other], supported, redecide(True)) == supported


def _fact_in(i, value, sentence_start):
    f = _fact(i, _q(value))
    return f.model_copy(update={"provenance": f.provenance.model_copy(update={"sentence_start": sentence_start})})


@pytest.mark.parametrize("value, kind", [
    (96, "sentence"),  # "98 zu 2": the margin
    (100, "sentence"),
    (95, "source"),  # 35 + 60 of two sentences
    (25, "source"),
    (120, "source"),  # 60 expelled, 60 expelled in reply: two statements add up
    (97, None),
])
def test_a_combination_within_one_sentence_is_what_the_writer_means(value, kind):
    from claimcheck.align.derived import derived_kind

    facts = [_fact_in(1, 98, 10), _fact_in(2, 2, 10), _fact_in(3, 35, 50), _fact_in(4, 60, 90), _fact_in(5, 60, 130)]
    assert derived_kind(_claim(_q(value)), derived_values(facts)) == kind


def test_a_table_cell_of_another_row_attests_the_drafts_value():
    """"2,6 Prozent" is the headline rate's cell: no slip of the 2,3 of another statement."""
    from claimcheck.align.score import PairScore
    from claimcheck.align.slips import mark_slips

    claim = _claim(_q(2.6, unit="Prozent"))
    other = _fact(1, _q(2.3, unit="Prozent"))
    cell = _fact(2, _q(2.6, unit="Prozent"))
    def pairs(constraints):
        return [PairScore(fact=other, status={"count": "differ", "date": "agree"}, identity=0.3),
                PairScore(fact=cell, status={"count": "agree", "date": "unknown"}, identity=0.15,
                          constraints=constraints)]
    free = pairs(["noun"])  # a cell of another kind of number attests nothing
    mark_slips(claim, free)
    assert free[0].slip
    row = pairs(["row"])
    mark_slips(claim, row)
    assert not row[0].slip


LEVELS_SOURCE = """Lissabon, 12. März 2024

Portugal verkleinert Konsulat in Porto

Der Außenminister sagte am Montag, das Personal des Konsulats in Porto sei von 840 Mitarbeitern Mitte 2019 auf 260 geschrumpft. Die Regierung hatte im Januar 2023 drei weitere Büros geschlossen.
"""


@pytest.fixture(scope="module")
def porto(tmp_path_factory):
    return checker_for(tmp_path_factory, LEVELS_SOURCE, "porto.txt", "2024-03")


@pytest.mark.parametrize("sentence, anchor, verdict, mismatches", [
    # the level before, named by its time: a slip of it is wrong, the level reached is no reading of it
    ("Mitte 2019 arbeiteten im Konsulat in Porto noch 850 Mitarbeiter.", "850", "mismatch", [("count", "840")]),
    ("Mitte 2019 arbeiteten im Konsulat in Porto noch 840 Mitarbeiter.", "840", "supported", []),
    # the level reached, dated by the document (the from-level's time is not its time)
    ("Das Konsulat in Porto hat heute nur noch 250 Mitarbeiter, sagte der Außenminister.", "250", "mismatch",
     [("count", "260")]),
    ("Das Konsulat in Porto hat heute nur noch 260 Mitarbeiter, sagte der Außenminister.", "260", "supported", []),
    # the source's level reached carries its starting level's time ("Mitte 2019"): it may confirm, never accuse
    ("Der Außenminister sagte im März, das Konsulat in Porto habe nur noch 260 Mitarbeiter.", "260", "supported", []),
    # a cut is not a level: "um 580" is the difference the source does not state
    ("Das Personal des Konsulats in Porto wurde um 580 Mitarbeiter verringert.", "580", "unverified", []),
])
def test_levels_of_a_from_to_pair(porto, sentence, anchor, verdict, mismatches):
    report = porto.check_text(f"date 2024-03\n{sentence}")
    claim = next(c for c in report.claims if c.text.startswith(anchor))
    assert (claim.verdict, [(m.field, m.expected) for m in claim.mismatches]) == (verdict, mismatches)


MIRROR_SOURCE = """Oslo, im Juni 2021

Norwegen und Russland weisen Diplomaten aus

2020 wies Norwegen 12 russische Diplomaten aus. Moskau reagierte spiegelbildlich mit der Ausweisung von 12 norwegischen Vertretern.
"""


@pytest.fixture(scope="module")
def mirror(tmp_path_factory):
    return checker_for(tmp_path_factory, MIRROR_SOURCE, "oslo.txt", "2021-06")


@pytest.mark.parametrize("sentence", [
    # the draft's values and parties are those of one act; the mirror act's other target proves nothing
    "Moskau reagierte 2020 spiegelbildlich auf die Ausweisung von 12 russischen Vertretern durch Norwegen.",
    "2020 schickte Norwegen 12 russische Diplomaten nach Hause.",
])
def test_the_mirror_act_is_no_party_slip(mirror, sentence):
    report = mirror.check_text(f"date 2021-06\n{sentence}")
    claim = next(c for c in report.claims if c.text.startswith("12"))
    assert claim.verdict == "supported" and not claim.mismatches


def test_a_specific_number_the_source_states_is_not_called_another_number():
    """"755 Amerikaner … bis zum 1. Oktober" against "755 US-Diplomaten … bis zum 1. September"
    and "455 US-Mitarbeiter": if anything is wrong, it is the deadline, not the number."""
    from claimcheck.align.readings import attested
    from claimcheck.align.score import PairScore

    claim = _claim(_q(755))
    stated = PairScore(_fact(1, _q(755)), status={"count": "agree", "date": "differ", "noun": "unknown"}, identity=0.35)
    assert attested(claim, [stated])
    assert not attested(_claim(_q(60)), [PairScore(_fact(2, _q(60)), status={"count": "agree", "date": "differ",
                                                                                 "noun": "unknown"}, identity=0.35)])
