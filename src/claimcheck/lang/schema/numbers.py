"""Schema of the number lexicon (numbers.yaml): word lists, hedges and tolerances."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from claimcheck.lang.schema.messages import Regex

HedgeKind = Literal[
    "approx", "above_near", "below_near", "just_over", "just_under",
    "more", "less", "at_least", "at_most", "range",
]


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


class Multiplicative(_Strict):
    """Number words with a suffix that counts occasions ("zweimal"): a count with its own unit."""

    suffix: str = Field(min_length=1)
    unit: str = Field(min_length=1)
    exclude: list[str]  # words with the suffix that count nothing ("einmal": "noch einmal")


class NumbersFile(_Strict):
    articles: list[str]
    article_scales: list[str]
    halves: list[str]
    not_counts: list[str]
    capitalised_ok: list[str]
    scales: dict[str, float]
    fractions: dict[str, float]
    half_suffix: str
    multiplicative: Multiplicative
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
    ordinal_cue_pattern: Regex = ""  # a word shape that cues an ordinal too (a name in the genitive)
    ordinal_fillers: list[str] = Field(default_factory=list)  # adverbs between a cue and its ordinal
    ordinal_words: dict[str, int]
    ordinal_endings: list[str] = Field(min_length=1)
    postcode_cues: list[str]
    street_suffixes: list[str]
    number_pieces: list[str] = Field(min_length=1)
    phone_min_digits: int = Field(ge=5)

    @field_validator("articles", "article_scales", "halves", "not_counts", "capitalised_ok",
                     "references", "ordinal_cues", "ordinal_fillers", "postcode_cues", "time_words", "score_words",
                     "street_suffixes", "number_pieces")
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
