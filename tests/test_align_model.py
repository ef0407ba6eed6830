"""The scoring model on a source it was not tuned on: a self-written article (invented events,
our own words) with roles of quantities, a deadline, a duration, an offset in time, a dated
heading and a statement without a stated time. Each mechanism is tested on sentences written
for this file, not on the sentences the rules were developed with."""
from datetime import date

import pytest

from claimcheck.align.context import bag, compound_head, dice, in_hours, is_deadline, is_offset
from claimcheck.align.roles import quantity_role, roles_compatible
from claimcheck.models import Quantity

SOURCE = """date 2024-03
Litauen weist Diplomaten aus

Litauen hat am Dienstag 14 russische Diplomaten zu unerwünschten Personen erklärt. Sie müssen das Land bis zum 20. März verlassen. Die russische Botschaft in Vilnius soll ihr Personal von 52 auf 30 Mitarbeiter verringern.

Die Regierung gab den Betroffenen 72 Stunden Zeit. Nur drei Tage vor dem Beschluss hatte Moskau zwei litauische Journalisten festgenommen.

5. Mai 2023: Estland schließt das Konsulat in Narva

Die Behörden ordneten an, dass elf Mitarbeiter des Konsulats das Land verlassen müssen.
"""


@pytest.fixture(scope="module")
def checker(tmp_path_factory):
    from claimcheck import Checker

    path = tmp_path_factory.mktemp("src") / "vilnius-2024-03.txt"
    path.write_text(SOURCE, encoding="utf-8")
    return Checker(reference=Checker(model="blank").build_reference(path), model="blank")


def verdicts(checker, text, doc_date="2024-03"):
    report = checker.check_text(f"date {doc_date}\n{text}")
    return [(c.text, c.verdict, [(m.field, m.expected) for m in c.mismatches]) for c in report.claims]


CASES = [
    # the source's period stands in for an unstated time
    ("Litauen erklärte 14 russische Diplomaten zu unerwünschten Personen.", "supported", []),
    ("Litauen erklärte 16 russische Diplomaten zu unerwünschten Personen.", "mismatch", [("count", "14")]),
    # roles: the level reached is not the level before
    ("Die russische Botschaft muss ihr Personal auf 30 Mitarbeiter verringern.", "supported", []),
    ("Die russische Botschaft muss ihr Personal auf 35 Mitarbeiter verringern.", "mismatch", [("count", "30")]),
    ("Die Botschaft in Vilnius muss 22 Mitarbeiter abbauen.", "unverified", []),
    # deadlines are compared with deadlines
    ("Die Diplomaten müssen Litauen bis zum 20. März verlassen.", "supported", []),
    ("Die Diplomaten müssen Litauen bis zum 27. März verlassen.", "mismatch", [("date", "20. März")]),
    # a deadline against a deadline is an ordinary statement (no check-worthiness floor), with slips
    ("Sie sollen bis zum 21. März abreisen.", "mismatch", [("date", "20. März")]),
    ("Sie sollen bis zum 20. März abreisen.", "supported", []),
    ("Sie sollen bis zum 3. Mai abreisen.", "unverified", []),
    # durations in hours; an offset in time is no duration
    ("Die Regierung ließ den Betroffenen drei Tage Zeit.", "supported", []),
    ("Die Regierung ließ den Betroffenen zwei Tage Zeit.", "mismatch", [("count", "72 Stunden")]),  # with its unit
    ("Moskau hatte nur drei Tage vor dem Beschluss Journalisten festgenommen.", "supported", []),
    # a dated heading dates its paragraph
    ("Im Mai 2023 mussten elf Konsulatsmitarbeiter Estland verlassen.", "supported", []),
    ("Im Mai 2021 mussten elf Konsulatsmitarbeiter Estland verlassen.", "mismatch", [("date", "5. Mai 2023")]),
    # a weekday resolved against the source's month is too loose to call a date wrong
    ("Am 2. Februar erklärte Litauen 14 russische Diplomaten zu unerwünschten Personen.", "supported", []),
    ("Litauen erklärte am 2. Februar 2024 insgesamt 14 Diplomaten zu unerwünschten Personen.", "supported", []),
    # another state's episode with another number: no alarm
    ("Lettland erklärte 20 russische Diplomaten zu unerwünschten Personen.", "unverified", []),
]


@pytest.mark.parametrize("text, verdict, mismatches", CASES)
def test_verdicts_on_an_unseen_source(checker, text, verdict, mismatches):
    found = [v for v in verdicts(checker, text) if v[1] != "unverified"] or verdicts(checker, text)
    assert found[0][1] == verdict, found
    assert found[0][2] == mismatches


def test_fact_after_the_draft_date_is_no_candidate(checker):
    # a draft of 2021 cannot be about the expulsions of 2024
    out = verdicts(checker, "Litauen erklärte 16 russische Diplomaten zu unerwünschten Personen.", "2021-05")
    assert [v[1] for v in out] == ["unverified"]


def test_bare_weekday_is_not_check_worthy(checker):
    report = checker.check_text("date 2024-03\nAm Dienstag tagte in Vilnius der Ausschuss.")
    (claim,) = report.claims
    assert claim.verdict == "unverified" and claim.rule == "CC320"
    assert claim.explanation.checkworthy is False


def test_trace_names_the_deciding_rule_and_candidates(checker):
    report = checker.check_text("date 2024-03\nLitauen erklärte 16 russische Diplomaten zu unerwünschten Personen.")
    (claim,) = report.claims
    exp = claim.explanation
    assert exp.decided_by.startswith("Zahl weicht ab")
    assert exp.time_anchor == "implicit"
    assert exp.candidates[0].fact_id == claim.fact_id
    assert exp.candidates[0].slots["count"] == "differ"
    assert 0 < claim.confidence <= 1


