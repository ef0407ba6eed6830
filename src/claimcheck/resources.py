"""Bundled data files by name: thin wrappers over :mod:`claimcheck.lang` (the pack folder
``claimcheck/lang/<lang>/``; ``load_pack`` validates a whole pack at once)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from claimcheck.lang import pack_dir
from claimcheck.lang.loader import load_yaml

M = TypeVar("M", bound=BaseModel)
__all__ = ["load_resource", "load_yaml", "resource_path"]


def resource_path(name: str, lang: str = "de") -> Path:
    """Path of a bundled data file, e.g. ``resource_path("events.yaml")``."""
    return pack_dir(lang) / name


def load_resource(name: str, model: type[M], lang: str = "de") -> M:
    """Load and validate a bundled data file (cached per file and model)."""
    return _load_cached(str(resource_path(name, lang)), model)


@lru_cache(maxsize=None)
def _load_cached(path: str, model: type[M]) -> M:
    return load_yaml(path, model)
