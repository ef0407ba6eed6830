"""Project configuration, discovered like ruff and Vale do it.

From the working directory upwards, the first folder holding a ``.claimcheck.toml`` (keys at the
top level) or a ``pyproject.toml`` with a ``[tool.claimcheck]`` table wins (in one folder,
``.claimcheck.toml`` comes first; a ``pyproject.toml`` without the table is passed over).
Paths in it are relative to the file's folder. Command-line flags win over the file.

    [tool.claimcheck]
    reference = "facts/prag.json"     # fact base
    date = "2025-02"                  # document date when the text has no header
    format = "text"                   # text|json|jsonl|html|github|sarif
    show = ["mismatch", "supported"]  # verdicts listed in text and HTML
    color = "auto"                    # auto|always|never
    model = "blank"                   # spaCy pipeline
    ignore-file = ".claimcheck-ignore"
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from claimcheck.document import ISO as ISO_DATE
from claimcheck.errors import ClaimcheckError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_FILE = ".claimcheck.toml"
FORMATS = ("text", "json", "jsonl", "html", "github", "sarif")
VERDICTS = ("mismatch", "supported", "unverified")
DEFAULT_SHOW = ("mismatch", "supported")  # "nicht prüfbar" would bury the findings


class Settings(BaseModel):
    """The keys of a configuration file (unknown keys are errors)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    reference: Optional[str] = None
    date: Optional[str] = None
    format: Optional[Literal["text", "json", "jsonl", "html", "github", "sarif"]] = None
    show: Optional[list[Literal["mismatch", "supported", "unverified"]]] = None
    color: Optional[Literal["auto", "always", "never"]] = None
    model: Optional[str] = None
    ignore_file: Optional[str] = Field(default=None, alias="ignore-file")
    path: Optional[Path] = Field(default=None, exclude=True)  # the file it came from

    @field_validator("show", mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        return parse_show(value) if isinstance(value, str) else value

    @field_validator("date")
    @classmethod
    def _date(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not ISO_DATE.match(value):
            raise ValueError("erwartet YYYY-MM oder YYYY-MM-DD")
        return value

    def resolve(self, value: Optional[str]) -> Optional[str]:
        """A path of the file made absolute against the file's folder."""
        if value is None or self.path is None:
            return value
        return str((self.path.parent / value).resolve())


def parse_show(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def folders_up(start: Union[str, Path, None] = None) -> tuple[Path, ...]:
    """``start`` (default: the working directory) and every folder above it, nearest first:
    where configuration and ignore files are looked for, as ruff and Vale do."""
    here = Path(start or Path.cwd()).resolve()
    return (here, *here.parents)


def find_config(start: Union[str, Path, None] = None) -> Optional[Path]:
    for folder in folders_up(start):
        own = folder / CONFIG_FILE
        if own.is_file():
            return own
        project = folder / "pyproject.toml"
        if project.is_file() and "claimcheck" in _read(project).get("tool", {}):
            return project
    return None


def load_config(path: Union[str, Path, None] = None) -> Settings:
    """Settings of ``path``, or of the discovered file, or empty settings when there is none."""
    found = Path(path) if path is not None else find_config()
    if found is None:
        return Settings()
    data = _read(found)
    if found.name == "pyproject.toml":
        data = data.get("tool", {}).get("claimcheck", {})
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"]) or "(Wurzel)"
        raise ClaimcheckError("E070", path=str(found), key=key, detail=_german(err)) from exc
    settings.path = found.resolve()
    return settings


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ClaimcheckError("E070", path=str(path), key="TOML", detail=str(exc)) from exc
    except OSError as exc:
        raise ClaimcheckError("E070", path=str(path), key="Datei", detail=exc.strerror or str(exc)) from exc


def _german(err: Any) -> str:
    kind = err.get("type", "")
    if kind == "extra_forbidden":
        return "unbekannter Schlüssel (erlaubt: " + ", ".join(_keys()) + ")"
    if kind == "value_error":
        return f"ungültiger Wert {err.get('input')!r}: {err['ctx']['error']}"
    if kind == "literal_error":
        return f"ungültiger Wert {err.get('input')!r} (erlaubt: {err['ctx']['expected']})"
    return f"ungültiger Wert {err.get('input')!r} ({err.get('msg')})"


def _keys() -> list[str]:
    return [f.alias or name for name, f in Settings.model_fields.items() if name != "path"]
