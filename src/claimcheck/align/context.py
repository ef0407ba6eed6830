"""Context features of the alignment model: weighted word bags, deadlines, offsets, durations.

Pure functions over strings. Words are weighted by rarity (``wordfreq``'s German Zipf
frequencies: frequent function words weigh nothing, so no stop-word list is needed), matched
by their Snowball stem, and long compounds also by their head ("Botschaftspersonal" ~ "Personal").
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

import snowballstemmer
from claimcheck.align import config as cfg
from claimcheck.align.frequencies import zipf_table
from claimcheck.models import Claim, Fact, Quantity
from claimcheck.lang import DEFAULT, pack
from claimcheck.lang.schema.align import AlignFile
from claimcheck.nlp.lemmas import load_lemmas

Bag = dict[str, float]


@lru_cache(maxsize=4)
def align_data(lang: str = "de") -> AlignFile:
    """The pack's alignment data (``lang/<lang>/align.yaml``)."""
    return pack(lang).align


@lru_cache(maxsize=4)
def _patterns(lang: str = "de") -> tuple[re.Pattern, re.Pattern]:
    """A word, and the one or two words right before a position, in the pack's alphabet."""
    letters = align_data(lang).letters
    return (re.compile(f"[{letters}]+"),
            re.compile(f"([{letters}]+)(?:\\s+([{letters}]+))?\\s+$"))


WORD, PREV_WORDS = _patterns()
_STEMMER = snowballstemmer.stemmer(align_data().stemmer)


def zipf(word: str) -> float:
    """Zipf frequency of a lower-cased word (0 when rarer than ``ZIPF_TABLE_MIN`` or unknown)."""
    found = zipf_table(align_data().frequency_list).get(word.casefold())  # the lists are case-folded: "ß" -> "ss"
    return float(found) if found is not None else 0.0


@lru_cache(maxsize=65536)
def word_weight(word: str) -> float:
    """Rarity of a lower-cased word: 0 for very frequent words, up to ``WEIGHT_MAX``."""
    return max(0.0, min(cfg.WEIGHT_MAX, cfg.ZIPF_CEIL - zipf(word)))


@lru_cache(maxsize=65536)
def word_keys(token: str) -> tuple[tuple[str, float], ...]:
    """(stem, weight) keys of one word: the stem of its lemma ("ausgewiesen" and "Ausweisung"
    share "ausweis"), and its head if it is a compound. The weight is the word's own rarity."""
    word = token.lower()
    weight = word_weight(word)
    if weight <= 0:
        return ()
    canon = _synonyms()
    stem = _STEMMER.stemWord(_lemma(token).lower())
    keys = [(canon.get(stem, stem), weight)]
    head = compound_head(word) if token[:1].isupper() else None  # compounds of interest are nouns
    if head:
        head_stem = _STEMMER.stemWord(head)
        keys.append((canon.get(head_stem, head_stem), weight * cfg.COMPOUND_HEAD_SHARE))
        first = _synonym_prefix(word[:len(word) - len(head)])
        if first:
            keys.append((first, weight * cfg.COMPOUND_HEAD_SHARE))
    if token[:1].isupper():
        keys += [(key, weight * cfg.COMPOUND_HEAD_SHARE) for key in _synonym_tails(word)
                 if all(key != k for k, _ in keys)]
    return tuple(keys)


def _synonym_tails(word: str) -> list[str]:
    """Group keys of synonyms that end a compound ("Jahresteuerung" ends with "teuerung",
    whatever word the longest-head split found)."""
    m = _synonym_tail_pattern().search(word, 3)
    return [_synonym_words()[m.group(0)]] if m else []


@lru_cache(maxsize=4)
def _synonym_tail_pattern(lang: str = "de") -> re.Pattern[str]:
    words = sorted(_synonym_words(lang), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + ")$") if words else re.compile("(?!)")


@lru_cache(maxsize=4)
def _synonym_words(lang: str = "de") -> dict[str, str]:
    """Lower-cased synonym -> its group key."""
    return {w.lower(): _STEMMER.stemWord(group[0].lower()) for group in align_data(lang).synonyms for w in group}


@lru_cache(maxsize=4)
def _synonyms(lang: str = "de") -> dict[str, str]:
    """Stem of each synonym -> the stem of its group's first word (``align.yaml: synonyms``)."""
    out: dict[str, str] = {}
    for group in align_data(lang).synonyms:
        key = _STEMMER.stemWord(group[0].lower())
        out.update((_STEMMER.stemWord(w.lower()), key) for w in group)
    return out


def _synonym_prefix(modifier: str) -> Optional[str]:
    """The group key of a compound's first part when it is a synonym ("teuerungs" of
    "Teuerungsrate" -> the key of "Inflation"); linking "s"/"es"/"n" dropped."""
    words = _synonym_words()
    for cut in (modifier, modifier[:-1], modifier[:-2]):
        if len(cut) >= 4 and cut in words:
            return words[cut]
    return None


def _lemma(token: str) -> str:
    """The lookup lemma of a word (spaCy's German table), else the word."""
    table = load_lemmas(DEFAULT)
    found = table.get(token)
    if found is None and not token.islower():
        found = table.get(token.lower())
    return found or token


