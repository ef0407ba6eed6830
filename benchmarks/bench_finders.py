"""Equality guard and throughput of the pure finders ``find_time_expressions`` and
``find_quantities``.

    PYTHONPATH=src python benchmarks/bench_finders.py record   # store outputs + speed (before)
    PYTHONPATH=src python benchmarks/bench_finders.py check    # compare outputs, print speed

The equality corpus: every ``text:`` (and ``context:``) of fixtures/sentences.yaml and
fixtures/drafts/*.yaml, the reference article and source texts, every string of the
parametrized tables of tests/test_dates.py and tests/test_numbers.py, seeded German-ish noise
and one long document made of all of them. Each text is run with several document dates,
``previous`` spans and ``exclude`` ranges. Speed is measured on ~1 MB of real texts cut into
~4,000-character documents (dense in numbers), the reference article repeated (typical
prose) and one 300,000-character single line (linearity check).
"""
from __future__ import annotations

import argparse
import importlib.util
import pickle
import random
import sys
import time
from datetime import date
from pathlib import Path

import yaml

from claimcheck.models import TimeSpan
from claimcheck.nlp.dates import find_time_expressions
from claimcheck.nlp.numbers import find_quantities

ROOT = Path(__file__).resolve().parents[1]
STORE = Path("/tmp/bench_finders_baseline.pkl")
DOC = date(2025, 2, 20)
PREVIOUS = TimeSpan(text="2016", start=0, end=4, first=date(2016, 1, 1), last=date(2016, 12, 31),
                    granularity="year", modifier=None, anchor="absolute")
SEPARATORS = [" ", " ", " ", "", "\n", " \u00a0", ", ", ". ", " " * 30, "\t", " - "]


def real_texts() -> list[str]:
    texts = []
    for path in [ROOT / "fixtures" / "sentences.yaml", *sorted((ROOT / "fixtures").glob("drafts/*.yaml"))]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in data if isinstance(data, list) else [data]:
            texts += [item[k] for k in ("context", "text") if isinstance(item.get(k), str)]
    files = [ROOT / "reference" / "istanbul-2025-02.txt", ROOT / "fixtures" / "draft-example.txt",
             *sorted((ROOT / "fixtures").glob("sources/*.txt"))]
    return texts + [p.read_text(encoding="utf-8") for p in files if p.exists()]


def _strings(obj) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, (list, tuple)):
        return [s for x in obj for s in _strings(x)]
    return []


def test_texts() -> list[str]:
    out = []
    for name in ("test_dates", "test_numbers"):
        spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / f"{name}.py")
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)  # type: ignore[union-attr]
        for value in vars(mod).values():
            if isinstance(value, list):
                out += _strings(value)
    return out


def noise(vocab: list[str], n: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    alphabet = "aäbcdeéfghijklmnoöpqrsßtuüvwxyzAÄBDEFJMNOÖSTUÜ0123456789.,:;-–/§%()[]¹ \n\u00a0"
    out = []
    for _ in range(n):
        k = rnd.randint(1, 40)
        words = [rnd.choice(vocab) if rnd.random() < 0.85
                 else "".join(rnd.choices(alphabet, k=rnd.randint(1, 8))) for _ in range(k)]
        sep = rnd.choice(SEPARATORS)
        out.append(sep.join(words) if rnd.random() < 0.8
                   else "".join(w + rnd.choice(SEPARATORS) for w in words))
    return out


def corpus() -> list[str]:
    real, tests = real_texts(), test_texts()
    vocab = sorted({w for t in real + tests for w in t.split()})
    vocab += [w for t in tests for w in t.split()] * 2
    texts = real + tests + noise(vocab, 6000)
    texts.append("\n\n".join(real + tests))
    return list(dict.fromkeys(texts))


def _random_excludes(text: str, rnd: random.Random) -> list[tuple[int, int]]:
    n = len(text)
    return [tuple(sorted((rnd.randint(0, n), rnd.randint(0, n)))) for _ in range(rnd.randint(0, 3))]


def outputs(texts: list[str]) -> list:
    rnd = random.Random(11)
    out = []
    for text in texts:
        times = find_time_expressions(text, DOC)
        rex = _random_excludes(text, rnd)
        out.append((
            [t.model_dump() for t in times],
            [t.model_dump() for t in find_time_expressions(text, None)],
            [t.model_dump() for t in find_time_expressions(text, date(2016, 8, 3), previous=PREVIOUS,
                                                           exclude=rex)],
            [q.model_dump() for q in find_quantities(text)],
            [q.model_dump() for q in find_quantities(text, [(t.start, t.end) for t in times])],
            [q.model_dump() for q in find_quantities(text, rex)],
        ))
    return out


def speed_corpus(target: int = 1_000_000) -> list[str]:
    paragraphs = [p for t in real_texts() for p in t.split("\n") if p.strip()]
    docs, cur, i = [], [], 0
    while sum(map(len, docs)) < target:
        cur.append(paragraphs[i % len(paragraphs)])
        i += 1
        if sum(map(len, cur)) >= 4000:
            docs.append("\n".join(cur))
            cur = []
    return docs


def rates(docs: list[str]) -> dict[str, float]:
    n = sum(map(len, docs))
    t0 = time.perf_counter()
    all_times = [find_time_expressions(d, DOC) for d in docs]
    t1 = time.perf_counter()
    for d, times in zip(docs, all_times):
        find_quantities(d, [(t.start, t.end) for t in times])
    t2 = time.perf_counter()
    return {"dates": n / (t1 - t0), "numbers": n / (t2 - t1), "both": n / (t2 - t0)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["record", "check", "speed"])
    ap.add_argument("--mb", type=float, default=1.0)
    args = ap.parse_args()
    texts = corpus()
    docs = speed_corpus(int(args.mb * 1_000_000))
    line = " ".join(d.replace("\n", " ") for d in docs)[:300_000]
    if args.mode != "speed":
        t0 = time.perf_counter()
        result = outputs(texts)
        print(f"{len(texts)} texts, {sum(map(len, texts)):,} chars, {time.perf_counter() - t0:.1f} s")
    article = (ROOT / "reference" / "istanbul-2025-02.txt").read_text(encoding="utf-8")
    speed = rates(docs)
    speed.update({f"article_{k}": v for k, v in rates([article] * 400).items()})
    speed.update({f"line300k_{k}": v for k, v in rates([line]).items()})
    if args.mode == "record":
        STORE.write_bytes(pickle.dumps({"texts": texts, "outputs": result, "speed": speed}))
    before = pickle.loads(STORE.read_bytes()) if STORE.exists() else None
    if args.mode == "check":
        bad = [i for i, (a, b) in enumerate(zip(before["outputs"], result)) if a != b]
        same_texts = before["texts"] == texts
        print(f"texts identical: {same_texts}; outputs compared: {len(result)}; mismatches: {len(bad)}")
        for i in bad[:5]:
            print("MISMATCH", repr(texts[i][:200]))
        if bad or not same_texts:
            sys.exit(1)
    for k, v in speed.items():
        old = f"   before {before['speed'][k]:>12,.0f}" if before and k in before["speed"] else ""
        print(f"{k:<20} {v:>12,.0f} chars/s{old}")


if __name__ == "__main__":
    main()
