"""Checking documents beyond one machine: a pure function for ``map`` and a dask engine.

* ``check_document(data, source)`` checks one document (bytes as read from a file, or text)
  and returns its JSON record, exactly as ``claimcheck batch`` writes it: the report, or
  ``{"source", "error"}``. Each process builds ONE ``Checker`` per (reference, model), lazily,
  on its first document, so it can be mapped over documents by any engine
  (``client.map(check_document, texts, sources)``, ``multiprocessing.Pool.starmap`` ...).
* ``run_dask(items, scheduler, ...)`` runs it on a ``dask.distributed`` cluster for
  ``claimcheck batch --engine dask --scheduler ADDRESS``: the client reads each file (regular
  files only, size limit), so workers need no shared file system; the fact base is sent to
  every worker once. At most ``window`` documents are in flight and results come back in input
  order, so output, resume and memory behave as with the local engine. The per-file
  ``--timeout`` is not applied on dask workers (they run checks in threads).
"""
from __future__ import annotations

from collections import deque
from typing import Any, Iterator, Optional, Union

from claimcheck import io
from claimcheck.batch import Item, Result, display_name, error_record, make_result
from claimcheck.errors import ClaimcheckError
from claimcheck.models import FactBase

_CHECKERS: dict = {}  # (model, reference key) -> Checker, per process
_CACHE_SIZE = 4  # distinct references one worker keeps a checker for


def check_document(data: Union[bytes, str], source: str = "<text>",
                   reference: Union[str, FactBase, None] = None,
                   model: Optional[str] = None) -> dict:
    """The JSON record of one document; never raises (a failure is an error record)."""
    try:
        text = io.decode_bytes(data, source) if isinstance(data, bytes) else data
        report = _checker(reference, model).check_text(text, source=source)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a map
        return error_record(source, exc)
    record = report.model_dump(mode="json")
    record["source"] = display_name(source)
    return record


def _checker(reference: Union[str, FactBase, None], model: Optional[str]) -> Any:
    key = (model, id(reference) if isinstance(reference, FactBase) else reference)
    checker = _CHECKERS.get(key)
    if checker is None:
        from claimcheck.checker import Checker

        if len(_CHECKERS) >= _CACHE_SIZE:
            _CHECKERS.clear()
        checker = _CHECKERS[key] = Checker(reference=reference, model=model, fast_tokenizer=True)
    return checker


def connect(scheduler: str) -> Any:
    """A ``dask.distributed`` client for ``scheduler`` (E060 when dask or the cluster is missing)."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise ClaimcheckError("E060", detail="--engine dask braucht dask.distributed: "
                              "pip install 'claimcheck[dask]'") from exc
    try:
        return Client(scheduler, timeout=30)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClaimcheckError("E060", detail=f"Dask-Scheduler {scheduler} nicht erreichbar ({exc})") from exc


def run_dask(items: list[Item], scheduler: str, fmt: str, reference: Optional[str] = None,
             model: Optional[str] = None, window: int = 0) -> Iterator[Result]:
    """Results for ``items`` in input order, checked on the cluster at ``scheduler``."""
    from claimcheck.reference import load_reference

    client = connect(scheduler)
    try:
        base = client.scatter(load_reference(reference), broadcast=True)
        window = window or 4 * max(1, sum(client.nthreads().values()))
        pending: deque[Item] = deque(items)
        inflight: deque[tuple[Item, Any]] = deque()
        while pending or inflight:
            while pending and len(inflight) < window:
                inflight.append(_submit(client, pending.popleft(), base, model))
            item, future = inflight.popleft()
            yield make_result(future if isinstance(future, dict) else _collect(item, future), fmt)
    except BaseException:
        client.close()  # also on Ctrl-C: cancels this client's tasks on the cluster
        raise
    client.close()


def _submit(client: Any, item: Item, base: Any, model: Optional[str]) -> tuple:
    if item.error is not None:
        return item, item.error
    try:
        data = io.read_file(item.source)
    except ClaimcheckError as exc:
        return item, error_record(item.source, exc)
    return item, client.submit(check_document, data, item.source, base, model, pure=False)


def _collect(item: Item, future: Any) -> dict:
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - a worker died (KilledWorker) or the task was lost
        reason = f"Dask-Aufgabe fehlgeschlagen: {type(exc).__name__}"
        return error_record(item.source, ClaimcheckError("E099", path=item.source, reason=reason))
