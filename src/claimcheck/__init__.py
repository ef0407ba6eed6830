"""claimcheck: check numeric and dated claims in German texts against a reference fact base."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

from claimcheck.checker import Checker
from claimcheck.models import Claim, ClaimReport, Fact, FactBase, Mismatch, Report
from claimcheck.reference import load_reference, save_reference

__all__ = ["Checker", "check_text", "extract_claims", "build_reference", "load_reference",
           "save_reference", "Claim", "ClaimReport", "Fact", "FactBase", "Mismatch", "Report"]
__version__ = "0.1.0"


@lru_cache(maxsize=2)
def _default_checker(model: Optional[str] = None) -> Checker:
    return Checker(model=model)


def check_text(text: str, *, date=None, source: str = "<text>") -> Report:
    """Check ``text`` against the bundled reference (pipeline loaded once per process)."""
    return _default_checker().check_text(text, source=source, date=date)


def extract_claims(text: str, document_date=None) -> list[Claim]:
    """The claims of a German text."""
    return _default_checker().extract(text, document_date)


def build_reference(path: Union[str, Path], *, date=None, model: Optional[str] = None) -> FactBase:
    """Build a fact base from a source article with the draft extractor."""
    return _default_checker(model).build_reference(path, date=date)