def compound_head(word: str) -> Optional[str]:
    """The longest real word (4+ letters) that ends a long word, if any."""
    if len(word) < cfg.COMPOUND_MIN:
        return None
    for k in range(3, len(word) - 3):
        tail = word[k:]
        if zipf(tail) >= cfg.COMPOUND_HEAD_ZIPF:
            return tail
    return None


@lru_cache(maxsize=8192)
def bag(text: str) -> Bag:
    """Stem -> weight for the content words of a text (numbers are not words here)."""
    out: Bag = {}
    for m in WORD.finditer(text):
        for key, weight in word_keys(m.group(0)):
            if weight > out.get(key, 0.0):
                out[key] = weight
    return out


def dice(a: Bag, b: Bag) -> float:
    """Weighted overlap of two bags in [0, 1]: the mean of Dice (both sides alike) and of the
    overlap coefficient (a short paraphrase inside a long source sentence still scores, and so
    does a source sentence that names by a pronoun what the draft names: "Sie müssen …").
    Measured: the share of the claim's bag alone (instead of the smaller bag's) lost such
    anaphoric pairs on the invented test source while it won only one headline trap."""
    wa, wb = sum(a.values()), sum(b.values())
    if wa <= 0 or wb <= 0:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    shared = sum(min(w, large[k]) for k, w in small.items() if k in large)
    return (2 * shared / (wa + wb) + shared / min(wa, wb)) / 2


def local_window(text: str, start: int, end: int, lo: int, hi: int, chars: int = cfg.LOCAL_CHARS) -> str:
    """The claim's clause, roughly: ``chars`` either side, inside the sentence [lo, hi), without
    a word cut at either edge (a cut "Leb|ensmitteln" would be an unknown, heavily weighted "leb")."""
    a, b = max(lo, start - chars), min(hi, end + chars)
    while lo < a < start and text[a - 1].isalnum() and text[a].isalnum():
        a += 1
    while end < b < hi and text[b - 1].isalnum() and text[b].isalnum():
        b -= 1
    return text[a:b]


def bags_at(text: str, start: int, end: int, lo: int, hi: int) -> tuple[Bag, Bag, Bag]:
    """Sentence, local and near bags of the expression [start, end) of sentence [lo, hi)."""
    return (bag(text[lo:hi]), bag(local_window(text, start, end, lo, hi)),
            bag(local_window(text, start, end, lo, hi, cfg.NEAR_CHARS)))


def is_deadline(text: str, start: int, lo: int, lang: str = "de") -> bool:
    """A time expression right after "bis", "spätestens" … (skipping an article: "bis zum"),
    or in a clause that names a deadline ("läuft die Frist ab", "die Ausreisefrist endet": a
    compound counts by its head)."""
    data = align_data(lang)
    words = [w.lower() for w in WORD.findall(text[max(lo, start - 20):start])][-2:]
    if any(w in data.deadline for w in words):
        return True
    a = max(lo, start - cfg.LOCAL_CHARS)
    while a > lo and text[a - 1].isalpha():  # whole words only: "Ausreisefrist", not "reisefrist"
        a -= 1
    near = WORD.findall(text[a:start + cfg.LOCAL_CHARS])
    heads = tuple(n.casefold() for n in data.deadline_nouns)
    return any(w in data.deadline_nouns or (w[:1].isupper() and w.casefold().endswith(heads)
                                             and w not in data.not_deadlines) for w in near)


def is_backstory(text: str, start: int, lo: int, lang: str = "de") -> bool:
    """A pluperfect auxiliary in the clause around ``start``: the statement is backstory."""
    words = {w.lower() for w in WORD.findall(local_window(text, start, start, lo, len(text)))}
    return bool(words & set(align_data(lang).backstory))


def is_offset(text: str, end: int, lang: str = "de") -> bool:
    """A time quantity followed by "vor", "nach", "später" …: a distance in time."""
    m = WORD.search(text, end, end + 16)
    return m is not None and m.group(0).lower() in align_data(lang).offset


def in_hours(q: Quantity, noun: Optional[str], lang: str = "de") -> Optional[Quantity]:
    """A duration converted to hours ("drei Tage" -> 72), or None if the noun is no time unit."""
    factor = align_data(lang).durations.get(noun or "")
    if factor is None:
        return None
    scale = {k: (v * factor if isinstance(v, float) else v)
             for k, v in q.model_dump(include={"value", "low", "high"}).items()}
    return q.model_copy(update=scale)


def fact_bags(fact: Fact) -> tuple[Bag, Bag, Bag]:
    """Sentence, local and near bags of a fact (cached through ``bag``)."""
    p = fact.provenance
    return bags_at(p.sentence, p.start - p.sentence_start, p.end - p.sentence_start, 0, len(p.sentence))


def claim_bags(text: str, claim: Claim, within: Optional[tuple[int, int]] = None) -> tuple[Bag, Bag, Bag]:
    """``within``: the part of the sentence that is the claim's statement (default: all of it)."""
    lo, hi = within or (claim.sentence_start, claim.sentence_end)
    return bags_at(text, claim.start, claim.end, lo, hi)
