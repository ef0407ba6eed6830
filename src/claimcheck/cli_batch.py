"""``claimcheck batch DIR``: check every draft of a directory tree (newsroom batch run).

Output (``--output FILE`` or stdout), one entry per file, written and flushed as soon as the
file is done, in sorted path order:

* ``jsonl`` (default): one JSON object per line, ``Report.model_dump(mode="json")``, or
  ``{"source": ..., "error": {"code": ..., "message": ...}}`` for a file that cannot be checked;
* ``csv``: a header, then one row per file (summary counts, or the error code and message);
* ``text``: one line per file plus one indented line per mismatch.

``--resume`` appends to ``--output`` and skips every file whose ``source`` is already in it
(jsonl and csv only; sources are compared as normalised absolute paths, so ``./dir/`` and
``dir`` agree; run from the same working directory as the first run). A progress bar with ETA is shown
on stderr when stderr is a terminal; a summary always ends the run on stderr.

Exit status: 1 if any file has a mismatch; else 2 if any file could not be checked or the
call itself failed (usage error, unwritable output, no checker); else 0. 130 on Ctrl-C.
No traceback reaches the user unless ``--debug`` is given.
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import shlex
import sys
import time
import traceback
from dataclasses import dataclass
from typing import Iterator, Optional, TextIO

from claimcheck import batch
from claimcheck.cli_help import epilog
from claimcheck.lang import message
from claimcheck.render.words import counted
from claimcheck.errors import ClaimcheckError
from claimcheck.packing import PackedRow

EXIT_OK, EXIT_MISMATCH, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


def register(subparsers) -> None:
    """Add the ``batch`` sub-command to the main parser's subparsers."""
    p = subparsers.add_parser(
        "batch", help="alle Texte eines Verzeichnisses prüfen",
        description="Prüft alle Texte eines Verzeichnisbaums.",
        epilog=epilog("0  keine Abweichung, kein Fehler\n1  mindestens eine Abweichung\n"
                      "2  sonst mindestens ein Fehler\n130  abgebrochen (weiter mit --resume)",
                      "claimcheck batch entwuerfe/ -o ergebnis.jsonl",
                      "claimcheck batch entwuerfe/ -o ergebnis.jsonl --resume"))
    p.add_argument("directory", metavar="DIR", help="Verzeichnis mit den Entwürfen")
    p.add_argument("--format", choices=("jsonl", "text", "csv"), default="jsonl",
                   help="Ausgabeformat (Standard: jsonl)")
    p.add_argument("--output", "-o", metavar="FILE", help="Ausgabedatei (Standard: stdout)")
    p.add_argument("--jobs", "-j", type=_positive_int, default=min(4, os.cpu_count() or 1),
                   metavar="N", help="Anzahl paralleler Prozesse")
    p.add_argument("--glob", default="*.txt", help="Muster für Dateinamen (Standard: *.txt)")
    p.add_argument("--timeout", type=float, default=300, metavar="SEKUNDEN",
                   help="Zeitlimit je Datei (Standard: 300, 0 = keins); Überschreitung: Fehler E062")
    p.add_argument("--max-mb", type=float, metavar="MB", default=argparse.SUPPRESS,
                   help="größte Datei in MB (Standard: 8); größere: Fehler E007")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: Prozesse auf diesem Rechner; dask: ein dask.distributed-Cluster")
    p.add_argument("--scheduler", metavar="ADRESSE",
                   help="Adresse des Dask-Schedulers (tcp://host:8786), für --engine dask")
    p.add_argument("--resume", action="store_true",
                   help="bereits in --output enthaltene Dateien überspringen und anhängen")
    # SUPPRESS: do not override the same options when the main parser defines them too.
    p.add_argument("--reference", metavar="FACTS.json", default=argparse.SUPPRESS,
                   help="Faktenbasis (JSON); Standard: die mitgelieferte")
    p.add_argument("--model", metavar="NAME", default=argparse.SUPPRESS,
                   help="spaCy-Pipeline (Paketname, Pfad oder 'blank')")
    p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                   help="bei internen Fehlern den Traceback zeigen")
    p.set_defaults(func=run)


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"positive ganze Zahl erwartet, nicht {value!r}")
    return number


