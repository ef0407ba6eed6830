"""The committed fact base is exactly what the extractor builds from the source article."""
import json

import pytest

from claimcheck.errors import ClaimcheckError
from claimcheck.reference import bundled_path, load_reference, save_reference, schema

from conftest import FACTS, ROOT, SOURCE


def test_rebuilt_fact_base_equals_committed(checker, tmp_path):
    built = checker.build_reference(SOURCE)
    out = tmp_path / "facts.json"
    save_reference(built, out)
    assert out.read_text(encoding="utf-8") == FACTS.read_text(encoding="utf-8")


def test_bundled_reference_is_the_committed_one():
    assert bundled_path().read_text(encoding="utf-8") == FACTS.read_text(encoding="utf-8")


def test_fact_base_has_every_numeric_and_dated_statement():
    base = load_reference(FACTS)
    counts = [f.quantity.value for f in base.facts if f.quantity is not None and f.quantity.unit != "ordinal"]
    ordinals = [f.text for f in base.facts if f.quantity is not None and f.quantity.unit == "ordinal"]
    years = {f.time.first.year for f in base.facts if f.time is not None}
    assert counts == [35, 755, 60, 60]
    assert ordinals == ["ersten Kontakte", "ersten", "ersten Amtszeit"]  # "die ersten einer Reihe"
    assert years == {2016, 2017, 2018, 2022, 2023}
    assert str(base.document_date) == "2025-02-01"
    for fact in base.facts:
        prov = fact.provenance
        text = SOURCE.read_text(encoding="utf-8")
        assert text[prov.start:prov.end] == fact.text
        assert text[prov.sentence_start:prov.sentence_end] == prov.sentence


def test_schema_file_is_current():
    committed = json.loads((ROOT / "reference" / "facts.schema.json").read_text(encoding="utf-8"))
    assert committed == schema()


@pytest.mark.parametrize("mutate, needle", [
    (lambda d: d["facts"][1].pop("id"), "Fakt ? (Nr. 2), Feld id"),
    (lambda d: d["facts"][0]["quantity"].update(value="viele"), "Fakt F01 (Nr. 1), Feld quantity.value"),
    (lambda d: d["facts"][2].update(kind="rumour"), "Feld kind"),
    (lambda d: d.pop("facts"), "Feld facts"),
])
def test_malformed_fact_base_names_file_fact_and_field(tmp_path, mutate, needle):
    data = json.loads(FACTS.read_text(encoding="utf-8"))
    mutate(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ClaimcheckError) as err:
        load_reference(bad)
    assert err.value.code == "E020"
    assert str(bad) in err.value.message and needle in err.value.message


def test_not_json_and_missing(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("{nope", encoding="utf-8")
    with pytest.raises(ClaimcheckError, match="E020"):
        load_reference(bad)
    with pytest.raises(ClaimcheckError, match="E021"):
        load_reference(tmp_path / "missing.json")
