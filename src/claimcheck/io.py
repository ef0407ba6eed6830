"""Reading draft texts robustly: byte decoding, file/stdin access and chunking of long texts.

Decoding contract (offsets of every later stage refer to the string returned here):

* A byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) selects the codec and is removed.
* Without a BOM: UTF-16 without BOM is recognised by its NUL-byte pattern, then strict UTF-8
  is tried, then legacy single-byte encodings. cp1252 (a superset of Latin-1's printable range)
  is compared with the guess of charset-normalizer and the more plausible reading wins; ties
  go to cp1252, the usual legacy encoding of German newsroom files.
* ``\\r\\n`` becomes ``\\n``. Nothing else is normalised: lone ``\\r``, tabs, Unicode forms
  and typographic characters are kept as decoded.
* Isolated NUL characters are replaced by spaces (same length); data that is mostly binary
  (known file signatures, or many control bytes) raises ``E004``.
* Empty or whitespace-only input raises ``E003``; undecodable input raises ``E005``.
"""
from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path
from typing import Optional, Union

from claimcheck.errors import ClaimcheckError

_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)
_MAGIC = (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"GIF8", b"\xff\xd8\xff", b"\x7fELF", b"\x1f\x8b",
          b"BM", b"\xd0\xcf\x11\xe0", b"Rar!", b"7z\xbc\xaf")
# C0 control bytes that never occur in text (tab, LF, VT, FF, CR and ESC are allowed).
_CONTROL = bytes([*range(0x00, 0x09), 0x0E, *range(0x0F, 0x1B), *range(0x1C, 0x20), 0x7F])
_TYPOGRAPHIC = set("„“”‚‘’–—…€§°«»·×÷±²³½¼¾µ")
_BINARY_RATIO_TEXT = 0.30  # valid UTF-8 with this many control bytes is binary
_BINARY_RATIO_LEGACY = 0.03  # legacy/undecodable bytes with this many control bytes is binary
# Largest input read (file or stdin), in MB; override with CLAIMCHECK_MAX_MB or --max-mb.
# A draft is < 1 MB; 8 MB is checked in well under a minute on one core, and a 20 MB file
# (allowed with --max-mb 25) still stays < 500 MB of memory because long texts are chunked.
MAX_MB_DEFAULT = 8.0
_SURROGATE = re.compile("[\ud800-\udfff]")


def decode_bytes(data: bytes, source: str) -> str:
    """Decode raw input bytes to text (see the module docstring for the exact contract)."""
    if not data.strip():
        raise ClaimcheckError("E003", path=source)
    text = _decode(data, source)
    text = text.replace("\r\n", "\n").replace("\x00", " ")
    if not text.strip():
        raise ClaimcheckError("E003", path=source)
    return text


