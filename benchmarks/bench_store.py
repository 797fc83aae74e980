"""Time the ingest pipeline stage by stage, and compare Oxigraph with rdflib for loading and querying.

    python benchmarks/bench_store.py --count 1000 [--seed 1] [--skip-validation] [--json]

Letters come from benchmarks/generate.py and are written to a temporary folder. Three configurations,
each in its own child process so that peak memory (getrusage ru_maxrss) is measured separately:

  pipeline  what `ofsted_kg.api.ingest` does, one stage at a time: (1) extract_letters(folder);
            (2) build graphs: resolve people, letter_graph, letter_provenance and letter_listing for every record;
            (3) SHACL: validate_letter_graph on each letter's graph (skipped with --skip-validation);
            (4) load with ingest's own stages, `ofsted_kg.knowledge_graph.KnowledgeGraph`: each letter's
            graphs serialised to N-Triples and added to a `LetterLoad` (one transaction a letter), then
            its `finish` (the authorities, vocabulary and people graphs, the statistics). The peak RSS
            is read after each stage (a running peak: stage k's figure includes everything the process
            held before it). The store's graphs (but its marks) are then written to a file (not timed)
            for the two others.
  oxigraph  reads that file, loads the same graphs into a fresh OxigraphStore (replace_graph per
            graph), then runs every library query through OxigraphStore.select.
  rdflib    reads that file, parses each graph into its own named graph of an in-memory
            rdflib.Dataset(default_union=True), then runs every library query with rdflib's own
            SPARQL engine (the same query text, parameters bound by the same VALUES block).

Query parameters: authority = the authority with most letters in the corpus, inspector = the surname
of the inspector named on most letters (both chosen in the pipeline process). Oxigraph queries run
--query-repeat times (first and median reported); rdflib queries run once, each stopped after
--query-timeout seconds. --workers is reserved for a parallel pipeline and not implemented.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _rss_mb() -> float:
    """This process's peak resident set size so far, in MB (ru_maxrss is KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _hwm_mb() -> float:
    """Peak RSS of this process's own address space (VmHWM), in MB.

    ru_maxrss survives fork and exec on Linux, so a process started by a big one reports its parent's
    peak; VmHWM starts again at exec. Used for the query processes, which the Oxigraph child starts.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return _rss_mb()


def _pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p * (len(s) - 1))))]


# ---------------------------------------------------------------------------------------------------
# child: the pipeline (extract, build, validate, load into Oxigraph)


def child_pipeline(args: argparse.Namespace) -> dict[str, Any]:
    from ofsted_kg.api import extract_letters
    from ofsted_kg.extract.authorities import match_authority
    from ofsted_kg.graph.build import letter_graph, letter_provenance
    from ofsted_kg.graph.listing import letter_listing
    from ofsted_kg.graph.vocab import DEFAULT_BASE
    from ofsted_kg.knowledge_graph import KnowledgeGraph, Prepared
    from ofsted_kg.people import resolve_records
    from ofsted_kg.store import INTERNAL_PREFIX, OxigraphStore
    from ofsted_kg.validation import shapes_graph, validate_letter_graph

    out: dict[str, Any] = {"stages": {}, "rss_start_mb": _rss_mb()}
    base = DEFAULT_BASE
    letters = len(list(Path(args.letters).glob("*.txt")))

    # (1) extract
    t = time.perf_counter()
    extraction = extract_letters(args.letters)
    secs = time.perf_counter() - t
    records = extraction.records
    print(f"  extract {secs:.1f} s", file=sys.stderr, flush=True)
    out["stages"]["extract"] = {"seconds": secs, "peak_rss_mb": _rss_mb(), "records": len(records),
                                "fatal_problems": sum(p.fatal for p in extraction.problems)}

    # (2) build graphs (people are resolved over the whole corpus first, as ingest does)
    t = time.perf_counter()
    people = resolve_records(records, [])
    t_people = time.perf_counter() - t
    built = []
    for rec in records:
        lg = letter_graph(rec, base, people)
        prov, pg = letter_provenance(lg.iri, rec, base)
        listing, listed = letter_listing(lg.graph, lg.iri)
        built.append((rec, lg, prov, pg, listing, listed))
    secs = time.perf_counter() - t
    letter_triples = sum(len(item[1].graph) for item in built)
    prov_triples = sum(len(item[3]) for item in built)
    listing_triples = sum(len(item[5]) for item in built)
    print(f"  build {secs:.1f} s", file=sys.stderr, flush=True)
    out["stages"]["build"] = {"seconds": secs, "people_seconds": t_people, "peak_rss_mb": _rss_mb(),
                              "triples": letter_triples + prov_triples + listing_triples,
                              "letter_triples": letter_triples, "provenance_triples": prov_triples,
                              "listing_triples": listing_triples}

    # (3) SHACL, one letter's graph at a time
    kept = built
    if not args.skip_validation:
        shapes_graph()  # parse the shapes once, outside the per-letter figures (timed in the total)
        per: list[float] = []
        kept = []
        bad = 0
        t = time.perf_counter()
        for item in built:
            t1 = time.perf_counter()
            check = validate_letter_graph(item[1].graph, item[1].iri)
            per.append(time.perf_counter() - t1)
            if check.conforms:
                kept.append(item)
            else:
                bad += 1
        secs = time.perf_counter() - t
        print(f"  validate {secs:.1f} s", file=sys.stderr, flush=True)
        out["stages"]["validate"] = {"seconds": secs, "peak_rss_mb": _rss_mb(), "triples": letter_triples,
                                     "per_letter_mean_ms": 1000 * statistics.fmean(per) if per else 0,
                                     "per_letter_p95_ms": 1000 * _pct(per, 0.95),
                                     "per_letter_max_ms": 1000 * max(per, default=0), "quarantined": bad}

    # (4) load into Oxigraph as ingest does: its KnowledgeGraph's stages (each letter's three graphs as
    # N-Triples in one transaction, then the corpus-wide graphs and the statistics)
    store_dir = Path(args.work) / "pipeline-store"
    store = OxigraphStore(store_dir)
    kg = KnowledgeGraph(store, base)
    t_ser = t_upd = 0.0
    t = time.perf_counter()
    kg.known_people()  # ingest's look-up of the people already in the store: an empty store
    kg.upgrade()
    load = kg.begin_load(len(kept), bulk=False)
    for rec, lg, prov, pg, listing, listed in kept:
        t1 = time.perf_counter()
        prep = Prepared(rec.source, str(lg.iri), lg.graph.serialize(format="nt"), [],
                        provenance_iri=str(prov), provenance=pg.serialize(format="nt"),
                        listing_iri=str(listing), listing=listed.serialize(format="nt"))
        t2 = time.perf_counter()
        load.add(prep)
        t_ser += t2 - t1
        t_upd += time.perf_counter() - t2
    t1 = time.perf_counter()
    load.finish(people)  # the authorities, vocabulary and people graphs (serialised there), the statistics
    t_upd += time.perf_counter() - t1
    store.flush()
    secs = time.perf_counter() - t
    total = kg.count()
    n = len(kept)
    # (graph IRI, N-Triples) of every graph but the store's marks, for the other configurations (not timed)
    graphs = [(g, store.graph_ntriples(g)) for g in store.graphs() if not g.startswith(INTERNAL_PREFIX)]
    print(f"  load {secs:.1f} s", file=sys.stderr, flush=True)
    out["stages"]["load_oxigraph"] = {"seconds": secs, "serialize_seconds": t_ser, "replace_graph_seconds": t_upd,
                                      "peak_rss_mb": _rss_mb(), "triples": total, "graphs": len(graphs),
                                      "letters_loaded": n}
    out["letters"] = letters
    out["triples_in_store"] = total
    del kg, store

    # query parameters: the commonest authority and the surname of the commonest inspector
    auths = Counter(a.name for a in (match_authority(r.authority) for r in records if r.authority) if a)
    inspectors = Counter(name for r in records for name in set(r.inspectors or []))
    authority = auths.most_common(1)[0][0] if auths else "Worcestershire"
    surname = inspectors.most_common(1)[0][0].split()[-1] if inspectors else "Smith"
    out["params"] = {"authority": authority, "inspector": surname,
                     "authority_letters": auths.get(authority, 0)}

    with open(Path(args.work) / "graphs.jsonl", "w", encoding="utf-8") as f:
        for name, nt in graphs:
            f.write(json.dumps({"g": name, "nt": nt}) + "\n")
    out["peak_rss_mb"] = _rss_mb()
    return out


# ---------------------------------------------------------------------------------------------------
# children: the same graphs loaded into Oxigraph or into rdflib, then every library query


def _read_graphs(work: str) -> list[tuple[str, str]]:
    with open(Path(work) / "graphs.jsonl", encoding="utf-8") as f:
        return [(d["g"], d["nt"]) for d in map(json.loads, f)]


def _queries(params: dict[str, str]) -> list[tuple[str, str, dict[str, Any]]]:
    from ofsted_kg.queries.library import library

    out = []
    for q in library():
        pairs = [f"{p}={params[p]}" for p in q.params]
        out.append((q.name, q.text, q.bind(pairs)))
    return out


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: Any) -> None:
    raise _Timeout


def _oxigraph_queries(args: argparse.Namespace, params: dict[str, str]) -> tuple[dict[str, Any], float]:
    """Each query in its own process on the read-only store, killed after --query-timeout seconds.

    (Oxigraph evaluates a sorted or grouped query in Rust before the first row comes back, so a signal
    cannot stop it; a process can be killed.) Repeats stop once a query has used half the timeout.
    """
    out: dict[str, Any] = {}
    peak = 0.0
    for name, _text, bindings in _queries(params):
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "oxquery", "--work", args.work,
               "--params", json.dumps(params), "--query-name", name, "--query-repeat", str(args.query_repeat),
               "--query-timeout", str(args.query_timeout)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
        timed_out = False
        try:
            stdout, _ = proc.communicate(timeout=args.query_timeout + 15)  # + start-up, not timed
        except subprocess.TimeoutExpired:
            proc.kill()
            stdout, _ = proc.communicate()
            timed_out = True
        runs = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
        times = [r["seconds"] for r in runs if "seconds" in r]
        error = next((r["error"] for r in runs if r.get("error")), None)
        if not times and not error and not timed_out:
            error = f"query process exited {proc.returncode}"
        if runs:
            peak = max(peak, max(r.get("rss_mb", 0) for r in runs))
        out[name] = {"first": times[0] if times else float(args.query_timeout), "runs": len(times),
                     "median": statistics.median(times) if times else float(args.query_timeout),
                     "rows": next((r["rows"] for r in runs if "rows" in r), None),
                     "timed_out": timed_out and not times, "error": error,
                     "params": {k: str(v) for k, v in bindings.items()}}
        print(f"  oxigraph {name}: {out[name]['first']:.3f} s{' (timed out)' if out[name]['timed_out'] else ''}",
              file=sys.stderr, flush=True)
    return out, peak


def child_oxquery(args: argparse.Namespace) -> None:
    import pyoxigraph as ox

    from ofsted_kg.store import OxigraphStore

    store = OxigraphStore.__new__(OxigraphStore)  # the same select(), on a read-only store
    store.path = Path(args.work) / "oxigraph-store"
    store.store = ox.Store.read_only(str(store.path))
    _name, text, bindings = next(q for q in _queries(json.loads(args.params)) if q[0] == args.query_name)
    used = 0.0
    for _ in range(args.query_repeat):
        t = time.perf_counter()
        try:
            rows = len(store.select(text, bindings).rows)
        except Exception as e:  # noqa: BLE001 - report, do not stop the benchmark
            print(json.dumps({"error": f"{type(e).__name__}: {e}"[:200]}), flush=True)
            return
        secs = time.perf_counter() - t
        used += secs
        print(json.dumps({"seconds": secs, "rows": rows, "rss_mb": _hwm_mb()}), flush=True)
        if used > args.query_timeout / 2:
            return


def child_engine(args: argparse.Namespace) -> dict[str, Any]:
    from ofsted_kg.store import bind_values

    params = json.loads(args.params)
    graphs = _read_graphs(args.work)
    triples_in = sum(nt.count("\n") for _, nt in graphs)
    out: dict[str, Any] = {"rss_after_reading_input_mb": _rss_mb(), "queries": {}}
    if args.child == "oxigraph":
        from ofsted_kg.store import OxigraphStore

        store = OxigraphStore(Path(args.work) / "oxigraph-store")
        t = time.perf_counter()
        for name, nt in graphs:
            store.replace_graph(name, nt)
        store.flush()
        secs = time.perf_counter() - t
        out["load"] = {"seconds": secs, "triples": store.count(), "peak_rss_mb": _rss_mb(),
                       "triples_in_input": triples_in}
        del store, graphs
        import gc

        gc.collect()  # closes the store, so each query process can open it read-only
        out["queries"], out["query_peak_rss_mb"] = _oxigraph_queries(args, params)
        out["peak_rss_mb"] = _rss_mb()
        return out
    else:
        from rdflib import Dataset, URIRef

        ds = Dataset(default_union=True)
        t = time.perf_counter()
        for name, nt in graphs:
            ds.graph(URIRef(name)).parse(data=nt, format="nt")
        secs = time.perf_counter() - t
        out["load"] = {"seconds": secs, "triples": len(ds), "peak_rss_mb": _rss_mb()}
        print(f"  rdflib load {secs:.1f} s", file=sys.stderr, flush=True)

        def run(text: str, bindings: dict[str, Any]) -> int:
            # the same VALUES block OxigraphStore.select uses, so both engines see the same text
            return len(list(ds.query(bind_values(text, bindings) if bindings else text)))
        repeat = 1
    out["load"]["triples_in_input"] = triples_in
    del graphs

    signal.signal(signal.SIGALRM, _alarm)
    for name, text, bindings in _queries(params):
        times: list[float] = []
        rows: int | None = None
        timed_out = False
        error = None
        for _ in range(repeat):
            signal.setitimer(signal.ITIMER_REAL, args.query_timeout)
            t = time.perf_counter()
            try:
                rows = run(text, bindings)
            except _Timeout:
                timed_out = True
            except Exception as e:  # noqa: BLE001 - report, do not stop the benchmark
                error = f"{type(e).__name__}: {e}"[:200]
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            times.append(time.perf_counter() - t)
            if timed_out or error:
                break
        print(f"  rdflib {name}: {times[0]:.3f} s{' (timed out)' if timed_out else ''}", file=sys.stderr, flush=True)
        out["queries"][name] = {"first": times[0], "median": statistics.median(times), "runs": len(times),
                                "rows": rows, "timed_out": timed_out, "error": error,
                                "params": {k: str(v) for k, v in bindings.items()}}
    out["peak_rss_mb"] = _rss_mb()
    return out


# ---------------------------------------------------------------------------------------------------
# parent


def _run_child(kind: str, args: argparse.Namespace, work: Path, letters: Path, params: dict[str, str] | None = None
               ) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, "--work", str(work),
           "--letters", str(letters), "--query-repeat", str(args.query_repeat),
           "--query-timeout", str(args.query_timeout)]
    if args.skip_validation:
        cmd.append("--skip-validation")
    if params is not None:
        cmd += ["--params", json.dumps(params)]
    t = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)  # stderr (progress) passes through
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"the {kind} child failed (exit {proc.returncode})")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["wall_seconds"] = wall
    return result


def run(args: argparse.Namespace) -> dict[str, Any]:
    from generate import generate

    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="bench_store_"))
    try:
        letters = work / "letters"
        letters.mkdir()
        t = time.perf_counter()
        size = 0
        for name, text in generate(args.count, args.seed):
            data = text.encode("utf-8")
            (letters / f"{name}.txt").write_bytes(data)
            size += len(data)
        gen_secs = time.perf_counter() - t
        print(f"generated {args.count} letters ({size / 1e6:.1f} MB) in {gen_secs:.1f} s; running the pipeline...",
              file=sys.stderr)
        pipe = _run_child("pipeline", args, work, letters)
        print(f"pipeline done in {pipe['wall_seconds']:.0f} s; Oxigraph load + queries...", file=sys.stderr)
        ox = _run_child("oxigraph", args, work, letters, pipe["params"])
        print(f"oxigraph done in {ox['wall_seconds']:.0f} s; rdflib load + queries...", file=sys.stderr)
        rd = _run_child("rdflib", args, work, letters, pipe["params"])
    finally:
        shutil.rmtree(work, ignore_errors=True)

    n = args.count
    stages = pipe["stages"]
    ingest_secs = sum(s["seconds"] for s in stages.values())
    for s in stages.values():
        s["letters_per_s"] = n / s["seconds"] if s["seconds"] else None
        s["triples_per_s"] = s["triples"] / s["seconds"] if s.get("triples") and s["seconds"] else None
        s["share_of_ingest"] = s["seconds"] / ingest_secs if ingest_secs else None
    queries = {}
    for name, oq in ox["queries"].items():
        rq = rd["queries"].get(name, {})
        ratio = rq["first"] / oq["median"] if rq and oq["median"] and not rq.get("error") else None
        queries[name] = {"params": oq["params"], "oxigraph_first_s": oq["first"], "oxigraph_median_s": oq["median"],
                         "oxigraph_rows": oq["rows"], "oxigraph_error": oq["error"],
                         "rdflib_s": rq.get("first"), "rdflib_rows": rq.get("rows"),
                         "rdflib_timed_out": rq.get("timed_out"), "rdflib_error": rq.get("error"),
                         "ratio_rdflib_over_oxigraph": ratio, "ratio_is_lower_bound": bool(rq.get("timed_out")),
                         "same_row_count": rq.get("rows") == oq["rows"]}
    comparison = {
        "oxigraph": {"load_seconds": ox["load"]["seconds"], "triples": ox["load"]["triples"],
                     "triples_per_s": ox["load"]["triples"] / ox["load"]["seconds"],
                     "peak_rss_after_load_mb": ox["load"]["peak_rss_mb"], "peak_rss_mb": ox["peak_rss_mb"],
                     "rss_after_reading_input_mb": ox["rss_after_reading_input_mb"],
                     "query_process_peak_rss_mb": ox["query_peak_rss_mb"],
                     "query_seconds_total": sum(q["median"] for q in ox["queries"].values())},
        "rdflib": {"load_seconds": rd["load"]["seconds"], "triples": rd["load"]["triples"],
                   "triples_per_s": rd["load"]["triples"] / rd["load"]["seconds"],
                   "peak_rss_after_load_mb": rd["load"]["peak_rss_mb"], "peak_rss_mb": rd["peak_rss_mb"],
                   "rss_after_reading_input_mb": rd["rss_after_reading_input_mb"],
                   "query_seconds_total": sum(q["first"] for q in rd["queries"].values())},
    }
    comparison["load_ratio_rdflib_over_oxigraph"] = comparison["rdflib"]["load_seconds"] / comparison["oxigraph"]["load_seconds"]
    return {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count()},
        "versions": _versions(),
        "options": {"count": n, "seed": args.seed, "skip_validation": args.skip_validation, "workers": args.workers,
                    "query_repeat": args.query_repeat, "query_timeout": args.query_timeout},
        "corpus": {"letters": n, "bytes": size, "generate_seconds": gen_secs},
        "params": pipe["params"],
        "stages": stages,
        "ingest": {"seconds": ingest_secs, "letters_per_s": n / ingest_secs if ingest_secs else None,
                   "triples": stages["load_oxigraph"]["triples"], "peak_rss_mb": pipe["peak_rss_mb"],
                   "process_wall_seconds": pipe["wall_seconds"]},
        "comparison": comparison,
        "queries": queries,
        "total_seconds": time.perf_counter() - started,
    }


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for pkg in ("ofsted-kg", "rdflib", "pyoxigraph", "pyshacl"):
        with contextlib.suppress(PackageNotFoundError):
            out[pkg] = version(pkg)
    return out


def _fmt_ratio(v: float) -> str:
    return f"{v:.2f}x" if v < 1 else f"{v:.1f}x" if v < 10 else f"{v:.0f}x"


def _fmt_n(v: float | None) -> str:
    return "-" if v is None else f"{v:.0f}"


def _fmt_s(v: float | None) -> str:
    if v is None:
        return "-"
    return f"{v * 1000:.1f} ms" if v < 1 else f"{v:.2f} s"


def report(r: dict[str, Any]) -> str:
    n = r["options"]["count"]
    lines = [f"bench_store: {n} letters ({r['corpus']['bytes'] / 1e6:.1f} MB), seed {r['options']['seed']}, "
             f"{r['date']}, {r['machine']['cpus']} CPUs, Python {r['machine']['python']}, "
             + ", ".join(f"{k} {v}" for k, v in r["versions"].items()),
             f"query parameters: authority={r['params']['authority']} ({r['params']['authority_letters']} letters), "
             f"inspector={r['params']['inspector']}", "",
             "pipeline (one process; peak RSS is the running peak after each stage)",
             f"{'stage':<16}{'seconds':>10}{'share':>8}{'letters/s':>11}{'triples':>10}{'triples/s':>11}{'peak RSS':>11}"]
    for name, s in r["stages"].items():
        lines.append(f"{name:<16}{s['seconds']:>10.2f}{100 * s['share_of_ingest']:>7.0f}%{s['letters_per_s']:>11.1f}"
                     f"{s.get('triples') or '-':>10}{_fmt_n(s['triples_per_s']):>11}{s['peak_rss_mb']:>8.0f} MB")
    ing = r["ingest"]
    lines.append(f"{'ingest total':<16}{ing['seconds']:>10.2f}{'100%':>8}{ing['letters_per_s']:>11.1f}"
                 f"{ing['triples']:>10}{ing['triples'] / ing['seconds']:>11.0f}{ing['peak_rss_mb']:>8.0f} MB")
    st = r["stages"]
    if "validate" in st:
        v = st["validate"]
        lines.append(f"  validate per letter: mean {v['per_letter_mean_ms']:.1f} ms, p95 {v['per_letter_p95_ms']:.1f} ms, "
                     f"max {v['per_letter_max_ms']:.1f} ms; quarantined {v['quarantined']}")
    lo = st["load_oxigraph"]
    lines.append(f"  load: N-Triples serialisation (rdflib) {lo['serialize_seconds']:.2f} s, "
                 f"replace_graph (Oxigraph) {lo['replace_graph_seconds']:.2f} s, {lo['graphs']} graphs")
    lines.append(f"  build: people resolution {st['build']['people_seconds']:.2f} s")
    c = r["comparison"]
    lines += ["", "same graphs, separate processes",
              f"{'engine':<10}{'load s':>9}{'triples':>10}{'triples/s':>11}{'RSS input read':>16}{'RSS after load':>16}"
              f"{'peak RSS':>11}{'all queries':>13}"]
    for eng in ("oxigraph", "rdflib"):
        e = c[eng]
        lines.append(f"{eng:<10}{e['load_seconds']:>9.2f}{e['triples']:>10}{e['triples_per_s']:>11.0f}"
                     f"{e['rss_after_reading_input_mb']:>13.0f} MB{e['peak_rss_after_load_mb']:>13.0f} MB"
                     f"{e['peak_rss_mb']:>8.0f} MB{e['query_seconds_total']:>11.2f} s")
    lines.append(f"load ratio rdflib/Oxigraph: {c['load_ratio_rdflib_over_oxigraph']:.1f}x; Oxigraph queries ran in "
                 f"their own processes on the read-only store, peak RSS {c['oxigraph']['query_process_peak_rss_mb']:.0f} MB; "
                 "rdflib's peak RSS includes its queries")
    lines += ["", f"queries (Oxigraph: first run and median of {r['options']['query_repeat']}; rdflib: one run, "
              f"timeout {r['options']['query_timeout']:.0f} s)",
              f"{'query':<32}{'ox first':>11}{'ox median':>11}{'rdflib':>11}{'ratio':>9}{'rows ox/rdflib':>17}"]
    for name, q in r["queries"].items():
        rd = ">" + _fmt_s(q["rdflib_s"]) if q["rdflib_timed_out"] else ("error" if q["rdflib_error"] else _fmt_s(q["rdflib_s"]))
        ratio = "-" if q["ratio_rdflib_over_oxigraph"] is None else (
            (">" if q["ratio_is_lower_bound"] else "") + _fmt_ratio(q["ratio_rdflib_over_oxigraph"]))
        rows = f"{q['oxigraph_rows'] if q['oxigraph_rows'] is not None else '-'}/" \
               f"{q['rdflib_rows'] if q['rdflib_rows'] is not None else '-'}"
        if not q["same_row_count"] and q["oxigraph_rows"] is not None and q["rdflib_rows"] is not None:
            rows += " !"
        lines.append(f"{name:<32}{_fmt_s(q['oxigraph_first_s']):>11}{_fmt_s(q['oxigraph_median_s']):>11}{rd:>11}"
                     f"{ratio:>9}{rows:>17}")
    errors = [(k, q["oxigraph_error"] or q["rdflib_error"]) for k, q in r["queries"].items()
              if q["oxigraph_error"] or q["rdflib_error"]]
    for k, e in errors:
        lines.append(f"  {k}: {e}")
    lines.append(f"\ntotal benchmark time {r['total_seconds']:.0f} s (generation {r['corpus']['generate_seconds']:.1f} s)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=1000, help="letters to generate (1000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--skip-validation", action="store_true", help="leave out stage (3), SHACL")
    ap.add_argument("--workers", type=int, default=1,
                    help="reserved for a parallel pipeline; NOT IMPLEMENTED (only 1 is accepted)")
    ap.add_argument("--query-repeat", type=int, default=3, help="timed runs of each query on Oxigraph (3)")
    ap.add_argument("--query-timeout", type=float, default=30.0, help="seconds before a query is abandoned (30)")
    ap.add_argument("--json", action="store_true", help="print everything as JSON instead of the table")
    # internal: the parent runs itself as a child for each configuration
    ap.add_argument("--child", choices=["pipeline", "oxigraph", "rdflib", "oxquery"], help=argparse.SUPPRESS)
    ap.add_argument("--query-name", help=argparse.SUPPRESS)
    ap.add_argument("--work", help=argparse.SUPPRESS)
    ap.add_argument("--letters", help=argparse.SUPPRESS)
    ap.add_argument("--params", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.workers != 1:
        ap.error("--workers is reserved for later and not implemented yet; only --workers 1 runs")
    if args.child == "oxquery":
        child_oxquery(args)
        return
    if args.child:
        result = child_pipeline(args) if args.child == "pipeline" else child_engine(args)
        print(json.dumps(result))
        return
    r = run(args)
    print(json.dumps(r, indent=2) if args.json else report(r))


if __name__ == "__main__":
    main()
