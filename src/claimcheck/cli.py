"""Command line: a thin layer over the library.

Exit status: 0 no mismatch, 1 at least one mismatch, 2 usage error or unreadable input.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
import traceback
from typing import Callable, Optional, Sequence

from claimcheck import cli_batch, config, suppress
from claimcheck.cli_help import CHECK_EXIT, GermanParser, epilog
from claimcheck.lang import message
from claimcheck.render.words import LEGEND, RULES
from claimcheck.errors import ClaimcheckError
from claimcheck.suppress import IGNORE_FILE
from claimcheck.server.cli import add_serve_parser

EXIT_OK, EXIT_MISMATCH, EXIT_ERROR = 0, 1, 2


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["evaluate"]:  # the evaluator parses its own options
        from claimcheck import evaluate

        return _guarded(lambda: evaluate.main(argv[1:]), debug=False)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    if getattr(args, "max_mb", None):  # read by io.max_bytes(), in worker processes too
        os.environ["CLAIMCHECK_MAX_MB"] = str(args.max_mb)
    return _guarded(lambda: args.func(args), debug=getattr(args, "debug", False))


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush raises nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _guarded(run: Callable[[], int], debug: bool) -> int:
    try:
        return run()
    except ClaimcheckError as exc:
        _error(f"claimcheck: Fehler [{exc.code}]: {exc.message}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        _error("claimcheck: abgebrochen")
        return 130
    except BrokenPipeError:  # the reader went away ("| head"): stop quietly, as Unix tools do
        _quiet_stdout()
        return EXIT_ERROR
    except Exception as exc:  # never show a traceback unless asked
        if debug:
            traceback.print_exc()
        _error(f"claimcheck: interner Fehler: {type(exc).__name__}: {exc} (--debug zeigt Details)")
        return EXIT_ERROR


def build_parser() -> argparse.ArgumentParser:
    parser = GermanParser(prog="claimcheck", description=(
        "Prüft Zahlen- und Datumsangaben in deutschen Texten gegen eine Faktenbasis."),
        epilog=epilog(CHECK_EXIT + " (check, batch)", "claimcheck check entwurf.txt",
                      "claimcheck reference build quelle.txt -o fakten.json"))
    parser.add_argument("--version", action="version", version=_version(),
                        help="Versionsnummer zeigen und beenden")
    sub = parser.add_subparsers(dest="command", title="Befehle", metavar="BEFEHL")
    check = sub.add_parser("check", help="einen Text prüfen", description=(
        "Prüft die Zahlen- und Datumsangaben eines Textes gegen die Faktenbasis.\n"
        "Einstellungen kommen aus [tool.claimcheck] der nächsten pyproject.toml oder aus\n"
        ".claimcheck.toml; Optionen haben Vorrang. Eine Zeile mit <!-- claimcheck: ignore -->\n"
        "unterdrückt ihre Befunde.\n\n" + textwrap.fill(LEGEND, 78) + "\n" + textwrap.fill(RULES, 78)), epilog=epilog(
        CHECK_EXIT, "claimcheck check entwurf.txt --show mismatch",
        "claimcheck check - --format json < entwurf.txt > bericht.json"))
    check.add_argument("path", metavar="DATEI", help="Textdatei, oder - für die Standardeingabe")
    _common(check)
    _check_options(check)
    check.set_defaults(func=run_check)
    _reference_commands(sub)
    sub.add_parser("evaluate", help="Genauigkeit auf den Fixtures messen (--help für Optionen)")
    cli_batch.register(sub)
    add_serve_parser(sub)
    return parser


def _check_options(check: argparse.ArgumentParser) -> None:
    check.add_argument("--format", choices=config.FORMATS, help="Ausgabeformat (Standard: text)")
    check.add_argument("--date", metavar="DATUM",
                       help="Dokumentdatum YYYY-MM[-DD], falls der Text keines nennt")
    check.add_argument("-o", "--output", metavar="DATEI",
                       help="in diese Datei schreiben statt auf die Standardausgabe")
    check.add_argument("--show", type=_show, metavar="URTEILE", help=(
        "angezeigte Urteile in text und html, mit Komma getrennt: mismatch,supported,unverified "
        "(Standard: mismatch,supported; json enthält immer alle)"))
    check.add_argument("-q", "--quiet", action="store_true",
                       help="nur Abweichungen ausgeben, ohne Kopfzeile, Legende und Zusammenfassung")
    check.add_argument("--color", choices=("auto", "always", "never"),
                       help="Farbe: auto (Standard: nur am Terminal; NO_COLOR und FORCE_COLOR "
                       "werden beachtet), always, never")
    check.add_argument("--ignore-file", metavar="DATEI",
                       help=f"Fingerabdrücke unterdrückter Befunde (Standard: nächste {IGNORE_FILE})")
    check.add_argument("--no-ignore", action="store_true",
                       help="nichts unterdrücken (weder Ignorier-Datei noch <!-- claimcheck: ignore -->)")
    check.add_argument("--config", metavar="DATEI",
                       help="diese Konfigurationsdatei statt der gefundenen verwenden")
    check.add_argument("--force-language", action="store_true",
                       help="auch einen offenbar nicht deutschen Text als deutschen Text prüfen")
    check.add_argument("--explain", action="store_true",
                       help="zu jeder Angabe zeigen, wie das Urteil zustande kam (Kandidaten, Werte, Schwellen)")


def _reference_commands(sub) -> None:
    ref = sub.add_parser("reference", help="Faktenbasis bauen oder ihr Schema ausgeben",
                         epilog=epilog("0  erfolgreich\n2  Aufruf- oder Eingabefehler",
                                       "claimcheck reference build quelle.txt -o fakten.json",
                                       "claimcheck reference schema > schema.json"))
    rsub = ref.add_subparsers(dest="ref_command", title="Befehle", metavar="BEFEHL")
    build = rsub.add_parser("build", help="Faktenbasis aus einem Quellartikel bauen",
                            epilog=epilog("0  Faktenbasis geschrieben\n2  Aufruf- oder Eingabefehler",
                                          "claimcheck reference build quelle.txt -o fakten.json",
                                          "claimcheck reference build quelle.txt -o f.json --date 2021-04"))
    build.add_argument("source", metavar="QUELLE", help="Quellartikel (Textdatei)")
    build.add_argument("-o", "--output", required=True, metavar="DATEI", help="Faktenbasis (JSON)")
    build.add_argument("--date", metavar="DATUM", help="Dokumentdatum, falls der Artikel keines nennt")
    build.add_argument("--model", metavar="NAME", help="spaCy-Pipeline (Paketname, Pfad oder 'blank')")
    build.add_argument("--debug", action="store_true", help="bei internen Fehlern den Traceback zeigen")
    build.set_defaults(func=run_reference_build)
    schema = rsub.add_parser("schema", help="JSON-Schema der Faktenbasis ausgeben",
                             epilog=epilog("0  Schema ausgegeben", "claimcheck reference schema",
                                           "claimcheck reference schema > facts.schema.json"))
    schema.set_defaults(func=run_reference_schema)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--reference", metavar="FAKTEN.json",
                   help="Faktenbasis (JSON); Standard: die mitgelieferte")
    p.add_argument("--model", metavar="NAME", help="spaCy-Pipeline (Paketname, Pfad oder 'blank'); Standard: automatisch")
    p.add_argument("--debug", action="store_true", help="bei internen Fehlern den Traceback zeigen")
    p.add_argument("--max-mb", type=float, metavar="MB", help="größte Eingabe in MB (Standard: 8)")


def _show(value: str) -> list[str]:
    verdicts = config.parse_show(value)
    unknown = [v for v in verdicts if v not in config.VERDICTS]
    if unknown or not verdicts:
        raise argparse.ArgumentTypeError(
            f"unbekanntes Urteil {', '.join(unknown) or value!r} (möglich: {','.join(config.VERDICTS)})")
    return verdicts


def run_check(args: argparse.Namespace) -> int:
    from claimcheck import io
    from claimcheck.checker import Checker

    opts = _merge(args, config.load_config(args.config))
    text = io.read_text(args.path)
    source = "<stdin>" if args.path == "-" else args.path
    checker = Checker(reference=opts["reference"], model=opts["model"])
    report = checker.check_text(text, source=source, date=opts["date"], ignore=opts["ignore"],
                                force_language=args.force_language)
    _write(args.output, _render(report, text, opts, args.output))
    return EXIT_MISMATCH if report.summary.mismatch else EXIT_OK


def _merge(args: argparse.Namespace, cfg: config.Settings) -> dict:
    """Command-line flags win over the configuration file, which wins over the defaults."""
    fmt = args.format or cfg.format or "text"
    ignore_file = args.ignore_file or cfg.resolve(cfg.ignore_file)
    if args.no_ignore:
        ignore = None
    elif ignore_file:
        ignore = suppress.load_ignore_file(ignore_file)
    else:
        found = suppress.find_ignore_file()
        ignore = suppress.load_ignore_file(found) if found else set()
    return {"reference": args.reference or cfg.resolve(cfg.reference), "model": args.model or cfg.model,
            "date": args.date or cfg.date, "format": fmt, "ignore": ignore, "quiet": args.quiet,
            "show": args.show or cfg.show or list(config.DEFAULT_SHOW),
            "color": args.color or cfg.color or "auto", "explain": args.explain}


def _render(report, text: str, opts: dict, output: Optional[str]) -> str:
    from claimcheck.render import json as render_json
    from claimcheck.render.text import render_text

    fmt = opts["format"]
    if fmt == "json":
        return render_json.render_json(report) + "\n"
    if fmt == "jsonl":
        return render_json.render_jsonl(report) + "\n"
    if fmt in ("github", "sarif"):
        from claimcheck.render import annotations

        return annotations.render_github(report) if fmt == "github" else annotations.render_sarif(report)
    if fmt == "html":
        from claimcheck.render.html import render_html

        return render_html(report, text, show=opts["show"])
    show = ["mismatch"] if opts["quiet"] else opts["show"]
    return render_text(report, text, color=use_color(opts["color"], output), show=show,
                       quiet=opts["quiet"], explain=opts["explain"])


def use_color(mode: str, output: Optional[str] = None) -> bool:
    """always/never as given; auto: on a terminal, unless NO_COLOR (FORCE_COLOR overrides)."""
    if mode != "auto":
        return mode == "always"
    if os.environ.get("FORCE_COLOR"):
        return True
    if output is not None or "NO_COLOR" in os.environ or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


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
    _error(message("cli.reference_written", n=len(base.facts), source=args.source, output=args.output))
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
