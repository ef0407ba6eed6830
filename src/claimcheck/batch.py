"""Checking many drafts: directory walk, sequential and parallel streaming of reports.

* ``walk_files`` walks a tree recursively in sorted (deterministic) order, follows symlinked
  directories at most once (loops are detected by ``(st_dev, st_ino)``) and turns entries
  that cannot be read (unreadable directories, broken links, FIFOs ...) into error items.
* ``iter_reports`` checks paths one after another, yielding a ``Report`` or an error dict
  ``{"source": ..., "error": {"code": ..., "message": ...}}`` per path (``Checker.check_many``).
* ``run_parallel`` checks items in worker processes, each with ONE ``Checker`` built by an
  initializer. At most ``window`` items are in flight and results come back in input order,
  already formatted, so memory stays flat however large the corpus is. A crashed worker
  only costs the file that crashed it: the items in flight are retried one at a time.
  Workers die with the parent (``lifeline``); on Ctrl-C the running checks are killed, not
  awaited. Long files are checked chunk by chunk (``Checker.iter_reports``, ``report_result``).

Every item yields exactly one ``Result``. Exit status of ``claimcheck batch``: 1 if any
file has a mismatch, else 2 if any file could not be checked, else 0 (see ``cli_batch``).
"""
from __future__ import annotations

import contextlib
import csv
import fnmatch
import io as _stdio
import json
import multiprocessing
import os
import signal
import threading
import traceback
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterable, Iterator, NamedTuple, Optional, Union

from pydantic import TypeAdapter

from claimcheck.errors import ClaimcheckError
from claimcheck.lifeline import die_with_parent
from claimcheck.models import ClaimReport, Report, Summary
from claimcheck.packing import PackedRow, release_memory
from claimcheck.render.words import summary_phrase

_CLAIM_JSON = TypeAdapter(ClaimReport)
CSV_FIELDS = ("source", "claims", "supported", "mismatch", "unverified", "warnings",
              "error_code", "error_message")


class Item(NamedTuple):
    source: str
    error: Optional[dict] = None  # set when the walk already knows the file cannot be read


class Result(NamedTuple):
    source: str
    text: Union[str, list, PackedRow]  # the output for this file (or its UTF-8 pieces)
    claims: int = 0
    mismatches: int = 0
    failed: bool = False
    language: str = "de"  # the input's detected language (a notice on stderr when not German)


class BatchAbort(Exception):
    """A problem that makes every file fail (no checker can be built): stop the run."""


def error_record(source: str, exc: BaseException) -> dict:
    if not isinstance(exc, ClaimcheckError):
        exc = ClaimcheckError("E099", path=source, reason=f"{type(exc).__name__}: {exc}")
    error = {k: display_name(v) for k, v in exc.to_dict().items()}
    return {"source": display_name(source), "error": error}


