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


def written_like(value: Optional[float], model: str, suffix: str = "mal") -> Optional[str]:
    """``value`` written as the draft wrote its number: a number word for a number word
    ("fünfundsechzig" -> "fünfundfünfzig"), with the multiplicative ``suffix`` where the draft
    has it ("dreimal" -> "zweimal") and its capital at a sentence start. None when the draft
    wrote digits or the value is no whole number (the source's own spelling is used then)."""
    from num2words import num2words  # imported when a correction needs it (~50 ms): not at start-up

    word = model.strip()
    stem = word[:-len(suffix)] if suffix and word.lower().endswith(suffix) else word
    if value is None or value < 0 or value != int(value) or word_number(stem.lower()) is None:
        return None
    out = num2words(int(value), lang="de") + (word[len(stem):] if stem != word else "")
    return out[:1].upper() + out[1:] if word[:1].isupper() else out
