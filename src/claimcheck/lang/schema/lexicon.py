"""Schema of the domain lexicons: events.yaml, actors.yaml, places.yaml, nouns.yaml."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EventEntry(_Strict):
    id: str = Field(pattern=r"^[a-z_]+$")
    label: str
    verbs: list[str] = Field(default_factory=list)
    nouns: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)


class EventsFile(_Strict):
    particles: list[str]
    events: list[EventEntry]
    # groups of event types that describe one episode ("expel" makes diplomats "leave")
    related: list[list[str]] = Field(default_factory=list)
    # verb lemma -> next words that make it no trigger ("verwies auf Artikel 5": refers to)
    exceptions: dict[str, list[str]] = Field(default_factory=dict)


class ActorEntry(_Strict):
    id: str
    label: str
    aliases: list[str] = Field(min_length=1)
    adjectives: list[str] = Field(default_factory=list)
    prefixes: list[str] = Field(default_factory=list)


class PersonEntry(_Strict):
    id: str
    actor: str
    aliases: list[str] = Field(min_length=1)


class ActorsFile(_Strict):
    actors: list[ActorEntry]
    persons: list[PersonEntry] = Field(default_factory=list)
    institutions: list[str] = Field(default_factory=list)

    @field_validator("persons")
    @classmethod
    def _persons_name_known_actors(cls, persons, info):
        known = {a.id for a in info.data.get("actors", [])}
        for p in persons:
            if p.actor not in known:
                raise ValueError(f"person {p.id!r} names unknown actor {p.actor!r}")
        return persons


class PlacesFile(_Strict):
    places: list[str]


class NounsFile(_Strict):
    classes: dict[str, list[str]]
    forms: dict[str, str] = Field(default_factory=dict)
    # classes whose members are never the same thing as each other ("Prozent" is not "Promille",
    # "Euro" not "Dollar"): the class only says what they are not (a count of people or things)
    distinct: list[str] = Field(default_factory=list)
