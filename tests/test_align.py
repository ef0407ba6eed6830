"""Alignment and verdicts: German draft sentences against the bundled reference."""
import pytest

from claimcheck.align.context import bag, dice
from claimcheck.models import Quantity

HEADER = "date 2025-02\n"

VERDICTS = [
    # sentence, verdict, mismatching fields, expected values
    ("Ende 2016 wiesen die USA 35 russische Diplomaten aus.", "supported", [], []),
    ("Im Dezember 2016 verwiesen die USA fünfunddreißig russische Diplomaten des Landes.", "supported", [], []),
    ("Ende 2016 wiesen die USA 45 russische Diplomaten aus.", "mismatch", ["count"], ["35"]),
    ("Anfang 2017 wiesen die USA 35 russische Diplomaten aus.", "mismatch", ["date"], ["Ende 2016"]),
    ("2015 wies die Obama-Regierung 35 russische Diplomaten aus.", "mismatch", ["date"], ["Ende 2016"]),
    ("Ende 2016 wiesen die USA unter Präsident Trump 35 russische Diplomaten aus.", "mismatch", ["person"], ["Barack Obama"]),
    ("2018 schlossen die USA das russische Generalkonsulat in San Francisco.", "mismatch", ["place"], ["Seattle"]),
    # a claim dated only by a deadline is about an act of the months before it (not 2016, 2018)
    ("Bis zum 30. Juni müssen weitere 28 Diplomaten die USA verlassen.", "unverified", [], []),
    ("Bis Mitte 2026 sollen 50 russische Diplomaten die USA verlassen.", "unverified", [], []),
    ("Die USA wiesen 45 russische Diplomaten aus, die das Land bis zum 1. Januar 2017 verlassen mussten.",
     "mismatch", ["count"], ["35"]),
    ("Die USA wiesen 35 russische Diplomaten aus, die das Land bis zum 1. Januar 2017 verlassen mussten.",
     "supported", [], []),
    # an ordinal the source never tells of, on the source's own statement: its wrong ordinal …
    ("Die Gespräche in Istanbul sollen die zweiten einer Reihe von Kontakten sein.", "mismatch", ["count"], ["ersten"]),
    # … but a draft that tells of the source's occurrence too tells of another one
    ("Nach den ersten Gesprächen in Istanbul sollen die zweiten einer Reihe von Kontakten folgen.", "supported", [], []),
    ("Die Gespräche in Istanbul sollen die ersten einer Reihe von Kontakten sein.", "supported", [], []),
    ("2017 zwang Putin die US-Vertretungen, mehr als 700 Mitarbeiter abzubauen.", "supported", [], []),
    ("2017 zwang Putin die US-Vertretungen, rund 750 Mitarbeiter abzubauen.", "supported", [], []),
    ("2017 zwang Putin die US-Vertretungen, über 800 Mitarbeiter abzubauen.", "mismatch", ["count"], ["755"]),
    ("2017 musste die US-Botschaft 755 Diplomaten abbauen.", "supported", [], []),
    ("Moskau wies 2018 im Gegenzug 60 US-Diplomaten aus.", "supported", [], []),
    ("Weitere Ausweisungen russischer Diplomaten folgten 2022.", "supported", [], []),
    ("Größer war nur die Ausweisung von 60 Diplomaten 2018.", "supported", [], []),
    # other events: never a mismatch
    ("2001 wiesen die USA 50 russische Diplomaten aus.", "unverified", [], []),
    ("In Bayern fielen im Februar 35 Zentimeter Schnee.", "unverified", [], []),
    ("Großbritannien wies 2018 insgesamt 23 russische Diplomaten aus.", "unverified", [], []),
    ("Frankreich wies im April 2022 insgesamt 35 russische Diplomaten aus.", "unverified", [], []),
    ("Der Konzern baute 2017 rund 750 Stellen in Bayern ab.", "unverified", [], []),
]


@pytest.mark.parametrize("sentence, verdict, fields, expected", VERDICTS)
def test_verdicts(checker, sentence, verdict, fields, expected):
    report = checker.check_text(HEADER + sentence)
    claims = [c for c in report.claims if c.verdict != "unverified"] or report.claims
    assert claims, report
    first = claims[0]
    assert first.verdict == verdict, first.message
    assert [m.field for m in first.mismatches] == fields
    assert [m.expected for m in first.mismatches] == expected
    text = HEADER + sentence
    for m in first.mismatches:
        assert text[m.start:m.end] == m.found


