"""The noise layer (``nlp/noise.py``, ``lang/de/noise.yaml``): web furniture and names that
contain numbers yield no claim; near-misses around them keep exactly the right claim."""
import re
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.errors import ClaimcheckError
from claimcheck.lang.schema.noise import NoiseFile
from claimcheck.nlp.noise import find_noise, mask_noise, table_lines
from claimcheck.resources import load_yaml, resource_path

DATE = "2025-02-19"

# Self-written lines of page furniture and non-claims: none of them may yield a claim.
FURNITURE = [
    'Der SV Darmstadt 98 stieg am Ende der Saison ab.',
    'Der 1. FC Heidenheim 1846 gewann zu Hause.',
    'Hannover 96 spielt wieder in der Bundesliga.',
    'Der TSV 1860 München sucht einen neuen Trainer.',
    'Fans von Schalke 04 protestierten vor dem Stadion.',
    'Die TSG 1899 Hoffenheim verpflichtete einen Stürmer.',
    'Der FSV Mainz 05 trennte sich von seinem Sportdirektor.',
    'Das neue iPhone 15 kommt in die Läden.',
    'Die Boeing 737 blieb nach dem Zwischenfall am Boden.',
    'Die Bundeswehr prüft den Kauf weiterer Leopard 2 für die Truppe.',
    'Der Hersteller stellte die PlayStation 5 Pro vor.',
    'Microsoft beendet die Unterstützung für Windows 10 bald.',
    'Die Luftwaffe bestellte die F-35 als Nachfolger.',
    'Der Airbus A320 landete sicher in Hamburg.',
    'Putin sprach im Sender Rossia 24 über die Lage.',
    'Das Interview lief im Sender Rossia 24. Damit überraschte er viele.',
    'Die Sendung lief am Abend auf Sat.1 und ProSieben.',
    'Der Nachrichtensender France 24 berichtete live.',
    'Laut § 5 Abs. 2 des Gesetzes ist das verboten.',
    'Nach §§ 823 und 826 BGB haftet der Betreiber.',
    'Artikel 5 des Grundgesetzes schützt die Pressefreiheit.',
    'Das regelt Art. 3 Abs. 1 GG eindeutig.',
    'Die Vorgabe steht in Absatz 3 Satz 2 der Satzung.',
    'Das Gericht entschied unter dem Aktenzeichen 3 StR 45/21.',
    'Das Urteil (Az. 1 BvR 2150/08) wurde veröffentlicht.',
    'Die Verfassungsbeschwerde 2 BvE 4/19 blieb erfolglos.',
    'Das Buch erschien unter ISBN 978-3-16-148410-0 im Verlag.',
    'ISBN 3-12-345678-9',
    'Telefon: 030 1234567',
    'Rückfragen unter Tel. 089/2345-678 an die Pressestelle.',
    'Kontakt: +49 30 2345 678',
    'Fax 040 / 123 456 78',
    'Musterstraße 12, 10115 Berlin',
    'D-80331 München',
    '12345 Musterstadt',
    'Mehr unter https://www.example.de/artikel/2025/02/19/test-123 lesen.',
    'Die Studie steht auf www.beispiel.de/seite-3 bereit.',
    'Quelle: statistik-beispiel.de/tabellen/2024',
    'Schreiben Sie an redaktion2025@example.de für Hinweise.',
    'Die Teuerung bei Energie3 fiel geringer aus.',
    'Die Erhebung¹ ist vorläufig.',
    'Das geht aus dem Bericht[12] hervor.',
    '* Angaben ohne Gewähr',
    '14.03.2025 09.41Online seit heute, 09.41 Uhr',
    'Stand: 19.02.2025, 14:05 Uhr',
    'Aktualisiert am 3. März 2025, 10:12 Uhr',
    'Veröffentlicht: 19.02.2025',
    'Von Anna Beispiel, dpa | 19.02.2025, 09:14 Uhr',
    'Berlin (dpa) - 19.02.2025',
    'Lesezeit: 3 Minuten',
    '4 Min. Lesezeit',
    'Bild 3 von 12',
    '42 Kommentare',
    '© 2025 Beispielverlag',
    'Copyright 2019-2025 Musterhaus Medien',
    'Waren 512,07 0,6 0,9 1,2 0,8',
    'Dienstleistungen | 487,93 | 3,8 | 3,9 | 4,2 |',
    '| 2016 | 2017 | 2018 |',
    '---|---|---|',
    'Oktober 2024 |',
    'Mieten 12,5 13,1 13,8 14,2',
    'Gesamt 1 000 3,1 3,4 3,7',
    'Region Nord\t12\t14\t15',
    'Die Luftwaffe setzt den Eurofighter und die Su-57 als Vergleich ein.',
    'Die Werte2 sind geschätzt.\n2 Vorläufige Angaben des Amtes.',
    'Preise¹ und Mieten² stiegen.\n¹ Vorläufig. ² Geschätzt.',
    'Die Mieten3 stiegen stark.\n3 Ohne Nebenkosten.',
    'Kerninflation2 | Energie3 |\n2 Ohne Energie. 3 Strom, Gas und Heizöl.',
]