def _decode(data: bytes, source: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise ClaimcheckError("E005", path=source) from exc
    if data.startswith(_MAGIC) and not _is_utf8(data):
        raise ClaimcheckError("E004", path=source)
    utf16 = _sniff_utf16(data)
    if utf16 is not None:
        if _control_ratio(utf16.encode("latin-1", "replace")) > _BINARY_RATIO_LEGACY:
            raise ClaimcheckError("E004", path=source)
        return utf16
    if _is_utf8(data):
        if _control_ratio(data) > _BINARY_RATIO_TEXT:
            raise ClaimcheckError("E004", path=source)
        return data.decode("utf-8")
    if data.startswith(_MAGIC) or _control_ratio(data) > _BINARY_RATIO_LEGACY:
        raise ClaimcheckError("E004", path=source)
    text = _decode_legacy(data)
    if text is None:
        raise ClaimcheckError("E005", path=source)
    return text


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _control_ratio(data: bytes) -> float:
    return (len(data) - len(data.translate(None, _CONTROL))) / max(1, len(data))


def _sniff_utf16(data: bytes) -> Optional[str]:
    """UTF-16 without BOM: NULs in (nearly) every high byte of one parity, none in the other."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0) / (len(data) / 2), data[1::2].count(0) / (len(data) / 2)
    codec = "utf-16-le" if odd > 0.3 and even < 0.05 else "utf-16-be" if even > 0.3 and odd < 0.05 else None
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _decode_legacy(data: bytes) -> Optional[str]:
    """The most plausible single-byte reading: cp1252 (or Latin-1) vs. charset-normalizer."""
    candidates: list[str] = []
    for codec in ("cp1252", "latin-1"):
        try:
            candidates.append(data.decode(codec))
            break
        except UnicodeDecodeError:
            continue
    guess = _charset_normalizer_guess(data)
    if guess is not None:
        candidates.append(guess)
    if not candidates:
        return None
    return max(candidates, key=_plausibility)  # max() keeps the first on ties: cp1252


def _charset_normalizer_guess(data: bytes) -> Optional[str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    # Multi-byte guesses (UTF-16 without its NUL pattern, CJK codecs) are spurious here.
    return text if len(text) == len(data) else None


def _plausibility(text: str) -> int:
    """Non-ASCII letters next to ASCII letters count for a reading, stray symbols and controls against it."""
    score = 0
    for i, ch in enumerate(text):
        if ord(ch) < 128 or ch in _TYPOGRAPHIC:
            continue
        if ch.isalpha():
            near = text[max(0, i - 1):i + 2]
            score += 1 if any(c.isascii() and c.isalpha() for c in near) else 0
        else:
            score -= 2 if ord(ch) < 0xA0 else 1
    return score


def max_bytes() -> int:
    """The input size limit in bytes (``CLAIMCHECK_MAX_MB``, else MAX_MB_DEFAULT)."""
    try:
        mb = float(os.environ.get("CLAIMCHECK_MAX_MB", MAX_MB_DEFAULT))
    except ValueError:
        mb = MAX_MB_DEFAULT
    return int(mb * 1_000_000)


def check_text_chars(text: str, source: str) -> None:
    """Lone surrogates (from an API caller; decoding never makes them) cannot be processed."""
    bad = _SURROGATE.search(text)
    if bad is not None:
        raise ClaimcheckError("E008", path=source, char=ord(bad.group()), pos=bad.start())


def read_text(path: Union[str, Path]) -> str:
    """Read and decode a file (a regular file, at most ``max_bytes()``); ``"-"`` reads stdin."""
    if str(path) == "-":
        return decode_bytes(_read_limited(sys.stdin.buffer, max_bytes(), "<stdin>"), "<stdin>")
    return decode_bytes(read_file(path), str(path))


def read_file(path: Union[str, Path]) -> bytes:
    """The raw bytes of a regular file of at most ``max_bytes()`` (errors name the file)."""
    name = str(path)
    try:
        return _read_file(name, max_bytes())
    except FileNotFoundError as exc:
        raise ClaimcheckError("E001", path=name) from exc
    except IsADirectoryError as exc:
        raise ClaimcheckError("E002", path=name, reason="ist ein Verzeichnis") from exc
    except PermissionError as exc:
        raise ClaimcheckError("E002", path=name, reason="keine Leseberechtigung") from exc
    except OSError as exc:
        raise ClaimcheckError("E002", path=name, reason=exc.strerror or str(exc)) from exc


def _read_file(name: str, limit: int) -> bytes:
    """Bytes of a regular file; FIFOs, devices and sockets are refused without blocking."""
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
    except OSError:
        os.close(fd)
        raise
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(name)
        raise ClaimcheckError("E002", path=name, reason="keine reguläre Datei")
    with open(fd, "rb") as fh:
        if st.st_size > limit:
            raise ClaimcheckError("E007", path=name, limit=f"{limit / 1e6:g}")
        return _read_limited(fh, limit, name)


def _read_limited(stream, limit: int, name: str) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ClaimcheckError("E007", path=name, limit=f"{limit / 1e6:g}")
    return data


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"'»«“”‘’)\]]*\s+")
_NEWLINE = re.compile(r"\n\s*")
_SPACE = re.compile(r"\s+")
_CUTS = (_BLANK_LINE, _SENTENCE_END, _NEWLINE, _SPACE)


def split_paragraph_chunks(text: str, max_chars: int) -> list[tuple[int, str]]:
    """Split ``text`` into consecutive ``(offset, chunk)`` pieces of at most ``max_chars``.

    ``text[offset:offset + len(chunk)] == chunk`` and the chunks concatenate to ``text``.
    Cuts are made after whitespace, preferring blank lines, then sentence ends, then line
    breaks, then any whitespace, so no word is split. Only a single "word" longer than
    ``max_chars`` (no whitespace at all) is cut hard.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    chunks: list[tuple[int, str]] = []
    pos = 0
    while len(text) - pos > max_chars:
        cut = _find_cut(text[pos:pos + max_chars])
        chunks.append((pos, text[pos:pos + cut]))
        pos += cut
    if pos < len(text) or not chunks:
        chunks.append((pos, text[pos:]))
    return chunks


def _find_cut(window: str) -> int:
    """Best cut position (1..len(window)) in a window: after the last preferred separator."""
    for min_cut in (len(window) // 2, 1):
        for pattern in _CUTS:
            last = None
            for last in pattern.finditer(window, min_cut - 1):
                pass
            if last is not None and last.end() >= min_cut:
                return last.end()
    return len(window)
