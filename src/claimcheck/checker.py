"""The library's entry point: a ``Checker`` loads the pipeline and the fact base once.

Thread safety: a Checker holds a spaCy pipeline, which is not safe to call from several threads
at once; use one Checker per thread or per process (the batch runner uses one per worker).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from claimcheck import io
from claimcheck.align.findings import build_report
from claimcheck.document import DocDate, resolve_date
from claimcheck.models import Claim, FactBase, Report
from claimcheck.nlp.lexicon import Lexicon, load_lexicon
from claimcheck.nlp.pipeline import load_pipeline
from claimcheck.reference import build_from_text, load_reference

DateLike = Union[dt.date, DocDate, str, None]
# Characters per chunk in ``iter_reports``: even a claim-dense chunk (a claim per 35 chars)
# stays below ~150 MB of claim and report objects.
STREAM_CHUNK = 200_000


class Checker:
    def __init__(self, reference: Union[str, Path, FactBase, None] = None,
                 model: Optional[str] = None, lexicon: Optional[Lexicon] = None) -> None:
        self.nlp = load_pipeline(model)
        self.lexicon = lexicon or load_lexicon()
        self._reference_arg = reference
        self._reference: Optional[FactBase] = reference if isinstance(reference, FactBase) else None

    @property
    def reference(self) -> FactBase:
        """The fact base (loaded on first use, so building a reference needs none)."""
        if self._reference is None:
            self._reference = load_reference(self._reference_arg)
        return self._reference

    @property
    def reference_name(self) -> str:
        """The reference's source article (stable across machines, unlike a file path)."""
        return self.reference.source

    def extract(self, text: str, date: DateLike = None) -> list[Claim]:
        """The claims of ``text`` (document date: header, else ``date``, else today)."""
        io.check_text_chars(text, "<text>")
        doc_date, _ = resolve_date(text, _as_docdate(date))
        return self._extract(text, doc_date)

    def _extract(self, text: str, doc_date: DocDate) -> list[Claim]:
        limit = self.nlp.max_length
        if len(text) <= limit:
            return self._extract_chunk(text, doc_date)
        claims: list[Claim] = []
        for offset, chunk in io.split_paragraph_chunks(text, limit):
            claims += [_shift(c, offset) for c in self._extract_chunk(chunk, doc_date)]
        return claims

    def _extract_chunk(self, text: str, doc_date: DocDate) -> list[Claim]:
        doc = self.nlp.make_doc(text)
        doc.user_data["claimcheck_text"] = text  # spares the components a doc.text rebuild
        doc._.document_date = doc_date.value
        for _name, proc in self.nlp.pipeline:
            doc = proc(doc)
        return list(doc._.claims or [])

    def check_text(self, text: str, *, source: str = "<text>", date: DateLike = None) -> Report:
        io.check_text_chars(text, source)
        doc_date, _ = resolve_date(text, _as_docdate(date))
        claims = self._extract(text, doc_date)
        return build_report(text, claims, self.reference.facts, self.lexicon, source=source,
                            document_date=doc_date.label, reference=self.reference_name)

    def iter_reports(self, text: str, *, source: str = "<text>", date: DateLike = None) -> Iterator[Report]:
        """Reports of consecutive chunks of a long text (one report when it fits one chunk), so
        all its claims are never in memory at once; unused facts are preferred per chunk."""
        io.check_text_chars(text, source)
        doc_date, _ = resolve_date(text, _as_docdate(date))
        for offset, chunk in io.split_paragraph_chunks(text, min(self.nlp.max_length, STREAM_CHUNK)):
            claims = [_shift(c, offset) if offset else c for c in self._extract_chunk(chunk, doc_date)]
            yield build_report(text, claims, self.reference.facts, self.lexicon, source=source,
                               document_date=doc_date.label, reference=self.reference_name)

    def check_file(self, path: Union[str, Path], *, date: DateLike = None) -> Report:
        text = io.read_text(path)
        return self.check_text(text, source=str(path), date=date)

    def check_many(self, paths: Iterable[Union[str, Path]]) -> Iterator[Union[Report, dict]]:
        """Stream reports; a file that cannot be checked yields ``{"source", "error"}``."""
        from claimcheck.batch import iter_reports

        return iter_reports(self, paths)

    def build_reference(self, path: Union[str, Path], *, date: DateLike = None) -> FactBase:
        text = io.read_text(path)
        return build_from_text(text, Path(path).name, self._extract, _as_docdate(date))


def _as_docdate(value: DateLike) -> Optional[DocDate]:
    from claimcheck.document import parse_date_value

    if value is None or isinstance(value, DocDate):
        return value
    if isinstance(value, dt.date):
        return DocDate(value, value.isoformat())
    return parse_date_value(value)


def _shift(claim: Claim, offset: int) -> Claim:
    """Move a claim found in a chunk to offsets of the whole text."""
    data = claim.model_dump()
    _shift_dict(data, offset)
    return Claim.model_validate(data)


def _shift_dict(data: dict, offset: int) -> None:
    for key in ("start", "end", "sentence_start", "sentence_end"):
        if key in data and isinstance(data[key], int):
            data[key] += offset
    for value in data.values():
        if isinstance(value, dict):
            _shift_dict(value, offset)
