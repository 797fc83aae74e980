"""One self-contained, offline HTML page: the graph as JSON, drawn by sigma.js on graphology (WebGL).

sigma and graphology are vendored (vendor/, pinned, with their licences) and inlined with the page's own
view.js, so the file needs no network. Positions come from the graph (seeded networkx layout computed
before the page opens), so the page does no layout of its own. Nodes are coloured by kind, latest grade
or role, edges by visit kind; filters (years, visit kind, region, grade) and a side panel of the selected
node's visits with their quoted evidence run in the page. Isolated nodes are hidden until asked for.

The page sets `data-drawn-nodes` (nodes shown), `data-nodes`, `data-drawn-edges` and
`data-first-frame-ms` on <body> once sigma has drawn, and collects script errors into <pre id="errors">
(and `data-errors`), which the tests read from a headless browser. Opened as page.html#selftest,
selftest.js drives the page with synthetic mouse and key events and records the outcomes as data-st-*
attributes on <body>; #bench (bench.js) times the first frame and a pan (benchmarks/bench_viz.py).
"""

from __future__ import annotations

import html
import json
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from ofsted_kg.graph.viz.palette import (
    GRADE_COLOURS,
    GRADE_NAMES,
    KIND_COLOURS,
    KIND_NAMES,
    ROLE_COLOURS,
    ROLE_NAMES,
    VISIT_KIND_COLOURS,
    VISIT_KIND_NAMES,
)

VENDOR = ("vendor/graphology-0.26.0.umd.min.js", "vendor/sigma-3.0.3.min.js")


def _palette(colours: dict[str, str], names: dict[str, str]) -> dict[str, dict[str, str]]:
    return {k: {"colour": colours[k], "name": names[k]} for k in colours}


def page_data(graph: nx.Graph) -> dict[str, Any]:
    """What the page draws: nodes with positions, degree, dates, role, grade and region; edges as
    [source, target, weight, years, visit kind, visit indices]; visits with their facts and evidence."""
    facts: dict[str, dict[str, Any]] = graph.graph.get("visit_facts", {})
    visit_index = {v: i for i, v in enumerate(facts)}
    index = {v: i for i, v in enumerate(graph.nodes)}
    degree = dict(graph.degree())
    nodes = [{"id": str(v), "label": _label(d, v), "kind": str(d.get("kind", "")),
              "x": float(d.get("x", 0.0)), "y": float(d.get("y", 0.0)), "degree": degree[v],
              "visits": int(d.get("visits", 0)), "dates": list(d.get("dates", [])),
              "role": str(d.get("role", "")), "grade": str(d.get("latest_grade", "")),
              "gradeSource": str(d.get("grade_source", "")), "region": str(d.get("region", "")),
              "how": str(d.get("how", "")), "areas": [str(a) for a in d.get("areas", [])],
              "v": [visit_index[x] for x in d.get("visit_ids", []) if x in visit_index]}
             for v, d in graph.nodes(data=True)]
    edges = [[index[a], index[b], int(d.get("weight", 1)), " ".join(str(y) for y in d.get("years", [])),
              str(d.get("kind", "")), [visit_index[x] for x in d.get("visit_ids", []) if x in visit_index]]
             for a, b, d in graph.edges(data=True)]
    visits = [{"kind": f["kind"], "start": f.get("start", ""), "authority": f.get("authority", ""),
               "region": f.get("region", ""), "authorityGrade": f.get("authority_grade", ""),
               "awarded": f["awarded"], "restated": f["restated"], "evidence": f["evidence"],
               "source": f["source"], "url": f["url"], "href": _href(f["url"], f["source"])} for f in facts.values()]
    return {"title": str(graph.graph.get("title", "Network")), "nodes": nodes, "edges": edges,
            "kinds": _palette(KIND_COLOURS, KIND_NAMES), "kindOrder": list(KIND_COLOURS),
            "grades": _palette(GRADE_COLOURS, GRADE_NAMES), "roles": _palette(ROLE_COLOURS, ROLE_NAMES),
            "visitKinds": _palette(VISIT_KIND_COLOURS, VISIT_KIND_NAMES), "visits": visits}


def _label(d: dict[str, Any], v: Any) -> str:
    """The node's label; a judgement only restated by later letters (no report in the store awarding it) says so."""
    label = str(d.get("label", v))
    return label + " (restated)" if d.get("how") == "restated" else label


def _href(url: str, source: str) -> str:
    """The link to a visit's document: Ofsted's public copy, else the local file (a file: URI when absolute)."""
    if url or not source:
        return url
    return Path(source).as_uri() if Path(source).is_absolute() else source


def _script(text: str) -> str:
    """A script's text made safe to inline: no `</script` can end the element early."""
    return text.replace("</script", "<\\/script")


def render_html(graph: nx.Graph) -> str:
    data = page_data(graph)
    # JSON inside <script>: escape <, > and & so no label can close the script element
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    folder = resources.files(__package__ or __name__)
    read = lambda name: folder.joinpath(name).read_text(encoding="utf-8")  # noqa: E731
    template = read("template.html")
    vendor = "\n".join(_script(read(name)) for name in VENDOR)
    page = template.replace("__TITLE__", html.escape(data["title"]))
    page = page.replace("__VENDOR__", vendor, 1).replace("__SCRIPT__", _script(read("view.js")), 1)
    page = page.replace("__SELFTEST__", _script(read("selftest.js")), 1).replace("__BENCH__", _script(read("bench.js")), 1)
    return page.replace("__DATA__", payload, 1)


def write_html(graph: nx.Graph, path: Path) -> None:
    path.write_text(render_html(graph), encoding="utf-8")
