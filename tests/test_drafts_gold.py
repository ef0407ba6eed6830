"""Gold evaluation of the checker on fixtures/drafts/*.yaml, plus unit tests of the draft scorer.

Run with ``pytest -s tests/test_drafts_gold.py`` to see the scores and every miss/false alarm.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.evaluate import (DraftScores, format_scores, load_drafts, main, make_checks,
                                 score_drafts, score_report, value_equal, with_date_header)
from claimcheck.models import ClaimReport, Mismatch, Report

ROOT = Path(__file__).resolve().parents[1]
DRAFTS = ROOT / "fixtures" / "drafts"
SOURCES = ROOT / "fixtures" / "sources"
THRESHOLD = 0.95


# ---------------------------------------------------------------- helpers

def mm(text, found, expected, field="count"):
    start = text.index(found)
    return Mismatch(field=field, start=start, end=start + len(found), found=found, expected=expected)


def cr(verdict, *mismatches, alternatives=()):
    return ClaimReport(start=0, end=1, text="c", verdict=verdict, mismatches=list(mismatches),
                       message="", alternatives=list(alternatives))


def draft(text, expected=()):
    return {"name": "d", "text": text, "expected": list(expected)}


TEXT = "Ende 2016 wiesen die USA 45 russische Diplomaten aus."
EXP = {"field": "count", "found": "45", "expected": "35"}


# ---------------------------------------------------------------- scorer unit tests

def test_found_and_corrected():
    sc = DraftScores()
    score_report(draft(TEXT, [EXP]), Report(source="d", claims=[cr("mismatch", mm(TEXT, "45", "35"))]), sc)
    assert (sc.expected, sc.found, sc.corrected, sc.false_alarms) == (1, 1, 1, 0)


def test_found_by_span_with_wrong_correction():
    sc = DraftScores()
    m = Mismatch(field="count", start=TEXT.index("45"), end=TEXT.index("45") + 2, found="45 russische", expected="36")
    score_report(draft(TEXT, [EXP]), Report(source="d", claims=[cr("mismatch", m)]), sc)
    assert (sc.found, sc.corrected, sc.false_alarms) == (1, 0, 0)
    assert sc.errors[0][1] == "wrong correction"


@pytest.mark.parametrize("found, expected, corrected", [
    ("Ende 2016", "Ende 2015", True),  # the draft's own wider expression with the gold year in it
    ("Ende 2016", "Mitte 2015", False),  # … not another expression
    ("Ende 2016", "2015", True),  # the gold value itself
])
def test_a_correction_in_the_drafts_own_words(found, expected, corrected):
    exp = {"field": "date", "found": "2016", "expected": "2015"}
    sc = DraftScores()
    score_report(draft(TEXT, [exp]), Report(source="d", claims=[cr("mismatch", mm(TEXT, found, expected, field="date"))]), sc)
    assert (sc.found, sc.corrected) == (1, int(corrected))


def test_missed_and_false_alarm():
    sc = DraftScores()
    rep = Report(source="d", claims=[cr("supported"), cr("mismatch", mm(TEXT, "Ende 2016", "2018", field="date"))])
    score_report(draft(TEXT, [EXP]), rep, sc)
    assert (sc.expected, sc.found, sc.false_alarms) == (1, 0, 1)
    # wrong field does not count as found
    sc = DraftScores()
    score_report(draft(TEXT, [EXP]), Report(source="d", claims=[cr("mismatch", mm(TEXT, "45", "35", field="date"))]), sc)
    assert (sc.found, sc.false_alarms) == (0, 1)
    # a mismatch verdict without details on a clean draft is a false alarm; unverified is not
    sc = DraftScores()
    score_report(draft(TEXT), Report(source="d", claims=[cr("mismatch"), cr("unverified")]), sc)
    assert (sc.reported, sc.false_alarms) == (1, 1)
    assert sc.recall == 1.0


def test_mixed_facts_accept_either_or_both_readings():
    text = "2018 wiesen die USA 35 russische Diplomaten aus."
    exp = {"field": "count", "found": "35", "expected": "60",
           "alternatives": [{"field": "date", "found": "2018", "expected": "Ende 2016"}]}
    both = Report(source="d", claims=[cr("mismatch", mm(text, "35", "60"), mm(text, "2018", "Ende 2016", field="date"))])
    only_date = Report(source="d", claims=[cr("mismatch", mm(text, "2018", "Ende 2016", field="date"))])
    via_alternatives = Report(source="d", claims=[cr("mismatch", mm(text, "35", "?"), alternatives=["60"])])
    for rep in (both, only_date, via_alternatives):
        sc = DraftScores()
        score_report(draft(text, [exp]), rep, sc)
        assert (sc.found, sc.corrected, sc.false_alarms) == (1, 1, 0), rep


def test_value_equal():
    assert value_equal("35", "35")
    assert value_equal("1000", "1.000")
    assert value_equal("Ende 2016", "Ende 2016")
    assert value_equal("Ende 2016", "Ende 2016 (Oktober bis Dezember)")
    assert not value_equal("2018", "Ende 2018")
    assert value_equal("18. April 2021", "am 18. April")
    assert not value_equal("18. April 2021", "17. April 2021")
    assert value_equal("USA", "die USA") and value_equal("Russland", "Moskau")
    assert not value_equal("USA", "Russland")
    # a number word is its number: a correction in the draft's style is the gold value
    assert value_equal("55", "fünfundfünfzig") and value_equal("zweimal", "2")
    assert not value_equal("55", "fünfundsechzig") and not value_equal("zwei", "drei")
    # an ordinal in another ending is the same ordinal ("in Trumps erster Amtszeit" for "ersten")
    assert value_equal("ersten", "erster") and value_equal("1", "erste")
    assert not value_equal("ersten", "zweiter")


def test_score_drafts_calls_check_with_header(tmp_path):
    (tmp_path / "001-x.yaml").write_text(
        'reference: istanbul\ndate: 2025-02\ntext: |\n  Ende 2016 wiesen die USA 45 russische Diplomaten aus.\n'
        'expected:\n  - {field: count, found: "45", expected: "35"}\n', encoding="utf-8")
    (tmp_path / "002-y.yaml").write_text('reference: other\ntext: "x"\nexpected: []\n', encoding="utf-8")
    calls = []

    def fake_check(text, source):
        calls.append((text, source))
        return Report(source=source, claims=[cr("mismatch", mm(text, "45", "35"))])

    sc = score_drafts(tmp_path, fake_check)
    assert calls == [(with_date_header(TEXT + "\n", "2025-02"), "001-x")]
    assert calls[0][0].startswith(" date 2025-02 Ende 2016")
    assert (sc.drafts, sc.found, sc.corrected, sc.false_alarms, sc.skipped) == (1, 1, 1, 0, ["002-y"])
    assert "mismatch recall" in format_scores(drafts=sc)


# ---------------------------------------------------------------- the gold drafts themselves

def test_gold_drafts_well_formed():
    drafts = load_drafts(DRAFTS)  # validates fields and that every `found` occurs in the text
    assert len(drafts) >= 45
    refs = {d["reference"] for d in drafts}
    for ref in refs - {"istanbul"}:
        assert (SOURCES / f"{ref}.txt").exists(), ref
    clean = [d for d in drafts if not d["expected"]]
    assert len(clean) >= 20 and len(drafts) - len(clean) >= 20


# ---------------------------------------------------------------- the product against gold

def test_drafts_against_gold(tmp_path):
    checks = make_checks(DRAFTS, SOURCES, tmp_path)
    scores = score_drafts(DRAFTS, None, checks)
    print()
    print(format_scores(drafts=scores, details=True))
    assert not scores.skipped
    assert scores.recall >= THRESHOLD, f"mismatch recall {scores.recall:.3f}"
    assert scores.false_alarms == 0, f"{scores.false_alarms} false alarms"


def test_evaluate_main_runs(capsys):
    assert main(["--drafts", str(DRAFTS), "--sources", str(SOURCES)]) == 0
    assert "mismatch recall" in capsys.readouterr().out