def display_name(name: str) -> str:
    """A path as written to every output format and used as resume key: valid UTF-8, with the
    bytes of a non-UTF-8 file name (surrogate-escaped by ``os``) shown as ``\\xNN``."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogateescape" if _escaped_only(name) else "surrogatepass")
        return raw.decode("utf-8", "backslashreplace")


def _escaped_only(name: str) -> bool:
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in name)


def resume_key(name: str) -> str:
    """``display_name`` of the absolute, normalised path: ``./dir/a.txt`` and ``dir/a.txt`` agree."""
    return os.path.abspath(display_name(name))


# --- walking -------------------------------------------------------------------------------

def walk_files(root: str, pattern: str = "*.txt") -> Iterator[Item]:
    """Files under ``root`` whose name matches ``pattern``, in sorted order."""
    try:
        st = os.stat(root)
    except OSError as exc:
        raise ClaimcheckError("E001", path=root) from exc
    yield from _walk_dir(root, pattern, {(st.st_dev, st.st_ino)})


def _walk_dir(path: str, pattern: str, seen: set) -> Iterator[Item]:
    try:
        with os.scandir(path) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        reason = "keine Leseberechtigung" if isinstance(exc, PermissionError) else exc.strerror
        yield Item(path, error_record(path, ClaimcheckError("E002", path=path, reason=reason)))
        return
    for entry in entries:
        if _is_dir(entry):
            key = _dir_key(entry)
            if key is None or key in seen:
                continue  # symlink loop or a directory already walked under another name
            seen.add(key)
            yield from _walk_dir(entry.path, pattern, seen)
        elif fnmatch.fnmatch(entry.name, pattern):
            yield _file_item(entry)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False


def _dir_key(entry: os.DirEntry) -> Optional[tuple]:
    try:
        st = entry.stat(follow_symlinks=True)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _file_item(entry: os.DirEntry) -> Item:
    try:
        if entry.is_file(follow_symlinks=True):
            return Item(entry.path)
        entry.stat(follow_symlinks=True)
    except OSError:  # a broken symlink
        return Item(entry.path, error_record(entry.path, ClaimcheckError("E001", path=entry.path)))
    reason = "keine reguläre Datei"
    return Item(entry.path, error_record(entry.path, ClaimcheckError("E002", path=entry.path, reason=reason)))


# --- checking ------------------------------------------------------------------------------

def iter_reports(checker: Any, paths: Iterable[Union[str, os.PathLike]]) -> Iterator[Union[Report, dict]]:
    """Check files one after another; a file that cannot be checked yields an error dict."""
    for path in paths:
        try:
            yield checker.check_file(path)
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the stream
            yield error_record(str(path), exc)


_WORKER: dict = {}


def init_worker(factory: Callable[[], Any], fmt: str, debug: bool, timeout: float = 0) -> None:
    """Process initializer: build the one ``Checker`` of this worker (or remember why not)."""
    _WORKER.clear()
    _WORKER.update(fmt=fmt, debug=debug, timeout=timeout)
    try:
        _WORKER["checker"] = factory()
    except Exception as exc:  # noqa: BLE001 - reported by the parent as a fatal error
        if debug:
            traceback.print_exc()
        _WORKER["fatal"] = error_record("<checker>", exc)["error"]["message"]


def check_item(item: Item) -> Result:
    """Check one item in the current worker and format its record."""
    if "fatal" in _WORKER:
        raise BatchAbort(_WORKER["fatal"])
    record = item.error
    if record is None:
        try:
            with _time_limit(_WORKER.get("timeout", 0), item.source):
                return _check(_WORKER["checker"], item.source, _WORKER["fmt"])
        except Exception as exc:  # noqa: BLE001 - reported as the file's error record
            if _WORKER["debug"] and not isinstance(exc, ClaimcheckError):
                traceback.print_exc()
            record = error_record(item.source, exc)
    return make_result(record, _WORKER["fmt"])


def _check(checker: Any, path: str, fmt: str) -> Result:
    """Check a file chunk by chunk when the checker can (``Checker.iter_reports``)."""
    source = display_name(path)
    if not hasattr(checker, "iter_reports"):
        report = checker.check_file(path)
        report.source = source
        return report_result([report], fmt)
    from claimcheck.io import read_text

    text = read_text(path)
    result = report_result(checker.iter_reports(text, source=source), fmt)
    if len(text) >= TRIM_FROM or not _WORKER.get("trimmed"):
        del text
        release_memory()
        _WORKER["trimmed"] = True
    return result


# Characters of an input after which the worker returns freed memory to the system (a few
# milliseconds: not worth it after every small file). Also done after the worker's first
# file, whose check loaded the lazy tables (the word frequencies' load leaves ~10 MB free).
TRIM_FROM = 1_000_000


def report_result(reports: Iterable[Report], fmt: str) -> Result:
    """One file's result from the reports of its chunks, keeping only text per claim, never
    all claim objects (a claim-dense 20 MB file has ~10^5 claims, ~15 kB each as objects):
    jsonl rows are pydantic's JSON; csv and text only need the summary and the mismatches."""
    head: Optional[Report] = None
    parts: list[Any] = []
    claims = PackedRow()  # jsonl: the claims' JSON, comma-separated
    total = Summary()
    for report in reports:
        head = head or report.model_copy(update={"claims": []})  # keep no claim objects
        for name in Summary.model_fields:
            setattr(total, name, getattr(total, name) + getattr(report.summary, name))
        if fmt == "jsonl":
            for c in report.claims:
                if claims.size or claims.blocks:
                    claims.append(b",")
                claims.append(_CLAIM_JSON.dump_json(c))  # UTF-8 bytes
        else:
            parts += [c.model_dump(mode="json") for c in report.claims if c.verdict == "mismatch"]
    assert head is not None, "a check yields at least one report"
    text: Union[str, list[bytes], PackedRow]
    if fmt == "jsonl":
        before, after = head.model_copy(update={"summary": total}).model_dump_json().split('"claims":[]', 1)
        text = _row(f'{before}"claims":['.encode(), claims, f"]{after}\n".encode())
    else:
        text = format_record({"source": head.source, "summary": total.model_dump(), "claims": parts}, fmt)
    return Result(head.source, text, total.claims, total.mismatch, False, head.language or "de")


def _row(first: bytes, claims: PackedRow, last: bytes) -> Union[list[bytes], PackedRow]:
    """UTF-8 pieces of a jsonl row, never joined into one str (non-ASCII: 2 bytes a char);
    packed (``claimcheck.packing``) when the claims' JSON is large."""
    return claims.wrap(first, last) if claims.blocks else [first, *claims.tail, last]


