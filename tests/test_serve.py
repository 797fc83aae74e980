"""`ofsted-kg serve`: pages, landing page and a SPARQL 1.1 endpoint (the Oxigraph server), driven end to end
by an HTTP client speaking the SPARQL protocol; started and stopped on a free port."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from rdflib import Graph

from ofsted_kg.serve import free_port, wait_listening

from .test_site import store  # noqa: F401 (the fixture)

QUERY = """PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
SELECT DISTINCT ?name WHERE { ?v okg:visitOf/okg:name ?name } ORDER BY ?name"""


def _running_with(text: str) -> list[str]:
    """Command lines of live processes that mention `text`."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            line = cmdline.read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if text in line:
            found.append(line)
    return found


@pytest.fixture
def server(store: Path, cli_path: str) -> Iterator[str]:  # noqa: F811
    port = free_port()
    proc = subprocess.Popen([cli_path, "serve", "--store", str(store), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/"
    try:
        assert wait_listening(proc, port), proc.stderr.read().decode() if proc.stderr else ""
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert not _running_with(f"--location {store}"), "the Oxigraph server outlived serve"


def test_serve_answers_sparql_pages_and_iris(server: str) -> None:
    with httpx.Client(timeout=60) as client:
        got = client.get(server + "sparql", params={"query": QUERY},
                         headers={"Accept": "application/sparql-results+json"})
        assert got.status_code == 200, got.text
        names = [b["name"]["value"] for b in got.json()["results"]["bindings"]]
        assert "Worcestershire" in names
        posted = client.post(server + "sparql", data={"query": QUERY}, headers={"Accept": "text/csv"})
        assert posted.status_code == 200 and "Worcestershire" in posted.text
        bad = client.post(server + "sparql", data={"query": "SELECT WHERE {"})
        assert bad.status_code == 400
        editor = client.get(server + "sparql", headers={"Accept": "text/html"})
        assert "<textarea" in editor.text and "<script" not in editor.text
        landing = client.get(server)
        assert "Open Government Licence" in landing.text and f"{server}sparql" in landing.text
        iri = client.get(server + "id/authority/worcestershire", headers={"Accept": "text/turtle"})
        assert iri.status_code == 303
        turtle = client.get(server + iri.headers["location"].lstrip("/"))
        g = Graph().parse(data=turtle.text, format="turtle")
        assert any(str(o) == "Worcestershire" for o in g.objects())
