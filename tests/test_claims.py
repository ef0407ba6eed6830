"""Claim assembly: real German sentences through the blank pipeline, and the parse path with
hand-annotated Docs (as spaCy's own tests do)."""
import pytest
import spacy
from spacy.tokens import Doc

from claimcheck.nlp.lexicon import load_lexicon
from claimcheck.nlp.sentences import wrapped_line
from claimcheck.nlp.claims.mentions import find_mentions
from claimcheck.nlp.tokens import Tok


def claims_of(checker, text, date="2025-02"):
    return checker.extract(text, date)


CASES = [
    # text, value, noun, event, actor, target, place, first year of time
    ("Ende 2016 verwiesen die USA 35 Moskauer Diplomaten des Landes.",
     35, "Diplomat", "expel", "USA", "RUS", None, 2016),
    ("Im Dezember 2016 wiesen die Vereinigten Staaten 35 russische Diplomaten aus.",
     35, "Diplomat", "expel", "USA", "RUS", None, 2016),
    # whoever must leave a country: that country is not the actor (it is left)
    ("2018 mussten 60 russische Diplomaten die USA verlassen.",
     60, "Diplomat", "leave", None, "RUS", None, 2018),
    ("Im Jahr 2017 ließ der Kreml 755 Mitarbeiter der US-Vertretungen abbauen.",
     755, "Mitarbeiter", "reduce_staff", "RUS", "USA", None, 2017),
    # a particle verb with an adjective particle, split ("machten … dicht")
    ("Im Jahr 2018 machten die USA zwei russische Konsulate dicht.",
     2, "Konsulat", "close", "USA", "RUS", None, 2018),
    ("Moskau reagierte 2018 mit der Ausweisung von 60 US-Diplomaten.",
     60, "Diplomat", "expel", "RUS", "USA", None, 2018),
    ("Die Bundesregierung erklärte im April 2022 insgesamt 40 russische Diplomaten zu unerwünschten Personen.",
     40, "Diplomat", "expel", "DEU", "RUS", None, 2022),
    ("Fünfunddreißig Diplomaten mussten 2016 mit ihren Familien das Land verlassen.",
     35, "Diplomat", "leave", None, None, None, 2016),
    ("Die Tschechische Republik wies 2021 insgesamt 18 russische Botschaftsmitarbeiter aus.",
     18, "Botschaftsmitarbeiter", "expel", "CZE", "RUS", None, 2021),
    # a name in the s-genitive owns a noun: a possessor, not the actor of the clause
    ("Im Jahr 2019 wurden vier Liegenschaften Russlands beschlagnahmt.",
     4, "Liegenschaft", None, None, None, None, 2019),
    ("2021 mussten zwölf Diplomaten Moskaus aus Prag ausreisen.",
     12, "Diplomat", "leave", None, None, "Prag", 2021),
    # "gegen Iran" in another clause names the target more surely than "US-" of an institution
    ("Die Entscheidung des US-Senats, Sanktionen gegen Iran zu verhängen, fiel 2019: 98 Senatoren stimmten dafür.",
     98, "Senator", "sanction", None, "IRN", None, 2019),
    ("Der US-Senat billigte 2019 mit 98 Stimmen neue Sanktionen gegen Iran.",
     98, "Stimme", "sanction", "USA", "IRN", None, 2019),  # a chamber is an institution
    # a subordinate clause has its own subject: it names no actor of the main clause
    ("Weil Moskau sich eingemischt haben soll, schickte die Regierung Obama 2016 insgesamt 35 russische Diplomaten nach Hause.",
     35, "Diplomat", None, "USA", "RUS", None, 2016),
    ("Weil Polen Spionage vermutete, wurden 2023 insgesamt 45 russische Diplomaten ausgewiesen.",
     45, "Diplomat", "expel", None, "RUS", None, 2023),
    # the object of another's act the subject reacts to: the subject is not its actor …
    ("Auf die Ausweisung von 45 russischen Diplomaten antwortete Moskau 2023 mit Gegenmaßnahmen.",
     45, "Diplomat", "expel", None, "RUS", None, 2023),
    # … but of an act the subject announces, it is
    ("Die britische Regierung verkündete 2018 die Ausweisung von 23 russischen Diplomaten.",
     23, "Diplomat", "expel", "GBR", "RUS", None, 2018),
    # the nationality of the counted noun is the target, whoever acts
    ("Russland zog 2022 insgesamt 40 russische Diplomaten aus Berlin ab.",
     40, "Diplomat", "leave", "RUS", "RUS", "Berlin", 2022),
    # the party of an abstract noun ("des Kriegs gegen Georgien") is not the act's target
    ("Wegen des Kriegs gegen Russland wies Polen 2008 insgesamt 12 Diplomaten aus.",
     12, "Diplomat", "expel", "POL", None, None, 2008),
    ("Wegen der Vorwürfe gegen Russland wies Polen 2008 insgesamt 12 Diplomaten aus.",
     12, "Diplomat", "expel", "POL", "RUS", None, 2008),
]


