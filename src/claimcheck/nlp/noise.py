"""What is not a claim: names that contain numbers, references, contact data, footnote and list
markers, page timestamps and bylines, and table rows (patterns in ``lang/de/noise.yaml``).

``find_noise`` returns the spans; ``mask_noise`` blanks them (same length, newlines kept) so the
number and date finders never see them while every offset stays valid.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence


from claimcheck.lang import pack
from claimcheck.lang.schema.noise import NoiseFile, NoiseKind, TableRule
from claimcheck.nlp.regex import C as sre_constants, P as sre_parse, guarded

# Patterns run around digits and ``anchor_words`` only (see ``find_noise``); no match of a
# pattern reaches farther than WINDOW characters from the digit it masks (the longest: a byline
# before its date).
_DIGIT_ANCHOR = r"[\d¹²³⁴⁵⁶⁷⁸⁹⁰]+"
WINDOW = 160
_NUMBER_TOKEN = re.compile(r"[+\-−–]?\d[\d.,]*%?")
_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
_SEPARATOR_LINE = re.compile(r"[ \t|:+-]*\|[ \t|:+-]*")


def expand(pattern: str, lists: dict[str, list[str]], flags: int = 0) -> re.Pattern:
    """Compile ``pattern`` with ``<<name>>`` replaced by the escaped words of ``lists[name]``."""
    def alternation(m: re.Match) -> str:
        words = sorted(lists[m[1]], key=len, reverse=True)
        return "(?:" + "|".join(re.escape(w) for w in words) + ")"

    regex = re.sub(r"<<(\w+)>>", alternation, pattern)
    return re.compile(re.sub(r"(?<!\\)\$", r"(?=\\n)", regex), flags | re.MULTILINE)


@dataclass(frozen=True)
class NoiseSpan:
    start: int
    end: int
    kind: NoiseKind


@dataclass(frozen=True)
class _Compiled:
    patterns: tuple[tuple[NoiseKind, re.Pattern, Optional[re.Pattern], bool], ...]  # bool: at line starts only
    table: TableRule
    anchor: re.Pattern
    footnote_text: str


@lru_cache(maxsize=4)
def _compiled(lang: str = "de") -> _Compiled:
    return compile_noise(pack(lang).noise)


def compile_noise(data: NoiseFile) -> _Compiled:
    """The patterns of a noise file, compiled (once per pack)."""
    # guarded: a first-character lookahead lets the engine skip most start positions fast
    pats = tuple((p.kind, g, _required(p.requires, data.lists), _line_start_only(g)) for p in data.patterns
                 for g in (guarded(expand(p.pattern, data.lists, re.IGNORECASE if p.ignorecase else 0)),))
    # "[Hh]eute", not IGNORECASE: a pattern starting with a character set scans fast
    words = [f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in data.anchor_words]
    return _Compiled(pats, data.table, re.compile("|".join([_DIGIT_ANCHOR] + words)), data.footnote_text)


def _line_start_only(pattern: re.Pattern) -> bool:
    """Whether every match of ``pattern`` starts at a line start: the pattern opens with ``^``
    (after its first-character guards) and has no top-level alternative."""
    for op, av in sre_parse.parse(pattern.pattern, pattern.flags).data:
        if op is sre_constants.ASSERT and av[0] == 1:  # a lookahead: matches nothing
            continue
        return op is sre_constants.AT and av in (sre_constants.AT_BEGINNING, sre_constants.AT_BEGINNING_STRING)
    return False


def _has_line_start(scan: str, start: int, end: int) -> bool:
    """A line starts somewhere in ``scan[start:end]``."""
    return start == 0 or scan[start - 1] == "\n" or scan.find("\n", start, end - 1) >= 0


def _required(requires: list[str], lists: dict[str, list[str]]) -> Optional[re.Pattern]:
    """One regex that finds any of the required strings (None: the pattern requires none)."""
    out: list[str] = []
    for r in requires:
        name = re.fullmatch(r"<<(\w+)>>", r)
        out += lists[name[1]] if name else [r]
    return re.compile("|".join(re.escape(w) for w in out)) if out else None


def find_noise(text: str, lang: str = "de", compiled: Optional[_Compiled] = None,
               window: int = WINDOW) -> list[NoiseSpan]:
    """Noise spans of ``text``, sorted by start (they may overlap).

    Masking matters only where the number and date finders could read something, so the
    patterns run only on windows around digits (and ``anchor_words``): up to ``WINDOW``
    characters either side, within the line. A pattern's ``$`` is the line end, never a
    window end (the text is scanned with a closing newline)."""
    comp = compiled or _compiled(lang)
    found = [NoiseSpan(s, e, "table") for s, e in table_lines(text, comp.table)]
    scan, markers = text + "\n", set()
    windows = _windows(text, comp.anchor, window)
    for kind, pattern, requires, line_start in comp.patterns:
        for ws, we in windows:
            if requires is not None and requires.search(scan, ws, we) is None:
                continue
            if line_start and not _has_line_start(scan, ws, we):
                continue
            for m in pattern.finditer(scan, ws, we):
                s, e = m.span("x") if "x" in pattern.groupindex else m.span()
                if s < e:
                    found.append(NoiseSpan(s, min(e, len(text)), kind))
                    if kind == "footnote" and text[s:e].isdigit():
                        markers.add(text[s:e])
    found += _footnote_texts(text, markers, comp.footnote_text)
    return sorted(found, key=lambda n: (n.start, n.end))


def _windows(text: str, anchor: re.Pattern, window: int = WINDOW) -> list[tuple[int, int]]:
    """Merged windows around the anchors: [anchor - WINDOW, anchor + WINDOW], clipped to the
    anchor's line (the line's newline included, so that ``$`` can match)."""
    out: list[tuple[int, int]] = []
    for m in anchor.finditer(text):
        line_end = text.find("\n", m.end())
        ws = max(text.rfind("\n", 0, m.start()) + 1, m.start() - window)
        we = min(len(text) + 1 if line_end < 0 else line_end + 1, m.end() + window)
        if out and ws <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], we))
        else:
            out.append((ws, we))
    return out


def _footnote_texts(text: str, markers: set[str], template: str) -> list[NoiseSpan]:
    """Markers that open a footnote text ("1 Vorläufige Werte."), once the text has shown the
    same digits glued to a word or year: without such a marker they may well be counts."""
    if not markers:
        return []
    digits = "|".join(sorted(markers))
    pattern = re.compile(template.format(d=digits), re.MULTILINE)
    return [NoiseSpan(*m.span("x"), "footnote") for m in pattern.finditer(text)]


def table_lines(text: str, rule: Optional[TableRule] = None) -> list[tuple[int, int]]:
    """Offsets of the lines of ``text`` that are table rows (see ``noise.yaml``: ``table``).
    The last answer is kept: the Checker's notice and the noise stage ask for the same text."""
    global _last_table
    rule = rule or _compiled().table
    last = _last_table
    if last is not None and last[0] is text and last[1] is rule:
        return list(last[2])
    out = _table_lines(text, rule)
    _last_table = (text, rule, tuple(out))
    return out


