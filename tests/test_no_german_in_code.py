"""No German closed-class word list or German regex in the Python code outside ``lang/``: the
words are data of the language pack (``claimcheck/lang/de/*.yaml``).

Checked: every string literal (docstrings and comments are prose, and skipped) that is one of the
words below, or a regex or word sequence made of them. ``EXEMPT`` lists modules allowed to
hold such words for a while (none: the alignment modules read theirs from the pack too).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import claimcheck

ROOT = Path(claimcheck.__file__).parent
EXEMPT: set[str] = set()
# the probe's words, then articles, prepositions, conjunctions, negation, pronouns, auxiliaries,
# period words, months and weekdays ("in" and "tag" are left out: they are English names too)
WORDS = set("""
sondern keinen keinem nachdem während zwischen anfang mitte ende
der die das den dem des ein eine einen einem einer eines
von vom durch aus im nach auf gegen mit für über an am bei beim zu zur zum unter gegenüber wegen
trotz seit vor um ohne bis ab
und oder sowie aber doch denn weil dass ob als wie
nicht kein keine keiner keines keinesfalls nie niemals
ihre ihren ihrer seine seiner seinen diese dieser diesen jene alle sie wir ihr er es
wurden werden waren haben hatten hat hatte war wurde wird sollen sollten können konnten mussten
jahr jahres jahre jahren monat monats woche tage tagen quartal halbjahr gestern heute morgen
januar februar märz april mai juni juli august september oktober november dezember
montag dienstag mittwoch donnerstag freitag samstag sonntag frühjahr sommer herbst winter
""".split())
_WORD = re.compile(r"[^\W\d_]+")


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def _german(value: str) -> bool:
    """A literal that is one of WORDS, or a regex / word list built from them ("des|dem",
    "bis zum", r"\\bnicht\\s+"); sentences (a message with other words) are not word lists."""
    regex_like = bool(re.search(r"[|\\]|\(\?", value))
    if regex_like and re.search(r"\[[^\]]*[ÄÖÜäöüß]", value):
        return True  # a German letter class ("[A-ZÄÖÜ]")
    words = _WORD.findall(re.sub(r"\\[a-zA-Z]|\(\?P<\w+>", " ", value).lower())
    if not words or not set(words) & WORDS:
        return False
    return regex_like or set(words) <= WORDS


def _hits(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return [f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
            and _german(node.value)]


def _sources() -> list[Path]:
    return [p for p in sorted(ROOT.rglob("*.py"))
            if "lang" not in p.relative_to(ROOT).parts[:1] and str(p.relative_to(ROOT)) not in EXEMPT]


def test_no_german_closed_class_words_in_python_code():
    hits = [h for p in _sources() for h in _hits(p)]
    assert not hits, "German words belong in claimcheck/lang/de/:\n" + "\n".join(hits)


def test_the_probe_words_are_nowhere_in_quotes():
    probe = re.compile(r'"(sondern|keinen|keinem|nachdem|während|zwischen|Anfang|Mitte|des Jahres)"')
    hits = [f"{p.relative_to(ROOT)}: {m[0]}" for p in ROOT.rglob("*.py")
            if "lang" not in p.relative_to(ROOT).parts[:1] for m in probe.finditer(p.read_text(encoding="utf-8"))]
    assert not hits, hits


def test_the_check_finds_a_word_list_and_a_regex():
    assert _german("des|dem") and _german("bis zum") and _german(r"\bnicht\s+$") and _german("Mitte")
    assert _german(r"(?=\s+[A-ZÄÖÜ])")
    assert not _german("Der Text ist offenbar nicht deutsch (erkannt: {label}).") and not _german("event")