def make_checker(reference: Optional[str], model: Optional[str]):
    """Default checker factory (module level, so worker processes can use it)."""
    from claimcheck.checker import Checker

    return Checker(reference=reference, model=model, fast_tokenizer=True)  # a worker reads many files


def run(args: argparse.Namespace) -> int:
    """Run the batch; returns the exit status. Never lets a traceback through."""
    debug = bool(getattr(args, "debug", False))
    try:
        return _run(args, debug)
    except KeyboardInterrupt:
        _say("claimcheck batch: abgebrochen. " + _how_to_resume(args))
        return EXIT_INTERRUPTED
    except (ClaimcheckError, batch.BatchAbort) as exc:
        _say(f"claimcheck batch: {exc}")
    except Exception as exc:  # noqa: BLE001 - last line of defence
        if debug:
            traceback.print_exc()
        _say(f"claimcheck batch: {batch.error_record('batch', exc)['error']['message']}")
    return EXIT_ERROR


@dataclass
class Totals:
    files: int = 0
    skipped: int = 0
    claims: int = 0
    mismatches: int = 0
    errors: int = 0
    mismatch_files: int = 0
    previous_mismatches: int = 0
    previous_errors: int = 0


def _run(args: argparse.Namespace, debug: bool) -> int:
    started = time.monotonic()
    items = _collect(args)
    totals = Totals(skipped=len(items))
    if args.resume:
        done = {batch.resume_key(k): v for k, v in load_done_sources(args.output, args.format).items()}
        items = [item for item in items if batch.resume_key(item.source) not in done]
        totals.previous_mismatches = sum(m for m, _ in done.values())
        totals.previous_errors = sum(f for _, f in done.values())
    totals.skipped -= len(items)
    factory = getattr(args, "checker_factory", None) or functools.partial(
        make_checker, getattr(args, "reference", None), getattr(args, "model", None))
    initargs = (factory, args.format, debug, args.timeout)
    if getattr(args, "engine", "local") == "dask":
        from claimcheck.dask_engine import run_dask

        results = run_dask(items, args.scheduler, args.format, getattr(args, "reference", None),
                           getattr(args, "model", None))
    else:
        results = _results(items, args.jobs, initargs)
    with _open_output(args) as out:
        for result in _progress(results, len(items)):
            _write(out, result.text, args.output)
            if result.language != "de":
                _say(f"{result.source}: Hinweis: Text offenbar nicht deutsch (erkannt: "
                     f"{result.language}); keine Angaben geprüft.")
            totals.files += 1
            totals.claims += result.claims
            totals.mismatches += result.mismatches
            totals.errors += result.failed
            totals.mismatch_files += result.mismatches > 0
    _summary(totals, time.monotonic() - started)
    # A resumed run reports the status of the whole output, earlier runs included.
    if totals.mismatches or totals.previous_mismatches:
        return EXIT_MISMATCH
    return EXIT_ERROR if totals.errors or totals.previous_errors else EXIT_OK


def _collect(args: argparse.Namespace) -> list:
    root = args.directory
    if args.resume and not args.output:
        raise ClaimcheckError("E060", detail="--resume braucht --output FILE")
    if args.resume and args.format == "text":
        raise ClaimcheckError("E060", detail="--resume geht nur mit --format jsonl oder csv")
    if getattr(args, "engine", "local") == "dask" and not args.scheduler:
        raise ClaimcheckError("E060", detail="--engine dask braucht --scheduler ADRESSE")
    if not os.path.exists(root):
        raise ClaimcheckError("E001", path=root)
    if not os.path.isdir(root):
        raise ClaimcheckError("E002", path=root, reason="ist kein Verzeichnis")
    return list(batch.walk_files(root, args.glob))


def _results(items: list, jobs: int, initargs: tuple) -> Iterator[batch.Result]:
    if jobs > 1 and len(items) > 1:
        return batch.run_parallel(items, min(jobs, len(items)), initargs)
    return batch.run_sequential(items, initargs)


