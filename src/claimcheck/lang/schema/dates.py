"""Schema of the time-expression lexicon (dates.yaml)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

# START/MID/END of a period ("Anfang 2016"); the words for them are data (``modifiers``).
Modifier = Literal["start", "mid", "end"]

Unit = Literal["year", "month", "week", "day"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MonthEntry(_Strict):
    number: int = Field(ge=1, le=12)
    names: list[str] = Field(min_length=1)
    abbreviations: list[str] = Field(default_factory=list)


class SeasonEntry(_Strict):
    names: list[str] = Field(min_length=1)
    first_month: int = Field(ge=1, le=12)
    last_month: int = Field(ge=1, le=12)


class UnitForms(_Strict):
    singular: list[str] = Field(min_length=1)
    plural: list[str] = Field(min_length=1)


class OffsetWords(_Strict):
    words: list[str] = Field(min_length=1)
    unit: Unit
    offset: int


class DateContext(_Strict):
    temporal_prepositions: list[str]
    month_prepositions: list[str]
    day_prepositions: list[str]
    count_hedges: list[str]
    number_prefixes: list[str]
    count_units: list[str]


class DatesLexicon(_Strict):
    months: list[MonthEntry]
    seasons: list[SeasonEntry] = Field(min_length=1)
    weekdays: list[list[str]] = Field(min_length=7, max_length=7)
    day_parts: list[str]
    modifiers: dict[Modifier, list[str]]
    ordinals: dict[str, int]
    number_words: dict[str, int]
    units: dict[Unit, UnitForms]
    year_words: list[str] = Field(min_length=1)
    quarter_words: list[str] = Field(min_length=1)
    half_words: list[str] = Field(min_length=1)
    decade_words: dict[str, int]
    relative_adjectives: dict[str, int]
    day_words: dict[str, int]
    document_compounds: list[OffsetWords]
    text_directions: dict[str, int]
    text_same: list[str]
    text_following: list[str]
    text_compounds: list[OffsetWords]
    text_phrases: list[OffsetWords]
    context: DateContext

    @model_validator(mode="after")
    def _complete(self) -> "DatesLexicon":
        if sorted(m.number for m in self.months) != list(range(1, 13)):
            raise ValueError("months must list each month number 1-12 exactly once")
        if set(self.modifiers) != {"start", "mid", "end"}:
            raise ValueError("modifiers need the keys start, mid and end")
        if set(self.units) != {"year", "month", "week", "day"}:
            raise ValueError("units need the keys year, month, week and day")
        if any(y % 10 for y in self.decade_words.values()):
            raise ValueError("decade_words must map to the first year of a decade")
        return self