def test_replacement_for_a_duration_keeps_number_and_unit_together(checker):
    text = "date 2024-03\nDie Regierung gab den Betroffenen zwei Tage Zeit."
    (claim,) = checker.check_text(text).claims
    (fix,) = claim.replacements
    assert text[fix.start:fix.end] == "zwei Tage" and fix.value == "72 Stunden"
    assert claim.correction == "Die Regierung gab den Betroffenen 72 Stunden Zeit."


def test_no_replacement_below_the_suggestion_threshold(checker):
    """A looser paraphrase is still flagged, but without a fix to apply blindly."""
    (claim,) = checker.check_text("date 2024-03\nDie Betroffenen hatten zwei Tage Zeit.").claims
    assert claim.verdict == "mismatch" and claim.confidence < 0.70
    assert claim.replacements == [] and claim.correction is None


def test_actor_mismatch_gets_no_replacement():
    """Putting "die USA" where "Russland" stood would break agreement ("die USA hat")."""
    from claimcheck import Checker

    report = Checker(model="blank").check_text(
        "date 2025-02\nEnde 2016 wies Großbritannien 35 russische Diplomaten aus.")
    (claim,) = report.claims
    assert [m.field for m in claim.mismatches] == ["actor"]
    assert claim.replacements == [] and claim.correction is None


@pytest.mark.parametrize("sentence, verdict", [
    # the party in the number's own clause differs: wrong
    ("Ende 2016 wies Großbritannien 35 russische Diplomaten aus.", "mismatch"),
    # a party of another clause may belong to another predicate: not called wrong
    ("Großbritannien protestierte, doch Ende 2016 wurden 35 russische Diplomaten ausgewiesen.", "supported"),
    # … nor a reason to let a wrong number pass: the number is still checked
    ("Großbritannien protestierte, doch Ende 2016 wurden 45 russische Diplomaten ausgewiesen.", "mismatch"),
])
def test_a_party_of_another_clause_is_not_called_wrong(sentence, verdict):
    from claimcheck import Checker

    (claim,) = Checker(model="blank").check_text(f"date 2025-02\n{sentence}").claims
    assert claim.verdict == verdict


def test_remote_slots():
    from claimcheck import Checker
    from claimcheck.align.features import remote_slots

    text = "Er traf den russischen Präsidenten Putin, zudem wiesen die USA 35 Diplomaten aus."
    (report,) = [Checker(model="blank").check_text(text)]
    claim = next(c.claim for c in report.claims if c.text.startswith("35"))
    assert claim.person is not None and claim.person.value == "Putin"
    assert remote_slots(text, claim, 0) == {"person"}  # "Putin" is in the clause before the comma


# ---------------------------------------------------------------- features

@pytest.mark.parametrize("a, b, low, high", [
    ("Das Außenministerium wies die Diplomaten aus", "Das Außenministerium wies die Diplomaten aus", 1.0, 1.0),
    ("Schnee in den Alpen", "Diplomaten in Moskau", 0.0, 0.0),
    ("Die Ausweisung der Diplomaten", "Die Diplomatenausweisung", 0.3, 1.0),  # compound head
    ("der die das und", "der die das und", 0.0, 0.0),  # frequent words weigh nothing
])
def test_context_similarity(a, b, low, high):
    assert low <= dice(bag(a), bag(b)) <= high


@pytest.mark.parametrize("word, head", [
    ("botschaftspersonal", "personal"), ("diplomatenausweisung", "ausweisung"), ("haus", None)])
def test_compound_head(word, head):
    assert compound_head(word) == head


@pytest.mark.parametrize("text, time, starting", [
    ("Das Personal sank von 900 Mitte 2019 auf 240.", "Mitte", True),  # inside the pair, after the starting number
    ("Seit Mitte 2019 sank das Personal von 900 auf 240.", "Mitte", True),  # where the change started
    ("Mitte 2019 sank das Personal von 900 auf 240.", "Mitte", False),  # the time of the change as a whole
    ("Das Personal sank von 900 auf 240 im Jahr 2023.", "Jahr", False),  # after the level reached
])
def test_the_starting_time_of_a_from_to_pair(text, time, starting):
    from claimcheck.align.roles import starting_time

    assert starting_time(text, text.index("240"), text.index(time), 0) is starting


@pytest.mark.parametrize("text, role", [
    ("Das Personal sinkt von 52 auf 30.", "from"),
    ("Das Personal sinkt auf 30.", "to"),
    ("Das Personal sinkt um 22.", "by"),
    ("Die Ausweisung von 14 Diplomaten.", ""),  # "von" alone is no starting level
    ("Es wurden 14 Diplomaten ausgewiesen.", ""),
    ("In der Vertretung arbeiten nur noch 30 Menschen.", "to"),  # what is left
    ("Damals hatte die Vertretung noch 52 Mitarbeiter.", ""),  # "noch" alone: not the level reached
    # "auf" after a verb of amounting names the amount itself
    ("Die Regierung bezifferte den Stellenabbau an allen ihren Vertretungen im Land auf 22.", ""),
    ("Die auf 22 geschätzte Zahl der Abgänge.", ""),
    ("Die Kosten beliefen sich auf 22 Millionen.", ""),
    ("Die Regierung verkleinerte den Stab an allen ihren Vertretungen im Land auf 22.", "to"),
    # "von" is a starting level only when the paired word has a number of its own
    ("Das Personal sinkt von 52 auf nur noch 30.", "from"),
    ("Die Frist für die Ausreise von 14 Diplomaten setzte sie auf den 1. Mai fest.", ""),
    ("Der Antrag wurde mit 40 zu 12 Stimmen angenommen.", ""),  # the score's first number: no role …
    ("Der Antrag wurde mit vierzig zu 12 Stimmen angenommen.", "score"),  # … its second: a score
])
def test_quantity_role(text, role):
    digits = next(i for i, ch in enumerate(text) if ch.isdigit())
    assert quantity_role(text, digits, 0) == role


