"""Language check of an input: a cheap function-word test (``lang/de/language.yaml``).

A text is taken as German unless another language's function words clearly outnumber German
ones, or most of its letters are of another script. lingua-language-detector gives the same
verdicts on our inputs but costs a 96 MB install and, with all languages, 0.9 s and 72 MiB on
first use (measured 2026-12-01, see README "Measuring"); this test costs microseconds.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from claimcheck.lang import pack
from claimcheck.lang.schema.language import LanguageFile
from claimcheck.nlp.regex import trie_regex

GERMAN = "de"
# Another language needs at least this many function-word hits, and more than RATIO times the
# German hits: one English word in a German text (or a one-line quote) changes nothing.
MIN_FOREIGN_HITS = 2
RATIO = 2.0
# Another script decides when it makes up at least this share of the letters.
SCRIPT_SHARE = 0.5
# Only the first characters are looked at: enough words for a verdict, bounded cost.
SAMPLE_CHARS = 20_000
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Verdict:
    code: str  # ISO 639-1: "de", "en", ...
    label: str  # German name of the language: "Englisch"

    @property
    def german(self) -> bool:
        return self.code == GERMAN


@lru_cache(maxsize=1)
def _data() -> tuple[LanguageFile, dict[str, list[str]], re.Pattern]:
    """The file, word -> the languages it is a function word of, and a regex that finds the
    words (letter runs, as ``_WORD`` reads them) that are a function word of some language."""
    data = pack().language
    if GERMAN not in data.languages:
        raise ValueError("language.yaml: no entry for German (de)")
    index: dict[str, list[str]] = {}
    for code, e in data.languages.items():
        for w in {w.lower() for w in e.words}:
            index.setdefault(w, []).append(code)
    letters = [w for w in index if _WORD.fullmatch(w)]  # other entries never equal a letter run
    regex = r"(?<![^\W\d_])" + trie_regex(letters) + r"(?![^\W\d_])" if letters else r"(?!)"
    return data, index, re.compile(regex)


def detect_language(text: str) -> Verdict:
    """The language of ``text`` (German when in doubt)."""
    data, words, function_words = _data()
    sample = text[:SAMPLE_CHARS]
    script = _other_script(sample, data)
    if script is not None:
        return script
    hits: Counter[str] = Counter()
    for w, n in Counter(function_words.findall(sample.lower())).items():  # each distinct word once
        for code in words.get(w, ()):
            hits[code] += n
    de = hits.pop(GERMAN, 0)
    if hits:
        code, n = hits.most_common(1)[0]
        if n >= MIN_FOREIGN_HITS and n > RATIO * de:
            return Verdict(code, data.languages[code].label)
    return Verdict(GERMAN, data.languages[GERMAN].label)


_BEYOND_LATIN = re.compile(r"[^\x00-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")


def _other_script(sample: str, data: LanguageFile):
    if not data.scripts:
        return None
    beyond = [c for c in _BEYOND_LATIN.findall(sample) if c.isalpha()]  # beyond Latin Extended-B
    if not beyond:
        return None
    letters = len(_LETTER.findall(sample))
    counts: Counter[str] = Counter(unicodedata.name(c, "").split(" ")[0] for c in beyond)
    for name, n in counts.most_common(1):
        entry = data.scripts.get(name)
        if entry is not None and n / letters >= SCRIPT_SHARE:
            return Verdict(entry.code, entry.label)
    return None
