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
    (lambda d: d["facts"][0]["quantity"].update(value=float("nan"), low=float("nan")), "Fakt F01 (Nr. 1), Feld quantity.value: keine endliche Zahl"),
    (lambda d: d["facts"][0]["quantity"].update(high=float("inf")), "Fakt F01 (Nr. 1), Feld quantity.high: keine endliche Zahl"),
    (lambda d: d["facts"][0]["quantity"].update(low=40, high=30), "Fakt F01 (Nr. 1), Feld quantity: low 40"),
    (lambda d: d["facts"][0].update(start=50, end=10), "Fakt F01 (Nr. 1), Feld end: kleiner"),
    (lambda d: next(f for f in d["facts"] if f.get("time"))["time"].update(first="2017-01-01", last="2016-01-01"),
     "Feld time: first"),
    (lambda d: d["facts"][0]["provenance"].update(sentence_end=0), "Fakt F01 (Nr. 1), Feld sentence_end"),
    (lambda d: d["facts"][2].update(id="F01"), "Fakt F01 (Nr. 3), Kennung F01 kommt doppelt vor"),
    (lambda d: d.update(schema_version=7), "unbekannte schema_version 7"),
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


def test_overflowing_number_is_not_finite(tmp_path):
    data = json.loads(FACTS.read_text(encoding="utf-8"))
    data["facts"][0]["quantity"]["low"] = 12345.5
    bad = tmp_path / "big.json"
    bad.write_text(json.dumps(data).replace("12345.5", "1e999"), encoding="utf-8")
    with pytest.raises(ClaimcheckError, match=r"Fakt F01 \(Nr. 1\), Feld quantity.low: keine endliche"):
        load_reference(bad)


def test_deep_nesting_is_a_named_E020(tmp_path):
    bad = tmp_path / "deep.json"
    bad.write_text('{"facts": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(ClaimcheckError) as err:
        load_reference(bad)
    assert err.value.code == "E020" and str(bad) in err.value.message
    assert "verschachtelt" in err.value.message


def test_not_json_and_missing(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("{nope", encoding="utf-8")
    with pytest.raises(ClaimcheckError, match="E020"):
        load_reference(bad)
    with pytest.raises(ClaimcheckError, match="E021"):
        load_reference(tmp_path / "missing.json")
