"""GraphML and GEXF for Gephi and Cytoscape: attributes coerced to the types those formats allow.

networkx refuses lists and None in both: lists are joined with "; ", None and tables (dicts) are dropped, and a key holding
mixed types becomes a string everywhere, so each key has one declared type.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from ofsted_kg.graph.viz.palette import KIND_COLOURS

SCALARS = (bool, int, float, str)


def coerce(value: Any) -> Any:
    """A value GraphML/GEXF can hold, or None to drop it."""
    if value is None or isinstance(value, dict):  # a table (the views' visit facts) is no attribute value
        return None
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return "; ".join(str(v) for v in items if v is not None)
    if isinstance(value, SCALARS):
        return value
    return str(value)


def portable(graph: nx.Graph) -> nx.Graph:
    """A copy of `graph` whose graph, node and edge attributes all have one scalar type per key."""
    out = graph.__class__()
    out.graph.update({k: c for k, v in graph.graph.items() if (c := coerce(v)) is not None})
    for v, data in graph.nodes(data=True):
        out.add_node(str(v), **{k: c for k, val in data.items() if (c := coerce(val)) is not None})
    for a, b, data in graph.edges(data=True):
        out.add_edge(str(a), str(b), **{k: c for k, val in data.items() if (c := coerce(val)) is not None})
    _one_type_per_key([d for _, d in out.nodes(data=True)])
    _one_type_per_key([d for _, _, d in out.edges(data=True)])
    return out


def _one_type_per_key(records: list[dict[str, Any]]) -> None:
    types: dict[str, set[type]] = {}
    for d in records:
        for k, v in d.items():
            types.setdefault(k, set()).add(type(v))
    for k, ts in types.items():
        if len(ts) == 1:
            continue
        target: type = float if ts <= {int, float} else str
        for d in records:
            if k in d:
                d[k] = target(d[k])


def write_graphml(graph: nx.Graph, path: Path) -> None:
    nx.write_graphml(portable(graph), str(path), encoding="utf-8", prettyprint=True, named_key_ids=True)


def write_gexf(graph: nx.Graph, path: Path) -> None:
    g = portable(graph)
    degree = dict(g.degree())
    for v, data in g.nodes(data=True):  # Gephi reads the layout, colour and size from viz:*
        r, gr, b = _rgb(KIND_COLOURS.get(str(data.get("kind")), "#888888"))
        data["viz"] = {"position": {"x": float(data.get("x", 0.0)) * 1000, "y": float(data.get("y", 0.0)) * -1000,
                                    "z": 0.0},
                       "color": {"r": r, "g": gr, "b": b, "a": 1.0}, "size": 4.0 + 2.0 * degree[v] ** 0.5}
    nx.write_gexf(g, str(path), encoding="utf-8", prettyprint=True)


def _rgb(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)