def test_role_compatibility_is_strict_for_a_wrong_number():
    assert roles_compatible("", "by") and roles_compatible("by", "")
    assert not roles_compatible("", "to") and roles_compatible("", "to", strict=False)
    assert not roles_compatible("to", "", strict=False)
    # a vote's count without a role word is one side of "mit 40 zu 12 Stimmen"
    assert roles_compatible("", "score") and not roles_compatible("by", "score")


@pytest.mark.parametrize("text, deadline", [
    ("Sie müssen bis zum 20. März ausreisen.", True),
    ("Spätestens 20. März müssen sie gehen.", True),
    ("Am 20. März läuft die Frist ab.", True),
    ("Am 20. März reisten sie aus.", False),
    # a compound names a deadline by its head, also when it starts far before the date
    ("Die Meldefrist für alle Vertreter des Konsulats in der Hafenstadt endet am 20. März.", True),
    ("Das Ultimatum läuft am 20. März aus.", True),
    ("Die kurzfristig angesetzte Sitzung begann am 20. März.", False),
])
def test_deadline(text, deadline):
    assert is_deadline(text, text.index("20."), 0) is deadline


@pytest.mark.parametrize("text, offset", [("zwei Tage vor dem Fest", True), ("zwei Tage Zeit", False),
                                          ("drei Wochen später", True)])
def test_offset(text, offset):
    assert is_offset(text, text.index(" ", 5)) is offset


def test_durations_in_hours():
    q = Quantity(text="drei", start=0, end=4, value=3, low=3, high=3)
    assert in_hours(q, "Tag").value == 72 and in_hours(q, "Diplomat") is None


def test_implicit_time_is_the_document_month():
    from claimcheck.align.times import effective_time
    from claimcheck.models import Claim

    c = Claim(kind="count", text="x", start=0, end=1, sentence_start=0, sentence_end=1)
    t = effective_time(None, date(2024, 2, 10), c)
    assert (t.first, t.last, t.anchor) == (date(2024, 2, 1), date(2024, 2, 29), "implicit")


# A second invented source for the time mechanisms: an undated statement of the article's own
# news (dated by the article), one of backstory in the pluperfect (not dated by it).
SOURCE_WIEN = """date 2023-11
Wien weist Personal aus

Die Regierung in Wien hat 847 Mitarbeiter der russischen Handelsvertretung zur Ausreise aufgefordert. Zuvor hatte Österreich 13 russische Diplomaten ausgewiesen.
"""


@pytest.fixture(scope="module")
def wien(tmp_path_factory):
    from claimcheck import Checker

    path = tmp_path_factory.mktemp("src") / "wien-2023-11.txt"
    path.write_text(SOURCE_WIEN, encoding="utf-8")
    return Checker(reference=Checker(model="blank").build_reference(path), model="blank")


WIEN_CASES = [
    # the same exact, specific number ties the statements: a stated wrong year is caught
    ("Im November 2022 forderte Wien 847 Mitarbeiter der Handelsvertretung zur Ausreise auf.", "mismatch"),
    ("Im November 2023 forderte Wien 847 Mitarbeiter der Handelsvertretung zur Ausreise auf.", "supported"),
    # backstory has no date of its own: a draft that dates it is not contradicted
    ("Im Jahr 2021 hatte Österreich 13 russische Diplomaten ausgewiesen.", "supported"),
    ("Österreich hatte 2018 13 russische Diplomaten ausgewiesen.", "supported"),
    # a claim dated only by a deadline: its act is of the months before the deadline
    ("Bis zum 1. Dezember 2023 müssen 847 Mitarbeiter der Handelsvertretung Österreich verlassen.", "supported"),
    ("Bis zum 1. Dezember 2023 müssen 874 Mitarbeiter der Handelsvertretung Österreich verlassen.", "mismatch"),
    ("Bis Ende 2026 müssen 874 Mitarbeiter der Handelsvertretung Österreich verlassen.", "unverified"),
]


@pytest.mark.parametrize("sentence, verdict", WIEN_CASES)
def test_time_mechanisms_on_an_unseen_source(wien, sentence, verdict):
    got = [v for _, v, _ in verdicts(wien, sentence, "2023-11") if v != "unverified"] or ["unverified"]
    assert got[0] == verdict, verdicts(wien, sentence, "2023-11")


@pytest.mark.parametrize("a, b", [
    ("beschlagnahmt", "beschlagnahmen"), ("ausgewiesen", "Ausweisung"), ("verhängt", "verhängen"),
    ("geschlossen", "schlossen"), ("verließen", "verlassen"), ("Gespräche", "Gespräch"),
])
def test_inflected_forms_share_their_lemma_stem(a, b):
    """Participles, past forms, infinitives and nominalisations of one verb share their stem key."""
    from claimcheck.align.context import word_keys

    assert word_keys(a)[0][0] == word_keys(b)[0][0]


def _span(first, last, granularity, modifier=None):
    from claimcheck.models import TimeSpan

    return TimeSpan(text="x1", start=0, end=2, first=first, last=last, granularity=granularity,
                    modifier=modifier, anchor="absolute")