_last_table: Optional[tuple[str, TableRule, tuple[tuple[int, int], ...]]] = None


def _table_lines(text: str, rule: TableRule) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        if ("|" in line or "\t" in line or _DIGIT.search(line)) and _is_table_row(line, rule):
            out.append((pos, end))
        pos = end + 1
    return out


def _is_table_row(line: str, rule: TableRule) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if line.count("|") + line.count("\t") >= rule.min_separators:
        return True
    if stripped.startswith("|") or stripped.endswith("|") or _SEPARATOR_LINE.fullmatch(stripped):
        return True
    runs = len(_DIGIT_RUN.findall(stripped))  # no fewer than the number tokens
    if runs < rule.min_numbers:
        return False  # fast path for prose: too few digit runs for as many number tokens
    tokens = stripped.split()
    if runs / len(tokens) < rule.min_number_share:
        return False  # so is the share of number tokens
    numbers = sum(1 for t in tokens if _NUMBER_TOKEN.fullmatch(t.strip("()[]:;")))
    return numbers >= rule.min_numbers and numbers / len(tokens) >= rule.min_number_share


def mask_noise(text: str, spans: Sequence[NoiseSpan]) -> str:
    """``text`` with the noise spans blanked (spaces; newlines kept, so lines stay lines)."""
    if not spans:
        return text
    chars = list(text)
    for n in spans:
        for i in range(n.start, n.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
