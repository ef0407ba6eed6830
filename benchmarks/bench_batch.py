"""Throughput and memory of ``claimcheck batch`` against the bare spaCy tokenizer.

    PYTHONPATH=src python benchmarks/bench_batch.py [--mb 2] [--jobs 2] [--keep]

Builds a corpus of variations of the bundled source article (numbers and years shifted, so
there are mismatches) in a temporary directory and prints, in one run:

* bare ``spacy.blank("de")`` tokenizer tokens/s on the corpus (in this process);
* ``claimcheck batch`` whole-process tokens/s (a subprocess, model loading included);
* the ratio of the two;
* the peak RSS of the batch run: the largest single process (``getrusage(RUSAGE_CHILDREN)``)
  and, on Linux, the sampled peak of the whole process tree (parent + workers).
"""
from __future__ import annotations

import argparse
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "reference" / "istanbul-2025-02.txt"


def build_corpus(folder: Path, megabytes: float, seed: int = 1) -> list[str]:
    """Write variations of the article into ``folder`` (10 subfolders) until ``megabytes``."""
    base = ARTICLE.read_text(encoding="utf-8")
    rnd = random.Random(seed)
    texts, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        text = re.sub(r"\b\d+\b", lambda m: _vary(m.group(), rnd), base)
        path = folder / f"d{i % 10}" / f"draft-{i:05}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        texts.append(text)
        size += len(text.encode("utf-8"))
        i += 1
    return texts


def _vary(number: str, rnd: random.Random) -> str:
    if rnd.random() < 0.8:
        return number
    return str(int(number) + rnd.choice((-1, 1, 10)))


def tokenizer_speed(texts: list[str]) -> tuple[int, float]:
    import spacy

    nlp = spacy.blank("de")
    best = float("inf")
    for _ in range(2):  # the first pass fills the tokenizer cache; report the better one
        start = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(texts, batch_size=256))
        best = min(best, time.perf_counter() - start)
    return tokens, best


class TreeRss:
    """Samples the summed RSS of a process and all its descendants (Linux /proc)."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid, self.interval, self.peak = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "TreeRss":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, sum(_rss(p) for p in _tree(self.pid)))
            time.sleep(self.interval)


def _tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, ppid in parents.items() if ppid in frontier]
        tree += frontier
    return tree


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_batch(folder: Path, jobs: int, out: Path) -> tuple[float, int, int, str]:
    """Run ``claimcheck batch`` as a subprocess; (seconds, exit status, tree peak RSS, stderr)."""
    cmd = [sys.executable, "-c", "import sys; from claimcheck.cli import main; sys.exit(main())",
           "batch", str(folder), "--jobs", str(jobs), "--output", str(out)]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = TreeRss(proc.pid) if Path("/proc").is_dir() else None
    if sampler:
        with sampler:
            _, err = proc.communicate()
    else:
        _, err = proc.communicate()
    return time.perf_counter() - start, proc.returncode, sampler.peak if sampler else 0, err


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=2.0, help="corpus size in MB (default 2)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", action="store_true", help="keep the corpus and the output")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="claimcheck-bench-"))
    texts = build_corpus(tmp / "corpus", args.mb)
    chars = sum(map(len, texts))
    print(f"corpus: {len(texts)} files, {chars / 1e6:.2f} M characters in {tmp / 'corpus'}")
    tokens, tok_seconds = tokenizer_speed(texts)
    print(f"spacy.blank('de') tokenizer: {tokens} tokens in {tok_seconds:.2f} s = "
          f"{tokens / tok_seconds:,.0f} tokens/s")
    seconds, status, tree_peak, err = run_batch(tmp / "corpus", args.jobs, tmp / "out.jsonl")
    lines = sum(1 for _ in open(tmp / "out.jsonl", encoding="utf-8"))
    print(f"claimcheck batch --jobs {args.jobs}: {seconds:.2f} s, exit {status}, {lines} records, "
          f"{tokens / seconds:,.0f} tokens/s, {len(texts) / seconds:.1f} files/s")
    ratio = (tokens / seconds) / (tokens / tok_seconds)
    print(f"ratio batch / bare tokenizer: {ratio:.2f} (target >= 0.5; "
          f"tokenizer is {1 / ratio:.1f}x faster)")
    peak_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(f"peak RSS: largest single process {peak_child / 2**20:.0f} MiB, "
          f"whole process tree (sampled) {tree_peak / 2**20:.0f} MiB")
    print("batch stderr:", err.strip().splitlines()[-1] if err.strip() else "-")
    if not args.keep:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if status in (0, 1) and lines == len(texts) else 1


if __name__ == "__main__":
    sys.exit(main())
