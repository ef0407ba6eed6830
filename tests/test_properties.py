"""Never-crash properties of the whole checker (hypothesis)."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = ["Ende", "2016", "wiesen", "die", "USA", "35", "russische", "Diplomaten", "aus", "im",
         "Dezember", "rund", "mehr", "als", "Dutzende", "Moskau", "in", "Seattle", "und", "2018",
         ",", ".", "\n", "\n\n", "zwischen", "30", "bis", "40", "12.18", "Uhr", "3:1", "vor",
         "acht", "Jahren", "date", "2025-02", "sechzig", "1.000", "2,5", "Millionen", "§"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join) | st.text(max_size=200))
def test_check_text_never_crashes_and_offsets_hold(checker, text):
    report = checker.check_text(text, date="2025-02")
    for claim in report.claims:
        assert text[claim.start:claim.end] == claim.text
        assert claim.verdict in ("supported", "mismatch", "unverified")
        for m in claim.mismatches:
            assert text[m.start:m.end] == m.found