@pytest.mark.parametrize("text, value, noun, event, actor, target, place, year", CASES)
def test_count_claims_blank_pipeline(checker, text, value, noun, event, actor, target, place, year):
    claims = [c for c in claims_of(checker, text) if c.kind == "count"]
    assert len(claims) == 1, claims
    c = claims[0]
    assert c.quantity.value == value
    assert (c.noun.value if c.noun else None) == noun
    assert (c.event.value if c.event else None) == event
    assert (c.actor.value if c.actor else None) == actor
    assert (c.target.value if c.target else None) == target
    assert (c.place.value if c.place else None) == place
    assert c.time is not None and c.time.first.year == year
    assert text[c.start:c.end] == c.text


def test_coordinated_clauses_give_one_claim_each(checker):
    text = ("2018 schlossen die USA das russische Generalkonsulat in Seattle und wiesen 60 Diplomaten aus.")
    claims = claims_of(checker, text)
    assert [(c.kind, c.event.value) for c in claims] == [("date", "close"), ("count", "expel")]
    assert claims[0].place.value == "Seattle"
    assert claims[1].time.text == "2018"


def test_time_inherited_from_previous_sentence_of_paragraph(checker):
    text = "2018 wiesen die USA 60 Diplomaten aus. Moskau reagierte mit der Ausweisung von 60 US-Vertretern."
    second = claims_of(checker, text)[-1]
    assert second.time.first.year == 2018 and second.time.inherited
    assert second.actor.value == "RUS" and second.target.value == "USA"


def test_no_inheritance_across_paragraphs(checker):
    text = "2018 wiesen die USA 60 Diplomaten aus.\n\nMoskau reagierte mit der Ausweisung von 60 US-Vertretern."
    assert claims_of(checker, text)[-1].time is None


@pytest.mark.parametrize("text, anchor, year", [
    # a time after a comparison word is the base of the change, not the time of the statement
    ("Im März 2024 kostete Strom 3,1 Prozent mehr als ein Jahr zuvor, Gas war 2,4 Prozent billiger.", "2,4", 2024),
    ("Gegenüber Dezember 2023 stiegen die Mieten im Januar 2024 um 0,4 Prozent.", "0,4", 2024),
    ("Die Zahl der Pendler lag 2023 um 1200 höher als im Jahr 2019.", "1200", 2023),
    ("Die Zahl der Pendler lag um 1200 höher als im Jahr 2019.", "1200", None),
])
def test_a_comparison_base_dates_no_count(checker, text, anchor, year):
    claim = next(c for c in claims_of(checker, text) if c.text.startswith(anchor))
    assert (claim.time.first.year if claim.time else None) == year
    if year == 2024 and "Gegenüber" in text:
        assert claim.time.first.month == 1


