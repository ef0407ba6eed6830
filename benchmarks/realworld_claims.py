"""Claims per real article with the noise layer off and on, the language verdict, and the texts
of the claims that remain (so that page furniture among them can be spotted). The articles are
third-party text: read from ../shared/realworld, never copied into the project.

    python benchmarks/realworld_claims.py [--corpus DIR]

``claim_counts(checker_factory)`` is the library entry (used by ``benchmarks/realworld.py``);
``checker_factory(noise=...)`` must return a ``Checker``.
"""
from __future__ import annotations

import argparse
import functools
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "realworld"


def claim_counts(checker_factory: Callable[..., object], corpus: Path = CORPUS) -> list[dict]:
    """Per article: ``file``, ``language``, ``notices``, ``claims_noise_off``,
    ``claims_noise_on`` (extraction alone), ``claims_reported`` (what ``check_text`` reports:
    none for a text that is not German) and ``remaining`` (texts of the reported claims)."""
    from claimcheck import io

    paths = sorted(Path(corpus).glob("*.txt"))
    off, on = checker_factory(noise=False), checker_factory(noise=True)
    rows = []
    for path in paths:
        text = io.read_text(path)
        report = on.check_text(text, source=path.name)
        rows.append({
            "file": path.name,
            "language": report.language,
            "notices": list(report.notices),
            "claims_noise_off": len(off.extract(text)),
            "claims_noise_on": len(on.extract(text)),
            "claims_reported": len(report.claims),
            "remaining": [c.text for c in report.claims],
        })
    return rows


def language_cost(corpus: Path = CORPUS, rounds: int = 20) -> tuple[float, float]:
    """Seconds per article of the language check and of a full extraction (same run)."""
    from claimcheck import Checker, io
    from claimcheck.language import detect_language

    texts = [io.read_text(p) for p in sorted(Path(corpus).glob("*.txt"))]
    checker = Checker(model="blank")
    detect_language(texts[0]), checker.extract(texts[0])  # warm-up: lexicons loaded
    t0 = time.perf_counter()
    for _ in range(rounds):
        for t in texts:
            detect_language(t)
    t1 = time.perf_counter()
    for t in texts:
        checker.extract(t)
    t2 = time.perf_counter()
    return (t1 - t0) / (rounds * len(texts)), (t2 - t1) / len(texts)


def noise_cost(corpus: Path = CORPUS, rounds: int = 3) -> tuple[float, float]:
    """Seconds for extracting every article with the noise layer off and on (same run)."""
    from claimcheck import Checker, io

    texts = [io.read_text(p) for p in sorted(Path(corpus).glob("*.txt"))]
    checker = Checker(model="blank")
    pipe = checker.nlp.get_pipe("claimcheck_claims")
    times = {False: 0.0, True: 0.0}
    checker.extract(texts[0])
    for _ in range(rounds):
        for flag in (False, True):
            pipe.noise = flag
            t0 = time.perf_counter()
            for t in texts:
                checker.extract(t)
            times[flag] += time.perf_counter() - t0
    return times[False] / rounds, times[True] / rounds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir() or not any(args.corpus.glob("*.txt")):
        print(f"skipped: no articles in {args.corpus} (the corpus lies beside the project)")
        return 0
    from claimcheck import Checker

    rows = claim_counts(functools.partial(Checker, model="blank"), args.corpus)
    print(f"{'article':<60} {'lang':>4} {'off':>4} {'on':>4} {'rep':>4}")
    for r in rows:
        print(f"{r['file']:<60} {r['language']:>4} {r['claims_noise_off']:>4} "
              f"{r['claims_noise_on']:>4} {r['claims_reported']:>4}")
        for notice in r["notices"]:
            print(f"    ! {notice}")
        for text in r["remaining"]:
            print(f"    - {text}")
    total_off = sum(r["claims_noise_off"] for r in rows)
    total_on = sum(r["claims_noise_on"] for r in rows)
    print(f"{'total':<60} {'':>4} {total_off:>4} {total_on:>4} "
          f"{sum(r['claims_reported'] for r in rows):>4}")
    lang, extract = language_cost(args.corpus)
    print(f"language check {lang * 1e3:.3f} ms/article vs extraction {extract * 1e3:.1f} ms/article")
    off, on = noise_cost(args.corpus)
    print(f"extraction of all articles: noise layer off {off:.3f} s, on {on:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
