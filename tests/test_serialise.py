"""A saved pipeline carries the whole language pack: ``spacy.load`` in a fresh process, with the
package's ``lang`` folder removed, gives the same claims, and the saved data is what is used."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import spacy

import claimcheck
from claimcheck import Checker
from claimcheck.lang import FILES
from claimcheck.nlp.lexicon import load_lexicon_dir
from claimcheck.nlp.pipeline import STAGES
from claimcheck.lang import pack_dir

TEXT = ("date 2025-03\n\nEnde 2016 wiesen die USA drei Dutzend russische Diplomaten aus. "
        "Rund 750 Stellen fielen 2017 weg. Zum zweiten Mal traf man sich am 3. März in Moskau.")
LOAD = """
import json, sys
import claimcheck.lang, spacy
assert not claimcheck.lang.pack_dir().exists(), "the lang folder should be gone"
doc = spacy.load(sys.argv[1])(sys.argv[2])
print(json.dumps([c.model_dump(mode="json") for c in doc._.claims]))
"""


def _package_without_lang(tmp_path: Path) -> Path:
    """A copy of the claimcheck package without its language pack folder."""
    root = tmp_path / "site"
    shutil.copytree(Path(claimcheck.__file__).parent, root / "claimcheck",
                    ignore=shutil.ignore_patterns("__pycache__", "de"))
    return root


def _load_elsewhere(site: Path, saved: Path) -> list[dict]:
    env = dict(os.environ, PYTHONPATH=str(site))
    out = subprocess.run([sys.executable, "-c", LOAD, str(saved), TEXT], capture_output=True, text=True,
                         env=env, cwd=site, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout)


def test_saved_pipeline_loads_in_a_fresh_process_without_the_lang_folder(tmp_path):
    checker = Checker()
    want = [c.model_dump(mode="json") for c in checker.extract(TEXT)]
    assert any(c["quantity"] and c["quantity"]["unit"] == "ordinal" for c in want)
    saved = tmp_path / "pipe"
    checker.nlp.to_disk(saved)
    for stage in STAGES:
        assert sorted(p.name for p in (saved / stage).iterdir()) == sorted(n for n, _ in FILES.values())
    site = _package_without_lang(tmp_path)
    assert _load_elsewhere(site, saved) == want
    numbers = saved / "claimcheck_numbers" / "numbers.yaml"  # the saved data is used: 1 Dutzend = 10
    numbers.write_text(numbers.read_text(encoding="utf-8").replace("dutzend: 12", "dutzend: 10"), encoding="utf-8")
    got = _load_elsewhere(site, saved)
    assert [c["quantity"]["value"] for c in got[:1]] == [30.0]
    assert got[1:] == want[1:]


def test_to_bytes_round_trip_keeps_the_pack():
    nlp = Checker().nlp
    again = spacy.blank("de").from_config(nlp.config)
    again.from_bytes(nlp.to_bytes())
    doc = again(TEXT)
    assert [c.text for c in doc._.claims] == [c.text for c in Checker().extract(TEXT)]


def test_checker_extracts_and_aligns_with_its_lexicon(tmp_path):
    folder = tmp_path / "lex"
    shutil.copytree(pack_dir(), folder)
    places = folder / "places.yaml"
    places.write_text(places.read_text(encoding="utf-8").replace("places: [", "places: [Atlantis, ", 1),
                      encoding="utf-8")
    lex = load_lexicon_dir(folder)
    checker = Checker(lexicon=lex)
    text = "Ende 2016 wiesen die USA 35 russische Diplomaten in Atlantis aus."
    (claim,) = checker.extract(text, date="2025-03")
    assert claim.place is not None and claim.place.value == "Atlantis"
    assert checker.lexicon is lex and checker.aligner.lex is lex
    assert Checker().extract(text, date="2025-03")[0].place is None
