"""Weekdays (nlp/dates, align/times.py, align/score.py): a weekday resolved against a document
dated only by its month is an uncertain day but a certain weekday, so two statements that differ
by their weekday differ; the act behind a deadline is the other time its sentence states. The
source below was written for this file (invented events), not taken from the tuning data."""
from datetime import date

import pytest
from conftest import checker_for

from claimcheck.align.times import weekday_of, weekdays_differ
from claimcheck.models import TimeSpan
from claimcheck.nlp.dates.find import find_time_expressions

MARCH = date(2023, 3, 1)  # a document dated "März 2023": its day is unknown


@pytest.mark.parametrize("text, weekday", [
    ("Die Delegation reiste am Samstag ab.", 5),
    ("Am vergangenen Mittwoch wurde abgestimmt.", 2),
    ("Dienstag vergangener Woche endete die Frist.", 1),
    ("Die Sitzung fand am Sonnabend statt.", 5),
    ("Heute wurde abgestimmt.", None),  # a relative day names no weekday
    ("Am 14. März wurde abgestimmt.", None),  # a date: its weekday follows from the day
])
def test_the_named_weekday_is_kept(text, weekday):
    spans = find_time_expressions(text, MARCH)
    assert len(spans) == 1 and spans[0].weekday == weekday


def _day(d, text="am Samstag", weekday=None, anchor="document", inherited=False):
    return TimeSpan(text=text, start=0, end=1, first=d, last=d, granularity="day", anchor=anchor,
                    weekday=weekday, inherited=inherited)


SAT = _day(date(2023, 2, 25), weekday=5)  # "am Samstag" of a March text: some Saturday
SUN = _day(date(2023, 2, 26), "am Sonntag", weekday=6)


@pytest.mark.parametrize("a, a_exact, b, b_exact, differ", [
    (SAT, False, SUN, False, True),  # two loose weekdays
    (SAT, False, SAT, False, False),
    (SAT, False, _day(date(2023, 3, 5), "5. März 2023", anchor="absolute"), False, True),  # a Sunday
    (SAT, False, _day(date(2023, 3, 4), "4. März 2023", anchor="absolute"), False, False),  # a Saturday
    (SAT, False, _day(date(2023, 2, 26), "heute"), False, False),  # "heute" of a March text: no weekday known
    (SAT, False, _day(date(2023, 2, 26), "heute"), True, True),  # … of a dated text: a Sunday
    (SAT, False, SUN.model_copy(update={"inherited": True}), False, False),  # another sentence's weekday
    (SAT, False, None, False, False),
])
def test_weekdays_differ(a, a_exact, b, b_exact, differ):
    assert weekdays_differ(a, a_exact, b, b_exact) is differ


def test_weekday_of_a_month_is_unknown():
    month = TimeSpan(text="im März", start=0, end=1, first=date(2023, 3, 1), last=date(2023, 3, 31),
                     granularity="month", anchor="document")
    assert weekday_of(month, True) is None


SOURCE = """Polen weist belarussische Diplomaten aus

Das polnische Außenministerium hat am Dienstag angekündigt, dass 14 belarussische Diplomaten das Land bis zum 31. März verlassen müssen. Die Regierung in Minsk kündigte eine Antwort an.

Am Donnerstag schloss Belarus daraufhin das polnische Generalkonsulat in Grodno, in dem zuletzt 23 Mitarbeiter beschäftigt waren.

Am Freitag traf sich Außenministerin Baerbock in Berlin mit ihrem polnischen Kollegen.
"""


@pytest.fixture(scope="module")
def warschau(tmp_path_factory):
    return checker_for(tmp_path_factory, SOURCE, "warschau.txt", "2023-03")


@pytest.mark.parametrize("sentence, verdict, mismatches, replacement", [
    # the act of a deadline statement: the announcement's Tuesday, not the 31 March
    ("Am Mittwoch gab Warschau bekannt, dass 14 belarussische Diplomaten ausreisen müssen.",
     "mismatch", [("date", "Mittwoch", "Dienstag")], "Dienstag"),
    ("Am Dienstag gab Warschau bekannt, dass 14 belarussische Diplomaten ausreisen müssen.",
     "supported", [], None),
    # a year far from the document's month is wrong, said as the source's period
    ("Im Jahr 2021 gab Warschau bekannt, dass 14 belarussische Diplomaten ausreisen müssen.",
     "mismatch", [("date", "Jahr 2021", "März 2023 (Datum des Quellartikels)")], None),
    ("Am Freitag schloss Belarus das polnische Generalkonsulat in Grodno mit seinen 23 Mitarbeitern.",
     "mismatch", [("date", "Freitag", "Donnerstag")], "Donnerstag"),
    ("Am Donnerstag schloss Belarus das polnische Generalkonsulat in Grodno mit seinen 23 Mitarbeitern.",
     "supported", [], None),
    ("Am 2. März 2023, einem Donnerstag, schloss Belarus das Generalkonsulat in Grodno mit 23 Mitarbeitern.",
     "supported", [], None),  # a date whose weekday is the source's
])
def test_weekday_verdicts_on_an_unseen_source(warschau, sentence, verdict, mismatches, replacement):
    text = f"date 2023-03\n{sentence}"
    report = warschau.check_text(text)
    claim = next(c for c in report.claims if c.claim.kind == "count")
    assert claim.verdict == verdict
    assert [(m.field, m.found, m.expected) for m in claim.mismatches] == mismatches
    assert [text[r.start:r.end] and r.value for r in claim.replacements] == ([replacement] if replacement else [])
    for r in claim.replacements:  # only the weekday word is replaced ("am" stays)
        assert text[r.start:r.end] in {"Mittwoch", "Freitag"}


