"""`claimcheck batch` on a folder of hostile files (claimcheck.batch, claimcheck.cli_batch).

Most tests inject a tiny fake checker (``args.checker_factory``) so the plumbing is tested
without loading spaCy; ``test_real_checker_*`` use the real ``Checker`` when it exists.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import time
from pathlib import Path

import pytest

from claimcheck import batch, cli_batch
from claimcheck import io as cc_io
from claimcheck.errors import ClaimcheckError
from claimcheck.io import read_text, split_paragraph_chunks
from claimcheck.models import ClaimReport, Report, Summary

GERMAN = "Die USA wiesen rund 35 Diplomaten aus. Über 60 Personen mussten gehen, schön.\n"


class FakeChecker:
    """Numbers are claims; 13 is a mismatch. Long texts are chunked like the real pipeline."""

    max_length = 1000

    def check_file(self, path, *, date=None) -> Report:
        text = read_text(path)
        if "CRASH" in text:
            os._exit(3)  # a worker dying hard (segfault, OOM kill)
        if "SLOW" in text:
            time.sleep(10)
        if "BOOM" in text:
            raise RuntimeError("unexpected bug")
        claims = []
        for offset, chunk in split_paragraph_chunks(text, self.max_length):
            assert len(chunk) <= self.max_length
            for m in re.finditer(r"\d+", chunk):
                start, end = offset + m.start(), offset + m.end()
                assert text[start:end] == m.group()
                verdict = "mismatch" if m.group() == "13" else "supported"
                claims.append(ClaimReport(start=start, end=end, text=m.group(), verdict=verdict,
                                          message="erwartet: 12" if verdict == "mismatch" else "ok"))
        mismatch = sum(c.verdict == "mismatch" for c in claims)
        summary = Summary(claims=len(claims), mismatch=mismatch, supported=len(claims) - mismatch)
        return Report(source=str(path), claims=claims, summary=summary)


def fatal_factory():
    raise ClaimcheckError("E040", name="de_kaputt", reason="nicht installiert")


def run_cli(argv: list[str], factory=FakeChecker) -> int:
    parser = argparse.ArgumentParser(prog="claimcheck")
    cli_batch.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    args.checker_factory = factory
    return args.func(args)


def write_hostile(root: Path) -> dict[str, str]:
    """Hostile corpus; returns {relative path: expected error code or "ok"}."""
    rnd = random.Random(7)
    files = {
        "a_good.txt": (GERMAN.encode(), "ok"),
        "b_empty.txt": (b"", "E003"),
        "c_binary.txt": (b"\x89PNG\r\n\x1a\n" + bytes(rnd.randrange(256) for _ in range(3000)), "E004"),
        "d_cp1252.txt": (GERMAN.encode("cp1252"), "ok"),
        "e_utf16.txt": (GERMAN.encode("utf-16"), "ok"),
        "f_utf8bom.txt": (b"\xef\xbb\xbf" + GERMAN.encode(), "ok"),
        "g_crlf.txt": (GERMAN.replace("\n", "\r\n").encode() * 3, "ok"),
        "h_nul.txt": (b"35 Diplo\x00maten wurden ausgewiesen.", "ok"),
        "i_longline.txt": (("Es waren 35 Diplomaten. " * 12_500).encode(), "ok"),
        "j_long.txt": (("Absatz mit 13 Zahlen.\n\n" * 200).encode(), "ok"),
        "sub/k_nested.txt": (GERMAN.encode(), "ok"),
        "sub/deeper/l_boom.txt": (b"BOOM", "E099"),
        "m_secret.txt": (GERMAN.encode(), "E002"),
        "notes.md": (b"not matched by the glob", None),
    }
    expected = {}
    for rel, (data, code) in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
        if code:
            expected[rel] = code
    (root / "sub" / "loop").symlink_to(root)  # symlink loop back to the top
    (root / "sub" / "self").symlink_to(root / "sub")
    (root / "z_dangling.txt").symlink_to(root / "nowhere.txt")
    expected["z_dangling.txt"] = "E001"
    (root / "n_dir.txt").mkdir()  # a directory matching the glob is walked, not read
    (root / "n_dir.txt" / "inner.txt").write_bytes(GERMAN.encode())
    expected["n_dir.txt/inner.txt"] = "ok"
    os.mkfifo(root / "o_fifo.txt")
    expected["o_fifo.txt"] = "E002"
    return expected


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    root.mkdir()
    expected = write_hostile(root)
    real_read_file = cc_io._read_file

    def read_file(name, limit):  # tests run as root: chmod 000 would not stop us
        if Path(name).name == "m_secret.txt":
            raise PermissionError(13, "Permission denied")
        return real_read_file(name, limit)

    monkeypatch.setattr(cc_io, "_read_file", read_file)
    return root, expected


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def check_output(records: list[dict], root: Path, expected: dict[str, str]) -> None:
    sources = [r["source"] for r in records]
    assert sorted(sources) == sorted(str(root / rel) for rel in expected)  # each exactly once
    assert sources == sorted(sources, key=lambda s: Path(s).relative_to(root).parts)
    for record in records:
        code = expected[str(Path(record["source"]).relative_to(root))]
        if code == "ok":
            assert "error" not in record and record["summary"]["claims"] >= 1, record
        else:
            assert record["error"]["code"] == code, record


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_hostile_corpus(hostile, tmp_path, capsys, jobs):
    root, expected = hostile
    out = tmp_path / "out.jsonl"
    status = run_cli(["batch", str(root), "--output", str(out), "--jobs", jobs])
    records = load_jsonl(out)
    check_output(records, root, expected)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert re.search(rf"{len(expected)} Dateien, \d+ Angaben, 200 Abweichungen", err)
    assert status == 1  # j_long.txt has mismatches
    j_long = next(r for r in records if r["source"].endswith("j_long.txt"))
    assert [c["start"] for c in j_long["claims"]][:2] == [11, 34]


def test_parallel_equals_sequential(hostile, tmp_path):
    root, _ = hostile
    outs = []
    for jobs in ("1", "2", "3"):
        outs.append(tmp_path / f"out{jobs}.jsonl")
        run_cli(["batch", str(root), "-o", str(outs[-1]), "-j", jobs])
    assert outs[0].read_text() == outs[1].read_text() == outs[2].read_text()


def test_exit_status_errors_only_and_clean(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(GERMAN)
    assert run_cli(["batch", str(tmp_path), "-o", str(tmp_path / "o1")]) == 0
    (tmp_path / "empty.txt").write_text("")
    assert run_cli(["batch", str(tmp_path), "-o", str(tmp_path / "o2")]) == 2
    (tmp_path / "bad.txt").write_text("13 Diplomaten")
    assert run_cli(["batch", str(tmp_path), "-o", str(tmp_path / "o3")]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_worker_crash_costs_only_its_file(tmp_path, capsys):
    for i in range(12):
        (tmp_path / f"f{i:02}.txt").write_text("CRASH" if i == 5 else GERMAN)
    out = tmp_path / "out.jsonl"
    assert run_cli(["batch", str(tmp_path), "-o", str(out), "-j", "2"]) == 2
    records = load_jsonl(out)
    assert [Path(r["source"]).name for r in records] == [f"f{i:02}.txt" for i in range(12)]
    assert [r.get("error", {}).get("code") for r in records].count("E099") == 1
    assert records[5]["error"]["code"] == "E099"
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_timeout_per_file(tmp_path, capsys, jobs):
    (tmp_path / "a.txt").write_text(GERMAN)
    (tmp_path / "b.txt").write_text("SLOW")
    (tmp_path / "c.txt").write_text(GERMAN)
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    assert run_cli(["batch", str(tmp_path), "-o", str(out), "-j", jobs, "--timeout", "0.5"]) == 2
    assert time.monotonic() - started < 8
    codes = [r.get("error", {}).get("code") for r in load_jsonl(out)]
    assert codes == [None, "E062", None]
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_checker_that_cannot_be_built_aborts(tmp_path, capsys, jobs):
    for i in range(3):
        (tmp_path / f"f{i}.txt").write_text(GERMAN)
    assert run_cli(["batch", str(tmp_path), "-o", str(tmp_path / "o"), "-j", jobs], fatal_factory) == 2
    err = capsys.readouterr().err
    assert "de_kaputt" in err and "Traceback" not in err


def test_usage_errors(tmp_path, capsys):
    assert run_cli(["batch", str(tmp_path / "missing")]) == 2
    (tmp_path / "file.txt").write_text(GERMAN)
    assert run_cli(["batch", str(tmp_path / "file.txt")]) == 2
    assert run_cli(["batch", str(tmp_path), "--resume"]) == 2
    assert run_cli(["batch", str(tmp_path), "-o", str(tmp_path / "no" / "such" / "dir.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "E001" in err and "E060" in err and "E050" in err and "Traceback" not in err
    with pytest.raises(SystemExit):
        run_cli(["batch", str(tmp_path), "--jobs", "0"])


def test_resume_appends_missing_files_only(tmp_path, capsys):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for i in range(4):
        (corpus / f"f{i}.txt").write_text(GERMAN)
    out = tmp_path / "out.jsonl"
    run_cli(["batch", str(corpus), "-o", str(out)])
    lines = out.read_text().splitlines(keepends=True)
    out.write_text("".join(lines[:2]) + lines[2][:30])  # crash while writing the third line
    (corpus / "f9.txt").write_text(GERMAN)
    assert run_cli(["batch", str(corpus), "-o", str(out), "--resume", "-j", "2"]) == 0
    sources = [Path(r["source"]).name for r in load_jsonl(out)]
    assert sorted(sources) == ["f0.txt", "f1.txt", "f2.txt", "f3.txt", "f9.txt"]
    assert "3 übersprungen" not in capsys.readouterr().err  # 2 were complete
    assert run_cli(["batch", str(corpus), "-o", str(out), "--resume"]) == 0
    assert len(load_jsonl(out)) == 5
    assert "5 übersprungen" in capsys.readouterr().err


def test_csv_and_text_formats(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Es waren 13 Diplomaten.")
    (tmp_path / "b.txt").write_text("")
    out = tmp_path / "out.csv"
    assert run_cli(["batch", str(tmp_path), "--format", "csv", "-o", str(out)]) == 1
    assert run_cli(["batch", str(tmp_path), "--format", "csv", "-o", str(out), "--resume"]) == 1
    rows = out.read_text().splitlines()
    assert rows[0].startswith("source,claims") and len(rows) == 3
    assert rows[2].endswith(",E003,Eingabe ist leer: " + str(tmp_path / "b.txt"))
    capsys.readouterr()
    assert run_cli(["batch", str(tmp_path), "--format", "text", "-j", "1"]) == 1
    text = capsys.readouterr().out
    assert "1:1 »13« – erwartet: 12" in text and "FEHLER [E003]" in text


def test_progress_bar_only_on_tty(tmp_path, capsys, monkeypatch):
    for i in range(3):
        (tmp_path / f"f{i}.txt").write_text(GERMAN)
    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    assert run_cli(["batch", str(tmp_path), "-o", str(tmp_path / "o.jsonl")]) == 0
    assert "3 Dateien" in capsys.readouterr().err


def test_walk_skips_loops_and_unreadable_dirs(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x")
    (tmp_path / "a" / "back").symlink_to(tmp_path)
    (tmp_path / "b").symlink_to(tmp_path / "a")  # the same directory under a second name
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(batch.os, "scandir", scandir)
    items = list(batch.walk_files(str(tmp_path)))
    assert [i.source for i in items] == [str(tmp_path / "a" / "x.txt"), str(tmp_path / "locked")]
    assert items[1].error["error"]["code"] == "E002"


def test_iter_reports_streams_errors_as_dicts(tmp_path):
    (tmp_path / "a.txt").write_text(GERMAN)
    results = list(batch.iter_reports(FakeChecker(), [tmp_path / "a.txt", tmp_path / "nope.txt"]))
    assert isinstance(results[0], Report) and results[0].summary.claims == 2
    assert results[1] == {"source": str(tmp_path / "nope.txt"),
                          "error": {"code": "E001", "message": f"Eingabe nicht gefunden: {tmp_path / 'nope.txt'}"}}


def test_real_checker_on_hostile_corpus(tmp_path, capsys):
    root = tmp_path / "corpus"
    root.mkdir()
    expected = write_hostile(root)
    (root / "sub" / "deeper" / "l_boom.txt").write_text("Kein Befund hier.")
    expected["sub/deeper/l_boom.txt"] = "any"
    expected["m_secret.txt"] = "ok"
    out = tmp_path / "out.jsonl"
    status = cli_batch.run(_namespace(root, out))
    records = load_jsonl(out)
    assert sorted(r["source"] for r in records) == sorted(str(root / rel) for rel in expected)
    for record in records:
        code = expected[str(Path(record["source"]).relative_to(root))]
        if code not in ("ok", "any"):
            assert record["error"]["code"] == code
        elif code == "ok":
            assert "error" not in record
    assert status in (1, 2)
    assert "Traceback" not in capsys.readouterr().err


def _namespace(root: Path, out: Path) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    cli_batch.register(parser.add_subparsers())
    return parser.parse_args(["batch", str(root), "-o", str(out), "-j", "2"])


def test_window_fills_when_nothing_is_in_flight():
    """Regression: an empty window must be filled completely, not with one file."""
    from collections import deque

    class Pool:
        def submit(self, fn, item):
            return item

    pending = deque(enumerate(["a", "b", "c", "d", "e"]))
    inflight: deque = deque()
    batch._fill(Pool(), pending, inflight, set(), 4)
    assert len(inflight) == 4 and len(pending) == 1


def test_hostile_folder_every_file_once(tmp_path, checker, capsys):
    """The benchmark's hostile folder (benchmarks/hostile.py; its 3 MB file scaled down to
    0.2 MB here, the 20 MB file is refused by the default size limit without being read)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from hostile import write_hostile_folder

    root = tmp_path / "hostile"
    expected = write_hostile_folder(root, big_mb=0.2)
    out = tmp_path / "out.jsonl"
    status = run_cli(["batch", str(root), "--output", str(out), "--jobs", "1"], lambda: checker)
    records = load_jsonl(out)  # strict UTF-8: a non-UTF-8 file name must not break it
    got = {os.path.relpath(r["source"], root): (r.get("error") or {}).get("code", "ok") for r in records}
    assert len(records) == len(got) == len(expected)
    assert got == expected
    clauses = next(r for r in records if r["source"].endswith("runon-clauses.txt"))
    assert clauses["summary"]["claims"] >= 2000
    assert status == 1 and "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "text"])
