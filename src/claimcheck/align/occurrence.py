"""Which occurrence of a repeated event a sentence tells of: "zum zweiten Mal", "die erste
Runde", "erstmals". Two statements that name different occurrences ("the first round" and "the
second round", each with its own date) are not the same statement, whatever else they share;
two that name the same one are a little more likely to be.

Ordinal words come from the number grammar (``find_ordinals``), occurrence adverbs from
``align.yaml`` (``occurrence``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from claimcheck.align.context import align_data
from claimcheck.nlp.numbers.ordinals import find_ordinals


@lru_cache(maxsize=4)
def _adverbs(lang: str) -> tuple[re.Pattern[str], dict[str, int]]:
    words = align_data(lang).occurrence
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?i:{alternatives})(?![\w-])"), {k.casefold(): v for k, v in words.items()}


def occurrences(sentence: str, lang: str = "de") -> frozenset[float]:
    """The occurrence numbers a sentence names (empty when it names none)."""
    pattern, values = _adverbs(lang)
    found = {float(values[m.group(0).casefold()]) for m in pattern.finditer(sentence)}
    found |= {q.value for q in find_ordinals(sentence) if q.value is not None}
    return frozenset(found)


def occurrence_status(a: frozenset[float], b: frozenset[float]) -> Literal["agree", "differ", "unknown"]:
    """agree when both name a common occurrence, differ when both name some and none in common."""
    if not a or not b:
        return "unknown"
    return "agree" if a & b else "differ"
