"""Schema of the alignment data (align.yaml): roles of quantities, durations, deadline words.

``claimcheck.align.context.AlignData`` is the same model (the alignment modules still define
their own copy; ``tests/test_lang.py`` keeps the two in step until they import this one).
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class AlignFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    roles: dict[str, str]
    paired: dict[str, list[str]]
    compatible: list[list[str]]
    durations: dict[str, float]
    deadline: list[str]
    deadline_nouns: list[str]
    offset: list[str]
    backstory: list[str]
