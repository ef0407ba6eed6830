"""A spaCy-free view of a parsed text: tokens, sentences, paragraphs.

Extraction works on these plain records so that it can be tested without spaCy; ``from_doc``
converts a spaCy ``Doc`` (with or without POS tags and a dependency parse).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy
import re
from collections.abc import Sequence
from typing import Any, Mapping, NamedTuple, Optional

from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START


_NEWLINE_RUN = re.compile(r"\n\s*")  # from the first line break of a whitespace run to its end
PARA_END = set('.!?:"“”»«')
# Longest sentence of the UD German treebanks: 60 tokens. Claim assembly compares the numbers,
# dates and mentions of a sentence with each other, so a run-on "sentence" (a list of 10,000
# numbers) is cut into pieces of at most this many tokens to keep the work linear in the text.
MAX_SENTENCE_TOKENS = 120
# One row per token (offset, length, sentence start, is space), read once per Doc.
_ROW_ATTRS = [IDX, LENGTH, SENT_START, IS_SPACE]
_new_tuple = tuple.__new__
_PIECE_CUTS = {",", ";", ":", "–", "—"}


class _TokFields(NamedTuple):
    i: int
    text: str
    lemma: str
    start: int
    end: int
    pos: str = ""
    tag: str = ""
    dep: str = ""
    head: int = -1  # index of the head token, -1 when there is no parse
    lower: str = ""  # text.lower(), set on creation (read ~6 times per token)


class Tok(_TokFields):
    """One token: an immutable record (a named tuple: built in a fraction of a dataclass's
    time, and extraction builds one per token of every sentence with a number or a date)."""

    __slots__ = ()

    def __new__(cls, i: int, text: str, lemma: str, start: int, end: int, pos: str = "", tag: str = "",
                dep: str = "", head: int = -1, lower: str = "") -> "Tok":
        return _new_tuple(cls, (i, text, lemma, start, end, pos, tag, dep, head, text.lower()))

    def _replace(self, **changes: Any) -> "Tok":
        return Tok(**{**self._asdict(), **changes})  # ``lower`` follows the text

    @property
    def is_punct(self) -> bool:
        return all(not c.isalnum() for c in self.text)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True)
class Sentence:
    start: int  # first token index
    end: int  # one past the last token index
    paragraph: int
    char_start: int
    char_end: int


@dataclass(frozen=True)
class TokenView:
    text: str
    toks: Sequence[Tok]
    sents: tuple[Sentence, ...]
    has_parse: bool = False

    def sent_toks(self, sent: Sentence) -> Sequence[Tok]:
        return self.toks[sent.start:sent.end]


class _DocToks(Sequence):
    """Tok records built on demand from a spaCy Doc: extraction only looks at the few sentences
    that hold a number or a date, so most tokens never need a Python record. Without tags,
    lemmas and parse (a blank pipeline) a record is read from one array of the Doc (offset,
    length, sentence start) and the text, without a spaCy Token object per token."""

    def __init__(self, doc: Any, lemma_table: Optional[Mapping[str, str]], has_parse: bool,
                 text: str, rows: list[list[int]]) -> None:
        self.doc, self.table, self.has_parse, self.text, self.rows = doc, lemma_table, has_parse, text, rows
        self.cache: dict[int, Tok] = {}
        # a blank pipeline sets no tags and lemmas: skip their string lookups per token
        self.has_tags = doc.has_annotation("TAG") or doc.has_annotation("POS")
        self.has_lemmas = doc.has_annotation("LEMMA")
        last = doc[-1] if len(doc) else None
        aligned = last is None or last.idx + len(last.text_with_ws) == len(text)
        self.plain = aligned and not (self.has_tags or self.has_lemmas or has_parse)

    def __len__(self) -> int:
        return len(self.doc)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            if step != 1:
                return [self[k] for k in range(start, stop, step)]
            if self.plain:
                return self._plain_slice(start, stop)
            cache, out = self.cache, []
            for t in self.doc[start:max(start, stop)]:  # one Span walk, not a lookup per index
                tok = cache.get(t.i)
                if tok is None:
                    tok = cache[t.i] = self._make(t, t.i)
                out.append(tok)
            return out
        tok = self.cache.get(i)
        if tok is None:
            if self.plain:
                k = i + len(self) if -len(self) <= i < 0 else i
                return self._plain_slice(k, k + 1)[0] if 0 <= k < len(self) else self.doc[i]  # IndexError
            tok = self.cache[i] = self._make(self.doc[i], i)
        return tok

    def _plain_slice(self, start: int, stop: int) -> list[Tok]:
        cache, rows, text, table, out = self.cache, self.rows, self.text, self.table, []
        memo = _lemma_memo(table)
        for i in range(start, max(start, stop)):
            tok = cache.get(i)
            if tok is None:
                idx, length, sent_start, _space = rows[i]
                word = text[idx:idx + length]
                key = (word, sent_start == 1)
                lemma = memo.get(key)
                if lemma is None:
                    lemma = _lemma(table, word, "", key[1])
                    if len(memo) < _LEMMA_MEMO_SIZE:
                        memo[key] = lemma
                tok = cache[i] = _new_tuple(Tok, (i, word, lemma, idx, idx + length, "", "", "", -1, word.lower()))
            out.append(tok)
        return out

    def _make(self, t: Any, i: int) -> Tok:
        text, idx = t.text, t.idx
        lemma = _lemma(self.table, text, t.lemma_ if self.has_lemmas else "", t.is_sent_start)
        pos, tag = (t.pos_, t.tag_) if self.has_tags else ("", "")
        return Tok(i, text, lemma, idx, idx + len(text), pos, tag,
                   t.dep_ if self.has_parse else "", t.head.i if self.has_parse else -1)


def from_doc(doc: Any, lemma_table: Optional[Mapping[str, str]] = None,
             text: Optional[str] = None, max_tokens: int = MAX_SENTENCE_TOKENS) -> TokenView:
    """Build a TokenView from a spaCy Doc (sentences must be set).

    ``lemma_table`` (word -> lemma) lemmatises the last part of hyphenated compounds that the
    pipeline left alone ("US-Vertretern" -> "US-Vertreter").
    """
    has_parse = doc.has_annotation("DEP")
    text = doc.text if text is None else text  # doc.text joins all tokens: read it once
    table = doc.to_array(_ROW_ATTRS) if len(doc) else None
    rows: list[list[int]] = table.tolist() if table is not None else []
    sents: list[Sentence] = []
    paragraph = 0
    prev_end = 0
    for first, last in _line_split(doc, text, max_tokens, table, rows):
        start_char, end_char = rows[first][0], rows[last - 1][0] + rows[last - 1][1]
        if sents and _paragraph_break(text[prev_end:start_char], text[prev_end - 1]):
            paragraph += 1
        sents.append(Sentence(first, last, paragraph, start_char, end_char))
        prev_end = end_char
    return TokenView(text, _DocToks(doc, lemma_table, has_parse, text, rows), tuple(sents), has_parse)


def _paragraph_break(gap: str, last_char: str) -> bool:
    """A blank line, or a line break after a finished sentence (one paragraph per line);
    a line break inside a sentence (hard-wrapped text) is no break."""
    return "\n\n" in gap.replace(" ", "").replace("\t", "") or ("\n" in gap and last_char in PARA_END)


def _line_split(doc: Any, text: str, max_tokens: int, table: Any, rows: list[list[int]]) -> list[tuple[int, int]]:
    """Sentence token ranges of the pipeline, further cut at line breaks (headings have no full
    stop); whitespace-only tokens are dropped at the edges. Reads the SENT_START column of the
    token rows (``table``: their array) instead of ``doc.sents``, which is slow on long documents."""
    n = len(doc)
    if n == 0:
        return []
    starts = [0] + [i for i in numpy.flatnonzero(table[:, 2] == 1).tolist() if i > 0]
    starts += [t.i + 1 for t in _newline_tokens(doc, text)]
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


def _newline_tokens(doc: Any, text: str) -> list[Any]:
    """Whitespace tokens holding a line break, found via the text (no walk over all tokens)."""
    out = []
    for start, end in _newline_runs(text):
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


def _wrapped_ordinal(doc: Any, tok: Any) -> bool:
    """A line ending in a day or ordinal ("bis zum 30." / "Juni") is a hard-wrapped line, not a
    sentence end: headings end in words, not in "30."."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and len(prev.text) <= 3 and prev.text.endswith(".") and prev.text[:-1].isdigit()


_LEMMA_MEMOS: dict[int, tuple[Any, dict[tuple[str, bool], str]]] = {}
_LEMMA_MEMO_SIZE = 200_000  # (word, sentence-initial) pairs kept per lemma table


def _lemma_memo(table: Optional[Mapping[str, str]]) -> dict[tuple[str, bool], str]:
    """The lemmas found with ``table`` so far (a word's lemma depends on the word and on whether
    it opens a sentence only; lookup tables are never changed)."""
    hit = _LEMMA_MEMOS.get(id(table))
    if hit is None or hit[0] is not table:
        hit = _LEMMA_MEMOS[id(table)] = (table, {})
    return hit[1]


def _lemma(table: Optional[Mapping[str, str]], text: str, given: str, sent_start: Any) -> str:
    lemma = given or (table.get(text, text) if table is not None else text)
    if table is not None and lemma == text and text[:1].isupper() and sent_start:
        lower = text.lower()  # sentence-initial "Ausgewiesen wurden ..."
        lemma = table.get(lower, lemma) if lower in table else lemma
    if table is not None and "-" in text and lemma == text:
        head, _, last = text.rpartition("-")
        if last:
            return f"{head}-{table.get(last, last)}"
    return lemma
