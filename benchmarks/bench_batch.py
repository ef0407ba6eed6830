"""Throughput, start-up, memory and robustness of claimcheck, printed beside their baselines.

    PYTHONPATH=src python benchmarks/bench_batch.py [--files 1000 10000] [--mb 20] [--jobs 2]

In one run:

1. **Real text**: every sentence of the UD German treebanks in ``../shared/ud-german/*.conllu``
   (``# text = `` lines, each used once, grouped into documents of 10 sentences): tokens/s of
   ``Checker.check_text`` (steady state, one core) beside ``spacy.blank("de")``'s bare tokenizer
   on the same documents, and the ratio (target >= 0.5); then, in a fresh process, the same on
   text no cache has seen (a Checker warmed on one half of the documents, timed on the other).
   Skipped with a message when absent.
2. **Start-up**: whole-process time of ``claimcheck check`` on the bundled draft beside
   ``python -c "import spacy; spacy.blank('de')"``.
3. **Batch memory**: ``claimcheck batch --jobs N`` on 1,000 and 10,000 small files and on one
   20 MB file (``--max-mb 25``): wall time and the sampled peak RSS of the whole process tree
   (parent + workers; target < 500 MB).
4. **Hostile folder** (``hostile.py``: run-on sentence with 10,000 numbers, 3 MB and 20 MB
   files, FIFO, non-UTF-8 name, invalid bytes, ...) with default settings: wall time (target
   < 60 s), every file reported once with the expected error code; a NaN fact base refused.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UD = ROOT.parent / "shared" / "ud-german"
sys.path.insert(0, str(Path(__file__).resolve().parent))
ENV = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
CLI = [sys.executable, "-c", "import sys; from claimcheck.cli import main; sys.exit(main())"]


def ud_documents(per_doc: int = 10) -> list[str]:
    sentences = []
    for path in sorted(glob.glob(str(UD / "*.conllu"))):
        with open(path, encoding="utf-8") as fh:
            sentences += [line[len("# text = "):].strip() for line in fh if line.startswith("# text = ")]
    return [" ".join(sentences[i:i + per_doc]) + "\n" for i in range(0, len(sentences), per_doc)]


def _interleaved(tokenizer, checker, docs: list[str], chunks: int) -> tuple[int, int, float, float]:
    """Tokens, claims and CPU seconds of the tokenizer and of ``check_text`` on ``docs``, timed
    chunk by chunk, alternately, so that both see the same machine load."""
    t_tok = t_cc = 0.0
    tokens = claims = 0
    step = max(1, len(docs) // chunks)
    for i in range(0, len(docs), step):
        part = docs[i:i + step]
        start = time.process_time()
        tokens += sum(len(doc) for doc in tokenizer.pipe(part))
        t_tok += time.process_time() - start
        start = time.process_time()
        claims += sum(len(checker.check_text(doc, date="2025-03").claims) for doc in part)
        t_cc += time.process_time() - start
    return tokens, claims, t_tok, t_cc


def real_text(docs: list[str], rounds: int = 3, chunks: int = 20) -> None:
    """Tokens/s of the bare tokenizer and of ``check_text`` on the same documents, each seen once
    per round by a fresh tokenizer and a fresh ``Checker``; the ratio of each round and their
    median are printed. Per-process word caches (lemmas, word keys) do carry over from round 1,
    so ``unseen_halves`` measures text the caches have not seen as well."""
    import statistics

    import spacy

    from claimcheck import Checker

    ratios, claims, tokens = [], 0, 0
    for r in range(rounds):
        checker = Checker(model="blank", fast_tokenizer=True)  # as in a batch worker (its 0.25 s are start-up)
        checker.check_text((ROOT / "fixtures" / "draft-example.txt").read_text(encoding="utf-8"))  # warm-up
        tokens, claims, t_tok, t_cc = _interleaved(spacy.blank("de").tokenizer, checker, docs, chunks)
        ratios.append(t_tok / t_cc)
        print(f"  round {r + 1}: tokenizer {tokens / t_tok:10,.0f} tokens/s, claimcheck "
              f"{tokens / t_cc:10,.0f} tokens/s, ratio {t_tok / t_cc:.2f}")
    print(f"UD German ({len(docs)} documents, {tokens} tokens, {claims} claims), CPU time, one core, "
          f"{rounds} rounds interleaved in {chunks} chunks:")
    print(f"  ratio claimcheck / bare tokenizer: median {statistics.median(ratios):.2f} "
          f"(min {min(ratios):.2f}, max {max(ratios):.2f}; target >= 0.5)")


def unseen_halves(docs: list[str], chunks: int = 10) -> None:
    """Steady state on text no cache has seen: in a fresh process, a Checker reads one half of
    the documents (every other one) untimed, then both are timed on the other half; and the
    other way round. Prints each half and the ratio over both."""
    import spacy

    from claimcheck import Checker

    halves = (docs[0::2], docs[1::2])
    sums = [0.0, 0.0]
    for warm, measured in ((0, 1), (1, 0)):
        checker = Checker(model="blank", fast_tokenizer=True)
        for doc in halves[warm]:
            checker.check_text(doc, date="2025-03")
        tokens, _, t_tok, t_cc = _interleaved(spacy.blank("de").tokenizer, checker, halves[measured], chunks)
        sums[0] += t_tok
        sums[1] += t_cc
        print(f"  half {measured + 1} (caches warmed on half {warm + 1}): tokenizer {tokens / t_tok:10,.0f} "
              f"tokens/s, claimcheck {tokens / t_cc:10,.0f} tokens/s, ratio {t_tok / t_cc:.2f}")
    print(f"  ratio on unseen text, both halves: {sums[0] / sums[1]:.2f} (target >= 0.5)")


def startup() -> None:
    def wall(cmd: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - start

    base = min(wall([sys.executable, "-c", "import spacy; spacy.blank('de')"]) for _ in range(2))
    cc = min(wall(CLI + ["check", str(ROOT / "fixtures" / "draft-example.txt")]) for _ in range(2))
    print(f"start-up: claimcheck check (whole process) {cc:.2f} s vs import spacy + blank('de') "
          f"{base:.2f} s = {cc / base:.2f}x")


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


def run_batch(folder: Path, out: Path, *extra: str) -> tuple[float, int, int, str]:
    """Run ``claimcheck batch`` as a subprocess; (seconds, exit status, tree peak RSS, stderr)."""
    cmd = CLI + ["batch", str(folder), "--output", str(out), *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = TreeRss(proc.pid) if Path("/proc").is_dir() else None
    if sampler:
        with sampler:
            _, err = proc.communicate()
    else:
        _, err = proc.communicate()
    return time.perf_counter() - start, proc.returncode, sampler.peak if sampler else 0, err


def batch_memory(tmp: Path, docs: list[str], counts: list[int], mb: float, jobs: int) -> None:
    docs = docs or [GOOD_DOC]
    for n in counts:
        folder = tmp / f"files-{n}"
        for i in range(n):
            path = folder / f"d{i % 100:02}" / f"f{i:05}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("date 2025-03\n\n" + docs[i % len(docs)], encoding="utf-8")
        _report(f"{n:,} files", folder, tmp / f"out-{n}.jsonl", n, "--jobs", str(jobs))
    if mb:
        folder = tmp / "one-big"
        folder.mkdir()
        text = "".join(docs)
        with open(folder / "big.txt", "w", encoding="utf-8") as fh:
            fh.write("date 2025-03\n\n")
            for _ in range(int(mb * 1e6 // len(text.encode("utf-8"))) + 1):
                fh.write(text)
        size = (folder / "big.txt").stat().st_size / 1e6
        _report(f"one {size:.0f} MB file", folder, tmp / "out-big.jsonl", 1, "--max-mb", str(mb + 5))


def _report(label: str, folder: Path, out: Path, expected: int, *extra: str) -> list[dict]:
    seconds, status, peak, err = run_batch(folder, out, *extra)
    rows = [json.loads(line) for line in open(out, encoding="utf-8")] if out.exists() else []
    print(f"batch {label}: {seconds:.1f} s, exit {status}, {len(rows)}/{expected} rows, "
          f"peak RSS of the process tree {peak / 2**20:.0f} MiB (target < 500)")
    if len(rows) != expected:
        print("  stderr:", err.strip()[-300:])
    return rows


def hostile(tmp: Path) -> None:
    from hostile import nan_reference, write_hostile_folder

    expected = write_hostile_folder(tmp / "hostile")
    rows = _report("hostile folder (default settings, target < 60 s)", tmp / "hostile",
                   tmp / "out-hostile.jsonl", len(expected))
    got = {os.path.relpath(r["source"], tmp / "hostile"): (r.get("error") or {}).get("code", "ok")
           for r in rows}
    wrong = {k: (v, got.get(k)) for k, v in expected.items() if got.get(k) != v}
    print(f"  every file reported once with the expected result: {not wrong and len(rows) == len(got)}"
          + (f" {wrong}" if wrong else ""))
    ref = nan_reference(tmp / "nan.json")
    r = subprocess.run(CLI + ["check", str(ROOT / "fixtures" / "draft-example.txt"), "--reference", str(ref)],
                       env=ENV, capture_output=True, text=True)
    print(f"  NaN fact base: exit {r.returncode}, {r.stderr.strip()[:120]}")


GOOD_DOC = "Ende 2016 verwiesen die USA 35 russische Diplomaten des Landes.\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, nargs="*", default=[1000, 10000], help="batch sizes in files")
    ap.add_argument("--mb", type=float, default=20.0, help="size of the one big file (0: skip)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-hostile", action="store_true")
    ap.add_argument("--unseen-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.unseen_only:  # run in a child process: its caches have seen none of the text
        unseen_halves(ud_documents())
        return 0
    docs = ud_documents() if UD.is_dir() else []
    if docs:
        real_text(docs)
        sys.stdout.flush()
        subprocess.run([sys.executable, __file__, "--unseen-only"], env=ENV, check=False)
    else:
        print(f"UD German treebanks not found in {UD}: real-text throughput skipped "
              "(batch corpora below use a built-in sentence instead)")
    startup()
    tmp = Path(tempfile.mkdtemp(prefix="claimcheck-bench-"))
    try:
        batch_memory(tmp, docs, args.files, args.mb, args.jobs)
        if not args.no_hostile:
            hostile(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