@pytest.mark.parametrize("claim, fact, status", [
    # "Ende August" for "1. September": a month's edge is fuzzy by a few days
    (_span(date(2017, 8, 21), date(2017, 8, 31), "month", "end"), _span(date(2017, 9, 1), date(2017, 9, 1), "day"), "unknown"),
    (_span(date(2017, 8, 1), date(2017, 8, 31), "month"), _span(date(2017, 9, 2), date(2017, 9, 2), "day"), "unknown"),
    # … but not by weeks, not for a day against a day, not for parts of a year
    (_span(date(2017, 8, 1), date(2017, 8, 10), "month", "start"), _span(date(2017, 9, 1), date(2017, 9, 1), "day"), "differ"),
    (_span(date(2017, 8, 31), date(2017, 8, 31), "day"), _span(date(2017, 9, 1), date(2017, 9, 1), "day"), "differ"),
    (_span(date(2017, 1, 1), date(2017, 4, 30), "year", "start"), _span(date(2016, 9, 1), date(2016, 12, 31), "year", "end"), "differ"),
])
def test_coarse_time_edges(claim, fact, status):
    from claimcheck.align.times import date_status as _date_status

    assert _date_status(claim, fact)[0] == status


SOURCE_DATELINE = """date 2023-06

14.06.2023 09.30 Aktualisiert
Die Außenminister Finnlands und Norwegens haben sich heute in Tromsø getroffen, um über die Grenzregion zu beraten.
"""


@pytest.mark.parametrize("sentence, verdict", [
    ("Am 14. Juni 2023 kamen die Außenminister Finnlands und Norwegens in Tromsø zusammen.", "supported"),
    ("Am 16. Juni 2023 kamen die Außenminister Finnlands und Norwegens in Tromsø zusammen.", "mismatch"),
])
def test_a_dateline_makes_heute_an_exact_day(tmp_path, sentence, verdict):
    """Without the dateline "heute" is only a day of June 2023 (never called wrong); the dateline
    of the page makes it 14 June."""
    from claimcheck import Checker

    path = tmp_path / "tromso.txt"
    path.write_text(SOURCE_DATELINE, encoding="utf-8")
    ref = Checker(model="blank").build_reference(path)
    assert ref.document_date_exact and str(ref.document_date) == "2023-06-14"
    report = Checker(reference=ref, model="blank").check_text(f"date 2023-06\n{sentence}")
    assert [c.verdict for c in report.claims] == [verdict]
    if verdict == "mismatch":  # the correction is the day "heute" stands for, never the word itself
        claim = report.claims[0]
        assert [m.expected for m in claim.mismatches] == ["14. Juni 2023"]
        assert [r.value for r in claim.replacements] in ([], ["14. Juni 2023"])


@pytest.mark.parametrize("a, b, shared", [
    ("Teuerung", "Inflation", True),  # a synonym group of align.yaml shares one key
    ("Teuerungsrate", "Inflationsrate", True),  # … so do compounds on a member
    ("Jahresteuerung", "Inflation", True),  # … and compounds that end with one
    ("Lebensmittel", "Nahrungsmittel", True),
    ("annektierte", "Annexion", True),  # a verb and its noun, where the stems differ
    ("Einverleibung", "annektiert", True),
    ("Steuer", "Inflation", False),
    ("Mieten", "Inflation", False),
])
def test_synonyms_share_a_key(a, b, shared):
    from claimcheck.align.context import word_keys

    keys = lambda w: {k for k, _ in word_keys(w)}  # noqa: E731
    assert bool(keys(a) & keys(b)) is shared


def test_a_party_of_another_clause_costs_no_identity():
    """A differing party from another clause (``PairScore.remote``) neither blocks a mismatch nor
    lowers identity: without a parser it may be another predicate's."""
    from claimcheck.align.score import FRAME, PairScore, _identity

    def identity(remote):
        ps = PairScore(fact=None, remote=frozenset(remote), context=0.5, local=0.5, near=0.5)  # type: ignore[arg-type]
        ps.status = {**{n: "unknown" for n in FRAME}, "occurrence": "unknown", "date": "unknown", "count": "unknown",
                     "actor": "differ", "target": "differ"}
        return _identity(ps)

    assert identity({"actor", "target"}) > identity({"actor"}) > identity(())



def test_the_same_role_word_is_evidence_of_the_same_quantity():
    """Both numbers named by the same role word ("auf 455" ~ "auf nur noch 455") raise identity
    by ``ROLE_AGREE``; no role word on either side is no evidence."""
    from claimcheck.align import config as cfg
    from claimcheck.align.score import FRAME, PairScore, _identity

    ps = PairScore(fact=None, context=0.3, local=0.3, near=0.3)  # type: ignore[arg-type]
    ps.status = {**{n: "unknown" for n in FRAME}, "occurrence": "unknown", "date": "unknown", "count": "unknown"}
    assert _identity(ps, True) == pytest.approx(_identity(ps) + cfg.ROLE_AGREE) and cfg.ROLE_AGREE > 0

OSLO = """date 2023-03-15
Norwegen weist Diplomaten aus

Das norwegische Außenministerium hat am Montag die Ausweisung von 15 russischen Diplomaten angekündigt. Sie sollen das Land binnen zwei Wochen verlassen.
"""


@pytest.mark.parametrize("sentence, verdicts", [
    # the weekday confirms the fact's day; the number of the same sentence is still checked
    ("Die 17 russischen Diplomaten, deren Ausweisung das Außenministerium in Oslo am Montag angekündigt hatte, "
     "müssen gehen.", {"17 russischen Diplomaten": "mismatch", "Montag": "supported"}),
    ("Die 15 russischen Diplomaten, deren Ausweisung das Außenministerium in Oslo am Montag angekündigt hatte, "
     "müssen gehen.", {"15 russischen Diplomaten": "supported", "Montag": "supported"}),
])
def test_a_weekday_does_not_take_the_number_of_its_sentence(tmp_path_factory, sentence, verdicts):
    from conftest import checker_for

    checker = checker_for(tmp_path_factory, OSLO, "oslo-2023-03.txt", "2023-03-15")
    report = checker.check_text(f"date 2023-03-15\n{sentence}")
    assert {c.text: c.verdict for c in report.claims} == verdicts


