"""The spaCy components: registered through entry points, usable in any German pipeline,
lexicons saved with the pipeline."""
from importlib.metadata import entry_points

import spacy

from claimcheck.nlp.pipeline import load_pipeline


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
