"""Sentence pieces of a spaCy Doc: the pipeline's sentences, cut at line breaks (headings have
no full stop) and into pieces of at most ``MAX_SENTENCE_TOKENS`` tokens; paragraph breaks."""
from __future__ import annotations

import re
from typing import Any

import numpy

_NEWLINE_RUN = re.compile(r"\n\s*")  # from the first line break of a whitespace run to its end
PARA_END = set('.!?:"“”»«')
# Longest sentence of the UD German treebanks: 60 tokens. Claim assembly compares the numbers,
# dates and mentions of a sentence with each other, so a run-on "sentence" (a list of 10,000
# numbers) is cut into pieces of at most this many tokens to keep the work linear in the text.
MAX_SENTENCE_TOKENS = 120
_PIECE_CUTS = {",", ";", ":", "–", "—"}
# Hard-wrapped text (agency feeds, e-mails, drafts wrapped by an editor) breaks lines inside
# sentences; a heading is a line of its own. A line that ends without a full stop continues its
# sentence when it is long: at least WRAP_MIN_CHARS and WRAP_SHARE of the text's longest line
# (a wrapped line fills its width; a heading of a text with one paragraph per line is far
# shorter than its paragraphs, and a short heading above a short text stays under WRAP_MIN_CHARS).
WRAP_MIN_CHARS = 60
WRAP_SHARE = 0.75
_TABLE_MARKS = ("|", "\t")


def paragraph_break(gap: str, last_char: str) -> bool:
    """A blank line, or a line break after a finished sentence (one paragraph per line);
    a line break inside a sentence (hard-wrapped text) is no break."""
    return "\n\n" in gap.replace(" ", "").replace("\t", "") or ("\n" in gap and last_char in PARA_END)


def line_split(doc: Any, text: str, max_tokens: int, table: Any, rows: list[list[int]]) -> list[tuple[int, int]]:
    """Sentence token ranges of the pipeline, further cut at line breaks (headings have no full
    stop); whitespace-only tokens are dropped at the edges. Reads the SENT_START column of the
    token rows (``table``: their array) instead of ``doc.sents``, which is slow on long documents."""
    n = len(doc)
    if n == 0:
        return []
    starts = [0] + [i for i in numpy.flatnonzero(table[:, 2] == 1).tolist() if i > 0]
    starts += [t.i + 1 for t in _newline_tokens(doc, text, _longest_line(text))]
    starts += _after_year_ends(doc, text)
    bounds = sorted(set(starts)) + [n]
    cleaned = []
    for first, last in zip(bounds, bounds[1:]):
        while first < last and rows[first][3]:
            first += 1
        while last > first and rows[last - 1][3]:
            last -= 1
        if first < last:
            cleaned += _cap_length(doc, first, last, max_tokens)
    return cleaned


def _cap_length(doc: Any, first: int, last: int, max_tokens: int = MAX_SENTENCE_TOKENS) -> list[tuple[int, int]]:
    """``[first, last)`` cut into pieces of at most ``max_tokens`` tokens, after the last
    comma-like token of each window's second half if there is one."""
    pieces = []
    while last - first > max_tokens:
        end = first + max_tokens
        cut = next((i + 1 for i in range(end - 1, end - max_tokens // 2, -1)
                    if doc[i].text in _PIECE_CUTS), end)
        pieces.append((first, cut))
        first = cut
    return pieces + [(first, last)]


# A year that ends a sentence ("… im November 2024. Waren lagen …") is one token with its full
# stop for the German tokenizer (as an ordinal would be: "am 3. Mai"), so the sentencizer sees no
# end there. A four-digit year before a capitalised word is no ordinal: the sentence ends.
_YEAR_END = re.compile(r"(?<![\d.,])(?:1[89]|20)\d\d\.(?=\s+[^\W\d_])")


def _after_year_ends(doc: Any, text: str) -> list[int]:
    """Token indices that start a sentence after a year with its full stop (``_YEAR_END``)."""
    out = []
    for m in _YEAR_END.finditer(text):
        nxt = text[m.end():m.end() + 40].lstrip()
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and nxt[:1].isupper() and span[-1].i + 1 < len(doc):
            out.append(span[-1].i + 1)
    return out


def _longest_line(text: str) -> int:
    return max(map(len, text.split("\n")), default=0)


def _newline_tokens(doc: Any, text: str, width: int) -> list[Any]:
    """Whitespace tokens holding a line break that ends a line, found via the text (no walk
    over all tokens); the line breaks of hard-wrapped sentences are left out."""
    out = []
    for start, end in _newline_runs(text):
        if wrapped_line(text, start, end, width):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out += [t for t in span if t.is_space and "\n" in t.text and not _wrapped_ordinal(doc, t)]
    return out


def _newline_runs(text: str) -> list[tuple[int, int]]:
    """The whitespace runs that hold a line break (the matches of ``\\s*\\n\\s*``), found from
    their line break: a pattern that starts with whitespace is tried at every position."""
    out = []
    for m in _NEWLINE_RUN.finditer(text):
        start = m.start()
        while start > 0 and text[start - 1].isspace():
            start -= 1
        out.append((start, m.end()))
    return out


def wrapped_line(text: str, start: int, end: int, width: int) -> bool:
    """Is the line break ``text[start:end]`` one of a hard-wrapped sentence: a single line
    break after a long line that ends in a word or comma, before a line that goes on in words?"""
    if text.count("\n", start, end) != 1 or end >= len(text):
        return False
    line = text[text.rfind("\n", 0, start) + 1:start]
    nxt_end = text.find("\n", end)
    nxt = text[end:nxt_end if nxt_end >= 0 else len(text)]
    if len(line) < max(WRAP_MIN_CHARS, WRAP_SHARE * width) or any(m in line or m in nxt for m in _TABLE_MARKS):
        return False
    return (line[-1].isalnum() or line[-1] in ",;–-") and (nxt[:1].isalnum() or nxt[:1] in "„\"»(")


def _wrapped_ordinal(doc: Any, tok: Any) -> bool:
    """A line ending in a day or ordinal ("bis zum 30." / "Juni") is a hard-wrapped line, not a
    sentence end: headings end in words, not in "30."."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and len(prev.text) <= 3 and prev.text.endswith(".") and prev.text[:-1].isdigit()