def test_a_weekday_of_a_month_precise_draft_may_fall_anywhere_in_its_month():
    """ "am Mittwoch der Vorwoche" in a draft dated "Februar 2025" (resolved from 1 February to
    29 January) may be any Wednesday up to late February: it is compared with the source's
    exactly dated Tuesday, 18 February, and differs by its weekday."""
    from claimcheck.align.times import date_status

    claim = _day(date(2025, 1, 29), "Mittwoch", weekday=2)
    tuesday = _day(date(2025, 2, 18), "Dienstag", weekday=1)
    assert date_status(claim, tuesday, False, True) == ("agree", False)
    assert weekdays_differ(claim, False, tuesday, True)
    later = _day(date(2025, 3, 18), "Dienstag", weekday=1)
    assert date_status(claim, later, False, True)[0] == "unknown"  # beyond the draft's month: too loose to judge


@pytest.mark.parametrize("sentence, verdict, mismatches", [
    # a deadline against the deadline of the source's count statement of the same event
    ("Bis zum 31. Mai müssen die belarussischen Diplomaten Polen verlassen.", "mismatch", [("date", "31. März")]),
    ("Bis zum 31. Mai müssen sie das Land verlassen.", "mismatch", [("date", "31. März")]),  # loosely identified
    ("Bis zum 31. März müssen die belarussischen Diplomaten Polen verlassen.", "supported", []),
    ("Bis zum 31. Mai muss Minsk eine Antwort geben.", "unverified", []),  # another matter's deadline
    # an event the lexicon does not know, of the same affected party: the source's deadline
    ("Laut Warschau haben die belarussischen Diplomaten bis zum 31. Mai Zeit, Polen den Rücken zu kehren.",
     "mismatch", [("date", "31. März")]),
    ("Laut Warschau haben die belarussischen Diplomaten bis zum 31. März Zeit, Polen den Rücken zu kehren.",
     "supported", []),
    ("Laut Warschau hat Minsk bis zum 31. Mai Zeit für eine Antwort.", "unverified", []),  # no party in common
])
def test_a_deadline_is_checked_against_the_deadline_of_a_count(warschau, sentence, verdict, mismatches):
    report = warschau.check_text(f"date 2023-03\n{sentence}")
    (claim,) = report.claims
    assert (claim.verdict, [(m.field, m.expected) for m in claim.mismatches]) == (verdict, mismatches)


@pytest.mark.parametrize("sentence, verdict, mismatches", [
    # a weekday of the same person's act: the neighbouring day is a slip
    ("Baerbock traf sich am Donnerstag in Berlin mit dem polnischen Außenminister.", "mismatch",
     [("date", "Freitag")]),
    ("Baerbock traf sich am Freitag in Berlin mit dem polnischen Außenminister.", "supported", []),
    ("Am Donnerstag kam Baerbock mit dem Polen zusammen.", "mismatch", [("date", "Freitag")]),  # loosely worded
    # another party's act on another weekday is another statement
    ("Am Donnerstag traf sich der polnische Präsident in Berlin mit Vertretern der Regierung.", "unverified", []),
])
def test_a_weekday_of_the_same_persons_act(warschau, sentence, verdict, mismatches):
    report = warschau.check_text(f"date 2023-03\n{sentence}")
    (claim,) = report.claims
    assert (claim.verdict, [(m.field, m.expected) for m in claim.mismatches]) == (verdict, mismatches)


NOUN_SOURCE = """Lettland weist russische Beamte aus

Riga ging damit über die Anordnung des Innenministeriums vom Mittwoch hinaus, wonach 12 russische Beamte das Land verlassen sollten. Am Freitag nannte der Regierungschef dann 40 Beamte.
"""


@pytest.fixture(scope="module")
def riga(tmp_path_factory):
    return checker_for(tmp_path_factory, NOUN_SOURCE, "riga.txt", "2023-03")


@pytest.mark.parametrize("sentence, verdict, mismatches", [
    # "die Anordnung vom Mittwoch": the weekday of the noun dates the source's count
    ("Das Innenministerium hatte am Dienstag angeordnet, dass 12 russische Beamte ausreisen.", "mismatch",
     [("date", "Dienstag", "Mittwoch")]),
    ("Das Innenministerium hatte am Mittwoch angeordnet, dass 12 russische Beamte ausreisen.", "supported", []),
])
def test_the_weekday_of_a_noun_dates_its_count(riga, sentence, verdict, mismatches):
    report = riga.check_text(f"date 2023-03\n{sentence}")
    verdicts = {c.verdict for c in report.claims}
    found = [(m.field, m.found, m.expected) for c in report.claims for m in c.mismatches]
    assert (verdict in verdicts, found) == (True, mismatches)
