"""Values derived once per lexicon: lexicons are immutable, so what is derived from one (a
phrase table, a set of cue words, the longest name) is kept under its identity instead of being
rebuilt for every sentence or word."""
from __future__ import annotations

from typing import Any, Callable

_PER_LEXICON: dict = {}  # (id(lexicon part), make) -> (part, derived value)


def derived(part: Any, make: Callable[[Any], Any]) -> Any:
    """``make(part)``, computed once per lexicon (part)."""
    hit = _PER_LEXICON.get((id(part), make))
    if hit is None or hit[0] is not part:
        hit = _PER_LEXICON[(id(part), make)] = (part, make(part))
    return hit[1]
