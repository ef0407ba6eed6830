"""The compact lookup-lemma table agrees with spaCy's own lookup table."""
import pytest
from spacy.lookups import load_lookups

from claimcheck.nlp import lemmas


@pytest.fixture(scope="module")
def spacy_table():
    return load_lookups("de", ["lemma_lookup"]).get_table("lemma_lookup")


@pytest.mark.parametrize("word", ["Diplomaten", "wiesen", "ausgewiesen", "abzubauen", "Vertretern",
                                  "schlossen", "Mitarbeitern", "Häftlinge", "betroffen", "Äpfel"])
def test_same_lemma_as_spacy(spacy_table, word):
    assert lemmas.load_lemmas("de").get(word) == spacy_table.get(word)


def test_unknown_word_and_default():
    table = lemmas.load_lemmas("de")
    assert "Xyzzyquux" not in table
    assert table.get("Xyzzyquux", "Xyzzyquux") == "Xyzzyquux"
    assert len(table) > 300_000


def test_builds_without_a_writable_cache(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    lemmas.load_lemmas.cache_clear()
    try:
        assert lemmas.load_lemmas("de").get("Diplomaten") == "Diplomat"
    finally:
        lemmas.load_lemmas.cache_clear()


def test_cache_round_trip(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lemmas.load_lemmas.cache_clear()
    try:
        first = lemmas.load_lemmas("de")
        assert list(tmp_path.glob("claimcheck/de-lemmas-*.pickle"))
        lemmas.load_lemmas.cache_clear()
        again = lemmas.load_lemmas("de")
        assert again.get("wiesen") == first.get("wiesen") == "weisen"
    finally:
        lemmas.load_lemmas.cache_clear()


def test_hash_index_finds_every_entry_and_nothing_else():
    import gzip
    import json

    with gzip.open(lemmas._source_file("de"), "rt", encoding="utf-8") as fh:
        source = {k: v for k, v in json.load(fh).items() if "\n" not in k and "\n" not in v}
    table = lemmas.load_lemmas("de")
    assert all(table._find(k) == v for k, v in source.items())
    for word in ("", "diplomaten", "Diplomaten ", "Xyzzyquux", "\ud800"):
        assert table._find(word) == source.get(word)
