"""Tense-aware resolution of weekdays and of months without year (``nlp/dates/tense.py``)."""
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.nlp.dates import find_time_expressions
from claimcheck.nlp.dates.tense import LAST, NEXT, UNKNOWN, direction, weekday_toward, year_toward

WED = date(2025, 2, 19)  # a Wednesday


@pytest.mark.parametrize("text,expr,first", [
    # future or deadline: the next one (on or after the document date)
    ("Am Freitag läuft die Frist ab.", "Freitag", "2025-02-21"),
    ("Bis Freitag müssen die Diplomaten das Land verlassen.", "Freitag", "2025-02-21"),
    ("Die Regierung wird am Montag entscheiden.", "Montag", "2025-02-24"),
    ("Am Montag sollen die Gespräche fortgesetzt werden.", "Montag", "2025-02-24"),
    ("Ab Montag gilt die neue Regel.", "Montag", "2025-02-24"),
    ("Am Mittwoch wird verhandelt.", "Mittwoch", "2025-02-19"),
    ("Die Ausreisefrist endet am Dienstag.", "Dienstag", "2025-02-25"),
    ("Das Ultimatum läuft am Sonntag aus.", "Sonntag", "2025-02-23"),
    # past: the last one (on or before)
    ("Am Freitag hatte der Senat abgestimmt.", "Freitag", "2025-02-14"),
    ("Die Delegationen trafen sich am Montag in Istanbul.", "Montag", "2025-02-17"),
    ("Seit Montag gilt die neue Regel.", "Montag", "2025-02-17"),
    ("Die Frist war am Freitag abgelaufen.", "Freitag", "2025-02-14"),
    ("Am Donnerstag wurden 35 Diplomaten ausgewiesen.", "Donnerstag", "2025-02-13"),
    # explicit direction words keep their meaning
    ("Am kommenden Montag wird verhandelt.", "kommenden Montag", "2025-02-24"),
    ("Vergangenen Freitag wird oft vergessen.", "Vergangenen Freitag", "2025-02-14"),
    # months without year: the year the tense points to
    ("Im Oktober hatte die Regierung 35 Diplomaten ausgewiesen.", "Oktober", "2024-10-01"),
    ("Im Januar wird die Regierung entscheiden.", "Januar", "2026-01-01"),
    ("Am 3. März soll der Gipfel beginnen.", "3. März", "2025-03-03"),
    ("Am 12. Januar wird verhandelt.", "12. Januar", "2026-01-12"),
    ("Am 12. Dezember hatten beide Seiten verhandelt.", "12. Dezember", "2024-12-12"),
    ("Im Februar hatte die Regierung entschieden.", "Februar", "2025-02-01"),
    # "bis zum"/"bis zur": the preposition before the contracted article decides
    ("Die Gesandten haben bis zum 10. Januar Zeit.", "10. Januar", "2026-01-10"),
    ("Sie reisten am 10. Januar aus, bis zur Grenze begleitet.", "10. Januar", "2025-01-10"),
    # "spätestens" is a deadline preposition like "bis", whatever the verb ("haben … zu verlassen")
    ("Spätestens 10. Januar haben die Gesandten das Land zu verlassen.", "10. Januar", "2026-01-10"),
    # a comparison base is earlier, also across an article ("gegenüber dem Dezember")
    ("Gegenüber Dezember sanken die Preise.", "Dezember", "2024-12-01"),
    ("Gegenüber dem Dezember werden die Preise sinken.", "Dezember", "2024-12-01"),
    ("Seit dem 10. März ist die Grenze geschlossen.", "10. März", "2024-03-10"),
    # a "vom" dates a noun ("die Ankündigung vom Freitag"): a weekday of the past unless a cue says otherwise
    ("Die Ankündigung vom Freitag hatte Folgen.", "Freitag", "2025-02-14"),
])
def test_weekday_and_month_follow_the_tense(text, expr, first):
    spans = find_time_expressions(text, WED)
    assert [(s.text, s.first.isoformat()) for s in spans] == [(expr, first)]


@pytest.mark.parametrize("text,prev,way", [
    ("Am Freitag läuft die Frist ab.", "am", NEXT),
    ("Am Freitag hatte der Senat abgestimmt.", "am", LAST),
    ("Am Freitag trafen sie sich.", "am", UNKNOWN),
    ("bis Freitag", "bis", NEXT),
    ("seit Freitag wird gestreikt", "seit", LAST),
    ("Sie hatten gesagt, am Freitag werde verhandelt.", "am", NEXT),  # nearest cue wins
])
def test_direction(text, prev, way):
    start = text.index("Freitag")
    assert direction(text, start, start + len("Freitag"), prev) == way


def test_calendar_helpers():
    assert weekday_toward(WED, 2, NEXT) == WED == weekday_toward(WED, 2, LAST)
    assert weekday_toward(WED, 4, NEXT) == date(2025, 2, 21)
    assert weekday_toward(WED, 4, UNKNOWN) == date(2025, 2, 14)
    assert year_toward(WED, 1, NEXT) == 2026 and year_toward(WED, 12, LAST) == 2024
    assert year_toward(WED, 12, UNKNOWN) == 2025 and year_toward(WED, 2, NEXT) == 2025


@given(st.text(alphabet=st.sampled_from(list("Am Freitag hatte wird bis Frist.\n")), max_size=80),
       st.integers(0, 6))
@settings(max_examples=200, deadline=None)
def test_weekdays_stay_within_a_week(text, weekday):
    text = text + " am Freitag "
    start = text.rindex("Freitag")
    way = direction(text, start, start + 7, "am")
    d = weekday_toward(WED, weekday, way)
    assert d.weekday() == weekday and abs((d - WED).days) <= 6


def test_a_month_after_an_article_alone_is_no_time():
    assert find_time_expressions("Das war dem Dezember geschuldet.", WED) == []
