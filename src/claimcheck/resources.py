"""Loading lexicons (YAML data files under ``resources/<lang>/``), validated with pydantic.

A malformed lexicon fails at load time with the file, the line and the field named.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any, TypeVar, Union

import yaml
from pydantic import BaseModel, ValidationError

from claimcheck.errors import ClaimcheckError

M = TypeVar("M", bound=BaseModel)


def resource_path(name: str, lang: str = "de") -> Path:
    """Path of a bundled lexicon file, e.g. ``resource_path("events.yaml")``."""
    return Path(str(importlib_resources.files("claimcheck") / "resources" / lang / name))


def load_resource(name: str, model: type[M], lang: str = "de") -> M:
    """Load and validate a bundled lexicon (cached per file and model)."""
    return _load_cached(str(resource_path(name, lang)), model)


@lru_cache(maxsize=None)
def _load_cached(path: str, model: type[M]) -> M:
    return load_yaml(path, model)


def load_yaml(path: Union[str, Path], model: type[M]) -> M:
    """Parse a YAML file and validate it against ``model``; errors name file, line and field."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimcheckError("E030", path=str(path), detail=str(exc)) from exc
    except yaml.YAMLError as exc:
        raise ClaimcheckError("E030", path=str(path), detail=f"YAML-Fehler: {exc}") from exc
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = err["loc"]
        line = _line_of(node, loc)
        where = ".".join(str(p) for p in loc)
        detail = f"Zeile {line}, Feld {where}: {err['msg']}"
        raise ClaimcheckError("E030", path=str(path), detail=detail) from exc


def _line_of(node: Any, loc: tuple) -> int:
    """1-based line of the YAML node at ``loc`` (the deepest one that exists)."""
    line = node.start_mark.line + 1 if node is not None else 1
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        node, line = child, child.start_mark.line + 1
    return line
