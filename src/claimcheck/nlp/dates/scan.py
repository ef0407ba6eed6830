"""Candidate search of the time-expression rules, in time linear in the text length.

Running every rule's regex over the whole text is slow, so each rule names an *anchor class*:
a kind of token that every match of the rule contains (digits, a month name, a unit word,
...). One cheap pass of a trigger regex (a prefix tree of all anchor words, on the lower-cased
text) finds the anchors; each rule then runs only on windows around the anchors of its class
(``pattern.finditer(text, start, end)``; lookbehinds still see the text before a window).

Why the result equals a full-text ``finditer``: a match of a rule extends at most a few words
beyond its anchor. Windows reach ``_MARGIN`` characters beyond each anchor, plus the length of
any whitespace runs in between, which covers the match and the characters its lookaheads read;
overlapping windows are merged, so no match of the rule straddles a window start and the
leftmost-first, non-overlapping scan inside a window finds exactly the full-text matches.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from claimcheck.nlp.regex import guarded, trie_regex
from claimcheck.nlp.dates.lexicon import Grammar
from claimcheck.nlp.dates.rules import Rule

_MARGIN = 40
_WS_RUN = re.compile(r"\s{2,}")
# Characters that case-insensitive regexes equate with an ASCII letter although str.lower()
# does not map them to it (dotless i, long s): such texts use the case-insensitive trigger.
_FOLD_TRAPS = ("\u0131", "\u017f")
_DIGIT = ("digit",)

# Anchor class of each rule: a token every match of the rule contains.
RULE_ANCHORS = {
    "iso": "digit", "numeric_day": "digit", "day_month": "month", "day_range": "month",
    "month": "month", "month_compound": "month", "month_range": "month", "season": "season", "quarter": "quarter",
    "q_form": "digit", "decade": "digit", "decade_word": "decade", "mod_year": "mod",
    "year": "digit", "ago": "unit", "doc_unit": "unit", "doc_compound": "doc_compound",
    "day_word": "day_word", "weekday": "weekday", "week_weekday": "weekday", "text_dir": "unit", "text_n": "unit",
    "text_same": "unit", "text_follow": "unit", "text_compound": "text_compound",
}


def anchor_words(g: Grammar) -> dict[str, set[str]]:
    """Lower-case anchor words by class (leading letters only: "Jan." -> "jan")."""
    lex = g.lex
    raw: dict[str, Iterable[str]] = {
        "month": g.month_of, "season": g.season_of, "weekday": g.weekday_of,
        "quarter": lex.quarter_words + lex.half_words, "decade": lex.decade_words,
        "mod": g.modifier_of, "unit": g.unit_of, "day_word": lex.day_words,
        "doc_compound": [w for c in lex.document_compounds for w in c.words],
        "text_compound": [w for c in lex.text_compounds + lex.text_phrases for w in c.words],
    }
    return {cls: {_letters(w) for w in words} - {""}
            for cls, words in raw.items()}


def _letters(word: str) -> str:
    m = re.match(r"[^\W\d_]*", word.lower())
    return m.group(0) if m else ""


@dataclass
class Scanner:
    trigger: re.Pattern  # digits or anchor words, on lower-cased text
    trigger_ci: re.Pattern  # the same, case-insensitive, for texts where lower() is unsafe
    classes: dict[str, frozenset[str]]  # matched anchor word -> its classes (and its prefixes')
    rules: dict[str, list[tuple[int, Rule]]]  # anchor class -> (rule order, guarded rule)
    every: frozenset[str]  # all classes (for a case-folded match that is not a known word)


def build_scanner(g: Grammar, rules: tuple[Rule, ...]) -> Scanner:
    words = anchor_words(g)
    every = set().union(*words.values())
    classes = {w: frozenset(c for c, ws in words.items() for v in ws if w.startswith(v))
               for w in every}
    regex = r"(\d+)|(?<!\w)" + trie_regex(every)
    by_class: dict[str, list[tuple[int, Rule]]] = {}
    for order, rule in enumerate(rules):
        fast = Rule(rule.name, guarded(rule.pattern), rule.handler)
        by_class.setdefault(RULE_ANCHORS[rule.name], []).append((order, fast))
    return Scanner(re.compile(regex), re.compile(regex, re.IGNORECASE), classes, by_class,
                   frozenset(words))


def _anchors(text: str, sc: Scanner) -> dict[str, list[tuple[int, int]]]:
    low = text.lower()
    if len(low) == len(text) and not any(t in text for t in _FOLD_TRAPS):
        matches = sc.trigger.finditer(low)
    else:
        matches = sc.trigger_ci.finditer(text)
    out: dict[str, list[tuple[int, int]]] = {}
    for m in matches:
        span = m.span()
        for cls in _DIGIT if m.lastindex else sc.classes.get(m[0].lower(), sc.every):
            out.setdefault(cls, []).append(span)
    return out


def _left(text: str, pos: int) -> int:
    """Window start for an anchor at ``pos``: _MARGIN characters back, whitespace runs free."""
    start, checked = pos - _MARGIN, pos
    while start > 0:
        extra = sum(len(run) - 1 for run in _WS_RUN.findall(text, start, checked))
        if not extra:
            break
        start, checked = start - extra, start
    return max(start, 0)


def _right(text: str, pos: int) -> int:
    end, checked = pos + _MARGIN, pos
    while end < len(text):
        extra = sum(len(run) - 1 for run in _WS_RUN.findall(text, checked, end))
        if not extra:
            break
        end, checked = end + extra, end
    return min(end, len(text))


def _windows(text: str, spans: list[tuple[int, int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for s, e in spans:
        a, b = _left(text, s), _right(text, e)
        out.append([a, b])
        while len(out) > 1 and out[-1][0] <= out[-2][1]:
            a, b = out.pop()
            out[-1] = [min(out[-1][0], a), max(out[-1][1], b)]
    return out


def candidates(text: str, sc: Scanner) -> list[tuple[int, int, Rule, re.Match]]:
    """All non-empty matches of all rules, sorted by start, longest first, then rule order."""
    cands = []
    for cls, spans in _anchors(text, sc).items():
        windows = _windows(text, spans)
        for order, rule in sc.rules.get(cls, ()):
            for a, b in windows:
                for m in rule.pattern.finditer(text, a, b):
                    if m.end() > m.start():
                        cands.append((m.start(), -m.end(), order, rule, m))
    cands.sort(key=lambda c: c[:3])
    return [(s, -neg_e, rule, m) for s, neg_e, _, rule, m in cands]
