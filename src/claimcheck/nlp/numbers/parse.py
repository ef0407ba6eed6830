"""Number expressions in German text, normalised to :class:`claimcheck.models.Quantity`.

``find_quantities`` reads digits with German separators ("1.000", "2,5"), scale words
("1,5 Millionen", "3 Mrd."), number words ("fünfunddreißig", via text_to_num), vague amounts
("Dutzende", "mehrere Hundert"), hedges ("rund 750", "mehr als 700", "zwischen 30 und 40") and
percentages. Times of day, scores, references ("Seite 12", "§ 35"), postcodes, phone numbers,
ordinals and footnote digits are not quantities. Word lists and tolerances: ``numbers.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Optional, Sequence


from claimcheck.models import Quantity
from claimcheck.nlp.numbers.values import Num, word_number
from claimcheck.nlp.numbers.vetoes import skip_labels, veto
from claimcheck.nlp.numbers.lexicon import (
    HedgeEntry, NumbersLexicon, Overlaps, Token, mask, match_phrase, numbers_lexicon, token_windows,
)

_SENTENCE_END = ".!?:;\n\r…"
_OPENERS = " \t\"'„“”‚‘»«(–—-["


def find_quantities(text: str, exclude: Sequence[tuple[int, int]] = (),
                    lex: Optional[NumbersLexicon] = None) -> list[Quantity]:
    """Quantities of ``text``, sorted by start, non-overlapping, none overlapping ``exclude``
    (``lex``: the number lexicon of a pack; the bundled German one by default)."""
    lex = lex or numbers_lexicon()
    masked = mask(text, exclude, lex.data.phone_min_digits)
    overlaps = Overlaps(exclude)
    found: list[Quantity] = []
    starts = lex.known_starts  # may_start's answers by word: one dict lookup per token
    for toks in token_windows(masked, lex.trigger, lambda w: _number_word(w, lex)):
        i = 0
        while i < len(toks):
            tok = toks[i]
            if tok.kind != "num" and not (starts.get(tok.low) or (tok.low not in starts and lex.may_start(tok))):
                i += 1
                continue
            q, j = _parse_at(text, toks, i, lex)
            if q is not None and not overlaps(q.start, q.end):
                found.append(q)
            i = max(j, i + 1)
    return found


def _parse_at(text: str, toks: list[Token], i: int,
              lex: NumbersLexicon) -> tuple[Optional[Quantity], int]:
    """The quantity starting at token ``i`` (or None) and the token index to continue at."""
    _, j = match_phrase(toks, i, lex.references)
    if j > i:
        return None, skip_labels(text, toks, j, lex)
    hedge, j = match_phrase(toks, i, lex.hedges)
    if hedge is None:
        vague = _parse_vague(text, toks, i, lex)
        if vague is not None:
            return vague
    first = _parse_number(text, toks, j, lex)
    if first is None:
        return None, i + 1
    first, second = _parse_range(text, toks, first, hedge, lex)
    if hedge is not None and hedge.kind == "range" and second is None:
        return None, i + 1  # "von 30 Menschen": retry at "30" without the opener
    last = second or first
    unit, end = match_phrase(toks, last.end, lex.units)
    if unit is None and _multiplicative(toks[last.first].low, lex) is not None:
        unit = lex.data.multiplicative.unit  # "zweimal"
    skip_to = veto(text, toks, i, first, last, end, hedge, lex)
    if skip_to is not None:
        return None, skip_to
    return _build(text, toks, i, end, hedge, first, second, unit, lex), end


def _word_value(text: str, tok: Token, lex: NumbersLexicon) -> Optional[Decimal]:
    """Value of a number word, or None for articles, ordinals, nouns ("die Elf") and other words."""
    low, d = tok.low, lex.data
    if low in d.articles or low in d.not_counts:
        return None
    capitalised = tok.text[:1].isupper() and not tok.text.isupper()
    if capitalised and low not in d.capitalised_ok and not _sentence_initial(text, tok.start):
        return None
    return _lower_word_value(low, lex)


def _lower_word_value(low: str, lex: NumbersLexicon) -> Optional[Decimal]:
    """Value of a lower-cased number word ("zweieinhalb", "dreimal", "anderthalb"), or None."""
    d = lex.data
    if low in d.fractions:
        return Decimal(str(d.fractions[low]))
    times = _multiplicative(low, lex)
    if times is not None:
        return times
    if low.endswith(d.half_suffix) and len(low) > len(d.half_suffix):
        whole = word_number(low[: -len(d.half_suffix)])
        return None if whole is None else whole + Decimal("0.5")
    return word_number(low)


def _number_word(low: str, lex: NumbersLexicon) -> bool:
    """A word the parser can read as (part of) a quantity, in any case: a number word, a word of
    a vague amount or scale, an article (a superset of what ``_word_value`` accepts)."""
    known = lex.number_words.get(low)
    if known is None:
        known = (low in lex.vague.words or low in lex.scales.words or low in lex.data.articles
                 or _lower_word_value(low, lex) is not None)
        if len(lex.number_words) < 100_000:
            lex.number_words[low] = known
    return known


def _multiplicative(low: str, lex: NumbersLexicon) -> Optional[Decimal]:
    """The count of "zweimal", "dreimal" (None for other words and the excluded ones)."""
    m = lex.data.multiplicative
    if not low.endswith(m.suffix) or len(low) <= len(m.suffix) or low in m.exclude:
        return None
    return word_number(low[: -len(m.suffix)])


_HEADER_END = re.compile(r"(?:^|\n)[ \t]*date[ \t]+\d{4}-\d{2}(?:-\d{2})?$", re.IGNORECASE)


def _sentence_initial(text: str, pos: int) -> bool:
    """At the start of a sentence, or right after the document's date header on its line."""
    k = pos - 1
    while k >= 0 and text[k] in _OPENERS:
        k -= 1
    return k < 0 or text[k] in _SENTENCE_END or _HEADER_END.search(text, max(0, k - 24), k + 1) is not None


