"""Kill `ofsted-kg ingest` at a random moment and check what it leaves (issue 21, item 3).

    nice -n 10 python benchmarks/kill_trials.py [--trials 50] [--seed 1] [--paths default,bulk,reingest,remote]

Four write paths: a first ingest (`default`), a first ingest with `--bulk`, a re-ingest of the same
letters into a full store (`reingest`), and a first ingest into an `oxigraph serve` endpoint
(`remote`, the server from PyPI's `oxigraph` package, started per trial). The corpus is the five
sample letters and a few synthetic golden letters. Each trial runs the CLI in its own process
group with its stderr on a pseudo-terminal (so that it draws its progress bar), and kills it with
SIGKILL a random delay after the bar first says "loading": uniform over 1.1 times the loading phase of
a clean run of the same path, so that the kills fall while letters are being written. It then opens
the store for writing as the next ingest would, and compares every letter with a clean ingest of the
same files. A trial is:

- `equal`: every letter there, each graph (letter, provenance, listing) equal to the clean ingest's;
- `incomplete`: the letters present are whole and equal, the others wholly absent (ingesting again
  loads them);
- `reported`: some letter is damaged (a graph missing or different), and every damaged letter is
  named by the store's integrity report (`validate STORE`) or by the recovery of an interrupted bulk
  load;
- `UNREPORTED`: damage that nothing reports: the failure this script looks for.

Nothing here is timed for a verdict; the delays only choose when to kill.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pty
import random
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXTRA = ["fv2019_kent_lead_inspector_brackets.txt", "fv2021_medway_priority_actions.txt",
         "av2020_stockport_covid.txt"]
PATHS = ("default", "bulk", "reingest", "remote")
CLI = str(Path(sys.executable).parent / "ofsted-kg")


def make_corpus(folder: Path) -> Path:
    """The five sample letters and `EXTRA` golden letters, copied into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for f in sorted((ROOT / "examples" / "letters").glob("*.txt")):
        shutil.copy(f, folder / f.name)
    for name in EXTRA:
        shutil.copy(ROOT / "tests" / "golden" / "letters" / name, folder / name)
    return folder


_RUN_TIME = re.compile(r'/run/\d{8}T\d{6}Z-|"\d{4}-\d\d-\d\dT[\d:.]+Z?"\^\^<http://www.w3.org/2001/XMLSchema#dateTime>'
                       r'|(?<="ofsted-kg run of )\d{4}-\d\d-\d\dT[\d:.+-]+(?=")')  # the run's label names its time


def letter_graphs(store: Any) -> dict[str, str]:
    """Every letter's graphs (own, provenance, listing) as sorted N-Triples, by graph name; the time of
    the run that extracted it (in its provenance) is left out, as it differs from run to run."""
    return {g: "".join(sorted(_RUN_TIME.sub("<time>", store.graph_ntriples(g)).splitlines(True)))
            for g in store.graphs() if "/letter/" in g}


def letter_of(graph: str) -> str:
    from ofsted_kg.letter_graphs import LISTING, PROVENANCE

    for suffix in (PROVENANCE, LISTING):
        if graph.endswith(suffix):
            return graph[: -len(suffix)]
    return graph


@dataclass
class Outcome:
    verdict: str  # equal, incomplete, reported, UNREPORTED
    killed: bool  # False when the run finished before its kill
    letters: int  # letters whole and equal
    damaged: list[str]
    reported: list[str]
    loading: float = 0.0  # seconds from the first "loading" to the end (or the kill)


def classify(reference: dict[str, str], found: dict[str, str], reported: set[str], killed: bool) -> Outcome:
    ref_letters = {letter_of(g) for g in reference}
    damaged, whole, absent = [], 0, 0
    for letter in sorted(ref_letters | {letter_of(g) for g in found}):
        mine = {g: nt for g, nt in found.items() if letter_of(g) == letter}
        theirs = {g: nt for g, nt in reference.items() if letter_of(g) == letter}
        if mine == theirs:
            whole += 1
        elif not mine:
            absent += 1
        else:
            damaged.append(letter)
    if damaged:
        verdict = "reported" if set(damaged) <= reported else "UNREPORTED"
    else:
        verdict = "equal" if absent == 0 else "incomplete"
    return Outcome(verdict, killed, whole, damaged, sorted(reported))


def integrity(store: Any, recovered: list[str]) -> set[str]:
    """The letters the store reports as needing to be ingested again."""
    from ofsted_kg.knowledge_graph import KnowledgeGraph

    named = {letter_of(line.split(": ", 1)[0]) for line in KnowledgeGraph(store).integrity()}
    return named | {letter_of(g) for g in recovered}


class Server:
    """`oxigraph serve` on a fresh folder, as the tests start it (`ofsted_kg.serve.oxigraph_server`)."""

    def __init__(self, folder: Path) -> None:
        from ofsted_kg.serve import oxigraph_server

        self._running = contextlib.ExitStack()
        self.url = self._running.enter_context(oxigraph_server(folder, read_only=False)) + "query"

    def stop(self) -> None:
        self._running.close()


