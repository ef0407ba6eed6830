"""Lexicon and token layer of the number grammar (:mod:`claimcheck.nlp.numbers`).

The text is masked (excluded spans, times like "12:18", phone numbers) and split into tokens;
the parser in ``numbers.py`` works on these tokens. The word lists and tolerances live in
``lang/de/numbers.yaml`` and are validated by :class:`NumbersFile`. Phrases of the lexicon
are split with the same tokenizer as the text, so "ca." and "mehr als" match token sequences.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Callable, NamedTuple, Optional, Sequence, TypeVar

from claimcheck.lang import pack
from claimcheck.lang.schema.numbers import HedgeEntry as HedgeEntry  # re-exported for nlp.numbers
from claimcheck.lang.schema.numbers import NumbersFile
from claimcheck.nlp.regex import trie_regex

MASK = "\x00"  # replaces excluded and blocked spans before tokenizing

# Digits with German separators: "1.000", "10 000" (space, no-break or thin space), "2,5", "35".
_NUM = (
    r"(?<![\w.,])"
    r"(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,3}(?:[ \u00a0\u202f\u2009][0-9]{3})+|[0-9]+)"
    r"(?:,[0-9]+)?"
    r"(?![\w]|[.,][0-9])"
)
_TOKEN = re.compile(rf"(?P<num>{_NUM})|(?P<word>[^\W\d_]+)|(?P<mask>{MASK}+)|(?P<sym>§+|\S)")

# Digit patterns that are never counts: "12:18", "3:1"; phone numbers ("+49 30 123456",
# "030 1234567", "0171/1234567"); "24/7", "2015/16"; "123-456-789".
_BLOCKED = [
    r"[0-9]+\s?:\s?[0-9]+",
    r"\+\s?[0-9][0-9 ()/\-]{5,}[0-9]",
    r"0(?<![\w.,]0)(?<![0-9][ \u00a0\u202f\u2009]0)[0-9]+(?:[ /\-]?[0-9]{2,})*",
    r"[0-9]+(?:/[0-9]+)+",
    r"[0-9]+(?:-[0-9]+){2,}",
]


_new = tuple.__new__  # builds a Token without NamedTuple.__new__'s argument handling


class Token(NamedTuple):
    kind: str  # "num", "word", "mask", "sym"
    text: str
    start: int
    end: int
    low: str  # lowercased text

    @property
    def value(self) -> Decimal:
        """Numeric value of a "num" token ("1.000" -> 1000, "2,5" -> 2.5)."""
        digits = re.sub(r"[.\s\u00a0\u202f\u2009]", "", self.text).replace(",", ".")
        return Decimal(digits)


def tokenize(text: str, start: int = 0, end: Optional[int] = None) -> list[Token]:
    matches = _TOKEN.finditer(text, start, len(text) if end is None else end)
    return [_new(Token, (m.lastgroup or "sym", g, m.start(), m.end(), g.lower()))
            for m in matches for g in (m.group(),)]


def token_windows(masked: str, trigger: re.Pattern,
                  number_word: Optional[Callable[[str], bool]] = None) -> list[list[Token]]:
    """Tokens of the parts of ``masked`` around trigger matches (digits, number words), each
    part with at least _BEFORE tokens before its first and _AFTER after its last trigger (or
    reaching the text edge). Everywhere else the parser finds nothing, so it can skip it.
    ``number_word``: whether a word that holds a number piece can be one ("gemacht" holds
    "acht" but is none); without it every such word opens a window."""
    low = masked.lower()
    if len(low) != len(masked):
        return [tokenize(masked)]
    spans = [m.span() for m in trigger.finditer(low)
             if number_word is None or "0" <= low[m.start()] <= "9" or number_word(_word_at(low, *m.span()))]
    out: list[tuple[int, int]] = []
    for window in _windows(masked, spans):
        a, b = _widened(masked, *window)
        if out and a <= out[-1][1]:  # widened into the previous window: join them
            a = out.pop()[0]
        out.append((a, b))
    return [tokenize(masked, a, b) for a, b in out]


def _word_at(low: str, start: int, end: int) -> str:
    """The letter run (a word token) around ``low[start:end]``."""
    a, b = start, end
    while a > 0 and _LETTER.match(low, a - 1):
        a -= 1
    while b < len(low) and _LETTER.match(low, b):
        b += 1
    return low[a:b]


_LETTER = re.compile(r"[^\W\d_]")
_MARGIN, _BEFORE, _AFTER = 48, 8, 12
_CUT = re.compile(r"\s(?![0-9])")  # no token spans the position after this whitespace
_CHUNK = re.compile(r"\S+")


def _windows(masked: str, spans: list[tuple[int, int]]) -> list[list[int]]:
    """[start, end, first trigger start, last trigger end] of merged windows, cut after
    whitespace (where tokenizing a slice gives the same tokens as the whole text)."""
    out: list[list[int]] = []
    for s, e in spans:
        if out and s - _MARGIN <= out[-1][1]:
            if e + _MARGIN > out[-1][1]:
                out[-1][1] = _cut_right(masked, e + _MARGIN)
            out[-1][3] = e
        else:
            out.append([_cut_left(masked, s - _MARGIN, out[-1][1] if out else 0),
                        _cut_right(masked, e + _MARGIN), s, e])
        if len(out) > 1 and out[-1][0] <= out[-2][1]:
            last = out.pop()
            out[-1][1], out[-1][3] = max(out[-1][1], last[1]), last[3]
    return out


def _cut_left(masked: str, x: int, low: int) -> int:
    c = max(x, low)
    while c > low and not (masked[c - 1].isspace() and not "0" <= masked[c] <= "9"):
        c -= 1
    return c


def _cut_right(masked: str, x: int) -> int:
    m = _CUT.search(masked, x) if x < len(masked) else None
    return m.end() if m else len(masked)


def _widened(masked: str, a: int, b: int, first: int, last: int) -> tuple[int, int]:
    """[a, b) widened until the token margins around the triggers hold. Tokens are counted
    from below by whitespace-separated chunks (the chunk holding a trigger counts once more)."""
    while a > 0 and len(_CHUNK.findall(masked, a, first)) <= _BEFORE:
        a = _cut_left(masked, a - _MARGIN, 0)
    while b < len(masked) and len(_CHUNK.findall(masked, last, b)) <= _AFTER:
        b = _cut_right(masked, b + _MARGIN)
    return a, b


def mask(text: str, exclude: Sequence[tuple[int, int]], phone_min_digits: int) -> str:
    """``text`` with excluded spans and blocked digit patterns replaced by MASK characters
    (same length, so offsets are kept)."""
    n, pieces, pos = len(text), [], 0
    for s, e in _merged(exclude, n):
        pieces += [text[pos:s], MASK * (e - s)]
        pos = e
    masked = "".join(pieces) + text[pos:] if pieces else text
    for pattern in _blocked(phone_min_digits):
        masked = pattern.sub(lambda m: MASK * len(m.group()), masked)
    return masked


def _merged(ranges: Sequence[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """The non-empty ranges clipped to [0, n), sorted and merged."""
    out: list[tuple[int, int]] = []
    for s, e in sorted((max(0, s), min(n, e)) for s, e in ranges):
        if s >= e:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


@lru_cache(maxsize=8)
def _blocked(phone_min_digits: int) -> list[re.Pattern]:
    # Leading lookbehinds are moved behind the first character ("(?<!x)0" == "0(?<!x0)"), so
    # every pattern starts with a character and the regex engine can skip to candidates fast.
    long_run = rf"[0-9](?<![0-9][0-9])[0-9]{{{phone_min_digits - 1},}}(?![0-9])"
    return [re.compile(p) for p in [*_BLOCKED, long_run]]


class Overlaps:
    """``overlaps(start, end)`` == ``any(s < end and start < e for s, e in ranges)`` for a
    non-empty [start, end), by binary search over the merged ranges."""

    def __init__(self, ranges: Sequence[tuple[int, int]]) -> None:
        proper = _merged([(s, e) for s, e in ranges if s < e], max((e for _, e in ranges), default=0))
        self.starts = [s for s, _ in proper]
        self.ends = [e for _, e in proper]
        self.odd = [(s, e) for s, e in ranges if s >= e]  # reversed ranges still "overlap"

    def __call__(self, start: int, end: int) -> bool:
        k = bisect_right(self.ends, start)
        if k < len(self.starts) and self.starts[k] < end:
            return True
        return any(s < end and start < e for s, e in self.odd)


def glued(toks: list[Token], a: int, b: int) -> bool:
    """Tokens ``a`` and ``b`` exist and touch ("35-Jährige")."""
    return 0 <= a < b < len(toks) and toks[a].end == toks[b].start


def noun_at(toks: list[Token], k: int) -> bool:
    """A capitalised word (a German noun, e.g. the counted noun) at ``k``."""
    return k < len(toks) and toks[k].kind == "word" and toks[k].text[:1].isupper()


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(t.low for t in tokenize(phrase))


E = TypeVar("E")


@dataclass(eq=False)  # hashed by identity: grammars built from it are cached per lexicon
class NumbersLexicon:
    """The validated file with its phrase tables (keys are lowercase token tuples)."""

    data: NumbersFile
    hedges: PhraseTable = field(init=False)
    vague: PhraseTable = field(init=False)
    scales: PhraseTable = field(init=False)
    units: PhraseTable = field(init=False)
    references: PhraseTable = field(init=False)
    trigger: re.Pattern = field(init=False)
    known_starts: dict[str, bool] = field(init=False, default_factory=dict)  # may_start by word
    number_words: dict[str, bool] = field(init=False, default_factory=dict)  # parse._number_word by word

    def __post_init__(self) -> None:
        d = self.data
        self.trigger = _trigger(d)
        self.hedges = PhraseTable({phrase_key(p): h for h in d.hedges for p in h.phrases})
        self.vague = PhraseTable({phrase_key(w): v for v in d.vague for w in v.words})
        self.scales = PhraseTable({phrase_key(w): Decimal(str(x)) for w, x in d.scales.items()})
        self.units = PhraseTable({phrase_key(w): u for w, u in d.units.items()})
        self.references = PhraseTable({phrase_key(w): True for w in d.references})


    def may_start(self, tok: Token) -> bool:
        """False when no quantity, reference or hedge can start at ``tok``: the parser would
        return nothing and move on by one token."""
        if tok.kind == "num":
            return True
        low = tok.low
        known = self.known_starts.get(low)
        if known is None:
            known = (low in self.references.firsts or low in self.hedges.firsts
                     or low in self.vague.firsts or low in self.data.articles
                     or (tok.kind == "word" and self.trigger.search(low) is not None))
            if len(self.known_starts) < 100_000:
                self.known_starts[low] = known
        return known


class PhraseTable(dict):
    """Lowercase token tuple -> entry, with the set of first tokens for a fast miss."""

    def __init__(self, items: dict) -> None:
        super().__init__(items)
        self.firsts = {key[0] for key in self if key}
        self.longest = max((len(key) for key in self), default=0)
        self.prefixes = {key[:n] for key in self for n in range(1, len(key) + 1)}
        self.words = {w for key in self for w in key}  # every word of every phrase


def match_phrase(toks: list[Token], i: int, table: PhraseTable) -> tuple[Optional[E], int]:
    """Longest phrase of ``table`` starting at token ``i``: (entry, index after it) or (None, i).
    The key grows token by token while it is the start of some phrase."""
    if i >= len(toks) or toks[i].low not in table.firsts:
        return None, i
    key: tuple[str, ...] = (toks[i].low,)
    found, end = (table[key], i + 1) if key in table else (None, i)
    for k in range(i + 1, min(i + table.longest, len(toks))):
        key += (toks[k].low,)
        if key not in table.prefixes:
            break
        if key in table:
            found, end = table[key], k + 1
    return found, end


def _trigger(d: NumbersFile) -> re.Pattern:
    """Digits, or a letter run containing a number piece, vague, scale or fraction word."""
    words = [*d.number_pieces, d.half_suffix, *d.fractions, *d.scales, *d.article_scales,
             *(w for v in d.vague for w in v.words)]
    pieces = {p for w in words for p in re.findall(r"[^\W\d_]+", w.lower())} - set(d.articles)
    # Every alternative starts with a plain character, so the engine skips to candidates fast.
    digits = [f"{d}[0-9]*" for d in "0123456789"]
    return re.compile("|".join(digits + [trie_regex(pieces, group=False)]))


@lru_cache(maxsize=None)
def numbers_lexicon(lang: str = "de") -> NumbersLexicon:
    return NumbersLexicon(pack(lang).numbers)
