"""A parsed number (value, rounding unit, scale, tokens) and the value of a number word."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Optional

from text_to_num import text2num


@dataclass(frozen=True)
class Num:
    """A parsed number: value with scale applied, rounding unit, tokens [first, end)."""

    value: Decimal
    unit: Decimal
    raw: Decimal
    scale: Optional[Decimal]
    first: int
    end: int


@lru_cache(maxsize=4096)
def word_number(word: str) -> Optional[Decimal]:
    if not word.isalpha() or len(word) > 60:
        return None
    try:
        return Decimal(text2num(word, "de"))
    except Exception:  # text_to_num raises ValueError (and others) for non-number words
        return None
