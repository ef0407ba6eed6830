"""One vocabulary for every output (text, HTML, batch): verdict words and counts.

The words are data (``lang/de/messages.yaml``); these names stay for the modules that use them.
"""
from __future__ import annotations

from claimcheck.lang import message, pack
from claimcheck.models import Summary

_MESSAGES = pack().messages
# verdict (or counted thing) -> (singular, plural)
WORDS: dict[str, tuple[str, str]] = _MESSAGES.counts
LEGEND = _MESSAGES.render["legend"]
RULES = _MESSAGES.render["rules"]
HEADLINE: dict[str, str] = _MESSAGES.headline
# slot of a claim -> its name (messages, trace, HTML notes, LanguageTool matches)
SLOT_LABELS: dict[str, str] = _MESSAGES.slots


def counted(n: int, word: str) -> str:
    """``1 Abweichung``, ``2 Abweichungen``, ``0 Angaben``."""
    one, many = WORDS[word]
    return f"{n} {one if n == 1 else many}"


def label(verdict: str) -> str:
    return WORDS.get(verdict, (verdict, verdict))[0]


def summary_phrase(s: Summary, hidden: tuple[str, ...] = ()) -> str:
    """``9 Angaben: 2 Abweichungen, 5 bestätigt, 2 nicht prüfbar`` (+ suppressed, + hidden)."""
    parts = [counted(getattr(s, v), v) for v in ("mismatch", "supported", "unverified")
             if v not in hidden]
    if s.suppressed:
        parts.append(counted(s.suppressed, "suppressed"))
    n_hidden = sum(getattr(s, v) for v in hidden)
    if n_hidden:
        parts.append(message("render.hidden", n=n_hidden))
    return message("render.summary", claims=counted(s.claims, "claims"), parts=", ".join(parts))
