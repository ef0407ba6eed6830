"""Data model shared by every stage: quantities, time spans, claims, facts, findings, reports.

All character offsets are Python string offsets into the decoded text (BOM removed) that was
given to the stage that produced them, so ``text[start:end]`` is the expression.
"""
from __future__ import annotations

from datetime import date
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

from claimcheck.lang.schema.dates import Modifier
from claimcheck.lang.timelabel import time_label

Granularity = Literal["day", "week", "month", "season", "quarter", "half", "year", "decade"]
Anchor = Literal["absolute", "document", "previous", "text", "implicit"]  # implicit: document date
Verdict = Literal["supported", "mismatch", "unverified"]
SlotName = Literal["count", "date", "event", "actor", "target", "place", "noun", "person"]

SCHEMA_VERSION = 1
# Version of the report's JSON contract. 2: ``sentence``, ``evidence`` and ``correction`` are capped.
REPORT_VERSION = 2
# Longest ``sentence``/``evidence`` in a report (real sentences stay below it: the longest UD
# German sentence has 384 characters), so a run-on sentence does not repeat itself per claim.
CONTEXT_CHARS = 600


class Spanned(BaseModel):
    """An expression found in a text: its surface form and offsets."""

    model_config = ConfigDict(extra="forbid")

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Quantity(Spanned):
    """A number expression, normalised to an inclusive interval [low, high].

    ``value`` is the number as stated (750 in "rund 750"); it is None for purely vague amounts
    ("Dutzende", "mehrere"). ``low``/``high`` None mean unbounded on that side.
    """

    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    hedge: Optional[str] = None  # normalised hedge word of the lexicon (numbers.yaml: hedges)
    vague: bool = False  # "Dutzende", "Hunderte", "mehrere"
    unit: Optional[str] = None  # unit/scale attached by the number grammar itself ("Prozent", "Stunde")

    def contains(self, x: float) -> bool:
        if self.low is not None and (x < self.low or (x == self.low and not self.low_inclusive)):
            return False
        if self.high is not None and (x > self.high or (x == self.high and not self.high_inclusive)):
            return False
        return True

    def overlaps(self, other: "Quantity") -> bool:
        """True when some value is compatible with both intervals."""
        if other.value is not None and not other.vague and other.hedge is None:
            return self.contains(other.value)
        if self.value is not None and not self.vague and self.hedge is None:
            return other.contains(self.value)
        lo = max(_lo(self), _lo(other))
        hi = min(_hi(self), _hi(other))
        if lo == hi:  # touching intervals share the point only if both include it
            return self.contains(lo) and other.contains(lo)
        return lo < hi

    @property
    def exact(self) -> bool:
        return self.value is not None and self.hedge is None and not self.vague

    def bounds(self) -> tuple[float, float]:
        """[low, high] with open sides as -inf / inf (inclusiveness aside)."""
        return _lo(self), _hi(self)

    def label(self) -> str:
        """Human-readable value, German number format (35, 1.000, 2,5)."""
        if self.value is None:
            return self.text
        return format_number(self.value)


def _lo(q: Quantity) -> float:
    return float("-inf") if q.low is None else q.low


def _hi(q: Quantity) -> float:
    return float("inf") if q.high is None else q.high


def format_number(x: float) -> str:
    if float(x).is_integer():
        return f"{int(x):,}".replace(",", ".")
    return f"{x:,.2f}".rstrip("0").replace(",", " ").replace(".", ",").replace(" ", ".")


class TimeSpan(Spanned):
    """A time expression, normalised to an inclusive interval of days [first, last]."""

    first: date
    last: date
    granularity: Granularity
    modifier: Optional[Modifier] = None
    anchor: Anchor = "absolute"
    inherited: bool = False  # taken over from an earlier sentence of the same paragraph
    weekday: Optional[int] = None  # the weekday it names (0 = Monday): certain even where its day is not

    def overlaps(self, other: "TimeSpan") -> bool:
        return self.first <= other.last and other.first <= self.last

    def label(self) -> str:
        """Label of the normalised interval ("Ende 2016", "Dezember 2016", "2018")."""
        return time_label(self)


class Slot(Spanned):
    """A normalised slot value (event, actor, target, place, counted noun, person) with its span."""

    value: str


class Claim(Spanned):
    """One numeric or dated statement of a clause. ``text[start:end]`` is its anchor expression
    (the quantity with its counted noun, or the time expression for a date-only claim)."""

    kind: Literal["count", "date"]
    sentence_start: int
    sentence_end: int
    quantity: Optional[Quantity] = None
    time: Optional[TimeSpan] = None
    noun: Optional[Slot] = None  # counted noun lemma: "Diplomat"
    event: Optional[Slot] = None  # event type: "expel"
    actor: Optional[Slot] = None  # who acts: "USA"
    target: Optional[Slot] = None  # whom it is done to: "RUS"
    place: Optional[Slot] = None  # "Seattle"
    person: Optional[Slot] = None  # leader named with the actor: "Obama"
    negated: bool = False
    base: Optional[TimeSpan] = None  # the base a change is measured from ("um 0,2 Prozent gegenüber Dezember 2024")

    def slot(self, name: str) -> Optional[Spanned]:
        return {"count": self.quantity, "date": self.time}.get(name) or getattr(self, name, None)


