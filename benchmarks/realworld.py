"""Verdicts on real news articles against the bundled reference, scored with the labels of
``../shared/realworld/LABELS.md`` (third-party text: read from ../shared, never copied here).

For each article: claims, mismatches raised (every one is a false alarm unless it lies in a
statement labelled CONTRADICTS), and the share of AGREES statements that come out supported
(a statement counts as supported when a claim inside it is supported and none is a mismatch).

The corpus is split once, by a fixed rule chosen before any tuning (odd/even position in the
file list): rules may be tuned on TUNE only; HELDOUT is reported separately.

    python benchmarks/realworld.py [--details] [--split tune|heldout|all]
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "realworld"
STATEMENT = re.compile(r'^- "(?P<quote>.+)" → \*\*(?P<label>AGREES|CONTRADICTS|NOT COVERED)\*\*', re.M)
HEADING = re.compile(r"^## (?P<name>\S+\.txt)\s*$", re.M)
ELISION = re.compile(r"\s*\[…\]\s*")


@dataclass
class Statement:
    quote: str
    label: str
    span: tuple[int, int] | None = None  # located in the article


@dataclass
class ArticleScore:
    name: str
    split: str
    language: str = "de"
    claims: int = 0
    mismatches: list[str] = field(default_factory=list)
    agrees: int = 0
    agrees_supported: int = 0
    unlocated: int = 0
    missed: list[str] = field(default_factory=list)


def parse_labels(path: Path) -> dict[str, list[Statement]]:
    text = path.read_text(encoding="utf-8")
    heads = list(HEADING.finditer(text))
    out: dict[str, list[Statement]] = {}
    for k, h in enumerate(heads):
        body = text[h.end(): heads[k + 1].start() if k + 1 < len(heads) else len(text)]
        out[h["name"]] = [Statement(m["quote"], m["label"]) for m in STATEMENT.finditer(body)]
    return out


def split_of(names: list[str], name: str) -> str:
    """Fixed rule: files at odd positions (1st, 3rd, …) of the sorted list are TUNE."""
    return "tune" if sorted(names).index(name) % 2 == 0 else "heldout"


def locate(article: str, quote: str) -> tuple[int, int] | None:
    """Offsets of a quoted statement; "[…]" elisions and quote marks are tolerated."""
    pieces = [p.strip(' "„“') for p in ELISION.split(quote) if p.strip(' "„“')]
    pos, first = 0, None
    for piece in pieces:
        pattern = r"\s*".join(re.escape(w) for w in piece.split())
        pattern = pattern.replace('\\"', '["„“”]?')
        m = re.compile(pattern).search(article, pos)
        if m is None:
            return None
        first = m.start() if first is None else first
        pos = m.end()
    return (first, pos) if first is not None else None


def score_article(checker, path: Path, statements: list[Statement], split: str) -> ArticleScore:
    text = path.read_text(encoding="utf-8")
    report = checker.check_text(text, source=path.name)
    sc = ArticleScore(path.name, split, language=getattr(report, "language", None) or "de")
    sc.claims = len(report.claims)
    for st in statements:
        st.span = locate(text, st.quote)
        sc.unlocated += st.span is None
    contradicts = [s.span for s in statements if s.label == "CONTRADICTS" and s.span]
    for cr in report.claims:
        if cr.verdict == "mismatch" and not any(a <= cr.start < b for a, b in contradicts):
            sc.mismatches.append(f"{cr.text!r}: {cr.message}")
    for st in statements:
        if st.label != "AGREES" or sc.language != "de":
            continue
        sc.agrees += 1
        inside = [cr for cr in report.claims if st.span and st.span[0] <= cr.start < st.span[1]]
        if any(c.verdict == "supported" for c in inside) and not any(c.verdict == "mismatch" for c in inside):
            sc.agrees_supported += 1
        else:
            sc.missed.append(f"{st.quote[:70]!r}: " + (", ".join(f"{c.text}={c.verdict}" for c in inside) or "no claim"))
    return sc


def print_table(scores: list[ArticleScore], details: bool) -> None:
    print(f"{'article':<48}{'split':<8}{'lang':<5}{'claims':>7}{'false':>7}{'agrees':>8}")
    for s in scores:
        agrees = f"{s.agrees_supported}/{s.agrees}" if s.agrees else "-"
        print(f"{s.name[:47]:<48}{s.split:<8}{s.language:<5}{s.claims:>7}{len(s.mismatches):>7}{agrees:>8}")
        if details:
            for m in s.mismatches:
                print(f"    FALSE ALARM {m}")
            for m in s.missed:
                print(f"    not supported {m}")
            if s.unlocated:
                print(f"    ({s.unlocated} labelled statements not located in the text)")
    for split in ("tune", "heldout"):
        part = [s for s in scores if s.split == split]
        if not part:
            continue
        fa = sum(len(s.mismatches) for s in part)
        ag, sup = sum(s.agrees for s in part), sum(s.agrees_supported for s in part)
        share = f"{sup / ag:.0%}" if ag else "-"
        print(f"{split.upper():<8} articles {len(part)}  false alarms {fa}  AGREES supported {sup}/{ag} ({share})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--split", choices=["tune", "heldout", "all"], default="all")
    args = ap.parse_args(argv)
    labels_path = CORPUS / "LABELS.md"
    if not labels_path.exists():
        print(f"skipped: {CORPUS} not present (the real-world corpus lives outside the project)")
        return 0
    from claimcheck import Checker

    labels = parse_labels(labels_path)
    names = sorted(labels)
    checker = Checker()
    scores = []
    for name in names:
        split = split_of(names, name)
        if args.split in (split, "all"):
            scores.append(score_article(checker, CORPUS / name, labels[name], split))
    print_table(scores, args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
