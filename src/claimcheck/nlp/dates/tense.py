"""Direction of a weekday or a month named without year: the next one when the sentence speaks
of the future or of a deadline ("Am Freitag läuft die Frist ab", "bis Freitag müssen …", "wird
am Montag …"), the last one when it speaks of the past ("hatte am Freitag …"). Cue words:
``lang/de/tense.yaml``; the cue nearest to the expression wins ("Die Frist war am Freitag
abgelaufen": "war", not "Frist"). Without any cue the caller's default applies (the last one)."""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

from claimcheck.lang import pack
from claimcheck.lang.schema.tense import TenseFile
from claimcheck.nlp.derived import derived

NEXT, LAST, UNKNOWN = 1, -1, 0
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def tense_lexicon() -> TenseFile:
    return lower_tense(pack().tense)


def lower_tense(data: TenseFile) -> TenseFile:
    """The cue words lower-cased (they are compared with lower-cased text)."""
    lower = {k: [w.lower() for w in v] if isinstance(v, list) else v for k, v in data.model_dump().items()}
    return TenseFile(**lower)


def weekday_prepositions(lex: Optional[TenseFile] = None) -> frozenset[str]:
    """Words that license a bare weekday as a date ("am", "bis", "seit" …)."""
    lex = lex or tense_lexicon()
    return frozenset([*lex.weekday_prepositions, *lex.next_prepositions, *lex.last_prepositions])


def direction(text: str, start: int, end: int, prev_word: str = "",
              lex: Optional[TenseFile] = None) -> int:
    """NEXT, LAST or UNKNOWN for the expression ``text[start:end]`` (cue words of ``lex``)."""
    lex = lex or tense_lexicon()
    if prev_word in lex.contractions:  # "bis zum 30. Juni": the preposition before the article
        words = _WORD.findall(text, max(0, start - 24), start)
        prev_word = words[-2].lower() if len(words) >= 2 else prev_word
    if prev_word in lex.next_prepositions:
        return NEXT
    if prev_word in lex.last_prepositions:
        return LAST
    s, e = _sentence(text, start, end, _compiled(lex.sentence_end))
    best, best_dist = UNKNOWN, None
    for m in _WORD.finditer(text, s, e):
        cue = _cue(m.group().lower(), lex)
        if cue == UNKNOWN or start <= m.start() < end:
            continue
        dist = start - m.end() if m.end() <= start else m.start() - end
        if best_dist is None or dist < best_dist or (dist == best_dist and cue == LAST):
            best, best_dist = cue, dist
    return best


def _cue(word: str, lex: TenseFile) -> int:
    past, future, deadline = derived(lex, _cue_words)
    if word in past:
        return LAST
    if word in future or word.endswith(deadline):
        return NEXT
    return UNKNOWN


def _cue_words(lex: TenseFile) -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """The cue lists of ``lex`` as sets and a suffix tuple (``derived``: once per tense lexicon)."""
    return frozenset(lex.past), frozenset(lex.future), tuple(lex.deadline)


@lru_cache(maxsize=8)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _sentence(text: str, start: int, end: int, sentence_end: re.Pattern[str]) -> tuple[int, int]:
    s = 0
    for m in sentence_end.finditer(text, max(0, start - 300), start):
        s = m.end()
    after = sentence_end.search(text, end, end + 300)
    return s, after.start() if after else min(len(text), end + 300)


def weekday_toward(doc: date, weekday: int, way: int) -> date:
    """The weekday on or after the document date (NEXT), else on or before it."""
    if way == NEXT:
        return doc + timedelta(days=(weekday - doc.weekday()) % 7)
    return doc - timedelta(days=(doc.weekday() - weekday) % 7)


def year_toward(doc: date, month: int, way: int) -> int:
    """Year of a month named without year: the document year, unless the direction puts the
    month after (NEXT) or before (LAST) the document's month in the neighbouring year."""
    if way == NEXT and month < doc.month:
        return doc.year + 1
    if way == LAST and month > doc.month:
        return doc.year - 1
    return doc.year
