"""Decoding, reading and chunking of draft texts (claimcheck.io)."""
from __future__ import annotations

import io as stdio
import os
import random
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.errors import ClaimcheckError
from claimcheck import io as cc_io
from claimcheck.io import decode_bytes, read_text, split_paragraph_chunks

GERMAN = "Größe, Übermut und Äpfel: Die Straße in München – „rund 35 Diplomaten“ wurden ausgewiesen."


def _code(data: bytes) -> str:
    with pytest.raises(ClaimcheckError) as info:
        decode_bytes(data, "x.txt")
    assert "x.txt" in info.value.message
    return info.value.code


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                   "utf-32", "cp1252"])
def test_decodes_german_in_common_encodings(codec):
    assert decode_bytes(GERMAN.encode(codec), "x") == GERMAN


@pytest.mark.parametrize("word", ["Müller", "Größe", "ß", "Übermut", "Ärger über Öl"])
def test_short_legacy_words_are_cp1252(word):
    assert decode_bytes(word.encode("cp1252"), "x") == word
    assert decode_bytes(word.encode("latin-1"), "x") == word


def test_latin1_bytes_undefined_in_cp1252():
    assert decode_bytes(b"Gr\xf6\xdfe \x81", "x") == "Größe \x81"


def test_non_german_legacy_falls_back_to_charset_normalizer():
    polish = "Zażółć gęślą jaźń, łódź i źdźbło."
    assert decode_bytes(polish.encode("cp1250"), "x") == polish


def test_bom_removed_and_crlf_to_lf_only():
    data = b"\xef\xbb\xbfeins\r\nzwei\rdrei\n"
    assert decode_bytes(data, "x") == "eins\nzwei\rdrei\n"


def test_isolated_nul_becomes_space_same_length():
    assert decode_bytes(b"35 Diplo\x00maten", "x") == "35 Diplo maten"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf", "  ".encode("utf-16")])
def test_empty_is_E003(data):
    assert _code(data) == "E003"


def test_binary_is_E004():
    rnd = random.Random(1)
    png = b"\x89PNG\r\n\x1a\n" + bytes(rnd.randrange(256) for _ in range(4000))
    assert _code(png) == "E004"
    assert _code(bytes(rnd.randrange(256) for _ in range(4000))) == "E004"
    assert _code(b"\x00" * 500) == "E004"
    assert _code(b"%PDF-1.4\n" + bytes(range(256)) * 4) == "E004"


def test_read_text_errors(tmp_path, monkeypatch):
    with pytest.raises(ClaimcheckError) as info:
        read_text(tmp_path / "missing.txt")
    assert info.value.code == "E001"
    with pytest.raises(ClaimcheckError) as info:
        read_text(tmp_path)
    assert info.value.code == "E002" and "Verzeichnis" in info.value.message
    secret = tmp_path / "secret.txt"
    secret.write_text("x")

    def deny(name, limit):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cc_io, "_read_file", deny)
    with pytest.raises(ClaimcheckError) as info:
        read_text(secret)
    assert info.value.code == "E002" and "Leseberechtigung" in info.value.message


