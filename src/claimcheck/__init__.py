"""claimcheck: check numeric and dated claims in German texts against a reference fact base.

Public API (imported lazily, so that ``import claimcheck.cli`` does not load spaCy):
``Checker``, ``check_text``, ``extract_claims``, ``build_reference``, ``load_reference``,
``save_reference`` and the pydantic models ``Report``, ``ClaimReport``, ``Mismatch``, ``Claim``,
``Fact``, ``FactBase``.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Union

if TYPE_CHECKING:  # pragma: no cover
    from claimcheck.checker import Checker
    from claimcheck.models import Claim, ClaimReport, Fact, FactBase, Mismatch, Report
    from claimcheck.reference import load_reference, save_reference

__all__ = ["Checker", "check_text", "extract_claims", "build_reference", "load_reference",
           "save_reference", "Claim", "ClaimReport", "Fact", "FactBase", "Mismatch", "Report"]
__version__ = "0.1.0"

_LAZY = {"Checker": "claimcheck.checker", "load_reference": "claimcheck.reference",
         "save_reference": "claimcheck.reference", **{name: "claimcheck.models" for name in (
             "Claim", "ClaimReport", "Fact", "FactBase", "Mismatch", "Report")}}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")


@lru_cache(maxsize=2)
def _default_checker(model: Optional[str] = None) -> "Checker":
    from claimcheck.checker import Checker

    return Checker(model=model)


def check_text(text: str, *, date=None, source: str = "<text>") -> "Report":
    """Check ``text`` against the bundled reference (pipeline loaded once per process)."""
    return _default_checker().check_text(text, source=source, date=date)


def extract_claims(text: str, document_date=None) -> "list[Claim]":
    """The claims of a German text."""
    return _default_checker().extract(text, document_date)


def build_reference(path: Union[str, Path], *, date=None, model: Optional[str] = None) -> "FactBase":
    """Build a fact base from a source article with the draft extractor."""
    return _default_checker(model).build_reference(path, date=date)
