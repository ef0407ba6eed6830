"""Golden CLI tests: output and exit status of `claimcheck check` and `reference build`.

Regenerate the golden files after an intended change with
``CLAIMCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_cli.py`` and review the diff.
"""
import io
import json
import os
import re

import pytest

from claimcheck.cli import main

from conftest import FACTS, ROOT, SOURCE

GOLDEN = ROOT / "tests" / "golden"
DRAFT = ROOT / "fixtures" / "draft-example.txt"


def run(capsys, *argv):
    code = main(["check", *argv, "--reference", str(FACTS), "--model", "blank"])
    out, err = capsys.readouterr()
    return code, out, err


def golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("CLAIMCHECK_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def test_source_against_own_reference_all_supported(capsys):
    code, out, _ = run(capsys, str(SOURCE), "--format", "json")
    report = json.loads(out)
    assert code == 0
    assert {c["verdict"] for c in report["claims"]} == {"supported"}
    found = re.findall(r"\d+", " ".join(c["text"] for c in report["claims"]))
    for number in ["35", "755", "60", "2018", "2022", "2023"]:
        assert number in found
    sentences = " ".join(c["sentence"] for c in report["claims"])
    assert "Ende 2016" in sentences and "2017" in sentences
    assert report["document_date"] == "2025-02"


def test_changed_count_and_year_flagged_exactly(capsys, tmp_path):
    text = SOURCE.read_text(encoding="utf-8")
    changed = text.replace("35 Moskauer", "45 Moskauer").replace("2017 zwang", "2019 zwang")
    draft = tmp_path / "draft.txt"
    draft.write_text(changed, encoding="utf-8")
    code, out, _ = run(capsys, str(draft), "--format", "json")
    report = json.loads(out)
    assert code == 1
    wrong = [m for c in report["claims"] for m in c["mismatches"]]
    assert sorted((m["field"], m["found"], m["expected"]) for m in wrong) == [
        ("count", "45", "35"), ("date", "2019", "2017")]
    for m in wrong:
        assert changed[m["start"]:m["end"]] == m["found"]
    assert report["summary"]["mismatch"] == 2


def test_bundled_draft_text_golden(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "fixtures/draft-example.txt")
    assert code == 1
    golden("draft-example.txt", out)


def test_bundled_draft_json_golden(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "fixtures/draft-example.txt", "--format", "json")
    assert code == 1
    report = json.loads(out)
    text = DRAFT.read_text(encoding="utf-8")
    for claim in report["claims"]:
        assert text[claim["start"]:claim["end"]] == claim["text"]
    golden("draft-example.json", out)


def test_stdin(capsys, monkeypatch):
    data = DRAFT.read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, out, _ = run(capsys, "-", "--format", "json")
    assert code == 1
    assert json.loads(out)["source"] == "<stdin>"


def test_missing_file(capsys, tmp_path):
    code, out, err = run(capsys, str(tmp_path / "nope.txt"))
    assert code == 2 and out == ""
    assert "E001" in err and "nope.txt" in err and "Traceback" not in err


def test_empty_file(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run(capsys, str(empty))
    assert code == 2 and out == ""
    assert "E003" in err and "empty.txt" in err


def test_bad_date_is_usage_error(capsys):
    code, _, err = run(capsys, str(DRAFT), "--date", "Februar")
    assert code == 2 and "E010" in err


def test_usage_error_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check"])
    assert exc.value.code == 2


def test_reference_build_cli(capsys, tmp_path):
    out = tmp_path / "facts.json"
    assert main(["reference", "build", str(SOURCE), "-o", str(out), "--model", "blank"]) == 0
    assert out.read_text(encoding="utf-8") == FACTS.read_text(encoding="utf-8")


def test_github_and_sarif_formats(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "fixtures/draft-example.txt", "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2 and all(l.startswith("::error file=fixtures/draft-example.txt,line=") for l in lines)
    code, out, _ = run(capsys, "fixtures/draft-example.txt", "--format", "sarif")
    sarif = json.loads(out)
    assert code == 1 and len(sarif["runs"][0]["results"]) == 2


def test_text_longer_than_max_length_is_chunked_with_exact_offsets(checker, source_text):
    """Texts beyond nlp.max_length are checked paragraph-chunk by chunk; offsets stay exact."""
    body = source_text.split(" ", 3)[3]  # without the date header
    text = "date 2025-02\n" + "\n\n".join([body.replace("35 Moskauer", "45 Moskauer")] * 5)
    whole = checker.check_text(text)
    old = checker.nlp.max_length
    checker.nlp.max_length = 1500
    try:
        chunked = checker.check_text(text)
    finally:
        checker.nlp.max_length = old
    assert [(c.start, c.end, c.verdict) for c in chunked.claims] == \
        [(c.start, c.end, c.verdict) for c in whole.claims]
    for c in chunked.claims:
        assert text[c.start:c.end] == c.text
        for m in c.mismatches:
            assert text[m.start:m.end] == m.found == "45"
    assert chunked.summary.mismatch == 5


def test_explain_prints_the_decision_trace(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "fixtures/draft-example.txt", "--explain", "--color", "never")
    assert code == 1
    golden("draft-example-explain.txt", out)
    assert "Entscheidung: Zahl weicht ab, Identität" in out
    assert "Kandidat F03: Identität" in out and "ausgeschlossen: anderes Ereignis" in out


def test_closed_pipe_ends_quietly():
    """"claimcheck evaluate | head -3": no "interner Fehler" when the reader goes away. The
    scores are printed in two parts, seconds apart; the pipe is closed after the first line."""
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "claimcheck.cli", "evaluate"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=300)
    assert "interner Fehler" not in err and "Traceback" not in err
