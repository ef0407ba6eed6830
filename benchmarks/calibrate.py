"""Calibration view of the alignment model: for each claim of the TUNE drafts of
fixtures/realref/ (or the already-tuned splits given with --split), the best one-value-off reading, its identity and the
threshold it had to clear, split into true errors (expected mismatches) and the rest. Used to
choose the thresholds in align/config.py; never run on HELDOUT.

    python benchmarks/calibrate.py
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realworld import CORPUS, ROOT  # noqa: E402

from claimcheck.align.verdict import KEYS, mismatch_threshold  # noqa: E402
from claimcheck.align.features import ClaimContext  # noqa: E402
from claimcheck.evaluate import load_drafts, make_checks, with_date_header  # noqa: E402


def rows(drafts_dir: Path, sources: Path):
    with tempfile.TemporaryDirectory() as tmp:
        checks = make_checks(drafts_dir, sources, tmp)
        for d in load_drafts(drafts_dir):
            checker = checks[d.get("reference", "istanbul")].__self__
            text = with_date_header(d["text"], d.get("date_text"))
            found = {str(e["found"]) for e in d.get("expected") or []}
            yield from _draft_rows(checker, d["name"], text, found)


def _draft_rows(checker, name, text, found):
    report = checker.check_text(text)
    al = checker.aligner
    from claimcheck.document import resolve_date
    day = resolve_date(text)[0].value
    for cr in report.claims:
        claim = cr.claim
        cc = ClaimContext.of(text, claim, day)
        pairs = al.score_all(cc, al.candidates(claim, cr.sentence))
        readings = [p for p in pairs if not p.constraints and len(p.differ(*KEYS)) == 1
                    and not p.differ("actor", "target")]
        best = max(readings, key=lambda p: p.identity, default=None)
        is_error = any(f in text[claim.start:claim.end] or (claim.time and f in claim.time.text) for f in found)
        if best is not None:
            yield (is_error, best.identity, mismatch_threshold(claim, best, 0.0), name, cr.text, best.fact.id,
                   cr.verdict + "/" + _evidence(best))
        elif is_error:
            yield (True, 0.0, 0.0, name, cr.text, "-", cr.verdict)


def _evidence(p) -> str:
    """Which value differs and how firm the other one is: c/d = count/date differs; F = the other
    value agrees and is stated (firm), i = agrees only with an implicit date, - = unknown."""
    differ = p.differ(*KEYS)[0]
    other = "date" if differ == "count" else "count"
    firm = "F" if p.status[other] == "agree" and not p.implicit_date else (
        "i" if p.status[other] == "agree" else "-")
    return differ[0] + firm


TUNED = ("tune", "heldout2", "heldout3")  # splits already used for tuning; heldout and heldout4 never


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=TUNED, action="append", help="draft split (repeatable; default tune)")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not present")
        return 0
    drafts = [r for s in args.split or ["tune"] for r in rows(ROOT / "fixtures" / "realref" / s, CORPUS)]
    if drafts:
        out = sorted([*drafts, *realworld_rows()], key=lambda r: -r[1])
        for is_error, ident, thr, name, text, fid, verdict in out:
            mark = "ERR" if is_error else "   "
            print(f"{mark} {ident:.3f} thr {thr:.2f} {verdict.split('/')[0][:5]:5} {verdict.split('/')[-1]:2} {name[:38]:<38} {text[:30]!r} {fid}")
    return 0




def realworld_rows():
    """TUNE articles of ../shared/realworld against the bundled reference: no expected error."""
    from claimcheck import Checker
    from realworld import parse_labels, split_of

    labels = parse_labels(CORPUS / "LABELS.md")
    names = sorted(labels)
    checker = Checker()
    for n in names:
        if split_of(names, n) == "tune":
            yield from _draft_rows(checker, n, (CORPUS / n).read_text(encoding="utf-8"), set())


if __name__ == "__main__":
    sys.exit(main())
