"""Golden CLI tests for what the tool assumed: where the document date came from (a guessed
date is warned about, a header contradicting --date is reported) and a text that is not German.

Regenerate with ``CLAIMCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_cli_notices.py``."""
import json
from datetime import date

import pytest

from test_cli import golden, run

# Claims the reference says nothing about: the golden output shows the notices, little else.
UNDATED = ("Am Montag eröffnete die Stadt zwei Schulen. Im vergangenen Jahr waren es "
           "12 neue Kindergärten.\n")
DATED = "date 2025-02\n" + UNDATED
ENGLISH = ("On Monday, representatives of both countries met in Istanbul. In the previous year "
           "the United States had expelled 35 Russian diplomats, and Moscow responded in kind.\n")


@pytest.fixture
def draft(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def write(name: str, text: str) -> str:
        (tmp_path / name).write_text(text, encoding="utf-8")
        return name
    return write


def test_guessed_date_is_warned_about(capsys, draft):
    code, out, _ = run(capsys, draft("undated.txt", UNDATED))
    today = date.today().isoformat()
    assert code == 0 and today in out
    golden("notice-date-today.txt", out.replace(today, "HEUTE"))


def test_header_contradicting_option_is_reported(capsys, draft):
    code, out, _ = run(capsys, draft("dated.txt", DATED), "--date", "2024-05")
    assert code == 0
    golden("notice-date-conflict.txt", out)


@pytest.mark.parametrize("text,option,source,notices", [
    (DATED, [], "header", 0),
    (DATED, ["--date", "2025-02-18"], "header", 0),  # a refinement of the header: no conflict
    (DATED, ["--date", "2024-05"], "header", 1),
    (UNDATED, ["--date", "2024-05"], "option", 0),
    (UNDATED, [], "today", 1),
])
def test_date_source_in_json(capsys, draft, text, option, source, notices):
    code, out, _ = run(capsys, draft("d.txt", text), "--format", "json", *option)
    report = json.loads(out)
    assert (report["date_source"], len(report["notices"])) == (source, notices)


def test_html_shows_the_notice(capsys, draft):
    _, out, _ = run(capsys, draft("undated.txt", UNDATED), "--format", "html")
    assert 'class="warn notice">Hinweis: Kein Dokumentdatum angegeben' in out


def test_english_text_gets_notice_and_no_claims(capsys, draft):
    code, out, _ = run(capsys, draft("en.txt", "date 2025-02\n" + ENGLISH))
    assert code == 0
    golden("notice-language-en.txt", out)
    _, out, _ = run(capsys, "en.txt", "--format", "json")
    report = json.loads(out)
    assert report["language"] == "en" and report["claims"] == []


def test_force_language_checks_anyway(capsys, draft):
    _, out, _ = run(capsys, draft("en.txt", "date 2025-02\n" + ENGLISH), "--format", "json",
                    "--force-language")
    report = json.loads(out)
    assert report["language"] == "en" and report["claims"]
    assert "trotzdem als deutscher Text geprüft" in report["notices"][0]
