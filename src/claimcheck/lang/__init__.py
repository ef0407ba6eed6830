"""Language packs: everything language-specific claimcheck needs, as validated data.

``claimcheck/lang/<code>/`` holds one pack (``de``: German): the domain lexicons (events, actors,
places, counted nouns), the grammars' word lists (numbers, dates, tense, noise, language check,
alignment) and every text shown to an editor (``messages.yaml``) or word list the code consults
(``words.yaml``). :class:`LanguagePack` is its one schema; :func:`pack` the one entry point.

    from claimcheck.lang import message, pack
    pack("de").messages.slots["count"]                 # "Zahl"
    message("findings.negated", text="35 Diplomaten")  # "Verneinte Angabe: „35 Diplomaten“ – …"
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any, Union

from claimcheck.lang.loader import load_yaml, parse_yaml
from claimcheck.lang.schema import FILES, LanguagePack

DEFAULT = "de"


def pack_dir(lang: str = DEFAULT) -> Path:
    """Folder of the bundled pack ``lang``."""
    return Path(str(importlib_resources.files("claimcheck") / "lang" / lang))


def pack(lang: str = DEFAULT) -> LanguagePack:
    """The bundled pack ``lang``, loaded and validated once per process."""
    return _pack(lang)  # one cache key per language, however it is called


@lru_cache(maxsize=8)
def _pack(lang: str) -> LanguagePack:
    return load_pack(pack_dir(lang))


def load_pack(directory: Union[str, Path]) -> LanguagePack:
    """A pack from a folder holding every file of ``FILES`` (a bundled or a saved pack)."""
    directory = Path(directory)
    parts = {key: load_yaml(directory / name, model) for key, (name, model) in FILES.items()}
    return LanguagePack(**parts)


def pack_from_texts(texts: dict[str, str], where: str = "<bytes>") -> LanguagePack:
    """A pack from the texts of its files (file name -> YAML text), as ``pack_texts`` gives."""
    parts: dict[str, Any] = {key: parse_yaml(texts[name], model, f"{where}/{name}")
                             for key, (name, model) in FILES.items()}
    return LanguagePack(**parts)


def pack_texts(directory: Union[str, Path]) -> dict[str, str]:
    """File name -> text of every file of the pack in ``directory`` (for serialisation)."""
    return {name: (Path(directory) / name).read_text(encoding="utf-8") for name, _ in FILES.values()}


def message(key: str, lang: str = DEFAULT, **fields: Any) -> str:
    """The text ``section.key`` of ``messages.yaml``, filled with ``fields``."""
    section, _, name = key.partition(".")
    template = getattr(pack(lang).messages, section)[name]
    return template.format(**fields) if fields else template


__all__ = ["DEFAULT", "FILES", "LanguagePack", "load_pack", "load_yaml", "message", "pack", "pack_dir",
           "pack_from_texts", "pack_texts"]
