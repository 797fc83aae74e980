"""Network views of the store (issue 8): registries of views and output formats, and the one call that runs them.

A view is a named SPARQL file (beside this module) plus a function that turns its rows into a networkx
graph; a format is a named writer. The graph is the source for every format: the HTML page, the
matplotlib drawings and the GraphML/GEXF files are all drawn from it.

This module is light (no networkx or matplotlib at import time) so the CLI can read the registries for
its help without slowing `ofsted-kg --help`.

    from ofsted_kg.graph.viz import build_view, write
    g = build_view("inspectors-authorities", store, from_year=2018)
    write(g, "net.html")
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import import_module, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ofsted_kg.errors import OfstedKgError

if TYPE_CHECKING:
    import networkx as nx

    from ofsted_kg.store import Store

LAYOUT_SEED = 8  # every layout is seeded: the same graph always gets the same picture


class VizError(OfstedKgError):
    """An unknown view or format, a missing parameter, or a view with nothing to draw."""


@dataclass(frozen=True)
class View:
    name: str
    help: str
    query: str  # a .rq file beside this module
    builder: str  # "module:function" in this package, imported when the view is built
    needs_authority: bool = False
    title: str = ""
    facts: str = "viz-visit-facts.rq"  # what the letters say about each visit (facts.py), "" for none


@dataclass(frozen=True)
class Format:
    name: str
    help: str
    suffixes: tuple[str, ...]
    writer: str  # "module:function" taking (graph, path)


VIEWS: dict[str, View] = {v.name: v for v in (
    View("inspectors-authorities", "Inspectors and the authorities they visited (edge weight = visits, with years).",
         "viz-visits.rq", "views:inspectors_authorities", title="Inspectors and the authorities they visited"),
    View("co-inspectors", "Inspectors linked when they shared a visit (edge weight = shared visits).",
         "viz-visits.rq", "views:co_inspectors", title="Inspectors who shared visits"),
    View("authority-timeline", "One authority's visits over time with their inspectors, directors and judgements "
         "(needs --authority).", "viz-authority-timeline.rq", "views:authority_timeline", needs_authority=True,
         title="Authority timeline"),
)}

FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("html", "one self-contained interactive page (sigma.js, WebGL, works offline)", (".html", ".htm"), "html:write_html"),
    Format("png", "a static drawing (matplotlib)", (".png",), "static:write_png"),
    Format("svg", "a static vector drawing (matplotlib)", (".svg",), "static:write_svg"),
    Format("graphml", "GraphML for Gephi, Cytoscape, yEd", (".graphml",), "interchange:write_graphml"),
    Format("gexf", "GEXF for Gephi, with the layout", (".gexf",), "interchange:write_gexf"),
)}


def _resolve(ref: str) -> Callable[..., Any]:
    module, _, func = ref.partition(":")
    fn: Callable[..., Any] = getattr(import_module(f"{__name__}.{module}"), func)
    return fn


def get_view(name: str) -> View:
    if name not in VIEWS:
        raise VizError(f"no view named {name!r}; known: {', '.join(VIEWS)}")
    return VIEWS[name]


def get_format(name: str | None, output: str | Path) -> Format:
    """The format called `name`, else the one the output's suffix names."""
    if name:
        if name not in FORMATS:
            raise VizError(f"unknown format {name!r}; known: {', '.join(FORMATS)}")
        return FORMATS[name]
    suffix = Path(output).suffix.lower()
    for f in FORMATS.values():
        if suffix in f.suffixes:
            return f
    raise VizError(f"{output}: cannot tell the format from the suffix {suffix or '(none)'!r}; "
                   f"give --format ({', '.join(FORMATS)})")


def read_query(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def build_view(name: str, store: Store, from_year: int | None = None, to_year: int | None = None,
               authorities: Sequence[str] = ()) -> nx.Graph:
    """Run the view's SPARQL (parameters bound as values) and build its graph."""
    view = get_view(name)
    if view.needs_authority and len(authorities) != 1:
        raise VizError(f"view {name!r} needs exactly one --authority (e.g. --authority Worcestershire)")
    if from_year is not None and to_year is not None and from_year > to_year:
        raise VizError(f"--from {from_year} is after --to {to_year}")
    years: dict[str, Any] = {k: v for k, v in (("from_year", from_year), ("to_year", to_year)) if v is not None}
    text = read_query(view.query)
    rows: list[dict[str, Any]] = []
    names = [canonical_authority(a) for a in authorities]
    for bindings in ([{**years, "authority": a} for a in names] if names else [years]):
        rows.extend(store.select(text, bindings).rows)
    graph: nx.Graph = _resolve(view.builder)(rows)
    if view.facts:
        from ofsted_kg.graph.viz.facts import annotate, visit_table

        facts = read_query(view.facts)
        fact_rows: list[dict[str, Any]] = []
        for bindings in ([{**years, "authority": a} for a in names] if names else [years]):
            fact_rows.extend(store.select(facts, bindings).rows)
        annotate(graph, visit_table(fact_rows))
    graph.graph.update(view=name, title=_title(view, names, from_year, to_year))
    if view.needs_authority and graph.number_of_nodes() == 0:
        raise VizError(f"no visits to {names[0]!r} in the store" + (" in those years" if years else ""))
    return graph


def canonical_authority(name: str) -> str:
    """"Worcestershire County Council" -> "Worcestershire", as the store names it (else as given)."""
    from ofsted_kg.extract.authorities import match_authority

    found = match_authority(name)
    return found.name if found else name.strip()


def _title(view: View, authorities: list[str], from_year: int | None, to_year: int | None) -> str:
    title = view.title or view.name
    if authorities:
        title += ": " + ", ".join(authorities)
    if from_year or to_year:
        title += f" ({from_year or '…'}–{to_year or '…'})"
    return title


def write(graph: nx.Graph, output: str | Path, fmt: str | None = None) -> Format:
    """Write `graph` to `output` in `fmt` (default: from the suffix); never leaves a half-written file."""
    f = get_format(fmt, output)
    out = Path(output)
    tmp = out.with_name(out.name + ".part")
    try:
        _resolve(f.writer)(graph, tmp)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return f
