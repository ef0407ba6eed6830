"""Command line: a thin layer over the library.

Exit status: 0 no mismatch, 1 at least one mismatch, 2 usage error or unreadable input.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from typing import Optional, Sequence

from claimcheck import cli_batch
from claimcheck.errors import ClaimcheckError

EXIT_OK, EXIT_MISMATCH, EXIT_ERROR = 0, 1, 2


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["evaluate"]:  # the evaluator parses its own options
        from claimcheck import evaluate

        return evaluate.main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    if getattr(args, "max_mb", None):  # read by io.max_bytes(), in worker processes too
        os.environ["CLAIMCHECK_MAX_MB"] = str(args.max_mb)
    try:
        return args.func(args)
    except ClaimcheckError as exc:
        _error(f"claimcheck: Fehler [{exc.code}]: {exc.message}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        _error("claimcheck: abgebrochen")
        return 130
    except Exception as exc:  # never show a traceback unless asked
        if getattr(args, "debug", False):
            traceback.print_exc()
        _error(f"claimcheck: interner Fehler: {type(exc).__name__}: {exc} (--debug zeigt Details)")
        return EXIT_ERROR


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimcheck", description=(
        "Prüft Zahlen- und Datumsangaben in deutschen Texten gegen eine Faktenbasis."))
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser("check", help="einen Text prüfen")
    check.add_argument("path", help="Textdatei, oder - für die Standardeingabe")
    _common(check)
    check.add_argument("--format", choices=["text", "json", "jsonl", "html", "github", "sarif"],
                       default="text")
    check.add_argument("--date", help="Dokumentdatum YYYY-MM[-DD], falls der Text keines nennt")
    check.add_argument("-o", "--output", help="in diese Datei schreiben statt auf die Standardausgabe")
    check.set_defaults(func=run_check)
    ref = sub.add_parser("reference", help="Faktenbasis bauen oder ihr Schema ausgeben")
    rsub = ref.add_subparsers(dest="ref_command")
    build = rsub.add_parser("build", help="Faktenbasis aus einem Quellartikel bauen")
    build.add_argument("source")
    build.add_argument("-o", "--output", required=True)
    build.add_argument("--date", help="Dokumentdatum, falls der Artikel keines nennt")
    build.add_argument("--model", help="spaCy-Pipeline (Paketname, Pfad oder 'blank')")
    build.add_argument("--debug", action="store_true")
    build.set_defaults(func=run_reference_build)
    schema = rsub.add_parser("schema", help="JSON-Schema der Faktenbasis ausgeben")
    schema.set_defaults(func=run_reference_schema)
    sub.add_parser("evaluate", help="Genauigkeit auf den Fixtures messen (--help für Optionen)")
    cli_batch.register(sub)
    return parser


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--reference", help="Faktenbasis (JSON); Standard: die mitgelieferte")
    p.add_argument("--model", help="spaCy-Pipeline (Paketname, Pfad oder 'blank'); Standard: automatisch")
    p.add_argument("--debug", action="store_true", help="bei internen Fehlern den Traceback zeigen")
    p.add_argument("--max-mb", type=float, metavar="MB", help="größte Eingabe in MB (Standard: 8)")


def run_check(args: argparse.Namespace) -> int:
    from claimcheck import io
    from claimcheck.checker import Checker

    text = io.read_text(args.path)
    source = "<stdin>" if args.path == "-" else args.path
    checker = Checker(reference=args.reference, model=args.model)
    report = checker.check_text(text, source=source, date=args.date)
    _write(args.output, _render(report, text, args.format, args.output))
    return EXIT_MISMATCH if report.summary.mismatch else EXIT_OK


def _render(report, text: str, fmt: str, output: Optional[str]) -> str:
    from claimcheck.render import json as render_json
    from claimcheck.render.text import render_text

    if fmt == "json":
        return render_json.render_json(report) + "\n"
    if fmt == "jsonl":
        return render_json.render_jsonl(report) + "\n"
    if fmt in ("github", "sarif"):
        from claimcheck.render import annotations

        return annotations.render_github(report) if fmt == "github" else annotations.render_sarif(report)
    if fmt == "html":
        from claimcheck.render.html import render_html

        return render_html(report, text)
    return render_text(report, text, color=output is None and _use_color())


def _use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _write(path: Optional[str], content: str) -> None:
    if path is None:
        sys.stdout.write(content)
        sys.stdout.flush()
        return
    try:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(content)
    except OSError as exc:
        raise ClaimcheckError("E050", path=path, reason=exc.strerror or str(exc)) from exc


def run_reference_build(args: argparse.Namespace) -> int:
    from claimcheck.checker import Checker
    from claimcheck.reference import save_reference

    base = Checker(model=args.model).build_reference(args.source, date=args.date)
    save_reference(base, args.output)
    _error(f"claimcheck: {len(base.facts)} Fakten aus {args.source} nach {args.output} geschrieben")
    return EXIT_OK


def run_reference_schema(args: argparse.Namespace) -> int:
    from claimcheck.reference import schema

    sys.stdout.write(json.dumps(schema(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _error(message: str) -> None:
    print(message, file=sys.stderr)


def _version() -> str:
    from claimcheck import __version__

    return f"claimcheck {__version__}"


if __name__ == "__main__":
    sys.exit(main())
