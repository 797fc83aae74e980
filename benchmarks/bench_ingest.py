"""The real ingest, end to end, at scale: `ofsted_kg.api.ingest` with its worker pool, then every library query.

    python benchmarks/bench_ingest.py --count 10000 [--seed 1] [--workers 2] [--bulk] [--rdflib] [--json]

Letters come from benchmarks/generate.py (written to a temporary folder, or --letters DIR to reuse a
folder). The ingest (extract + build + SHACL-validate + load, as `ofsted-kg ingest` does it) runs in a
child process so that its peak memory is its own; it reports wall time, letters/s, quads/s, CPU
seconds of the main process and of the worker processes, the peak RSS of each, and the store's size
on disk. Then each library query runs --query-repeat times on the store (read-only, in a fresh
process per query so that a runaway query can be stopped at --query-timeout) and its median is kept.

With --store DIR the store is built there and kept (to try queries on it afterwards); --reuse then
skips the ingest and queries that store (with --letters, the folder it was built from).

With --rdflib the same store's content is exported as N-Quads and parsed into an in-memory
rdflib.Dataset(default_union=True) in another child process, and every query runs once on rdflib's own
SPARQL engine with the same text and bindings, for the ratio rdflib / Oxigraph. This takes minutes and
several GB at 10,000 letters.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def child_ingest(letters: str, store_dir: str, workers: int | None, bulk: bool) -> dict[str, Any]:
    from ofsted_kg.api import ingest
    from ofsted_kg.store import OxigraphStore

    store = OxigraphStore(store_dir)
    t0 = time.perf_counter()
    result = ingest([letters], store, workers=workers, bulk=bulk)
    wall = time.perf_counter() - t0
    store.flush()
    quads = store.count()
    del store
    size = sum(f.stat().st_size for f in Path(store_dir).rglob("*") if f.is_file())
    n = len(result.loaded)
    return {
        "letters_loaded": n, "quarantined": len(result.quarantined),
        "fatal_problems": sum(p.fatal for p in result.problems), "quads": quads,
        "wall_s": round(wall, 1), "letters_per_s": round(n / wall, 2), "quads_per_s": round(quads / wall),
        "cpu_main_s": round(_cpu(resource.RUSAGE_SELF), 1), "cpu_workers_s": round(_cpu(resource.RUSAGE_CHILDREN), 1),
        "peak_rss_main_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "peak_rss_worker_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        "store_mb_on_disk": round(size / 1e6),
    }


def _params(store_dir: str) -> dict[str, str]:
    """The authority with most letters, and the surname of the inspector on most visits."""
    from ofsted_kg.store import OxigraphStore

    store = OxigraphStore(store_dir, read_only=True)
    q = ("PREFIX okg: <https://w3id.org/ofsted-kg/ontology#> SELECT ?a (COUNT(DISTINCT ?v) AS ?n) "
         "WHERE { ?v okg:visitOf/okg:name ?a } GROUP BY ?a ORDER BY DESC(?n) LIMIT 1")
    authority = store.select(q).rows[0]["a"]
    q = ("PREFIX okg: <https://w3id.org/ofsted-kg/ontology#> SELECT ?name (COUNT(DISTINCT ?v) AS ?n) "
         "WHERE { ?v okg:inspector/okg:name ?name } GROUP BY ?name ORDER BY DESC(?n) LIMIT 1")
    inspector = str(store.select(q).rows[0]["name"]).split()[-1]
    return {"authority": str(authority), "inspector": inspector}


def _bindings(params: dict[str, str], wanted: dict[str, str]) -> dict[str, Any]:
    from ofsted_kg.queries.library import Query

    return Query("q", "", params=wanted).bind([f"{k}={params[k]}" for k in wanted])


def child_query(store_dir: str, name: str, params: dict[str, str], repeat: int) -> dict[str, Any]:
    from ofsted_kg.queries.library import load_query
    from ofsted_kg.store import OxigraphStore

    store = OxigraphStore(store_dir, read_only=True)
    q = load_query(name)
    bindings = _bindings(params, q.params)
    times, rows = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        rows = len(store.select(q.text, bindings).rows)
        times.append(time.perf_counter() - t0)
    return {"first_ms": round(times[0] * 1000, 1), "median_ms": round(statistics.median(times) * 1000, 1), "rows": rows}


def child_rdflib(dump: str, params: dict[str, str], timeout: float) -> dict[str, Any]:
    import signal

    from rdflib import Dataset

    from ofsted_kg.queries.library import library
    from ofsted_kg.store import bind_values

    t0 = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(dump, format="nquads")
    load = time.perf_counter() - t0
    out: dict[str, Any] = {"load_s": round(load, 1), "quads": len(ds),
                           "rss_after_load_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                           "queries": {}}

    def _stop(_s: int, _f: Any) -> None:
        raise TimeoutError

    signal.signal(signal.SIGALRM, _stop)
    for q in library():
        text = bind_values(q.text, _bindings(params, q.params)) if q.params else q.text
        signal.setitimer(signal.ITIMER_REAL, timeout)
        t1 = time.perf_counter()
        try:
            rows = len(list(ds.query(text)))
            out["queries"][q.name] = {"ms": round((time.perf_counter() - t1) * 1000, 1), "rows": rows}
        except TimeoutError:
            out["queries"][q.name] = {"ms": None, "error": f"over {timeout:.0f} s"}
        except Exception as e:  # rdflib's engine fails on some valid SPARQL
            out["queries"][q.name] = {"ms": None, "error": f"{type(e).__name__}: {e}"[:120]}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return out


def _child(kind: str, *args: str, timeout: float | None = None) -> dict[str, Any] | None:
    cmd = [sys.executable, __file__, "--child", kind, *args]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise SystemExit(f"{kind} child failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(args: argparse.Namespace) -> dict[str, Any]:
    from ofsted_kg.queries.library import library

    work = Path(tempfile.mkdtemp(prefix="okg-bench-"))
    try:
        if args.letters:
            letters = Path(args.letters)
        else:
            from generate import generate

            letters = work / "letters"
            letters.mkdir()
            for name, text in generate(args.count, args.seed):
                (letters / name).write_text(text, encoding="utf-8")
        files = [p for p in letters.iterdir() if p.is_file()]
        store = Path(args.store) if args.store else work / "store"
        if store.exists() and any(store.iterdir()) and not args.reuse:
            raise SystemExit(f"{store}: not empty (the benchmark ingests into an empty store; --reuse to query it)")
        out: dict[str, Any] = {
            "letters": len(files), "letter_mb": round(sum(p.stat().st_size for p in files) / 1e6, 1),
            "workers": args.workers or os.cpu_count(), "bulk": args.bulk, "machine": f"{platform.system()} {platform.machine()}, "
            f"{os.cpu_count()} CPUs, Python {platform.python_version()}",
        }
        if args.reuse:
            out["ingest"] = None
        else:
            print(f"ingesting {len(files)} letters ...", file=sys.stderr)
            out["ingest"] = _child("ingest", str(letters), str(store), str(args.workers or 0), str(int(args.bulk)))
        params = _params(str(store))
        out["params"] = params
        out["queries"] = {}
        for q in library():
            print(f"query {q.name} ...", file=sys.stderr)
            res = _child("query", str(store), q.name, json.dumps(params), str(args.query_repeat),
                         timeout=args.query_timeout * args.query_repeat + 30)
            out["queries"][q.name] = res or {"median_ms": None, "error": f"over {args.query_timeout:.0f} s"}
        if args.rdflib:
            from ofsted_kg.store import OxigraphStore

            dump = work / "dump.nq"
            with dump.open("wb") as f:
                OxigraphStore(store, read_only=True).dump(f, "nquads")
            print("rdflib: loading and querying ...", file=sys.stderr)
            out["rdflib"] = _child("rdflib", str(dump), json.dumps(params), str(args.query_timeout))
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(r: dict[str, Any]) -> str:
    i = r["ingest"]
    mode = "bulk loads" if r.get("bulk") else "one transaction per letter"
    lines = [f"{r['letters']} letters ({r['letter_mb']} MB), {r['workers']} workers, {mode}; {r['machine']}", ""]
    if i:
        lines += ["| ingest | value |", "|---|---|"]
    for key in ("letters_loaded", "quarantined", "fatal_problems", "quads", "wall_s", "letters_per_s", "quads_per_s",
                "cpu_main_s", "cpu_workers_s", "peak_rss_main_mb", "peak_rss_worker_mb", "store_mb_on_disk"):
        if i:
            lines.append(f"| {key} | {i[key]:,} |" if isinstance(i[key], int) else f"| {key} | {i[key]} |")
    rd = r.get("rdflib")
    lines += ["", f"Query parameters: {r['params']}", ""]
    if rd:
        lines += [f"rdflib Dataset: parsed the dump ({rd['quads']:,} distinct triples in its union) in {rd['load_s']} s, peak RSS {rd['rss_after_load_mb']:,} MB", ""]
    head = "| query | Oxigraph median | rows |" + (" rdflib | rdflib / Oxigraph |" if rd else "")
    lines += [head, "|---|---|---|" + ("---|---|" if rd else "")]
    for name, q in r["queries"].items():
        ms = q.get("median_ms")
        row = f"| {name} | {f'{ms:,.0f} ms' if ms is not None else q.get('error')} | {q.get('rows', '-')} |"
        if rd:
            other = rd["queries"].get(name, {})
            rms = other.get("ms")
            ratio = f"{rms / ms:.1f}x" if rms is not None and ms else "-"
            row += f" {f'{rms:,.0f} ms' if rms is not None else other.get('error', '-')} | {ratio} |"
        lines.append(row)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=1000, help="letters to generate (1000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--letters", help="ingest this folder instead of generating letters")
    ap.add_argument("--workers", type=int, default=None, help="ingest worker processes (default: one per core)")
    ap.add_argument("--bulk", action="store_true", help="ingest with --bulk (the store's bulk loader)")
    ap.add_argument("--query-repeat", type=int, default=3)
    ap.add_argument("--query-timeout", type=float, default=60.0, help="seconds before a query is abandoned (60)")
    ap.add_argument("--rdflib", action="store_true", help="also run every query on rdflib's in-memory engine")
    ap.add_argument("--store", help="ingest into this (empty) folder and keep the store afterwards")
    ap.add_argument("--reuse", action="store_true", help="with --store and --letters: skip the ingest, query that store")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", choices=["ingest", "query", "rdflib"], help=argparse.SUPPRESS)
    ap.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child == "ingest":
        letters, store, workers, bulk = args.rest
        print(json.dumps(child_ingest(letters, store, int(workers) or None, bulk == "1")))
    elif args.child == "query":
        store, name, params, repeat = args.rest
        print(json.dumps(child_query(store, name, json.loads(params), int(repeat))))
    elif args.child == "rdflib":
        dump, params, timeout = args.rest
        print(json.dumps(child_rdflib(dump, json.loads(params), float(timeout))))
    else:
        result = run(args)
        print(json.dumps(result, indent=2) if args.json else report(result))


if __name__ == "__main__":
    main()
