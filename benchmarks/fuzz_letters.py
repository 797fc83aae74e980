"""Fuzz the extractor with mutated real letters (issue 21): tracebacks, hangs, silent successes.

    nice -n 10 python benchmarks/fuzz_letters.py [--cases 10000] [--start 0] [--seed 1] [--workers 2] [--pdfs 30]

Seeds: the five sample letters (examples/letters) and the text layers of `--pdfs` real PDFs of
../shared/corpus (every few, in name order). Each case takes one seed and applies one to three
mutations (flipped, inserted or deleted bytes, cut or doubled spans, shuffled lines, runs of newlines,
spaces, `*`, `_`, `<br>` or nested tags, control characters, stray bytes that are not UTF-8, another
encoding, truncation), then writes it as .txt, .md or .html and runs `extract_letters` on it, in a
worker process. The cases are a pure function of `--seed` and their number: any case can be re-made
with `--only N --keep DIR`.

A case is:
- a **traceback** if `extract_letters` raised (it collects problems, never raises);
- **slow** if it took more than 5 s of CPU (wall time is printed too; the machine may be shared);
- a **hang** if its worker gave no answer within `--deadline` s (the worker is killed and restarted);
- a **silent success** if it gave no record and no problem: nothing said about a file.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import selectors
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SLOW_CPU = 5.0


def seeds(pdfs: int) -> list[str]:
    from ofsted_kg.extract.reading import read_document

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "letters").glob("*.txt"))]
    found = sorted(CORPUS.glob("*.pdf"))
    if found and pdfs:
        step = max(1, len(found) // pdfs)
        for p in found[::step][:pdfs]:
            texts.append(read_document(p).text)
    return texts


MUTATIONS = ["flip", "insert", "delete", "cut", "double", "shuffle", "newlines", "spaces", "stars",
             "underscores", "br", "nested", "control", "stray", "encoding", "truncate", "surrogate"]


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, list[str]]:
    done = []
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(MUTATIONS)
        done.append(kind)
        n = len(data)
        at = rng.randrange(n + 1) if n else 0
        if kind == "flip" and n:
            b = bytearray(data)
            for _ in range(rng.randint(1, 50)):
                i = rng.randrange(n)
                b[i] ^= 1 << rng.randrange(8)
            data = bytes(b)
        elif kind == "insert":
            data = data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 200))) + data[at:]
        elif kind == "delete" and n:
            data = data[:at] + data[at + rng.randint(1, max(1, n // 5)):]
        elif kind == "cut" and n:
            data = data[at:] if rng.random() < 0.5 else data[:at]
        elif kind == "double" and n:
            end = min(n, at + rng.randint(1, max(1, n // 3)))
            data = data[:end] + data[at:end] * rng.randint(1, 20) + data[end:]
        elif kind == "shuffle":
            lines = data.split(b"\n")
            rng.shuffle(lines)
            data = b"\n".join(lines)
        elif kind in ("newlines", "spaces", "stars", "underscores", "br", "nested"):
            unit = {"newlines": b"\n", "spaces": b" ", "stars": b"*", "underscores": b"_", "br": b"<br>",
                    "nested": b"<div><table><tr><td>"}[kind]
            data = data[:at] + unit * rng.choice([10, 1000, 30_000, 100_000]) + data[at:]
        elif kind == "control":
            data = data[:at] + bytes(rng.choice([0, 7, 8, 11, 12, 27, 127]) for _ in range(rng.randint(1, 100))) + data[at:]
        elif kind == "stray":
            data = data[:at] + bytes([rng.choice([0x81, 0x92, 0xC3, 0xE2, 0xFF, 0xFE])]) + data[at:]
        elif kind == "encoding":
            text = data.decode("utf-8", "replace")
            data = text.encode(rng.choice(["utf-16", "cp1252", "latin-1", "utf-8-sig"]), "replace")
        elif kind == "truncate" and n:
            data = data[: rng.randrange(n)]
        elif kind == "surrogate":
            data = data[:at] + "\ud800".encode("utf-8", "surrogatepass") + data[at:]
    return data, done


def make_case(texts: list[str], seed: int, i: int) -> tuple[str, bytes, list[str]]:
    """Case `i`: (file suffix, content, mutations)."""
    rng = random.Random(seed * 1_000_003 + i)
    text = rng.choice(texts)
    suffix = rng.choice([".txt", ".txt", ".md", ".html"])
    if suffix == ".html":
        body = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
        text = f"<!DOCTYPE html><html><body>\n{body}</body></html>\n"
    data, kinds = mutate(text.encode("utf-8"), rng)
    return suffix, data, kinds


def worker(seed: int, pdfs: int) -> None:
    """Read case numbers on stdin; write one JSON line per case."""
    from ofsted_kg.api import extract_letters

    texts = seeds(pdfs)
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    print(json.dumps({"ready": len(texts)}), flush=True)
    for line in sys.stdin:
        i = int(line)
        suffix, data, kinds = make_case(texts, seed, i)
        path = folder / f"case-{i}{suffix}"
        path.write_bytes(data)
        cpu, wall = time.process_time(), time.monotonic()
        out: dict[str, Any] = {"i": i, "kinds": kinds}
        try:
            result = extract_letters(path)
            out["records"] = len(result.records)
            out["problems"] = [p.message for p in result.problems]
        except BaseException as e:  # noqa: BLE001 (what the fuzzer looks for)
            out["error"] = f"{type(e).__name__}: {e}"[:300]
        out["cpu"], out["wall"] = time.process_time() - cpu, time.monotonic() - wall
        path.unlink()
        print(json.dumps(out), flush=True)


class Worker:
    def __init__(self, args: argparse.Namespace) -> None:
        self.proc = subprocess.Popen([sys.executable, __file__, "--worker", "--seed", str(args.seed),
                                      "--pdfs", str(args.pdfs)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, bufsize=1)
        assert self.proc.stdout is not None
        json.loads(self.proc.stdout.readline())
        self.case: int | None = None
        self.started = 0.0

    def send(self, i: int) -> None:
        assert self.proc.stdin is not None
        self.case, self.started = i, time.monotonic()
        self.proc.stdin.write(f"{i}\n")
        self.proc.stdin.flush()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--start", type=int, default=0, help="first case number (to run the cases in parts)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pdfs", type=int, default=30)
    parser.add_argument("--deadline", type=float, default=120.0, help="seconds before a case is called a hang")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--only", type=int, help="re-make case N (with --keep DIR) and stop")
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    if args.worker:
        worker(args.seed, args.pdfs)
        return
    if args.only is not None:
        suffix, data, kinds = make_case(seeds(args.pdfs), args.seed, args.only)
        folder = args.keep or Path(".")
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"case-{args.only}{suffix}"
        target.write_bytes(data)
        print(target, kinds)
        return
    started = time.monotonic()
    tally: Counter[str] = Counter()
    findings: list[dict[str, Any]] = []
    sel = selectors.DefaultSelector()
    workers = [Worker(args) for _ in range(args.workers)]
    todo = iter(range(args.start, args.start + args.cases))
    done = 0

    def feed(w: Worker) -> None:
        i = next(todo, None)
        if i is None:
            w.case = None
            return
        w.send(i)

    for w in workers:
        assert w.proc.stdout is not None
        sel.register(w.proc.stdout, selectors.EVENT_READ, w)
        feed(w)
    while any(w.case is not None for w in workers):
        for key, _ in sel.select(timeout=1.0):
            w = key.data
            line = key.fileobj.readline()  # type: ignore[union-attr]
            if not line:
                continue
            out = json.loads(line)
            done += 1
            if "error" in out:
                verdict = "traceback"
            elif out["cpu"] > SLOW_CPU:
                verdict = "slow"
            elif not out["records"] and not out["problems"]:
                verdict = "silent"
            else:
                verdict = "records" if out["records"] else "problem only"
            tally[verdict] += 1
            tally["wall over 5 s"] += out["wall"] > SLOW_CPU
            if verdict in ("traceback", "slow", "silent"):
                findings.append(out)
                print(json.dumps(out), flush=True)
            feed(w)
        for w in list(workers):
            if w.case is not None and time.monotonic() - w.started > args.deadline:
                tally["hang"] += 1
                done += 1
                findings.append({"i": w.case, "hang": args.deadline})
                print(json.dumps(findings[-1]), flush=True)
                assert w.proc.stdout is not None
                sel.unregister(w.proc.stdout)
                w.kill()
                workers.remove(w)
                fresh = Worker(args)
                assert fresh.proc.stdout is not None
                sel.register(fresh.proc.stdout, selectors.EVENT_READ, fresh)
                workers.append(fresh)
                feed(fresh)
        if done and done % 250 == 0:
            print(f"# {done} cases, {time.monotonic() - started:.0f} s: {dict(tally)}", file=sys.stderr, flush=True)
    for w in workers:
        w.kill()
    print(f"{done} cases ({args.start} to {args.start + done - 1}) in {time.monotonic() - started:.0f} s "
          f"(seed {args.seed}, {args.pdfs} PDFs + 5 sample letters)")
    for k in ("records", "problem only", "traceback", "slow", "hang", "silent", "wall over 5 s"):
        print(f"  {k:14} {tally[k]}")
    sys.exit(1 if tally["traceback"] or tally["slow"] or tally["hang"] or tally["silent"] else 0)


if __name__ == "__main__":
    os.environ.setdefault("OFSTED_KG_FILE_SECONDS", "0")  # let a slow case show as slow, not as a problem
    main()
