"""Lexicon and token layer of the number grammar (:mod:`claimcheck.nlp.numbers`).

The text is masked (excluded spans, times like "12:18", phone numbers) and split into tokens;
the parser in ``numbers.py`` works on these tokens. The word lists and tolerances live in
``resources/de/numbers.yaml`` and are validated by :class:`NumbersFile`. Phrases of the lexicon
are split with the same tokenizer as the text, so "ca." and "mehr als" match token sequences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Literal, Optional, Sequence, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from claimcheck.resources import load_resource

HedgeKind = Literal[
    "approx", "above_near", "below_near", "just_over", "just_under",
    "more", "less", "at_least", "at_most", "range",
]

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
    r"(?<![\w.,])(?<![0-9][ \u00a0\u202f\u2009])0[0-9]+(?:[ /\-]?[0-9]{2,})*",
    r"[0-9]+(?:/[0-9]+)+",
    r"[0-9]+(?:-[0-9]+){2,}",
]


@dataclass(frozen=True)
class Token:
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


def tokenize(text: str) -> list[Token]:
    return [Token(m.lastgroup or "sym", m.group(), m.start(), m.end(), m.group().lower())
            for m in _TOKEN.finditer(text)]


def mask(text: str, exclude: Sequence[tuple[int, int]], phone_min_digits: int) -> str:
    """``text`` with excluded spans and blocked digit patterns replaced by MASK characters
    (same length, so offsets are kept)."""
    chars = list(text)
    for s, e in exclude:
        for k in range(max(0, s), min(len(text), e)):
            chars[k] = MASK
    masked = "".join(chars)
    long_run = rf"(?<![0-9])[0-9]{{{phone_min_digits},}}(?![0-9])"
    for pattern in [*_BLOCKED, long_run]:
        masked = re.sub(pattern, lambda m: MASK * len(m.group()), masked)
    return masked


def glued(toks: list[Token], a: int, b: int) -> bool:
    """Tokens ``a`` and ``b`` exist and touch ("35-Jährige")."""
    return 0 <= a < b < len(toks) and toks[a].end == toks[b].start


def noun_at(toks: list[Token], k: int) -> bool:
    """A capitalised word (a German noun, e.g. the counted noun) at ``k``."""
    return k < len(toks) and toks[k].kind == "word" and toks[k].text[:1].isupper()


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(t.low for t in tokenize(phrase))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class VagueEntry(_Strict):
    words: list[str] = Field(min_length=1)
    low: float = Field(ge=0)
    high: Optional[float] = Field(default=None, ge=0)
    multiplies: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> "VagueEntry":
        if self.high is not None and self.high < self.low:
            raise ValueError(f"high {self.high} is below low {self.low}")
        return self


class HedgeEntry(_Strict):
    hedge: str
    kind: HedgeKind
    phrases: list[str] = Field(min_length=1)
    connector: Optional[str] = None

    @model_validator(mode="after")
    def _range_has_connector(self) -> "HedgeEntry":
        if (self.kind == "range") != (self.connector is not None):
            raise ValueError("a connector is required for kind 'range' and only there")
        return self


class Tolerance(_Strict):
    approx_min: float = Field(gt=0, lt=1)
    approx_max: float = Field(gt=0, lt=1)
    near: float = Field(gt=0, lt=1)


class NumbersFile(_Strict):
    articles: list[str]
    article_scales: list[str]
    halves: list[str]
    not_counts: list[str]
    capitalised_ok: list[str]
    scales: dict[str, float]
    fractions: dict[str, float]
    half_suffix: str
    units: dict[str, str]
    vague: list[VagueEntry]
    vague_blockers: list[str]
    hedges: list[HedgeEntry]
    range_connectors: list[str] = Field(min_length=1)
    range_hedge: str
    tolerance: Tolerance
    time_words: list[str]
    score_words: list[str]
    references: list[str]
    reference_connectors: list[str]
    ordinal_cues: list[str]
    postcode_cues: list[str]
    street_suffixes: list[str]
    phone_min_digits: int = Field(ge=5)

    @field_validator("articles", "article_scales", "halves", "not_counts", "capitalised_ok",
                     "references", "ordinal_cues", "postcode_cues", "time_words", "score_words",
                     "street_suffixes")
    @classmethod
    def _lowercase(cls, words: list[str]) -> list[str]:
        for w in words:
            if w != w.lower() or not w.strip():
                raise ValueError(f"{w!r}: words must be lowercase and non-empty")
        return words

    @field_validator("scales")
    @classmethod
    def _scale_keys_known(cls, scales: dict[str, float], info) -> dict[str, float]:
        missing = [w for w in info.data.get("article_scales", []) if w not in scales]
        if missing:
            raise ValueError(f"article_scales without a scale value: {missing}")
        return scales


E = TypeVar("E")


@dataclass
class NumbersLexicon:
    """The validated file with its phrase tables (keys are lowercase token tuples)."""

    data: NumbersFile
    hedges: PhraseTable = field(init=False)
    vague: PhraseTable = field(init=False)
    scales: PhraseTable = field(init=False)
    units: PhraseTable = field(init=False)
    references: PhraseTable = field(init=False)

    def __post_init__(self) -> None:
        d = self.data
        self.hedges = PhraseTable({phrase_key(p): h for h in d.hedges for p in h.phrases})
        self.vague = PhraseTable({phrase_key(w): v for v in d.vague for w in v.words})
        self.scales = PhraseTable({phrase_key(w): Decimal(str(x)) for w, x in d.scales.items()})
        self.units = PhraseTable({phrase_key(w): u for w, u in d.units.items()})
        self.references = PhraseTable({phrase_key(w): True for w in d.references})


class PhraseTable(dict):
    """Lowercase token tuple -> entry, with the set of first tokens for a fast miss."""

    def __init__(self, items: dict) -> None:
        super().__init__(items)
        self.firsts = {key[0] for key in self if key}
        self.longest = max((len(key) for key in self), default=0)


def match_phrase(toks: list[Token], i: int, table: PhraseTable) -> tuple[Optional[E], int]:
    """Longest phrase of ``table`` starting at token ``i``: (entry, index after it) or (None, i)."""
    if i >= len(toks) or toks[i].low not in table.firsts:
        return None, i
    for n in range(min(table.longest, len(toks) - i), 0, -1):
        key = tuple(t.low for t in toks[i:i + n])
        if key in table:
            return table[key], i + n
    return None, i


@lru_cache(maxsize=None)
def numbers_lexicon(lang: str = "de") -> NumbersLexicon:
    return NumbersLexicon(load_resource("numbers.yaml", NumbersFile, lang))
