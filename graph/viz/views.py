"""The views' graphs, built with networkx from SPARQL rows (see viz-*.rq beside this module).

Nodes are keyed by IRI and carry `kind` (authority, inspector, director, visit, judgement), `label`,
the `dates` of the visits behind them and a `visits` count; edges carry `weight` (visits), `years` and
`dates`. Every builder ends by placing the nodes (`x`, `y` in 0..1) with a seeded layout, so each
format draws the same picture.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any

import networkx as nx

from ofsted_kg.graph.viz import LAYOUT_SEED

KINDS = ("authority", "inspector", "director", "visit", "judgement")  # legend order


def inspectors_authorities(rows: list[dict[str, Any]]) -> nx.Graph:
    """Bipartite: inspectors and the authorities they visited; an edge's weight is the number of visits."""
    g = nx.Graph()
    visits: dict[tuple[str, str], dict[str, str | None]] = defaultdict(dict)  # edge -> visit -> start
    for r in rows:
        _add_node(g, r["auth"], "authority", r["authority"], r["visit"], r["start"])
        _add_node(g, r["inspector"], "inspector", r["inspector_name"], r["visit"], r["start"])
        visits[(r["auth"], r["inspector"])][r["visit"]] = r["start"]
    for (a, i), by_visit in visits.items():
        g.add_edge(a, i, **_edge_attrs(by_visit))
    _finish_nodes(g)
    place(g, "bipartite")
    return g


def co_inspectors(rows: list[dict[str, Any]]) -> nx.Graph:
    """Inspectors, linked when they were named on the same visit; weight = shared visits."""
    g = nx.Graph()
    team: dict[str, set[str]] = defaultdict(set)
    starts: dict[str, str | None] = {}
    where: dict[str, str] = {}
    for r in rows:
        _add_node(g, r["inspector"], "inspector", r["inspector_name"], r["visit"], r["start"])
        team[r["visit"]].add(r["inspector"])
        starts[r["visit"]] = r["start"]
        where[r["visit"]] = r["authority"]
    shared: dict[tuple[str, str], dict[str, str | None]] = defaultdict(dict)
    for visit, people in team.items():
        for a, b in combinations(sorted(people), 2):
            shared[(a, b)][visit] = starts[visit]
    for (a, b), by_visit in shared.items():
        g.add_edge(a, b, **_edge_attrs(by_visit), authorities=sorted({where[v] for v in by_visit}))
    _finish_nodes(g)
    place(g, "spring")
    return g


ROLE_KIND = {"inspector": "inspector", "director": "director", "previous": "judgement", "judgement": "judgement"}
ROLE_RELATION = {"inspector": "inspected by", "director": "letter addressed to", "previous": "restates judgement",
                 "judgement": "judged"}


def authority_timeline(rows: list[dict[str, Any]]) -> nx.Graph:
    """One authority, its visits in date order, and each visit's inspectors, director and judgements.

    The picture's own facts are kept as a table in `g.graph["timeline"]` (timeline.py draws it): each
    visit's dates and kind, the judgements awarded (overall and by area, with the framework-neutral area
    and the grade's rank) and restated, and each director's letters and post."""
    g = nx.Graph()
    table: dict[str, Any] = {"visits": {}, "awarded": [], "restated": [], "directors": {}}
    g.graph["timeline"] = table
    for r in rows:
        _timeline_row(table, r)
        _add_node(g, r["auth"], "authority", _authority_label(r), r["visit"], r["start"])
        kind = (r["kind"] or "visit").replace("_", " ")
        seq = f" #{r['sequence']}" if r["sequence"] else ""
        _add_node(g, r["visit"], "visit", f"{kind}{seq} {r['start'] or '(no date)'}", r["visit"], r["start"])
        g.nodes[r["visit"]].update(start=r["start"], end=r["end"], visit_kind=kind, sequence=r["sequence"])
        g.add_edge(r["auth"], r["visit"], relation="visit of", weight=1, dates=[r["start"]] if r["start"] else [])
        role = r["role"]
        if role is None:
            continue
        if role == "area":  # an area's grade is drawn on the timeline and listed on its visit, not a node
            areas = g.nodes[r["visit"]].setdefault("areas", [])
            item = f"{r.get('area_name') or r['area']}: {r['grade'].replace('_', ' ')}"
            if item not in areas:
                areas.append(item)
            continue
        if role in ("previous", "judgement"):  # one node per grade and date, shared by the letters restating it
            when = r["date"] or (r["start"] or "")[:7]
            node = f"judgement:{r['grade']}:{when}"
            label = f"{r['grade'].replace('_', ' ')} ({when})" if when else r["grade"].replace("_", " ")
        else:
            node, label = r["node"], r["node_name"]
        _add_node(g, node, ROLE_KIND[role], label, r["visit"], r["start"])
        if role in ("previous", "judgement"):  # awarded when any letter awards it, else only restated
            how = "awarded" if role == "judgement" else "restated"
            if g.nodes[node].get("how") != "awarded":
                g.nodes[node]["how"] = how
        g.add_edge(r["visit"], node, relation=ROLE_RELATION[role], weight=1,
                   dates=[r["start"]] if r["start"] else [])
    _finish_nodes(g)
    place(g, "timeline")
    return g


