"""The spaCy components: registered through entry points, usable in any German pipeline,
lexicons saved with the pipeline."""
import random
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy

from claimcheck.nlp.pipeline import FAST_AFFIXES, load_pipeline, speed_up


def test_entry_points_resolve():
    eps = {ep.name: ep for ep in entry_points(group="spacy_factories") if ep.name.startswith("claimcheck_")}
    assert set(eps) == {"claimcheck_noise", "claimcheck_dates", "claimcheck_numbers", "claimcheck_mentions",
                        "claimcheck_claims"}
    for ep in eps.values():
        assert callable(ep.load())


def test_components_in_a_plain_german_pipeline():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("claimcheck_mentions")
    nlp.add_pipe("claimcheck_claims")
    nlp.initialize()
    doc = nlp("Ende 2016 wiesen die USA 35 russische Diplomaten aus.")
    labels = {(s.label_, s.kb_id_) for s in doc.spans["claimcheck_mentions"]}
    assert {("ACTOR", "USA"), ("EVENT", "expel"), ("NAT", "RUS")} <= labels
    (claim,) = doc._.claims
    assert claim.quantity.value == 35 and claim.time.text == "Ende 2016"
    assert [s.text for s in doc.spans["claimcheck_claims"]] == ["35 russische Diplomaten"]


def test_pipeline_round_trip_keeps_lexicons(tmp_path):
    nlp = load_pipeline("blank")
    nlp.to_disk(tmp_path / "pipe")
    assert (tmp_path / "pipe" / "claimcheck_claims" / "events.yaml").exists()
    again = spacy.load(tmp_path / "pipe")
    doc = again("2018 wiesen die USA 60 Diplomaten aus.")
    assert [c.quantity.value for c in doc._.claims] == [60]


def test_auto_detect_falls_back_to_blank():
    nlp = load_pipeline()
    assert "claimcheck_claims" in nlp.pipe_names


def test_lean_blank_pipeline_tokenizes_and_splits_like_spacy():
    """The blank pipeline computes only the lexeme attributes claimcheck and the sentencizer read."""
    text = ("Ende 2016 wies die Obama-Regierung 35 Diplomaten aus!  Warum? Weil…\n\n"
            "„Moskau“ reagierte (am 30. Dezember) mit 3,5 % – https://example.org, a@b.de.\t Ende")
    full = spacy.blank("de")
    full.add_pipe("sentencizer")
    lean = load_pipeline("blank")
    a, b = full(text), lean.get_pipe("sentencizer")(lean.make_doc(text))
    assert [t.text_with_ws for t in a] == [t.text_with_ws for t in b]
    assert [(t.is_space, t.is_punct, t.is_sent_start) for t in a] == \
        [(t.is_space, t.is_punct, t.is_sent_start) for t in b]


