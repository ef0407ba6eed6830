"""Editor conventions of the command line: --show, --quiet, --color, German help, one vocabulary,
early errors, evaluate outside the project, SARIF against the official 2.1.0 schema."""
import json
import re
from pathlib import Path

import pytest

from claimcheck import Checker
from claimcheck.cli import build_parser, main
from claimcheck.errors import ClaimcheckError
from claimcheck.models import Summary
from claimcheck.render.words import counted, summary_phrase

from conftest import FACTS, ROOT
from test_cli import golden
from test_suppress import DRAFT, check

ENGLISH = ["usage:", "options:", "optional arguments", "positional arguments", "show this help",
           "show program's version", "error:", "the following arguments", "invalid choice",
           "unrecognized arguments", "expected one argument", "choose from", "invalid int value",
           "subcommands"]
HELP = [[], ["check"], ["reference"], ["reference", "build"], ["reference", "schema"], ["batch"],
        ["evaluate"]]
BAD = [["check"], ["check", "x", "--format", "pdf"], ["check", "x", "--frobnicate"],
       ["batch", "d", "--jobs", "null"], ["chek"], ["reference", "build", "q.txt"],
       ["check", "x", "--show", "alles"], ["evaluate", "--fail-under", "viel"]]
SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture
def draft(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "entwurf.txt").write_text(DRAFT, encoding="utf-8")


def _exit_text(capsys, argv) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out + err


@pytest.mark.parametrize("argv", HELP, ids=lambda a: " ".join(a) or "claimcheck")
def test_help_is_german_with_exit_codes_and_two_examples(capsys, argv):
    code, text = _exit_text(capsys, [*argv, "--help"])
    assert code == 0 and text.startswith("Aufruf: claimcheck")
    assert not [e for e in ENGLISH if e in text.lower()], text
    assert "Exit-Status:" in text and re.search(r"^\s+0\s", text, re.M)
    examples = text.split("Beispiele:")[1].strip().splitlines()
    assert len(examples) >= 2 and all(e.strip().startswith("claimcheck") for e in examples)


@pytest.mark.parametrize("argv", BAD, ids=lambda a: " ".join(a))
def test_usage_errors_are_german(capsys, argv):
    code, text = _exit_text(capsys, argv)
    assert code == 2 and "Fehler:" in text and text.startswith("Aufruf:")
    assert not [e for e in ENGLISH if e in text.lower()], text


def test_every_option_has_help():
    def walk(parser):
        for action in parser._actions:
            yield parser.prog, action
            for sub in (getattr(action, "choices", None) or {}).values() if hasattr(action, "_name_parser_map") else ():
                yield from walk(sub)
    missing = [(prog, a.dest) for prog, a in walk(build_parser())
               if a.help is None and a.dest not in ("command", "ref_command")]
    assert missing == []


@pytest.mark.parametrize("argv, present, absent", [
    ([], ["ABWEICHUNG", "BESTÄTIGT", "Legende:", "1 weitere ausgeblendet"], ["NICHT PRÜFBAR"]),
    (["--show", "mismatch"], ["ABWEICHUNG", "3 weitere ausgeblendet"], ["BESTÄTIGT", "NICHT PRÜFBAR"]),
    (["--show", "unverified,mismatch"], ["ABWEICHUNG", "NICHT PRÜFBAR"], ["BESTÄTIGT"]),
    (["--quiet"], ["ABWEICHUNG", "Fingerabdruck:"], ["BESTÄTIGT", "Legende", "Angaben:", "entwurf.txt ("]),
    (["--quiet", "--show", "supported"], ["ABWEICHUNG"], ["BESTÄTIGT"]),  # quiet: findings only
])
def test_show_and_quiet(capsys, draft, argv, present, absent):
    code, out, _ = check(capsys, "entwurf.txt", *argv)
    assert code == 1
    assert [p for p in present if p not in out] == [] and [a for a in absent if a in out] == []


def test_show_golden_and_json_keeps_all(capsys, draft):
    code, out, _ = check(capsys, "entwurf.txt", "--show", "mismatch,unverified")
    golden("show-mismatch-unverified.txt", out)
    code, out, _ = check(capsys, "entwurf.txt", "--quiet")
    golden("quiet.txt", out)
    _, out, _ = check(capsys, "entwurf.txt", "--show", "mismatch", "--format", "json")
    assert {c["verdict"] for c in json.loads(out)["claims"]} == {"mismatch", "supported", "unverified"}


