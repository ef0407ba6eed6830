"""Ordinal words as quantities (``nlp/numbers/ordinals.py``): found after an ordinal cue, with their
value and counted noun; compared only with ordinals."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.nlp.numbers.ordinals import UNIT, find_ordinals


@pytest.mark.parametrize("text, word, value", [
    ("Es war das zweite Treffen der Delegationen.", "zweite", 2),
    ("Zum dritten Mal verhandelten beide Seiten.", "dritten", 3),
    ("Die ersten Gespräche fanden in Wien statt.", "ersten", 1),
    ("Im fünften Jahr der Krise wurde verhandelt.", "fünften", 5),
    ("Beide Seiten kamen zu einer dritten Gesprächsrunde zusammen.", "dritten", 3),  # an indefinite article
    ("Es begann eine zweite Verhandlungsrunde.", "zweite", 2),
    ("Die Sprecherin nannte die Runde die erste einer Reihe.", "erste", 1),
    ("Die Delegationen trafen sich zu ihrer dritten Runde.", "dritten", 3),  # feminine dative cue
    ("Moskau bezeichnete das Treffen als zweite Etappe einer Serie.", "zweite", 2),  # "als"
    ("In Merkels vierter Amtszeit wurde das Abkommen geschlossen.", "vierter", 4),  # a name in the genitive
    ("Es war bereits die nunmehr dritte Runde.", "dritte", 3),  # an adverb between cue and ordinal
])
def test_ordinal_found(text, word, value):
    (q,) = find_ordinals(text)
    assert (text[q.start:q.end], q.value, q.unit) == (word, value, UNIT)


@pytest.mark.parametrize("text", [
    "Die Diplomaten achten die Regeln.",  # the verb, not "achte"
    "Er kam als Erster an.",  # no cue: a noun
    "Zweitens fehlt eine Antwort.",
    "Die Erste Bank meldete Gewinne.",  # no lower-case cue before
    "Die Bürger des Landes achten die Gesetze.",  # a genitive cues an ordinal only before its noun
])
def test_no_ordinal(text):
    assert find_ordinals(text) == []


def test_ordinal_claim_has_its_noun_and_leaves_the_date_claim(checker):
    claims = checker.extract("Im Jahr 2019 begann das zweite Treffen der Delegationen.", "2025-02")
    ordinal = [c for c in claims if c.quantity is not None and c.quantity.unit == UNIT]
    dates = [c for c in claims if c.kind == "date"]
    assert [(c.text, c.noun.value if c.noun else None) for c in ordinal] == [("zweite Treffen", "Treffen")]
    assert [c.time.first.year for c in dates] == [2019]


def test_ordinal_is_never_checked_against_a_count(checker):
    """"die zweite Runde" is no count of two: a count fact of 2 is excluded by a constraint."""
    report = checker.check_text("date 2025-02\nDie zweite Ausweisung russischer Diplomaten folgte 2023.")
    assert all(c.verdict != "mismatch" for c in report.claims)


_PIECES = ["die", "Die", "zum", "ZUM", "im", "seinem", "ersten", "Ersten", "zweite", "dritt", "-",
           "achten", "erstens", "Treffen", " ", "  ", "\n", ",", "x", "Mal", "neunte", "erste-"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map(" ".join)
       | st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_prefilter_skips_only_texts_without_ordinals(text):
    """The word-only prefilter never hides a match of the full pattern."""
    from claimcheck.nlp.numbers.lexicon import numbers_lexicon
    from claimcheck.nlp.numbers.ordinals import _pattern, _prefilter

    lex = numbers_lexicon()
    if _prefilter(lex).search(text) is None:
        assert _pattern(lex).search(text) is None
