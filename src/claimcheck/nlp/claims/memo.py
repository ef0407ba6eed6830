"""Values derived once per lexicon, and per-word memos of the lexicon readings of mentions.

Lexicons are immutable, so what is derived from one (a phrase table, the longest name) is kept
under its identity; a word's reading (its event, its nationality) depends on the word alone,
and the frequent words of a text come back in every sentence, so it is looked up once.
"""
from __future__ import annotations

from typing import Any, Callable

_PER_LEXICON: dict = {}  # (id(lexicon part), make) -> (part, derived value)
UNSEEN = object()  # a memo's answer for a word it has not seen
MEMO_WORDS = 100_000  # words whose reading a memo keeps


def derived(part: Any, make: Callable[[Any], Any]) -> Any:
    """``make(part)``, computed once per lexicon (part) instead of once per sentence."""
    hit = _PER_LEXICON.get((id(part), make))
    if hit is None or hit[0] is not part:
        hit = _PER_LEXICON[(id(part), make)] = (part, make(part))
    return hit[1]


def word_memo(_lex: Any) -> dict:
    """(lemma, text) -> event id or None (``derived(lex, word_memo)``: one per lexicon)."""
    return {}


def nationality_memo(_lex: Any) -> dict:
    """text -> actor id or None."""
    return {}


def remember(memo: dict, key: Any, value: Any) -> Any:
    """``value``, kept under ``key`` while ``memo`` has room."""
    if len(memo) < MEMO_WORDS:
        memo[key] = value
    return value