# Near-misses: (text, [(claim text, year of its time or None, value or None)]).
NEAR_MISSES = [
    ("Hertha BSC verlor 2023 35 Spiele.", [("35 Spiele", 2023, 35)]),
    ("Der SV Darmstadt 98 holte 2024 nur 17 Punkte.", [("17 Punkte", 2024, 17)]),
    ("Der 1. FC Heidenheim 1846 gewann 2023 zwölf Spiele.", [("zwölf Spiele", 2023, 12)]),
    ("Hannover 96 verkaufte 2022 rund 20.000 Dauerkarten.", [("rund 20.000 Dauerkarten", 2022, 20000)]),
    ("Der FC Bayern entließ 2021 drei Trainer.", [("drei Trainer", 2021, 3)]),
    ("Eintracht Frankfurt gewann 2022 die Europa League.", [("2022", 2022, None)]),
    ("Apple verkaufte 2023 mehr als 200 Millionen iPhones.", [("mehr als 200 Millionen", 2023, 200e6)]),
    ("Boeing lieferte 2024 insgesamt 348 Flugzeuge aus.", [("348 Flugzeuge", 2024, 348)]),
    ("Deutschland lieferte 2023 insgesamt 18 Leopard-Panzer an die Ukraine.",
     [("18 Leopard-Panzer", 2023, 18)]),
    ("Der Sender Rossia 24 zeigte am Sonntag ein Interview, in dem Putin 755 Stellen nannte.",
     [("755 Stellen", 2025, 755)]),
    ("Der Sender erreichte 2024 rund 30 Millionen Zuschauer.", [("rund 30 Millionen Zuschauer", 2024, 30e6)]),
    ("Nach § 5 des Gesetzes wurden 2019 genau 40 Verfahren eingestellt.", [("40 Verfahren", 2019, 40)]),
    ("Das Gericht verhandelte 2022 über 120 Klagen.", [("über 120 Klagen", 2022, 120)]),
    # "im Vorjahr" after "als" is the comparison base, not the time of the statement
    ("Die Stadt hat 10115 Einwohner mehr als im Vorjahr.", [("10115 Einwohner", None, 10115)]),
    ("In Berlin demonstrierten 2023 rund 12.000 Menschen.", [("rund 12.000 Menschen", 2023, 12000)]),
    ("Die Seite wurde 2024 von 3 Millionen Menschen besucht.", [("3 Millionen Menschen", 2024, 3e6)]),
    ("Im Januar 2025 stiegen die Preise um 2,3 Prozent.", [("2,3 Prozent", 2025, 2.3)]),
    ("Die Inflation lag im Januar 2025 bei 2,3 %.", [("2,3 %", 2025, 2.3)]),
    # a footnote digit glued to a year: the year is read, the digit is not
    ("Die Preise stiegen im Januar 20241 deutlich.", [("Januar 2024", 2024, None)]),
    ("Die Mieten stiegen im März 20242 um 4 Prozent.", [("4 Prozent", 2024, 4)]),
    ("1. Die USA wiesen 2016 35 Diplomaten aus.", [("35 Diplomaten", 2016, 35)]),
    ("- 2018 schlossen die USA das Konsulat in Seattle.", [("2018", 2018, None)]),
    ("• Moskau wies 60 US-Diplomaten aus.", [("60 US-Diplomaten", None, 60)]),
    ("Am 27.02.2025 trafen sich die Delegationen in Istanbul.", [("27.02.2025", 2025, None)]),
    ("Am 19.02.2025 um 14:05 Uhr landete die Maschine mit 35 Diplomaten.", [("35 Diplomaten", 2025, 35)]),
    ("Von 2016 bis 2018 wiesen beide Seiten Diplomaten aus.", [("Von 2016 bis 2018", 2016, None)]),
    ("Ende 2016 verwiesen die USA 35 russische Diplomaten des Landes.",
     [("35 russische Diplomaten", 2016, 35)]),
    ("2017 zwang Putin die US-Vertretungen, 755 Mitarbeiter abzubauen.", [("755 Mitarbeiter", 2017, 755)]),
    ("Die Regierung kündigte an, 2025 insgesamt 50 Stellen zu streichen.", [("50 Stellen", 2025, 50)]),
    ("Der Konzern beschäftigte 2020 in Deutschland 5.000 Menschen.", [("5.000 Menschen", 2020, 5000)]),
    ("Zwischen 2016 und 2018 mussten 60 Diplomaten gehen.", [("60 Diplomaten", 2016, 60)]),
    ("Das Spiel endete vor 35.000 Zuschauern im Stadion.", [("35.000 Zuschauern", None, 35000)]),
    ("Die Union verlor 2021 die Bundestagswahl deutlich.", [("2021", 2021, None)]),
    ("Die Partei gewann 2024 zwölf Prozent der Stimmen.", [("zwölf Prozent", 2024, 12)]),
    ("Stand: 19.02.2025, 14:05 Uhr\nAm Montag wiesen die USA 35 Diplomaten aus.",
     [("35 Diplomaten", 2025, 35)]),
    ("Dienstleistungen | 3,8 | 4,2 |\nDie Preise für Dienstleistungen stiegen um 4,2 Prozent.",
     [("4,2 Prozent", None, 4.2)]),
]


