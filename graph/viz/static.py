"""PNG and SVG drawings with matplotlib (Agg backend, imported only here).

`draw(graph, ax)` takes an axes and returns what it drew, so tests can assert on nodes and labels
rather than pixels. Positions are the graph's own seeded `x`, `y`. Colours are the HTML view's defaults:
nodes by kind, edges by visit kind, with one legend for both. Labels never overlap (labels.py): every
authority is labelled, then the best-connected other nodes while there is room.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from ofsted_kg.graph.viz.drawing import Drawing
from ofsted_kg.graph.viz.labels import Placement, place_labels
from ofsted_kg.graph.viz.palette import KIND_COLOURS, KIND_NAMES, VISIT_KIND_COLOURS, VISIT_KIND_NAMES

MAX_LABELS = 150  # labels besides the authorities', best-connected first, while they find room
EDGE_GREY = "#9a9a9a"


def positions(graph: nx.Graph) -> dict[Any, tuple[float, float]]:
    return {v: (float(d.get("x", 0.0)), 1.0 - float(d.get("y", 0.0))) for v, d in graph.nodes(data=True)}


def must_label(graph: nx.Graph) -> set[Any]:
    """Nodes whose label every picture shows: the authorities with visits."""
    return {v for v, d in graph.nodes(data=True) if d.get("kind") == "authority"}


def draw(graph: nx.Graph, ax: Any, max_labels: int = MAX_LABELS) -> Drawing:
    """Draw `graph` on `ax`: colour by kind, edges by visit kind, size by degree, placed labels, title, legend.

    An authority's timeline is drawn as a chart over time instead (timeline.py)."""
    from matplotlib.lines import Line2D

    if is_timeline(graph):
        from ofsted_kg.graph.viz.timeline import draw_timeline

        return draw_timeline(graph, ax)

    pos = positions(graph)
    nodes = list(graph.nodes)
    degree = dict(graph.degree())
    colours = [KIND_COLOURS.get(graph.nodes[v].get("kind", ""), "#888888") for v in nodes]
    sizes = [40 + 60 * degree[v] ** 0.5 for v in nodes]
    edges = list(graph.edges)
    widths = [0.6 + 0.8 * (graph.edges[e].get("weight", 1) - 1) for e in edges]
    edge_colours = [VISIT_KIND_COLOURS.get(str(graph.edges[e].get("kind", "")), EDGE_GREY) for e in edges]
    drawn = Drawing(nodes=nodes, edges=edges)
    _frame(ax, pos)
    ax.set_title(str(graph.graph.get("title", "")))
    drawn.artists["edges"] = nx.draw_networkx_edges(graph, pos, edgelist=edges, width=widths, edge_color=edge_colours,
                                                    alpha=0.7, ax=ax)
    drawn.artists["nodes"] = nx.draw_networkx_nodes(graph, pos, nodelist=nodes, node_color=colours, node_size=sizes,
                                                    edgecolors="white", linewidths=0.8, ax=ax)
    kinds = [k for k in KIND_COLOURS if any(d.get("kind") == k for _, d in graph.nodes(data=True))]
    handles = [Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=KIND_COLOURS[k],
                      markeredgecolor="white", label=KIND_NAMES[k]) for k in kinds]
    edge_kinds = [k for k in VISIT_KIND_COLOURS if any(d.get("kind") == k for _, _, d in graph.edges(data=True))]
    handles += [Line2D([], [], color=VISIT_KIND_COLOURS[k], linewidth=2, label=VISIT_KIND_NAMES[k]) for k in edge_kinds]
    drawn.artists["legend"] = legend = ax.legend(handles=handles, loc="lower left", frameon=True, fontsize=8,
                                                 title="size = links")
    placed = _labels(graph, ax, pos, nodes, degree, sizes, max_labels, legend)
    drawn.labels = {v: str(graph.nodes[v].get("label", v)) for v in placed.texts}
    drawn.artists["labels"] = placed.texts
    drawn.label_boxes = placed.boxes
    drawn.unlabelled = placed.missing
    ax.set_axis_off()
    return drawn


def is_timeline(graph: nx.Graph) -> bool:
    return graph.graph.get("view") == "authority-timeline" and "timeline" in graph.graph


def _frame(ax: Any, pos: dict[Any, tuple[float, float]]) -> None:
    """Fixed limits with a margin, so the labels are measured where they will be drawn."""
    xs = [p[0] for p in pos.values()] or [0.0, 1.0]
    ys = [p[1] for p in pos.values()] or [0.0, 1.0]
    w, h = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    ax.set_xlim(min(xs) - 0.08 * w, max(xs) + 0.08 * w)
    ax.set_ylim(min(ys) - 0.08 * h, max(ys) + 0.08 * h)
    ax.set_autoscale_on(False)


def _labels(graph: nx.Graph, ax: Any, pos: dict[Any, tuple[float, float]], nodes: list[Any], degree: dict[Any, int],
            sizes: list[float], max_labels: int, legend: Any) -> Placement:
    from ofsted_kg.graph.viz.labels import renderer_of

    must = must_label(graph)
    order = sorted(nodes, key=lambda v: (v not in must, -degree[v], str(graph.nodes[v].get("label", v))))
    radius = {v: (s ** 0.5) / 2 * ax.figure.dpi / 72.0 for v, s in zip(nodes, sizes, strict=True)}
    e = legend.get_window_extent(renderer_of(ax.figure))
    t = ax.title.get_window_extent(renderer_of(ax.figure))
    n = graph.number_of_nodes()
    return place_labels(ax, pos, order, {v: str(graph.nodes[v].get("label", v)) for v in nodes}, must, max_labels,
                        radius, fontsize=8 if n < 30 else 7, obstacles=[(e.x0, e.y0, e.x1, e.y1), (t.x0, t.y0, t.x1, t.y1)])


def _save(graph: nx.Graph, path: Path, fmt: str) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    # fixed margins rather than tight_layout, which would move the axes after the labels were placed
    if is_timeline(graph):
        from ofsted_kg.graph.viz.timeline import figure_size

        fig = Figure(figsize=figure_size(graph), dpi=110)
        FigureCanvasAgg(fig)
        draw(graph, fig.add_axes((0.15, 0.08, 0.68, 0.84)))  # lane names left, legend right
    else:
        n = graph.number_of_nodes()
        side = min(8 + n ** 0.5 * 0.6, 30)
        fig = Figure(figsize=(side * 1.4, side), dpi=110)
        FigureCanvasAgg(fig)
        draw(graph, fig.add_axes((0.01, 0.01, 0.98, 0.94)))
    fig.savefig(str(path), format=fmt, metadata={"Date": None} if fmt == "svg" else None)


def write_png(graph: nx.Graph, path: Path) -> None:
    _save(graph, path, "png")


def write_svg(graph: nx.Graph, path: Path) -> None:
    _save(graph, path, "svg")