def test_non_utf8_file_name_is_escaped_alike_in_every_format(tmp_path, fmt):
    root = tmp_path / "c"
    root.mkdir()
    with open(os.path.join(os.fsencode(root), b"caf\xe9.txt"), "wb") as fh:
        fh.write(GERMAN.encode())
    out = tmp_path / f"out.{fmt}"
    run_cli(["batch", str(root), "--format", fmt, "--output", str(out), "--jobs", "1"])
    written = out.read_text(encoding="utf-8")  # strict: valid UTF-8
    shown = str(root / "caf\\xe9.txt")
    if fmt == "jsonl":
        assert json.loads(written)["source"] == shown
    elif fmt == "csv":
        import csv

        assert list(csv.reader(written.splitlines()))[1][0] == shown
    else:
        assert written.startswith(shown + ":")
    assert batch.display_name(str(root / os.fsdecode(b"caf\xe9.txt"))) == str(root / "caf\\xe9.txt")
    if fmt != "text":  # the resume key is the escaped name: nothing is redone
        run_cli(["batch", str(root), "--format", fmt, "--output", str(out), "--resume"])
        assert out.read_text(encoding="utf-8") == written


@pytest.mark.parametrize("first,second", [("c", "./c/"), ("./c/", "c"), ("c", "{abs}/c")])
def test_resume_normalises_the_folder_spelling(tmp_path, monkeypatch, first, second):
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "c"
    root.mkdir()
    for i in range(3):
        (root / f"d{i}.txt").write_text(f"Es waren {i + 20} Leute.\n", encoding="utf-8")
    run_cli(["batch", first, "--output", "out.jsonl", "--jobs", "1"])
    before = (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    (root / "d9.txt").write_text("Es waren 13 Leute.\n", encoding="utf-8")
    run_cli(["batch", second.format(abs=tmp_path), "--output", "out.jsonl", "--resume"])
    rows = load_jsonl(tmp_path / "out.jsonl")
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").startswith(before)
    assert len(rows) == 4 and rows[-1]["source"].endswith("d9.txt")
