"""Time the extractor on synthetic letters from benchmarks/generate.py.

    python benchmarks/bench_extract.py --count 1000 [--seed 1] [--repeat 3] [--json]

Reports letters/s and MB/s for `extract_letters(folder)` (best of --repeat runs), the mean and p95
time of `extract_text` per letter, peak memory, and how well the records match the generated facts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import Synthetic, generate_letters  # noqa: E402

from ofsted_kg.api import extract_letters, extract_text  # noqa: E402
from ofsted_kg.extract.authorities import match_authority  # noqa: E402
from ofsted_kg.extract.names import same_person  # noqa: E402
from ofsted_kg.extract.records import LetterRecord  # noqa: E402

FIELDS = ["authority", "visit_type", "letter_date", "visit_start", "visit_end", "visit_sequence",
          "previous_judgement", "inspectors", "signatory", "recipient", "copied_to", "ofsted_office",
          "focus_areas", "recommendations"]
PEOPLE = {"inspectors", "copied_to"}


def _authority_name(raw: str | None) -> str | None:
    found = match_authority(raw) if raw else None
    return found.name if found else raw


def _got(rec: LetterRecord, name: str) -> Any:
    """A record's value for a field, in the shape of the generator's truth."""
    if name == "authority":
        return _authority_name(rec.authority)
    if name == "previous_judgement":
        pj = rec.previous_judgement
        return {"grade": pj.grade, "date": pj.date} if pj else None
    if name in {"recommendations", "focus_areas"}:
        return len(getattr(rec, name))
    if name == "recipient":
        return rec.recipient.name if rec.recipient else None
    return getattr(rec, name)


def _same(name: str, want: Any, got: Any) -> bool:
    if name in PEOPLE:
        return len(want) == len(got) and all(any(w == g or same_person(w, g) for g in got) for w in want)
    if name in {"signatory", "recipient"} and want and got:
        return bool(same_person(want, got))
    return bool(want == got)


def check(letters: list[Synthetic], records: dict[str, list[LetterRecord]]) -> dict[str, Any]:
    """The sanity figure (a record with authority and visit_type) and per-field agreement with the truth.

    A field is scored only on letters whose generator states it (e.g. no copy list for ILACS reports).
    """
    usable = 0
    right = dict.fromkeys(FIELDS, 0)
    scored = dict.fromkeys(FIELDS, 0)
    wrong: dict[str, list[dict[str, Any]]] = {f: [] for f in FIELDS}
    record_counts: dict[int, int] = {}
    for s in letters:
        recs = records.get(s.name, [])
        record_counts[len(recs)] = record_counts.get(len(recs), 0) + 1
        if any(r.authority and r.visit_type for r in recs):
            usable += 1
        rec = recs[0] if recs else LetterRecord(source=s.name)
        for f in FIELDS:
            if f not in s.truth:
                continue
            scored[f] += 1
            want, got = s.truth[f], _got(rec, f)
            if _same(f, want, got):
                right[f] += 1
            else:
                wrong[f].append({"file": s.name, "kind": s.truth["visit_type"], "want": want, "got": got})
    return {"with_authority_and_visit_type": usable, "records_per_letter": record_counts,
            "field_correct": right, "field_scored": scored, "field_mismatches": wrong}


def run(count: int, seed: int, repeat: int, keep: Path | None) -> dict[str, Any]:
    """Generate, write, time and check; returns every figure for the report."""
    t0 = time.perf_counter()
    letters = generate_letters(count, seed)
    gen_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory(prefix="ofsted_bench_") as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        total_bytes = 0
        for s in letters:
            data = s.text.encode("utf-8")
            (folder / s.name).write_bytes(data)
            total_bytes += len(data)

        runs = []
        extraction = None
        for _ in range(repeat):
            t = time.perf_counter()
            extraction = extract_letters(folder)
            runs.append(time.perf_counter() - t)
        assert extraction is not None
        best = min(runs)

        per_letter = []
        for s in letters:
            t = time.perf_counter()
            extract_text(s.text, s.name)
            per_letter.append(time.perf_counter() - t)
        per_letter.sort()

        tracemalloc.start()
        extract_letters(folder)
        _cur, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

    by_file: dict[str, list[LetterRecord]] = {}
    for rec in extraction.records:
        by_file.setdefault(Path(rec.source).name, []).append(rec)
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return {
        "date": dt.date.today().isoformat(),
        "machine": f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "count": count, "seed": seed, "repeat": repeat, "megabytes": total_bytes / 1e6,
        "generate_s": gen_s, "extract_runs_s": runs, "best_s": best,
        "letters_per_s": count / best, "mb_per_s": total_bytes / 1e6 / best,
        "per_letter_mean_ms": statistics.fmean(per_letter) * 1e3,
        "per_letter_p95_ms": per_letter[max(0, round(0.95 * len(per_letter)) - 1)] * 1e3,
        "per_letter_max_ms": per_letter[-1] * 1e3,
        "tracemalloc_peak_mb": traced_peak / 1e6, "maxrss_mb": maxrss_kb / 1e3,
        "records": len(extraction.records),
        "fatal_problems": [str(p) for p in extraction.problems if p.fatal],
        "warnings": sum(1 for p in extraction.problems if not p.fatal),
        **check(letters, by_file),
    }


def report(r: dict[str, Any], examples: int) -> str:
    """The plain-text table."""
    n = r["count"]
    rows = [
        ("letters", f"{n} ({r['megabytes']:.1f} MB, seed {r['seed']})"),
        ("extract_letters runs (s)", ", ".join(f"{x:.2f}" for x in r["extract_runs_s"])),
        ("best run (s)", f"{r['best_s']:.2f}"),
        ("letters / second", f"{r['letters_per_s']:.0f}"),
        ("MB / second", f"{r['mb_per_s']:.2f}"),
        ("per letter mean (ms)", f"{r['per_letter_mean_ms']:.2f}"),
        ("per letter p95 (ms)", f"{r['per_letter_p95_ms']:.2f}"),
        ("per letter max (ms)", f"{r['per_letter_max_ms']:.2f}"),
        ("peak traced memory (MB)", f"{r['tracemalloc_peak_mb']:.1f}"),
        ("peak RSS of process (MB)", f"{r['maxrss_mb']:.1f}"),
        ("records / fatal problems / warnings", f"{r['records']} / {len(r['fatal_problems'])} / {r['warnings']}"),
        ("with authority and visit_type", f"{r['with_authority_and_visit_type']} of {n}"),
    ]
    rows += [(f"  {f} correct", f"{c} of {r['field_scored'][f]}") for f, c in r["field_correct"].items()]
    width = max(len(k) for k, _ in rows)
    lines = [f"ofsted-kg extraction benchmark, {r['date']}, {r['machine']}", ""]
    lines += [f"{k:<{width}}  {v}" for k, v in rows]
    if examples:
        for f, bad in r["field_mismatches"].items():
            for b in bad[:examples]:
                lines.append(f"  {f}: {b['file']} ({b['kind']}): want {b['want']!r}, got {b['got']!r}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of extract_letters; the best is reported")
    ap.add_argument("--keep", type=Path, help="write the letters here instead of a temporary folder")
    ap.add_argument("--examples", type=int, default=3, help="mismatches to show per field")
    ap.add_argument("--json", action="store_true", help="print JSON instead of the table")
    args = ap.parse_args(argv)
    r = run(args.count, args.seed, args.repeat, args.keep)
    print(json.dumps(r, indent=2, default=str) if args.json else report(r, args.examples))


if __name__ == "__main__":
    main()