def _parse_number(text: str, toks: list[Token], j: int, lex: NumbersLexicon) -> Optional[Num]:
    """A number at token ``j``: digits or number word, optionally followed by a scale word."""
    if j >= len(toks):
        return None
    tok = toks[j]
    if tok.kind == "word" and tok.low in lex.data.articles:
        return _article_scale(toks, j, lex)
    if tok.kind == "num":
        raw: Optional[Decimal] = tok.value
    elif tok.kind == "word":
        raw = _word_value(text, tok, lex)
    else:
        return None
    if raw is None:
        return None
    scale, end = match_phrase(toks, j + 1, lex.scales)
    factor = scale or Decimal(1)
    return Num(raw * factor, _rounding_unit(raw) * factor, raw, scale, j, max(end, j + 1))


def _article_scale(toks: list[Token], j: int, lex: NumbersLexicon) -> Optional[Num]:
    """ "eine Million", "ein Dutzend", "eine halbe Million"."""
    k, raw = j + 1, Decimal(1)
    if k < len(toks) and toks[k].low in lex.data.halves:
        k, raw = k + 1, Decimal("0.5")
    if k < len(toks) and toks[k].low in lex.data.article_scales:
        scale = lex.scales[(toks[k].low,)]
        return Num(raw * scale, raw * scale, raw, scale, j, k + 1)
    return None


def _rounding_unit(raw: Decimal) -> Decimal:
    """Unit the stated number is rounded to: 750 -> 50, 1000 -> 1000, 2.5 -> 0.5, 35 -> 1."""
    if raw == 0:
        return Decimal(1)
    _, digits, exp = raw.normalize().as_tuple()
    base = Decimal(1).scaleb(int(exp))
    return base * 5 if digits[-1] == 5 else base


def _parse_range(text: str, toks: list[Token], first: Num, hedge: Optional[HedgeEntry],
                 lex: NumbersLexicon) -> tuple[Num, Optional[Num]]:
    """"30 bis 40", "zwischen 30 und 40": (first, second), the first scaled like the second
    when only the second has a scale ("zwei bis drei Millionen"); (first, None) otherwise."""
    k = first.end
    if k >= len(toks):
        return first, None
    if hedge is not None and hedge.kind == "range":
        joined = toks[k].low == hedge.connector
    else:
        approx = hedge is None or hedge.kind == "approx"
        joined = approx and toks[k].low in lex.data.range_connectors
    second = _parse_number(text, toks, k + 1, lex) if joined else None
    if second is None:
        return first, None
    if first.scale is None and second.scale is not None and first.raw <= second.raw:
        first = replace(first, value=first.value * second.scale, unit=first.unit * second.scale)
    return (first, second) if first.value < second.value else (first, None)


def _parse_vague(text: str, toks: list[Token], i: int,
                 lex: NumbersLexicon) -> Optional[tuple[Quantity, int]]:
    """ "Dutzende", "mehrere", "einige Hundert" (range times scale), "einige Prozent"."""
    entry, j = match_phrase(toks, i, lex.vague)
    if entry is None or (j < len(toks) and toks[j].low in lex.data.vague_blockers):
        return None
    low = Decimal(str(entry.low))
    high = None if entry.high is None else Decimal(str(entry.high))
    if entry.multiplies:
        scale, k = match_phrase(toks, j, lex.scales)
        if scale is not None:
            low, high, j = low * scale, None if high is None else high * scale, k
    unit, j = match_phrase(toks, j, lex.units)
    start, end = toks[i].start, toks[j - 1].end
    return Quantity(text=text[start:end], start=start, end=end, low=float(low),
                    high=None if high is None else float(high), vague=True, unit=unit), j


def _interval(kind: Optional[str], n: Num, lex: NumbersLexicon) -> tuple:
    """(low, high, low_inclusive, high_inclusive) of a hedged number (see numbers.yaml)."""
    v, tol = n.value, lex.data.tolerance
    near = Decimal(str(tol.near))
    if kind == "approx":
        t = min(max(Decimal(str(tol.approx_min)) * v, n.unit / 2), Decimal(str(tol.approx_max)) * v)
        return v - t, v + t, True, True
    return {
        None: (v, v, True, True),
        "above_near": (v, v * (1 + near), True, True),
        "below_near": (v * (1 - near), v, True, False),
        "just_over": (v, v * (1 + near), False, True),
        "just_under": (v * (1 - near), v, True, False),
        "more": (v, None, False, True),
        "less": (None, v, True, False),
        "at_least": (v, None, True, True),
        "at_most": (None, v, True, True),
    }[kind]


def _build(text: str, toks: list[Token], i: int, end: int, hedge: Optional[HedgeEntry],
           first: Num, second: Optional[Num], unit: Optional[str],
           lex: NumbersLexicon) -> Quantity:
    start, stop = toks[i].start, toks[end - 1].end
    name: Optional[str]
    if second is not None:
        value, name = None, lex.data.range_hedge
        low, high, li, hi = first.value, second.value, True, True
    else:
        value, name = first.value, hedge.hedge if hedge else None
        low, high, li, hi = _interval(hedge.kind if hedge else None, first, lex)
    return Quantity(
        text=text[start:stop], start=start, end=stop, value=_float(value), low=_float(low),
        high=_float(high), low_inclusive=li, high_inclusive=hi, hedge=name, unit=unit,
    )


def _float(x: Optional[Decimal]) -> Optional[float]:
    return None if x is None else float(x)
