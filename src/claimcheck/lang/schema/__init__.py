"""One schema for a language pack: one sub-model per data file of ``claimcheck/lang/<code>/``.

``FILES`` maps each field of :class:`LanguagePack` to its file; ``claimcheck.lang.load_pack``
reads and validates them all (errors name the file, the line and the field: E030).
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from claimcheck.lang.schema.align import AlignFile
from claimcheck.lang.schema.dates import DatesLexicon
from claimcheck.lang.schema.language import LanguageFile
from claimcheck.lang.schema.lexicon import ActorsFile, EventsFile, NounsFile, PlacesFile
from claimcheck.lang.schema.messages import MessagesFile, WordsFile
from claimcheck.lang.schema.noise import NoiseFile
from claimcheck.lang.schema.numbers import NumbersFile
from claimcheck.lang.schema.tense import TenseFile

FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "events": ("events.yaml", EventsFile),
    "actors": ("actors.yaml", ActorsFile),
    "places": ("places.yaml", PlacesFile),
    "nouns": ("nouns.yaml", NounsFile),
    "numbers": ("numbers.yaml", NumbersFile),
    "dates": ("dates.yaml", DatesLexicon),
    "tense": ("tense.yaml", TenseFile),
    "noise": ("noise.yaml", NoiseFile),
    "language": ("language.yaml", LanguageFile),
    "align": ("align.yaml", AlignFile),
    "messages": ("messages.yaml", MessagesFile),
    "words": ("words.yaml", WordsFile),
}


class LanguagePack(BaseModel):
    """Everything language-specific: lexicons, closed-class lists, rule data, output texts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    events: EventsFile
    actors: ActorsFile
    places: PlacesFile
    nouns: NounsFile
    numbers: NumbersFile
    dates: DatesLexicon
    tense: TenseFile
    noise: NoiseFile
    language: LanguageFile
    align: AlignFile
    messages: MessagesFile
    words: WordsFile


__all__ = ["FILES", "LanguagePack"]
