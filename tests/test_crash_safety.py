"""Interrupted writes (issue 21): a letter's graphs replaced as one, damage seen by read-only opens and
`validate`, pool workers that die with their parent, an endpoint that breaks off in one line."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ofsted_kg.api import ingest
from ofsted_kg.cli.app import app
from ofsted_kg.store import JOURNAL_GRAPH, OxigraphStore, RemoteStore, StoreError

from .conftest import EXAMPLES

runner = CliRunner()
LETTER = EXAMPLES / "004_2067af35a111929a.txt"


@pytest.fixture()
def one_letter(tmp_path: Path) -> Path:
    store = OxigraphStore(tmp_path / "store")
    assert not ingest([LETTER], store, workers=1).failed
    store.flush()
    del store
    return tmp_path / "store"


def letter_graphs(store: OxigraphStore) -> dict[str, str]:
    """The letter's graphs (its own, provenance, listing) as sorted N-Triples."""
    return {g: "".join(sorted(store.graph_ntriples(g).splitlines(True))) for g in store.graphs()
            if "/letter/" in g}


class _DiesAtTheWrite:
    """An Oxigraph store whose process 'dies' (raises) at the first write that loads data."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def __getattr__(self, name: str) -> Any:
        if name in ("load", "update", "bulk_load", "extend"):
            def dead(*args: Any, **kwargs: Any) -> None:
                raise KeyboardInterrupt("killed")
            return dead
        return getattr(self.real, name)


def test_a_replacement_cut_short_leaves_the_letter_whole(one_letter: Path) -> None:
    store = OxigraphStore(one_letter)
    before = letter_graphs(store)
    assert len(before) == 3, sorted(before)  # its graph, provenance and listing
    new = [(g, nt) for g, nt in before.items()]
    store.store = _DiesAtTheWrite(store.store)  # type: ignore[assignment]
    with pytest.raises(KeyboardInterrupt):
        store.replace_graphs(new)
    store.store = store.store.real  # type: ignore[attr-defined]
    assert letter_graphs(store) == before  # nothing was dropped before the one write


def test_a_replacement_gives_the_same_graphs(one_letter: Path) -> None:
    store = OxigraphStore(one_letter)
    before = letter_graphs(store)
    store.replace_graphs(list(before.items()))
    assert letter_graphs(store) == before


def _journal(path: Path, graph: str) -> None:
    import pyoxigraph as ox

    store = OxigraphStore(path)
    store.store.load(f"<{JOURNAL_GRAPH}> <{JOURNAL_GRAPH}#graph> <{graph}> .\n".encode(),
                     format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(JOURNAL_GRAPH))
    store.flush()


def test_read_only_opens_report_an_interrupted_bulk_load(one_letter: Path) -> None:
    _journal(one_letter, "urn:x:partial")
    assert OxigraphStore(one_letter, read_only=True).unrecovered == ["urn:x:partial"]
    result = runner.invoke(app, ["query", "--store", str(one_letter), "--sparql", "ASK { ?s ?p ?o }"])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"warning: {one_letter}: an interrupted bulk load left 1 graph(s) partly loaded; any ingest removes "
        "them (then ingest their letters again)"]
    result = runner.invoke(app, ["validate", str(one_letter)])
    assert result.exit_code == 1
    assert "urn:x:partial: partly loaded by an interrupted bulk load" in result.stdout


def test_validate_names_a_letter_that_lost_a_graph(one_letter: Path) -> None:
    assert runner.invoke(app, ["validate", str(one_letter)]).exit_code == 0
    store = OxigraphStore(one_letter)
    letter = next(g for g in store.graphs() if g.endswith("/provenance"))[:-len("/provenance")]
    store.remove_graph(letter)
    store.flush()
    del store
    result = runner.invoke(app, ["validate", str(one_letter)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{letter}: provenance graph without its letter (ingest its letter again)"]


_POOL = """
import os, sys, time
from ofsted_kg.pipeline import parallel_map

def slow(_context, item):
    os.write(1, f"{os.getpid()}\\n".encode())  # one write: the two workers' lines never interleave
    time.sleep(600)
    return item

for _ in parallel_map(slow, list(range(32)), workers=2, batch=1):
    pass
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ", 1)[1].startswith("Z"))


def test_pool_workers_die_with_the_process_that_started_them() -> None:
    main = subprocess.Popen([sys.executable, "-c", _POOL], stdout=subprocess.PIPE, text=True)
    assert main.stdout is not None
    try:
        workers = {int(main.stdout.readline()) for _ in range(2)}
    finally:
        main.send_signal(signal.SIGKILL)
        main.wait()
    assert main.pid not in workers and len(workers) == 2
    deadline = time.monotonic() + 30  # a liveness wait, not a measure: they go at once when it works
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for w in left:
        os.kill(w, signal.SIGKILL)
    assert left == []


@pytest.fixture()
def hangs_up() -> Iterator[str]:
    """A local server that reads a request, starts its answer and closes the connection midway."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    stop = threading.Event()

    def serve() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 900\r\n\r\n{")
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/query"
    stop.set()
    thread.join()
    server.close()


def test_an_endpoint_that_breaks_off_is_one_line(hangs_up: str, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"the endpoint broke off"):
        RemoteStore(hangs_up).replace_graphs([("urn:x:g", "<urn:x:s> <urn:x:p> <urn:x:o> .\n")])
    result = runner.invoke(app, ["ingest", "--endpoint", hangs_up, "--workers", "1", str(LETTER)])
    assert result.exit_code == 2, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: http://127.0.0.1:")
    assert "broke off" in result.stderr
