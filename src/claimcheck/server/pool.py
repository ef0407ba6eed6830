"""Check workers: a pebble process pool whose every worker holds its own ``Checker`` per reference.

A ``Checker`` is not thread-safe and a check is CPU-bound, so checks run in worker processes,
never in the event loop. The per-request time limit is enforced by pebble from the outside: a
worker that runs past it is terminated and replaced, so no SIGALRM is needed, and a worker that
crashes (segfault, out of memory) fails only the request it was running.
"""
from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any, Optional

from pebble import ProcessExpired, ProcessPool

from claimcheck.errors import ClaimcheckError
from claimcheck.models import FactBase
from claimcheck.server.limits import MAX_PENDING

_CHECKERS: dict = {}  # in each worker process: reference id -> Checker


@dataclass(frozen=True)
class Job:
    """One check: ``fmt`` is "json" (the Report as JSON text), "html" (the HTML report) or
    "report" (the Report object itself, for the LanguageTool mapping)."""

    text: str
    reference: str
    fmt: str = "json"
    date: Optional[str] = None
    source: str = "<text>"
    show: Optional[tuple[str, ...]] = None  # verdicts to list (the summary counts every claim)


class JobError(Exception):
    """A ClaimcheckError raised in a worker, in a form that survives pickling to the server."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code, message)
        self.code, self.message = code, message

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message}


def init_worker(references: dict[str, FactBase], model: Optional[str]) -> None:
    """Pool initializer: one Checker per reference, loaded once per worker process."""
    from claimcheck.checker import Checker

    for ref_id, base in references.items():
        _CHECKERS[ref_id] = Checker(reference=base, model=model, fast_tokenizer=True)
    for checker in _CHECKERS.values():  # warm up: first-call caches are filled before a request
        checker.check_text("Ende 2016 wiesen die USA 35 Diplomaten aus.")


def run_job(job: Job) -> Any:
    try:
        report = _CHECKERS[job.reference].check_text(job.text, source=job.source, date=job.date)
    except ClaimcheckError as exc:
        raise JobError(exc.code, exc.message) from None
    if job.show is not None:
        report = report.model_copy(update={"claims": [c for c in report.claims if c.verdict in job.show]})
    if job.fmt == "report":
        return report
    if job.fmt == "html":
        from claimcheck.render.html import render_html

        return render_html(report, job.text)
    from claimcheck.render.json import render_jsonl

    return render_jsonl(report)  # compact `--format json`: exactly the library's Report


def ping() -> bool:
    return bool(_CHECKERS)


class CheckPool:
    """Runs ``Job``s in worker processes from async code, with a time limit per job."""

    def __init__(self, references: dict[str, FactBase], workers: int, timeout: float,
                 model: Optional[str] = None, max_pending: int = MAX_PENDING) -> None:
        self.references = references
        self.workers = workers
        self.timeout = timeout
        self.max_pending = max_pending
        self.pending = 0
        # spawn: forking a process that already runs threads (event loop, pool manager) is unsafe
        self._pool = ProcessPool(max_workers=workers, initializer=init_worker,
                                 initargs=(references, model),
                                 context=multiprocessing.get_context("spawn"))

    async def start(self) -> None:
        """Wait until the workers have loaded their pipelines (one ping per worker)."""
        futures = [self._pool.schedule(ping) for _ in range(self.workers)]
        await asyncio.gather(*(asyncio.wrap_future(f) for f in futures))

    async def run(self, job: Job, where: str) -> Any:
        """The job's result; ClaimcheckError E085 (busy), E062 (time limit), E099 (crash), or the
        JobError the check raised."""
        if self.pending >= self.max_pending:
            raise ClaimcheckError("E085", path=where, limit=self.max_pending)
        self.pending += 1
        try:
            future = self._pool.schedule(run_job, args=(job,), timeout=self.timeout or None)
            return await asyncio.wrap_future(future)
        except FutureTimeout as exc:
            raise ClaimcheckError("E062", path=where, seconds=f"{self.timeout:g}") from exc
        except ProcessExpired as exc:
            raise ClaimcheckError("E099", path=where,
                                  reason=f"Prüfprozess beendet (Exit-Status {exc.exitcode})") from exc
        finally:
            self.pending -= 1

    def close(self) -> None:
        self._pool.stop()
        self._pool.join(timeout=10)
