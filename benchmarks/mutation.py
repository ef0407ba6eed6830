"""Mutation benchmark on real text: every source checked against itself with one value changed.

For the bundled source and each article of ../shared/realworld (third-party text, read from
there, never copied): build its reference, then for each numeric or dated expression of a fact
make a copy of the article with that one value changed (count +/-, year -2 and +1, day -2 and
+3, number word, hedge) and check the copy against the reference. Expected: exactly one mismatch there, with the
original value as the expected value, and no mismatch elsewhere; the unchanged article gives none.
Relative expressions without digits ("am Freitag") are not mutated (listed as skipped). Digit
expressions that are in no fact at all (the reference builder left them out: footnotes, table
cells of columns without a time, URLs, but also misses) are counted per source ("no fact") and
listed with --details. Facts read from a table cell are not mutated: a draft's table cells are
no statements to check (they are counted as "table cells").

Split as in realworld.py (fixed rule): the bundled source and the TUNE articles were used for
tuning; HELDOUT articles are reported separately.

    python benchmarks/mutation.py [--details] [--split tune|heldout|all]
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realworld import CORPUS, ROOT, split_of  # noqa: E402

from claimcheck.evaluate import value_equal  # noqa: E402
from claimcheck.models import Fact, format_number  # noqa: E402

WORDS = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
         "elf", "zwölf"]
HEDGES = {"mehr als": "weniger als", "über": "unter", "weniger als": "mehr als", "unter": "über",
          "fast": "mehr als", "knapp": "mehr als", "rund": "weit über", "etwa": "weit über"}
YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
DAY = re.compile(r"(?<!\d)([12]?\d|3[01])\.(?=\s*[A-ZÄÖÜa-zäöü0-9])")
NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")


@dataclass
class Mutation:
    start: int
    end: int
    new: str
    original: str  # the expected value in the report


@dataclass
class Score:
    name: str
    split: str
    mutations: int = 0
    hits: int = 0
    right_value: int = 0
    false_alarms: int = 0  # mismatches elsewhere in mutated copies
    unchanged_alarms: int = 0
    skipped: list[str] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)
    table_cells: int = 0  # facts read from table cells (not mutated)
    errors: list[str] = field(default_factory=list)


def mutate_quantity(text: str, fact: Fact) -> list[Mutation]:
    """A hedge turned round, a number word one up, or the number up and down (+/-10 for 20 and
    more, +/-1 below, +/-0.5 for decimals)."""
    q = fact.quantity
    if q is None:
        return []
    surface = text[q.start:q.end]
    original = q.text if q.hedge is not None else q.label()  # a hedged value keeps its hedge
    for hedge, other in HEDGES.items():
        if surface.lower().startswith(hedge + " "):
            return [Mutation(q.start, q.start + len(hedge), other, original)]
    m = NUMBER.search(surface)
    if m is None:
        low = surface.lower()
        if low in WORDS:
            return [Mutation(q.start, q.end, WORDS[(WORDS.index(low) + 1) % len(WORDS)], original)]
        return []
    digits = m.group(0).replace(".", "").replace(",", ".")
    value = float(digits)
    step = 0.5 if "," in m.group(0) else (10 if value >= 20 else 1)
    news = [value + step] + ([value - step] if value - step > 0 else [])
    return [Mutation(q.start + m.start(), q.start + m.end(), format_number(n), original) for n in news]


def mutate_time(text: str, fact: Fact) -> list[Mutation]:
    """A day two earlier (or three later), else the year two earlier and one later."""
    t = fact.time
    if t is None or t.inherited or t.end <= t.start:
        return []
    surface = text[t.start:t.end]
    day = DAY.search(surface)
    if day is not None and int(day.group(1)) > 2:
        d = int(day.group(1))
        days = [d - 2] + ([d + 3] if d + 3 <= 28 else [])
        return [Mutation(t.start + day.start(1), t.start + day.end(1), str(n), t.text) for n in days]
    year = YEAR.search(surface)
    if year is not None:
        y = int(year.group(0))
        return [Mutation(t.start + year.start(), t.start + year.end(), str(n), t.text) for n in (y - 2, y + 1)]
    return []


def uncovered(text: str, facts: list[Fact]) -> list[str]:
    """Digit expressions of the text that lie in no fact's quantity or time (so nothing can be
    mutated there: the reference builder did not make them a fact)."""
    spans = [(s.start, s.end) for f in facts if f.provenance.cell is None
             for s in (f.quantity, f.time) if s is not None]
    spans += [(f.provenance.cell.start, f.provenance.cell.end) for f in facts if f.provenance.cell is not None]
    return [m.group(0) for m in NUMBER.finditer(text)
            if not any(a <= m.start() < b for a, b in spans)]


def mutations(text: str, facts: list[Fact]) -> tuple[list[Mutation], list[str]]:
    out: dict[tuple[int, int], Mutation] = {}
    skipped = []
    for f in facts:
        if f.provenance.cell is not None:
            continue  # a table cell's offsets count into its verbalised statement
        for make, span in ((mutate_quantity, f.quantity), (mutate_time, f.time)):
            if span is None or (span is f.time and f.time.inherited):
                continue
            made = make(text, f)
            if not made:
                skipped.append(text[span.start:span.end])
            for m in made:
                out.setdefault((m.start, m.end, m.new), m)
    return sorted(out.values(), key=lambda m: m.start), skipped


def score_source(path: Path, split: str, details: bool) -> Score:
    from claimcheck import Checker

    text = path.read_text(encoding="utf-8")
    base = Checker().build_reference(path)
    checker = Checker(reference=base)
    sc = Score(path.name, split)
    report = checker.check_text(text, source=path.name)
    if getattr(report, "language", "de") not in (None, "de"):
        sc.skipped.append("(not German)")
        return sc
    sc.unchanged_alarms = sum(c.verdict == "mismatch" for c in report.claims)
    sc.errors += [f"unchanged: {c.text!r} {c.message}" for c in report.claims if c.verdict == "mismatch"]
    muts, sc.skipped = mutations(text, base.facts)
    sc.uncovered = uncovered(text, base.facts)
    sc.table_cells = sum(f.provenance.cell is not None for f in base.facts)
    for m in muts:
        _score_mutation(checker, text, m, sc)
    return sc


def _score_mutation(checker, text: str, m: Mutation, sc: Score) -> None:
    draft = text[:m.start] + m.new + text[m.end:]
    end = m.start + len(m.new)
    sc.mutations += 1
    report = checker.check_text(draft)
    here, elsewhere = [], []
    for c in report.claims:
        if c.verdict != "mismatch":
            continue
        spans = [(mm.start, mm.end, mm.expected) for mm in c.mismatches] or [(c.start, c.end, "")]
        (here if any(a < end and m.start < b for a, b, _ in spans) else elsewhere).append((c, spans))
    label = f"{text[m.start:m.end]!r}->{m.new!r}"
    if here:
        sc.hits += 1
        expected = [e for _c, spans in here for a, b, e in spans if a < end and m.start < b]
        if any(value_equal(m.original, e) for e in expected):
            sc.right_value += 1
        else:
            sc.errors.append(f"{label}: expected {m.original!r}, got {expected}")
    else:
        sc.errors.append(f"{label}: missed")
    sc.false_alarms += len(elsewhere)
    sc.errors += [f"{label}: false alarm on {c.text!r}: {c.message}" for c, _ in elsewhere]


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--split", choices=["tune", "heldout", "all"], default="all")
    args = ap.parse_args(argv)
    sources = [(ROOT / "reference" / "istanbul-2025-02.txt", "tune")]
    if CORPUS.exists():
        names = sorted(p.name for p in CORPUS.glob("*.txt"))
        sources += [(CORPUS / n, split_of(names, n)) for n in names]
    else:
        print(f"note: {CORPUS} not present; only the bundled source is mutated")
    scores = [score_source(p, s, args.details) for p, s in sources if args.split in (s, "all")]
    print(f"{'source':<48}{'split':<8}{'muts':>5}{'hits':>5}{'right':>6}{'false':>6}{'unch':>5}{'no fact':>8}")
    for s in scores:
        print(f"{s.name[:47]:<48}{s.split:<8}{s.mutations:>5}{s.hits:>5}{s.right_value:>6}"
              f"{s.false_alarms:>6}{s.unchanged_alarms:>5}{len(s.uncovered):>8}")
        if args.details:
            print("".join(f"    {e}\n" for e in s.errors), end="")
            if s.skipped:
                print(f"    not mutated: {s.skipped}")
            if s.uncovered:
                print(f"    digits in no fact: {s.uncovered}")
    for split in ("tune", "heldout"):
        part = [s for s in scores if s.split == split]
        n = sum(s.mutations for s in part)
        if n:
            right = sum(s.right_value for s in part)
            print(f"{split.upper():<8} mutations {n}  recall {sum(s.hits for s in part) / n:.3f}  "
                  f"right value {right / n:.3f}  false alarms {sum(s.false_alarms for s in part)}  "
                  f"on unchanged {sum(s.unchanged_alarms for s in part)}  "
                  f"digit expressions in no fact {sum(len(s.uncovered) for s in part)}  "
                  f"table cells {sum(s.table_cells for s in part)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
