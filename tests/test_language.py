"""Language check (``language.py``): German texts pass, others get a notice and no claims."""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.language import detect_language

from conftest import ROOT

REALWORLD = ROOT.parent / "shared" / "realworld"


@pytest.mark.parametrize("text,code", [
    ("Die USA wiesen 35 russische Diplomaten aus, wie das Außenministerium mitteilte.", "de"),
    ("Im vergangenen Jahr hat die Regierung mit der Ausweisung von 60 Diplomaten reagiert.", "de"),
    ("Der Sprecher sagte: „We will respond.“ Danach wurde die Sitzung für eine Stunde unterbrochen.", "de"),
    ("The USA expelled 35 diplomats.", "de"),  # too few words to tell: German is assumed
    ("Die", "de"),
    ("", "de"),
    ("The United States expelled 35 Russian diplomats after the election, the ministry said.", "en"),
    ("Moscow responded by ordering the US missions to cut their staff by 755 people in 2017.", "en"),
    ("Les États-Unis ont expulsé 35 diplomates russes, selon le ministère.", "fr"),
    ("Los Estados Unidos expulsaron a 35 diplomáticos rusos por la injerencia en las elecciones.", "es"),
    ("Gli Stati Uniti hanno espulso 35 diplomatici russi, secondo il ministero della difesa.", "it"),
    ("De Verenigde Staten hebben 35 Russische diplomaten uitgezet, meldt het ministerie van het land.", "nl"),
    ("США выслали 35 российских дипломатов после выборов.", "ru"),
])
def test_detect_language(text, code):
    assert detect_language(text).code == code


def test_english_text_yields_no_claims_unless_forced(checker):
    text = ("In 2018 the United States closed the Russian consulate in Seattle and expelled 60 "
            "diplomats; Moscow responded by expelling 60 US diplomats.")
    report = checker.check_text(text, date="2025-02")
    assert report.language == "en" and report.claims == []
    assert "nicht deutsch" in report.notices[0] and "--force-language" in report.notices[0]
    forced = checker.check_text(text, date="2025-02", force_language=True)
    assert forced.claims and forced.language == "en"


def _realworld() -> list[Path]:
    if not REALWORLD.is_dir():
        pytest.skip(f"{REALWORLD} fehlt (Entwicklungskorpus liegt neben dem Projekt)")
    return sorted(REALWORLD.glob("*.txt"))


def test_realworld_english_gets_the_notice_german_never(checker):
    from claimcheck import io

    files = _realworld()
    assert files
    for path in files:
        report = checker.check_text(io.read_text(path), source=path.name)
        language_notices = [n for n in report.notices if "nicht deutsch" in n]
        english = "_EN_" in path.name
        assert bool(language_notices) is english, path.name
        assert (report.language == "en") is english, path.name
        if english:
            assert report.claims == []


def test_batch_says_on_stderr_which_file_is_not_german(tmp_path, capsys):
    import functools

    from claimcheck import Checker
    from conftest import FACTS
    from test_batch import run_cli

    (tmp_path / "de.txt").write_text("date 2025-02\nDie USA wiesen 2018 60 Diplomaten aus.",
                                     encoding="utf-8")
    (tmp_path / "en.txt").write_text("date 2025-02\nIn 2018 the United States expelled 60 "
                                     "Russian diplomats, and Moscow did the same.", encoding="utf-8")
    factory = functools.partial(Checker, reference=FACTS, model="blank")
    run_cli(["batch", str(tmp_path), "--format", "csv", "-j", "1"], factory)
    err = capsys.readouterr().err
    assert "en.txt: Hinweis: Text offenbar nicht deutsch (erkannt: en)" in err
    assert "de.txt: Hinweis" not in err


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_detect_language_never_crashes(text):
    verdict = detect_language(text)
    assert verdict.code and verdict.label
