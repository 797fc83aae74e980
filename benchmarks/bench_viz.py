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
import os
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
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        out = subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                              "--disable-background-networking", "--disable-component-update", "--disable-sync",
                              f"--user-data-dir={profile}", "--window-size=1400,900", "--dump-dom",
                              page.as_uri() + fragment], capture_output=True, text=True, timeout=600)
    body = re.search(r"<body([^>]*)>", out.stdout)
    if not body:
        sys.exit(f"no page from chromium: {out.stderr[-1000:]}")
    return dict(re.findall(r'([\w-]+)="([^"]*)"', body.group(1)))


def raf_pan(page: Path, flags: list[str], overrides: dict[str, Any], frames: int = 120) -> dict[str, Any]:
    """Open the page as #bench-raf in headless Chromium driven over the DevTools protocol (a pipe, stdlib
    only), wait until it is drawn, then pan it for `frames` animation frames (bench.js's ofstedBenchPan):
    the frame times are the intervals between real requestAnimationFrame callbacks."""
    exe = shutil.which("chromium")
    if not exe:
        sys.exit("chromium is needed (Debian's chromium package; scripts/test.sh installs it)")
    to_chrome_r, to_chrome_w = os.pipe()
    from_chrome_r, from_chrome_w = os.pipe()
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        proc = subprocess.Popen(
            [exe, "--headless", "--no-sandbox", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}", "--window-size=1400,900",
             "--remote-debugging-pipe", *flags, page.as_uri() + "#bench-raf"],
            pass_fds=(3, 4, to_chrome_r, from_chrome_w), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=lambda: (os.dup2(to_chrome_r, 3), os.dup2(from_chrome_w, 4)))  # noqa: PLW1509
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        out, buf, ids = os.fdopen(to_chrome_w, "wb"), b"", iter(range(1, 10**6))

        def call(method: str, params: dict[str, Any], session: str | None = None) -> dict[str, Any]:
            nonlocal buf
            mid = next(ids)
            msg: dict[str, Any] = {"id": mid, "method": method, "params": params}
            if session:
                msg["sessionId"] = session
            out.write(json.dumps(msg).encode() + b"\0")
            out.flush()
            while True:
                while b"\0" not in buf:
                    chunk = os.read(from_chrome_r, 1 << 16)
                    if not chunk:
                        raise RuntimeError("chromium closed the pipe")
                    buf += chunk
                line, _, buf = buf.partition(b"\0")
                reply = json.loads(line)
                if reply.get("id") == mid:
                    if "error" in reply:
                        raise RuntimeError(f"{method}: {reply['error']}")
                    return dict(reply.get("result", {}))

        try:
            target = ""
            for _ in range(100):
                pages = [t for t in call("Target.getTargets", {})["targetInfos"] if t["type"] == "page"]
                if pages:
                    target = pages[0]["targetId"]
                    break
                time.sleep(0.1)
            session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            wait = ("new Promise(function (ok) { (function poll() { if (window.ofstedBenchPan && document.readyState === "
                    "'complete') ok(performance.now()); else setTimeout(poll, 50); })(); })")
            for attempt in range(50):  # the first context may be the blank page the target started on
                try:
                    ready = call("Runtime.evaluate", {"expression": wait, "awaitPromise": True, "returnByValue": True},
                                 session)
                    break
                except RuntimeError:
                    if attempt == 49:
                        raise
                    time.sleep(0.2)
            expr = f"window.ofstedBenchPan({frames}, {json.dumps(overrides)})"
            got = call("Runtime.evaluate", {"expression": expr, "awaitPromise": True, "returnByValue": True}, session)
            value = dict(got["result"]["value"])
            value["ready_ms"] = ready["result"]["value"]
            return value
        finally:
            proc.kill()
            proc.wait()
            out.close()
            os.close(from_chrome_r)


