"""Clean publications (issue 17, item 5): exports and dumps leave the store's internal graphs out unless
asked, hold no absolute local path, and `ingest` stores directors' posts as `build` does."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef
from rdflib.namespace import ORG
from typer.testing import CliRunner

from ofsted_kg.api import build_letters, ingest
from ofsted_kg.cli.app import app
from ofsted_kg.store import OxigraphStore

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "letters"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("clean") / "letters"
    folder.mkdir()
    for f in sorted(EXAMPLES.iterdir())[:4]:
        shutil.copy(f, folder / f.name)
    return folder


def _posts(ds: Dataset, people_graph: str) -> set[tuple[str, str, str]]:
    """(membership, beginning, end) of the directors' time-bound posts in the people graph."""
    rows = ds.query("""
        PREFIX org: <http://www.w3.org/ns/org#> PREFIX time: <http://www.w3.org/2006/time#>
        SELECT ?m ?b ?e WHERE { GRAPH ?g { ?m org:memberDuring ?i .
          ?i time:hasBeginning/time:inXSDDate ?b ; time:hasEnd/time:inXSDDate ?e } }""",
                    initBindings={"g": URIRef(people_graph)})
    return {(str(m), str(b), str(e)) for m, b, e in rows}  # type: ignore[misc]


def _dump(store: OxigraphStore, fmt: str = "nquads", include_internal: bool = False) -> str:
    buf = io.BytesIO()
    store.dump(buf, fmt, include_internal)
    return buf.getvalue().decode("utf-8")


def test_ingest_stores_directors_posts_as_build_does(folder: Path, tmp_path: Path) -> None:
    built = build_letters([folder], workers=1).dataset
    people = next(str(g.identifier) for g in built.graphs() if str(g.identifier).endswith("/graph/people"))
    expected = _posts(built, people)
    assert expected
    store = OxigraphStore(tmp_path / "store")
    files = sorted(folder.iterdir())
    # in two ingests: the second must keep the posts (and their dates) of the letters the first stored
    ingest(files[:2], store, workers=1)
    ingest(files[2:], store, workers=1)
    stored = Dataset().parse(data=_dump(store), format="nquads")
    assert _posts(stored, people) == expected
    assert any(True for _ in stored.quads((None, ORG.memberDuring, None, None)))


def test_exports_leave_internal_graphs_and_local_paths_out(folder: Path, tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    store = OxigraphStore(store_dir)
    ingest([folder], store, workers=1)
    del store
    store = OxigraphStore(store_dir, read_only=True)
    everything = _dump(store, include_internal=True)
    assert "urn:ofsted-kg:store-layout" in everything and "/listing> ." in everything
    for fmt in ("nquads", "trig", "ntriples", "turtle"):
        text = _dump(store, fmt)
        assert "urn:ofsted-kg:" not in text and "/listing>" not in text, fmt
        assert "ontology#unthemedText> \"" not in text and "okg:unthemedText \"" not in text, fmt
        assert str(tmp_path) not in text and str(folder) not in text, fmt
        assert "ontology#path" in text or "okg:path" in text, fmt
    runner = CliRunner()
    out = runner.invoke(app, ["export", "-f", "nquads", "--store", str(store_dir)])
    assert out.exit_code == 0 and "urn:ofsted-kg:" not in out.stdout and "/letter/" in out.stdout
    out = runner.invoke(app, ["export", "-f", "nquads", "--store", str(store_dir), "--include-internal"])
    assert out.exit_code == 0 and "urn:ofsted-kg:store-layout" in out.stdout
