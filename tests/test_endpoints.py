"""Any SPARQL 1.1 store (issue 17, item 6): the endpoint URL layouts, and the same ingest, query and
export commands against an Oxigraph server and a Virtuoso (Debian's virtuoso-opensource), each started
here on a free port and stopped after."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import BNode, Dataset
from typer.testing import CliRunner

from ofsted_kg.cli.app import app
from ofsted_kg.store import EndpointUrls, OxigraphStore, StoreError, endpoint_urls

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "letters"
runner = CliRunner()


def test_endpoint_layouts() -> None:
    ox = EndpointUrls("http://h:7878/query", "http://h:7878/update", "http://h:7878/store")
    assert endpoint_urls("http://h:7878/query") == ox
    assert endpoint_urls("http://h:7878") == ox  # the old form: an Oxigraph server's base URL
    assert endpoint_urls("http://h:7878/", profile="oxigraph") == ox
    assert endpoint_urls("http://h/sparql") == EndpointUrls("http://h/sparql", "http://h/sparql", None)
    assert endpoint_urls("http://h:3030/ds/sparql", profile="fuseki") == EndpointUrls(
        "http://h:3030/ds/query", "http://h:3030/ds/update", "http://h:3030/ds/data")
    assert endpoint_urls("http://h:7200/repositories/r", profile="graphdb") == EndpointUrls(
        "http://h:7200/repositories/r", "http://h:7200/repositories/r/statements",
        "http://h:7200/repositories/r/rdf-graphs/service")
    assert endpoint_urls("http://h:8890/sparql", profile="virtuoso") == EndpointUrls(
        "http://h:8890/sparql", "http://h:8890/sparql", None)
    assert endpoint_urls("http://h/sparql", "http://h/up", "http://h/gsp") == EndpointUrls(
        "http://h/sparql", "http://h/up", "http://h/gsp")
    with pytest.raises(StoreError, match="unknown endpoint profile"):
        endpoint_urls("http://h/sparql", profile="blazegraph")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(url: str, proc: subprocess.Popen[bytes], seconds: int = 120) -> None:
    for _ in range(seconds * 10):
        if proc.poll() is not None:
            raise RuntimeError(f"the server stopped (exit {proc.returncode})")
        try:
            urllib.request.urlopen(url, timeout=1)  # noqa: S310 (our own server)
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url}: no answer")


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[str]]:
    exe = Path(sys.executable).parent / "oxigraph"
    port = _free_port()
    proc = subprocess.Popen([str(exe), "serve", "--location", str(tmp_path_factory.mktemp("ox")), "--bind",
                             f"127.0.0.1:{port}", "--union-default-graph"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        _wait(f"http://127.0.0.1:{port}/", proc)
        yield ["--endpoint", f"http://127.0.0.1:{port}/query"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _virtuoso_ini(folder: Path, sql_port: int, http_port: int) -> Path:
    """The Debian package's virtuoso.ini with its files in `folder`, its own ports, no start-up packages
    (VADs), and no cap of 10,000 rows on a result (a dump reads every quad with one query)."""
    text = Path("/etc/virtuoso-opensource-7/virtuoso.ini").read_text(encoding="utf-8")
    text = text.replace("/var/lib/virtuoso-opensource-7/db/", f"{folder}/")
    settings = {"ServerPort": None, "ResultSetMaxRows": "1000000", "NumberOfBuffers": "2000",
                "MaxDirtyBuffers": "1200", "VADInstallDir": f"{folder}/vad/", "DirsAllowed": f"., {folder}"}
    ports = iter([str(sql_port), str(http_port)])  # [Parameters] comes before [HTTPServer]
    for key, value in settings.items():
        text = re.sub(rf"(?m)^{key}(\s*)=.*$", lambda m, k=key, v=value: f"{k}{m.group(1)}= {v or next(ports)}", text)
    (folder / "vad").mkdir()
    ini = folder / "virtuoso.ini"
    ini.write_text(text, encoding="utf-8")
    return ini


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[str]]:
    if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None:
        pytest.skip("needs Debian's virtuoso-opensource (scripts/test.sh installs it)")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = _free_port(), _free_port()
    ini = _virtuoso_ini(folder, sql_port, http_port)
    proc = subprocess.Popen(["virtuoso-t", "-f", "-c", str(ini)], cwd=folder, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        _wait(f"http://127.0.0.1:{http_port}/sparql?query=ASK%7B%7D", proc)
        # the anonymous SPARQL user may update (a fresh database's dba password is dba)
        subprocess.run(["isql-vt", str(sql_port), "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
                       check=True, capture_output=True, timeout=60)
        yield ["--endpoint", f"http://127.0.0.1:{http_port}/sparql", "--endpoint-profile", "virtuoso"]
    finally:
        proc.terminate()
        proc.wait(timeout=60)


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tiny") / "letters"
    folder.mkdir()
    for f in sorted(EXAMPLES.iterdir())[:3]:  # a tiny corpus: Worcestershire's letters among them
        shutil.copy(f, folder / f.name)
    return folder


@pytest.fixture(scope="module")
def local(letters: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    store = tmp_path_factory.mktemp("local") / "store"
    assert runner.invoke(app, ["ingest", "--store", str(store), "--workers", "1", str(letters)]).exit_code == 0
    return ["--store", str(store)]


def _rows(target: list[str], *query: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["query", *query, "-f", "json", *target])
    assert result.exit_code == 0, result.output

    def same_order(v: object) -> object:  # GROUP_CONCAT's order is the engine's choice
        return ", ".join(sorted(v.split(", "))) if isinstance(v, str) else v

    return sorted(({k: same_order(v) for k, v in row.items()} for row in json.loads(result.stdout)), key=json.dumps)


def _letter_quads(target: list[str], tmp_path: Path) -> set[tuple[object, ...]]:
    out = tmp_path / "dump.nq"
    result = runner.invoke(app, ["export", "-f", "nquads", "-o", str(out), *target])
    assert result.exit_code == 0, result.output
    ds = Dataset()
    ds.parse(out, format="nquads")
    assert not any(str(g).startswith("urn:ofsted-kg:") or str(g).endswith("/listing")
                   for _s, _p, _o, g in ds.quads((None, None, None, None)))
    return {(s, p, o.toPython() if hasattr(o, "toPython") else o, g) for s, p, o, g in ds.quads((None, None, None, None))
            if re.search(r"/letter/[0-9a-f]+(-[0-9]+)?$", str(g)) and not any(isinstance(t, BNode) for t in (s, o))}


@pytest.mark.parametrize("engine", ["oxigraph", "virtuoso"])
def test_same_ingest_query_and_export_on_each_store(engine: str, request: pytest.FixtureRequest, letters: Path,
                                                   local: list[str], tmp_path: Path) -> None:
    target: list[str] = request.getfixturevalue(engine)
    for _ in range(2):  # twice: the second replaces every graph
        result = runner.invoke(app, ["ingest", *target, "--workers", "1", str(letters)])
        assert result.exit_code == 0, result.output
    for query in (["inspectors-of-authority", "-p", "authority=Worcestershire"], ["director-turnover"]):
        remote = _rows(target, *query)
        assert remote and remote == _rows(local, *query), query
    assert _letter_quads(target, tmp_path) == _letter_quads(local, tmp_path)
    gone = runner.invoke(app, ["ingest", *target, "--remove", str(sorted(letters.iterdir())[0])])
    assert gone.exit_code == 0, gone.output
    assert len(_letter_quads(target, tmp_path)) < len(_letter_quads(local, tmp_path))


def test_the_old_base_url_form_still_works(oxigraph: list[str], letters: Path) -> None:
    base = oxigraph[1].removesuffix("/query")
    result = runner.invoke(app, ["ingest", "--endpoint", base, "--workers", "1", str(letters)])
    assert result.exit_code == 0, result.output
    assert _rows(["--endpoint", base], "inspectors-of-authority", "-p", "authority=Worcestershire")


def test_local_store_is_untouched_by_the_endpoint_options(local: list[str]) -> None:
    assert OxigraphStore(Path(local[1]), read_only=True).count() > 1000
