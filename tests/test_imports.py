"""No import cycle among claimcheck's modules: the module-level imports form a DAG, and so do
all imports (function-level ones too) of the data model, the language pack and the NLP layer."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import claimcheck

ROOT = Path(claimcheck.__file__).parent
CORE = ("claimcheck.models", "claimcheck.lang", "claimcheck.nlp")


def _modules() -> dict[str, Path]:
    out = {}
    for path in ROOT.rglob("*.py"):
        parts = ("claimcheck", *path.relative_to(ROOT).with_suffix("").parts)
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(path: Path, name: str, modules: dict[str, Path], nested: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = ast.walk(tree) if nested else tree.body
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name in modules}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            for a in node.names:
                target = f"{base}.{a.name}"
                out.add(target if target in modules else base)
    return {m for m in out if m in modules and m != name}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str]:
        state[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if m not in state and (found := visit(m)):
                return found
        state[n] = 2
        stack.pop()
        return []

    for n in sorted(graph):
        if n not in state and (found := visit(n)):
            return found
    return []


def test_module_level_imports_have_no_cycle():
    modules = _modules()
    graph = {n: _imports(p, n, modules, nested=False) for n, p in modules.items()}
    assert _cycle(graph) == []


def test_core_modules_have_no_cycle_even_through_lazy_imports():
    modules = _modules()
    core = {n: p for n, p in modules.items() if n.startswith(CORE)}
    graph = {n: {m for m in _imports(p, n, modules, nested=True) if m in core} for n, p in core.items()}
    assert _cycle(graph) == []


def test_every_subpackage_module_imports_first_in_a_fresh_interpreter():
    first = ("claimcheck.nlp.numbers", "claimcheck.nlp.dates", "claimcheck.nlp.claims", "claimcheck.lang",
             "claimcheck.models")
    names = sorted(n for n in _modules() if n.startswith(first))
    code = "import importlib, sys\nfor n in sys.argv[1:]:\n    importlib.import_module(n)\n"
    for name in names:  # each one first in its own process: a cycle shows as an ImportError
        subprocess.run([sys.executable, "-c", code, name], check=True, capture_output=True)


def test_the_check_sees_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
