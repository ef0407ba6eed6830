"""`claimcheck batch` killed from outside: workers die with the parent (SIGKILL included),
Ctrl-C stops at once and says how to resume, and ``--resume`` after SIGINT or SIGKILL is exact.
The batch runs in a child process with the fake checker of test_batch (paced, no spaCy)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_batch import run_cli

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir() or os.name != "posix",
                                reason="needs POSIX signals and /proc")

CHILD = f"""
import sys, time
sys.path.insert(0, {str(Path(__file__).parent)!r})
from test_batch import FakeChecker, run_cli

class Paced(FakeChecker):
    def check_file(self, path, *, date=None):
        time.sleep(10 if "PAUSE" in open(path, encoding="utf-8").read() else 0.01)
        return super().check_file(path)

sys.exit(run_cli(sys.argv[1:], Paced))
"""


def _corpus(root: Path, n: int = 400, slow: bool = False) -> Path:
    root.mkdir()
    for i in range(n):
        (root / f"d{i:04}.txt").write_text(f"Es waren {i} oder 13 Leute.\n", encoding="utf-8")
    if slow:
        (root / "d0200.txt").write_text("PAUSE 12\n", encoding="utf-8")  # 10 s in the child
    return root


def _start(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CHILD, *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def _children(pid: int) -> list[int]:
    kids = []
    for entry in os.listdir("/proc"):
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except (OSError, ValueError):
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if entry.isdigit() and int(fields[1]) == pid and fields[0] != "Z":
            kids.append(int(entry))
    return kids


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for(predicate, seconds: float = 20) -> None:
    end = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < end, "timed out waiting for the batch child"
        time.sleep(0.05)


def _rows(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines()]


def test_sigkill_of_the_parent_leaves_no_worker(tmp_path):
    root = _corpus(tmp_path / "c", n=1000)
    proc = _start(["batch", str(root), "--jobs", "2", "--output", str(tmp_path / "o.jsonl")])
    _wait_for(lambda: len(_children(proc.pid)) >= 2)
    kids = _children(proc.pid)
    proc.kill()
    proc.wait()
    try:
        _wait_for(lambda: not any(_alive(k) for k in kids), seconds=5)
    finally:
        for k in kids:  # never leave our own orphans behind, even when the test fails
            if _alive(k):
                os.kill(k, signal.SIGKILL)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_resume_after_a_kill_is_exact(tmp_path, sig):
    root = _corpus(tmp_path / "c", slow=sig == signal.SIGINT)
    full, out = tmp_path / "full.jsonl", tmp_path / "out.jsonl"
    run_cli(["batch", str(root), "--jobs", "1", "--output", str(full)])
    proc = _start(["batch", str(root), "--jobs", "2", "--output", str(out), "--timeout", "60"])
    _wait_for(lambda: out.exists() and len(_rows(out)) >= (200 if sig == signal.SIGINT else 50))
    os.killpg(proc.pid, sig)  # Ctrl-C reaches the whole process group
    stopped = time.monotonic()
    _, err = proc.communicate(timeout=30)
    if sig == signal.SIGINT:
        assert proc.returncode == 130
        assert time.monotonic() - stopped < 8  # did not wait for the 10 s file
        assert "--resume" in err and "Traceback" not in err
    partial = _rows(out)
    assert 0 < len(partial) < 401
    assert run_cli(["batch", str(root), "--jobs", "2", "--output", str(out), "--resume"]) == 1
    rows = _rows(out)
    assert sorted(rows) == sorted(_rows(full))  # nothing lost, nothing duplicated
    assert all(json.loads(r) for r in rows)  # no torn line
