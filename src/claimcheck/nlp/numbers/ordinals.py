"""Ordinal words as quantities: "die ersten Kontakte", "zum zweiten Mal", "das dritte Treffen".

An ordinal counts too ("the second meeting" against "the first of a series"), so it becomes a
``Quantity`` with unit "ordinal"; the aligner compares ordinals only with ordinals. A word is an
ordinal only right after an ordinal cue (article, "zum", "im" …), so the verb "achten" is not one,
and only in lower case ("die Erste Bank" is a name).
Word lists: ``ordinal_words``, ``ordinal_endings``, ``ordinal_cues`` in ``numbers.yaml``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

from claimcheck.models import Quantity
from claimcheck.nlp.numbers.lexicon import NumbersLexicon, numbers_lexicon

UNIT = "ordinal"


@lru_cache(maxsize=8)
def _pattern(lex: NumbersLexicon) -> re.Pattern[str]:
    # the guard (first letters of the cues, in any case) lets the engine skip most positions fast
    firsts = re.escape("".join(sorted({w[:1].lower() for w in lex.data.ordinal_cues})))
    guard = rf"(?=(?i:[{firsts}]))" if firsts and all(w for w in lex.data.ordinal_cues) else ""
    filler = rf"(?:(?i:{_alternatives(lex, 'ordinal_fillers')})\s+)?" if lex.data.ordinal_fillers else ""
    return re.compile(rf"{guard}(?<![\w-])(?i:{_alternatives(lex, 'ordinal_cues')})\s+{filler}(?P<word>{_word(lex)})(?![\w-])")


@lru_cache(maxsize=8)
def _shape_pattern(lex: NumbersLexicon) -> Optional[re.Pattern[str]]:
    """A cue of a word shape (``ordinal_cue_pattern``: "Trumps zweiter Amtszeit"), only before a
    capitalised word, the counted noun: "die Bürger des Landes achten die Gesetze" has no ordinal."""
    shape = lex.data.ordinal_cue_pattern
    return re.compile(rf"(?<![\w-])(?:{shape})\s+(?P<word>{_word(lex)})(?=\s+[^\W\d_])") if shape else None


@lru_cache(maxsize=8)
def _prefilter(lex: NumbersLexicon) -> re.Pattern[str]:
    """The ordinal word alone: a text without it has no match of ``_pattern`` (which ends in
    it); scanning for it is five times faster than for the whole pattern with its cues."""
    return re.compile(rf"{_word(lex)}(?![\w-])")


@lru_cache(maxsize=8)
def _word_pattern(lex: NumbersLexicon) -> re.Pattern[str]:
    return re.compile(_word(lex))


def _word(lex: NumbersLexicon) -> str:
    # the cue in any case ("Zum dritten Mal"), the ordinal lower-case: "die Erste Bank" is a name
    return rf"(?P<stem>{_alternatives(lex, 'ordinal_words')})(?:{_alternatives(lex, 'ordinal_endings')})"


def _alternatives(lex: NumbersLexicon, name: str) -> str:
    words = getattr(lex.data, name)
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def find_ordinals(text: str, exclude: Sequence[tuple[int, int]] = (),
                  lex: Optional[NumbersLexicon] = None) -> list[Quantity]:
    """Ordinal quantities of ``text``, sorted, none overlapping ``exclude`` (``lex``: the number
    lexicon of a pack; the bundled German one by default)."""
    lex = lex or numbers_lexicon()
    values = lex.data.ordinal_words
    out: list[Quantity] = []
    if _prefilter(lex).search(text) is None:
        return out
    shape = _shape_pattern(lex)
    nouns = [m for m in (shape.finditer(text) if shape else ()) if _before_noun(text, m.end("word"))]
    matches = [*_pattern(lex).finditer(text), *nouns]
    for m in sorted(matches, key=lambda m: m.start("word")):
        a, b = m.span("word")
        if any(s < b and a < e for s, e in exclude) or any(q.start == a for q in out):
            continue
        n = float(values[m.group("stem")])
        out.append(Quantity(text=m.group("word"), start=a, end=b, value=n, low=n, high=n, unit=UNIT))
    return out


def _before_noun(text: str, end: int) -> bool:
    rest = text[end:end + 40].lstrip()
    return rest[:1].isupper()


def ordinal_value(word: str, lex: Optional[NumbersLexicon] = None) -> Optional[float]:
    """The value of a lower-case ordinal word in any ending ("zweiter", "zweiten": 2), else None."""
    lex = lex or numbers_lexicon()
    m = _word_pattern(lex).fullmatch(word)
    return float(lex.data.ordinal_words[m.group("stem")]) if m else None


def inflected_like(word: str, model: str, lex: Optional[NumbersLexicon] = None) -> str:
    """The ordinal ``word`` with the ending of the ordinal ``model``: "zweiten" for "dritte" is
    "zweite" ("die dritte Runde" -> "die zweite Runde"); a digit ordinal ("2.") stays as it is."""
    full = _word_pattern(lex or numbers_lexicon())
    a, b = full.fullmatch(word), full.fullmatch(model)
    if a is None or b is None:
        return word
    return a.group("stem") + model[b.end("stem"):]
