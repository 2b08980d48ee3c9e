"""The shape of the code, measured: module and function sizes, and imports that point one way.

docs/architecture.md describes the pipeline (load -> search -> judge -> render); these tests
keep the code to it. They read the source with `ast` and import nothing.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "factcheck"
MODULE_LINES = 650  # "about 600"
FUNCTION_LINES = 60

# Which parts of the pipeline may not import which: data flows load -> search -> judge ->
# render, and only cli.py (and batch.py, its library half) sees all of them.
FORBIDDEN = {
    # The documents behind sources: load, judge and draft use it; it uses none of them.
    "factcheck.documents": (
        "factcheck.load",
        "factcheck.search",
        "factcheck.judge",
        "factcheck.render",
        "factcheck.cli",
        "factcheck.check",
        "factcheck.batch",
        "factcheck.draft",
    ),
    "factcheck.load": ("factcheck.search", "factcheck.judge", "factcheck.render", "factcheck.cli"),
    "factcheck.search": ("factcheck.load", "factcheck.judge", "factcheck.render", "factcheck.cli"),
    "factcheck.judge": ("factcheck.render", "factcheck.cli", "factcheck.batch"),
    "factcheck.render": (
        "factcheck.judge",
        "factcheck.search",
        "factcheck.load",
        "factcheck.series",
        "factcheck.cli",
    ),
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> Iterator[str]:
    """Every factcheck module this one imports, at any depth of the file (lazy ones too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # Imports only for the type checker never run, so they make no cycle.
    typing_only = {
        id(inner)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and ast.unparse(block.test).endswith("TYPE_CHECKING")
        for inner in ast.walk(block)
    }
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1]])
                base = f"{base}.{node.module}" if node.module else base
            # `from factcheck.judge import notes` imports the submodule when there is one
            targets = [
                f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names
            ]
        else:
            continue
        yield from (t for t in targets if t in MODULES and t != name)


GRAPH = {name: sorted(set(_imports(name, path))) for name, path in MODULES.items()}


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_stay_small(name: str) -> None:
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MODULE_LINES, f"{name} has {lines} lines; split it by what its parts do"


def test_functions_stay_short() -> None:
    long = []
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > FUNCTION_LINES:
                    long.append(f"{name}.{node.name}: {length} lines")
    assert long == []


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_imports_point_down_the_pipeline(layer: str) -> None:
    wrong = [
        f"{name} imports {target}"
        for name, targets in GRAPH.items()
        if name == layer or name.startswith(layer + ".")
        for target in targets
        if any(target == f or target.startswith(f + ".") for f in FORBIDDEN[layer])
    ]
    assert wrong == []


def test_no_import_cycles_between_modules() -> None:
    # Package __init__ files re-export their submodules; a submodule importing its own
    # package's __init__ is the same package, not a cycle between parts.
    def edges(name: str) -> list[str]:
        return [t for t in GRAPH[name] if not name.startswith(t + ".")]

    state: dict[str, int] = {}  # 1 on the current path, 2 done
    cycles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in edges(name):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_the_graph_sees_real_imports() -> None:
    # The checks above would pass on an empty graph: make sure it is not one.
    assert "factcheck.models" in GRAPH["factcheck.judge.audit"]
    assert "factcheck.wording" in GRAPH["factcheck.render.terminal"]
