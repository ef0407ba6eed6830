"""Schema of the noise patterns (noise.yaml): what looks like a claim but is not."""
from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

NoiseKind = Literal["club", "product", "channel", "law", "file_number", "isbn", "phone", "postcode",
                    "url", "footnote", "list_marker", "timestamp", "byline", "furniture", "table"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NoisePattern(_Strict):
    kind: NoiseKind
    pattern: str = Field(min_length=1)
    ignorecase: bool = False
    # Speed only: the pattern runs on a window only when one of these strings occurs in it
    # ("<<name>>" stands for every word of a list).
    requires: list[str] = Field(default_factory=list)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        try:  # lists stand in as a plain group here; their names are checked by NoiseFile
            re.compile(re.sub(r"<<(\w+)>>", "(?:x)", pattern))
        except re.error as exc:
            raise ValueError(f"invalid regex: {exc}") from exc
        return pattern


class TableRule(_Strict):
    min_separators: int = Field(ge=1)
    min_numbers: int = Field(ge=1)
    min_number_share: float = Field(gt=0, le=1)
    # Labels of a table's total row ("Insgesamt", "Gesamtindex"): its numbers are what the
    # caption measures, so a draft may name them by the caption's words alone.
    total_rows: list[str] = []
    # The evidence of a table cell of a source (nlp/tables.py), shown to editors: a statement
    # from row, column and value, and where it stands (the fact's provenance source).
    statement: str = "{row}, {column}: {value}"
    source: str = "{source}, Tabelle {title}"

    @field_validator("statement")
    @classmethod
    def _statement_fields(cls, statement: str) -> str:
        names = re.findall(r"\{(\w+)\}", statement)
        if sorted(names) != ["column", "row", "value"] or names.index("column") > names.index("value"):
            raise ValueError("statement needs {row}, {column} and {value}, the column before the value")
        return statement

    @field_validator("source")
    @classmethod
    def _source_fields(cls, source: str) -> str:
        if sorted(re.findall(r"\{(\w+)\}", source)) != ["source", "title"]:
            raise ValueError("source needs {source} and {title}")
        return source


class NoiseFile(_Strict):
    lists: dict[str, list[str]] = Field(default_factory=dict)
    anchor_words: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]] = []
    patterns: list[NoisePattern]
    table: TableRule
    footnote_text: str  # a regex; {d} stands for the markers seen

    @field_validator("lists")
    @classmethod
    def _lists_not_empty(cls, lists: dict[str, list[str]]) -> dict[str, list[str]]:
        for name, words in lists.items():
            if not words or any(not w.strip() for w in words):
                raise ValueError(f"list {name!r} is empty or has an empty entry")
        return lists

    @model_validator(mode="after")
    def _lists_known(self) -> "NoiseFile":
        for i, p in enumerate(self.patterns):
            unknown = set(re.findall(r"<<(\w+)>>", p.pattern + " ".join(p.requires))) - set(self.lists)
            if unknown:
                raise ValueError(f"patterns.{i} ({p.kind}) names unknown list(s): {sorted(unknown)}")
        return self
