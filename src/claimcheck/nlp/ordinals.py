"""Compatibility name of :mod:`claimcheck.nlp.numbers.ordinals` (the alignment modules import
``UNIT`` from here; new code imports the numbers package)."""
from claimcheck.nlp.numbers.ordinals import UNIT, find_ordinals

__all__ = ["UNIT", "find_ordinals"]
