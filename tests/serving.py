"""Starting the real `claimcheck serve` process on a free loopback port for the HTTP tests."""
from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator, Optional

CLAIMCHECK = Path(sys.executable).with_name("claimcheck")
STARTUP_S = 90  # spawning workers and loading their pipelines on a busy 2-core machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(*args: str, log: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """Start the server, wait until /health answers, yield (base URL, process); stop it after."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with open(log, "w") as err:
        proc = subprocess.Popen([str(CLAIMCHECK), "serve", "--host", "127.0.0.1", "--port", str(port),
                                 "--log-level", "warning", *args],
                                stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL)
    try:
        _wait_healthy(base, proc, log)
        yield base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_healthy(base: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited {proc.returncode}: {log.read_text()[-2000:]}")
        try:
            if call(base, "GET", "/health", timeout=2)[0] == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server not healthy after {STARTUP_S} s: {log.read_text()[-2000:]}")


def call(base: str, method: str, path: str, body: Optional[bytes] = None,
         ctype: Optional[str] = None, timeout: float = 60) -> tuple[int, str, str]:
    """(status, content type, body text) of one request."""
    headers = {"Content-Type": ctype} if ctype else {}
    req = urllib.request.Request(base + path, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read().decode("utf-8")


def post_json(base: str, path: str, data: object, timeout: float = 60) -> tuple[int, str, str]:
    return call(base, "POST", path, json.dumps(data).encode(), "application/json", timeout)