def test_a_number_word_is_corrected_with_a_number_word():
    from claimcheck import Checker

    (claim,) = Checker(model="blank").check_text(
        "date 2025-02\nEnde 2016 wiesen die USA fünfundvierzig russische Diplomaten aus.").claims
    assert [(m.field, m.expected) for m in claim.mismatches] == [("count", "fünfunddreißig")]
    assert [r.value for r in claim.replacements] == ["fünfunddreißig"]
    assert claim.correction == "Ende 2016 wiesen die USA fünfunddreißig russische Diplomaten aus."


@pytest.mark.parametrize("sentence, mismatches", [
    # the source's sentence names the draft's person too (as the speaker): no evidence of another one
    ("Putin zufolge haben die ersten Kontakte zur neuen Trump-Regierung Hoffnung gemacht.", []),
    ("Laut Putin haben die ersten Kontakte mit der neuen Regierung Hoffnung geweckt.", []),
    # a person neither sentence shares is still called wrong
    ("Obama zufolge haben die ersten Kontakte zur neuen Regierung Hoffnung geweckt.", [("person", "Donald Trump")]),
    ("Ende 2016 verwiesen die USA unter Präsident Donald Trump 35 Moskauer Diplomaten des Landes.",
     [("person", "Barack Obama")]),
])
def test_a_person_named_in_both_sentences_is_not_called_wrong(sentence, mismatches):
    from claimcheck import Checker

    report = Checker(model="blank").check_text(f"date 2025-02\n{sentence}")
    (claim,) = [c for c in report.claims if c.claim is not None and c.claim.kind == "count"]
    assert [(m.field, m.expected) for m in claim.mismatches] == mismatches


@pytest.mark.parametrize("sentence, number, inside, outside", [
    # what follows a semicolon or dash is another statement: not the claim's context
    ("Seit Russland 2014 die Krim annektierte, ist das Verhältnis zerrüttet; Ausweisungen folgten.",
     "2014", "krim", "ausweis"),
    ("Anfang 2017 arbeiteten dort 1200 Menschen – kaum mehr als eine Verwalterpräsenz.", "1200", "arbeit", "verwalt"),
    # two dashes enclose an insertion: the sentence goes on after it
    ("Im Jahr 2018 – damals regierte Trump – ließ Washington das Generalkonsulat schließen.", "2018", "generalkonsulat", None),
    # what comes before stays: the part after a semicolon names its subject by a pronoun
    ("Die Teuerung sank auf 2,3 Prozent; im November hatte sie noch 2,6 Prozent betragen.", "2,6", "inflation", None),  # "Teuerung" keys as its synonym group
])
def test_the_context_of_a_claim_ends_at_a_strong_break(checker, sentence, number, inside, outside):
    from claimcheck.align.features import ClaimContext
    from claimcheck.nlp.lexicon import load_lexicon

    text = f"date 2024-03\n{sentence}"
    claim = next(c for c in checker.extract(text, "2024-03") if number in c.text)
    cc = ClaimContext.of(text, claim, date(2024, 3, 1), strong_breaks=load_lexicon().closed.strong_breaks)
    assert any(k.startswith(inside) for k in cc.sentence)
    assert outside is None or not any(k.startswith(outside) for k in cc.sentence)


@pytest.mark.parametrize("sentence, verdicts", [
    # an ordinal the source never tells of, on the source's own statement: its wrong ordinal
    ("Sacharowa bezeichnete das Treffen in Istanbul als zweite Etappe einer Reihe von Kontakten, "
     "die Vertrauen schaffen sollen.", [("zweite Etappe", "mismatch")]),
    ("Sacharowa bezeichnete das Treffen in Istanbul als erste Etappe einer Reihe von Kontakten, "
     "die Vertrauen schaffen sollen.", [("erste Etappe", "supported")]),
    # a draft that names the source's occurrence too tells of two occurrences
    ("Die Gespräche in Istanbul waren nach Sacharowa die ersten einer Reihe von Kontakten; eine zweite "
     "Etappe dieser Kontakte soll folgen, um Vertrauen zu schaffen.",
     [("ersten", "supported"), ("zweite Etappe", "unverified")]),
])
def test_an_ordinal_the_source_never_tells_of(sentence, verdicts):
    from claimcheck import Checker

    report = Checker(model="blank").check_text(f"date 2025-02\n{sentence}")
    assert [(c.text, c.verdict) for c in report.claims] == verdicts


@pytest.mark.parametrize("sentence, actor", [
    ("Zum dritten Mal beraten Russland und die USA über ihre Botschaften.", "RUS+USA"),
    ("Die USA und Russland wiesen 2018 je 60 Diplomaten aus.", "RUS+USA"),
    ("Ende 2016 wiesen die USA 35 russische Diplomaten aus.", "USA"),
])
def test_two_coordinated_states_are_a_joint_actor(sentence, actor):
    from claimcheck import Checker

    (claim, *_) = Checker(model="blank").extract(f"date 2025-02\n{sentence}", "2025-02")
    assert claim.actor is not None and claim.actor.value == actor


SOURCE_RIGA = """date 2024-03
Das lettische Außenamt gab am Freitag bekannt, 14 russische Diplomaten hätten bis zum 31. März auszureisen.
"""


