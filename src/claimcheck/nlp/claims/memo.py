"""Per-word memos of the lexicon readings of mentions: a word's reading (its event, its
nationality) depends on the word alone, and the frequent words of a text come back in every
sentence, so it is looked up once. The memos are kept per lexicon (``nlp.derived``).
"""
from __future__ import annotations

from typing import Any

from claimcheck.nlp.derived import derived as derived  # re-exported for mentions

UNSEEN = object()  # a memo's answer for a word it has not seen
MEMO_WORDS = 100_000  # words whose reading a memo keeps


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