def _timeline_row(table: dict[str, Any], r: dict[str, Any]) -> None:
    """Fold one row of viz-authority-timeline.rq into the timeline's table (duplicates dropped)."""
    visit = table["visits"].setdefault(r["visit"], {"start": r["start"], "end": r["end"],
                                                    "kind": r["kind"] or "other", "sequence": r["sequence"]})
    role = r["role"]
    if role in ("judgement", "area"):
        item = {"visit": r["visit"], "date": visit["start"], "area": str(r["area"] or ""),
                "area_name": "overall effectiveness" if role == "judgement" else str(r.get("area_name") or ""),
                "grade": r["grade"], "rank": r.get("rank")}
        if item not in table["awarded"]:
            table["awarded"].append(item)
    elif role == "previous":
        item = {"visit": r["visit"], "grade": r["grade"], "date": str(r["date"] or ""), "stated": visit["start"]}
        if item not in table["restated"]:
            table["restated"].append(item)
    elif role == "director":
        d = table["directors"].setdefault(r["node"], {"name": r["node_name"], "letters": [], "visits": [],
                                                      "post_from": None, "post_to": None})
        for key, value in (("letters", r.get("letter_date")), ("visits", visit["start"])):
            if value and value not in d[key]:
                d[key].append(value)
        if r.get("post_from"):
            d["post_from"] = min(filter(None, (d["post_from"], r["post_from"])))
        if r.get("post_to"):
            d["post_to"] = max(filter(None, (d["post_to"], r["post_to"])))


def _authority_label(r: dict[str, Any]) -> str:
    return str(r.get("authority") or r["auth"].rsplit("/", 1)[-1].replace("-", " ").title())


def _add_node(g: nx.Graph, node: str, kind: str, label: str, visit: str, start: str | None) -> None:
    if node not in g:
        g.add_node(node, kind=kind, label=label, _visits={})
    g.nodes[node]["_visits"][visit] = start


def _edge_attrs(by_visit: dict[str, str | None]) -> dict[str, Any]:
    dates = sorted(d for d in by_visit.values() if d)
    return {"weight": len(by_visit), "dates": dates, "years": sorted({int(d[:4]) for d in dates}),
            "visit_ids": sorted(by_visit, key=lambda v: (by_visit[v] or "", v))}


def _finish_nodes(g: nx.Graph) -> None:
    for _, data in g.nodes(data=True):
        by_visit = data.pop("_visits")
        data["visits"] = len(by_visit)
        data["dates"] = sorted(d for d in by_visit.values() if d)
        data["visit_ids"] = sorted(by_visit, key=lambda v: (by_visit[v] or "", v))


def place(g: nx.Graph, how: str) -> None:
    """Seeded positions in 0..1 as node attributes `x`, `y`."""
    if g.number_of_nodes() == 0:
        return
    if how == "timeline":  # stretched to the square: time runs across, roles down
        raw = _timeline_layout(g)
        xs, ys = [p[0] for p in raw.values()], [p[1] for p in raw.values()]
        w, h = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
        pos = {v: ((x - min(xs)) / w, (y - min(ys)) / h) for v, (x, y) in raw.items()}
    else:  # same scale both ways, centred
        pos = _unit(_packed_layout(g, bipartite=how == "bipartite"))
    for v, (x, y) in pos.items():
        g.nodes[v]["x"] = round(x, 5)
        g.nodes[v]["y"] = round(y, 5)


