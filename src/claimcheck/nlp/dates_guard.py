"""Regex helpers for fast scanning: a first-character guard for compiled patterns and a
prefix-tree (trie) alternation of literal words.

``guarded(p)`` prepends a lookahead ``(?=[...])`` listing every character a match of ``p`` can
start with, computed from the parsed pattern. The guard never changes what ``p`` matches (the
set is a superset of the real first characters), but lets the regex engine reject most start
positions with one character test instead of trying every alternative of the pattern.
"""
from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Iterable, Optional

_CATEGORY = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
             C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}
_ZERO_WIDTH = {C.ASSERT, C.ASSERT_NOT, C.AT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT}

# (class items, may the sequence match the empty string) or None when unknown.
_First = Optional[tuple[list[str], bool]]


def _first_of_sequence(items) -> _First:
    out: list[str] = []
    for op, av in items:
        got = _first_of_item(op, av)
        if got is None:
            return None
        out += got[0]
        if not got[1]:
            return out, False
    return out, True


def _first_of_set(av) -> Optional[list[str]]:
    parts = []
    for op, arg in av:
        if op is C.LITERAL:
            parts.append(re.escape(chr(arg)))
        elif op is C.RANGE:
            parts.append(re.escape(chr(arg[0])) + "-" + re.escape(chr(arg[1])))
        elif op is C.CATEGORY and arg in _CATEGORY:
            parts.append(_CATEGORY[arg])
        else:
            return None  # negated sets, unusual categories: no guard
    return parts


def _first_of_item(op, av) -> _First:
    if op is C.LITERAL:
        return [re.escape(chr(av))], False
    if op is C.IN:
        parts = _first_of_set(av)
        return None if parts is None else (parts, False)
    if op in _ZERO_WIDTH:
        return [], True
    if op is C.BRANCH:
        out, nullable = [], False
        for alternative in av[1]:
            got = _first_of_sequence(alternative)
            if got is None:
                return None
            out, nullable = out + got[0], nullable or got[1]
        return out, nullable
    if op is C.SUBPATTERN:
        return _first_of_sequence(av[3])
    if op is C.ATOMIC_GROUP:
        return _first_of_sequence(av)
    if op in _REPEATS:
        got = _first_of_sequence(av[2])
        return None if got is None else (got[0], got[1] or av[0] == 0)
    return None


def guarded(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` with a first-character lookahead guard (unchanged when none is safe)."""
    got = _first_of_sequence(P.parse(pattern.pattern, pattern.flags).data)
    if got is None or got[1] or not got[0]:
        return pattern
    guard = "(?=[" + "".join(dict.fromkeys(got[0])) + "])"
    return re.compile(guard + pattern.pattern, pattern.flags)


def trie_regex(words: Iterable[str], bounded: bool = False) -> str:
    """Alternation of literal ``words`` as a prefix tree: at a position it tries the words the
    text starts with there, longest first, like an alternation sorted by length.

    ``bounded``: words are delimited like ``dates_lexicon.alt`` does it (no word character
    before a word starting, or after a word ending, with a letter or digit; a space matches
    any whitespace run)."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = r"(?!\w)" if bounded and word[-1].isalnum() else ""
    parts = []
    for ch, child in sorted(root.items()):
        if ch:
            left = r"(?<!\w)" if bounded and ch.isalnum() else ""
            parts.append(left + _branch(ch, child, bounded))
    return "(?:" + "|".join(parts) + ")"


def _branch(ch: str, node: dict, bounded: bool) -> str:
    head = r"\s+" if bounded and ch == " " else re.escape(ch)
    parts = [_branch(c, child, bounded) for c, child in sorted(node.items()) if c]
    if "" in node:
        parts.append(node[""])
    if len(parts) == 1:
        return head + parts[0]
    return head + "(?:" + "|".join(parts) + ")"
