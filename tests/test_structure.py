"""The package's modules import one another without cycles (issue 20).

Every import counts, wherever it stands: at the top of a module, inside a function (a lazy import) or
under `if TYPE_CHECKING:`. A cycle is broken by moving the shared piece, not by deferring an import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
# the folders setuptools maps into the one import package (pyproject.toml's package-dir)
FOLDERS = {"ofsted_kg": "ofsted_kg", "cli": "ofsted_kg.cli", "graph": "ofsted_kg.graph",
           "ontology": "ofsted_kg.ontology", "shapes": "ofsted_kg.shapes", "queries": "ofsted_kg.queries"}


def modules() -> dict[str, Path]:
    out = {}
    for folder, package in FOLDERS.items():
        for f in (ROOT / folder).rglob("*.py"):
            parts = list(f.relative_to(ROOT / folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join([package, *parts])] = f
    return out


def import_graph() -> nx.DiGraph:
    """Module -> module it imports, for every import statement of the package's own modules."""
    mods = modules()

    def known(name: str) -> str | None:  # the module a dotted name lives in (a name inside a module: that module)
        while name and name not in mods:
            name = name.rpartition(".")[0]
        return name or None

    g = nx.DiGraph()
    for name, path in mods.items():
        g.add_node(name)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join([*up, base] if base else up)
                # `from pkg import sub` imports the submodule, `from mod import name` the module
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in mods else base for a in node.names]
            for t in targets:
                found = known(t)
                if found and found != name:
                    g.add_edge(name, found)
    return g


def test_the_graph_sees_the_modules_and_their_imports() -> None:
    g = import_graph()
    assert {"ofsted_kg.api", "ofsted_kg.validation", "ofsted_kg.cli.app", "ofsted_kg.graph.build",
            "ofsted_kg.queries.library", "ofsted_kg.graph.viz.static"} <= set(g)
    assert g.has_edge("ofsted_kg.api", "ofsted_kg.validation")  # a lazy import counts
    assert g.has_edge("ofsted_kg.cli.app", "ofsted_kg.cli.extract_cmd")  # `from pkg import sub`


def test_no_import_cycle() -> None:
    g = import_graph()
    cycles = [sorted(c) for c in nx.strongly_connected_components(g) if len(c) > 1]
    assert cycles == [], "import cycles: " + "; ".join(" <-> ".join(c) for c in cycles)