@pytest.mark.parametrize("text, anchor, time_text", [
    # a time after "vom" dates the noun before it: a count takes it only when nothing else dates it
    ("Nach dem Beschluss vom Montag müssen 30 Beamte bis zum 5. Mai ausreisen.", "30", "bis zum 5. Mai"),
    ("Laut der Mitteilung vom Dienstag sollen im Juni 14 Stellen wegfallen.", "14", "im Juni"),
    ("Die Anordnung vom Mittwoch sah vor, dass 12 Beamte abgezogen werden.", "12", "Mittwoch"),
    ("Die Anordnung vom 3. Mai sah vor, dass 12 Beamte abgezogen werden.", "12", "3. Mai"),
    ("Laut Beschluss vom 2. Mai müssen 30 Beamte das Land vor Ablauf der Frist am 15. Mai verlassen.", "30",
     "am 15. Mai"),  # the noun's time is nearer, the sentence's own wins
])
def test_a_time_of_a_noun_dates_a_count_only_alone(checker, text, anchor, time_text):
    claim = next(c for c in claims_of(checker, text) if c.text.startswith(anchor))
    assert claim.time is not None and claim.time.text in time_text


def test_two_years_two_date_claims(checker):
    text = "Weitere Ausweisungen russischer Diplomaten aus den USA folgten 2022 und 2023."
    claims = claims_of(checker, text)
    assert [c.text for c in claims] == ["2022", "2023"]
    assert all(c.event.value == "expel" and c.target.value == "RUS" for c in claims)


@pytest.mark.parametrize("text", [
    "Die Sitzung begann um 12.18 Uhr.",
    "Bayern gewann das Spiel 3:1.",
    "Das regelt Artikel 5 des Vertrags.",
])
def test_not_claims(checker, text):
    assert claims_of(checker, text) == []


def test_header_date_is_not_a_claim(checker):
    assert claims_of(checker, " date 2025-02 Es gab keine Mitteilung.") == []


# --- the parse path: hand-annotated Docs (TIGER labels as in de_core_news) --------------------

def _claims_of_parsed(words, heads, deps, pos, lemmas):
    """Run claimcheck_claims on a hand-annotated Doc (as a trained parser would leave it)."""
    nlp = spacy.blank("de")
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    comp = nlp.add_pipe("claimcheck_claims")
    comp.initialize()
    return comp(doc)._.claims


def test_parse_decides_the_actor():
    # "Russland wies nach Angaben aus Washington 35 Diplomaten aus ."
    # Word order alone would pick Washington (nearest to the number); the parse says Russland is sb.
    words = ["Russland", "wies", "nach", "Angaben", "aus", "Washington", "35", "Diplomaten", "aus", "."]
    heads = [1, 1, 1, 2, 3, 4, 7, 1, 1, 1]
    deps = ["sb", "ROOT", "mo", "nk", "pg", "nk", "nk", "oa", "svp", "punct"]
    pos = ["PROPN", "VERB", "ADP", "NOUN", "ADP", "PROPN", "NUM", "NOUN", "ADP", "PUNCT"]
    lemmas = ["Russland", "weisen", "nach", "Angabe", "aus", "Washington", "35", "Diplomat", "aus", "."]
    (claim,) = _claims_of_parsed(words, heads, deps, pos, lemmas)
    assert claim.actor.value == "RUS"
    assert claim.event.value == "expel"
    assert claim.noun.value == "Diplomat"


