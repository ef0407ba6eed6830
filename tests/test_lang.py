"""The language pack (``claimcheck/lang/``): one schema, one entry point, errors with file, line
and field; models need no NLP module (no import cycle)."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from claimcheck.align.context import align_data
from claimcheck.errors import ClaimcheckError
from claimcheck.lang import FILES, LanguagePack, load_pack, message, pack, pack_dir, pack_from_texts, pack_texts
from claimcheck.lang.schema.align import AlignFile


def test_bundled_pack_has_every_file_and_validates():
    assert set(LanguagePack.model_fields) == set(FILES)
    for name, _model in FILES.values():
        assert (pack_dir("de") / name).is_file(), name  # shipped as package data
    p = pack("de")
    assert p.messages.slots["count"] == "Zahl"
    assert p.dates.modifiers["start"][0] == "Anfang"


def test_pack_from_texts_equals_pack_from_folder():
    assert pack_from_texts(pack_texts(pack_dir())) == load_pack(pack_dir())


def test_message_fills_a_template():
    assert message("findings.negated", text="35 Diplomaten") == (
        "Verneinte Angabe: „35 Diplomaten“ – nicht gegen die Quelle geprüft.")
    assert message("html.notes") == "Anmerkungen"


def test_align_modules_read_the_packs_align_data():
    assert isinstance(align_data(), AlignFile)
    assert align_data() is pack().align


def _copy(tmp_path):
    target = tmp_path / "pack"
    shutil.copytree(pack_dir(), target)
    return target


def test_missing_message_key_names_file_line_and_field(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "messages.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  negated: ", "  negatd: "), encoding="utf-8")
    with pytest.raises(ClaimcheckError) as err:
        load_pack(folder)
    text = str(err.value)
    assert err.value.code == "E030" and "messages.yaml" in text and "negated" in text and "Zeile" in text


def test_wrong_type_names_line_and_field(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "words.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("nearly:"))
    lines[at] = "    nearly: 5"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ClaimcheckError) as err:
        load_pack(folder)
    assert f"Zeile {at + 1}, Feld evaluate.hedge_classes.nearly" in str(err.value)


def test_bad_template_and_bad_yaml_are_e030(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "messages.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace('negated: "Verneinte', 'negated: "{Verneinte'), encoding="utf-8")
    with pytest.raises(ClaimcheckError, match="findings.negated"):
        load_pack(folder)
    path.write_text(good + "\nbroken: [\n", encoding="utf-8")
    with pytest.raises(ClaimcheckError, match="YAML-Fehler"):
        load_pack(folder)


def test_models_import_no_nlp_module():
    code = ("import sys, datetime; import claimcheck.models as m; "
            "t = m.TimeSpan(text='x', start=0, end=1, first=datetime.date(2016, 10, 1), "
            "last=datetime.date(2016, 12, 31), granularity='year', modifier='end'); "
            "print(t.label(), any(k.startswith('claimcheck.nlp') for k in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["Ende", "2016", "False"]
