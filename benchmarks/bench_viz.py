"""Time the HTML network view at national scale: layout in Python, then first frame and pan frames in headless Chromium.

A synthetic inspectors-authorities graph (default 10,000 nodes, 50,000 edges) goes through the real
builder (`views.inspectors_authorities`, including its seeded layout), the real visit facts
(`facts.annotate`) and the real page (`html.render_html`); only the SPARQL is skipped. Chromium opens the
page as page.html#bench, whose bench.js writes its timings on <body>. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_viz.py [--nodes 10000] [--edges 50000] [--keep page.html] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ofsted_kg.graph.viz.facts import annotate, visit_table
from ofsted_kg.graph.viz.html import render_html
from ofsted_kg.graph.viz.views import inspectors_authorities

KINDS = ["inspection", "monitoring_visit", "focused_visit", "joint_targeted_area_inspection", "assurance_visit"]
GRADES = ["outstanding", "good", "requires_improvement", "inadequate"]


def synthetic_rows(nodes: int, edges: int, seed: int = 1) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows as viz-visits.rq and viz-visit-facts.rq give them: `nodes` authorities and inspectors joined by
    `edges` distinct (authority, inspector) pairs; inspectors' workloads are skewed (a few very busy)."""
    import csv
    from importlib import resources

    rng = random.Random(seed)
    with resources.files("ofsted_kg.data").joinpath("authorities.csv").open(encoding="utf-8") as f:
        names = [r["name"] for r in csv.DictReader(f)]
    authorities = names[: min(len(names), nodes // 10)]
    inspectors = [f"Inspector {i}" for i in range(nodes - len(authorities))]
    visits: dict[str, list[str]] = {a: [] for a in authorities}
    rows: list[dict[str, Any]] = []
    facts: list[dict[str, Any]] = []
    pairs: set[tuple[str, str]] = set()
    starts: dict[str, str] = {}
    # every inspector visits at least once, so every node has an edge; then skewed extra visits
    order = inspectors + [inspectors[int(len(inspectors) * rng.random() ** 3)] for _ in range(edges * 2)]
    for person in order:
        if len(pairs) >= edges:
            break
        a = rng.choice(authorities)
        if (a, person) in pairs:
            continue
        pairs.add((a, person))
        if not visits[a] or rng.random() < 0.12:
            year = rng.randint(2010, 2026)
            vid = f"visit/{a}/{len(visits[a])}"
            visits[a].append(vid)
            start = starts[vid] = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            base = {"visit": vid, "start": start, "authority": a, "letter": vid, "node": vid, "area": None,
                    "date": None, "page": 1, "path": f"{vid}.pdf", "url": None}
            facts.append({**base, "fact": "kind", "value": rng.choice(KINDS), "exact": "Focused visit"})
            facts.append({**base, "fact": "restated", "value": rng.choice(GRADES), "date": f"{year - 2}-05",
                          "exact": "judged to be good"})
        vid = rng.choice(visits[a])
        start = starts[vid]
        rows.append({"visit": vid, "auth": f"auth/{a}", "authority": a, "inspector": f"person/{person}",
                     "inspector_name": person, "start": start, "end": None, "kind": None})
    return rows, facts


def chromium_attrs(page: Path, fragment: str) -> dict[str, str]:
    exe = shutil.which("chromium")
    if not exe:
        sys.exit("chromium is needed (Debian's chromium package; scripts/test.sh installs it)")
    with tempfile.TemporaryDirectory() as profile:
        out = subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                              "--disable-background-networking", "--disable-component-update", "--disable-sync",
                              f"--user-data-dir={profile}", "--window-size=1400,900", "--dump-dom",
                              page.as_uri() + fragment], capture_output=True, text=True, timeout=600)
    body = re.search(r"<body([^>]*)>", out.stdout)
    if not body:
        sys.exit(f"no page from chromium: {out.stderr[-1000:]}")
    return dict(re.findall(r'([\w-]+)="([^"]*)"', body.group(1)))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=10_000)
    ap.add_argument("--edges", type=int, default=50_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3, help="Chromium runs of the page (default 3)")
    ap.add_argument("--keep", type=Path, help="write the page here and leave it")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    rows, facts = synthetic_rows(args.nodes, args.edges, args.seed)
    t0 = time.perf_counter()
    g = inspectors_authorities(rows)
    t_build = time.perf_counter() - t0
    annotate(g, visit_table(facts))
    t0 = time.perf_counter()
    text = render_html(g)
    t_render = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        page = args.keep or Path(tmp) / "bench.html"
        page.write_text(text, encoding="utf-8")
        runs = [chromium_attrs(page, "#bench") for _ in range(args.runs)]
    result = {
        "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "page_mb": round(len(text.encode()) / 1e6, 2),
        "build_and_layout_s": round(t_build, 2), "render_html_s": round(t_render, 2),
        "runs": [{k.removeprefix("data-bench-"): v for k, v in r.items() if k.startswith("data-bench-")}
                 | {"errors": r.get("data-errors"), "drawn_nodes": r.get("data-drawn-nodes")} for r in runs],
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"graph: {result['nodes']} nodes, {result['edges']} edges; page {result['page_mb']} MB")
    print(f"python: build + seeded layout {result['build_and_layout_s']} s, HTML {result['render_html_s']} s")
    for i, r in enumerate(result["runs"], 1):
        print(f"chromium run {i}: first frame {r.get('first-frame-ms')} ms; pan frame mean {r.get('frame-ms-mean')} ms, "
              f"median {r.get('frame-ms-median')}, p95 {r.get('frame-ms-p95')}, max {r.get('frame-ms-max')} "
              f"({r.get('frames')} frames, {r.get('webgl')} WebGL contexts, {r['drawn_nodes']} nodes drawn, "
              f"errors {r['errors']})")


if __name__ == "__main__":
    main()
