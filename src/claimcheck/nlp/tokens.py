"""A spaCy-free view of a parsed text: tokens, sentences, paragraphs.

Extraction works on these plain records so that it can be tested without spaCy; ``from_doc``
converts a spaCy ``Doc`` (with or without POS tags and a dependency parse).
"""
from __future__ import annotations

from dataclasses import dataclass

from collections.abc import Sequence
from typing import Any, Mapping, NamedTuple, Optional

from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START

from claimcheck.nlp.sentences import MAX_SENTENCE_TOKENS, line_split, paragraph_break


# One row per token (offset, length, sentence start, is space), read once per Doc.
_ROW_ATTRS = [IDX, LENGTH, SENT_START, IS_SPACE]
_new_tuple = tuple.__new__


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
    for first, last in line_split(doc, text, max_tokens, table, rows):
        start_char, end_char = rows[first][0], rows[last - 1][0] + rows[last - 1][1]
        if sents and paragraph_break(text[prev_end:start_char], text[prev_end - 1]):
            paragraph += 1
        sents.append(Sentence(first, last, paragraph, start_char, end_char))
        prev_end = end_char
    return TokenView(text, _DocToks(doc, lemma_table, has_parse, text, rows), tuple(sents), has_parse)


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
