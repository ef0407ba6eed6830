"""The extraction stages on a spaCy Doc: each reads what the earlier ones wrote and writes its
own result, so the components talk through the Doc.

========================  ==============================  =========================================
stage (component)         reads                           writes
========================  ==============================  =========================================
``claimcheck_noise``      text                            ``doc._.claimcheck_noise`` (NoiseSpan),
                                                          ``doc.spans["claimcheck_noise"]``
``claimcheck_dates``      noise, document date, header    ``doc._.claimcheck_times`` (TimeSpan),
                                                          ``doc.spans["claimcheck_dates"]``
``claimcheck_numbers``    noise, times, header            ``doc._.claimcheck_quantities`` (Quantity),
                                                          ``doc.spans["claimcheck_numbers"]``
``claimcheck_mentions``   tokens, quantities, times       ``doc._.claimcheck_mentions`` (per sentence),
                                                          ``doc.spans["claimcheck_mentions"]``
``claimcheck_claims``     all of the above                ``doc._.claims`` (Claim),
                                                          ``doc.spans["claimcheck_claims"]``
========================  ==============================  =========================================

A stage whose input is missing runs the earlier stage itself (``claimcheck_claims`` alone does
everything). Each span's normalised value is also ``span._.claimcheck_value``; the lists in the
Doc extensions are the exact values (a span is widened to whole tokens, the value is not).
Numbers and dates keep their own character-level scanners (their grammar reads characters, as
before: a second pass over the text, kept so that results stay identical).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, Mapping, Optional, Sequence

from spacy.tokens import Doc, Span

from claimcheck.document import header_date
from claimcheck.models import Quantity, TimeSpan
from claimcheck.nlp import extract
from claimcheck.nlp.claims import MentionTable, claim_sentences
from claimcheck.nlp.claims.assemble import HEADING_CHARS
from claimcheck.nlp.lexicon import Lexicon
from claimcheck.nlp.claims.mentions import find_mentions
from claimcheck.nlp.noise import WINDOW, NoiseSpan, mask_noise
from claimcheck.nlp.runtime import PackTools
from claimcheck.nlp.tokens import MAX_SENTENCE_TOKENS, Sentence, Tok, TokenView, from_doc

_DOC_EXTENSIONS = ("claims", "document_date", "document_header_end", "claimcheck_noise", "claimcheck_times",
                   "claimcheck_quantities", "claimcheck_mentions")
for _name in _DOC_EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
_VALUES = "claimcheck_values"  # user_data: (start_char, end_char, label) -> the span's value


def _value_of(span: Span) -> Any:
    return span.doc.user_data.get(_VALUES, {}).get((span.start_char, span.end_char, span.label_))


if not Span.has_extension("claimcheck_value"):
    Span.set_extension("claimcheck_value", getter=_value_of)

_MASKED, _VIEW, _TEXT = "claimcheck_masked", "claimcheck_view", "claimcheck_text_of"  # per-Doc scratch,
# dropped by the last stage


# Set by a caller that reads only the Doc extensions (the Checker): the stages then build no
# ``doc.spans`` groups, which nobody would read.
NO_SPANS = "claimcheck_no_spans"


def _wants_spans(doc: Doc) -> bool:
    return NO_SPANS not in doc.user_data


def text_of(doc: Doc) -> str:
    """The Doc's text: the string the Checker tokenized if it left it in ``user_data`` (building
    ``doc.text`` joins every token, a tenth of the extraction time), else ``doc.text``; read once
    for all stages."""
    found = doc.user_data.get(_TEXT)
    if found is None:
        text = doc.user_data.get("claimcheck_text")
        last = doc[-1] if len(doc) else None
        end = last.idx + len(last.text_with_ws) if last is not None else 0
        found = doc.user_data[_TEXT] = text if isinstance(text, str) and len(text) == end else doc.text
    return found


def header_end(doc: Doc) -> int:
    """Where the date header ends: set by the Checker (which resolved the date), else read here."""
    ext = doc._  # each ``doc._`` builds an accessor: one per function
    end = ext.document_header_end
    if end is None:
        end = ext.document_header_end = header_date(text_of(doc))[1]
    return end


def document_date(doc: Doc) -> Optional[date]:
    ext = doc._
    if ext.document_date is None:
        found, _ = header_date(text_of(doc))
        ext.document_date = found.value if found else None
    return ext.document_date


def run_noise(doc: Doc, tools: PackTools, enabled: bool = True, window: int = WINDOW) -> list[NoiseSpan]:
    text = text_of(doc)
    found = extract.noise_spans(text, tools, enabled, window)
    doc._.claimcheck_noise = found
    doc.user_data[_MASKED] = mask_noise(text, found)
    if _wants_spans(doc):
        doc.spans["claimcheck_noise"] = _spans(doc, [(n.start, n.end, n.kind, n) for n in found])
    return found


def run_dates(doc: Doc, tools: PackTools, noise: bool = True) -> list[TimeSpan]:
    text, masked = text_of(doc), _masked(doc, tools, noise)
    times = extract.time_spans(text, masked, document_date(doc), header_end(doc), tools)
    doc._.claimcheck_times = times
    if _wants_spans(doc):
        doc.spans["claimcheck_dates"] = _spans(doc, [(t.start, t.end, "DATE", t) for t in times])
    return times


def run_numbers(doc: Doc, tools: PackTools, noise: bool = True) -> list[Quantity]:
    times = doc._.claimcheck_times
    if times is None:
        times = run_dates(doc, tools, noise)
    quantities = extract.quantity_spans(text_of(doc), _masked(doc, tools, noise), times, header_end(doc), tools)
    doc._.claimcheck_quantities = quantities
    if _wants_spans(doc):
        doc.spans["claimcheck_numbers"] = _spans(doc, [(q.start, q.end, (q.unit or "count").upper(), q)
                                                       for q in quantities])
    return quantities


def run_mentions(doc: Doc, view: TokenView, lex: Lexicon, every_sentence: bool = False) -> MentionTable:
    """Mentions of the sentences that hold a number or a date (all sentences when no number or
    date stage ran, or with ``every_sentence``)."""
    ext = doc._
    quantities, times = ext.claimcheck_quantities, ext.claimcheck_times
    if every_sentence or quantities is None or times is None:
        sents = view.sents
    else:
        sents = tuple(s for s, _q, _t in claim_sentences(view, quantities, times))
    table = {(s.start, s.end): find_mentions(view.sent_toks(s), lex) for s in sents}
    ext.claimcheck_mentions = table
    if _wants_spans(doc):
        doc.spans["claimcheck_mentions"] = [Span(doc, m.first, m.last + 1, label=m.kind.upper(), kb_id=m.value)
                                            for found in table.values() for m in found]
    return table


def run_claims(doc: Doc, view: TokenView, tools: PackTools, lex: Lexicon, noise: bool = True,
               heading_chars: int = HEADING_CHARS) -> None:
    ext = doc._
    quantities = ext.claimcheck_quantities
    if quantities is None:
        quantities = run_numbers(doc, tools, noise)
    claims = extract.claims_of(view, quantities, ext.claimcheck_times, lex, ext.claimcheck_mentions,
                               heading_chars, ext.document_header_end)
    ext.claims = claims
    if _wants_spans(doc):
        doc.spans["claimcheck_claims"] = _spans(doc, [(c.start, c.end, c.kind, c) for c in claims])
    for key in (_MASKED, _VIEW, _TEXT, NO_SPANS):
        doc.user_data.pop(key, None)


@dataclass(frozen=True)
class _SharedView(TokenView):
    """A token view whose sentence records are built once for all stages."""

    built: dict = field(default_factory=dict, compare=False, repr=False)

    def sent_toks(self, sent: Sentence) -> Sequence[Tok]:
        key = (sent.start, sent.end)
        toks = self.built.get(key)
        if toks is None:
            toks = self.built[key] = super().sent_toks(sent)
        return toks


def token_view(doc: Doc, lemma_table: Optional[Mapping[str, str]],
               max_tokens: int = MAX_SENTENCE_TOKENS) -> TokenView:
    """The token records of the Doc, built once for all stages (by the first that asks, with its
    ``max_tokens``, the longest sentence piece)."""
    view = doc.user_data.get(_VIEW)
    if view is None:
        base = from_doc(doc, lemma_table, text_of(doc), max_tokens)
        view = doc.user_data[_VIEW] = _SharedView(**{f.name: getattr(base, f.name) for f in fields(base)})
    return view


def _masked(doc: Doc, tools: PackTools, noise: bool) -> str:
    if _MASKED not in doc.user_data:
        run_noise(doc, tools, noise)
    return doc.user_data[_MASKED]


def _spans(doc: Doc, found: list[tuple[int, int, str, Any]]) -> list[Span]:
    """Spans widened to whole tokens; each one's value is ``span._.claimcheck_value``."""
    out, values = [], doc.user_data.setdefault(_VALUES, {})
    for s, e, label, value in found:
        span = doc.char_span(s, e, label=label, alignment_mode="expand")
        if span is not None:
            values.setdefault((span.start_char, span.end_char, label), value)
            out.append(span)
    return out
