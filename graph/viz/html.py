"""One self-contained, offline HTML page: the graph as JSON plus a small canvas renderer (canvas.js).

Positions come from the graph (seeded networkx layout), so the page does no layout of its own. The
page sets `data-drawn-nodes` on <body> and the document title once it has drawn, and collects
script errors into <pre id="errors"> (and `data-errors`), which the tests read from a headless browser.
Opened as page.html#selftest, selftest.js also drives the page's pointer, wheel and key handlers and
records what they did as data-st-* attributes on <body>.
"""

from __future__ import annotations

import html
import json
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from ofsted_kg.graph.viz.palette import KIND_COLOURS, KIND_NAMES


def page_data(graph: nx.Graph) -> dict[str, Any]:
    """What the page draws: nodes with positions, degree and dates; edges as [source, target, weight, years]."""
    index = {v: i for i, v in enumerate(graph.nodes)}
    degree = dict(graph.degree())
    nodes = [{"id": str(v), "label": str(d.get("label", v)), "kind": str(d.get("kind", "")),
              "x": float(d.get("x", 0.0)), "y": float(d.get("y", 0.0)), "degree": degree[v],
              "visits": int(d.get("visits", 0)), "dates": list(d.get("dates", []))}
             for v, d in graph.nodes(data=True)]
    edges = [[index[a], index[b], int(d.get("weight", 1)), " ".join(str(y) for y in d.get("years", []))]
             for a, b, d in graph.edges(data=True)]
    kinds = {k: {"colour": KIND_COLOURS[k], "name": KIND_NAMES[k]} for k in KIND_COLOURS}
    return {"title": str(graph.graph.get("title", "Network")), "nodes": nodes, "edges": edges, "kinds": kinds,
            "kindOrder": list(KIND_COLOURS)}


def render_html(graph: nx.Graph) -> str:
    data = page_data(graph)
    # JSON inside <script>: escape <, > and & so no label can close the script element
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    folder = resources.files(__package__ or __name__)
    template = folder.joinpath("template.html").read_text(encoding="utf-8")
    script = folder.joinpath("canvas.js").read_text(encoding="utf-8")
    selftest = folder.joinpath("selftest.js").read_text(encoding="utf-8")
    page = template.replace("__TITLE__", html.escape(data["title"])).replace("__SCRIPT__", script)
    page = page.replace("__SELFTEST__", selftest)
    return page.replace("__DATA__", payload, 1)


def write_html(graph: nx.Graph, path: Path) -> None:
    path.write_text(render_html(graph), encoding="utf-8")
