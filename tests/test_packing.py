"""Packed batch rows give back exactly the bytes appended; small rows are never packed."""
import pickle
import random

from claimcheck import batch
from claimcheck.packing import PACK_FROM, PackedRow


def test_packed_row_round_trip():
    rng = random.Random(5)
    pieces = [bytes(rng.randrange(32, 127) for _ in range(rng.randrange(0, 5000))) for _ in range(900)]
    row = PackedRow()
    for p in pieces:
        row.append(p)
    assert row.blocks  # ~2 MB: packed
    again = pickle.loads(pickle.dumps(row.wrap(b"[", b"]\n")))
    assert b"".join(again) == b"[" + b"".join(pieces) + b"]\n"


def test_jsonl_row_identical_packed_or_not(monkeypatch):
    from claimcheck import Checker

    checker = Checker()
    text = "date 2025-03\n\n" + "Ende 2016 verwiesen die USA 35 russische Diplomaten des Landes. " * 40
    plain = batch.report_result(checker.iter_reports(text, source="x"), "jsonl").text
    assert isinstance(plain, list)
    monkeypatch.setattr("claimcheck.packing.PACK_FROM", 1000)
    packed = batch.report_result(checker.iter_reports(text, source="x"), "jsonl").text
    assert isinstance(packed, PackedRow) and len(packed.blocks) > 1
    assert b"".join(packed) == b"".join(plain)
    assert PACK_FROM > 100_000
