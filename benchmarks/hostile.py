"""A folder of hostile inputs for ``claimcheck batch`` (used by bench_batch.py and the tests).

``write_hostile_folder(root)`` returns ``{relative path: expected}``, where expected is "ok"
(checked) or the error code the file must get; every path must be reported exactly once.
Sentences are generated from our own templates (no third-party text).
"""
from __future__ import annotations

import json
import os
import random
from pathlib import Path

GOOD = "date 2025-03\n\nEnde 2016 verwiesen die USA 45 russische Diplomaten des Landes.\n"
_SUBJECTS = ("Die Regierung", "Das Ministerium", "Der Stadtrat", "Die Kommission", "Der Verband")
_VERBS = ("meldete", "zählte", "nannte", "schätzte", "bestätigte")
_NOUNS = ("Besucher", "Anträge", "Mitarbeiter", "Fahrzeuge", "Wohnungen", "Schulen")
_TAILS = ("im vergangenen Jahr", "seit dem Frühjahr", "nach eigenen Angaben", "in der Region",
          "bis Ende Mai", "trotz der Kritik")


def prose(rng: random.Random, size: int) -> str:
    """Ordinary news-like sentences, about one number or date in every second sentence."""
    parts, total = ["date 2025-03\n\n"], 0
    while total < size:
        s = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_TAILS)} neue Zahlen"
        if rng.random() < 0.5:
            s += f": {rng.randrange(2, 9000)} {rng.choice(_NOUNS)} im Jahr {rng.randrange(1990, 2025)}"
        s += ".\n" if rng.random() < 0.2 else ". "
        parts.append(s)
        total += len(s)
    return "".join(parts)


def write_hostile_folder(root: Path, big_mb: float = 3.0, huge_mb: float = 20.0,
                         numbers: int = 10_000) -> dict[str, str]:
    rng = random.Random(11)
    root.mkdir(parents=True, exist_ok=True)
    files = {
        "good.txt": (GOOD.encode(), "ok"),
        "runon-numbers.txt": (("Die Liste: " + " ".join(str(rng.randrange(100_000))
                                                      for _ in range(numbers)) + ".").encode(), "ok"),
        "runon-clauses.txt": ((", ".join(f"im Jahr {2000 + i % 24} wiesen die USA {i + 3} Diplomaten aus"
                                         for i in range(2000)) + ".").encode(), "ok"),
        "big.txt": (prose(rng, int(big_mb * 1e6)).encode(), "ok"),
        "latin1.txt": ("Größe: 35 Diplomaten in der Straße, Ende 2016.".encode("latin-1"), "ok"),
        "utf16.txt": (GOOD.encode("utf-16"), "ok"),
        "surrogate-bytes.txt": (b"Ende 2016 \xed\xa0\x80 wurden 35 Diplomaten ausgewiesen.", "ok"),
        "empty.txt": (b"", "E003"),
        "binary.txt": (bytes(rng.randrange(256) for _ in range(20_000)), "E004"),
        "sub/deeper/nested.txt": (GOOD.encode(), "ok"),
        "nan-facts.json": (b'{"facts": [{"quantity": {"value": NaN}}]}', None),  # not *.txt
    }
    expected = {}
    for rel, (data, code) in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
        if code:
            expected[rel] = code
    with open(root / "huge.txt", "wb") as fh:  # over the default size limit: E007, not read
        chunk = prose(rng, 1_000_000).encode()
        for _ in range(int(huge_mb)):
            fh.write(chunk)
    expected["huge.txt"] = "E007"
    os.mkfifo(root / "pipe.txt")
    expected["pipe.txt"] = "E002"
    (root / "sub" / "loop").symlink_to(root)
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    expected["dangling.txt"] = "E001"
    name = os.path.join(os.fsencode(root), b"caf\xe9-name.txt")
    with open(name, "wb") as fh:
        fh.write(GOOD.encode())
    expected["caf\\xe9-name.txt"] = "ok"  # as shown in every output (batch.display_name)
    return expected


def nan_reference(path: Path) -> Path:
    """A fact base whose only count is NaN (must be refused with E020, naming the fact)."""
    data = {"schema_version": 1, "source": "x.txt", "facts": [{
        "id": "F01", "kind": "count", "text": "35 Diplomaten", "start": 0, "end": 13,
        "sentence_start": 0, "sentence_end": 20, "quantity": {"text": "35", "start": 0, "end": 2},
        "provenance": {"source": "x.txt", "sentence": "35 Diplomaten gingen.", "sentence_start": 0,
                       "sentence_end": 20, "start": 0, "end": 13}}]}
    text = json.dumps(data).replace('"end": 2}', '"end": 2, "value": NaN}')
    path.write_text(text, encoding="utf-8")
    return path