@pytest.mark.parametrize("sentence, verdicts", [
    # the sentence's number identifies the statement: its weekday is checked like any value
    ("Am Donnerstag meldete das lettische Außenamt, dass 14 russische Diplomaten bis zum 31. März gehen müssen.",
     [("Donnerstag", "mismatch"), ("14 russische Diplomaten", "supported")]),
    ("Am Freitag meldete das lettische Außenamt, dass 14 russische Diplomaten bis zum 31. März gehen müssen.",
     [("Freitag", "supported"), ("14 russische Diplomaten", "supported")]),
    # a bare weekday without such a number is no statement to check
    ("Am Donnerstag tagte das lettische Außenamt.", [("Donnerstag", "unverified")]),
])
def test_a_weekday_is_checked_when_its_sentence_is_identified(tmp_path, sentence, verdicts):
    report = _report(tmp_path, SOURCE_RIGA, "riga-2024-03.txt", sentence)
    assert [(c.text, c.verdict) for c in report.claims] == verdicts


SOURCE_TALLINN = """date 2024-03
Die Ausweisung traf 40 Menschen: die Diplomaten selbst und ihre Angehörigen, darunter zahlreiche Kinder.
"""


@pytest.mark.parametrize("sentence, verdict", [
    # a vague amount of the source ("zahlreiche Kinder") confirms no exact number of the draft
    ("Betroffen waren die Diplomaten und ihre Familien mit vielen Kindern – insgesamt 45 Menschen.", "mismatch"),
    ("Betroffen waren die Diplomaten und ihre Familien mit vielen Kindern – insgesamt 40 Menschen.", "supported"),
])
def test_a_vague_source_amount_confirms_no_exact_number(tmp_path, sentence, verdict):
    from claimcheck import Checker

    path = tmp_path / "tallinn-2024-03.txt"
    path.write_text(SOURCE_TALLINN, encoding="utf-8")
    checker = Checker(reference=Checker(model="blank").build_reference(path), model="blank")
    claims = [c for c in checker.check_text(f"date 2024-03\n{sentence}").claims if "Menschen" in c.text]
    assert [c.verdict for c in claims] == [verdict]


SOURCE_MINSK = """date 2022-01
Minsk verweigert den Familien von 14 Diplomaten die Visa; diese müssen bis zum 31. März ausreisen. 9 weitere Diplomaten folgen bis zum 30. Juni, zusammen also 23 bis Mitte 2022.
"""


@pytest.mark.parametrize("sentence, verdicts", [
    # a list after a colon: each number has its own deadline, the head's time is the total's
    ("Bis Mitte 2022 sollen damit 23 Diplomaten heimkehren: 14, deren Familien keine Visa mehr bekommen, "
     "bis Ende März, 9 weitere bis Ende Juni.", ["unverified", "supported", "supported"]),
    ("Bis Mitte 2022 sollen damit 23 Diplomaten heimkehren: 14, deren Familien keine Visa mehr bekommen, "
     "bis Ende April, 9 weitere bis Ende Juni.", ["unverified", "mismatch", "supported"]),
])
def test_each_number_of_a_list_keeps_its_own_deadline(tmp_path, sentence, verdicts):
    from claimcheck import Checker

    path = tmp_path / "minsk-2022-01.txt"
    path.write_text(SOURCE_MINSK, encoding="utf-8")
    checker = Checker(reference=Checker(model="blank").build_reference(path), model="blank")
    assert [c.verdict for c in checker.check_text(f"date 2022-01\n{sentence}").claims] == verdicts


SOURCE_BAKU = """date 2023-05
Am Sonntag teilte der Präsident mit, 30 Diplomaten hätten bis zum 1. Juni auszureisen; das Ministerium hatte zuvor nur 20 genannt.
"""


@pytest.mark.parametrize("sentence, verdicts", [
    # the day the sentence states and confirms is that claim's: "zwei Tage zuvor" is another day by its words
    ("Dreißig Diplomaten müssen bis Anfang Juni ausreisen, verkündete der Präsident am Sonntag – und ging damit "
     "über die zwei Tage zuvor vom Ministerium genannte Zahl hinaus.", ["supported", "supported", "unverified"]),
    # the weekday of the identified statement is checked (assign.anchored_days)
    ("Dreißig Diplomaten müssen bis Anfang Juni ausreisen, verkündete der Präsident am Samstag.",
     ["supported", "mismatch"]),
])
def test_a_day_the_sentence_confirms_is_no_other_claims_error(tmp_path, sentence, verdicts):
    from claimcheck import Checker

    path = tmp_path / "baku-2023-05.txt"
    path.write_text(SOURCE_BAKU, encoding="utf-8")
    checker = Checker(reference=Checker(model="blank").build_reference(path), model="blank")
    assert [c.verdict for c in checker.check_text(f"date 2023-05\n{sentence}").claims] == verdicts


def test_a_loosely_resolved_weekday_confirms_its_day_only_by_its_weekday():
    from claimcheck.align.assign import stated_days
    from claimcheck.align.score import PairScore
    from claimcheck.align.verdict import Decision
    from claimcheck.models import Claim, TimeSpan

    def day(d, weekday):
        return TimeSpan(text="x", start=5, end=6, first=date(2023, 5, d), last=date(2023, 5, d),
                        granularity="day", weekday=weekday, anchor="document")
    def decided(claim_day, fact_day):
        claim = Claim(kind="date", text="x", start=5, end=6, sentence_start=0, sentence_end=9, time=claim_day)
        best = PairScore(fact=None, status={"date": "agree"}, loose_date=True,  # type: ignore[arg-type]
                         compared_time=fact_day)
        return stated_days([claim], [Decision("supported", best)])
    assert decided(day(7, 6), day(7, 6)) == {(0, date(2023, 5, 7), date(2023, 5, 7)): 0}  # "am Sonntag" ~ Sonntag
    assert decided(day(5, 4), day(7, 6)) == {}  # "am Freitag" agrees only loosely with a Sunday


SOURCE_WARSCHAU = """date 2023-05
Polen verwies 2014 vier russische Diplomaten des Landes. Wegen Spionageverdachts mussten 2019 und 2021 erneut russische Diplomaten Warschau verlassen.
"""