@pytest.mark.parametrize("argv, env, coloured", [
    (["--color", "always"], {}, True),
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    (["--color", "auto"], {}, False),  # captured stdout is no terminal
    (["--color", "auto"], {"FORCE_COLOR": "1"}, True),
    ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, True),  # FORCE_COLOR overrides NO_COLOR
    (["--color", "always"], {"NO_COLOR": "1"}, True),  # the flag wins over the environment
    ([], {"NO_COLOR": "1"}, False),
])
def test_color(capsys, draft, monkeypatch, argv, env, coloured):
    for name in ("FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code, out, _ = check(capsys, "entwurf.txt", *argv)
    assert code == 1 and ("\x1b[" in out) is coloured


@pytest.mark.parametrize("n, word, expected", [
    (1, "mismatch", "1 Abweichung"), (2, "mismatch", "2 Abweichungen"), (0, "mismatch", "0 Abweichungen"),
    (1, "claims", "1 Angabe"), (5, "claims", "5 Angaben"), (1, "files", "1 Datei"),
    (3, "supported", "3 bestätigt"), (1, "suppressed", "1 unterdrückt"),
])
def test_singular_and_plural(n, word, expected):
    assert counted(n, word) == expected


def test_one_vocabulary_in_check_batch_and_html(capsys, tmp_path, draft):
    phrase = summary_phrase(Summary(claims=1, supported=1))
    assert phrase == "1 Angabe: 0 Abweichungen, 1 bestätigt, 0 nicht prüfbar"
    outputs = [check(capsys, "entwurf.txt")[1], check(capsys, "entwurf.txt", "--format", "html")[1]]
    main(["batch", str(tmp_path), "--format", "text", "-j", "1", "--reference", str(FACTS), "--model", "blank"])
    outputs.append(capsys.readouterr().out)
    for out in outputs:
        assert "bestätigt" in out.lower() and "belegt" not in out and "Abweichung(en)" not in out


def test_grouped_output_prints_each_sentence_once(capsys, draft):
    _, out, _ = check(capsys, "entwurf.txt")
    sentence = "»2018« schlossen die USA das Konsulat in Seattle und wiesen »60 Diplomaten« aus."
    assert out.count("schlossen die USA das Konsulat") == 1 and sentence in out
    entries = out.split(sentence)[1].split("\n\n")[0].splitlines()
    assert [e.split()[0:2] for e in entries if e.startswith("  ") and not e.startswith("    ")] == [
        ["3:55", "BESTÄTIGT"], ["3:113", "BESTÄTIGT"]]


def test_missing_reference_fails_at_construction():
    with pytest.raises(ClaimcheckError) as err:
        Checker(reference="nope.json", model="blank")
    assert err.value.code == "E021" and "nope.json" in err.value.message


@pytest.mark.parametrize("value", [b"Es waren 35 Diplomaten.", bytearray(b"x"), None, 35])
def test_non_text_input_is_a_claimcheck_error(checker, value):
    with pytest.raises(ClaimcheckError) as err:
        checker.check_text(value, source="eingabe")
    assert err.value.code == "E006" and "eingabe" in err.value.message


def test_evaluate_outside_the_project_gives_a_german_error(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["evaluate"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Gold-Daten nicht gefunden: fixtures/sentences.yaml" in err


def test_sarif_validates_against_the_official_schema(capsys, monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    monkeypatch.chdir(ROOT)
    code, out, _ = check(capsys, "fixtures/draft-example.txt", "--format", "sarif")
    sarif = json.loads(out)
    jsonschema.Draft4Validator(schema).validate(sarif)
    fixes = [f for r in sarif["runs"][0]["results"] for f in r["fixes"]]
    assert len(fixes) == 2 and all(f["artifactChanges"][0]["replacements"] for f in fixes)
    text = (ROOT / "fixtures/draft-example.txt").read_text(encoding="utf-8")
    for fix in fixes:
        for rep in fix["artifactChanges"][0]["replacements"]:
            region = rep["deletedRegion"]
            old = text[region["charOffset"]:region["charOffset"] + region["charLength"]]
            assert old in ("45", "2019") and rep["insertedContent"]["text"] in ("35", "2018")
    broken = json.loads(out)
    del broken["runs"][0]["results"][0]["fixes"][0]["artifactChanges"]
    with pytest.raises(jsonschema.ValidationError):  # the schema really requires them
        jsonschema.Draft4Validator(schema).validate(broken)


def test_batch_interrupt_says_how_to_resume(capsys, tmp_path, monkeypatch):
    from claimcheck import cli_batch

    def interrupted(args, debug):
        raise KeyboardInterrupt
    monkeypatch.setattr(cli_batch, "_run", interrupted)
    assert main(["batch", str(tmp_path), "-o", str(tmp_path / "o.jsonl")]) == 130
    err = capsys.readouterr().err
    assert f"Fortsetzen mit: claimcheck batch {tmp_path} --format jsonl -o {tmp_path / 'o.jsonl'} --resume" in err
    assert main(["batch", str(tmp_path)]) == 130
    assert "--output DATEI" in capsys.readouterr().err


def test_resumed_batch_summary_counts_the_whole_output(capsys, tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name in ("a", "b"):
        (corpus / f"{name}.txt").write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    argv = ["batch", str(corpus), "-o", str(out), "-j", "1", "--reference", str(FACTS), "--model", "blank"]
    assert main(argv) == 1
    assert "2 Dateien, 10 Angaben, 4 Abweichungen in 2 Dateien" in capsys.readouterr().err
    (corpus / "c.txt").write_text("date 2025-03\n\nEs gab keine Zahl.\n", encoding="utf-8")
    assert main([*argv, "--resume"]) == 1
    err = capsys.readouterr().err
    assert "3 Dateien (2 übersprungen, 1 neu geprüft), 0 Angaben in den neu geprüften, 4 Abweichungen" in err
