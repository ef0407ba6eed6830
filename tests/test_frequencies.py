"""The compact word-frequency table gives wordfreq's own Zipf values (for the words it keeps)."""
import pytest

from claimcheck.align import config as cfg
from claimcheck.align.context import zipf
from claimcheck.align.frequencies import build, zipf_table
from claimcheck.nlp.lemmas import LemmaLookup


@pytest.mark.parametrize("word", ["und", "diplomaten", "botschaft", "ausweisung", "inflationsrate",
                                  "grundstücke", "weiß", "xqzzyv"])
def test_table_agrees_with_wordfreq(word):
    import wordfreq

    expected = wordfreq.zipf_frequency(word, "de", wordlist="best", minimum=0.0)
    got = zipf(word)
    if expected >= cfg.ZIPF_TABLE_MIN + 0.01:
        assert got == pytest.approx(expected, abs=0.011)
    else:  # rarer words are left out: they weigh the cap anyway
        assert got == 0.0 or got >= cfg.ZIPF_TABLE_MIN


def test_cached_table_equals_a_fresh_build():
    fresh = LemmaLookup(*build("de"))
    cached = zipf_table("de")
    assert len(fresh) == len(cached) > 100_000
    for word in ("der", "russland", "konsulat", "mitarbeiter", "sanktionen"):
        assert fresh.get(word) == cached.get(word)
