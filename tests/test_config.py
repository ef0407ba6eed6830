"""Configuration discovery ([tool.claimcheck] / .claimcheck.toml) and precedence of CLI flags."""
import json

import pytest

from claimcheck import config
from claimcheck.cli import main
from claimcheck.errors import ClaimcheckError

from conftest import FACTS
from test_suppress import DRAFT

PRAG_SOURCE = ("date 2021-04\n\nDie USA weisen 10 russische Diplomaten aus und verhängen Sanktionen "
               "gegen 6 Technologiefirmen.\n")


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with its own fact base and a draft two folders down."""
    assert main(["reference", "build", str(_write(tmp_path / "quelle.txt", PRAG_SOURCE)),
                 "-o", str(tmp_path / "facts.json"), "--model", "blank"]) == 0
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    _write(sub / "entwurf.txt", "date 2021-04\n\nDie USA weisen 12 russische Diplomaten aus und verhängen "
           "Sanktionen gegen 6 Technologiefirmen.\n")
    monkeypatch.chdir(sub)
    return tmp_path


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys, *argv):
    code = main(["check", "entwurf.txt", "--model", "blank", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("files, found", [
    ({"pyproject.toml": '[tool.claimcheck]\nformat = "json"\n'}, "pyproject.toml"),
    ({"pyproject.toml": '[project]\nname = "x"\n'}, None),  # no table: passed over
    ({"pyproject.toml": '[tool.claimcheck]\n', ".claimcheck.toml": ""}, ".claimcheck.toml"),
    ({"a/pyproject.toml": '[tool.claimcheck]\n', "pyproject.toml": '[tool.claimcheck]\n'}, "a/pyproject.toml"),
])
def test_discovery_takes_the_nearest_file(tmp_path, files, found):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        _write(tmp_path / name, text)
    (tmp_path / "a" / "b").mkdir(parents=True, exist_ok=True)
    result = config.find_config(tmp_path / "a" / "b")
    assert (result.relative_to(tmp_path).as_posix() if result else None) == found


@pytest.mark.parametrize("text, key, detail", [
    ('[tool.claimcheck]\nrefrence = "x.json"\n', "refrence", "unbekannter Schlüssel"),
    ('[tool.claimcheck]\nformat = "pdf"\n', "format", "'pdf'"),
    ('[tool.claimcheck]\nshow = "mismatch,alles"\n', "show.1", "'alles'"),
    ('[tool.claimcheck]\ncolor = 1\n', "color", "ungültiger Wert"),
    ('[tool.claimcheck]\ndate = "Februar"\n', "date", "erwartet YYYY-MM oder YYYY-MM-DD"),
    ('[tool.claimcheck\n', "TOML", "line 1"),
    ('[tool.claimcheck]\nmodel = "\udcff"\n', "TOML", "utf-8"),
])
def test_config_errors_name_file_and_key(tmp_path, text, key, detail):
    path = tmp_path / "pyproject.toml"
    path.write_text(text, encoding="utf-8", errors="surrogateescape")
    with pytest.raises(ClaimcheckError) as err:
        config.load_config(path)
    msg = err.value.message
    assert err.value.code == "E070" and str(path) in msg and f": {key}: " in msg and detail in msg


def test_reference_from_pyproject_relative_to_its_folder(capsys, project):
    _write(project / "pyproject.toml", '[tool.claimcheck]\nreference = "facts.json"\n')
    code, out, _ = run(capsys, "--format", "json")
    report = json.loads(out)
    assert report["reference"] == "quelle.txt" and code == 1
    assert [m["expected"] for c in report["claims"] for m in c["mismatches"]] == ["10"]


def test_command_line_wins_over_config(capsys, project):
    _write(project / ".claimcheck.toml", 'reference = "facts.json"\nformat = "json"\ndate = "2021-05"\n')
    code, out, _ = run(capsys)
    assert json.loads(out)["reference"] == "quelle.txt"  # format and reference from the file
    code, out, _ = run(capsys, "--format", "text", "--reference", str(FACTS))
    assert out.startswith("entwurf.txt (Datum: 2021-04, Referenz: istanbul-2025-02.txt)")


def test_config_show_color_and_ignore_file(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "entwurf.txt", DRAFT)
    _write(tmp_path / "geprueft.txt", "0123456789abcdef  # nichts\n")
    _write(tmp_path / "pyproject.toml", f'[tool.claimcheck]\nreference = "{FACTS.as_posix()}"\n'
           'show = ["unverified"]\ncolor = "always"\nignore-file = "geprueft.txt"\n')
    code, out, _ = run(capsys)
    assert code == 1 and "\x1b[" in out and "NICHT PRÜFBAR" in out and "ABWEICHUNG" not in out
    code, out, _ = run(capsys, "--color", "never", "--show", "mismatch")
    assert "\x1b[" not in out and "ABWEICHUNG" in out and "NICHT PRÜFBAR" not in out
    _write(tmp_path / "pyproject.toml", '[tool.claimcheck]\nignore-file = "fehlt"\n')
    code, _, err = run(capsys)
    assert code == 2 and "E071" in err and "fehlt" in err


def test_bad_config_is_a_usage_error(capsys, project):
    _write(project / "pyproject.toml", '[tool.claimcheck]\nformat = "pdf"\n')
    code, out, err = run(capsys)
    assert code == 2 and out == "" and "E070" in err and "pyproject.toml" in err and "format" in err