def test_parse_attaches_number_to_its_noun_across_a_modifier():
    # "Die USA haben 35 in Washington tätige Diplomaten ausgewiesen ."
    words = ["Die", "USA", "haben", "35", "in", "Washington", "tätige", "Diplomaten", "ausgewiesen", "."]
    heads = [1, 2, 2, 7, 6, 4, 7, 8, 2, 2]
    deps = ["nk", "sb", "ROOT", "nk", "mo", "nk", "nk", "oa", "oc", "punct"]
    pos = ["DET", "PROPN", "AUX", "NUM", "ADP", "PROPN", "ADJ", "NOUN", "VERB", "PUNCT"]
    lemmas = ["der", "USA", "haben", "35", "in", "Washington", "tätig", "Diplomat", "ausweisen", "."]
    (claim,) = _claims_of_parsed(words, heads, deps, pos, lemmas)
    assert claim.noun.value == "Diplomat"  # rules alone would stop at "in"
    assert claim.actor.value == "USA"  # subject of the finite auxiliary over the participle
    assert claim.text == "35 in Washington tätige Diplomaten"


# --- lexicon matching ------------------------------------------------------------------------

def _toks(pairs):
    out, pos = [], 0
    for i, (text, lemma) in enumerate(pairs):
        out.append(Tok(i, text, lemma, pos, pos + len(text)))
        pos += len(text) + 1
    return out


def test_separable_verb_and_nationality_mentions():
    toks = _toks([("Die", "der"), ("USA", "USA"), ("wiesen", "weisen"), ("35", "35"),
                  ("russische", "russisch"), ("Diplomaten", "Diplomat"), ("aus", "aus"), (".", ".")])
    kinds = {(m.kind, m.value) for m in find_mentions(toks, load_lexicon())}
    assert {("actor", "USA"), ("event", "expel"), ("nat", "RUS")} <= kinds


def test_preposition_roles():
    toks = _toks([("von", "von"), ("den", "der"), ("USA", "USA"), ("in", "in"), ("Seattle", "Seattle")])
    ms = {m.value: m.role for m in find_mentions(toks, load_lexicon())}
    assert ms == {"USA": "agent", "Seattle": "in"}


@pytest.mark.parametrize("text, negated", [
    ("Nicht 35, sondern 60 Diplomaten mussten 2018 die USA verlassen.", [True, False]),
    ("Österreich wies 2018 im Zuge der Skripal-Affäre keine russischen Diplomaten aus.", [True]),
    ("2019 wies London den russischen Botschafter aber nicht aus.", [True]),
    ("Die USA wiesen 2018 60 Diplomaten aus, Österreich keine.", [False]),
    ("2018 wiesen die USA nicht nur 60 Diplomaten aus.", [False]),
    # "kein" of another noun does not deny the counted one
    ("Weil Norwegen den Familien der 14 ausgewiesenen Diplomaten keine Visa mehr erteilt, müssen sie ausreisen.", [False]),
    ("Norwegen wies 2020 keine der 14 Diplomaten aus.", [True]),
    # a negated verb beyond a colon or a semicolon denies another statement
    ("Der Streit riss auch 2019 nicht ab: 2021 wiesen die USA erneut 10 Diplomaten aus.", [True, False]),
    ("Der Streit riss auch 2019 nicht ab; 2021 wiesen die USA erneut 10 Diplomaten aus.", [True, False]),
])
def test_negation(checker, text, negated):
    assert [c.negated for c in claims_of(checker, text)] == negated


def test_line_wrapped_after_a_day_number_is_one_sentence(checker):
    """Stored web pages wrap lines anywhere: "bis zum 30." / "Juni" is one date, one sentence."""
    text = "Weitere 12 Diplomaten müssen bis zum 30.\nJuni ausreisen."
    (claim,) = claims_of(checker, text, "2021-12")
    assert claim.time is not None and claim.time.text.startswith("30.") and claim.time.first.month == 6
    assert claim.sentence_end > text.index("Juni")


LONG_PARAGRAPH = ("Das Außenministerium in Moskau kündigte am Montag an, die Botschaft der Vereinigten Staaten "
                  "müsse ihr Personal deutlich verringern, nachdem Washington zuvor die Visa für russische "
                  "Beamte gestoppt habe.")


