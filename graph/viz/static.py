"""PNG and SVG drawings with matplotlib (Agg backend, imported only here).

`draw(graph, ax)` takes an axes and returns what it drew, so tests can assert on nodes and labels
rather than pixels. Positions are the graph's own seeded `x`, `y`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from ofsted_kg.graph.viz.palette import KIND_COLOURS, KIND_NAMES

MAX_LABELS = 150  # beyond this, only the best-connected nodes are labelled so the labels stay readable


@dataclass
class Drawing:
    nodes: list[Any] = field(default_factory=list)  # node keys, in the order drawn
    edges: list[tuple[Any, Any]] = field(default_factory=list)
    labels: dict[Any, str] = field(default_factory=dict)  # node -> label text drawn
    artists: dict[str, Any] = field(default_factory=dict)  # "nodes", "edges", "labels", "legend"


def positions(graph: nx.Graph) -> dict[Any, tuple[float, float]]:
    return {v: (float(d.get("x", 0.0)), 1.0 - float(d.get("y", 0.0))) for v, d in graph.nodes(data=True)}


def draw(graph: nx.Graph, ax: Any, max_labels: int = MAX_LABELS) -> Drawing:
    """Draw `graph` on `ax`: colour by kind, size by degree, labels, title and legend."""
    from matplotlib.lines import Line2D

    pos = positions(graph)
    nodes = list(graph.nodes)
    degree = dict(graph.degree())
    colours = [KIND_COLOURS.get(graph.nodes[v].get("kind", ""), "#888888") for v in nodes]
    sizes = [40 + 60 * degree[v] ** 0.5 for v in nodes]
    edges = list(graph.edges)
    widths = [0.6 + 0.8 * (graph.edges[e].get("weight", 1) - 1) for e in edges]
    drawn = Drawing(nodes=nodes, edges=edges)
    drawn.artists["edges"] = nx.draw_networkx_edges(graph, pos, edgelist=edges, width=widths, edge_color="#9a9a9a",
                                                    alpha=0.7, ax=ax)
    drawn.artists["nodes"] = nx.draw_networkx_nodes(graph, pos, nodelist=nodes, node_color=colours, node_size=sizes,
                                                    edgecolors="white", linewidths=0.8, ax=ax)
    keep = sorted(nodes, key=lambda v: (-degree[v], str(graph.nodes[v].get("label", v))))[:max_labels]
    drawn.labels = {v: str(graph.nodes[v].get("label", v)) for v in keep}
    below = {v: (pos[v][0], pos[v][1] - 0.018) for v in keep}  # under the node, not over it
    drawn.artists["labels"] = nx.draw_networkx_labels(
        graph, below, labels=drawn.labels, font_size=8 if len(keep) < 30 else 7, ax=ax, verticalalignment="top",
        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
    kinds = [k for k in KIND_COLOURS if any(d.get("kind") == k for _, d in graph.nodes(data=True))]
    handles = [Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=KIND_COLOURS[k],
                      markeredgecolor="white", label=KIND_NAMES[k]) for k in kinds]
    drawn.artists["legend"] = ax.legend(handles=handles, loc="lower left", frameon=True, fontsize=8,
                                        title="size = links")
    ax.set_title(str(graph.graph.get("title", "")))
    ax.set_axis_off()
    ax.margins(0.08)
    return drawn


def _save(graph: nx.Graph, path: Path, fmt: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    n = graph.number_of_nodes()
    side = min(8 + n ** 0.5 * 0.6, 30)
    fig = Figure(figsize=(side * 1.4, side), dpi=110)
    draw(graph, fig.add_subplot())
    fig.tight_layout()
    fig.savefig(str(path), format=fmt, metadata={"Date": None} if fmt == "svg" else None)


def write_png(graph: nx.Graph, path: Path) -> None:
    _save(graph, path, "png")


def write_svg(graph: nx.Graph, path: Path) -> None:
    _save(graph, path, "svg")
