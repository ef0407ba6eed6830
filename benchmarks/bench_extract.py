"""Extraction throughput: claimcheck's pipeline vs spaCy's bare German tokenizer, same texts,
same run. Prints tokens/s for: bare tokenizer, blank pipeline (lemmas + sentences), full
claimcheck extraction, and the time share of the pure number/date finders.

    python benchmarks/bench_extract.py [--copies N]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from claimcheck import Checker
from claimcheck.nlp.dates import find_time_expressions
from claimcheck.nlp.numbers import find_quantities

ROOT = Path(__file__).resolve().parents[1]


def corpus(copies: int) -> list[str]:
    texts = [ROOT / "reference" / "istanbul-2025-02.txt", ROOT / "fixtures" / "draft-example.txt"]
    texts += sorted((ROOT / "fixtures").glob("sources/*.txt"))
    base = [p.read_text(encoding="utf-8") for p in texts if p.exists()]
    return [base[i % len(base)] for i in range(copies)]


def rate(n_tokens: int, seconds: float) -> str:
    return f"{n_tokens / seconds:>10,.0f} tokens/s  ({seconds:.2f} s)"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=400)
    args = ap.parse_args()
    texts = corpus(args.copies)
    bare = spacy.blank("de")
    t0 = time.perf_counter()
    n_tokens = sum(len(d) for d in bare.pipe(texts))
    t_bare = time.perf_counter() - t0
    checker = Checker(model="blank")
    plain = spacy.blank("de")
    plain.add_pipe("lemmatizer", config={"mode": "lookup"})
    plain.add_pipe("sentencizer")
    plain.initialize()
    t0 = time.perf_counter()
    list(plain.pipe(texts))
    t_plain = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_claims = sum(len(checker.extract(t, "2025-02")) for t in texts)
    t_full = time.perf_counter() - t0
    t0 = time.perf_counter()
    for t in texts:
        find_quantities(t, [(s.start, s.end) for s in find_time_expressions(t, None)])
    t_finders = time.perf_counter() - t0
    print(f"corpus: {len(texts)} texts, {sum(map(len, texts)):,} chars, {n_tokens:,} tokens")
    print(f"bare spaCy German tokenizer : {rate(n_tokens, t_bare)}")
    print(f"blank + lemmas + sentences  : {rate(n_tokens, t_plain)}")
    print(f"claimcheck extraction       : {rate(n_tokens, t_full)}  ({n_claims} claims)")
    print(f"  of which number+date finders: {t_finders:.2f} s")
    print(f"ratio extraction / bare tokenizer: {t_bare / t_full:.2f}")


if __name__ == "__main__":
    main()