def test_read_text_file_and_stdin(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(GERMAN.encode("cp1252"))
    assert read_text(path) == GERMAN and read_text(str(path)) == GERMAN
    fake_stdin = stdio.TextIOWrapper(stdio.BytesIO(GERMAN.encode("utf-16")))
    monkeypatch.setattr(sys, "stdin", fake_stdin)
    assert read_text("-") == GERMAN


def _check_chunks(text: str, max_chars: int) -> list[tuple[int, str]]:
    chunks = split_paragraph_chunks(text, max_chars)
    assert "".join(c for _, c in chunks) == text
    for offset, chunk in chunks:
        assert text[offset:offset + len(chunk)] == chunk
        assert 0 < len(chunk) <= max_chars or text == ""
    return chunks


def test_chunks_prefer_blank_lines_then_sentences():
    para = "Erster Satz hier. Zweiter Satz folgt!\n\n"
    chunks = _check_chunks(para * 10, len(para) * 3 + 5)
    assert all(c.endswith("\n\n") for _, c in chunks[:-1])
    line = "Ein Satz mit Wörtern. " * 100
    assert all(c.endswith(". ") for _, c in _check_chunks(line, 100)[:-1])


def test_chunks_never_split_words():
    text = " ".join(["Donaudampfschifffahrt"] * 2000)
    for _, chunk in _check_chunks(text, 1000)[:-1]:
        assert chunk.endswith(" ")


def test_chunks_of_300k_single_line_and_giant_word():
    text = ("Bei den Gesprächen ging es um 35 Diplomaten " * 7000)[:300_000]
    assert len(_check_chunks(text, 100_000)) in (3, 4)
    assert len(_check_chunks("x" * 2500, 1000)) == 3
    assert split_paragraph_chunks("", 10) == [(0, "")]
    assert split_paragraph_chunks("kurz", 10) == [(0, "kurz")]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .!\n\t«»"), max_size=400), st.integers(1, 60))
def test_chunks_property(text, max_chars):
    _check_chunks(text, max_chars)
    if text:
        for offset, chunk in split_paragraph_chunks(text, max_chars)[1:]:
            left, right = text[offset - 1], text[offset]
            assert left.isspace() or not (left.isalpha() and right.isalpha()) or len(chunk) <= max_chars


def test_hostile_files_from_disk(tmp_path):
    files = {
        "crlf.txt": (GERMAN + "\r\n").encode() * 3,
        "nul.txt": b"35\x00Diplomaten",
        "u16.txt": GERMAN.encode("utf-16"),
        "long.txt": ("Satz. " * 60_000).encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        assert "\r\n" not in read_text(tmp_path / name)
    assert len(read_text(tmp_path / "long.txt")) == 360_000
    os.symlink(tmp_path / "nowhere", tmp_path / "dangling.txt")
    with pytest.raises(ClaimcheckError) as info:
        read_text(tmp_path / "dangling.txt")
    assert info.value.code == "E001"


def _fifo(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
@pytest.mark.parametrize("special", [_fifo, lambda _tmp: Path("/dev/zero")])
def test_special_files_are_refused_without_blocking(tmp_path, special):
    path = special(tmp_path)
    if not path.exists():
        pytest.skip(f"{path} does not exist here")
    with pytest.raises(ClaimcheckError) as info:
        read_text(path)
    assert info.value.code == "E002" and "keine reguläre Datei" in info.value.message
    assert str(path) in info.value.message


@pytest.mark.parametrize("size,limit,code", [(900, "0.001", None), (1100, "0.001", "E007"),
                                             (1100, "0.002", None)])
def test_size_limit_for_files_and_stdin(tmp_path, monkeypatch, size, limit, code):
    monkeypatch.setenv("CLAIMCHECK_MAX_MB", limit)
    path = tmp_path / "big.txt"
    path.write_bytes(b"Die USA wiesen 35 Diplomaten aus. "[:34] * (size // 34) + b"x" * (size % 34))
    monkeypatch.setattr(sys, "stdin", stdio.TextIOWrapper(stdio.BytesIO(path.read_bytes())))
    for source in (path, "-"):
        if code is None:
            assert len(read_text(source)) == size
            continue
        with pytest.raises(ClaimcheckError) as info:
            read_text(source)
        assert info.value.code == code
        assert ("<stdin>" if source == "-" else str(path)) in info.value.message


@pytest.mark.parametrize("text,pos", [("Ende 2016 \ud800 35", 10), ("\udfff", 0), ("a\udc80b", 1)])
def test_lone_surrogates_are_a_claimcheck_error(text, pos):
    with pytest.raises(ClaimcheckError) as info:
        cc_io.check_text_chars(text, "draft")
    assert info.value.code == "E008" and f"Position {pos}" in info.value.message


def test_checker_rejects_lone_surrogates(checker):
    with pytest.raises(ClaimcheckError):
        checker.check_text("Ende 2016 wiesen die USA \ud800 35 Diplomaten aus.")
