"""spaCy's German lookup lemmas (spacy-lookups-data) in a compact, shareable form.

spaCy's own ``Lookups`` table for German holds 355,000 entries as Python objects (~125 MB per
process). Claimcheck needs lemmas only for the few sentences that hold a number or a date, so it
keeps the table as two sorted text blobs with offset arrays and an open-addressing hash index
(CRC-32 of the word; ~14 MB in all) and looks a word up with one or two probes (a microsecond,
memoised). The compact form is cached on disk (under
``$XDG_CACHE_HOME/claimcheck`` or ``~/.cache/claimcheck``) so that worker processes load it in
milliseconds; without a writable cache it is built in memory (under a second).
"""
from __future__ import annotations

import array
import gzip
import json
import os
import pickle
import tempfile
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Optional

FORMAT = 2


class _Keys:
    """The sorted keys (or values) as a sequence of strings."""

    def __init__(self, blob: str, offsets: "array.array[int]") -> None:
        self.blob, self.offsets = blob, offsets

    def __len__(self) -> int:
        return len(self.offsets)

    def __getitem__(self, i: int) -> str:
        start = self.offsets[i]
        end = self.offsets[i + 1] - 1 if i + 1 < len(self.offsets) else len(self.blob)
        return self.blob[start:end]


class LemmaLookup:
    """Read-only mapping word -> lemma (``get``, ``in``)."""

    def __init__(self, keys: str, key_offsets: bytes, values: str, value_offsets: bytes,
                 slots: Optional[bytes] = None) -> None:
        self._keys = _Keys(keys, _offsets(key_offsets))
        self._values = _Keys(values, _offsets(value_offsets))
        self._slots = _offsets(slots) if slots is not None else _hash_slots(self._keys)
        self.get_lemma = lru_cache(maxsize=65536)(self._find)

    def _find(self, word: str) -> Optional[str]:
        slots, keys = self._slots, self._keys
        mask = len(slots) - 1
        h = _hash(word) & mask
        while slots[h]:  # slot value: key index + 1; 0 ends the probe sequence
            if keys[slots[h] - 1] == word:
                return self._values[slots[h] - 1]
            h = (h + 1) & mask
        return None

    def get(self, word: str, default: Optional[str] = None) -> Optional[str]:
        found = self.get_lemma(word)
        return default if found is None else found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get_lemma(word) is not None

    def __len__(self) -> int:
        return len(self._keys)


def _offsets(data: bytes) -> "array.array[int]":
    out = array.array("I")
    out.frombytes(data)
    return out


def _hash(word: str) -> int:
    """A hash that is the same in every process (``hash`` of a str is salted per process)."""
    return zlib.crc32(word.encode("utf-8", "surrogatepass"))


def _hash_slots(keys: _Keys) -> "array.array[int]":
    """Open-addressing table (linear probing, at most half full) of key index + 1 by hash."""
    size = 1 << max(4, (2 * len(keys)).bit_length())
    slots = array.array("I", bytes(4 * size))
    mask = size - 1
    for i in range(len(keys)):
        h = _hash(keys[i]) & mask
        while slots[h]:
            h = (h + 1) & mask
        slots[h] = i + 1
    return slots


def _source_file(lang: str) -> Path:
    import spacy_lookups_data

    return Path(str(spacy_lookups_data.get_file(f"{lang}_lemma_lookup.json.gz")))


def _build(lang: str) -> tuple[str, bytes, str, bytes, bytes]:
    with gzip.open(_source_file(lang), "rt", encoding="utf-8") as fh:
        table: dict[str, str] = json.load(fh)
    return table_parts({k: v for k, v in table.items() if "\n" not in k and "\n" not in v})


def table_parts(table: dict[str, str]) -> tuple[str, bytes, str, bytes, bytes]:
    """The parts of a ``LemmaLookup`` for any str -> str table without newlines: sorted keys and
    their values as blobs with offsets, and the hash slots."""
    keys = sorted(table)
    key_offsets, value_offsets = array.array("I"), array.array("I")
    kpos = vpos = 0
    for k in keys:
        key_offsets.append(kpos)
        value_offsets.append(vpos)
        kpos += len(k) + 1
        vpos += len(table[k]) + 1
    values = "\n".join(table[k] for k in keys)
    blob = "\n".join(keys)
    slots = _hash_slots(_Keys(blob, key_offsets))
    return blob, key_offsets.tobytes(), values, value_offsets.tobytes(), slots.tobytes()


def cache_dir() -> Path:
    """Where claimcheck keeps its compact tables ($XDG_CACHE_HOME/claimcheck or ~/.cache/claimcheck)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimcheck"


def _cache_path(lang: str) -> Path:
    import spacy_lookups_data

    version = getattr(spacy_lookups_data, "__version__", "0")
    return cache_dir() / f"{lang}-lemmas-{version}-v{FORMAT}.pickle"


def read_table(path: Path) -> Optional[LemmaLookup]:
    """A table cached by ``write_table``, or None if it is missing or unreadable."""
    try:
        with open(path, "rb") as fh:
            return LemmaLookup(*pickle.load(fh))
    except (OSError, pickle.UnpicklingError, EOFError, TypeError, ValueError):
        return None


@lru_cache(maxsize=2)
def load_lemmas(lang: str = "de") -> LemmaLookup:
    """The lookup lemmas of ``lang`` (one instance per process)."""
    path = _cache_path(lang)
    cached = read_table(path)
    if cached is not None:
        return cached
    parts = _build(lang)
    write_table(path, parts)
    return LemmaLookup(*parts)


def write_table(path: Path, parts: tuple) -> None:
    """Atomic write; a read-only or missing cache directory is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(parts, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
