"""Text -> claims, given a token view: finds times and quantities, then assembles claims."""
from __future__ import annotations

from datetime import date
from typing import Optional

from claimcheck.models import Claim
from claimcheck.nlp.claims import build_claims
from claimcheck.nlp.dates import find_time_expressions
from claimcheck.nlp.lexicon import Lexicon
from claimcheck.nlp.noise import NoiseSpan, find_noise, mask_noise
from claimcheck.nlp.numbers import find_quantities
from claimcheck.nlp.ordinals import find_ordinals
from claimcheck.nlp.tokens import TokenView


def extract_from_view(view: TokenView, document_date: Optional[date], lex: Lexicon,
                      header_end: int = 0, noise: bool = True) -> list[Claim]:
    """All claims of the text behind ``view``; the first ``header_end`` characters are skipped;
    with ``noise`` names, references and page furniture (``nlp/noise.py``) are no claims."""
    return extract_with_noise(view, document_date, lex, header_end, noise)[0]


def extract_with_noise(view: TokenView, document_date: Optional[date], lex: Lexicon,
                       header_end: int = 0, noise: bool = True
                       ) -> tuple[list[Claim], list[NoiseSpan]]:
    """The claims and the noise spans that were kept out of them."""
    exclude = [(0, header_end)] if header_end else []
    found = find_noise(view.text) if noise else []
    text = mask_noise(view.text, found)
    times = find_time_expressions(text, document_date, exclude=exclude)
    spans = exclude + [(t.start, t.end) for t in times]
    quantities = find_quantities(text, exclude=spans)
    ordinals = find_ordinals(text, exclude=spans + [(q.start, q.end) for q in quantities])
    if ordinals:
        quantities = sorted([*quantities, *ordinals], key=lambda q: q.start)
    if text is not view.text:  # surface forms from the original text, not the masked one
        times = [_original(t, view.text) for t in times]
        quantities = [_original(q, view.text) for q in quantities]
    return build_claims(view, quantities, times, lex), found


def _original(span, text: str):
    surface = text[span.start:span.end]
    return span if span.text == surface else span.model_copy(update={"text": surface})
