"""Tests for claimcheck.nlp.dates: German time expressions normalised to day intervals."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.errors import ClaimcheckError
from claimcheck.models import TimeSpan
from claimcheck.nlp.dates import find_time_expressions, time_label
from claimcheck.lang.schema.dates import DatesLexicon
from claimcheck.resources import load_resource, load_yaml

DOC = date(2025, 2, 20)  # a Thursday


def spans(text: str, doc: date | None = DOC, **kw) -> list[tuple[str, str, str]]:
    found = find_time_expressions(text, doc, **kw)
    for t in found:
        assert text[t.start:t.end] == t.text
    return [(t.text, t.first.isoformat(), t.last.isoformat()) for t in found]


# --- absolute expressions ---------------------------------------------------------------

ABSOLUTE = [
    ("2018 schlossen die USA das russische Konsulat in Seattle.",
     [("2018", "2018-01-01", "2018-12-31")]),
    ("Im Jahr 2016 wies die Regierung 35 Diplomaten aus.",
     [("Jahr 2016", "2016-01-01", "2016-12-31")]),
    ("Seit 2014 gelten die Sanktionen.", [("2014", "2014-01-01", "2014-12-31")]),
    # a genitive name before its noun owns the noun and is not counted: the number is a year
    ("Die USA machten 2018 Russlands Konsulat in Seattle dicht.", [("2018", "2018-01-01", "2018-12-31")]),
    ("Wien schloss 2019 Moskaus Handelsvertretung.", [("2019", "2019-01-01", "2019-12-31")]),
    ("Er ist seit 2016 Botschafter in Moskau.", [("2016", "2016-01-01", "2016-12-31")]),
    ("Obama wies 2016 35 Diplomaten aus.", [("2016", "2016-01-01", "2016-12-31")]),
    ("Der Bericht erschien 2016¹ in Berlin.", [("2016", "2016-01-01", "2016-12-31")]),
    ("Die Zahlen stammen aus 2016[3].", [("2016", "2016-01-01", "2016-12-31")]),
    ("Im Dezember 2016 verhängte Washington neue Sanktionen.",
     [("Dezember 2016", "2016-12-01", "2016-12-31")]),
    ("Die Frist lief im Jänner 2017 ab.", [("Jänner 2017", "2017-01-01", "2017-01-31")]),
    ("Der Vertrag wurde im Feber 2019 unterzeichnet.",
     [("Feber 2019", "2019-02-01", "2019-02-28")]),
    ("Bis Dez. 2016 blieb alles beim Alten.", [("Dez. 2016", "2016-12-01", "2016-12-31")]),
    ("Am 29. Dezember 2016 ordnete Obama die Ausweisung an.",
     [("29. Dezember 2016", "2016-12-29", "2016-12-29")]),
    ("Das Schreiben ist auf den 29.12.2016 datiert.",
     [("29.12.2016", "2016-12-29", "2016-12-29")]),
    ("Am 3. Oktober 1990 wurde Deutschland wiedervereinigt.",
     [("3. Oktober 1990", "1990-10-03", "1990-10-03")]),
    ("Am Montag, 27. Februar 2017, begann der Prozess.",
     [("Montag, 27. Februar 2017", "2017-02-27", "2017-02-27")]),
    ("Am 27. Februar treffen sich die Delegationen erneut.",
     [("27. Februar", "2025-02-27", "2025-02-27")]),
    ("Die nächste Sitzung findet am 27.2. statt.", [("27.2.", "2025-02-27", "2025-02-27")]),
    ("Die Daten wurden am 2016-12-29 veröffentlicht.",
     [("2016-12-29", "2016-12-29", "2016-12-29")]),
    ("Stand: 2025-02, Quelle: Agentur.", [("2025-02", "2025-02-01", "2025-02-28")]),
    ("Ende 2016 verschlechterten sich die Beziehungen.",
     [("Ende 2016", "2016-09-01", "2016-12-31")]),
    ("Anfang 2017 übernahm Trump das Amt.", [("Anfang 2017", "2017-01-01", "2017-04-30")]),
    ("Mitte 2018 kam es zu einem Treffen in Helsinki.",
     [("Mitte 2018", "2018-05-01", "2018-08-31")]),
    ("Ende des Jahres 2016 kam die Wende.", [("Ende des Jahres 2016", "2016-09-01", "2016-12-31")]),
    ("Ende Dezember reiste die Delegation ab.", [("Ende Dezember", "2025-12-21", "2025-12-31")]),
    ("Ende Dezember 2016 mussten die Diplomaten das Land verlassen.",
     [("Ende Dezember 2016", "2016-12-21", "2016-12-31")]),
    ("Mitte Mai soll entschieden werden.", [("Mitte Mai", "2025-05-11", "2025-05-20")]),
    ("Im Frühjahr 2022 begann der Krieg.", [("Frühjahr 2022", "2022-03-01", "2022-05-31")]),
    ("Im Frühling 2021 wurden die Gespräche ausgesetzt.",
     [("Frühling 2021", "2021-03-01", "2021-05-31")]),
    ("Im Sommer 2018 trafen sich die Präsidenten.",
     [("Sommer 2018", "2018-06-01", "2018-08-31")]),
    ("Im Herbst 2020 fand die Wahl statt.", [("Herbst 2020", "2020-09-01", "2020-11-30")]),
    ("Im Winter 2016/17 eskalierte der Streit.",
     [("Winter 2016/17", "2016-12-01", "2017-02-28")]),
    ("Im Winter 2016 fror der Fluss zu.", [("Winter 2016", "2015-12-01", "2016-02-29")]),
    ("Im Herbst sollen neue Gespräche folgen.", [("Herbst", "2025-09-01", "2025-11-30")]),
    ("Im ersten Quartal 2018 sank der Umsatz.",
     [("ersten Quartal 2018", "2018-01-01", "2018-03-31")]),
    ("Im zweiten Halbjahr 2019 stieg die Zahl wieder.",
     [("zweiten Halbjahr 2019", "2019-07-01", "2019-12-31")]),
    ("In der ersten Jahreshälfte 2020 ruhte der Betrieb.",
     [("ersten Jahreshälfte 2020", "2020-01-01", "2020-06-30")]),
    ("In den 1990er Jahren war das Verhältnis entspannter.",
     [("1990er Jahren", "1990-01-01", "1999-12-31")]),
    ("In den 90er-Jahren wurde das Konsulat eröffnet.",
     [("90er-Jahren", "1990-01-01", "1999-12-31")]),
    ("In den Neunzigerjahren gab es mehr Austausch.",
     [("Neunzigerjahren", "1990-01-01", "1999-12-31")]),
    ("Anfang der 2000er verschlechterte sich die Lage.",
     [("Anfang der 2000er", "2000-01-01", "2003-12-31")]),
    ("Von 2016 bis 2018 galten die Sanktionen.",
     [("Von 2016 bis 2018", "2016-01-01", "2018-12-31")]),
    ("Zwischen 2016 und 2018 wurden mehrere Konsulate geschlossen.",
     [("Zwischen 2016 und 2018", "2016-01-01", "2018-12-31")]),
    ("Der Zeitraum 2016–2018 war schwierig.", [("2016–2018", "2016-01-01", "2018-12-31")]),
    ("Von Januar bis März 2018 ruhten die Gespräche.",
     [("Von Januar bis März 2018", "2018-01-01", "2018-03-31")]),
    ("Die Verhandlungen vom 3. bis 5. März 2018 blieben ohne Ergebnis.",
     [("3. bis 5. März 2018", "2018-03-03", "2018-03-05")]),
    # a compound that names the part of a year it is followed by
    ("Bis zur Jahresmitte 2022 müssen sie ausreisen.", [("Jahresmitte 2022", "2022-05-01", "2022-08-31")]),
    ("2016 und 2018 gab es Wahlen.",
     [("2016", "2016-01-01", "2016-12-31"), ("2018", "2018-01-01", "2018-12-31")]),
]


@pytest.mark.parametrize("text,expected", ABSOLUTE)
def test_absolute(text, expected):
    assert spans(text) == expected


# --- relative to the document date ------------------------------------------------------

DOCUMENT = [
    ("Vor acht Jahren schloss die Regierung das Konsulat.",
     [("Vor acht Jahren", "2017-01-01", "2017-12-31")]),
    ("Vor zwei Monaten kam es zum ersten Treffen.",
     [("Vor zwei Monaten", "2024-12-01", "2024-12-31")]),
    ("Im vergangenen Jahr wurden 60 Diplomaten ausgewiesen.",
     [("vergangenen Jahr", "2024-01-01", "2024-12-31")]),
    ("Vergangenes Jahr wurde ebenfalls verhandelt.",
     [("Vergangenes Jahr", "2024-01-01", "2024-12-31")]),
    ("Letztes Jahr war die Lage ruhig.", [("Letztes Jahr", "2024-01-01", "2024-12-31")]),
    ("Im Vorjahr waren es noch 35.", [("Vorjahr", "2024-01-01", "2024-12-31")]),
    ("Ende vergangenen Jahres wurde ein Abkommen geschlossen.",
     [("Ende vergangenen Jahres", "2024-09-01", "2024-12-31")]),
    ("Anfang dieses Jahres trat Trump sein Amt an.",
     [("Anfang dieses Jahres", "2025-01-01", "2025-04-30")]),
    # a compound that names a part of the document's year
    ("Zu Jahresbeginn sank die Quote.", [("Jahresbeginn", "2025-01-01", "2025-04-30")]),
    ("Zu Wochenbeginn stimmten sie ab.", [("Wochenbeginn", "2025-02-17", "2025-02-19")]),
    # "für" licenses a month without a year like "im"
    ("Für Januar rechnen die Statistiker mit einem Plus.", [("Januar", "2025-01-01", "2025-01-31")]),
    ("In diesem Jahr soll ein Gipfel stattfinden.",
     [("diesem Jahr", "2025-01-01", "2025-12-31")]),
    ("Im Dezember vergangenen Jahres gab es Kontakte.",
     [("Dezember vergangenen Jahres", "2024-12-01", "2024-12-31")]),
    ("Vergangene Woche telefonierten die Außenminister.",
     [("Vergangene Woche", "2025-02-10", "2025-02-16")]),
    # a weekday of a relative week is that day
    ("Vergangene Woche Mittwoch telefonierten die Außenminister.",
     [("Vergangene Woche Mittwoch", "2025-02-12", "2025-02-12")]),
    ("Am Freitag der kommenden Woche soll verhandelt werden.",
     [("Freitag der kommenden Woche", "2025-02-28", "2025-02-28")]),
    ("Am Montag vergangener Woche reiste er ab.", [("Montag vergangener Woche", "2025-02-10", "2025-02-10")]),
    ("Letzten Monat wurde der Botschafter einbestellt.",
     [("Letzten Monat", "2025-01-01", "2025-01-31")]),
    ("Im vergangenen Monat fanden keine Gespräche statt.",
     [("vergangenen Monat", "2025-01-01", "2025-01-31")]),
    ("Heute beginnen die Gespräche in Istanbul.", [("Heute", "2025-02-20", "2025-02-20")]),
    ("Gestern erklärte ein Sprecher des Ministeriums, es gebe Fortschritte.",
     [("Gestern", "2025-02-19", "2025-02-19")]),
    ("Die Delegationen trafen sich am Montag in Istanbul.",
     [("Montag", "2025-02-17", "2025-02-17")]),
    ("Am vergangenen Donnerstag reiste er ab.",
     [("vergangenen Donnerstag", "2025-02-13", "2025-02-13")]),
    ("Am Donnerstagabend wurde eine Erklärung veröffentlicht.",
     [("Donnerstagabend", "2025-02-20", "2025-02-20")]),
]


@pytest.mark.parametrize("text,expected", DOCUMENT)
def test_relative_to_document(text, expected):
    assert spans(text) == expected
    assert all(t.anchor == "document" for t in find_time_expressions(text, DOC))


@pytest.mark.parametrize("text", [t for t, _ in DOCUMENT] + [
    "Am 27. Februar traf er ihn.", "Die Sitzung ist am 27.2. geplant.", "Im Herbst wird gewählt."])
def test_relative_to_document_needs_a_date(text):
    assert spans(text, None) == []


# --- relative to the text ---------------------------------------------------------------

TEXT = [
    ("2016 wies Obama Diplomaten aus. Im Jahr darauf folgte die Antwort.",
     [("2016", "2016-01-01", "2016-12-31"), ("Jahr darauf", "2017-01-01", "2017-12-31")]),
    ("Trump kam 2017 ins Amt, ein Jahr später traf er Putin.",
     [("2017", "2017-01-01", "2017-12-31"), ("ein Jahr später", "2018-01-01", "2018-12-31")]),
    ("Die Sanktionen kamen 2014. Zwei Jahre später wurden sie verschärft.",
     [("2014", "2014-01-01", "2014-12-31"), ("Zwei Jahre später", "2016-01-01", "2016-12-31")]),
    ("Im Juli 2018 trafen sie sich; im selben Jahr scheiterte ein Abkommen.",
     [("Juli 2018", "2018-07-01", "2018-07-31"), ("selben Jahr", "2018-01-01", "2018-12-31")]),
    ("2019 gab es Proteste, im gleichen Jahr wurde gewählt.",
     [("2019", "2019-01-01", "2019-12-31"), ("gleichen Jahr", "2019-01-01", "2019-12-31")]),
    ("2018 schloss die USA das Konsulat, ein Jahr zuvor hatte Russland Personal abgezogen.",
     [("2018", "2018-01-01", "2018-12-31"), ("ein Jahr zuvor", "2017-01-01", "2017-12-31")]),
    ("Das Gesetz trat 2015 in Kraft, im Folgejahr wurde es geändert.",
     [("2015", "2015-01-01", "2015-12-31"), ("Folgejahr", "2016-01-01", "2016-12-31")]),
    ("Am 29. Dezember 2016 kam die Anordnung, am Tag darauf reagierte Moskau.",
     [("29. Dezember 2016", "2016-12-29", "2016-12-29"),
      ("Tag darauf", "2016-12-30", "2016-12-30")]),
    ("2010 begann es. Ein Jahr später kam die Krise. Zwei Jahre später war sie vorbei.",
     [("2010", "2010-01-01", "2010-12-31"), ("Ein Jahr später", "2011-01-01", "2011-12-31"),
      ("Zwei Jahre später", "2013-01-01", "2013-12-31")]),
    ("Ein Jahr später wurde er entlassen.", []),
    ("Im selben Jahr kam es zum Bruch.", []),
]


@pytest.mark.parametrize("text,expected", TEXT)
def test_relative_to_text(text, expected):
    assert spans(text) == expected


def test_relative_to_previous_argument():
    prev = find_time_expressions("im Jahr 2016", None)[0]
    (ts,) = find_time_expressions("Ein Jahr später wurde er entlassen.", None, previous=prev)
    assert (ts.text, ts.first, ts.last, ts.anchor) == (
        "Ein Jahr später", date(2017, 1, 1), date(2017, 12, 31), "previous")
    (ts,) = find_time_expressions("2018 kam er, ein Jahr später ging er.", None, previous=prev)[1:]
    assert ts.first == date(2019, 1, 1) and ts.anchor == "text"


# --- not time expressions ---------------------------------------------------------------

NEGATIVE = [
    "Um 12.18 Uhr meldete die Agentur den Abschluss.",
    "Das Treffen begann um 12 Uhr.",
    "Das Spiel endete 3:1.",
    "2000 Menschen demonstrierten vor der Botschaft.",
    "Rund 1500 Soldaten sind im Einsatz.",
    "Es kamen mehr als 2000.",
    "Mehr als 1.500 Menschen wurden evakuiert.",
    "Die Gruppe zählt 2.016 Mitglieder.",
    "Der Bericht umfasst 2016 Seiten.",
    "Die 2000 Diplomaten kehrten zurück.",
    "Es kamen 2000 Diplomaten des Landes.",
    "Die Strecke ist 2000 km lang.",
    "Die Angaben finden sich auf Seite 2016 des Berichts.",
    "Das steht auf S. 1999 und in § 1990.",
    "Laut Artikel 2001 der Satzung ist das erlaubt.",
    "Nach Art. 2005 ist das zulässig.",
    "Der Antrag Nr. 2010 wurde abgelehnt.",
    "Die Resolution 1973 des Sicherheitsrats gilt weiter.",
    "Die UN-Resolution 1973 wurde zitiert.",
    "Absatz 1999 regelt das Verfahren.",
    "Die Botschaft liegt in 10117 Berlin.",
    "Die Werte 2100 und 1899 liegen außerhalb.",
    "Die Fußnote 20161 verweist auf die Quelle.",
    "Er belegte den 3. Platz.",
    "Die Frist beträgt 72 Stunden.",
    "Er regierte acht Jahre lang.",
    "Seit acht Jahren wird verhandelt.",
    "In den letzten Jahren wuchs die Zahl.",
    "In seiner ersten Amtszeit kam es zum Bruch.",
    "Die Gespräche mit den Europäern dauerten an.",
    "August Bebel gründete die Partei.",
    "Herr Winter kam zu spät.",
    "Der Sommer war heiß.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_time_expression(text):
    assert spans(text) == []


# --- normalised fields and labels -------------------------------------------------------

FIELDS = [
    ("Ende 2016", "year", "end", "absolute"),
    ("im Dezember 2016", "month", None, "absolute"),
    ("am 29. Dezember 2016", "day", None, "absolute"),
    ("im Frühjahr 2022", "season", None, "absolute"),
    ("im ersten Quartal 2018", "quarter", None, "absolute"),
    ("im zweiten Halbjahr 2019", "half", None, "absolute"),
    ("Anfang der 2000er", "decade", "start", "absolute"),
    ("vergangene Woche", "week", None, "document"),
    ("Ende vergangenen Jahres", "year", "end", "document"),
]


@pytest.mark.parametrize("text,granularity,modifier,anchor", FIELDS)
def test_fields(text, granularity, modifier, anchor):
    (ts,) = find_time_expressions(text, DOC)
    assert (ts.granularity, ts.modifier, ts.anchor) == (granularity, modifier, anchor)


LABELS = [
    ("Ende 2016", "Ende 2016"),
    ("im Dezember 2016", "Dezember 2016"),
    ("Ende Dezember 2016", "Ende Dezember 2016"),
    ("am 29.12.2016", "29. Dezember 2016"),
    ("2018 kam er", "2018"),
    ("im Frühling 2022", "Frühjahr 2022"),
    ("im Winter 2016/17", "Winter 2016/17"),
    ("in den 90er-Jahren", "1990er-Jahre"),
    ("Anfang der 2000er", "Anfang der 2000er-Jahre"),
    ("im Jänner 2017", "Januar 2017"),
    ("im ersten Quartal 2018", "1. Quartal 2018"),
    ("im zweiten Halbjahr 2019", "2. Halbjahr 2019"),
    ("von 2016 bis 2018", "2016–2018"),
    ("vom 3. bis 5. März 2018", "3.–5. März 2018"),
    ("vergangene Woche", "Woche vom 10. Februar 2025"),
    ("Ende vergangenen Jahres", "Ende 2024"),
]


@pytest.mark.parametrize("text,label", LABELS)
def test_labels(text, label):
    (ts,) = find_time_expressions(text, DOC)
    assert time_label(ts) == label == ts.label()


def _one(text: str) -> TimeSpan:
    (ts,) = find_time_expressions(text, DOC)
    return ts


def test_modifier_overlaps():
    end_2016 = _one("Ende 2016")
    assert _one("im Dezember 2016").overlaps(end_2016)
    assert _one("im September 2016").overlaps(end_2016)
    assert not _one("Anfang 2017").overlaps(end_2016)
    assert not _one("Anfang 2016").overlaps(end_2016)
    assert _one("am 29. Dezember 2016").overlaps(_one("Ende Dezember 2016"))
    assert not _one("am 5. Dezember 2016").overlaps(_one("Ende Dezember 2016"))


def test_offsets_exclude_preposition():
    text = "Die USA hatten im Dezember 2016 und seit 2018 sowie in den 1990er Jahren reagiert."
    found = find_time_expressions(text, DOC)
    assert [(t.start, t.end) for t in found] == [
        (text.index("Dezember"), text.index(" und")),
        (text.index("2018"), text.index("2018") + 4),
        (text.index("1990er"), text.index(" reagiert")),
    ]


def test_exclude_ranges():
    text = "2018 schlossen die USA das Konsulat, 2016 nicht."
    assert spans(text, exclude=[(0, 4)]) == [("2016", "2016-01-01", "2016-12-31")]
    assert spans(text, exclude=[(1, 2), (38, 39)]) == []


def test_absolute_without_document_date():
    assert spans("2018 schlossen die USA das Konsulat.", None) == [
        ("2018", "2018-01-01", "2018-12-31")]


# --- lexicon ----------------------------------------------------------------------------

def test_lexicon_loads():
    lex = load_resource("dates.yaml", DatesLexicon)
    assert {n for m in lex.months for n in m.names} >= {"Jänner", "Feber", "Dezember"}
    assert "Dez." in lex.months[11].abbreviations


def test_lexicon_error_names_line(tmp_path):
    bad = tmp_path / "dates.yaml"
    bad.write_text("months:\n  - {number: 13, names: [Foo]}\n", encoding="utf-8")
    with pytest.raises(ClaimcheckError) as err:
        load_yaml(bad, DatesLexicon)
    assert err.value.code == "E030" and "Zeile 2" in err.value.message


# --- robustness ---------------------------------------------------------------------------

WORDS = ["im", "am", "Ende", "Anfang", "Mitte", "vor", "seit", "bis", "von", "zwischen", "und",
         "Dezember", "Jänner", "Dez.", "Winter", "Frühjahr", "Jahr", "Jahre", "Jahren", "darauf",
         "später", "zuvor", "selben", "vergangenen", "letzte", "Woche", "Monat", "Montag",
         "gestern", "Vorjahr", "Folgejahr", "ersten", "Quartal", "Halbjahr", "der", "den",
         "1990er", "90er-Jahren", "2016", "2016/17", "29.", "29.12.2016", "31.2.", "2.", "0.",
         "12.18", "Uhr", "3:1", "1.500", "Menschen", "rund", "Seite", "§", "¹", "[3]", "-", "–",
         ",", ".", "acht", "ein", "zwei", "99", "0000", "9999", "2099", "1900", "Q4", "heute"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=25),
       st.sampled_from([" ", "", "\n", " \u00a0"]),
       st.one_of(st.none(), st.dates()))
def test_never_crashes(words, sep, doc):
    text = sep.join(words)
    found = find_time_expressions(text, doc)
    last_end = 0
    for t in found:
        assert text[t.start:t.end] == t.text and t.start >= last_end and t.end > t.start
        assert t.first <= t.last
        assert isinstance(t.label(), str) and t.label()
        last_end = t.end


# --- windowed candidate search ------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=40),
       st.sampled_from([" ", "", "\n", " \u00a0", "   \n\n  ", ", "]))
def test_windowed_candidates_equal_full_scan(words, sep):
    from claimcheck.nlp.dates import find as dates
    from claimcheck.nlp.dates.lexicon import grammar
    from claimcheck.nlp.dates.scan import candidates
    text, g = sep.join(words), grammar()
    full = sorted((m.start(), m.end(), rule.name, m.groups())
                  for rule in dates._compiled(g) for m in rule.pattern.finditer(text) if m.end() > m.start())
    fast = sorted((s, e, rule.name, m.groups()) for s, e, rule, m in candidates(text, dates._scanner(g)))
    assert fast == full


def test_long_single_line_is_linear():
    text = "Ende 2016 wiesen die USA 35 Diplomaten aus, im Jahr darauf 755. " * 4000
    found = find_time_expressions(text, DOC)
    assert len(found) == 8000 and found[-1].end <= len(text)


@pytest.mark.parametrize("text, expected", [
    # a month that starts a compound naming its value is that month, the last one up to the document's
    ("Die Quote lag unter dem Dezemberwert.", [("Dezember", "2024-12-01", "2024-12-31")]),
    ("Die Januarzahlen überraschten.", [("Januar", "2025-01-01", "2025-01-31")]),
    ("Sie blieb unter dem Dezember-Wert.", [("Dezember", "2024-12-01", "2024-12-31")]),
    ("Der Maibaum steht auf dem Platz.", []),  # not a compound that names a value
])
def test_month_compounds(text, expected):
    assert spans(text) == expected