class TableCell(Spanned):
    """A number cell of a source's table (nlp/tables.py): its text and offsets in the source,
    and the labels of its row and column (footnote markers removed)."""

    row: str
    column: str
    caption: str = ""  # the table's caption: what its numbers measure ("Arbeitslosenquote nach Kreisen – …")


class Provenance(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str
    sentence: str
    sentence_start: int
    sentence_end: int
    start: int
    end: int
    # Set for a fact read from a table cell (nlp/tables.py): the cell as it stands in the source.
    # ``sentence`` is then a statement verbalised from the cell's row and column (``source``
    # names the table), and the fact's offsets count into that statement from
    # ``sentence_start`` (the row's offset).
    cell: Optional[TableCell] = None


class Fact(Claim):
    """A claim of the trusted source article, with an id and its provenance."""

    id: str
    provenance: Provenance


class FactBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: int = SCHEMA_VERSION
    source: str
    document_date: Optional[date] = None
    document_date_exact: Optional[bool] = None  # True: document_date names a day, not only its month
    generator: str = "claimcheck"
    facts: list[Fact]


class Mismatch(BaseModel):
    field: SlotName
    start: int
    end: int
    found: str
    expected: str


class Replacement(BaseModel):
    """A span-level fix (as LanguageTool's ``replacements``): put ``value`` at [start, end)."""

    start: int
    end: int
    value: str


class CandidateTrace(BaseModel):
    """How one candidate fact scored against the claim."""

    fact_id: str
    identity: float  # how sure we are it is the same statement (values under test excluded)
    context: float  # weighted word overlap of the sentences
    slots: dict[str, str]  # slot -> agree | differ | unknown
    constraints: list[str] = Field(default_factory=list)  # hard reasons it cannot be the same


class Explanation(BaseModel):
    """The decision trace of one claim (modelled on Presidio's AnalysisExplanation)."""

    decided_by: str  # the rule, constraint or threshold that decided
    checkworthy: bool = True
    time_anchor: Optional[str] = None  # stated | inherited | implicit (document date) | none
    candidates: list[CandidateTrace] = Field(default_factory=list)


class ClaimReport(BaseModel):
    """The verdict on one claim of a draft: the public JSON contract (never rename fields)."""

    start: int
    end: int
    text: str
    verdict: Verdict
    fact_id: Optional[str] = None
    mismatches: list[Mismatch] = Field(default_factory=list)
    message: str
    rule: str = ""
    severity: Literal["error", "warning", "info"] = "info"
    line: int = 1
    column: int = 1
    sentence: str = ""
    evidence: Optional[str] = None  # the source sentence of the aligned fact
    correction: Optional[str] = None  # suggested corrected claim text
    warnings: list[str] = Field(default_factory=list)
    alternatives: list[str] = Field(default_factory=list)  # other readings (mixed facts)
    confidence: float = 0.0  # identity of the deciding fact, lowered when readings compete
    replacements: list[Replacement] = Field(default_factory=list)  # only when confidence is high
    explanation: Optional[Explanation] = None
    claim: Optional[Claim] = None
    fingerprint: str = ""  # stable id of the finding for ignore files (claimcheck.suppress)
    suppressed: bool = False  # judged by the editor: ignore file or inline marker

    @model_validator(mode="after")
    def _cap_context(self) -> "ClaimReport":
        """Output linear in the input: a sentence longer than CONTEXT_CHARS is cut to a window
        around the claim (so is the correction), the evidence to its beginning ("…" marks a cut)."""
        at = self.start - self.claim.sentence_start if self.claim is not None else 0
        self.sentence = clip(self.sentence, at, self.end - self.start)
        if self.evidence is not None:
            self.evidence = clip(self.evidence, 0, 0)
        if self.correction is not None:
            self.correction = clip(self.correction, at, self.end - self.start)
        return self


def clip(text: str, at: int, length: int) -> str:
    """``text`` cut to CONTEXT_CHARS characters around ``text[at:at + length]``."""
    if len(text) <= CONTEXT_CHARS:
        return text
    first = max(0, min(at - (CONTEXT_CHARS - length) // 2, len(text) - CONTEXT_CHARS))
    last = max(first + CONTEXT_CHARS, at + length)
    return ("…" if first else "") + text[first:last] + ("…" if last < len(text) else "")


class Summary(BaseModel):
    claims: int = 0
    supported: int = 0
    mismatch: int = 0
    unverified: int = 0
    warnings: int = 0
    suppressed: int = 0  # not counted in supported/mismatch/unverified


class Report(BaseModel):
    schema_version: int = REPORT_VERSION
    source: str
    document_date: Optional[str] = None
    reference: Optional[str] = None
    claims: list[ClaimReport] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)
    date_source: Optional[Literal["header", "option", "today"]] = None  # where document_date came from
    language: str = "de"  # detected language of the input (ISO 639-1)
    notices: list[str] = Field(default_factory=list)  # for the editor, in German: guessed date, language ...