@pytest.mark.parametrize("year", ["2016", "2012"])
def test_one_fact_is_the_expected_value_of_one_mismatch_per_sentence(tmp_path, year):
    """"nach 2016 … 2019 und 2022" for "2019 und 2021": 2021 is what the 2022 slipped from, not the 2016."""
    from claimcheck import Checker

    path = tmp_path / "warschau-2023-05.txt"
    path.write_text(SOURCE_WARSCHAU, encoding="utf-8")
    checker = Checker(reference=Checker(model="blank").build_reference(path), model="blank")
    sentence = (f"Auch nach {year} ging der Streit weiter: Wegen Spionagevorwürfen mussten 2019 und 2022 erneut "
                "russische Diplomaten Polen verlassen.")
    report = checker.check_text(f"date 2023-05\n{sentence}")
    assert [(c.text, c.verdict) for c in report.claims] == [(year, "unverified"), ("2019", "supported"),
                                                             ("2022", "mismatch")]


SOURCE_TERM = """date 2024-05
Im Jahr 2016, in Hubers erster Amtszeit als Bürgermeisterin, schloss die Stadt zwei Hallenbäder.
"""


@pytest.mark.parametrize("sentence, verdicts", [
    # the draft's own period lies years after the source's statement: another term, not a wrong ordinal
    ("Diesmal schließt die Stadt in Hubers zweiter Amtszeit als Bürgermeisterin wieder Hallenbäder.",
     [("zweiter Amtszeit", "unverified")]),
    ("Nun, in Hubers zweiter Amtszeit als Bürgermeisterin, schließt die Stadt erneut Bäder.",
     [("zweiter Amtszeit", "unverified")]),
    # … the draft states the source's time: the ordinal is that statement's, and wrong
    ("Im Jahr 2016, in Hubers zweiter Amtszeit als Bürgermeisterin, schloss die Stadt zwei Hallenbäder.",
     [("zweiter Amtszeit", "mismatch"), ("zwei Hallenbäder", "unverified")]),  # another term: another statement
])
def test_an_unknown_ordinal_of_another_period_is_no_wrong_ordinal(tmp_path, sentence, verdicts):
    report = _report(tmp_path, SOURCE_TERM, "huber-2024-05.txt", sentence)
    assert [(c.text, c.verdict) for c in report.claims] == verdicts


SOURCE_RATE = """date 2024-07
Im Juni sank die Arbeitslosenquote der Region auf 4,8 Prozent. Im Mai hatte sie noch 5,1 Prozent betragen.
"""


@pytest.mark.parametrize("sentence, verdicts", [
    # a time right after a count is that count's period ("von 5,1 Prozent im Mai …"), not another one's
    ("Die Arbeitslosenquote der Region sank von 5,1 Prozent im Mai auf voraussichtlich 4,8 Prozent.",
     [("5,1 Prozent", "supported"), ("4,8 Prozent", "supported")]),
    ("Die Arbeitslosenquote der Region ging von 5,1 Prozent im Mai zurück, nun sind es 4,8 Prozent.",
     [("5,1 Prozent", "supported"), ("4,8 Prozent", "supported")]),
    ("Die Arbeitslosenquote der Region sank von 5,1 Prozent im Mai auf 4,9 Prozent.",
     [("5,1 Prozent", "unverified"), ("4,9 Prozent", "mismatch")]),
    # a temporal clause after a comparison base: the base's time dates the clause's number
    ("Gegenüber dem Mai, als die Arbeitslosenquote der Region noch 5,1 Prozent betragen hatte, ging sie "
     "im Juni zurück.", [("5,1 Prozent", "supported")]),
    ("Gegenüber Mai, als die Arbeitslosenquote der Region noch 5,3 Prozent betrug, ging sie im Juni zurück.",
     [("5,3 Prozent", "mismatch")]),
])
def test_the_period_of_each_value_of_a_change(tmp_path, sentence, verdicts):
    report = _report(tmp_path, SOURCE_RATE, "quote-2024-07.txt", sentence)
    assert [(c.text, c.verdict) for c in report.claims if c.claim.kind == "count"] == verdicts


SOURCE_KOCH = """date 2021-03
Ende 2019 wies die Regierung von Präsidentin Koch 18 ungarische Diplomaten aus. Im Jahr 2020 folgte die Schließung des Konsulats in Graz.
"""


@pytest.mark.parametrize("sentence, verdicts", [
    # the count borrows the date of its sentence's main clause and is confirmed: that date is the
    # confirmed statement's time, checked against its fact like a date of the same kind
    ("Hintergrund: Die Serie der Ausweisungen setzte Ende 2018 ein, als Kochs Kabinett 18 ungarische "
     "Diplomaten heimschickte.", [("Ende 2018", "mismatch"), ("18 ungarische Diplomaten", "supported")]),
    ("Hintergrund: Die Serie der Ausweisungen setzte Ende 2019 ein, als Kochs Kabinett 18 ungarische "
     "Diplomaten heimschickte.", [("Ende 2019", "supported"), ("18 ungarische Diplomaten", "supported")]),
    # a count called wrong confirms nothing: the date is judged alone (one wrong value at a time)
    ("Hintergrund: Die Serie der Ausweisungen setzte Ende 2018 ein, als Kochs Kabinett 25 ungarische "
     "Diplomaten heimschickte.", [("Ende 2018", "unverified"), ("25 ungarische Diplomaten", "mismatch")]),
])
def test_a_date_lent_to_a_confirmed_count_is_checked(tmp_path, sentence, verdicts):
    report = _report(tmp_path, SOURCE_KOCH, "koch-2021-03.txt", sentence)
    assert [(c.text, c.verdict) for c in report.claims] == verdicts


SOURCE_OSLO = """date 2019-04
Am 12. März 2019 stimmte das Parlament in Oslo für neue Zölle auf Stahl.
"""


