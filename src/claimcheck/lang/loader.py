"""Reading one YAML data file into a pydantic model; errors name the file, the line and the field
(E030). The data is parsed with libyaml when it is there; a file that fails is parsed again by
the pure-Python parser, whose messages and node positions the errors quote."""
from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar, Union

import yaml
from pydantic import BaseModel, ValidationError

from claimcheck.errors import ClaimcheckError

M = TypeVar("M", bound=BaseModel)
_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Union[str, Path], model: type[M]) -> M:
    """Parse a YAML file and validate it against ``model``; errors name file, line and field."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimcheckError("E030", path=str(path), detail=str(exc)) from exc
    return parse_yaml(text, model, str(path))


def parse_yaml(text: str, model: type[M], where: str) -> M:
    """Like ``load_yaml`` for the text of a file; ``where`` names it in errors."""
    try:
        data = yaml.load(text, Loader=_FAST)
    except yaml.YAMLError:
        data = _slow_parse(text, where)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = err["loc"]
        line = _line_of(yaml.compose(text, Loader=yaml.SafeLoader), loc)
        field = ".".join(str(p) for p in loc)
        detail = f"Zeile {line}, Feld {field}: {err['msg']}"
        raise ClaimcheckError("E030", path=where, detail=detail) from exc


def _slow_parse(text: str, where: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ClaimcheckError("E030", path=where, detail=f"YAML-Fehler: {exc}") from exc


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
