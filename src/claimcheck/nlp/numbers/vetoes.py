"""Numbers that are no quantity: times of day, scores, hyphen compounds ("35-Jährige",
"Covid-19"), ordinals ("der 3. Platz"), postcodes, house numbers; and the labels after a
reference word ("Artikel 5 und 6")."""
from __future__ import annotations

import re
from typing import Optional

from claimcheck.lang.schema.numbers import HedgeEntry
from claimcheck.nlp.numbers.lexicon import NumbersLexicon, Token, glued, noun_at
from claimcheck.nlp.numbers.values import Num, word_number


def veto(text: str, toks: list[Token], i: int, first: Num, last: Num, end: int,
          hedge: Optional[HedgeEntry], lex: NumbersLexicon) -> Optional[int]:
    """Token index to skip to when the number is no quantity (time, score, compound, ordinal,
    postcode, house number); None when it is one."""
    d, f = lex.data, first.first
    if end < len(toks) and toks[end].low in d.time_words:
        return end + 1  # "um 9 Uhr", "9 bis 17 Uhr"
    k = last.end
    if k < len(toks) and toks[k].low in d.score_words and is_label(toks, k + 1) \
            and not noun_at(toks, k + 2):
        return k + 2  # "3 zu 1", but "mit 420 zu 180 Stimmen" are two counts
    if _hyphen_word(toks, end, end + 1, glued(toks, end - 1, end)):
        return end + 2  # "35-Jährige", "1,5-Millionen-Stadt"
    if _hyphen_word(toks, f - 1, f - 2, glued(toks, f - 1, f)):
        return end  # "Covid-19"
    if hedge is None and first is last and last.scale is None and end == last.end:
        if _is_ordinal(toks, i, end, lex) or _is_postcode(text, toks, i, lex):
            return end + 1
        if _is_house_number(toks, i, end, lex):
            return end
    return None


def _hyphen_word(toks: list[Token], h: int, w: int, touching: bool) -> bool:
    """A hyphen at ``h`` glued to the word at ``w`` (and, by ``touching``, to the number)."""
    if not touching or min(h, w) < 0 or max(h, w) >= len(toks):
        return False
    hyphen, word = toks[h].text in ("-", "–"), toks[w].kind == "word"
    return hyphen and word and glued(toks, min(h, w), max(h, w))


def is_label(toks: list[Token], k: int) -> bool:
    """A number token or number word (also "eins") at ``k``."""
    if k >= len(toks):
        return False
    return toks[k].kind == "num" or (toks[k].kind == "word" and word_number(toks[k].low) is not None)


def _is_ordinal(toks: list[Token], i: int, end: int, lex: NumbersLexicon) -> bool:
    """ "der 3. Platz", "zum 2. Mal", "am 3. und 4."; but not "Es starben 35. Die ..."."""
    if toks[i].kind != "num" or end >= len(toks) or toks[end].text != ".":
        return False
    if not glued(toks, end - 1, end):
        return False
    cue = i > 0 and toks[i - 1].low in lex.data.ordinal_cues
    after = toks[end + 1] if end + 1 < len(toks) else None
    return cue or (after is not None and after.kind == "word" and after.text[:1].islower())


def _is_postcode(text: str, toks: list[Token], i: int, lex: NumbersLexicon) -> bool:
    """ "10117 Berlin" at a line start, after a cue ("Straße 1, 10117 Berlin", "in 10117 Berlin")
    or with a leading zero ("01067 Dresden")."""
    tok = toks[i]
    if not re.fullmatch(r"[0-9]{5}", tok.text) or not noun_at(toks, i + 1):
        return False
    line_start = i == 0 or "\n" in text[toks[i - 1].end:tok.start]
    return line_start or tok.text.startswith("0") or toks[i - 1].low in lex.data.postcode_cues


def _is_house_number(toks: list[Token], i: int, end: int, lex: NumbersLexicon) -> bool:
    """ "Wilhelmstraße 70, 10117 Berlin", "Hauptstr. 5": a number after a street name that is not
    followed by a capitalised (counted) noun."""
    if i == 0 or noun_at(toks, end):
        return False
    prev = toks[i - 1]
    if prev.text == "." and i >= 2:
        prev = toks[i - 2]._replace(text=toks[i - 2].text + ".")  # "Hauptstr. 5"
    low = prev.text.lower()
    suffixes = lex.data.street_suffixes
    return prev.kind == "word" and any(low.endswith(s) and len(low) > len(s) for s in suffixes)


def skip_labels(text: str, toks: list[Token], j: int, lex: NumbersLexicon) -> int:
    """After a reference word: skip its labels ("Artikel 5 und 6", "§§ 3, 4")."""
    k = j
    while is_label(toks, k):
        k += 1
        joined = k < len(toks) and toks[k].low in lex.data.reference_connectors
        if joined and is_label(toks, k + 1):
            k += 1
        else:
            break
    return k
