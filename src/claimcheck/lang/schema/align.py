"""Schema of the alignment data (align.yaml): roles of quantities, durations, deadline words.

The alignment modules read it through ``claimcheck.align.context.align_data``.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class AlignFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    roles: dict[str, str]
    paired: dict[str, list[str]]
    paired_between: list[str] = []  # words that may stand between the paired word and its number ("auf nur noch 120")
    # amount_verbs: word beginnings of verbs whose "auf" names the amount itself, not a level
    # reached ("bezifferte den Abbau auf 755", "schätzt die Zahl auf 300"): the number has no role then
    amount_verbs: dict[str, list[str]] = {}
    # since: a time after these words, before a from-to pair, dates where the change started
    since: list[str] = []
    compatible: list[list[str]]
    durations: dict[str, float]
    deadline: list[str]
    deadline_nouns: list[str]
    not_deadlines: list[str] = []  # compounds on a deadline noun that name a period, not a deadline
    offset: list[str]
    backstory: list[str]
    occurrence: dict[str, int]  # adverbs that say which occurrence a sentence tells of ("erstmals": 1)
    letters: str  # the alphabet of words, as a regex character class body
    stemmer: str  # Snowball stemmer name (snowballstemmer.algorithms())
    frequency_list: str  # wordfreq language code of the word-rarity weights
    # Groups of words that name one thing ("Teuerung" ~ "Inflation"); a compound whose first
    # part is one of them ("Teuerungsrate") shares the group's key too.
    synonyms: list[list[str]] = []
