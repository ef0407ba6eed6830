"""The German time-expression lexicon (``lang/de/dates.yaml``) and the regex grammar built
from it. Words are data; this module only validates them and turns them into regex fragments
and lookup tables (all keys lower-cased, matching is case-insensitive)."""
from __future__ import annotations

import re
from re import Pattern
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

from claimcheck.lang import pack
from claimcheck.lang.schema.dates import DateContext, DatesLexicon, Modifier, OffsetWords, SeasonEntry, Unit
from claimcheck.lang.schema.tense import TenseFile
from claimcheck.nlp.regex import trie_regex
from claimcheck.nlp.dates.tense import lower_tense



def alt(words: Iterable[str]) -> str:
    """Regex alternation of literal words, longest first, each bounded on its word side.

    Built as a prefix tree (patterns are case-insensitive, so words are lower-cased): the
    same matches, in the same backtracking order, as a plain alternation sorted by length,
    but far fewer attempts per text position."""
    return trie_regex({w.lower() for w in words}, bounded=True)


def _inflect(stems: dict[str, int], endings: Iterable[str]) -> dict[str, int]:
    return {(s + e).lower(): v for s, v in stems.items() for e in endings}


def _table(pairs: Iterable[tuple[str, object]]) -> dict:
    return {" ".join(k.lower().split()): v for k, v in pairs}


_NEVER = re.compile(r"(?!)")


@dataclass
class Grammar:
    """Lookup tables (lower-cased keys) and regex fragments derived from the lexicon."""

    lex: DatesLexicon
    month_of: dict[str, int] = field(default_factory=dict)
    season_of: dict[str, SeasonEntry] = field(default_factory=dict)
    weekday_of: dict[str, int] = field(default_factory=dict)
    modifier_of: dict[str, Modifier] = field(default_factory=dict)
    ordinal_of: dict[str, int] = field(default_factory=dict)
    number_of: dict[str, int] = field(default_factory=dict)
    unit_of: dict[str, Unit] = field(default_factory=dict)
    relative_of: dict[str, int] = field(default_factory=dict)
    following: set[str] = field(default_factory=set)
    offset_words: dict[str, OffsetWords] = field(default_factory=dict)
    re: dict[str, str] = field(default_factory=dict)
    range_join: Pattern[str] = _NEVER  # joint of two expressions that form a range
    range_start: Pattern[str] = _NEVER  # "from"/"between" word before a range
    between: frozenset[str] = frozenset()
    tense: Optional[TenseFile] = None  # lower-cased cue words of weekdays and months without year

    @property
    def ctx(self) -> DateContext:
        return self.lex.context

    def lower_set(self, words: Iterable[str]) -> set[str]:
        return {w.lower() for w in words}


def build_grammar(lex: DatesLexicon, tense: Optional[TenseFile] = None) -> Grammar:
    """The grammar of a dates lexicon; ``tense``: the pack's tense cues (the bundled ones by default)."""
    g = Grammar(lex, tense=lower_tense(tense) if tense is not None else None)
    g.month_of = _table((n, m.number) for m in lex.months for n in m.names + m.abbreviations)
    g.season_of = _table((n, s) for s in lex.seasons for n in s.names)
    g.weekday_of = _table((n, i) for i, names in enumerate(lex.weekdays) for n in names)
    g.modifier_of = _table((w, k) for k, ws in lex.modifiers.items() for w in ws)
    g.ordinal_of = _inflect(lex.ordinals, lex.adjective_endings)
    g.number_of = _table(lex.number_words.items())
    g.unit_of = _table((w, u) for u, f in lex.units.items() for w in f.singular + f.plural)
    g.relative_of = _inflect(lex.relative_adjectives, lex.adjective_endings)
    g.following = set(_inflect({s: 0 for s in lex.text_following}, lex.adjective_endings))
    g.range_join = re.compile(lex.patterns.range_join, re.IGNORECASE)
    g.range_start = re.compile(lex.patterns.range_start, re.IGNORECASE)
    g.between = frozenset(w.lower() for w in lex.patterns.between_words)
    for group in lex.document_compounds + lex.text_compounds + lex.text_phrases:
        g.offset_words.update(_table((w, group) for w in group.words))
    singular = [w for f in lex.units.values() for w in f.singular]
    g.re = {
        "MONTH": alt(g.month_of),
        "MONTHSTEM": alt(g.month_of).replace(r"(?!\w)", ""),  # the first part of a compound ("Dezemberwert")
        "SEASON": alt(g.season_of),
        "WEEKDAY": alt(g.weekday_of).replace(r"(?!\w)", ""),  # day parts may follow
        "DAYPART": "(?:" + "|".join(map(re.escape, lex.day_parts)) + ")",
        "MOD": alt(g.modifier_of),
        "ORD": alt(g.ordinal_of),
        "NUM": alt(g.number_of),
        "UNIT": alt(g.unit_of),
        "UNIT1": alt(singular),
        "UNIT1_NODAY": alt(w for u, f in lex.units.items() if u != "day" for w in f.singular),
        "REL": alt(g.relative_of),
        "YEARWORD": alt(lex.year_words),
        "QUARTER": alt(lex.quarter_words),
        "HALF": alt(lex.half_words),
        "DECADEWORD": "(?:" + "|".join(map(re.escape, lex.decade_words)) + ")",
        "DAYWORD": alt(lex.day_words),
        "DOCCOMP": alt(w for c in lex.document_compounds for w in c.words),
        "TEXTCOMP": alt(w for c in lex.text_compounds for w in c.words),
        "PHRASE": alt(w for c in lex.text_phrases for w in c.words),
        "DIR": alt(lex.text_directions),
        "SAME": alt(lex.text_same),
        "FOLLOW": alt(g.following),
    }
    return g


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The grammar of the bundled German lexicon (built once)."""
    return build_grammar(pack().dates)


def key(s: str) -> str:
    """Normalised lookup key of a matched word (lower-case, single spaces)."""
    return " ".join(s.lower().split())