@pytest.mark.parametrize("text, one_sentence", [
    # a hard-wrapped sentence: the line fills the text's width and ends in a word
    ("Nach Angaben des Außenministeriums müssen die ausgewiesenen 20 Diplomaten das Land binnen\n"
     "drei Tagen verlassen, wie die Agentur meldete.", True),
    ("Wie ein Sprecher der Regierung am Abend mitteilte, sollen insgesamt 20 Diplomaten bis zum\n"
     "Monatsende ausreisen.", True),
    # a heading above its text: short, or far shorter than the paragraphs of a one-line-per-paragraph page
    ("Moskau weist 20 Diplomaten aus\nDas Außenministerium hat die Ausweisung angekündigt.", False),
    ("Nach dem Streit um Visa verweist Russland insgesamt 20 amerikanische Diplomaten des Landes\n"
     + LONG_PARAGRAPH, False),
    # a blank line is a paragraph break, a table line is no prose
    ("Nach Angaben des Außenministeriums müssen die ausgewiesenen 20 Diplomaten das Land binnen\n\n"
     "drei Tagen verlassen, wie die Agentur meldete.", False),
])
def test_a_hard_wrapped_line_continues_its_sentence(checker, text, one_sentence):
    first = next(c for c in claims_of(checker, text, "2021-12") if c.start < text.index("\n"))
    assert (first.sentence_end > text.index("\n")) is one_sentence


@pytest.mark.parametrize("text, sentences", [
    # a year with its full stop ends a sentence ("2024." is one token, like an ordinal)
    ("Die Preise stiegen im November 2024. Waren lagen mit 0,9 Prozent darunter.", 2),
    ("Die Ausweisung kam Ende 2016. Moskau verzichtete auf Vergeltung für die 35 Diplomaten.", 2),
    # a day's number stays an ordinal of its date
    ("Am 3. Mai 2016 wiesen sie 35 Diplomaten aus.", 1),
    ("Die Frist lief am 30. Juni ab, danach mussten 28 Diplomaten gehen.", 1),
])
def test_a_year_with_its_full_stop_ends_the_sentence(checker, text, sentences):
    claims = claims_of(checker, text, "2025-01")
    assert len({c.sentence_start for c in claims}) == sentences


def test_a_table_line_is_never_a_wrapped_sentence():
    text = ("Ausgewiesene Diplomaten im Jahr | 20 | 35 | 60 | 755 | 28 | 27 | 14 | 23 | 12 | 10 | 9\n"
            "Ausreisefrist in Tagen | 3 | 3 | 7 | 30 | 60 | 60 | 14 | 7 | 3 | 3 | 3")
    at = text.index("\n")
    assert not wrapped_line(text, at, at + 1, len(text.split("\n")[0]))
    assert wrapped_line(text.replace("|", "/"), at, at + 1, len(text.split("\n")[0]))


def test_a_subordinate_clause_takes_the_actor_of_the_clause_it_depends_on(checker):
    text = "London wies 2018 insgesamt 23 Russen aus; Moskau reagierte, indem es 23 britische Diplomaten auswies."
    second = [c for c in claims_of(checker, text) if c.kind == "count"][1]
    assert (second.actor.value, second.target.value) == ("RUS", "GBR")  # not London, named first


@pytest.mark.parametrize("text, base", [
    ("Gegenüber Dezember 2024 sanken die Preise im Januar 2025 um 0,2 Prozent.", "Dezember 2024"),
    ("Die Preise sanken im Januar 2025 verglichen mit Dezember 2024 um 0,2 Prozent.", "Dezember 2024"),
    ("Die Preise sanken im Januar 2025 um 0,2 Prozent.", None),
    # another clause's base is not this count's
    ("Gegenüber Dezember 2024 sanken die Preise, im Januar 2025 lag die Rate bei 2,3 Prozent.", None),
])
def test_the_comparison_base_of_a_change(checker, text, base):
    (claim,) = [c for c in claims_of(checker, text) if c.kind == "count"]
    assert (claim.base.text if claim.base else None) == base
    assert claim.time is not None and claim.time.label() == "Januar 2025"  # the base dates nothing


