"""HTTP service throughput and latency vs the in-process check, same draft, same run.

Starts `claimcheck serve` on a free loopback port (127.0.0.1 only), sends a ~400-word German
draft (benchmarks/data/draft-400.txt) to POST /v1/check from 1, 4 and 16 concurrent clients
(persistent connections, a bounded number of requests each), and prints requests/s and
p50/p95 latency beside the in-process ``Checker.check_text`` time. The HTTP overhead at one
client (p50 over HTTP minus p50 in process) should stay under 20 % of the check.

    python benchmarks/bench_service.py [--requests N] [--workers N]
"""
from __future__ import annotations

import argparse
import http.client
import json
import socket
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from claimcheck import Checker

ROOT = Path(__file__).resolve().parents[1]
DRAFT = (ROOT / "benchmarks" / "data" / "draft-400.txt").read_text(encoding="utf-8")
CLAIMCHECK = Path(sys.executable).with_name("claimcheck")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def paired(port: int, n: int, path: str, body: bytes, ctype: str) -> tuple[list[float], list[float]]:
    """One in-process check, then one request, n times: both see the same machine load."""
    checker = Checker(model="blank")
    checker.check_text(DRAFT)  # warm-up
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    local, remote = [], []
    for _ in range(n):
        t0 = time.perf_counter()
        checker.check_text(DRAFT)
        local.append(time.perf_counter() - t0)
        remote.append(request(conn, path, body, ctype))
    conn.close()
    return local, remote


def request(conn: http.client.HTTPConnection, path: str, body: bytes, ctype: str) -> float:
    t0 = time.perf_counter()
    conn.request("POST", path, body, {"Content-Type": ctype})
    resp = conn.getresponse()
    data = resp.read()
    if resp.status != 200 or b"35" not in data:
        raise SystemExit(f"bad answer {resp.status}: {data[:200]!r}")
    return time.perf_counter() - t0


def client(port: int, path: str, body: bytes, ctype: str, n: int) -> list[float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    times = [request(conn, path, body, ctype) for _ in range(n)]
    conn.close()
    return times


def load(port: int, clients: int, total: int, path: str, body: bytes, ctype: str) -> tuple[float, list[float]]:
    per_client = -(-total // clients)  # rounded up: every client sends the same number
    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        parts = list(pool.map(lambda _: client(port, path, body, ctype, per_client), range(clients)))
    wall = time.perf_counter() - t0
    return wall, [t for part in parts for t in part]


def start(workers: int) -> tuple[subprocess.Popen, int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([str(CLAIMCHECK), "serve", "--host", "127.0.0.1", "--port", str(port),
                             "--workers", str(workers), "--log-level", "warning"],
                            stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc, port
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("server did not start")
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("server did not start within 90 s")


def row(label: str, wall: float, times: list[float]) -> str:
    return (f"{label:<28} {len(times) / wall:>7.1f} req/s   p50 {1000 * pct(times, .5):>7.1f} ms"
            f"   p95 {1000 * pct(times, .95):>7.1f} ms   ({len(times)} requests)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=60, help="requests per measurement")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    proc, port = start(args.workers)
    v1 = ("/v1/check", json.dumps({"text": DRAFT}).encode(), "application/json")
    v2 = ("/v2/check", urllib.parse.urlencode({"text": DRAFT, "language": "de-DE"}).encode(),
          "application/x-www-form-urlencoded")
    try:
        load(port, args.workers, 4 * args.workers, *v1)  # warm-up: every worker has checked once
        local, remote = paired(port, args.requests, *v1)
        results = {c: load(port, c, args.requests, *v1) for c in (4, 16)}
        _, remote_v2 = paired(port, args.requests // 2, *v2)
    finally:
        proc.terminate()
        proc.wait(15)
    print(f"draft: benchmarks/data/draft-400.txt, {len(DRAFT.split())} words, {len(DRAFT)} chars; "
          f"server: {args.workers} worker processes, loopback")
    print(row("in-process check_text", sum(local), local) + "  [one core, interleaved with 1 client]")
    print(row("POST /v1/check,  1 client", sum(remote), remote))
    for clients, (wall, times) in results.items():
        print(row(f"POST /v1/check, {clients:>2} clients", wall, times))
    print(row("POST /v2/check,  1 client", sum(remote_v2), remote_v2))
    base, http1 = pct(local, .5), pct(remote, .5)
    print(f"HTTP overhead at 1 client (p50): {1000 * (http1 - base):.1f} ms = "
          f"{100 * (http1 - base) / base:.1f} % of the in-process check (target < 20 %)")


if __name__ == "__main__":
    main()