@pytest.mark.parametrize("text", FURNITURE)
def test_furniture_yields_no_claim(checker, text):
    claims = checker.extract(text, DATE)
    assert [text[c.start:c.end] for c in claims] == []


@pytest.mark.parametrize("text,expected", NEAR_MISSES)
def test_near_miss_keeps_the_claim(checker, text, expected):
    claims = checker.extract(text, DATE)
    got = [(c.text, c.time.first.year if c.time else None,
            c.quantity.value if c.quantity else None) for c in claims]
    assert got == [(t, y, None if v is None else pytest.approx(v)) for t, y, v in expected]
    for c in claims:
        assert text[c.start:c.end] == c.text


def test_counts_and_lists_are_enough():
    assert len(FURNITURE) >= 60 and len(NEAR_MISSES) >= 30


def test_noise_can_be_switched_off(checker):
    pipe = checker.nlp.get_pipe("claimcheck_claims")
    text = "Der SV Darmstadt 98 stieg ab.\nWaren 512,07 0,6 0,9 1,2 0,8"
    pipe.noise = False
    try:
        without = checker.extract(text, DATE)
    finally:
        pipe.noise = True
    assert len(without) >= 2 and checker.extract(text, DATE) == []


@pytest.mark.parametrize("text,kind,surface", [
    ("im Sender Rossia 24. Damit", "channel", "Rossia 24"),
    ("Januar 20251 |", "footnote", "1"),
    ("Energie3 | 7", "footnote", "3"),
    ("14.03.2025 09.41Online seit heute, 09.41 Uhr", "timestamp", "14.03.2025 09.41"),
    ("Siehe § 5 Abs. 2 BGB.", "law", "§ 5 Abs. 2 BGB"),
    ("Az. 3 StR 45/21", "file_number", "Az. 3 StR 45/21"),
    ("Tel. 089/2345-678", "phone", "Tel. 089/2345-678"),
    ("Mehr: https://example.de/a/1.", "url", "https://example.de/a/1"),
    ("1. Die USA", "list_marker", "1. "),
    ("Der SV Darmstadt 98 stieg ab", "club", "SV Darmstadt 98"),
    ("Die Boeing 737 blieb", "product", "Boeing 737"),
])
def test_noise_kinds(text, kind, surface):
    found = {(n.kind, text[n.start:n.end]) for n in find_noise(text)}
    assert (kind, surface) in found