def _fixture_texts() -> list[str]:
    root = Path(__file__).resolve().parent.parent / "fixtures"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.rglob("*")) if p.suffix in (".txt", ".yaml")]
    rng = random.Random(11)
    chars = "aZß0.,;:!?-–—/()[]{}\"'„“»«…%€$°²+*&@#_~|\\ \n\t\u00a0😀©·"
    texts += ["".join(rng.choice(chars) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    return texts


def test_guarded_affix_patterns_find_what_spacy_finds():
    """The blank pipeline's tokenizer has guarded suffix, infix and URL patterns: on every chunk
    and every part of it they match as spaCy's own patterns do, so the tokens are the same."""
    nlp = load_pipeline("blank")
    speed_up(nlp)
    plain, lean = spacy.blank("de").tokenizer, nlp.tokenizer
    assert lean.suffix_search != plain.suffix_search  # the guarded patterns are in place
    chunks = {c for t in _fixture_texts() for c in t.split()} | {"\n", " \n", ".\n", "a..\n", "x.....", "1.2.3.4",
                                                               "https://www.example.org/a?b=1", "a@b.de", "x.de\n"}
    parts = {c[k:] for c in chunks for k in range(len(c))} | {c[:k] for c in chunks for k in range(1, len(c))}
    for part in parts:
        a, b = plain.suffix_search(part), lean.suffix_search(part)
        assert (a and a.span()) == (b and b.span()), part
        assert [m.span() for m in plain.infix_finditer(part)] == [m.span() for m in lean.infix_finditer(part)], part
        a, b = plain.url_match(part), lean.url_match(part)
        assert (a and a.span()) == (b and b.span()), part
    for text in _fixture_texts()[:200]:
        assert [t.text for t in plain(text)] == [t.text for t in lean(text)]


def test_guards_are_built_once_enough_text_was_read():
    """One draft from the command line never pays the 0.25 s of building the guards; a Checker
    that has read FAST_AFTER_CHARS does, and a batch worker (fast_tokenizer=True) at once."""
    from claimcheck import Checker
    from claimcheck.checker import FAST_AFTER_CHARS

    lazy = Checker(model="blank")
    lazy.check_text("Die USA wiesen 2016 insgesamt 35 Diplomaten aus.")
    assert lazy.nlp.meta[FAST_AFFIXES] is False
    lazy.check_text("Ein Satz ohne Zahl. " * (FAST_AFTER_CHARS // 20 + 1))
    assert lazy.nlp.meta[FAST_AFFIXES] is True
    assert Checker(model="blank", fast_tokenizer=True).nlp.meta[FAST_AFFIXES] is True
    never = Checker(model="blank", fast_tokenizer=False)
    never.check_text("Ein Satz ohne Zahl. " * (FAST_AFTER_CHARS // 20 + 1))
    assert never.nlp.meta[FAST_AFFIXES] is False


@pytest.mark.parametrize("text", [
    "", " ", "Nein.", "Ja!! Wirklich?! (Ja.) „So.“ Dann… weiter", "...", "Er kam. \n\n Sie ging.  Ende",
    "Am 3. Mai 2024 kamen 35 Gäste. Um 12.30 Uhr war Schluss! Oder? Ja。Fertig",
])
def test_array_sentencizer_splits_like_spacy(text):
    """The blank pipeline's sentencizer reads a token array; its sentence starts are spaCy's."""
    lean = load_pipeline("blank")
    lean_doc = lean.get_pipe("sentencizer")(lean.make_doc(text))
    plain = spacy.blank("de")
    plain.add_pipe("sentencizer")
    assert [t.is_sent_start for t in plain(text)] == [t.is_sent_start for t in lean_doc]


def test_settings_are_factory_configs():
    nlp = load_pipeline("blank")
    assert nlp.get_pipe_config("claimcheck_noise")["window"] == 160
    assert nlp.get_pipe_config("claimcheck_claims")["heading_chars"] == 120
    assert nlp.get_pipe_config("claimcheck_mentions")["max_sentence_tokens"] == 120
    text = "Der SV Darmstadt 98 stieg ab.\nWaren 512,07 0,6 0,9 1,2 0,8"
    for enabled, some in ((True, False), (False, True)):
        plain = spacy.blank("de")
        plain.add_pipe("sentencizer")
        plain.add_pipe("claimcheck_noise", config={"enabled": enabled})
        plain.add_pipe("claimcheck_claims")
        plain.initialize()
        assert bool(plain(text)._.claims) is some


def test_each_stage_writes_its_spans_and_values():
    nlp = load_pipeline("blank")
    doc = nlp("date 2025-03\n\nEnde 2016 wiesen die USA 35 russische Diplomaten aus.")
    (time,) = doc._.claimcheck_times
    assert [s.text for s in doc.spans["claimcheck_dates"]] == ["Ende 2016"]
    assert doc.spans["claimcheck_dates"][0]._.claimcheck_value == time
    assert [q.value for q in doc._.claimcheck_quantities] == [35]
    assert {(s.label_, s.kb_id_) for s in doc.spans["claimcheck_mentions"]} >= {("ACTOR", "USA"), ("EVENT", "expel")}
    assert doc._.document_date.isoformat() == "2025-03-01" and doc._.document_header_end == 12
    assert doc._.claims[0].time == time
