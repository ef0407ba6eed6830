"""``claimcheck serve``: run the HTTP service with uvicorn (kept out of cli.py, imported lazily)."""
from __future__ import annotations

import argparse
import os
import re

from claimcheck.errors import ClaimcheckError
from claimcheck.server.limits import DEFAULT_WORKERS, REQUEST_TIMEOUT_S

ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def add_serve_parser(subparsers) -> None:
    p = subparsers.add_parser("serve", help="HTTP-Dienst starten (LanguageTool-kompatibel)",
                              description="Startet den HTTP-Dienst: /v1/check, /v2/check "
                              "(LanguageTool-API), Eingabeseite unter /.")
    p.add_argument("--host", default="127.0.0.1", help="Adresse (Standard: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8081, help="Port (Standard: 8081)")
    p.add_argument("--workers", type=_positive_int, default=min(DEFAULT_WORKERS, os.cpu_count() or 1),
                   metavar="N", help="Prüfprozesse (Standard: %(default)s)")
    p.add_argument("--reference", action="append", default=[], metavar="ID=FACTS.json",
                   help="weitere Faktenbasis, per Anfrage über ihre ID wählbar (mehrfach möglich)")
    p.add_argument("--timeout", type=float, default=REQUEST_TIMEOUT_S, metavar="SEKUNDEN",
                   help="Zeitlimit je Prüfung (Standard: %(default)s, 0 = keins)")
    p.add_argument("--allow-origin", action="append", default=[], metavar="ORIGIN",
                   help="Browser-Ursprung, der den Dienst aufrufen darf (CORS, mehrfach möglich)")
    p.add_argument("--model", help="spaCy-Pipeline (Paketname, Pfad oder 'blank')")
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"],
                   help="Protokollstufe des Servers (Standard: info)")
    p.add_argument("--debug", action="store_true", help="bei internen Fehlern den Traceback zeigen")
    p.set_defaults(func=run_serve)


def _positive_int(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"ganze Zahl ≥ 1 erwartet, nicht {value!r}")
    return int(value)


def load_references(specs: list[str]) -> dict:
    """The bundled fact base first (the default), then every ``ID=FACTS.json``."""
    from claimcheck.reference import BUNDLED_FACTS, load_reference

    refs = {BUNDLED_FACTS.removesuffix(".facts.json"): load_reference(None)}
    for spec in specs:
        ref_id, sep, path = spec.partition("=")
        if not sep or not ID.match(ref_id) or not path:
            raise ClaimcheckError("E089", path="--reference", value=spec,
                                  detail="ID aus Buchstaben, Ziffern, _ . -")
        if ref_id in refs:
            raise ClaimcheckError("E089", path="--reference", value=spec, detail="ID doppelt")
        refs[ref_id] = load_reference(path)
    return refs


def run_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from claimcheck.server.app import create_app
    except ImportError as exc:
        raise ClaimcheckError("E088", path="'claimcheck serve'", reason=exc.name or str(exc)) from exc
    if args.model:  # a model that cannot be loaded is reported here, not by every worker
        from claimcheck.nlp.pipeline import load_pipeline

        load_pipeline(args.model)
    app = create_app(load_references(args.reference), workers=args.workers,
                     timeout=args.timeout, model=args.model, allow_origins=args.allow_origin)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                timeout_graceful_shutdown=5)
    return 0
