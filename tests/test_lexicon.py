"""Lexicons are data: validated at load time, errors name the file, the line and the field."""
import shutil

import pytest

from claimcheck.errors import ClaimcheckError
from claimcheck.nlp.lexicon import load_lexicon, load_lexicon_dir
from claimcheck.resources import resource_path


def test_bundled_lexicons_load():
    lex = load_lexicon()
    assert lex.verb_events["ausweisen"] == "expel"
    assert lex.person_actor["Obama"] == "USA"
    assert lex.same_noun_class("Diplomat", "Vertreter")
    assert not lex.same_noun_class("Diplomat", "Mitarbeiter")


def _copy(tmp_path):
    for name in ("events.yaml", "actors.yaml", "places.yaml", "nouns.yaml"):
        shutil.copyfile(resource_path(name), tmp_path / name)
    return tmp_path


def test_bad_event_id_names_file_line_field(tmp_path):
    d = _copy(tmp_path)
    text = (d / "events.yaml").read_text(encoding="utf-8").replace("id: close", "id: Close-It")
    (d / "events.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ClaimcheckError) as err:
        load_lexicon_dir(d)
    msg = err.value.message
    line = next(n for n, l in enumerate(text.splitlines(), 1) if "Close-It" in l)
    assert "events.yaml" in msg and f"Zeile {line}" in msg and "events.2.id" in msg


def test_person_with_unknown_actor(tmp_path):
    d = _copy(tmp_path)
    text = (d / "actors.yaml").read_text(encoding="utf-8").replace("{id: Obama, actor: USA", "{id: Obama, actor: XXX")
    (d / "actors.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ClaimcheckError, match="unknown actor 'XXX'"):
        load_lexicon_dir(d)


def test_yaml_syntax_error(tmp_path):
    d = _copy(tmp_path)
    (d / "places.yaml").write_text("places: [Seattle, \n  - x", encoding="utf-8")
    with pytest.raises(ClaimcheckError, match="places.yaml"):
        load_lexicon_dir(d)


def test_units_are_each_their_own_thing():
    """``nouns.yaml: distinct``: two units of the unit class are not the same counted thing."""
    from claimcheck import Checker

    lex = Checker(model="blank").lexicon
    assert lex.same_noun_class("Prozent", "Prozent") and not lex.same_noun_class("Prozent", "Promille")
    assert not lex.same_noun_class("Euro", "Dollar") and lex.same_noun_class("Diplomat", "Vertreter")
