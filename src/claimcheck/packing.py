"""A batch output row built from many UTF-8 pieces, zlib-packed in blocks once it grows large.

A claim-dense 3 MB draft gives a JSONL row of ~45 MB; held as pieces it doubles a worker's
memory, is copied again when pickled to the parent and a third time when unpickled there.
Packed (level 1, ~10:1 on claim JSON, ~0.1 s per 45 MB) it costs a few MB at each of these
steps. Iterating gives back the same bytes, in order, one block at a time.
"""
from __future__ import annotations

import zlib
from typing import Iterator

PACK_FROM = 1 << 20  # raw bytes gathered before they are packed: ordinary rows stay raw
LEVEL = 1


class PackedRow:
    """Append bytes; iterate to get them back (blocks of about ``PACK_FROM`` bytes)."""

    def __init__(self) -> None:
        self.blocks: list[bytes] = []  # packed blocks
        self.tail: list[bytes] = []  # raw pieces not packed yet
        self.size = 0  # raw bytes in ``tail``
        self.first = self.last = b""  # raw pieces before and after all others (``wrap``)

    def wrap(self, first: bytes, last: bytes) -> "PackedRow":
        self.first, self.last = first, last
        return self

    def append(self, piece: bytes) -> None:
        self.tail.append(piece)
        self.size += len(piece)
        if self.size >= PACK_FROM:
            self.blocks.append(zlib.compress(b"".join(self.tail), LEVEL))
            self.tail, self.size = [], 0

    def __iter__(self) -> Iterator[bytes]:
        yield self.first
        for block in self.blocks:
            yield zlib.decompress(block)
        yield from self.tail
        yield self.last


def release_memory() -> None:
    """Give freed heap pages back to the system (glibc ``malloc_trim``; elsewhere nothing):
    after a large file the memory its check used is free, but still counted in the RSS."""
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):
        return
    trim(0)
