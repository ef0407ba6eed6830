"""Domain lexicons (events, actors, persons, places, counted nouns) loaded from YAML data files.

The files live in ``claimcheck/lang/<lang>/`` (schema: ``claimcheck.lang.schema.lexicon``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Optional, Union

from pydantic import BaseModel

from claimcheck.lang import pack_dir
from claimcheck.lang.loader import load_yaml
from claimcheck.lang.schema.lexicon import ActorsFile, EventsFile, NounsFile, PlacesFile
from claimcheck.lang.schema.messages import WordsFile
from claimcheck.nlp.closed import ClosedWords, closed_words


@dataclass
class Lexicon:
    """All lexicons of one language, with lookup tables built once; ``words`` are the
    closed-class lists of claim assembly (``words.yaml``)."""

    events: EventsFile
    actors: ActorsFile
    places: PlacesFile
    nouns: NounsFile
    words: WordsFile
    verb_events: dict[str, str] = field(default_factory=dict)  # lemma -> event id
    noun_events: dict[str, str] = field(default_factory=dict)  # lowercased lemma -> event id
    actor_labels: dict[str, str] = field(default_factory=dict)
    event_labels: dict[str, str] = field(default_factory=dict)
    noun_class: dict[str, str] = field(default_factory=dict)
    person_actor: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for ev in self.events.events:
            self.event_labels[ev.id] = ev.label
            for verb in ev.verbs:
                self.verb_events.setdefault(verb, ev.id)
            for noun in ev.nouns:
                self.noun_events.setdefault(noun.lower(), ev.id)
        for actor in self.actors.actors:
            self.actor_labels[actor.id] = actor.label
        for person in self.actors.persons:
            self.person_actor[person.id] = person.actor
        for cls, members in self.nouns.classes.items():
            for noun in members:
                self.noun_class[noun] = cls

    @cached_property
    def name_table(self) -> dict[tuple[str, ...], tuple[str, str]]:
        """Token sequence -> (kind, id) for places, actor aliases and person aliases."""
        table: dict[tuple[str, ...], tuple[str, str]] = {}
        for place in self.places.places:
            table[tuple(place.split())] = ("place", place)
        for actor in self.actors.actors:
            for alias in actor.aliases:
                table[tuple(alias.split())] = ("actor", actor.id)
        for person in self.actors.persons:
            for alias in person.aliases:
                table[tuple(alias.split())] = ("person", person.id)
        return table

    @cached_property
    def name_first_words(self) -> frozenset[str]:
        """First words of all names: a cheap test before the longest-match lookup."""
        return frozenset(k[0] for k in self.name_table)

    @cached_property
    def noun_event_suffix(self) -> "re.Pattern[str]":
        """Event nouns of 6+ letters at the end of a lower-cased compound."""
        nouns = sorted((n for n in self.noun_events if len(n) >= 6), key=len, reverse=True)
        return re.compile("(?:" + "|".join(re.escape(n) for n in nouns) + r")\Z")

    @cached_property
    def adjective_actor(self) -> dict[str, str]:
        return {adj: a.id for a in self.actors.actors for adj in a.adjectives}

    @cached_property
    def adjective_pattern(self) -> "re.Pattern[str]":
        """Longest nationality-adjective stem at the start of a lower-cased word."""
        stems = sorted(self.adjective_actor, key=len, reverse=True)
        return re.compile("|".join(re.escape(s) for s in stems))

    @cached_property
    def prefix_actor(self) -> dict[str, str]:
        return {p: a.id for a in self.actors.actors for p in a.prefixes}

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Single-word places and actor aliases ("Moskau" for "Moskauer")."""
        return frozenset(k[0] for k in self.name_table if len(k) == 1)

    @cached_property
    def place_set(self) -> frozenset[str]:
        return frozenset(self.places.places)

    @cached_property
    def institution_set(self) -> frozenset[str]:
        """Nouns that make a nationality marker an actor ("die russische Regierung")."""
        return frozenset(self.actors.institutions)

    @cached_property
    def separable(self) -> dict[str, list[tuple[str, str]]]:
        """Base verb lemma -> [(particle, event id)] for particle verbs ("weisen" -> aus/expel)."""
        out: dict[str, list[tuple[str, str]]] = {}
        for verb, ev in self.verb_events.items():
            split = self.split_particle_verb(verb)
            if split:
                out.setdefault(split[0], []).append((split[1], ev))
        return out

    def split_particle_verb(self, lemma: str) -> Optional[tuple[str, str]]:
        """("weisen", "aus") for "ausweisen" if it starts with a separable particle."""
        for particle in sorted(self.events.particles, key=len, reverse=True):
            if lemma.startswith(particle) and len(lemma) > len(particle) + 3:
                return lemma[len(particle):], particle
        return None

    def noun_lemma(self, lemma: str) -> str:
        return self.nouns.forms.get(lemma, lemma)

    def same_event(self, a: str, b: str) -> bool:
        return a == b or any(a in group and b in group for group in self.events.related)

    @cached_property
    def closed(self) -> ClosedWords:
        """The closed-class lists of ``words`` as sets and compiled regexes."""
        return closed_words(self.words)

    def same_noun_class(self, a: str, b: str) -> bool:
        ca, cb = self.noun_class.get(a), self.noun_class.get(b)
        return a == b or (ca is not None and ca == cb and ca not in self.nouns.distinct)


FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "events": ("events.yaml", EventsFile), "actors": ("actors.yaml", ActorsFile),
    "places": ("places.yaml", PlacesFile), "nouns": ("nouns.yaml", NounsFile),
    "words": ("words.yaml", WordsFile)}


@lru_cache(maxsize=4)
def load_lexicon(lang: str = "de") -> Lexicon:
    """The bundled lexicons of ``lang``."""
    return load_lexicon_dir(pack_dir(lang))


def load_lexicon_dir(directory: Union[str, Path]) -> Lexicon:
    """Lexicons from a directory holding events.yaml, actors.yaml, places.yaml, nouns.yaml and
    words.yaml."""
    directory = Path(directory)
    parts: dict[str, Any] = {key: load_yaml(directory / name, model) for key, (name, model) in FILES.items()}
    return Lexicon(**parts)
