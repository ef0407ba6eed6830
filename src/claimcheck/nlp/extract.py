"""Text -> claims, given a token view: finds times and quantities, then assembles claims."""
from __future__ import annotations

from datetime import date
from typing import Optional

from claimcheck.models import Claim
from claimcheck.nlp.claims import build_claims
from claimcheck.nlp.dates import find_time_expressions
from claimcheck.nlp.lexicon import Lexicon
from claimcheck.nlp.numbers import find_quantities
from claimcheck.nlp.ordinals import find_ordinals
from claimcheck.nlp.tokens import TokenView


def extract_from_view(view: TokenView, document_date: Optional[date], lex: Lexicon,
                      header_end: int = 0) -> list[Claim]:
    """All claims of the text behind ``view``; the first ``header_end`` characters are skipped."""
    exclude = [(0, header_end)] if header_end else []
    times = find_time_expressions(view.text, document_date, exclude=exclude)
    spans = exclude + [(t.start, t.end) for t in times]
    quantities = find_quantities(view.text, exclude=spans)
    ordinals = find_ordinals(view.text, exclude=spans + [(q.start, q.end) for q in quantities])
    if ordinals:
        quantities = sorted([*quantities, *ordinals], key=lambda q: q.start)
    return build_claims(view, quantities, times, lex)
