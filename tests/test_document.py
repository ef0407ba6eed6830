"""Document date: header line, --date, today."""
from datetime import date

import pytest

from claimcheck.document import header_date, parse_date_value, resolve_date
from claimcheck.errors import ClaimcheckError


@pytest.mark.parametrize("text, label, end_text", [
    (" date 2025-02 Nach dem Treffen", "2025-02", " Nach dem Treffen"),
    ("date 2025-02\nNach dem Treffen", "2025-02", "\nNach dem Treffen"),
    ("date 2024-11-05\n\nText", "2024-11-05", "\n\nText"),
    ("\ufeffdate 2025-02 x", None, None),  # BOM is removed by io before this stage
    ("Das date 2025-02 steht mitten im Text", None, None),
    ("date 2025-13 kein Monat", None, None),
])
def test_header(text, label, end_text):
    found, end = header_date(text)
    assert (found.label if found else None) == label
    if label:
        assert text[end:] == end_text
    else:
        assert end == 0


def test_resolution_order():
    given = parse_date_value("2020-05")
    assert resolve_date("date 2025-02 x", given)[0].label == "2025-02"
    assert resolve_date("x", given)[0].value == date(2020, 5, 1)
    assert resolve_date("x", None, today=date(2026, 11, 25))[0].value == date(2026, 11, 25)


@pytest.mark.parametrize("bad", ["2025", "Februar 2025", "2025-02-30", "25-02"])
def test_bad_date_values(bad):
    with pytest.raises(ClaimcheckError, match="E010"):
        parse_date_value(bad)


@pytest.mark.parametrize("text, given, source, label, conflict", [
    ("date 2025-02 x", None, "header", "2025-02", False),
    ("date 2025-02 x", "2025-02-18", "header", "2025-02", False),  # a refinement, no conflict
    ("date 2025-02-18 x", "2025-02", "header", "2025-02-18", False),
    ("date 2025-02 x", "2024-05", "header", "2025-02", True),
    ("x", "2024-05", "option", "2024-05", False),
    ("x", None, "today", "2026-11-25", False),
])
def test_date_info_names_source_and_conflict(text, given, source, label, conflict):
    from claimcheck.document import date_info

    info = date_info(text, parse_date_value(given) if given else None, today=date(2026, 11, 25))
    assert (info.source, info.date.label) == (source, label)
    assert any("widerspricht --date" in n for n in info.notices) is conflict
    assert bool(info.notices) is (conflict or source == "today")


@pytest.mark.parametrize("text, label", [
    ("date 2025-02\n\n27.02.2025 12.18 Online seit heute\nText", "2025-02-27"),  # a dateline names the day
    ("date 2025-02\n3.2.2025\nText", "2025-02-03"),
    ("date 2025-02\n\n27.03.2025 12.18\nText", "2025-02"),  # another month: the header wins
    ("date 2025-02\n\n31.02.2025\nText", "2025-02"),  # no such day
    ("date 2025-02\n\nAm 12.02.2025 trafen sich …", "2025-02"),  # a date inside the text is no dateline
    ("date 2025-02-18\n\n27.02.2025\nText", "2025-02-18"),  # a header with a day is kept
])
def test_dateline_refines_a_month_header(text, label):
    found, _ = header_date(text)
    assert found is not None and found.label == label
    assert found.exact == (len(label) == 10)