def _packed_layout(g: nx.Graph, bipartite: bool) -> dict[Any, tuple[float, float]]:
    """Each connected component laid out on its own (seeded spring layout), then packed on shelves, largest first.

    A single force layout of many small components scatters them in a ring and squeezes each one; packing
    keeps every component legible.
    """
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(g)), key=lambda c: (-len(c), str(c[0])))
    cells = []
    for nodes in comps:
        sub = g.subgraph(nodes)
        n = len(nodes)
        if n == 1:
            local = {nodes[0]: (0.5, 0.5)}
        else:
            start = None
            if bipartite and n <= 200:
                top = [v for v in nodes if g.nodes[v]["kind"] == "authority"]
                start = nx.bipartite_layout(sub, top) if top and len(top) < n else None
            if n < 500:
                local = nx.spring_layout(sub, k=1.2 / n ** 0.5, pos=start, seed=LAYOUT_SEED, iterations=50, weight=None)
            else:  # networkx's own path for big graphs needs scipy, which we do not depend on
                local = _big_spring_layout(sub, iterations=40 if n <= 1500 else 25)
            local = _unit(local)
        cells.append((n ** 0.5, local))  # side of the cell grows with the square root of the size
    # shelves as wide as a landscape screen (16:10) needs, so the first view fills it
    width = max(max(side for side, _ in cells), 1.3 * (1.6 * sum(side * side for side, _ in cells)) ** 0.5)
    pos: dict[Any, tuple[float, float]] = {}
    x = y = shelf = 0.0
    gap = 0.6
    for side, local in cells:
        if x > 0 and x + side > width:
            x, y, shelf = 0.0, y + shelf + gap, 0.0
        inner = side * 0.85
        for v, (px, py) in local.items():
            pos[v] = (x + (side - inner) / 2 + px * inner, y + (side - inner) / 2 + py * inner)
        x += side + gap
        shelf = max(shelf, side)
    return pos


SAMPLE_ABOVE, SAMPLE = 2000, 400


def _big_spring_layout(g: nx.Graph, iterations: int) -> dict[Any, tuple[float, float]]:
    """Fruchterman-Reingold in numpy, repulsion computed in blocks so memory stays small (seeded)."""
    import numpy as np

    nodes = list(g)
    index = {v: i for i, v in enumerate(nodes)}
    n = len(nodes)
    rng = np.random.default_rng(LAYOUT_SEED)
    pos = rng.random((n, 2))
    edges = np.array([(index[a], index[b]) for a, b in g.edges()], dtype=int).reshape(-1, 2)
    k = 1.0 / n ** 0.5
    t = 0.1
    # past SAMPLE_ABOVE nodes, each node is pushed by a fresh random sample of SAMPLE nodes, scaled up to
    # all n: O(n * SAMPLE) an iteration instead of O(n^2) (10,000 nodes: minutes -> seconds)
    sampled = n > SAMPLE_ABOVE
    for _ in range(iterations):
        disp = np.zeros((n, 2))
        others = pos[rng.choice(n, SAMPLE, replace=False)] if sampled else pos
        scale = n / SAMPLE if sampled else 1.0
        for s in range(0, n, 512):
            d = pos[s:s + 512, None, :] - others[None, :, :]
            dist2 = np.maximum((d * d).sum(-1), 1e-6)
            disp[s:s + 512] += scale * (d * (k * k / dist2)[..., None]).sum(1)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.maximum(np.sqrt((delta * delta).sum(1)), 1e-6)
            pull = delta * (dist / k)[:, None]
            np.add.at(disp, edges[:, 0], -pull)
            np.add.at(disp, edges[:, 1], pull)
        length = np.maximum(np.sqrt((disp * disp).sum(1)), 1e-9)
        pos += disp * (np.minimum(length, t) / length)[:, None]
        t -= 0.1 / (iterations + 1)
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for v, i in index.items()}


def _unit(pos: dict[Any, Any]) -> dict[Any, tuple[float, float]]:
    xs = [float(p[0]) for p in pos.values()]
    ys = [float(p[1]) for p in pos.values()]
    w, h = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    side = max(w, h)
    return {v: ((float(p[0]) - min(xs)) / side + (1 - w / side) / 2, (float(p[1]) - min(ys)) / side + (1 - h / side) / 2)
            for v, p in pos.items()}


def _timeline_layout(g: nx.Graph) -> dict[Any, tuple[float, float]]:
    """Visits left to right by date; inspectors above, directors and judgements below, by their visits."""
    visits = sorted((v for v, d in g.nodes(data=True) if d["kind"] == "visit"),
                    key=lambda v: (g.nodes[v].get("start") or "9999", v))
    pos: dict[Any, tuple[float, float]] = {v: (float(i + 1), 0.0) for i, v in enumerate(visits)}
    rows = {"inspector": 1.0, "director": -1.0, "judgement": -2.0}
    used: dict[tuple[str, float], int] = defaultdict(int)
    others = sorted((v for v, d in g.nodes(data=True) if d["kind"] in rows), key=lambda v: g.nodes[v]["label"])
    for v in others:
        kind = g.nodes[v]["kind"]
        xs = [pos[u][0] for u in g.neighbors(v) if u in pos]
        x = round(sum(xs) / len(xs), 1) if xs else 0.0
        slot = used[(kind, x)]
        used[(kind, x)] += 1
        step = 0.35 * slot * (1 if kind == "inspector" else -1)
        pos[v] = (x + 0.15 * slot, rows[kind] + step)
    for v, d in g.nodes(data=True):
        if d["kind"] == "authority":
            pos[v] = (0.0, -0.6)  # off the line of visits, so its edges fan out
    return pos
