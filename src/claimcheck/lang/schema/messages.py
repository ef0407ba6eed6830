"""Schema of the output texts (messages.yaml) and of the closed-class word lists (words.yaml).

Sections are mappings from a key to a template; each section names the keys the code uses, so a
missing or misspelt key fails at load time (file, line and field named), not when it is shown.
"""
from __future__ import annotations

import re
from string import Formatter
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

VERDICTS = ("supported", "mismatch", "unverified")
# section -> keys the code reads (a pack may add more: the align module's texts, for example)
REQUIRED: dict[str, tuple[str, ...]] = {
    "counts": (*VERDICTS, "suppressed", "claims", "files", "errors"),
    "headline": VERDICTS,
    "slots": ("count", "date", "event", "noun", "actor", "target", "place", "person", "base"),
    "render": ("legend", "rules", "summary", "hidden", "header", "notice", "source", "suggestion",
               "fingerprint"),
    "html": ("meta", "toggle", "footnote", "tooltip_expected", "empty", "notes", "suppressed", "position",
             "found_expected", "suggestion", "alternative", "source"),
    "explain": ("decision", "anchor", "not_checkworthy", "excluded", "candidate"),
    "anchors": ("stated", "inherited", "implicit", "none"),
    "constraints": ("event", "noun", "role", "offset", "future", "ordinal", "kind", "row", "dated_count"),
    "findings": ("already_reported", "negated", "unverified", "no_source", "not_checkworthy",
                 "implicit_date", "by_actor", "supported", "differs", "context", "imprecise",
                 "rephrased", "alternative"),
    "notices": ("not_german_forced", "not_german", "table_rows"),
    "align": ("negated", "taken", "side_differs", "side_weak", "supported", "differs", "rescued", "no_candidate",
              "excluded", "not_checkworthy", "other_period", "other_occurrence", "below_threshold"),
    "cli": ("reference_written", "batch_summary", "batch_skipped", "batch_rechecked", "batch_where"),
    "time": ("day", "month", "season", "winter", "quarter", "half", "decade", "week", "modified",
             "modified_decade", "day_range", "month_range", "year_range", "range"),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _check_template(template: str) -> str:
    try:
        list(Formatter().parse(template))
    except ValueError as exc:
        raise ValueError(f"{template!r}: not a format template ({exc})") from exc
    return template


# a Python format string ("{n} Angaben"); a stray brace fails at load time, with its key named
Template = Annotated[str, AfterValidator(_check_template)]


class MessagesFile(_Strict):
    counts: dict[str, tuple[str, str]]
    headline: dict[str, str]
    slots: dict[str, str]
    render: dict[str, Template]
    html: dict[str, Template]
    explain: dict[str, Template]
    anchors: dict[str, str]
    constraints: dict[str, str]
    findings: dict[str, Template]
    notices: dict[str, Template]
    time: dict[str, Template]
    align: dict[str, Template]  # the aligner's reasons (decision trace)
    cli: dict[str, Template]

    @model_validator(mode="after")
    def _complete(self) -> "MessagesFile":
        for name, keys in REQUIRED.items():
            missing = [k for k in keys if k not in getattr(self, name)]
            if missing:
                raise ValueError(f"section {name!r} lacks the key(s) {missing}")
        return self


def _regex(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"invalid regex: {exc}") from exc
    return pattern


Regex = Annotated[str, AfterValidator(_regex)]
Words = list[str]


class EvaluateWords(_Strict):
    hedge_classes: dict[str, Words] = Field(min_length=1)
    aliases: dict[str, Words]
    day_pattern: Regex
    article_pattern: Regex
    preposition_pattern: Regex


class MentionWords(_Strict):
    articles: Words
    agent_prepositions: Words
    from_prepositions: Words
    place_prepositions: Words
    against_prepositions: Words
    other_prepositions: Words
    conjunctions: Words
    genitive_articles: Words
    institution_prepositions: Words
    institution_articles: Words
    place_adjective_suffix: str = Field(min_length=1)
    noun_genitive_endings: Words = Field(default_factory=list)  # "Kriegs", "Krieges": the noun's lemma without them


class ClaimWords(_Strict):
    splitters: Words
    negation_words: Words
    negation_particle: Words
    negation_before: Regex
    on_days: Regex
    comparison_base: Regex
    leave_lemmas: Words
    subordinators: Words = Field(default_factory=list)
    nominal_object_prepositions: Words = Field(default_factory=list)
    foreign_act_prepositions: Words = Field(default_factory=list)
    earlier_act_prepositions: Words = Field(default_factory=list)
    value_of: Regex = "(?!)"  # after a month compound, the words before the value it names
    strong_breaks: Regex = "[;\u2013\u2014]"  # clause breaks across which a time is another statement's
    noun_time: Regex = "(?!)"  # before a time that dates the noun before it, not the sentence's counts
    count_period: Regex = "(?!)"  # between a count and the time right after it that is its own period


class AttachWords(_Strict):
    adjective_endings: Words = Field(min_length=1)
    not_adjectives: Words


class WordsFile(_Strict):
    evaluate: EvaluateWords
    mentions: MentionWords
    claims: ClaimWords
    attach: AttachWords
