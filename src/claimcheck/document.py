"""The document date: a leading ``date YYYY-MM[-DD]`` header line (as in dpa texts), else given.

A header that names only a month is refined by a dateline: a page that starts, right after the
header, with a numeric date of that month ("27.02.2025 12.18 Online seit heute") was written
on that day, so "heute" and "vergangene Woche Dienstag" resolve to exact days."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal, Optional

from claimcheck.errors import ClaimcheckError

HEADER = re.compile(r"\A\s*date[ \t]+(\d{4})-(\d{2})(?:-(\d{2}))?(?=\s|\Z)", re.IGNORECASE)
ISO = re.compile(r"\A(\d{4})-(\d{2})(?:-(\d{2}))?\Z")
DATELINE = re.compile(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")  # "27.02.2025" opening the text


@dataclass(frozen=True)
class DocDate:
    value: date  # first day of the stated period
    label: str  # as stated: "2025-02" or "2025-02-18"

    @property
    def exact(self) -> bool:
        """The date names a day, not only a month."""
        return len(self.label) == len("2025-02-18")


def parse_date_value(value: str) -> DocDate:
    """Parse ``YYYY-MM`` or ``YYYY-MM-DD``; raises ClaimcheckError E010."""
    m = ISO.match(value.strip())
    if not m:
        raise ClaimcheckError("E010", value=value)
    return _make(m, value)


def _make(m: re.Match, value: str) -> DocDate:
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
    try:
        return DocDate(date(year, month, day), value.strip())
    except ValueError as exc:
        raise ClaimcheckError("E010", value=value) from exc


def header_date(text: str) -> tuple[Optional[DocDate], int]:
    """The header's date and the offset where the header ends (0 when there is none)."""
    m = HEADER.match(text)
    if not m:
        return None, 0
    try:
        found = _make(m, m.group(0).split()[-1])
    except ClaimcheckError:
        return None, 0
    return _dateline(found, text, m.end()), m.end()


def _dateline(found: DocDate, text: str, header_end: int) -> DocDate:
    """The day of a dateline that opens the text inside the header's month, else ``found``."""
    m = DATELINE.match(text, header_end)
    if found.exact or m is None:
        return found
    day, month, year = (int(g) for g in m.groups())
    if (year, month) != (found.value.year, found.value.month):
        return found
    try:
        return DocDate(date(year, month, day), f"{year:04d}-{month:02d}-{day:02d}")
    except ValueError:
        return found


def resolve_date(text: str, given: Optional[DocDate] = None,
                 today: Optional[date] = None) -> tuple[DocDate, int]:
    """Header date, else ``given``, else today; plus the header's end offset."""
    found, header_end = header_date(text)
    if found is not None:
        return found, header_end
    if given is not None:
        return given, 0
    t = today or date.today()
    return DocDate(t, t.isoformat()), 0


DateSource = Literal["header", "option", "today"]


@dataclass(frozen=True)
class DateInfo:
    """The document date, where it came from, and what the editor should be told about it."""

    date: DocDate
    header_end: int
    source: DateSource
    notices: tuple[str, ...] = ()


def date_info(text: str, given: Optional[DocDate] = None, today: Optional[date] = None) -> DateInfo:
    """Like ``resolve_date``, with the date's source (``header``, ``option`` = ``--date``,
    ``today``) and German notices for a guessed date and for a header that contradicts ``given``."""
    found, header_end = header_date(text)
    if found is not None:
        notices: tuple[str, ...] = ()
        if given is not None and not _compatible(found.label, given.label):
            notices = (f"Die Datumszeile des Textes ({found.label}) widerspricht --date "
                       f"({given.label}); verwendet wird die Datumszeile.",)
        return DateInfo(found, header_end, "header", notices)
    if given is not None:
        return DateInfo(given, 0, "option")
    doc_date, _ = resolve_date("", None, today)
    return DateInfo(doc_date, 0, "today", (
        f"Kein Dokumentdatum angegeben (weder Datumszeile noch --date): relative Angaben wie "
        f"„im vergangenen Jahr“ oder „am Montag“ beziehen sich auf heute ({doc_date.label}).",))


def _compatible(a: str, b: str) -> bool:
    """Two stated dates agree when one is a refinement of the other ("2025-02" / "2025-02-18")."""
    return a.startswith(b) or b.startswith(a)
