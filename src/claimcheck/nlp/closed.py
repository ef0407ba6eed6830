"""Closed-class word lists of claim assembly as lookup sets and compiled regexes, built once per
lexicon from ``words.yaml`` (articles, prepositions, conjunctions, negation, clause splitters, subordinators,
adjective endings)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.lang.schema.messages import WordsFile


@dataclass(frozen=True)
class ClosedWords:
    articles: frozenset[str]
    agent_preps: frozenset[str]
    from_preps: frozenset[str]
    place_preps: frozenset[str]
    against_preps: frozenset[str]
    other_preps: frozenset[str]
    conjunctions: frozenset[str]
    genitive_articles: frozenset[str]
    institution_preps: frozenset[str]
    institution_articles: frozenset[str]
    place_adjective_suffix: str
    splitters: frozenset[str]
    negation_words: frozenset[str]
    negation_particles: frozenset[str]
    negation_before: re.Pattern[str]
    on_days: re.Pattern[str]
    comparison_base: re.Pattern[str]
    noun_time: re.Pattern[str]
    count_period: re.Pattern[str]
    value_of: re.Pattern[str]
    strong_breaks: re.Pattern[str]
    noun_genitive_endings: tuple[str, ...]
    leave_lemmas: frozenset[str]
    subordinators: frozenset[str]
    nominal_objects: frozenset[str]
    foreign_acts: frozenset[str]
    earlier_acts: frozenset[str]
    adjective_endings: tuple[str, ...]
    not_adjectives: frozenset[str]

    def dates_noun(self, text: str, start: int) -> bool:
        """The time starting at ``start`` follows "vom"/"von" (``noun_time``): it dates the noun
        before it ("die Ankündigung vom Freitag")."""
        return self.noun_time.search(text, max(0, start - 8), start) is not None


def closed_words(words: WordsFile) -> ClosedWords:
    m, c, a = words.mentions, words.claims, words.attach
    return ClosedWords(
        articles=frozenset(m.articles), agent_preps=frozenset(m.agent_prepositions),
        from_preps=frozenset(m.from_prepositions), place_preps=frozenset(m.place_prepositions),
        against_preps=frozenset(m.against_prepositions), other_preps=frozenset(m.other_prepositions),
        conjunctions=frozenset(m.conjunctions), genitive_articles=frozenset(m.genitive_articles),
        institution_preps=frozenset(m.institution_prepositions),
        institution_articles=frozenset(m.institution_articles), place_adjective_suffix=m.place_adjective_suffix,
        splitters=frozenset(c.splitters), negation_words=frozenset(c.negation_words),
        negation_particles=frozenset(c.negation_particle),
        negation_before=re.compile(c.negation_before, re.IGNORECASE), on_days=re.compile(c.on_days, re.IGNORECASE),
        comparison_base=re.compile(c.comparison_base, re.IGNORECASE),
        noun_time=re.compile(c.noun_time, re.IGNORECASE),
        count_period=re.compile(c.count_period, re.IGNORECASE),
        value_of=re.compile(c.value_of, re.IGNORECASE), noun_genitive_endings=tuple(m.noun_genitive_endings),
        strong_breaks=re.compile(c.strong_breaks),
        leave_lemmas=frozenset(c.leave_lemmas), subordinators=frozenset(c.subordinators),
        nominal_objects=frozenset(c.nominal_object_prepositions),
        foreign_acts=frozenset(c.foreign_act_prepositions),
        earlier_acts=frozenset(c.earlier_act_prepositions),
        adjective_endings=tuple(a.adjective_endings),
        not_adjectives=frozenset(a.not_adjectives))