@contextlib.contextmanager
def _time_limit(seconds: float, source: str) -> Iterator[None]:
    """Abort a check after ``seconds`` (SIGALRM; main thread on POSIX only, else no limit)."""
    usable = seconds > 0 and hasattr(signal, "setitimer")
    usable = usable and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(_signum, _frame):
        raise ClaimcheckError("E062", path=source, seconds=f"{seconds:g}")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def make_result(record: dict, fmt: str) -> Result:
    summary = record.get("summary") or {}
    return Result(record["source"], format_record(record, fmt), summary.get("claims", 0),
                  summary.get("mismatch", 0), "error" in record, record.get("language") or "de")


def run_parallel(items: list[Item], jobs: int, initargs: tuple, window: int = 0) -> Iterator[Result]:
    """Results of ``check_item`` for ``items`` in input order, ``jobs`` worker processes."""
    window = window or 4 * jobs
    pending = deque(enumerate(items))
    suspects: set[int] = set()
    inflight: deque[tuple[int, Item, Future]] = deque()
    pool = _new_pool(None, jobs, initargs)
    try:
        while pending or inflight:
            _fill(pool, pending, inflight, suspects, window)
            if not inflight:  # the pool broke between two items
                pool = _new_pool(pool, jobs, initargs)
                continue
            index, item, future = inflight.popleft()
            try:
                yield future.result()
            except BrokenProcessPool:
                pool = _new_pool(pool, jobs, initargs)
                if index in suspects:  # crashed while alone in the pool: it is the culprit
                    yield make_result(_crash_record(item), initargs[1])
                else:
                    _requeue(pending, inflight, suspects, (index, item))
    except BaseException:  # Ctrl-C or the consumer stopped: do not wait for running checks
        _kill_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError, ValueError):
            proc.kill()


def _new_pool(old: Optional[ProcessPoolExecutor], jobs: int, initargs: tuple) -> ProcessPoolExecutor:
    if old is not None:
        old.shutdown(wait=True, cancel_futures=True)
    # fork: workers start fast and the parent never loads spaCy, so there is no state to
    # duplicate; pinned because Python 3.14 changes the default start method.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_pool_init,
                               initargs=(os.getpid(), *initargs))


def _pool_init(parent: int, *initargs: Any) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is handled by the parent alone
    die_with_parent(parent)
    init_worker(*initargs)


def _fill(pool, pending: deque, inflight: deque, suspects: set, window: int) -> None:
    """Submit work up to the window; a suspect runs alone so a crash identifies it."""
    while pending and len(inflight) < window:
        index, item = pending[0]
        # bool(): "inflight and ..." would bind the deque itself, which turns truthy once the
        # item below is appended, and every window would shrink to one file in flight.
        alone = index in suspects or bool(inflight and inflight[0][0] in suspects)
        if alone and inflight:
            return
        try:
            future = pool.submit(check_item, item)
        except BrokenProcessPool:
            return  # noticed (and recovered) when the head of the window is collected
        pending.popleft()
        inflight.append((index, item, future))
        if alone:
            return


def _requeue(pending: deque, inflight: deque, suspects: set, first: tuple) -> None:
    retry = [first] + [(index, item) for index, item, _ in inflight]
    inflight.clear()
    suspects.update(index for index, _ in retry)
    pending.extendleft(reversed(retry))


def _crash_record(item: Item) -> dict:
    exc = ClaimcheckError("E099", path=item.source, reason="Prüfprozess abgestürzt")
    return error_record(item.source, exc)


def run_sequential(items: Iterable[Item], initargs: tuple) -> Iterator[Result]:
    """Like ``run_parallel`` in the current process (``--jobs 1``)."""
    init_worker(*initargs)
    try:
        for item in items:
            yield check_item(item)
    finally:
        _WORKER.clear()


# --- formatting ----------------------------------------------------------------------------

def format_record(record: dict, fmt: str) -> str:
    if fmt == "jsonl":  # compact, like pydantic's model_dump_json (report_result)
        return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
    if fmt == "csv":
        return csv_row(record)
    return _text_block(record)


def csv_row(record: Optional[dict]) -> str:
    """One CSV line per file (``None``: the header line)."""
    buf = _stdio.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if record is None:
        writer.writerow(CSV_FIELDS)
        return buf.getvalue()
    summary, error = record.get("summary") or {}, record.get("error") or {}
    writer.writerow([record["source"], *(summary.get(k, "") for k in CSV_FIELDS[1:6]),
                     error.get("code", ""), error.get("message", "")])
    return buf.getvalue()


def _text_block(record: dict) -> str:
    if "error" in record:
        return f"{record['source']}: FEHLER [{record['error']['code']}] {record['error']['message']}\n"
    s = record["summary"]
    lines = [f"{record['source']}: {summary_phrase(Summary.model_validate(s))}"]
    for claim in record["claims"]:
        if claim["verdict"] == "mismatch" and not claim.get("suppressed"):
            lines.append(f"  {claim['line']}:{claim['column']} »{claim['text']}« – {claim['message']}")
    return "\n".join(lines) + "\n"
