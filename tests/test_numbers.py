"""Tests of the number-expression grammar (claimcheck.nlp.numbers)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.errors import ClaimcheckError
from claimcheck.models import Quantity
from claimcheck.nlp.numbers import find_quantities
from claimcheck.lang.schema.numbers import NumbersFile
from claimcheck.resources import load_yaml, resource_path

INF = None  # unbounded side of an interval

# sentence, expected span, value, low, high, hedge
EXACT_AND_HEDGED = [
    # digits with German separators
    ("Bei dem Unglück kamen 35 Menschen ums Leben.", "35", 35, 35, 35, None),
    ("Der Konzern beschäftigt weltweit 12.500 Mitarbeiter.", "12.500", 12500, 12500, 12500, None),
    ("Insgesamt wurden 1.234.567 Stimmen ausgezählt.", "1.234.567", 1234567, 1234567, 1234567, None),
    ("Das Stadion fasst 25 000 Zuschauer.", "25 000", 25000, 25000, 25000, None),
    ("Das Stadion fasst 25\u202f000 Zuschauer.", "25\u202f000", 25000, 25000, 25000, None),
    ("Die Leitzinsen wurden um 0,25 Punkte angehoben.", "0,25", 0.25, 0.25, 0.25, None),
    # scale words
    ("Der Bund stellt 1,5 Millionen Euro für den Wiederaufbau bereit.", "1,5 Millionen", 1.5e6, 1.5e6, 1.5e6, None),
    ("Das neue Feuerwehrhaus kostet 2 Mio. Euro.", "2 Mio.", 2e6, 2e6, 2e6, None),
    ("Die Sanierung der Brücken soll 3 Mrd. Euro kosten.", "3 Mrd.", 3e9, 3e9, 3e9, None),
    ("Der Schaden summiert sich auf 4,2 Milliarden Euro.", "4,2 Milliarden", 4.2e9, 4.2e9, 4.2e9, None),
    ("Das Defizit liegt bei 2,3 Millionen Euro.", "2,3 Millionen", 2.3e6, 2.3e6, 2.3e6, None),
    ("Der Verein zählt inzwischen 20 Tausend Mitglieder.", "20 Tausend", 20000, 20000, 20000, None),
    # number words
    ("Fünfunddreißig Diplomaten mussten das Land verlassen.", "Fünfunddreißig", 35, 35, 35, None),
    ("Die Polizei nahm sechzig Demonstranten vorläufig fest.", "sechzig", 60, 60, 60, None),
    ("Zwei Verletzte wurden ins Krankenhaus gebracht.", "Zwei", 2, 2, 2, None),
    ("Der Festsaal bietet Platz für hundert Gäste.", "hundert", 100, 100, 100, None),
    ("Die Behörde hat siebenhundertfünfundfünfzig Anträge bearbeitet.", "siebenhundertfünfundfünfzig", 755, 755, 755, None),
    ("Insgesamt wurden zwölf Botschaftsmitarbeiter ausgewiesen.", "zwölf", 12, 12, 12, None),
    ("Die Gemeinde zählt dreitausendfünfhundert Einwohner.", "dreitausendfünfhundert", 3500, 3500, 3500, None),
    ("Die Regierung will zwei Millionen Impfdosen bestellen.", "zwei Millionen", 2e6, 2e6, 2e6, None),
    ("Eine Million Menschen leben in der Region.", "Eine Million", 1e6, 1e6, 1e6, None),
    ("Das Unternehmen hat ein Dutzend Filialen geschlossen.", "ein Dutzend", 12, 12, 12, None),
    ("Zweieinhalb Millionen Besucher kamen zur Messe.", "Zweieinhalb Millionen", 2.5e6, 2.5e6, 2.5e6, None),
    ("Der Umbau des Bahnhofs dauerte anderthalb Jahre.", "anderthalb", 1.5, 1.5, 1.5, None),
    ("Das Land nimmt eine halbe Million Flüchtlinge auf.", "eine halbe Million", 5e5, 5e5, 5e5, None),
    # approximate hedges: t = min(max(5 % N, unit/2), 10 % N)
    ("Rund 750 Diplomaten wurden ausgewiesen.", "Rund 750", 750, 712.5, 787.5, "rund"),
    ("Etwa 200 Menschen versammelten sich vor dem Rathaus.", "Etwa 200", 200, 180, 220, "rund"),
    ("Ca. 40 Feuerwehrleute waren im Einsatz.", "Ca. 40", 40, 36, 44, "rund"),
    ("Der Schaden beläuft sich auf circa 3,5 Millionen Euro.", "circa 3,5 Millionen", 3.5e6, 3.25e6, 3.75e6, "rund"),
    ("Ungefähr 1.000 Gäste werden erwartet.", "Ungefähr 1.000", 1000, 900, 1100, "rund"),
    ("Rund eine Million Menschen sahen die Übertragung.", "Rund eine Million", 1e6, 9e5, 1.1e6, "rund"),
    ("Zur Kundgebung kamen um die 500 Menschen.", "um die 500", 500, 450, 550, "rund"),
    # near hedges
    ("Gut 700 Beamte sicherten den Gipfel.", "Gut 700", 700, 700, 770, "gut"),
    ("Knapp 800 Menschen haben die Petition unterschrieben.", "Knapp 800", 800, 720, 800, "knapp"),
    ("Beinahe 300 Flüge fielen wegen des Streiks aus.", "Beinahe 300", 300, 270, 300, "knapp"),
    ("Knapp über 50 Stimmen fehlten dem Antrag.", "Knapp über 50", 50, 50, 55, "knapp über"),
    # open and closed bounds
    ("Mehr als 700 Menschen wurden evakuiert.", "Mehr als 700", 700, 700, INF, "mehr als"),
    ("Über 800 Anwohner mussten ihre Häuser verlassen.", "Über 800", 800, 800, INF, "mehr als"),
    ("Mehr als ein Dutzend Fahrzeuge brannten aus.", "Mehr als ein Dutzend", 12, 12, INF, "mehr als"),
    ("Weniger als 20 Abgeordnete stimmten dagegen.", "Weniger als 20", 20, INF, 20, "weniger als"),
    ("Kinder unter 6 Jahren fahren kostenlos.", "unter 6", 6, INF, 6, "weniger als"),
    ("Mindestens 35 Menschen kamen ums Leben.", "Mindestens 35", 35, 35, INF, "mindestens"),
    ("Höchstens 50 Personen dürfen an der Feier teilnehmen.", "Höchstens 50", 50, INF, 50, "höchstens"),
    ("Bis zu 40 Zentimeter Neuschnee werden erwartet.", "Bis zu 40", 40, INF, 40, "höchstens"),
    ("In den Saal passen maximal 100 Zuschauer.", "maximal 100", 100, INF, 100, "höchstens"),
    # ranges (value None)
    ("Zwischen 30 und 40 Menschen wurden verletzt.", "Zwischen 30 und 40", None, 30, 40, "zwischen"),
    ("In der Halle warteten 30 bis 40 Journalisten.", "30 bis 40", None, 30, 40, "zwischen"),
    ("Für die Sanierung werden 30–40 Arbeiter gebraucht.", "30–40", None, 30, 40, "zwischen"),
    ("Der Umsatz lag zwischen 1,5 und 2 Milliarden Euro.", "zwischen 1,5 und 2 Milliarden", None, 1.5e9, 2e9, "zwischen"),
    ("Die Behörden rechnen mit zwei bis drei Millionen Euro Schaden.", "zwei bis drei Millionen", None, 2e6, 3e6, "zwischen"),
    ("Die Gruppe umfasst von 10 bis 15 Teilnehmern.", "von 10 bis 15", None, 10, 15, "zwischen"),
    ("Die Reparatur dauert etwa 3 bis 4 Wochen.", "etwa 3 bis 4", None, 3, 4, "zwischen"),
]


@pytest.mark.parametrize("sentence,span,value,low,high,hedge", EXACT_AND_HEDGED)
def test_single_quantity(sentence, span, value, low, high, hedge):
    (q,) = find_quantities(sentence)
    assert (q.text, q.hedge, q.vague) == (span, hedge, False)
    assert sentence[q.start:q.end] == span
    assert q.value == pytest.approx(value) if value is not None else q.value is None
    assert q.low == pytest.approx(low) if low is not None else q.low is None
    assert q.high == pytest.approx(high) if high is not None else q.high is None


# sentence, span, low, high, unit
VAGUE = [
    ("Dutzende Menschen wurden bei dem Anschlag verletzt.", "Dutzende", 24, 99, None),
    ("Hunderte Demonstranten zogen durch die Innenstadt.", "Hunderte", 200, 999, None),
    ("Tausende Menschen flohen vor den Kämpfen.", "Tausende", 2000, 9999, None),
    ("Zehntausende gingen am Wochenende auf die Straße.", "Zehntausende", 20000, 99999, None),
    ("Mehrere Häuser wurden durch den Sturm beschädigt.", "Mehrere", 2, 9, None),
    ("Bei der Abstimmung enthielten sich einige Abgeordnete.", "einige", 2, 9, None),
    ("Zahlreiche Flüge wurden gestrichen.", "Zahlreiche", 5, INF, None),
    ("Ein paar Zuschauer blieben bis zum Schluss.", "Ein paar", 2, 9, None),
    ("Mehrere Hundert Polizisten waren im Einsatz.", "Mehrere Hundert", 200, 900, None),
    ("Einige Tausend Fans reisten mit Sonderzügen an.", "Einige Tausend", 2000, 9000, None),
    ("Millionen Menschen verfolgten das Finale im Fernsehen.", "Millionen", 2e6, 999999999, None),
    ("Die Preise stiegen um einige Prozent.", "einige Prozent", 2, 9, "Prozent"),
]


@pytest.mark.parametrize("sentence,span,low,high,unit", VAGUE)
def test_vague(sentence, span, low, high, unit):
    (q,) = find_quantities(sentence)
    assert (q.text, q.vague, q.value, q.low, q.high, q.unit) == (span, True, None, low, high, unit)


# sentence, span, value, low, high, unit, low_inclusive, high_inclusive
PERCENT = [
    ("Die Inflationsrate lag im Mai bei 2,5 Prozent.", "2,5 Prozent", 2.5, 2.5, 2.5, "Prozent", True, True),
    ("Die Arbeitslosenquote stieg auf 3,5 %.", "3,5 %", 3.5, 3.5, 3.5, "Prozent", True, True),
    ("Die SPD kam auf 35% der Stimmen.", "35%", 35, 35, 35, "Prozent", True, True),
    ("Ungefähr 60 Prozent der Befragten stimmten zu.", "Ungefähr 60 Prozent", 60, 55, 65, "Prozent", True, True),
    ("Fast 50 Prozent der Wähler blieben zu Hause.", "Fast 50 Prozent", 50, 45, 50, "Prozent", True, False),
    ("Unter 10 Prozent der Haushalte haben kein Internet.", "Unter 10 Prozent", 10, None, 10, "Prozent", True, False),
    ("Die Partei verlor 4,1 Prozentpunkte.", "4,1 Prozentpunkte", 4.1, 4.1, 4.1, "Prozentpunkte", True, True),
    ("Zwischen 20 und 30 Prozent der Mieten sind zu hoch.", "Zwischen 20 und 30 Prozent", None, 20, 30, "Prozent", True, True),
    ("Mehr als 50 Prozent stimmten mit Ja.", "Mehr als 50 Prozent", 50, 50, None, "Prozent", False, True),
    # occasions: a number word with "mal" counts them
    ("Der Rat tagte zweimal in Genf.", "zweimal", 2, 2, 2, "Mal", True, True),
    ("Dreimal scheiterte die Abstimmung.", "Dreimal", 3, 3, 3, "Mal", True, True),
    ("Sie votierten gleich vierundzwanzigmal dagegen.", "vierundzwanzigmal", 24, 24, 24, "Mal", True, True),
]


@pytest.mark.parametrize("sentence,span,value,low,high,unit,low_inc,high_inc", PERCENT)
def test_percent_and_bounds(sentence, span, value, low, high, unit, low_inc, high_inc):
    (q,) = find_quantities(sentence)
    assert (q.text, q.value, q.low, q.high, q.unit) == (span, value, low, high, unit)
    assert (q.low_inclusive, q.high_inclusive) == (low_inc, high_inc)


NOT_QUANTITIES = [
    # times of day
    "Der Zug fuhr um 12.18 Uhr in Hamburg ab.",
    "Die Sitzung begann um 12:18 Uhr.",
    "Um 9 Uhr öffneten die Wahllokale.",
    "Die Pressekonferenz beginnt um 9.30 Uhr.",
    "Die Geschäfte sind von 9 bis 17 Uhr geöffnet.",
    "Der Notdienst ist rund um die Uhr erreichbar.",
    # scores and ratios
    "Bayern gewann das Spiel mit 3:1.",
    "Das Hinspiel endete 2:0 für die Gastgeber.",
    "Die Mannschaft verlor drei zu eins.",
    # references
    "Das steht auf Seite 12 des Berichts.",
    "Einzelheiten finden sich auf S. 12.",
    "Nach § 35 ist das Vorgehen unzulässig.",
    "Artikel 5 des Grundgesetzes schützt die Pressefreiheit.",
    "Das regelt Art. 5 Abs. 2 der Verfassung.",
    "Absatz 2 enthält die Ausnahmen.",
    "Der Sicherheitsrat bekräftigte die Resolution 2231.",
    "Das Dokument trägt die Nr. 5.",
    "Die Akte mit der Nummer 5 fehlt.",
    "Die Artikel 5 und 6 wurden gestrichen.",
    # postcodes, house numbers, phone numbers
    "10117 Berlin",
    "Die Botschaft liegt in der Wilhelmstraße 70, 10117 Berlin.",
    "Das Amt ist in 01067 Dresden ansässig.",
    "Die Hotline ist unter 030 1234567 erreichbar.",
    "Anrufe unter +49 30 12345678 werden weitergeleitet.",
    "Die Servicenummer lautet 0800/3301000.",
    # ordinals
    "Der Verein belegte den 3. Platz.",
    "Sie gewann zum 2. Mal den Titel.",
    "Die erste Sitzung fand im Rathaus statt.",
    "In der zweiten Runde schied er aus.",
    "Die dritte Welle traf das Land hart.",
    # articles and noun homographs
    "Ein Mann wurde festgenommen.",
    "Sie hat einen Sohn und eine Tochter.",
    "Eines der Opfer war ein Kind.",
    "Die deutsche Elf gewann souverän.",
    "Man darf die Risiken nicht außer Acht lassen.",
    # footnotes, compounds, vague words that are verbs
    "Das bestätigte die Regierung3 am Abend.",
    "Die Zahl der Opfer stieg weiter.12",
    "Die 35-Jährige wurde leicht verletzt.",
    "Das Covid-19-Virus breitet sich aus.",
    "Die Parteien einigen sich.",
    "Die Hotline ist 24/7 besetzt.",
    "Er versuchte es noch einmal.",  # "einmal" counts nothing
    "Manchmal reden sie miteinander.",
]


@pytest.mark.parametrize("sentence", NOT_QUANTITIES)
def test_not_quantities(sentence):
    assert find_quantities(sentence) == []


MIXED = [
    ("Um 9 Uhr standen bereits 300 Menschen vor dem Eingang.", ["300"]),
    ("Auf Seite 3 heißt es, dass 40 Prozent der Befragten zustimmen.", ["40 Prozent"]),
    ("Nach dem 3:1-Sieg feierten rund 5.000 Fans.", ["rund 5.000"]),
    ("Die Zahl stieg von 30 auf 45.", ["30", "45"]),
    ("Es starben 35. Die Polizei ermittelt.", ["35"]),
    ("Der 3. Platz ging an ein Team mit 12 Spielern.", ["12"]),
    ("Die Kanzlerin empfing um 10.30 Uhr zwölf Minister.", ["zwölf"]),
    ("Die Partei erhielt 35 % und damit zwei Sitze mehr.", ["35 %", "zwei"]),
    ("Vor der Hauptstraße 5 warteten 300 Demonstranten.", ["300"]),
    ("In der Hauptstraße 300 Demonstranten, in der Seitenstraße 50 Polizisten.", ["300", "50"]),
    ("Laut Artikel 5 dürfen höchstens 20 Personen teilnehmen.", ["höchstens 20"]),
    ("Die Polizei meldete 12000 Teilnehmer.", ["12000"]),
    ("Das Gesetz wurde mit 420 zu 180 Stimmen angenommen.", ["420", "180"]),
    ("Die Stadt hat 17 Stadtteile und knapp 1,2 Millionen Einwohner.", ["17", "knapp 1,2 Millionen"]),
]


@pytest.mark.parametrize("sentence,spans", MIXED)
def test_mixed(sentence, spans):
    assert [q.text for q in find_quantities(sentence)] == spans


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_excluded_date_is_skipped():
    text = "Am 29. Dezember 2016 wies die Regierung 35 Diplomaten aus."
    assert [q.text for q in find_quantities(text)] == ["2016", "35"]
    assert [q.text for q in find_quantities(text, [_span(text, "29. Dezember 2016")])] == ["35"]


def test_excluded_years_break_a_range():
    text = "Zwischen 2015 und 2017 kamen 300 Menschen ins Land."
    exclude = [_span(text, "2015"), _span(text, "2017")]
    assert [q.text for q in find_quantities(text, exclude)] == ["300"]


def test_partial_exclusion_drops_the_whole_expression():
    text = "Mehr als 700 Menschen wurden evakuiert."
    assert find_quantities(text, [_span(text, "700")]) == []
    assert [q.text for q in find_quantities(text, [_span(text, "Mehr")])] == ["700"]


@pytest.mark.parametrize("claim,found,agrees", [
    ("rund 750", 755, True),
    ("rund 750", 800, False),
    ("mehr als 700", 755, True),
    ("über 800", 755, False),
    ("knapp 800", 790, True),
    ("knapp 800", 800, False),
    ("Dutzende", 35, True),
    ("zwischen 30 und 40", 41, False),
])
def test_agreement_with_exact_fact(claim, found, agrees):
    (q,) = find_quantities(claim)
    fact = Quantity(text=str(found), start=0, end=1, value=found, low=found, high=found)
    assert q.contains(found) is agrees
    assert q.overlaps(fact) is agrees


def test_offsets_after_multibyte_text():
    text = "Größere Schäden: „Über 800 Häuser“ – so der Bürgermeister."
    (q,) = find_quantities(text)
    assert text[q.start:q.end] == q.text == "Über 800"


def test_lexicon_errors_name_line_and_field(tmp_path):
    good = resource_path("numbers.yaml").read_text(encoding="utf-8")
    assert "near: 0.10" in good
    bad = tmp_path / "numbers.yaml"
    bad.write_text(good.replace("near: 0.10", "near: 1.5"), encoding="utf-8")
    with pytest.raises(ClaimcheckError) as err:
        load_yaml(bad, NumbersFile)
    line = good.splitlines().index("  near: 0.10") + 1
    assert err.value.code == "E030"
    assert f"Zeile {line}" in err.value.message and "tolerance.near" in err.value.message


def test_lexicon_rejects_uppercase_words(tmp_path):
    good = resource_path("numbers.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "numbers.yaml"
    bad.write_text(good.replace("time_words: [uhr]", "time_words: [Uhr]"), encoding="utf-8")
    with pytest.raises(ClaimcheckError, match="time_words"):
        load_yaml(bad, NumbersFile)


_VOCAB = ["rund", "mehr", "als", "über", "zwischen", "und", "bis", "zu", "Uhr", "Seite", "§",
          "Millionen", "Mio.", "Prozent", "%", "Dutzende", "mehrere", "ein", "eine", "zwei",
          "Elf", "der", "3.", "12:18", "1.000", "2,5", "10117", "Berlin", "030", "-", "–", ".",
          ",", "\n", "35", "fünfunddreißig", "einhalb", "ca.", "Hauptstr.", "0", "007", "+49"]
_texts = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(_VOCAB), max_size=30).map(" ".join),
                   st.lists(st.sampled_from(_VOCAB), max_size=30).map("".join))


@settings(max_examples=300, deadline=None)
@given(text=_texts, data=st.data())
def test_never_crashes_and_keeps_invariants(text, data):
    n = len(text)
    exclude = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted).map(tuple), max_size=3))
    found = find_quantities(text, exclude)
    for q in found:
        assert text[q.start:q.end] == q.text and q.start < q.end
        assert not any(s < q.end and q.start < e for s, e in exclude)
        assert q.low is None or q.high is None or q.low <= q.high
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=0, max_value=10**12))
def test_german_thousands_round_trip(n):
    written = f"{n:,}".replace(",", ".")
    (q,) = find_quantities(f"Die Behörde meldete {written} Fälle.")
    assert (q.text, q.value, q.hedge) == (written, n, None)


def _full_parse(text, exclude=()):
    """Reference: the parser run over every token of the text (no trigger windows)."""
    from claimcheck.nlp.numbers import parse as n
    from claimcheck.nlp.numbers.lexicon import mask, tokenize
    lex = n.numbers_lexicon()
    toks = tokenize(mask(text, exclude, lex.data.phone_min_digits))
    found, i = [], 0
    while i < len(toks):
        q, j = n._parse_at(text, toks, i, lex)
        if q is not None and not any(s < q.end and q.start < e for s, e in exclude):
            found.append(q)
        i = max(j, i + 1)
    return found


@pytest.mark.parametrize("text, windows", [
    ("Sie hat es gemacht und in der Nacht geholfen.", 0),  # "acht", "elf" inside other words open no window
    ("Er verbrachte dort einundzwanzig Tage.", 1),
    ("Ein paar Zuschauer und Millionen Menschen.", 1),
    ("Es dauerte zweieinhalb Stunden, dreimal.", 1),
])
def test_words_that_only_hold_a_number_piece_open_no_window(text, windows):
    from claimcheck.nlp.numbers import parse as n
    from claimcheck.nlp.numbers.lexicon import token_windows
    lex = n.numbers_lexicon()
    assert len(token_windows(text, lex.trigger, lambda w: n._number_word(w, lex))) == windows
    assert find_quantities(text) == _full_parse(text)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.one_of(st.sampled_from(_VOCAB + ["Artikel", "Menschen", "zweieinhalb",
                                                           "Hunderte", "ein", "paar", "gemacht", "Nacht",
                                                           "einundzwanzig", "dreimal", "x" * 30]),
                                st.text(max_size=8)), max_size=60),
       sep=st.sampled_from([" ", "", "\n", "  ", ", "]))
def test_windowed_parse_equals_full_parse(words, sep):
    text = sep.join(words)
    assert find_quantities(text) == _full_parse(text)


def test_many_exclusions_on_a_long_line():
    text = "Am 1. Mai kamen 35 Menschen, 2016 waren es rund 750. " * 5000
    exclude = [(m, m + 4) for m in range(0, len(text), 53)]
    found = find_quantities(text, exclude)
    assert found and all(not any(s < q.end and q.start < e for s, e in exclude[:3]) for q in found[:3])


@pytest.mark.parametrize("value, model, written", [
    (2, "dreimal", "zweimal"),  # the multiplicative suffix is kept
    (55, "fünfundsechzig", "fünfundfünfzig"),
    (35, "Fünfundvierzig", "Fünfunddreißig"),  # … and the capital of a sentence start
    (55, "65", None),  # digits stay digits: the source's spelling is used
    (2.5, "drei", None),  # no whole number, no word
])
def test_a_correction_is_written_like_the_draft(value, model, written):
    from claimcheck.nlp.numbers.values import written_like

    assert written_like(value, model) == written