@pytest.mark.parametrize("sentence", [
    "2017 musste die US-Botschaft 755 Diplomaten abbauen.",
    "2017 mussten 755 amerikanische Diplomaten Russland verlassen.",
    "Im Jahr 2017 sollten 755 US-Diplomaten aus Russland abgezogen werden.",
])
def test_other_counted_noun_is_a_hint_not_a_mismatch(checker, sentence):
    """Same exact number, time and parties, the counted noun named otherwise: supported with a hint."""
    (claim,) = [c for c in checker.check_text(HEADER + sentence).claims if "755" in c.text] or [None]
    assert claim is not None and claim.verdict == "supported", claim
    assert any("Anders formuliert" in w and "Mitarbeiter" in w for w in claim.warnings)


def test_mixed_facts_offer_both_readings(checker):
    report = checker.check_text(HEADER + "2018 wiesen die USA 35 Diplomaten aus.")
    (claim,) = report.claims
    assert claim.verdict == "mismatch"
    assert [(m.field, m.expected) for m in claim.mismatches] == [("count", "60")]
    assert claim.alternatives and "Ende 2016" in claim.alternatives[0]


def test_vague_amount_agrees_but_is_less_precise(checker):
    report = checker.check_text(HEADER + "Ende 2016 wiesen die USA Dutzende russische Diplomaten aus.")
    (claim,) = report.claims
    assert claim.verdict == "supported"
    assert claim.warnings and "35" in claim.warnings[0]


def test_message_for_editors(checker):
    report = checker.check_text(HEADER + "Ende 2016 wiesen die USA 45 Diplomaten aus.")
    assert report.claims[0].message == (
        "Zahl weicht ab: „45 Diplomaten“ – Quelle nennt 35 (Ende 2016, Ausweisung durch die USA).")
    assert report.claims[0].correction == "Ende 2016 wiesen die USA 35 Diplomaten aus."


@pytest.mark.parametrize("a, b, agree", [
    (dict(value=755, low=755, high=755), dict(value=None, low=700, high=None, low_inclusive=False, hedge="mehr als"), True),
    (dict(value=755, low=755, high=755), dict(value=None, low=800, high=None, low_inclusive=False, hedge="mehr als"), False),
    (dict(value=35, low=35, high=35), dict(value=None, low=24, high=99, vague=True), True),
    (dict(value=60, low=60, high=60), dict(value=None, low=30, high=40, hedge="zwischen"), False),
])
def test_quantity_interval_agreement(a, b, agree):
    qa = Quantity(text="x", start=0, end=1, **a)
    qb = Quantity(text="y", start=0, end=1, **b)
    assert qa.overlaps(qb) is agree and qb.overlaps(qa) is agree


def test_similarity():
    same = "Ende 2016 wiesen die USA Diplomaten aus"
    assert dice(bag(same), bag(same)) == 1.0
    assert dice(bag("Schnee in Bayern"), bag("Diplomaten in Moskau")) == 0.0
    # stems and compound heads: a paraphrase shares its rare words
    assert dice(bag("Ausweisung der Diplomaten"), bag("Diplomatenausweisung")) > 0.3


SINGLE_CHANGES = [
    ("Ende 2016", "Ende 2015", ("date", "Ende 2015", "Ende 2016")),
    ("Ende 2016", "Anfang 2017", ("date", "Anfang 2017", "Ende 2016")),
    ("35 Moskauer", "53 Moskauer", ("count", "53", "35")),
    ("2017 zwang", "2016 zwang", ("date", "2016", "2017")),
    ("755 Mitarbeiter", "750 Mitarbeiter", ("count", "750", "755")),
    ("2018 schlossen", "2019 schlossen", ("date", "2019", "2018")),
    ("wiesen 60 Diplomaten", "wiesen 80 Diplomaten", ("count", "80", "60")),
    ("von 60 US-Vertretern", "von 70 US-Vertretern", ("count", "70", "60")),
    ("folgten 2022", "folgten 2021", ("date", "2021", "2022")),
    ("und 2023", "und 2024", ("date", "2024", "2023")),
    ("in Seattle", "in San Francisco", ("place", "San Francisco", "Seattle")),
    ("Präsident Barack Obama", "Präsident George W. Bush", ("person", "George W. Bush", "Barack Obama")),
]


@pytest.mark.parametrize("old, new, expected", SINGLE_CHANGES)
def test_each_single_change_of_the_source_is_flagged_once(checker, source_text, old, new, expected):
    draft = source_text.replace(old, new, 1)
    report = checker.check_text(draft)
    found = [(m.field, m.found, m.expected) for c in report.claims for m in c.mismatches]
    assert found == [expected]