@pytest.mark.parametrize("line,is_table", [
    ("Waren | 512,07 | 0,6 |", True),
    ("Oktober 2024 |", True),
    ("---|---|---", True),
    ("Mieten 12,5 13,1 13,8 14,2", True),
    ("Region Nord\t12\t14", True),
    ("Zwischen 2016 und 2018 wiesen die USA 35, 60 und 48 Diplomaten aus.", False),
    ("Die Inflation lag bei 2,3 Prozent, nach 2,6 Prozent im Dezember.", False),
])
def test_table_lines(line, is_table):
    assert bool(table_lines(line)) is is_table


@given(st.text(alphabet=st.sampled_from("§|¹ 0123456789.,:-/\nAaSVFCJanuar"), max_size=120))
@settings(max_examples=200, deadline=None)
def test_mask_keeps_length_and_lines(text):
    spans = find_noise(text)
    masked = mask_noise(text, spans)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    for n in spans:
        assert 0 <= n.start < n.end <= len(text)


def _noise_copy(tmp_path, old, new):
    path = tmp_path / "noise.yaml"
    shutil.copyfile(resource_path("noise.yaml"), path)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, text.replace(old, new, 1)


def test_bad_regex_names_file_line_and_field(tmp_path):
    path, text = _noise_copy(tmp_path, "pattern: '§§?", "pattern: '(§§?")
    with pytest.raises(ClaimcheckError) as err:
        load_yaml(path, NoiseFile)
    line = next(n for n, l in enumerate(text.splitlines(), 1) if "pattern: '(§§?" in l)
    msg = err.value.message
    assert "noise.yaml" in msg and f"Zeile {line}" in msg and re.search(r"patterns\.\d+\.pattern", msg)
    assert "invalid regex" in msg


def test_unknown_list_is_named(tmp_path):
    path, _ = _noise_copy(tmp_path, "<<channels>>", "<<sender>>")
    with pytest.raises(ClaimcheckError, match="unknown list.*sender"):
        load_yaml(path, NoiseFile)


def test_table_rows_are_reported_as_a_notice(checker):
    text = ("date 2025-02\nDie Preise stiegen im Januar 2025 um 2,3 Prozent.\n"
            "Waren | 512,07 | 0,6 |\nDienste | 487,93 | 3,8 |\n")
    report = checker.check_text(text)
    assert [c.text for c in report.claims] == ["2,3 Prozent"]
    assert "2 Tabellenzeile(n) nicht als Angaben gelesen" in " ".join(report.notices)
    assert not any("Tabellenzeile" in n for n in checker.check_text("date 2025-02\nText.").notices)


@pytest.mark.parametrize("text", FURNITURE + [t for t, _ in NEAR_MISSES])
def test_windows_find_what_a_full_scan_finds(text):
    """The patterns run on windows around digits only: every full-text match that holds a digit
    is found all the same."""
    from claimcheck.nlp.noise import _compiled

    windowed = {(n.start, n.end, n.kind) for n in find_noise(text)}
    scan = text + "\n"
    for kind, pattern, requires, line_start in _compiled().patterns:
        for m in pattern.finditer(scan):
            s, e = m.span("x") if "x" in pattern.groupindex else m.span()
            if s < e and re.search(r"\d", text[s:e]):
                assert (s, min(e, len(text)), kind) in windowed
            # the speed filters skip no match: it holds a required string and starts a line
            assert requires is None or requires.search(m.group()), (kind, m.group())
            assert not line_start or m.start() == 0 or scan[m.start() - 1] == "\n"
