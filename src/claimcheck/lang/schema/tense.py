"""Schema of the tense cues (tense.yaml)."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

class TenseFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    next_prepositions: list[str]
    last_prepositions: list[str]
    past: list[str]
    future: list[str]
    deadline: list[str]
    contractions: list[str]
    weekday_prepositions: list[str]
    sentence_end: str  # a regex