@pytest.mark.parametrize("sentence, verdicts", [
    # a coarse time that merely contains the fact's day confirms it, but takes no finer date of
    # its sentence: that one is checked against the day
    ("Rückblick, Frühjahr 2019: Am 11. März 2019 stimmte das Parlament in Oslo für neue Stahlzölle.",
     [("Frühjahr 2019", "supported"), ("11. März 2019", "mismatch")]),
    ("Rückblick, Frühjahr 2019: Am 12. März 2019 stimmte das Parlament in Oslo für neue Stahlzölle.",
     [("Frühjahr 2019", "supported"), ("12. März 2019", "supported")]),
])
def test_a_coarse_time_takes_no_finer_date(tmp_path, sentence, verdicts):
    report = _report(tmp_path, SOURCE_OSLO, "oslo-2019-04.txt", sentence)
    assert [(c.text, c.verdict) for c in report.claims] == verdicts


def test_a_wrong_expression_is_reported_by_the_nearest_claim():
    """Two claims of a clause call the same date wrong with different expected values: the one
    next to the date reports it, the other is marked as already reported."""
    from claimcheck.align.findings import _once
    from claimcheck.models import Claim, ClaimReport, Mismatch

    text = "Die zweite Gruppe von 9 Diplomaten muss bis zum 20. Juli gehen."
    at = text.index("20. Juli")
    def item(anchor, expected, confidence):
        s = text.index(anchor)
        claim = Claim(kind="count", text=anchor, start=s, end=s + len(anchor), sentence_start=0, sentence_end=len(text))
        m = Mismatch(field="date", start=at, end=at + 8, found="20. Juli", expected=expected)
        return ClaimReport(start=s, end=s + len(anchor), text=anchor, verdict="mismatch", mismatches=[m], message="x",
                           confidence=confidence, claim=claim)
    far, near = item("zweite Gruppe", "15. März", 0.9), item("9 Diplomaten", "20. Juni", 0.5)
    assert [i.verdict for i in _once([far, near])] == ["unverified", "mismatch"]
    assert [i.verdict for i in _once([near, far])] == ["mismatch", "unverified"]


SOURCE_OSLO_GROUPS = """date 2022-02
Der Gesandte erklärte, Oslo verweigere den Angehörigen von 12 Diplomaten die Einreiseerlaubnis, weshalb sie bis zum 15. März auszureisen hätten. Ferner sollen 9 weitere Diplomaten Norwegen bis zum 20. Juni verlassen.
"""


@pytest.mark.parametrize("sentence, mismatches", [
    # the 15 March is the date of the source's 12: it is not the expected date of the draft's 9
    ("Wie der Gesandte erklärte, verweigert Oslo den Angehörigen von 12 Diplomaten die Einreiseerlaubnis; "
     "9 weitere Diplomaten müssten Norwegen bis zum 20. März verlassen.", [("20. März", "20. Juni")]),
    ("Wie der Gesandte erklärte, verweigert Oslo den Angehörigen von 12 Diplomaten die Einreiseerlaubnis; "
     "9 weitere Diplomaten müssten Norwegen bis zum 20. Juni verlassen.", []),
])
def test_the_date_of_another_count_is_not_the_expected_date(tmp_path, sentence, mismatches):
    report = _report(tmp_path, SOURCE_OSLO_GROUPS, "oslo-2022-02.txt", sentence)
    assert [(m.found, m.expected) for c in report.claims for m in c.mismatches] == mismatches


SOURCE_BERG = """date 2021-05
Im Jahr 2019 ordnete Ministerpräsident Berg an, dass die russischen Konsulate in Norwegen 40 Stellen abbauen.
"""


@pytest.mark.parametrize("sentence, verdicts", [
    # the year's own clause names another act, but the count that borrows it is the source's
    # statement: a slip of that year is reported on the count
    ("Rückblick: Nach Moskaus Ausweisungen setzte Ministerpräsident Berg 2018 durch, dass die russischen "
     "Konsulate in Norwegen 40 Stellen abbauen mussten.", [("2018", "unverified"), ("40 Stellen", "mismatch")]),
    ("Rückblick: Nach Moskaus Ausweisungen setzte Ministerpräsident Berg 2019 durch, dass die russischen "
     "Konsulate in Norwegen 40 Stellen abbauen mussten.", [("2019", "unverified"), ("40 Stellen", "supported")]),
    # a year far off is no slip: the count keeps its confirmation
    ("Rückblick: Nach Moskaus Ausweisungen setzte Ministerpräsident Berg 2012 durch, dass die russischen "
     "Konsulate in Norwegen 40 Stellen abbauen mussten.", [("2012", "unverified"), ("40 Stellen", "supported")]),
    # a time that dates the noun of an earlier act ("ein Jahr nach den Protesten von Ende 2018") may
    # confirm the count, never accuse it
    ("Ein Jahr nach den Protesten von Ende 2018 setzte Berg durch, dass die russischen Konsulate in Norwegen "
     "40 Stellen abbauen mussten.", [("40 Stellen", "supported")]),
])
def test_a_confirmed_count_is_checked_at_the_time_it_borrows(tmp_path, sentence, verdicts):
    report = _report(tmp_path, SOURCE_BERG, "berg-2021-05.txt", sentence)
    assert [(c.text, c.verdict) for c in report.claims] == verdicts


def _report(tmp_path, source: str, name: str, sentence: str):
    """The report on ``sentence`` against a reference built from an invented ``source`` whose
    first line is its date header; the draft carries the same date."""
    from claimcheck import Checker

    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    checker = Checker(reference=Checker(model="blank").build_reference(path), model="blank")
    date_line = source.splitlines()[0]
    return checker.check_text(f"{date_line}\n{sentence}")
