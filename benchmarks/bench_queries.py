"""Every library query on a store of N generated letters, built once and cached: median of repeated runs.

    python benchmarks/bench_queries.py [--count 10000] [--seed 1] [--cache DIR] [--repeat 3] [--json]
    python benchmarks/bench_queries.py --build-only            # just build (or find) the cached store
    python benchmarks/bench_queries.py --query-dir DIR          # time the .rq files of DIR instead
    python benchmarks/bench_queries.py --compare OLD_DIR        # also check OLD_DIR's queries give the same rows

The store is built by `ofsted_kg.api.ingest` (bulk loads) from `generate.py --count N --seed S` letters,
under `--cache` (default: $TMPDIR/okg-bench-cache/store-N-sS); a `built.json` there marks it finished, so
later runs reuse it. The builder runs under `nice -n 10` when started from this script.

Each query runs in its own process on the read-only store (so a runaway query can be stopped at
`--timeout`), first once untimed to warm the page cache, then `--repeat` timed runs; the median is kept,
of the wall time and of the process's CPU time (which the machine's other work inflates less).
Parameters are the typical ones an analyst would give: the authority with the most visits and the
surname of the inspector on the most of that authority's visits (so that `evidence-for-inspector` has rows). It prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def default_cache(count: int, seed: int) -> Path:
    return Path(tempfile.gettempdir()) / "okg-bench-cache" / f"store-{count}-s{seed}"


def build(cache: Path, count: int, seed: int) -> dict[str, Any]:
    """Generate the letters and ingest them into cache/store, unless built.json says it was done."""
    marker = cache / "built.json"
    if marker.exists():
        return dict(json.loads(marker.read_text()))
    from generate import generate

    from ofsted_kg.api import ingest
    from ofsted_kg.store import OxigraphStore

    letters, store_dir = cache / "letters", cache / "store"
    letters.mkdir(parents=True, exist_ok=True)
    if store_dir.exists() and any(store_dir.iterdir()):
        raise SystemExit(f"{store_dir}: a store without {marker.name} (an interrupted build?); remove {cache}")
    t0 = time.perf_counter()
    for name, text in generate(count, seed):
        (letters / name).write_text(text, encoding="utf-8")
    generated = time.perf_counter() - t0
    store = OxigraphStore(store_dir)
    t1 = time.perf_counter()
    result = ingest([letters], store, bulk=True)
    store.flush()
    info = {"count": count, "seed": seed, "letters_loaded": len(result.loaded), "quads": store.count(),
            "generate_s": round(generated, 1), "ingest_s": round(time.perf_counter() - t1, 1),
            "built": time.strftime("%Y-%m-%d %H:%M:%S")}
    del store
    marker.write_text(json.dumps(info, indent=2))
    return info


def params(store_dir: Path) -> dict[str, str]:
    """The authority with most visits, and the surname of the inspector on most of its visits."""
    from ofsted_kg.store import OxigraphStore

    store = OxigraphStore(store_dir, read_only=True)
    q = ("PREFIX okg: <https://w3id.org/ofsted-kg/ontology#> SELECT ?a (COUNT(DISTINCT ?v) AS ?n) "
         "WHERE { ?v okg:visitOf/okg:name ?a } GROUP BY ?a ORDER BY DESC(?n) ?a LIMIT 1")
    authority = str(store.select(q).rows[0]["a"])
    q = ("PREFIX okg: <https://w3id.org/ofsted-kg/ontology#> SELECT ?name (COUNT(DISTINCT ?v) AS ?n) "
         "WHERE { ?v okg:visitOf/okg:name ?a ; okg:inspector/okg:name ?name } GROUP BY ?name ORDER BY DESC(?n) ?name LIMIT 1")
    inspector = str(store.select(q, {"a": authority}).rows[0]["name"]).split()[-1]
    return {"authority": authority, "inspector": inspector}


def _load(name: str, query_dir: str | None) -> Any:
    from ofsted_kg.queries.library import load_query

    return load_query(str(Path(query_dir) / f"{name}.rq") if query_dir else name)


def _rows(result: Any) -> list[tuple[str, ...]]:
    return sorted(tuple("" if r[n] is None else str(r[n]) for n in result.variables) for r in result.rows)


def child_query(store_dir: str, name: str, given: dict[str, str], repeat: int, query_dir: str | None,
                compare_dir: str | None) -> dict[str, Any]:
    from ofsted_kg.store import OxigraphStore

    store = OxigraphStore(store_dir, read_only=True)
    q = _load(name, query_dir)
    bindings = q.bind([f"{k}={given[k]}" for k in q.params])
    result = store.select(q.text, bindings)  # warm-up, untimed
    times, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = store.select(q.text, bindings)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    out: dict[str, Any] = {"median_ms": round(statistics.median(times) * 1000, 1),
                           "median_cpu_ms": round(statistics.median(cpu) * 1000, 1),
                           "runs_ms": [round(t * 1000, 1) for t in times], "rows": len(result.rows),
                           "columns": list(result.variables)}
    if compare_dir:
        old = _load(name, compare_dir)
        old_result = store.select(old.text, old.bind([f"{k}={given[k]}" for k in old.params]))
        out["same_as_compared"] = (list(old_result.variables) == list(result.variables)
                                   and _rows(old_result) == _rows(result))
    return out


def _child(*args: str, timeout: float) -> dict[str, Any] | None:
    cmd = [sys.executable, __file__, "--child", *args]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        return {"median_ms": None, "error": done.stderr.strip().splitlines()[-1][:200] if done.stderr.strip() else "failed"}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def run(args: argparse.Namespace) -> dict[str, Any]:
    from ofsted_kg.queries.library import library, parse_query

    cache = Path(args.cache) if args.cache else default_cache(args.count, args.seed)
    if not (cache / "built.json").exists():
        print(f"building the {args.count}-letter store in {cache} (nice -n 10) ...", file=sys.stderr)
        cmd = ["nice", "-n", "10", sys.executable, __file__, "--child-build", str(cache), str(args.count), str(args.seed)]
        subprocess.run(cmd, check=True)
    info = json.loads((cache / "built.json").read_text())
    if args.query_dir:
        names = sorted(p.stem for p in Path(args.query_dir).glob("*.rq"))
        queries = {n: parse_query(n, (Path(args.query_dir) / f"{n}.rq").read_text(encoding="utf-8")) for n in names}
    else:
        queries = {q.name: q for q in library()}
    if args.only:
        queries = {n: q for n, q in queries.items() if n in args.only}
    given = params(cache / "store")
    out: dict[str, Any] = {"store": str(cache), "build": info, "params": given, "repeat": args.repeat,
                           "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
                           f"Python {platform.python_version()}", "started": time.strftime("%Y-%m-%d %H:%M:%S"),
                           "load_before": os.getloadavg(), "queries": {}}
    for name in queries:
        print(f"query {name} ...", file=sys.stderr)
        res = _child(str(cache / "store"), name, json.dumps(given), str(args.repeat), args.query_dir or "",
                     args.compare or "", timeout=args.timeout * (args.repeat + 2) + 30)
        out["queries"][name] = res or {"median_ms": None, "error": f"over {args.timeout:.0f} s"}
    out["load_after"] = os.getloadavg()
    return out


def report(r: dict[str, Any]) -> str:
    b = r["build"]
    lines = [f"{b['letters_loaded']:,} letters, {b['quads']:,} quads ({r['store']}); {r['machine']}",
             f"parameters: {r['params']}; median of {r['repeat']} warm runs; started {r['started']}, "
             f"load average {r['load_before'][0]:.1f} before, {r['load_after'][0]:.1f} after", ""]
    compared = any("same_as_compared" in q for q in r["queries"].values())
    lines += ["| query | median | runs | CPU (median) | rows |" + (" same rows |" if compared else ""),
              "|---|---|---|---|---|" + ("---|" if compared else "")]
    for name, q in r["queries"].items():
        ms = q.get("median_ms")
        runs = ", ".join(f"{t:,.0f}" for t in q.get("runs_ms", []))
        cpu = q.get("median_cpu_ms")
        row = (f"| {name} | {f'{ms:,.0f} ms' if ms is not None else q.get('error')} | {runs} | "
               f"{f'{cpu:,.0f} ms' if cpu is not None else '-'} | {q.get('rows', '-')} |")
        if compared:
            row += f" {q.get('same_as_compared', '-')} |"
        lines.append(row)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--count", type=int, default=10000, help="letters (10000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cache", help="where the store is built and kept (default: $TMPDIR/okg-bench-cache/store-N-sS)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each query (3)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds a run may take before the query is abandoned")
    ap.add_argument("--query-dir", help="time the .rq files of this folder instead of the library")
    ap.add_argument("--compare", help="a folder of .rq files: check each query gives the same rows as its namesake there")
    ap.add_argument("--only", nargs="*", help="just these queries")
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", nargs=6, help=argparse.SUPPRESS)
    ap.add_argument("--child-build", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child_build:
        cache, count, seed = args.child_build
        print(json.dumps(build(Path(cache), int(count), int(seed))))
    elif args.child:
        store, name, given, repeat, query_dir, compare_dir = args.child
        print(json.dumps(child_query(store, name, json.loads(given), int(repeat), query_dir or None, compare_dir or None)))
    elif args.build_only:
        cache = Path(args.cache) if args.cache else default_cache(args.count, args.seed)
        if not (cache / "built.json").exists():
            subprocess.run(["nice", "-n", "10", sys.executable, __file__, "--child-build", str(cache),
                            str(args.count), str(args.seed)], check=True)
        print((cache / "built.json").read_text())
    else:
        result = run(args)
        print(json.dumps(result, indent=2) if args.json else report(result))


if __name__ == "__main__":
    main()