EMPTY_PAGE = """<!DOCTYPE html><html><body><script>
window.ofstedBenchPan = function (frames) {
  return new Promise(function (resolve) {
    var stamps = [], i = 0;
    function step(t) {
      stamps.push(t);
      if (i++ >= frames) {
        var gaps = [];
        for (var k = 1; k < stamps.length; k++) gaps.push(stamps[k] - stamps[k - 1]);
        resolve({ gaps: gaps, dpr: window.devicePixelRatio });
        return;
      }
      requestAnimationFrame(step);
    }
    requestAnimationFrame(step);
  });
};
</script></body></html>
"""


def summary(gaps: list[float]) -> dict[str, float]:
    s = sorted(gaps)
    mean = sum(s) / len(s)
    return {"mean": round(mean, 1), "median": round(s[len(s) // 2], 1), "p95": round(s[int(len(s) * 0.95)], 1),
            "fps": round(1000 / mean, 1)}


# (name, Chromium flags, sigma settings set before the pan): what issue 19 asked to try
VARIANTS: list[tuple[str, list[str], dict[str, Any]]] = [
    ("as shipped (--disable-gpu)", ["--disable-gpu"], {}),
    ("+ hideLabelsOnMove", ["--disable-gpu"], {"hideLabelsOnMove": True}),
    ("+ hideEdgesOnMove + hideLabelsOnMove", ["--disable-gpu"], {"hideEdgesOnMove": True, "hideLabelsOnMove": True}),
    ("+ no labels (threshold 1e9), edges hidden on move", ["--disable-gpu"],
     {"hideEdgesOnMove": True, "hideLabelsOnMove": True, "labelRenderedSizeThreshold": 1e9}),
    ("swiftshader flags, as shipped", ["--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist",
                                       "--enable-gpu-rasterization"], {}),
    ("swiftshader flags + hide edges and labels on move", ["--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                                                          "--ignore-gpu-blocklist", "--enable-gpu-rasterization"],
     {"hideEdgesOnMove": True, "hideLabelsOnMove": True}),
]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=10_000)
    ap.add_argument("--edges", type=int, default=50_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3, help="Chromium runs of the page (default 3)")
    ap.add_argument("--keep", type=Path, help="write the page here and leave it")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--raf", action="store_true", help="instead: pan by real animation frames over the DevTools "
                    "protocol, once per variant of Chromium flags and sigma settings (VARIANTS)")
    ap.add_argument("--baseline-only", action="store_true", help="with --raf: only the baselines and the page as "
                    "shipped, interleaved run by run")
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
        if args.raf:
            # baselines, same Chromium and flags: an empty page's animation frames, and the same page drawing a
            # 30-node graph; the 10,000-node figures are read against them (this machine's ceiling)
            empty = Path(tmp) / "empty.html"
            empty.write_text(EMPTY_PAGE, encoding="utf-8")
            tiny_rows, tiny_facts = synthetic_rows(30, 60, args.seed)
            tiny_g = inspectors_authorities(tiny_rows)
            annotate(tiny_g, visit_table(tiny_facts))
            tiny = Path(tmp) / "tiny.html"
            tiny.write_text(render_html(tiny_g), encoding="utf-8")
            for _ in range(args.runs):
                for name, path, g_ in (("baseline: empty page, rAF loop", empty, None),
                                       ("baseline: this page, 30 nodes", tiny, tiny_g), ("this page", page, g)):
                    got = raf_pan(path, ["--disable-gpu"], {})
                    print(json.dumps({"variant": name, "nodes": g_.number_of_nodes() if g_ else 0,
                                      "edges": g_.number_of_edges() if g_ else 0, "page_ready_ms": round(got["ready_ms"]),
                                      "load": round(os.getloadavg()[0], 1), **summary(got["gaps"])}), flush=True)
            if args.baseline_only:
                return
            for name, flags, overrides in VARIANTS:
                for _ in range(args.runs):
                    got = raf_pan(page, flags, overrides)
                    print(json.dumps({"variant": name, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                                      "page_ready_ms": round(got["ready_ms"]), "dpr": got["dpr"],
                                      "load": round(os.getloadavg()[0], 1),
                                      **summary(got["gaps"])}), flush=True)
            return
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
