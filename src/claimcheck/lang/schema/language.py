"""Schema of the function-word lists of the language check (language.yaml)."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LanguageEntry(_Strict):
    label: str
    words: list[str] = Field(min_length=5)


class ScriptEntry(_Strict):
    code: str
    label: str


class LanguageFile(_Strict):
    languages: dict[str, LanguageEntry]
    scripts: dict[str, ScriptEntry] = Field(default_factory=dict)
