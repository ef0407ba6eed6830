"""Text -> claims, as pure stages over plain values: noise, times, quantities (with ordinals),
then claim assembly. ``stages.py`` runs the same stages on a spaCy Doc, one component each."""
from __future__ import annotations

from datetime import date
from typing import Optional, Sequence

from claimcheck.models import Claim, Quantity, TimeSpan
from claimcheck.nlp.claims import MentionTable, build_claims
from claimcheck.nlp.claims.assemble import HEADING_CHARS
from claimcheck.nlp.dates import find_time_expressions
from claimcheck.nlp.lexicon import Lexicon
from claimcheck.nlp.noise import WINDOW, NoiseSpan, find_noise, mask_noise
from claimcheck.nlp.numbers import find_quantities
from claimcheck.nlp.numbers.ordinals import find_ordinals
from claimcheck.nlp.runtime import PackTools, bundled_tools
from claimcheck.nlp.tokens import TokenView

Ranges = list[tuple[int, int]]


def extract_from_view(view: TokenView, document_date: Optional[date], lex: Lexicon,
                      header_end: int = 0, noise: bool = True) -> list[Claim]:
    """All claims of the text behind ``view``; the first ``header_end`` characters are skipped;
    with ``noise`` names, references and page furniture (``nlp/noise.py``) are no claims."""
    return extract_with_noise(view, document_date, lex, header_end, noise)[0]


def extract_with_noise(view: TokenView, document_date: Optional[date], lex: Lexicon,
                       header_end: int = 0, noise: bool = True, tools: Optional[PackTools] = None
                       ) -> tuple[list[Claim], list[NoiseSpan]]:
    """The claims and the noise spans that were kept out of them."""
    tools = tools or bundled_tools()
    found = noise_spans(view.text, tools, noise)
    masked = mask_noise(view.text, found)
    times = time_spans(view.text, masked, document_date, header_end, tools)
    quantities = quantity_spans(view.text, masked, times, header_end, tools)
    return after_header(view.text, build_claims(view, quantities, times, lex), header_end), found


def after_header(text: str, claims: list[Claim], header_end: Optional[int]) -> list[Claim]:
    """The claims, with a first sentence that shares its line with the date header starting after it."""
    return [_after_header(text, c, header_end) for c in claims] if header_end else claims


def _after_header(text: str, c: Claim, header_end: int) -> Claim:
    """A first sentence that shares its line with the date header (" date 2025-02 Am Montag …")
    starts after the header: the header is no part of its context or correction."""
    if c.sentence_start >= header_end or c.start < header_end:
        return c
    start = header_end + len(text[header_end:c.start]) - len(text[header_end:c.start].lstrip())
    return c.model_copy(update={"sentence_start": start})


def noise_spans(text: str, tools: PackTools, enabled: bool = True, window: int = WINDOW) -> list[NoiseSpan]:
    return find_noise(text, compiled=tools.noise, window=window) if enabled else []


def _header(header_end: int) -> Ranges:
    return [(0, header_end)] if header_end else []


def time_spans(text: str, masked: str, document_date: Optional[date], header_end: int,
               tools: PackTools) -> list[TimeSpan]:
    """Time expressions of the masked text (surface forms from ``text``)."""
    times = find_time_expressions(masked, document_date, exclude=_header(header_end), g=tools.dates)
    return times if masked is text else [_original(t, text) for t in times]


def quantity_spans(text: str, masked: str, times: Sequence[TimeSpan], header_end: int,
                   tools: PackTools) -> list[Quantity]:
    """Quantities and ordinals outside the header and the time expressions."""
    spans = _header(header_end) + [(t.start, t.end) for t in times]
    quantities = find_quantities(masked, exclude=spans, lex=tools.numbers)
    ordinals = find_ordinals(masked, spans + [(q.start, q.end) for q in quantities], tools.numbers)
    if ordinals:
        quantities = sorted([*quantities, *ordinals], key=lambda q: q.start)
    return quantities if masked is text else [_original(q, text) for q in quantities]


def claims_of(view: TokenView, quantities: Sequence[Quantity], times: Sequence[TimeSpan], lex: Lexicon,
              mentions: Optional[MentionTable] = None, heading_chars: int = HEADING_CHARS,
              header_end: Optional[int] = None) -> list[Claim]:
    return after_header(view.text, build_claims(view, quantities, times, lex, mentions, heading_chars), header_end)


def _original(span, text: str):
    surface = text[span.start:span.end]
    return span if span.text == surface else span.model_copy(update={"text": surface})
