"""German command-line help: argparse's own strings translated, exit codes and examples.

argparse takes its fixed strings ("usage: ", "options", "show this help message and exit", error
messages) from ``gettext`` through its module globals ``_`` and ``ngettext``. ``GermanParser``
swaps them for the table below while one of its methods runs, so other parsers in the same
process are untouched. Unknown strings pass through unchanged.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
from typing import Any, Callable, Iterator, NoReturn

GERMAN = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Argumente",
    "options": "Optionen",
    "optional arguments": "Optionen",  # Python 3.10
    "subcommands": "Befehle",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "show program's version number and exit": "Versionsnummer zeigen und beenden",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
    "the following arguments are required: %s": "diese Argumente fehlen: %s",
    "unrecognized arguments: %s": "unbekannte Argumente: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ungültige Auswahl: %(value)r (möglich: %(choices)s)",
    "argument %(argument_name)s: %(message)s": "Argument %(argument_name)s: %(message)s",
    "expected one argument": "erwartet einen Wert",
    "expected at most one argument": "erwartet höchstens einen Wert",
    "expected at least one argument": "erwartet mindestens einen Wert",
    "ambiguous option: %(option)s could match %(matches)s":
        "mehrdeutige Option: %(option)s passt zu %(matches)s",
    "invalid %(type)s value: %(value)r": "ungültiger Wert für %(type)s: %(value)r",
    "not allowed with argument %s": "nicht zusammen mit %s erlaubt",
    "ignored explicit argument %r": "überflüssiger Wert %r",
    "one of the arguments %s is required": "eines dieser Argumente ist nötig: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "unbekannter Befehl %(parser_name)r (möglich: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "'%(filename)s' kann nicht geöffnet werden: %(error)s",
    "unexpected option string: %s": "unerwartete Option: %s",
}
PLURALS = {"expected %s argument": ("erwartet %s Wert", "erwartet %s Werte")}


def _gettext(message: str) -> str:
    return GERMAN.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if singular in PLURALS:
        one, many = PLURALS[singular]
        return one if n == 1 else many
    return singular if n == 1 else plural


@contextlib.contextmanager
def german() -> Iterator[None]:
    module: Any = argparse
    old = module._, module.ngettext
    module._, module.ngettext = _gettext, _ngettext
    try:
        yield
    finally:
        module._, module.ngettext = old


def _in_german(method: Callable) -> Callable:
    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with german():
            return method(*args, **kwargs)
    return wrapper


class GermanParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks German; epilogs keep their line breaks."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        with german():
            super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        if message.startswith("argument "):  # Python 3.10 does not pass this one through gettext
            message = "Argument " + message[len("argument "):]
        with german():
            super().error(message)


for _name in ("add_argument", "add_subparsers", "parse_args", "parse_known_args", "format_usage",
              "format_help"):
    setattr(GermanParser, _name, _in_german(getattr(argparse.ArgumentParser, _name)))


def epilog(exit_codes: str, *examples: str) -> str:
    """The text under a command's options: exit status and examples."""
    lines = ["Exit-Status:", *(f"  {line}" for line in exit_codes.split("\n")), "", "Beispiele:"]
    lines += [f"  {example}" for example in examples]
    return "\n".join(lines)


CHECK_EXIT = "0  keine Abweichung\n1  mindestens eine Abweichung\n2  Aufruf- oder Eingabefehler"
