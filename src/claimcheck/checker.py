"""The library's entry point: a ``Checker`` loads the pipeline and the fact base once.

Thread safety: a Checker holds a spaCy pipeline, which is not safe to call from several threads
at once; use one Checker per thread or per process (the batch runner uses one per worker).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union, cast

from claimcheck import io, suppress
from claimcheck.align.engine import Aligner
from claimcheck.align.findings import build_report
from claimcheck.document import DateInfo, DocDate, date_info, resolve_date
from claimcheck.errors import ClaimcheckError
from claimcheck.lang import message
from claimcheck.language import detect_language
from claimcheck.models import Claim, FactBase, Report
from claimcheck.nlp.lexicon import Lexicon
from claimcheck.nlp.pipeline import load_pipeline, speed_up
from claimcheck.nlp.stages import NO_SPANS
from claimcheck.reference import build_from_text, load_reference

DateLike = Union[dt.date, DocDate, str, None]
# Characters per chunk in ``iter_reports``: even a claim-dense chunk (a claim per 35 chars)
# stays below ~150 MB of claim and report objects.
STREAM_CHUNK = 200_000
FAST_AFTER_CHARS = 50_000  # text read before the tokenizer's guarded patterns are built (0.25 s; pipeline.speed_up)


class Checker:
    def __init__(self, reference: Union[str, Path, FactBase, None] = None,
                 model: Optional[str] = None, lexicon: Optional[Lexicon] = None,
                 noise: bool = True, fast_tokenizer: Optional[bool] = None) -> None:
        """``fast_tokenizer``: build the blank tokenizer's guarded patterns now (True: batch
        workers, the service), never (False), or once FAST_AFTER_CHARS of text were read (None)."""
        self.nlp = load_pipeline(model)
        if fast_tokenizer:
            speed_up(self.nlp)
        self.noise = noise  # False: count claims without the layer
        if lexicon is not None:  # extract and align with it
            for name in ("claimcheck_mentions", "claimcheck_claims"):
                cast(Any, self.nlp.get_pipe(name)).lexicon = lexicon
        self._reference: Optional[FactBase] = None
        if isinstance(reference, FactBase):
            self._reference = reference
        elif reference is not None:  # a bad path fails here, not at the first check (E020/E021)
            self._reference = load_reference(reference)
        self._aligner: Optional[Aligner] = None
        self._fast_pending = fast_tokenizer is None  # guards still to be built once enough text was read
        self._chars_read = 0

    @property
    def _claims_pipe(self) -> Any:
        return self.nlp.get_pipe("claimcheck_claims")

    @property
    def lexicon(self) -> Lexicon:
        """The lexicon the pipeline extracts with; alignment uses the same one."""
        return self._claims_pipe.lexicon

    @property
    def noise(self) -> bool:
        return bool(self._claims_pipe.noise)

    @noise.setter
    def noise(self, on: bool) -> None:
        self._claims_pipe.noise = on  # and the pipeline's noise component

    @property
    def reference(self) -> FactBase:
        """The fact base (the bundled one is loaded on first use: building a reference needs none)."""
        if self._reference is None:
            self._reference = load_reference()
        return self._reference

    @property
    def aligner(self) -> Aligner:
        """The fact base with its candidate index (built once)."""
        if self._aligner is None:
            ref = self.reference
            self._aligner = Aligner(ref.facts, self.lexicon, ref.document_date, bool(ref.document_date_exact))
        return self._aligner

    @property
    def reference_name(self) -> str:
        """The reference's source article (stable across machines, unlike a file path)."""
        return self.reference.source

    def extract(self, text: str, date: DateLike = None) -> list[Claim]:
        """The claims of ``text`` (document date: header, else ``date``, else today)."""
        io.check_text_chars(text, "<text>")
        doc_date, header_end = resolve_date(text, _as_docdate(date))
        return self._extract(text, doc_date, header_end)

    def _extract(self, text: str, doc_date: DocDate, header_end: Optional[int] = None) -> list[Claim]:
        """``header_end``: where the date header ends, when the caller has read it already."""
        limit = self.nlp.max_length
        if len(text) <= limit:
            return self._extract_chunk(text, doc_date, header_end)
        claims: list[Claim] = []
        for offset, chunk in io.split_paragraph_chunks(text, limit):
            end = header_end if offset == 0 else None
            claims += [_shift(c, offset) for c in self._extract_chunk(chunk, doc_date, end)]
        return claims

    def _extract_chunk(self, text: str, doc_date: DocDate, header_end: Optional[int] = None) -> list[Claim]:
        if self._fast_pending:
            self._chars_read += len(text)
            if self._chars_read > FAST_AFTER_CHARS:
                speed_up(self.nlp)
                self._fast_pending = False
        doc = self.nlp.make_doc(text)
        doc.user_data["claimcheck_text"] = text  # spares the components a doc.text rebuild
        doc.user_data[NO_SPANS] = True  # only doc._.claims is read
        ext = doc._
        ext.document_date = doc_date.value  # resolved once, by the caller
        ext.document_header_end = header_end
        for _name, proc in self.nlp.pipeline:
            doc = proc(doc)
        return list(doc._.claims or [])

    def check_text(self, text: str, *, source: str = "<text>", date: DateLike = None,
                   force_language: bool = False, ignore: Optional[Iterable[str]] = ()) -> Report:
        """Check ``text``; a text that is not German yields no claims and a notice, unless
        ``force_language``. ``ignore``: fingerprints to suppress besides the inline markers;
        None suppresses nothing (see ``claimcheck.suppress``)."""
        return next(self._reports(text, source, date, force_language, ignore, chunk=0))

    def iter_reports(self, text: str, *, source: str = "<text>", date: DateLike = None,
                     force_language: bool = False, ignore: Optional[Iterable[str]] = ()) -> Iterator[Report]:
        """Like ``check_text``, as reports of consecutive chunks of STREAM_CHUNK characters, so
        all claims of a long text are never in memory at once (one report when it fits one
        chunk); unused facts are preferred per chunk."""
        return self._reports(text, source, date, force_language, ignore, chunk=STREAM_CHUNK)

    def _reports(self, text: str, source: str, date: DateLike, force_language: bool,
                 ignore: Optional[Iterable[str]], chunk: int) -> Iterator[Report]:
        if not isinstance(text, str):
            raise ClaimcheckError("E006", path=source, kind=type(text).__name__)
        io.check_text_chars(text, source)
        info = date_info(text, _as_docdate(date))
        language = detect_language(text)
        notices = list(info.notices) + _language_notices(language.label, language.german,
                                                          force_language)
        checked = language.german or force_language
        notices += _table_notices(text) if checked and self.noise else []
        for claims in self._claim_chunks(text, info, chunk) if checked else iter([[]]):
            report = build_report(text, claims, self.aligner, source=source, document_date=info.date.label,
                                  reference=self.reference_name, document_day=info.date.value,
                                  document_exact=info.date.exact)
            report.date_source, report.language, report.notices = info.source, language.code, notices
            yield suppress.apply(report, text, ignore)

    def _claim_chunks(self, text: str, info: DateInfo, chunk: int) -> Iterator[list[Claim]]:
        if not chunk or len(text) <= chunk:
            yield self._extract(text, info.date, info.header_end)
            return
        for offset, part in io.split_paragraph_chunks(text, min(self.nlp.max_length, chunk)):
            end = info.header_end if offset == 0 else None
            yield [_shift(c, offset) if offset else c for c in self._extract_chunk(part, info.date, end)]

    def check_file(self, path: Union[str, Path], *, date: DateLike = None,
                   ignore: Optional[Iterable[str]] = ()) -> Report:
        text = io.read_text(path)
        return self.check_text(text, source=str(path), date=date, ignore=ignore)

    def check_many(self, paths: Iterable[Union[str, Path]]) -> Iterator[Union[Report, dict]]:
        """Stream reports; a file that cannot be checked yields ``{"source", "error"}``."""
        from claimcheck.batch import iter_reports

        return iter_reports(self, paths)

    def build_reference(self, path: Union[str, Path], *, date: DateLike = None) -> FactBase:
        text = io.read_text(path)
        return build_from_text(text, Path(path).name, self._extract, _as_docdate(date))


def _language_notices(label: str, german: bool, forced: bool) -> list[str]:
    if german:
        return []
    return [message("notices.not_german_forced" if forced else "notices.not_german", label=label)]


def _table_notices(text: str) -> list[str]:
    from claimcheck.nlp.noise import table_lines

    n = len(table_lines(text))
    return [message("notices.table_rows", n=n)] if n else []


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