@pytest.mark.parametrize("text, inherited", [
    # a time across a semicolon or a dash belongs to another statement: it may confirm, never accuse
    ("Es war das zweite Treffen der Delegationen; die Amtseinführung am 20. Januar lag fünf Wochen zurück.", True),
    ("Es war das zweite Treffen der Delegationen – die Amtseinführung am 20. Januar lag fünf Wochen zurück.", True),
    ("Am 20. Januar fand das zweite Treffen der Delegationen statt.", False),
    # the object of an act after a temporal preposition: the clause's time is not the act's
    ("Bereits 2019, ein Jahr nach der Ausweisung von 40 Diplomaten, protestierte Moskau.", True),
    ("Bereits 2019 erfolgte die Ausweisung von 40 Diplomaten.", False),
    # a time in a subordinate clause with a count of its own is that count's
    ("Es arbeiten nur noch 240 Angestellte dort, nachdem es Mitte 2019 noch 900 waren.", True),
    ("Nachdem Mitte 2019 noch 900 dort waren, arbeiten nur noch 240 Angestellte dort.", True),
    # a main clause's time dates its relative clause's count
    ("Im Nordkreis, auf den 30 Prozent der Betriebe entfallen, lag die Quote im Mai 2024 bei 5,1 Prozent.", False),
])
def test_a_time_of_another_statement_is_inherited(checker, text, inherited):
    claim = next(c for c in checker.extract(f"date 2025-02\n{text}") if c.text.startswith(("zweite", "40", "240", "30")))
    assert claim.time is not None and claim.time.inherited is inherited


@pytest.mark.parametrize("text, anchor, party", [
    # a nationality adjective of a territory names a place, not the affected party
    ("Nach einem Anschlag auf französischem Boden wiesen die USA 12 Diplomaten aus.", "12", None),
    ("Nach einem Anschlag auf französischem Territorium wiesen die USA 12 Diplomaten aus.", "12", None),
    ("Nach dem Anschlag wiesen die USA 12 französische Diplomaten aus.", "12", "FRA"),
])
def test_a_territory_names_no_affected_party(checker, text, anchor, party):
    claim = next(c for c in claims_of(checker, text) if c.text.startswith(anchor))
    assert (claim.target.value if claim.target else None) == party


@pytest.mark.parametrize("text, actor, target", [
    # an adjective of a place name with an institution names the actor ("das Moskauer Außenministerium")
    ("Das Moskauer Außenministerium wies 455 Diplomaten aus.", "RUS", None),
    ("Die Berliner Regierung wies 4 Diplomaten aus.", "DEU", None),
    ("Washingtoner Behörden wiesen 4 Diplomaten aus.", "USA", None),
    # … and without one the affected party, as a nationality adjective does
    ("Die USA wiesen 4 Berliner Diplomaten aus.", "USA", "DEU"),
    # a capitalised national adjective starts a name: no actor
    ("Der Deutsche Wetterdienst zählte 4 Stürme.", None, None),
])
def test_a_place_adjective_with_an_institution_is_an_actor(checker, text, actor, target):
    (claim,) = claims_of(checker, text)
    assert (claim.actor.value if claim.actor else None, claim.target.value if claim.target else None) == (actor, target)


def test_a_sentence_on_the_header_line_starts_after_the_header(checker):
    """An in-band date header on the first line (" date 2025-02 Am Montag …") is no part of the
    first sentence: not of its context, not of its correction."""
    text = " date 2025-02 Hintergrund: Ende 2016 wiesen die USA 35 russische Diplomaten aus."
    claims = checker.extract(text)
    assert claims and all(text[c.sentence_start:].startswith("Hintergrund") for c in claims)
