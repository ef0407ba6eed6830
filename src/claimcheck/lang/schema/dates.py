"""Schema of the time-expression lexicon (dates.yaml)."""
from __future__ import annotations

import re
from typing import Annotated, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

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
    # a part of the period the word names itself ("Jahresbeginn": the start of the year);
    # one of the modifier kinds of ``modifiers`` (start, mid, end)
    modifier: Optional[Modifier] = None


class DateContext(_Strict):
    temporal_prepositions: list[str]
    month_prepositions: list[str]
    month_articles: list[str] = []  # between such a preposition and the month ("gegenüber dem Mai")
    day_prepositions: list[str]
    count_hedges: list[str]
    number_prefixes: list[str]
    count_units: list[str]
    genitive_endings: list[str]


RULES = ("iso", "numeric_day", "day_month", "day_range", "month", "month_compound", "month_range", "season", "quarter",
         "q_form", "decade", "decade_word", "mod_year", "year", "ago", "doc_unit", "doc_compound",
         "day_word", "weekday", "text_dir", "text_n", "text_same", "text_follow", "text_compound")


def _compiles(pattern: str) -> str:
    try:  # placeholders stand in as a plain group (their names are checked when the grammar is built)
        re.compile(re.sub(r"<<(\w+)>>", "(?:x)", pattern))
    except re.error as exc:
        raise ValueError(f"invalid regex: {exc}") from exc
    return pattern


Pattern = Annotated[str, AfterValidator(_compiles)]


class DatePatterns(_Strict):
    year: Pattern
    fragments: dict[str, str]
    rules: dict[str, str]
    range_join: Pattern
    range_start: Pattern
    both_words: list[str] = Field(min_length=1)
    between_words: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_rule(self) -> "DatePatterns":
        missing = [r for r in RULES if r not in self.rules]
        if missing:
            raise ValueError(f"rules lacks the pattern(s) {missing}")
        return self


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
    adjective_endings: list[str] = Field(min_length=1)
    decade_articles: list[str]
    patterns: DatePatterns

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
