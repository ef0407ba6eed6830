"""Regex helpers for fast scanning: a first-character guard for compiled patterns and a
prefix-tree (trie) alternation of literal words.

``guarded(p)`` prepends a lookahead ``(?=[...])`` listing every character a match of ``p`` can
start with, computed from the parsed pattern. The guard never changes what ``p`` matches (the
set is a superset of the real first characters), but lets the regex engine reject most start
positions with one character test instead of trying every alternative of the pattern.
"""
from __future__ import annotations

import re
try:  # Python >= 3.11
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]
from typing import Iterable, Optional

_CATEGORY = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
             C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}
_ZERO_WIDTH = {C.ASSERT, C.ASSERT_NOT, C.AT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT}

# First characters of a pattern: (class items reached only at a word start, i.e. behind a
# lookbehind excluding word characters; other class items; may the pattern match "") or None
# when unknown.
_First = Optional[tuple[list[str], list[str], bool]]


def _first_of_sequence(items, bounded: bool = False) -> _First:
    words: list[str] = []
    other: list[str] = []
    for op, av in items:
        got = _first_of_item(op, av, bounded)
        if got is None:
            return None
        words, other = words + got[0], other + got[1]
        if not got[2]:
            return words, other, False
        bounded = bounded or _word_start(op, av)
    return words, other, True


def _word_start(op, av) -> bool:
    r"""A lookbehind like (?<!\w) or (?<![\w.,]): no word character before this position."""
    if op is not C.ASSERT_NOT or av[0] != -1 or len(av[1]) != 1:
        return False
    (iop, iav), = av[1]
    return iop is C.IN and (C.CATEGORY, C.CATEGORY_WORD) in iav


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


def _consumed(parts: list[str], bounded: bool) -> _First:
    return (parts, [], False) if bounded else ([], parts, False)


def _first_of_item(op, av, bounded: bool) -> _First:
    if op is C.LITERAL:
        return _consumed([re.escape(chr(av))], bounded)
    if op is C.IN:
        parts = _first_of_set(av)
        return None if parts is None else _consumed(parts, bounded)
    if op in _ZERO_WIDTH:
        return [], [], True
    if op is C.BRANCH:
        words: list[str] = []
        other: list[str] = []
        nullable = False
        for alternative in av[1]:
            got = _first_of_sequence(alternative, bounded)
            if got is None:
                return None
            words, other, nullable = words + got[0], other + got[1], nullable or got[2]
        return words, other, nullable
    if op is C.SUBPATTERN:
        if av[1] or av[2]:  # scoped flags ("(?i:...)"): the guard would not share them
            return None
        return _first_of_sequence(av[3], bounded)
    if op is C.ATOMIC_GROUP:
        return _first_of_sequence(av, bounded)
    if op in _REPEATS:
        got = _first_of_sequence(av[2], bounded)
        return None if got is None else (got[0], got[1], got[2] or av[0] == 0)
    return None


def guarded(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` with a first-character lookahead guard (unchanged when none is safe)."""
    got = _first_of_sequence(P.parse(pattern.pattern, pattern.flags).data)
    if got is None or got[2] or not (got[0] or got[1]):
        return pattern
    alternatives = []
    if got[1]:
        alternatives.append("[" + "".join(dict.fromkeys(got[1])) + "]")
    if got[0]:
        alternatives.append("[" + "".join(dict.fromkeys(got[0])) + r"](?<!\w.)")
    guard = "(?=" + "|".join(alternatives) + ")"
    return re.compile(guard + pattern.pattern, pattern.flags)


def trie_regex(words: Iterable[str], bounded: bool = False, group: bool = True) -> str:
    """Alternation of literal ``words`` as a prefix tree: at a position it tries the words the
    text starts with there, longest first, like an alternation sorted by length.

    ``bounded``: words are delimited like ``dates.lexicon.alt`` does it (no word character
    before a word starting, or after a word ending, with a letter or digit; a space matches
    any whitespace run). ``group``: wrap the alternatives in a non-capturing group."""
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
    return "(?:" + "|".join(parts) + ")" if group else "|".join(parts)


def _branch(ch: str, node: dict, bounded: bool) -> str:
    head = r"\s+" if bounded and ch == " " else re.escape(ch)
    parts = [_branch(c, child, bounded) for c, child in sorted(node.items()) if c]
    if "" in node:
        parts.append(node[""])
    if len(parts) == 1:
        return head + parts[0]
    return head + "(?:" + "|".join(parts) + ")"


def ascii_guarded(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` behind a first-character guard that tests ASCII characters against the
    pattern's first characters and lets every other character pass: the same matches (like
    ``guarded``), with a guard that stays cheap when the first characters span large Unicode
    ranges (spaCy's affix patterns: symbols, quotes, currency signs)."""
    got = _first_of_sequence(P.parse(pattern.pattern, pattern.flags).data)
    if got is None or got[2] or not (got[0] or got[1]):
        return pattern
    first = re.compile("[" + "".join(dict.fromkeys(got[0] + got[1])) + "]", pattern.flags)
    ascii_first = "".join(re.escape(chr(c)) for c in range(128) if first.fullmatch(chr(c)))
    guard = "(?=" + (f"[{ascii_first}]|" if ascii_first else "") + r"[^\x00-\x7f])"
    return re.compile(guard + "(?:" + pattern.pattern + ")", pattern.flags)


def near_end(pattern: re.Pattern) -> re.Pattern:
    """For an alternation whose bounded alternatives all end in ``$`` (spaCy's suffix pattern):
    the same pattern that skips start positions farther from the end than the longest bounded
    alternative, unless an unbounded alternative can start there (the same matches)."""
    items = P.parse(pattern.pattern, pattern.flags)
    if pattern.flags & re.MULTILINE or len(items.data) != 1 or items.data[0][0] is not C.BRANCH:
        return pattern
    longest, unbounded = 0, []
    for alternative in items.data[0][1][1]:
        low, high = P.SubPattern(items.state, alternative).getwidth()
        if high < C.MAXREPEAT and alternative and alternative[-1] == (C.AT, C.AT_END):
            longest = max(longest, high)
            continue
        got = _first_of_sequence(alternative)
        if got is None or got[2] or not (got[0] or got[1]):
            return pattern
        unbounded += got[0] + got[1]
    near = r"[\s\S]{0,%d}$" % longest + ("|[" + "".join(dict.fromkeys(unbounded)) + "]" if unbounded else "")
    return re.compile("(?=" + near + ")(?:" + pattern.pattern + ")", pattern.flags)


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def behind_lookahead(pattern: re.Pattern, lookahead: str) -> re.Pattern:
    """``pattern`` that first checks ``lookahead`` (a condition every match fulfils: the caller's
    claim); leading global flags ("(?u)") stay in front, where Python requires them."""
    flags = _GLOBAL_FLAGS.match(pattern.pattern)
    head = flags.group(0) if flags else ""
    return re.compile(head + "(?=" + lookahead + ")(?:" + pattern.pattern[len(head):] + ")", pattern.flags)
