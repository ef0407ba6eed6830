"""Suppression: fingerprints, the ignore file, the inline marker, --no-ignore (golden CLI tests)."""
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck import suppress
from claimcheck.cli import main
from claimcheck.errors import ClaimcheckError

from conftest import FACTS
from test_cli import golden

DRAFT = ("date 2025-03\n\n"
         "Ende 2016 wiesen die USA 45 russische Diplomaten aus. 2018 schlossen die USA das Konsulat "
         "in Seattle und wiesen 60 Diplomaten aus.\n"
         "Im Jahr 2020 eröffnete Tschechien 3 neue Schulen in Brünn.\n"
         "2017 zwang Putin die US-Vertretungen in Russland, 700 Mitarbeiter abzubauen.\n")
INLINE = "700 Mitarbeiter abzubauen."


def check(capsys, *argv):
    code = main(["check", *argv, "--reference", str(FACTS), "--model", "blank"])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def draft(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "entwurf.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path / "entwurf.txt"


def mismatches(capsys, *argv):
    code, out, _ = check(capsys, "entwurf.txt", "--format", "json", *argv)
    report = json.loads(out)
    return code, report, {c["text"]: c for c in report["claims"] if c["verdict"] == "mismatch"}


@pytest.mark.parametrize("a, b, same", [
    (("45 Diplomaten", "F01", "CC200"), ("45  Diplomaten", "F01", "CC200"), True),  # whitespace
    (("45 Diplomaten", "F01", "CC200"), ("46 Diplomaten", "F01", "CC200"), False),  # claim text
    (("45 Diplomaten", "F01", "CC200"), ("45 Diplomaten", "F02", "CC200"), False),  # fact
    (("45 Diplomaten", "F01", "CC200"), ("45 Diplomaten", "F01", "CC100"), False),  # rule
    (("3 Schulen", None, "CC300"), ("3 Schulen", "", "CC300"), True),
])
def test_fingerprint_depends_on_text_fact_and_rule_only(a, b, same):
    fa, fb = suppress.fingerprint(*a), suppress.fingerprint(*b)
    assert len(fa) == suppress.FINGERPRINT_LENGTH and (fa == fb) is same


def test_fingerprint_survives_moved_offsets(checker):
    moved = DRAFT.replace("date 2025-03\n\n", "date 2025-03\n\nEin neuer erster Absatz ohne Zahlen.\n\n")
    first, second = checker.check_text(DRAFT), checker.check_text(moved)
    assert [c.start for c in first.claims] != [c.start for c in second.claims]
    assert [c.fingerprint for c in first.claims] == [c.fingerprint for c in second.claims]


@pytest.mark.parametrize("content, line", [
    ("abc  # zu kurz\n", 1),
    ("# Kommentar\n\n0123456789abcdef # ok\nXYZ\n", 4),
    ("0123456789abcdef extra ohne Raute\n", 1),
])
def test_ignore_file_errors_name_file_and_line(tmp_path, content, line):
    path = tmp_path / ".claimcheck-ignore"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ClaimcheckError) as err:
        suppress.load_ignore_file(path)
    assert err.value.code == "E072" and str(path) in err.value.message
    assert f"Zeile {line}" in err.value.message


def test_ignore_file_with_comments_and_blank_lines(tmp_path):
    path = tmp_path / "ign"
    path.write_text("# geprüft von der Redaktion\n\n0123456789abcdef  # Zahl stimmt laut Agentur\n"
                    "fedcba9876543210\n", encoding="utf-8")
    assert suppress.load_ignore_file(path) == {"0123456789abcdef", "fedcba9876543210"}


def test_inline_marker_suppresses_its_line_only(capsys, draft):
    draft.write_text(DRAFT.replace(INLINE, INLINE + " <!-- claimcheck: ignore -->"), encoding="utf-8")
    code, report, found = mismatches(capsys)
    assert code == 1  # the other mismatch is still there
    assert found["700 Mitarbeiter"]["suppressed"] and not found["45 russische Diplomaten"]["suppressed"]
    assert report["summary"]["suppressed"] == 1 and report["summary"]["mismatch"] == 1
    code, out, _ = check(capsys, "entwurf.txt")
    golden("suppress-inline.txt", out)
    code, report, found = mismatches(capsys, "--no-ignore")
    assert report["summary"]["suppressed"] == 0 and report["summary"]["mismatch"] == 2


def test_ignore_file_silences_every_mismatch(capsys, draft):
    _, _, found = mismatches(capsys)
    lines = [f"{c['fingerprint']}  # geprüft: {text}" for text, c in found.items()]
    (draft.parent / ".claimcheck-ignore").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = check(capsys, "entwurf.txt")
    assert code == 0
    golden("suppress-file.txt", out)
    code, report, found = mismatches(capsys)
    assert code == 0 and all(c["suppressed"] for c in found.values()) and len(found) == 2
    assert check(capsys, "entwurf.txt", "--no-ignore")[0] == 1


def test_ignore_file_found_in_a_parent_folder(capsys, draft, monkeypatch):
    _, _, found = mismatches(capsys)
    (draft.parent / ".claimcheck-ignore").write_text(
        "".join(f"{c['fingerprint']}\n" for c in found.values()), encoding="utf-8")
    sub = draft.parent / "sub"
    sub.mkdir()
    monkeypatch.chdir(sub)
    assert check(capsys, "../entwurf.txt")[0] == 0


def test_bad_ignore_file_is_a_usage_error(capsys, draft):
    (draft.parent / ".claimcheck-ignore").write_text("kein-fingerabdruck\n", encoding="utf-8")
    code, out, err = check(capsys, "entwurf.txt")
    assert code == 2 and out == "" and "E072" in err and ".claimcheck-ignore" in err and "Zeile 1" in err
    code, _, err = check(capsys, "entwurf.txt", "--ignore-file", "fehlt.txt")
    assert code == 2 and "E071" in err and "fehlt.txt" in err


def test_suppressed_mismatch_leaves_github_and_marks_sarif(capsys, draft):
    draft.write_text(DRAFT.replace(INLINE, INLINE + " <!-- claimcheck: ignore -->"), encoding="utf-8")
    _, out, _ = check(capsys, "entwurf.txt", "--format", "github")
    assert len(out.splitlines()) == 1 and "line=3" in out
    _, out, _ = check(capsys, "entwurf.txt", "--format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    assert [bool(r.get("suppressions")) for r in results] == [False, True]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_ignore_file_never_crashes(tmp_path, content):
    path = tmp_path / "ign"
    path.write_text(content, encoding="utf-8", errors="surrogatepass")
    try:
        found = suppress.load_ignore_file(path)
    except ClaimcheckError as err:
        assert err.code in ("E071", "E072") and str(path) in err.message
    else:
        assert all(len(f) == suppress.FINGERPRINT_LENGTH for f in found)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_config_never_crashes(tmp_path, content):
    from claimcheck import config

    path = tmp_path / ".claimcheck.toml"
    path.write_text(content, encoding="utf-8", errors="surrogatepass")
    try:
        config.load_config(path)
    except ClaimcheckError as err:
        assert err.code == "E070" and str(path) in err.message
