"""LanguageTool mapping (pure): annotated text offsets, UTF-16 offsets, report -> matches."""
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.errors import ClaimcheckError
from claimcheck.models import Report
from claimcheck.server import languagetool as lt

TEXT = "Ende 2016 wiesen die USA 45 russische Diplomaten aus."


def report_with(claims):
    return Report.model_validate({"source": "<text>", "claims": claims})


def claim(verdict, mismatches, start=25, end=48, **extra):
    return {"start": start, "end": end, "text": TEXT[start:end], "verdict": verdict, "message": "M",
            "rule": "CC200", "sentence": TEXT, "mismatches": mismatches, **extra}


COUNT = {"field": "count", "start": 25, "end": 27, "found": "45", "expected": "35"}


@pytest.mark.parametrize("claims, expected", [
    ([claim("mismatch", [COUNT])], [(25, 2, ["35"], "count")]),
    ([claim("supported", [])], []),
    ([claim("unverified", [])], []),
    ([claim("mismatch", [COUNT, {"field": "date", "start": 5, "end": 9, "found": "2016",
                                  "expected": "2017"}])], [(5, 4, ["2017"], "date"), (25, 2, ["35"], "count")]),
    ([claim("mismatch", [{**COUNT, "start": 90, "end": 92}])], []),  # offsets outside the text
    ([claim("mismatch", [{**COUNT, "expected": ""}])], [(25, 2, [], "count")]),
])
def test_only_mismatches_become_matches(claims, expected):
    data = lt.response(report_with(claims), lt.text_of({"text": TEXT}, "test"), "de-DE")
    got = [(m["offset"], m["length"], [r["value"] for r in m["replacements"]], m["rule"]["subId"])
           for m in data["matches"]]
    assert got == expected
    for m in data["matches"]:
        ctx = m["context"]
        assert ctx["text"][ctx["offset"]:ctx["offset"] + ctx["length"]] == TEXT[m["offset"]:m["offset"] + m["length"]]
        assert m["rule"]["category"]["id"] == "CLAIMCHECK" and m["type"] == {"typeName": "Other"}


@pytest.mark.parametrize("params, code", [
    ({}, "E082"), ({"language": ""}, "E082"), ({"language": "en-US"}, "E084"), ({"language": "fr"}, "E084"),
])
def test_language_errors(params, code):
    with pytest.raises(ClaimcheckError) as info:
        lt.language_of(params, "POST /v2/check")
    assert info.value.code == code and "POST /v2/check" in info.value.message


@pytest.mark.parametrize("value, code", [("auto", "de-DE"), ("de", "de-DE"), ("de-CH", "de-CH"), ("de-AT", "de-AT")])
def test_german_variants(value, code):
    assert lt.language_of({"language": value}, "x") == code


@pytest.mark.parametrize("annotation, checked", [
    ([{"text": "a "}, {"markup": "<b>"}, {"text": "45"}, {"markup": "</b>"}], "a 45"),
    ([{"markup": "<p>", "interpretAs": "\n\n"}, {"text": "x"}], "\n\nx"),
    ([{"text": "ä"}, {"markup": "<br>", "interpretAs": " "}, {"text": "ö"}], "ä ö"),
])
def test_annotated_text_is_checked_without_markup(annotation, checked):
    annotated = lt.text_of({"data": json.dumps({"annotation": annotation})}, "x")
    assert annotated.checked == checked
    assert annotated.original == "".join(a.get("text", a.get("markup")) for a in annotation)


part = st.one_of(st.builds(lambda t: {"text": t}, st.text(max_size=8)),
                 st.builds(lambda m, i: {"markup": m, **({"interpretAs": i} if i is not None else {})},
                           st.text(max_size=6), st.one_of(st.none(), st.text(max_size=3))))


@given(st.lists(part, max_size=8))
def test_every_checked_text_character_maps_to_the_same_original_character(annotation):
    annotated = lt.text_of({"data": json.dumps({"annotation": annotation})}, "x")
    pos = 0
    for item in annotation:
        length = len(item["text"]) if "text" in item else len(item.get("interpretAs", ""))
        if "text" in item:
            for i in range(pos, pos + length):
                start, end = annotated.to_original(i), annotated.to_original(i + 1, end=True)
                assert annotated.original[start:end] == annotated.checked[i]
        pos += length


@given(st.text(max_size=30), st.data())
def test_utf16_lengths(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert lt.utf16_len(text, start, end) == len(text[start:end].encode("utf-16-le")) // 2