def run_ingest(args: list[str], kill_after: float | None) -> tuple[bool, float]:
    """Run `ofsted-kg ingest ARGS` with its stderr on a pseudo-terminal, so that it draws its progress
    bar; `kill_after` s after the bar first says "loading" (letters are being written), kill its process
    group with SIGKILL. Returns (killed, seconds from the first "loading" to the end)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([CLI, "ingest", "--workers", "1", *args], stdout=subprocess.DEVNULL, stderr=slave,
                            start_new_session=True)
    os.close(slave)
    seen, loading_at, deadline = b"", 0.0, None
    try:
        while True:
            now = time.monotonic()
            if deadline is not None and now >= deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                return True, now - loading_at
            ready, _, _ = select.select([master], [], [], 0.02)
            chunk = b""
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the terminal's other end closed: the process is ending
                    chunk = b""
            if chunk and not loading_at:
                seen = (seen + chunk)[-1000:]
                if b"loading" in seen:
                    loading_at = time.monotonic()
                    if kill_after is not None:
                        deadline = loading_at + kill_after
            if proc.poll() is not None:
                return False, time.monotonic() - (loading_at or time.monotonic())
            if ready and not chunk:
                time.sleep(0.02)
    finally:
        os.close(master)


class Trials:
    """A corpus, its clean ingest (the reference) and each path's clean duration, in `work`."""

    def __init__(self, work: Path) -> None:
        from ofsted_kg.store import OxigraphStore

        self.work = work
        self.corpus = make_corpus(work / "corpus")
        self.full = work / "full-store"
        killed, loading = run_ingest(["--store", str(self.full), str(self.corpus)], None)
        assert not killed and loading > 0, "the clean ingest drew no progress bar"
        self.durations = {"default": loading}
        self.reference = letter_graphs(OxigraphStore(self.full, read_only=True))
        assert self.reference, "the clean ingest loaded nothing"
        self.n = 0

    def duration(self, path: str) -> float:
        """How long the path's clean run spends loading (from its first "loading" to its end)."""
        if path not in self.durations:  # one clean run of the path, to spread the kills over it
            self.durations[path] = self.trial(path, None).loading
        return self.durations[path]

    def trial(self, path: str, kill_after: float | None) -> Outcome:
        from ofsted_kg.store import OxigraphStore, RemoteStore

        self.n += 1
        target = self.work / f"trial-{self.n}"
        if path == "remote":
            server = Server(target)
            try:
                killed, loading = run_ingest(["--endpoint", server.url, str(self.corpus)], kill_after)
                store = RemoteStore(server.url)
                found = letter_graphs(store)
                reported = integrity(store, [])
            finally:
                server.stop()
        else:
            args = ["--store", str(target), str(self.corpus)]
            if path == "bulk":
                args.insert(0, "--bulk")
            if path == "reingest":
                shutil.copytree(self.full, target)
            killed, loading = run_ingest(args, kill_after)
            if not OxigraphStore.is_store(target):
                shutil.rmtree(target, ignore_errors=True)
                return Outcome("incomplete" if killed else "UNREPORTED", killed, 0, [], [], loading)
            unrecovered = OxigraphStore(target, read_only=True).unrecovered  # what a reader is told
            store = OxigraphStore(target)  # opened as the next ingest opens it: recovery runs
            found = letter_graphs(store)
            reported = integrity(store, [*store.recovered, *unrecovered])
            del store
        shutil.rmtree(target, ignore_errors=True)
        out = classify(self.reference, found, reported, killed)
        out.loading = loading
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=50, help="trials in all, spread over the paths")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--paths", default=",".join(PATHS))
    args = parser.parse_args()
    paths = args.paths.split(",")
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="kill-trials-") as tmp:
        trials = Trials(Path(tmp))
        letters = len({letter_of(g) for g in trials.reference})
        print(f"corpus: {letters} letters; a clean ingest spends {trials.durations['default']:.1f} s loading")
        tally: dict[str, Counter[str]] = {p: Counter() for p in paths}
        for i in range(args.trials):
            path = paths[i % len(paths)]
            delay = rng.uniform(0.0, 1.1) * trials.duration(path)
            out = trials.trial(path, delay)
            tally[path][out.verdict + ("" if out.killed else " (finished)")] += 1
            print(f"{i + 1:3} {path:9} kill {delay:4.1f} s into loading: {out.verdict:10} {out.letters}/{letters} whole"
                  + (f"; damaged {out.damaged}, reported {out.reported}" if out.damaged else ""), flush=True)
        print("\npath       trials  outcomes (a clean run's loading phase, s)")
        for path in paths:
            outcomes = ", ".join(f"{k} {v}" for k, v in sorted(tally[path].items()))
            print(f"{path:10} {sum(tally[path].values()):6}  {outcomes} ({trials.durations[path]:.1f})")
        bad = sum(c["UNREPORTED"] + c["UNREPORTED (finished)"] for c in tally.values())
        print(f"\nunreported damage: {bad} of {args.trials}")
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
