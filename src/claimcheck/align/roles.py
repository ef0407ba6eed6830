"""Which quantity of an event a number is, from the word right before it: the level reached
("auf 455"), the size of a change ("um 755"), the level before ("von 1.200 auf …"), one side
of a score ("98 zu zwei"); which roles may be the same quantity; and the starting time of a
from-to pair. Word lists: ``align.yaml`` (roles, paired, amount_verbs, compatible, since)."""
from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.align import config as cfg
from claimcheck.align.context import PREV_WORDS, WORD, align_data


def quantity_role(text: str, start: int, lo: int, lang: str = "de") -> str:
    """Which quantity of an event the number at ``start`` is, from the word(s) right before it
    ("" if none); ``lo`` is where its sentence starts."""
    m = PREV_WORDS.search(text, max(lo, start - 24), start)
    if m is None:
        return ""
    data = align_data(lang)
    two = f"{m.group(1)} {m.group(2)}".lower() if m.group(2) else None
    word = two if two and two in data.roles else (m.group(2) or m.group(1)).lower()
    if word in data.paired and not _paired_number(text[start:start + cfg.LOCAL_CHARS], data.paired[word], lang):
        return ""
    if word in data.amount_verbs and _amount_verb(text, start, lo, tuple(data.amount_verbs[word])):
        return ""
    return data.roles.get(word, "")


@lru_cache(maxsize=64)
def _paired_pattern(words: tuple[str, ...], lang: str) -> re.Pattern:
    between = "|".join(map(re.escape, align_data(lang).paired_between)) or "(?!)"
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\s+(?:(?:{between})\.?\s+)*\d", re.IGNORECASE)


def _paired_number(after: str, words: list[str], lang: str) -> bool:
    """The paired word follows with a number of its own: "von 1.200 auf (nur noch) 120"."""
    return _paired_pattern(tuple(words), lang).search(after) is not None


def _amount_verb(text: str, start: int, lo: int, beginnings: tuple[str, ...]) -> bool:
    """A verb of amounting stands in the number's sentence before it, or right after it:
    "bezifferte den Abbau an allen Vertretungen auf 755", "die auf 300 geschätzte Zahl"."""
    window = text[lo:start + cfg.LOCAL_CHARS]
    return any(w.lower().startswith(beginnings) for w in WORD.findall(window))


def roles_compatible(claim_role: str, fact_role: str, strict: bool = True, lang: str = "de") -> bool:
    """Whether two numbers can be the same quantity of an event. Strictly, roles must be equal
    or in one ``compatible`` group ("" ~ "by": "755 abbauen" ~ "um 755 reduzieren"); loosely, a
    claim that names no role ("1.200 Beschäftigte") may also be a level the source gives with
    "von"/"auf" (when the number itself agrees)."""
    a, b = claim_role, fact_role
    if a == b or (not strict and a == ""):
        return True
    return any(a in group and b in group for group in align_data(lang).compatible)


@lru_cache(maxsize=4)
def _pair_patterns(lang: str = "de") -> tuple[re.Pattern, re.Pattern]:
    data = align_data(lang)
    starts = [w for w, r in data.roles.items() if r == "from"] or ["(?!)"]
    return (re.compile(rf"\b(?:{'|'.join(map(re.escape, starts))})\s+\d", re.IGNORECASE),
            re.compile(rf"\b(?:{'|'.join(map(re.escape, data.since or ['(?!)']))})\s+$", re.IGNORECASE))


def starting_time(text: str, q_start: int, t_start: int, lo: int, lang: str = "de") -> bool:
    """The time at ``t_start`` dates the starting level of the from-to pair whose level reached
    is the number at ``q_start`` (the caller checks that role): it stands inside the pair, after
    the starting number ("von 900 Angestellten Mitte 2019 auf 240"), or after "seit" before it
    ("seit Mitte 2019 von 900 auf 240")."""
    if not lo <= t_start < q_start:
        return False
    start_word, since = _pair_patterns(lang)
    return (start_word.search(text, max(lo, t_start - 60), t_start) is not None
            or since.search(text, max(lo, t_start - 8), t_start) is not None)
