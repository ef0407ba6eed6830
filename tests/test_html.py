"""The self-contained HTML report (claimcheck.render.html)."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from claimcheck.models import ClaimReport, Mismatch, Report, Summary
from claimcheck.render.html import render_html

TEXT = "Ende 2016 wiesen die USA 53 Diplomaten aus.\n2017 zwang Putin <b>&</b> \"alle\" zu 755 Abbauten."


def claim(start, end, verdict="supported", **kw) -> ClaimReport:
    return ClaimReport(start=start, end=end, text=TEXT[start:end], verdict=verdict,
                       message=kw.pop("message", f"{verdict} <msg>"), **kw)


class Parsed(HTMLParser):
    """Collects the article text (without note markers), marks, refs and notes."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.article: list[str] = []
        self.marks: list[tuple[dict, str]] = []
        self.refs: list[str] = []
        self.notes: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        self.stack.append((tag, attrs))
        if tag == "mark":
            self.marks.append((attrs, ""))
        if tag == "sup":
            self.refs.append(attrs["id"])
        if tag == "div" and "note" in attrs.get("class", ""):
            self.notes.append(attrs["id"])

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        tags = [t for t, _ in self.stack]
        if "article" in tags and "sup" not in tags:
            self.article.append(data)
            if tags[-1] == "mark":
                attrs, text = self.marks[-1]
                self.marks[-1] = (attrs, text + data)


def parse(page: str) -> Parsed:
    parser = Parsed()
    parser.feed(page)
    return parser


def test_structure_and_self_contained():
    report = Report(source="a.txt", claims=[claim(5, 9)], summary=Summary(claims=1, supported=1))
    page = render_html(report, TEXT)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and '<meta charset="utf-8">' in page
    assert page.count("<script") == 1 and "<script>" in page and "src=" not in page  # inline only
    assert "http" not in page and "@import" not in page
    p = parse(page)
    assert {"header", "main", "article", "aside"} <= set(p.tags)
    assert "".join(p.article) == TEXT
    assert p.refs == ["c1"] and p.notes == ["n1"]


def test_everything_is_escaped():
    evil = '<script>alert("x")</script>'
    report = Report(source=evil, reference=evil, document_date=evil, claims=[
        claim(58, 62, "mismatch", message=evil, evidence=evil, correction=evil, fact_id=evil,
              warnings=[evil], alternatives=[evil],
              mismatches=[Mismatch(field="count", start=58, end=62, found=evil, expected=evil)])])
    page = render_html(report, TEXT + evil)
    assert page.count("<script") == 1 and "<b>" not in page  # only the report's own script
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "".join(parse(page).article) == TEXT + evil


def test_control_characters_are_made_visible():
    page = render_html(Report(source="a\x07.txt"), "eins\x0bzwei\x00drei")
    assert "\x0b" not in page and "\x07" not in page and "\x00" not in page
    assert "eins\ufffdzwei\ufffddrei" in page


def test_mark_offsets_match_the_text():
    claims = [claim(0, 9, "supported"), claim(25, 38, "mismatch"), claim(44, 48, "unverified")]
    p = parse(render_html(Report(source="a", claims=claims), TEXT))
    marks = [(int(attrs["id"][1:]), text) for attrs, text in p.marks]
    assert marks == [(0, "Ende 2016"), (25, "53 Diplomaten"), (44, "2017")]
    for start, text in marks:
        assert TEXT[start:start + len(text)] == text
    assert [attrs["class"] for attrs, _ in p.marks] == ["supported", "mismatch", "unverified"]
    assert "mismatch <msg>" in p.marks[1][0]["title"]


def test_overlapping_and_nested_claims_are_split():
    # 0..9 and 5..25 overlap; 44..60 contains 49..54
    claims = [claim(0, 9), claim(5, 25, "mismatch"), claim(44, 60, "unverified"), claim(49, 54)]
    p = parse(render_html(Report(source="a", claims=claims), TEXT))
    assert "".join(p.article) == TEXT
    pieces = [(attrs["id"], attrs["class"], attrs["data-claims"], text) for attrs, text in p.marks]
    assert pieces == [
        ("p0", "supported", "c1", "Ende "),
        ("p5", "mismatch overlap", "c1 c2", "2016"),
        ("p9", "mismatch", "c2", TEXT[9:25]),
        ("p44", "unverified", "c3", TEXT[44:49]),
        ("p49", "supported overlap", "c3 c4", TEXT[49:54]),
        ("p54", "unverified", "c3", TEXT[54:60]),
    ]
    assert sorted(p.refs) == ["c1", "c2", "c3", "c4"] and p.notes == ["n1", "n2", "n3", "n4"]


def test_mismatch_part_outside_the_claim_is_marked():
    wrong = Mismatch(field="date", start=44, end=48, found="2017", expected="2019")
    claims = [claim(82, 93, "mismatch", mismatches=[wrong])]
    p = parse(render_html(Report(source="a", claims=claims), TEXT))
    classes = {text: attrs["class"] for attrs, text in p.marks}
    assert classes == {"2017": "mismatch wrong", TEXT[82:93]: "mismatch"}


def test_invalid_offsets_and_empty_report_do_not_crash():
    claims = [claim(5, 9), ClaimReport(start=90, end=500, text="?", verdict="supported", message="m"),
              ClaimReport(start=7, end=3, text="?", verdict="mismatch", message="m")]
    p = parse(render_html(Report(source="a", claims=claims), TEXT))
    assert "".join(p.article) == TEXT and p.notes == ["n1", "n2", "n3"] and p.refs == ["c1"]
    page = render_html(Report(source="a"), "")
    assert "Keine überprüfbaren Angaben" in page


def test_date_header_line_is_not_in_the_body():
    text = "date 2017-07\n\n" + TEXT
    c = claim(0, 9)
    c = c.model_copy(update={"start": 14, "end": 23, "text": text[14:23]})
    p = parse(render_html(Report(source="a", document_date="2017-07", claims=[c]), text))
    assert "".join(p.article) == TEXT and p.marks[0][1] == "Ende 2016"
    assert p.marks[0][0]["id"] == "p14"  # offsets stay those of the whole text


@pytest.mark.parametrize("show, checked", [
    (("mismatch", "supported"), {"t-mismatch", "t-supported"}),
    (("unverified",), {"t-unverified"}),
    (("mismatch", "supported", "unverified"), {"t-mismatch", "t-supported", "t-unverified"}),
])
def test_verdict_toggles_start_as_shown(show, checked):
    page = render_html(Report(source="a", claims=[claim(5, 9)]), TEXT, show=show)
    boxes = dict(re.findall(r'<input type="checkbox" class="toggle" id="(t-\w+)"( checked)?>', page))
    assert set(boxes) == {"t-mismatch", "t-supported", "t-unverified", "t-suppressed"}
    assert {b for b, on in boxes.items() if on} == checked
    for box in boxes:  # every toggle has a label in the header and a CSS rule
        assert f'for="{box}"' in page and f"#{box}:not(:checked)~main" in page


def test_suppressed_claims_are_marked_for_their_toggle():
    c = claim(25, 38, "mismatch").model_copy(update={"suppressed": True})
    p = parse(render_html(Report(source="a", claims=[c], summary=Summary(claims=1, suppressed=1)), TEXT))
    assert p.marks[0][0]["class"] == "mismatch suppressed"
    assert "1 unterdrückt" in render_html(Report(source="a", claims=[c], summary=Summary(suppressed=1)), TEXT)