class _Stdout:
    """Context manager yielding stdout without closing it."""

    def __enter__(self) -> TextIO:
        return sys.stdout

    def __exit__(self, *exc) -> None:
        return None


def _open_output(args: argparse.Namespace):
    if not args.output:
        return _Stdout()
    append = args.resume and os.path.exists(args.output)
    try:
        out = open(args.output, "a" if append else "w", encoding="utf-8", newline="")
        if args.format == "csv" and out.tell() == 0:
            out.write(batch.csv_row(None))
    except OSError as exc:
        raise ClaimcheckError("E050", path=args.output, reason=exc.strerror or str(exc)) from exc
    return out


def _write(out: TextIO, text, path: Optional[str]) -> None:
    """Write one file's entry: a str, or UTF-8 pieces (``batch.report_result``), maybe packed."""
    try:
        if isinstance(text, (list, PackedRow)):
            out.flush()
            raw = getattr(out, "buffer", None)
            if raw is None:
                out.write(b"".join(text).decode("utf-8"))
            else:
                raw.writelines(text)
                raw.flush()
        else:
            out.write(text)
        out.flush()
    except OSError as exc:
        raise ClaimcheckError("E050", path=path or "<stdout>", reason=exc.strerror or str(exc)) from exc


def load_done_sources(path: str, fmt: str) -> dict[str, tuple[int, bool]]:
    """``{source: (mismatches, failed)}`` of an output file; a torn last line is cut off."""
    try:
        with open(path, "rb+") as fh:
            data = fh.read()
            if data and not data.endswith(b"\n"):
                fh.truncate(data.rfind(b"\n") + 1)
                data = data[: data.rfind(b"\n") + 1]
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ClaimcheckError("E061", path=path, reason=exc.strerror or str(exc)) from exc
    lines = data.decode("utf-8", "replace").splitlines()
    return _csv_sources(lines) if fmt == "csv" else _jsonl_sources(lines)


def _jsonl_sources(lines: list[str]) -> dict[str, tuple[int, bool]]:
    done = {}
    for line in lines:
        try:
            record = json.loads(line)
            summary = record.get("summary") or {}
            done[record["source"]] = (int(summary.get("mismatch", 0)), "error" in record)
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
    return done


def _csv_sources(lines: list[str]) -> dict[str, tuple[int, bool]]:
    import csv

    done = {}
    for row in csv.reader(lines):
        if len(row) == len(batch.CSV_FIELDS) and row[0] != "source":
            done[row[0]] = (int(row[3] or 0), bool(row[6]))
    return done


def _progress(results: Iterator[batch.Result], total: int) -> Iterator[batch.Result]:
    if not sys.stderr.isatty() or total == 0:
        yield from results
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    columns = (TextColumn("Prüfe"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("Rest"), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("batch", total=total)
        for result in results:
            yield result
            progress.advance(task)


def _how_to_resume(args: argparse.Namespace) -> str:
    if args.output and args.format != "text":
        return (f"Fortsetzen mit: claimcheck batch {shlex.quote(args.directory)} --format {args.format} "
                f"-o {shlex.quote(args.output)} --resume")
    return "Zum Fortsetzen mit --output DATEI (jsonl oder csv) laufen lassen, dann --resume."


def _summary(t: Totals, seconds: float) -> None:
    """Counts of the whole output: a resumed run includes the files of the earlier runs."""
    total, mismatches = t.files + t.skipped, t.mismatches + t.previous_mismatches
    skipped = message("cli.batch_skipped", skipped=t.skipped, checked=t.files) if t.skipped else ""
    claims = counted(t.claims, "claims")
    claims = message("cli.batch_rechecked", claims=claims) if t.skipped else claims
    where = "" if t.skipped else message("cli.batch_where", files=counted(t.mismatch_files, "files"))
    _say(message("cli.batch_summary", files=counted(total, "files"), skipped=skipped, claims=claims,
                 mismatches=counted(mismatches, "mismatch"), where=where, errors=t.errors + t.previous_errors,
                 seconds=seconds))


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
