"""The package layout keeps its promises: layers import only downward, no import cycles, no private
names across modules, no module over 500 lines without a reason at its top."""

from __future__ import annotations

import ast
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "framing"

#: Layers, bottom to top (docs/architecture.md): a module may import its own layer or lower ones.
LAYERS = {
    "framing.types": 0,
    "framing.errors": 0,
    "framing.resources": 0,
    "framing.persist": 0,
    "framing.safe_output": 0,
    "framing._version": 0,
    "framing.text": 1,
    "framing.inputs": 1,
    "framing.markers": 2,
    "framing.voice": 3,
    "framing.actors": 3,
    "framing.sentiment": 3,
    "framing.analysis": 4,
    "framing.explore": 4,
    "framing.ml": 5,
    "framing.comparison": 5,
    "framing.report": 6,
    "framing.classroom": 7,
    "framing.run": 7,
    "framing.cli": 8,
    "framing": 9,
}
MAX_LINES = 500


def _modules() -> dict[str, Path]:
    out = {}
    for p in PACKAGE.rglob("*.py"):
        parts = list(p.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = p
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> list[tuple[str, list[str], int]]:
    """(target module, imported names, line) of every framing import in a module, wherever it is."""
    is_pkg = path.name == "__init__.py"
    base = name if is_pkg else name.rsplit(".", 1)[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                parts = base.split(".")[: len(base.split(".")) - node.level + 1]
                target = ".".join(parts + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "framing" or target.startswith("framing."):
                out.append((target, [a.name for a in node.names], node.lineno))
        elif isinstance(node, ast.Import):
            out.extend((a.name, [], node.lineno) for a in node.names if a.name.startswith("framing"))
    return out


def _edges() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in MODULES.items():
        for target, names, _ in _imports(name, path):
            subs = [f"{target}.{n}" for n in names if f"{target}.{n}" in MODULES]
            for t in subs or [target]:
                if t != name and t in MODULES:
                    graph[name].add(t)
    return graph


def _layer(module: str) -> int:
    best = max((k for k in LAYERS if module == k or module.startswith(k + ".")), key=len)
    return LAYERS[best]


def test_every_module_has_a_layer() -> None:
    """A new subpackage must be placed in the layer table (and in docs/architecture.md)."""
    assert all(any(m == k or m.startswith(k + ".") for k in LAYERS) for m in MODULES)


def test_layers_import_only_downward() -> None:
    """No module imports from a layer above its own (cli and run on top, types at the bottom)."""
    bad = []
    for name, path in MODULES.items():
        for target, names, line in _imports(name, path):
            for t in [f"{target}.{n}" for n in names if f"{target}.{n}" in MODULES] or [target]:
                if t in MODULES and _layer(t) > _layer(name):
                    bad.append(f"{name} (layer {_layer(name)}) imports {t} (layer {_layer(t)}), line {line}")
    assert not bad, "\n".join(bad)


def test_no_import_cycles() -> None:
    """The module import graph (imports inside functions included) has no cycle."""
    graph = _edges()
    seen: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(n: str) -> None:
        seen[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if seen.get(m) == 1:
                cycles.append(stack[stack.index(m) :] + [m])
            elif m not in seen:
                visit(m)
        stack.pop()
        seen[n] = 2

    for n in sorted(MODULES):
        if n not in seen:
            visit(n)
    # a package's __init__ re-exports its modules: that edge is no cycle unless a module imports
    # its own package's __init__ back
    real = [c for c in cycles if not all(a == b.rsplit(".", 1)[0] or b == a.rsplit(".", 1)[0] or a.startswith(b + ".") or b.startswith(a + ".") for a, b in pairwise(c))]
    assert not real, "\n".join(" -> ".join(c) for c in real)


def test_modules_do_not_import_their_own_package_init() -> None:
    """Inside a subpackage, modules import from the specific module, never from the thin __init__."""
    bad = []
    for name, path in MODULES.items():
        if path.name == "__init__.py":
            continue
        pkg = name.rsplit(".", 1)[0]
        for target, names, line in _imports(name, path):
            if target == pkg and pkg != "framing" and any(f"{target}.{n}" not in MODULES for n in names):
                bad.append(f"{name}:{line} imports {names} from its own package {pkg}")
    assert not bad, "\n".join(bad)


def test_no_private_names_across_modules() -> None:
    """A name starting with _ is private to its module: no other module imports it."""
    bad = [
        f"{name}:{line} imports {n} from {target}"
        for name, path in MODULES.items()
        for target, names, line in _imports(name, path)
        for n in names
        if n.startswith("_") and n != "__version__" and target != name
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_long_modules_say_why(name: str) -> None:
    """A module over 500 lines states at its top why it is not split."""
    text = MODULES[name].read_text(encoding="utf-8")
    if text.count("\n") > MAX_LINES:
        assert "Why this module is long" in text[:3000], f"{name} has {text.count(chr(10))} lines and no reason at its top"
