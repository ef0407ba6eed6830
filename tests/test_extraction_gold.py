"""Gold evaluation of the claim extractor on fixtures/sentences.yaml, plus unit tests of the scorer.

Run with ``pytest -s tests/test_extraction_gold.py`` to see the per-slot table.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path


from claimcheck.evaluate import (SLOTS, SlotScores, format_scores, load_sentences, pair_claims,
                                 quantity_equal, score_claims, score_sentences)
from claimcheck.models import Claim, Quantity, Slot, TimeSpan

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = ROOT / "fixtures" / "sentences.yaml"
THRESHOLD = 0.95


# ---------------------------------------------------------------- helpers for hand-made claims

def q(value=None, low=None, high=None, hedge=None, vague=False, text="x"):
    if value is not None and low is None and high is None and hedge is None and not vague:
        low = high = value
    return Quantity(text=text, start=0, end=1, value=value, low=low, high=high, hedge=hedge, vague=vague)


def t(first, last, gran="month"):
    return TimeSpan(text="t", start=0, end=1, first=first, last=last, granularity=gran)


def s(value):
    return Slot(text=value, start=0, end=1, value=value)


def claim(quantity=None, time=None, start=0, **slots):
    return Claim(text="c", start=start, end=start + 1, kind="count" if quantity else "date",
                 sentence_start=0, sentence_end=10, quantity=quantity, time=time,
                 **{k: s(v) for k, v in slots.items()})


DEC16 = [date(2016, 12, 1), date(2016, 12, 31)]


# ---------------------------------------------------------------- scorer unit tests

def test_quantity_equality_forms():
    assert quantity_equal(35, q(35))
    assert not quantity_equal(35, q(36))
    assert not quantity_equal(35, q(35, low=34, high=36, hedge="rund"))  # exact gold, hedged prediction
    assert quantity_equal([700, None], q(700, low=700, high=None, hedge="mehr als"))
    assert quantity_equal([24, 99], q(None, low=24, high=99, vague=True))
    assert quantity_equal([200, 999], q(None, low=201, high=995, vague=True))  # within 1 %
    assert not quantity_equal([200, 999], q(None, low=100, high=999, vague=True))
    assert quantity_equal({"value": 750, "hedge": "rund"}, q(750, low=712.5, high=787.5, hedge="etwa"))
    assert not quantity_equal({"value": 750, "hedge": "rund"}, q(750, low=750, high=None, hedge="mehr als"))
    assert quantity_equal({"value": 6, "hedge": "gut"}, q(6, low=6, high=None, hedge="mehr als"))


def test_perfect_prediction_scores_one():
    gold = [{"quantity": 35, "noun": "Diplomat", "time": DEC16, "event": "expel", "actor": "USA", "target": "RUS"}]
    pred = [claim(q(35), t(*DEC16), noun="Diplomat", event="expel", actor="USA", target="RUS")]
    sc = SlotScores()
    score_claims(gold, pred, sc)
    assert (sc.claims.tp, sc.claims.fp, sc.claims.fn) == (1, 0, 0)
    for slot in ("quantity", "noun", "time", "event", "actor", "target"):
        assert (sc.slots[slot].tp, sc.slots[slot].fp, sc.slots[slot].fn) == (1, 0, 0), slot
    assert sc.slots["place"].tp + sc.slots["place"].fp + sc.slots["place"].fn == 0


def test_wrong_slot_counts_as_fp_and_fn():
    gold = [{"quantity": 35, "actor": "USA", "target": "RUS"}]
    pred = [claim(q(35), actor="RUS", target="RUS", place="Seattle")]
    sc = SlotScores()
    score_claims(gold, pred, sc)
    assert (sc.slots["actor"].tp, sc.slots["actor"].fp, sc.slots["actor"].fn) == (0, 1, 1)
    assert (sc.slots["target"].tp, sc.slots["target"].fp, sc.slots["target"].fn) == (1, 0, 0)
    assert (sc.slots["place"].fp, sc.slots["place"].fn) == (1, 0)  # spurious place
    assert sc.slots["actor"].precision == 0.0 and sc.slots["actor"].recall == 0.0


def test_unpaired_claims():
    gold = [{"quantity": 35, "noun": "Diplomat"}, {"time": DEC16, "event": "close"}]
    pred = [claim(q(60), noun="Diplomat"), claim(None, t(date(2017, 1, 1), date(2017, 12, 31), "year"))]
    sc = SlotScores()
    score_claims(gold, pred, sc)
    assert (sc.claims.tp, sc.claims.fp, sc.claims.fn) == (0, 2, 2)
    assert (sc.slots["quantity"].fp, sc.slots["quantity"].fn) == (1, 1)
    assert (sc.slots["noun"].fp, sc.slots["noun"].fn) == (1, 1)
    assert (sc.slots["time"].fp, sc.slots["time"].fn) == (1, 1)
    assert sc.slots["event"].fn == 1


def test_pairing_prefers_exact_anchor_and_date_claims_pair_by_overlap():
    gold = [{"time": [date(2022, 1, 1), date(2022, 12, 31)]}, {"time": [date(2023, 1, 1), date(2023, 12, 31)]}]
    pred = [claim(None, t(date(2023, 1, 1), date(2023, 12, 31), "year")),
            claim(None, t(date(2022, 3, 1), date(2022, 3, 31)))]
    pairs = dict(p for p in pair_claims(gold, pred) if None not in p)
    assert pairs == {0: 1, 1: 0}
    # a count claim never pairs with a date-only claim
    assert pair_claims([{"quantity": 35}], [claim(None, t(*DEC16))]) == [(0, None), (None, 0)]
    # exact quantity beats a merely compatible one
    gold = [{"quantity": 35}, {"quantity": [24, 99]}]
    pred = [claim(q(None, low=24, high=99, vague=True)), claim(q(35))]
    assert dict(p for p in pair_claims(gold, pred) if None not in p) == {0: 1, 1: 0}


def test_units_on_quantity_count_as_noun():
    quantity = Quantity(text="72 Stunden", start=0, end=10, value=72, low=72, high=72, unit="Stunde")
    sc = SlotScores()
    score_claims([{"quantity": 72, "noun": "Stunde"}], [claim(quantity)], sc)
    assert sc.slots["noun"].tp == 1


def test_score_sentences_drops_context_claims(tmp_path):
    f = tmp_path / "s.yaml"
    f.write_text('- id: x1\n  date: 2025-02\n  context: "Ende 2016 gab es Streit."\n'
                 '  text: "35 Diplomaten gingen."\n'
                 '  claims:\n    - {quantity: 35, noun: Diplomat, time: [2016-10-01, 2016-12-31]}\n',
                 encoding="utf-8")
    seen = {}

    def fake_extract(text, doc_date):
        seen["text"], seen["date"] = text, doc_date
        ctx_claim = claim(None, t(date(2016, 10, 1), date(2016, 12, 31), "quarter"), start=0)
        own = claim(q(35), t(date(2016, 10, 1), date(2016, 12, 31), "quarter"), start=25, noun="Diplomat")
        return [ctx_claim, own]

    sc = score_sentences(f, fake_extract)
    assert seen == {"text": "Ende 2016 gab es Streit. 35 Diplomaten gingen.", "date": date(2025, 2, 1)}
    assert (sc.claims.tp, sc.claims.fp, sc.claims.fn) == (1, 0, 0)
    assert "claims" in format_scores(sc)


# ---------------------------------------------------------------- the gold file itself

def test_gold_sentences_well_formed():
    items = load_sentences(SENTENCES)
    assert len(items) >= 110
    assert sum(len(it["claims"]) for it in items) >= 110
    source = (ROOT / "reference" / "istanbul-2025-02.txt").read_text(encoding="utf-8")
    for it in items:
        assert it["text"] not in source, f"{it['id']} copied from the source article"
        for c in it["claims"]:
            assert c.get("quantity") is not None or c.get("time") is not None


# ---------------------------------------------------------------- the product against gold

def test_extraction_against_gold():
    from claimcheck import extract_claims

    scores = score_sentences(SENTENCES, extract_claims)
    print()
    print(format_scores(scores, details=True))
    failing = [f"claims P={scores.claims.precision:.3f} R={scores.claims.recall:.3f}"
               for _ in [0] if min(scores.claims.precision, scores.claims.recall) < THRESHOLD]
    failing += [f"{slot} P={pr.precision:.3f} R={pr.recall:.3f}" for slot in SLOTS
                if min((pr := scores.slots[slot]).precision, pr.recall) < THRESHOLD]
    assert not failing, "below %.2f: %s" % (THRESHOLD, "; ".join(failing))
