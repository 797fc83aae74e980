"""The store: idempotent ingest, removal, the query library, exports, publish, and a remote endpoint."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from typer.testing import CliRunner

from ofsted_kg.api import ingest, remove_letter
from ofsted_kg.cli.app import app
from ofsted_kg.queries.library import library, load_query
from ofsted_kg.store import OxigraphStore, RemoteStore, bind_values

from .conftest import EXAMPLES, GOLDEN

runner = CliRunner()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store")
    store = OxigraphStore(path)
    result = ingest([EXAMPLES, GOLDEN / "letters"], store)
    assert not result.failed, result.problems
    store.flush()
    del store
    return path


def _copy(seeded: Path, tmp_path: Path) -> Path:
    target = tmp_path / "store"
    shutil.copytree(seeded, target)
    return target


def test_ingest_is_idempotent_and_removal_retracts_one_letter(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s")
    first = ingest([EXAMPLES], store)
    assert len(first.loaded) == 5 and not first.quarantined
    n = store.count()
    again = ingest([EXAMPLES], store)
    assert store.count() == n and again.triples_before == again.triples_after == n
    removed = remove_letter(store, str(EXAMPLES / "004_2067af35a111929a.txt"))
    assert len(removed) == 1 and store.count() < n
    assert removed[0] not in store.graphs()
    assert remove_letter(store, removed[0]) == []


def test_people_keep_their_identifiers_across_ingests(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s")
    ingest([EXAMPLES / "002_a2bb1c2b670b0846.txt"], store)  # only "Andy Waugh" here
    ingest([EXAMPLES / "000_5f08dc2b8cd356b2.txt"], store)  # "Andrew Waugh" and "Andy Waugh"
    rows = store.select("PREFIX okg: <https://w3id.org/ofsted-kg/ontology#> "
                        "SELECT DISTINCT ?p WHERE { ?v okg:inspector ?p . ?p okg:nameAsWritten ?n "
                        "FILTER(CONTAINS(?n, 'Waugh')) }").rows
    assert len(rows) == 1


def test_library_has_the_named_questions() -> None:
    names = {q.name for q in library()}
    assert len(names) >= 15
    assert {"inspectors-of-authority", "authorities-of-inspector", "co-inspectors", "authority-timeline",
            "directors-at-visits", "repeated-recommendations", "themes-by-year", "priority-actions-by-authority",
            "returning-inspectors", "evidence-for-inspector", "director-turnover", "improvement-trajectories",
            "grades-by-region-and-year", "lead-inspectors-by-outcome", "recurring-recommendations-next-visit",
            "after-priority-actions", "publication-lag"} <= names
    for q in library():
        assert q.title and q.description, q.name


# library queries the sample store has no answer for: none of its letters holds what they ask about
EMPTY_ON_SAMPLE = {
    "repeated-recommendations",  # no recommendation recurs across the sample's visits
    "recurring-recommendations-of-authority",  # Worcestershire, the default, has no two visits with recommendations
}


def test_every_library_query_runs(seeded: Path, tmp_path: Path) -> None:
    store = OxigraphStore(_copy(seeded, tmp_path))
    defaults = {"authority": "Worcestershire", "inspector": "Waugh"}
    empty = set()
    for q in library():
        bindings = q.bind([f"{p}={defaults[p]}" for p in q.params])
        result = store.select(q.text, bindings)
        assert result.variables, q.name
        if not result.rows:
            empty.add(q.name)
    assert empty == EMPTY_ON_SAMPLE, "queries with no rows on the sample store"


def test_inspectors_of_worcestershire(seeded: Path, tmp_path: Path) -> None:
    path = _copy(seeded, tmp_path)
    result = runner.invoke(app, ["query", "inspectors-of-authority", "--param", "authority=Worcestershire County Council",
                                 "--format", "json", "--store", str(path)])
    assert result.exit_code == 0, result.output
    rows = {r["inspector"]: r["visits"] for r in json.loads(result.stdout)}
    assert rows == {"Andrew Waugh": 2, "Alison Smale": 2, "Karen McKeown": 1, "Rebecca Quested": 1,
                    "Matthew Hedges": 1}
    csv_out = runner.invoke(app, ["query", "inspectors-of-authority", "-p", "authority=worcestershire",
                                  "-f", "csv", "--store", str(path)])
    assert csv_out.stdout.splitlines()[0] == "inspector,visits,first,last"


def test_evidence_query_gives_the_sentence(seeded: Path, tmp_path: Path) -> None:
    store = OxigraphStore(_copy(seeded, tmp_path))
    q = load_query("evidence-for-inspector")
    rows = store.select(q.text, q.bind(["inspector=waugh", "authority=Worcestershire"])).rows
    sentences = {r["sentence"] for r in rows}
    assert "The visit was conducted by Her Majesty's Inspectors Andrew Waugh and Alison Smale." in sentences


def test_parameters_are_values_not_query_text(seeded: Path, tmp_path: Path) -> None:
    store = OxigraphStore(_copy(seeded, tmp_path))
    q = load_query("authorities-of-inspector")
    hostile = 'Waugh" } } UNION { ?x ?y ?z } #'
    assert store.select(q.text, q.bind([f"inspector={hostile}"])).rows == []
    assert store.select(q.text, q.bind(["inspector=Waugh"])).rows
    text = bind_values("SELECT * WHERE { ?s ?p ?authority }", {"authority": hostile})
    assert 'VALUES (?authority) { ("Waugh\\" } } UNION' in text


def test_query_errors_exit_2(seeded: Path, tmp_path: Path) -> None:
    path = str(_copy(seeded, tmp_path))
    bad = runner.invoke(app, ["query", "--sparql", "SELECT ?x WHERE { ?x ?y }", "--store", path])
    assert bad.exit_code == 2, bad.output
    assert "syntax" in bad.output.lower() and ("1:" in bad.output or "line" in bad.output), bad.output
    assert runner.invoke(app, ["query", "no-such-query", "--store", path]).exit_code == 2
    missing = runner.invoke(app, ["query", "inspectors-of-authority", "--store", path])
    assert missing.exit_code == 2 and "authority" in missing.output
    listing = runner.invoke(app, ["query", "--list"])
    assert listing.exit_code == 0 and "inspectors-of-authority" in listing.stdout


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "ntriples", "jsonld", "rdfxml"])
def test_export_parses_back(seeded: Path, tmp_path: Path, fmt: str) -> None:
    from ofsted_kg.validation import load_rdf

    path = _copy(seeded, tmp_path)
    suffix = {"turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "ntriples": ".nt", "jsonld": ".jsonld",
              "rdfxml": ".rdf"}[fmt]
    out = tmp_path / f"dump{suffix}"
    result = runner.invoke(app, ["export", "--format", fmt, "--output", str(out), "--store", str(path),
                                 "--include-internal"])  # the whole store, to compare with its count
    assert result.exit_code == 0, result.output
    ds = load_rdf(out)
    quads = list(ds.quads((None, None, None, None)))
    store = OxigraphStore(path)
    if fmt in ("trig", "nquads", "jsonld"):
        assert len(quads) == store.count()
    else:
        distinct = store.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }")
        assert len({q[:3] for q in quads}) == distinct.rows[0]["n"]
    if fmt in ("turtle", "trig"):
        assert "@prefix okg:" in out.read_text(encoding="utf-8")[:2000] or "PREFIX okg:" in out.read_text(encoding="utf-8")[:2000]


def test_publish_writes_a_servable_folder(seeded: Path, tmp_path: Path) -> None:
    path = _copy(seeded, tmp_path)
    out = tmp_path / "site"
    result = runner.invoke(app, ["publish", str(out), "--store", str(path), "--base-url", "https://data.example.org/ofsted"])
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()}
    assert {"ofsted-kg.trig", "ofsted-kg.nq", "ofsted-kg.ttl", "ontology.ttl", "themes.ttl", "void.ttl",
            "ofsted-kg-shapes.ttl", "judgement-areas.ttl", "reference.html"} <= names
    assert "<code>okg:judgementArea</code>" in (out / "reference.html").read_text(encoding="utf-8")
    void = Graph().parse(out / "void.ttl")
    q = """PREFIX void: <http://rdfs.org/ns/void#> PREFIX dcat: <http://www.w3.org/ns/dcat#>
    PREFIX dcterms: <http://purl.org/dc/terms/>
    SELECT ?triples ?licence (COUNT(?d) AS ?dists) WHERE { ?ds a void:Dataset, dcat:Dataset ; void:triples ?triples ;
    dcterms:license ?licence ; dcat:distribution ?d } GROUP BY ?triples ?licence"""
    (row,) = list(void.query(q))
    assert int(row.triples) == len(Graph().parse(out / "ofsted-kg.ttl"))  # the Turtle dump's triples  # type: ignore[union-attr]
    assert "open-government-licence" in str(row.licence) and int(row.dists) == 6  # type: ignore[union-attr]
    ds = Dataset()
    ds.parse(out / "ofsted-kg.trig", format="trig")
    assert len(list(ds.graphs())) > 5


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    from ofsted_kg.serve import oxigraph_server

    assert (Path(sys.executable).parent / "oxigraph").exists(), "the oxigraph server (PyPI package 'oxigraph') is a test dependency"
    with oxigraph_server(tmp_path / "remote", read_only=False) as url:
        yield url + "query"


def test_same_commands_against_a_remote_endpoint(oxigraph_server: str) -> None:
    ok = runner.invoke(app, ["ingest", "--endpoint", oxigraph_server, str(EXAMPLES)])
    assert ok.exit_code == 0, ok.output
    remote = RemoteStore(oxigraph_server)
    n = remote.count()
    assert n > 1000
    assert runner.invoke(app, ["ingest", "--endpoint", oxigraph_server, str(EXAMPLES)]).exit_code == 0
    assert remote.count() == n
    result = runner.invoke(app, ["query", "inspectors-of-authority", "-p", "authority=Worcestershire", "-f", "json",
                                 "--endpoint", oxigraph_server])
    assert result.exit_code == 0, result.output
    assert {r["inspector"] for r in json.loads(result.stdout)} >= {"Andrew Waugh", "Alison Smale"}
    removed = runner.invoke(app, ["ingest", "--endpoint", oxigraph_server, "--remove",
                                  str(EXAMPLES / "004_2067af35a111929a.txt")])
    assert removed.exit_code == 0 and remote.count() < n


def test_validate_a_store_directory(seeded: Path, tmp_path: Path) -> None:
    path = _copy(seeded, tmp_path)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    store = OxigraphStore(path)
    letters = [g for g in store.graphs() if "/letter/" in g and not g.endswith(("/provenance", "/listing"))]
    del store
    assert len(letters) == 73  # the five sample letters and the golden letters, some documents holding two
    assert f"{len(letters)} letters validated, 0 with violations, other graphs conform, 0 violations" in result.output, result.output
    store = OxigraphStore(path)
    letter = next(g for g in store.graphs() if "/letter/" in g and not g.endswith("/provenance"))
    store.store.update(f"DELETE WHERE {{ GRAPH <{letter}> {{ ?v <https://w3id.org/ofsted-kg/ontology#startDate> ?d }} }}")
    store.flush()
    del store
    bad = runner.invoke(app, ["validate", str(path)])
    assert bad.exit_code == 1 and "visit_start" in bad.output


def test_parallel_ingest_loads_the_same_graphs(tmp_path: Path) -> None:
    letters = tmp_path / "letters"
    letters.mkdir()
    for i in range(16):  # 16 distinct files (the trailing blank lines change their hashes)
        seed = sorted(EXAMPLES.glob("*.txt"))[i % 5]
        (letters / f"{i:03d}.txt").write_text(seed.read_text(encoding="utf-8") + "\n" * (i + 1), encoding="utf-8")
    serial, parallel = OxigraphStore(tmp_path / "serial"), OxigraphStore(tmp_path / "parallel")
    a = ingest([letters], serial, workers=1)
    b = ingest([letters], parallel, workers=2)
    assert len(a.loaded) == len(b.loaded) == 16
    assert sorted(a.loaded) == sorted(b.loaded)
    assert serial.count() - parallel.count() == 0


def test_parallel_extraction_gives_the_same_records_and_problems(tmp_path: Path) -> None:
    from ofsted_kg.api import extract_letters

    for i in range(17):
        seed = sorted(EXAMPLES.glob("*.txt"))[i % 5]
        (tmp_path / f"{i:03d}.txt").write_text(seed.read_text(encoding="utf-8") + "\n" * (i + 1), encoding="utf-8")
    (tmp_path / "zz-empty.txt").write_text("Minutes of the parish council.\n", encoding="utf-8")
    (tmp_path / "zz-bad.pdf").write_bytes(b"%PDF-1.4 not really")
    stages = []
    serial = extract_letters(tmp_path, workers=1)
    parallel = extract_letters(tmp_path, workers=2, progress=lambda done, total, stage: stages.append((done, total, stage)))
    assert [r.to_dict() for r in serial.records] == [r.to_dict() for r in parallel.records]
    assert [str(p) for p in serial.problems] == [str(p) for p in parallel.problems]
    assert len(serial.records) == 17 and sum(p.fatal for p in parallel.problems) == 2
    assert stages[-1] == (19, 19, "extracting")


def test_queries_count_each_fact_once(seeded: Path, tmp_path: Path) -> None:
    """The union of letter graphs repeats shared triples (an authority's name in every letter about it);
    the library's answers must not multiply with them."""
    store = OxigraphStore(_copy(seeded, tmp_path))
    letters = store.select(load_query("letters").text).rows
    documents = store.select("PREFIX okg: <https://w3id.org/ofsted-kg/ontology#> "
                             "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?g { ?d a okg:Document } }").rows[0]["n"]
    inputs = [p for d in (EXAMPLES, GOLDEN / "letters") for p in d.iterdir() if p.suffix in {".txt", ".md", ".html"}]
    later = list((GOLDEN / "expected-more").glob("*.json"))  # second and later letters of a document
    assert len(letters) == documents == len(inputs) + len(later)
    q = load_query("authority-timeline")
    timeline = store.select(q.text, q.bind(["authority=Worcestershire"])).rows
    assert len(timeline) == 4


def _themes_by_year_in_python(paths: list[Path]) -> dict[tuple[int, str, str], int]:
    """The same figures counted with rdflib over freshly built letter graphs (an independent count)."""
    from collections import Counter

    from rdflib import RDF

    from ofsted_kg.api import build_letters
    from ofsted_kg.graph.vocab import OKG

    counts: Counter[tuple[int, str, str]] = Counter()
    ds = build_letters(paths).dataset
    for g in ds.graphs():
        for letter in g.subjects(RDF.type, OKG.Document):
            start = g.value(g.value(letter, OKG.aboutVisit), OKG.startDate)
            if start is None:
                continue
            for f in g.objects(letter, OKG.finding):
                for t in g.objects(f, OKG.theme):
                    counts[(int(str(start)[:4]), str(t), str(g.value(f, OKG.polarity)))] += 1
    return dict(counts)


def _themes_by_year_in_store(store: OxigraphStore) -> dict[tuple[int, str, str], int]:
    rows = store.select("PREFIX okg: <https://w3id.org/ofsted-kg/ontology#> SELECT ?y ?t ?p ?n WHERE { "
                        "?c a okg:ThemeYearCount ; okg:year ?y ; okg:theme ?t ; okg:polarity ?p ; okg:findingCount ?n }").rows
    return {(int(r["y"]), str(r["t"]), str(r["p"])): int(r["n"]) for r in rows}


def test_statistics_match_an_independent_count_and_follow_removals(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s")
    ingest([EXAMPLES], store)
    expected = _themes_by_year_in_python([EXAMPLES])
    assert expected and _themes_by_year_in_store(store) == expected
    rows = store.select(load_query("themes-by-year").text).rows
    assert sum(r["findings"] for r in rows) == sum(expected.values())
    # removing a letter (as the CLI does it) takes its findings out of the counts
    gone = EXAMPLES / "004_2067af35a111929a.txt"
    result = runner.invoke(app, ["ingest", "--store", str(tmp_path / "s2"), str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["ingest", "--store", str(tmp_path / "s2"), "--remove", str(gone)])
    assert result.exit_code == 0, result.output
    rest = [p for p in sorted(EXAMPLES.glob("*.txt")) if p != gone]
    assert _themes_by_year_in_store(OxigraphStore(tmp_path / "s2", read_only=True)) == _themes_by_year_in_python(rest)


def test_bulk_ingest_loads_the_same_quads(tmp_path: Path) -> None:
    serial, bulk = OxigraphStore(tmp_path / "t"), OxigraphStore(tmp_path / "b")
    a = ingest([EXAMPLES, GOLDEN / "letters"], serial, workers=1)
    b = ingest([EXAMPLES, GOLDEN / "letters"], bulk, workers=1, bulk=True)
    assert sorted(a.loaded) == sorted(b.loaded) and len(b.loaded) > 25  # more than one batch
    assert serial.count() == bulk.count()
    assert serial.graphs() == bulk.graphs()
    # re-ingesting in bulk replaces each letter whole
    ingest([EXAMPLES], bulk, workers=1, bulk=True)
    assert bulk.count() == serial.count()


def test_an_interrupted_bulk_load_is_undone_when_the_store_is_next_opened(tmp_path: Path) -> None:
    import pyoxigraph as ox

    from ofsted_kg.store import JOURNAL_GRAPH

    store = OxigraphStore(tmp_path / "s")
    ingest([EXAMPLES], store)
    letter = next(g for g in store.graphs() if "/letter/" in g and not g.endswith("/provenance"))
    n = store.count()
    # what a crash in the middle of replace_graphs(bulk=True) leaves: the journal, and a partial graph
    store.store.load(f"<{JOURNAL_GRAPH}> <{JOURNAL_GRAPH}#graph> <urn:x:partial> .\n".encode(),
                     format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(JOURNAL_GRAPH))
    store.store.load(b"<urn:x:s> <urn:x:p> <urn:x:o> .\n", format=ox.RdfFormat.N_TRIPLES,
                     to_graph=ox.NamedNode("urn:x:partial"))
    store.flush()
    del store
    reopened = OxigraphStore(tmp_path / "s")
    assert reopened.recovered == ["urn:x:partial"]
    assert "urn:x:partial" not in reopened.graphs() and JOURNAL_GRAPH not in reopened.graphs()
    assert letter in reopened.graphs() and reopened.count() == n
    assert OxigraphStore(tmp_path / "s2").recovered == []


def test_parameters_go_where_a_query_marks_them() -> None:
    text = "SELECT ?x WHERE {\n  GRAPH ?g {\n    # parameters are bound here\n    ?x <urn:p> ?name .\n  }\n}"
    bound = bind_values(text, {"name": 'O"Brien'})
    inside = bound.index("GRAPH ?g {")
    assert bound.index('VALUES (?name) { ("O\\"Brien") }') > inside
    assert "# parameters are bound here" not in bound
    # without the marker, at the top of the WHERE clause
    assert bind_values("SELECT ?x WHERE { ?x <urn:p> ?name }", {"name": "a"}).startswith(
        'SELECT ?x WHERE { VALUES (?name) { ("a") }')


def test_library_queries_match_inside_one_letter_graph_when_they_take_an_authority() -> None:
    """Binding inside the GRAPH block is what keeps authority lookups fast on large stores."""
    for q in library():
        if "authority" in q.params:
            assert "# parameters are bound here" in q.text, q.name


class _CountingStore(OxigraphStore):
    optimized = 0

    def optimize(self) -> None:
        self.optimized += 1
        super().optimize()


def test_a_large_ingest_compacts_the_store_and_answers_stay_the_same(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import ofsted_kg.api

    store = _CountingStore(tmp_path / "s")
    ingest([EXAMPLES], store, workers=1)
    assert store.optimized == 0  # five letters: below the threshold
    before = sorted(map(str, store.select(load_query("letters").text).rows))
    monkeypatch.setattr(ofsted_kg.api, "OPTIMIZE_AFTER", 5)
    n = store.count()
    ingest([EXAMPLES], store, workers=1)
    assert store.optimized == 1 and store.count() == n
    assert sorted(map(str, store.select(load_query("letters").text).rows)) == before
    ingest([EXAMPLES], store, workers=1, optimize=False)
    assert store.optimized == 1


def test_statistics_kept_incrementally_match_a_recount(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ofsted_kg.knowledge_graph
    from ofsted_kg.statistics import stored_counts, theme_year_counts

    def recount(store: OxigraphStore) -> dict[tuple[int, str, str], int]:
        return {(y, t, p): n for y, t, p, n in theme_year_counts(store)}

    store = OxigraphStore(tmp_path / "s")
    seeds = sorted(EXAMPLES.glob("*.txt"))
    ingest(seeds[:2], store, workers=1)  # no counts yet: a recount
    ingest(seeds[2:], store, workers=1)  # a few letters: their counts added
    assert stored_counts(store) == recount(store) and recount(store)
    ingest(seeds[:1], store, workers=1)  # a letter replaced by itself: taken away, then added again
    assert stored_counts(store) == recount(store)
    remove_letter(store, str(seeds[3]))
    assert stored_counts(store) == recount(store)
    golden = sorted((GOLDEN / "letters").glob("*.txt"))[:4]
    monkeypatch.setattr(ofsted_kg.knowledge_graph, "INCREMENTAL_MAX", 2)  # too many letters: a recount
    ingest(golden, store, workers=1)
    assert stored_counts(store) == recount(store)
    before = stored_counts(store)
    assert before is not None
    remove_letter(store, str(seeds[0]), refresh=False)  # the caller recounts later
    assert stored_counts(store) == before != recount(store)


def test_counts_left_out_of_step_by_a_dead_run_are_recounted(tmp_path: Path) -> None:
    from ofsted_kg.statistics import (
        PENDING_GRAPH,
        begin_changes,
        statistics_graph,
        statistics_graph_iri,
        stored_counts,
        theme_year_counts,
    )

    store = OxigraphStore(tmp_path / "s")
    seeds = sorted(EXAMPLES.glob("*.txt"))
    ingest(seeds[:3], store, workers=1)
    assert not store.has_graph(PENDING_GRAPH)  # a finished run leaves no mark
    # a run that died after changing letters, before adjusting the counts: they no longer fit
    assert begin_changes(store)
    wrong = statistics_graph([(2020, "urn:x:theme", "urn:x:polarity", 7)])
    store.replace_graph(str(statistics_graph_iri()), wrong.serialize(format="nt"))
    ingest(seeds[3:], store, workers=1)  # finds the mark: recounts instead of adjusting
    assert stored_counts(store) == {(y, t, p): n for y, t, p, n in theme_year_counts(store)}
    assert not store.has_graph(PENDING_GRAPH)


REFERENCE = Path(__file__).parent / "reference"


def _rows(store: OxigraphStore, text: str) -> list[tuple[object, ...]]:
    result = store.select(text)
    return [tuple(r[v] for v in result.variables) for r in result.rows]


def _same_rows(listed: list[tuple[object, ...]], direct: list[tuple[object, ...]], joined: int | None = None) -> None:
    """The same rows; a GROUP_CONCAT column (`joined`) may list its values in any order."""
    def norm(row: tuple[object, ...]) -> tuple[object, ...]:
        if joined is None:
            return row
        return (*row[:joined], tuple(sorted(str(row[joined] or "").split("; "))), *row[joined + 1:])
    assert sorted(map(norm, listed), key=repr) == sorted(map(norm, direct), key=repr)


@pytest.mark.parametrize(("name", "joined", "least"), [("unthemed-findings", None, 5), ("co-inspectors", 3, 5),
                                                       ("recurring-recommendations-next-visit", None, 4)])
def test_listing_queries_answer_as_the_letters_graphs_do(seeded: Path, tmp_path: Path, name: str,
                                                         joined: int | None, least: int) -> None:
    store = OxigraphStore(_copy(seeded, tmp_path))
    listed = _rows(store, load_query(name).text)
    direct = _rows(store, (REFERENCE / f"{name}-direct.rq").read_text())
    # the sample letters have unthemed findings, visits by several inspectors, and Calderdale's
    # recommendations of 2018 followed by a visit in 2022
    assert len(direct) >= least
    _same_rows(listed, direct, joined)


def test_a_store_from_before_listing_graphs_is_given_them_by_the_next_ingest(seeded: Path, tmp_path: Path) -> None:
    from ofsted_kg.graph.listing import LAYOUT_GRAPH, lacks_listings

    path = _copy(seeded, tmp_path)
    store = OxigraphStore(path)
    expected = _rows(store, load_query("co-inspectors").text)
    for g in store.graphs():  # what an earlier version left: letters without listing graphs or layout mark
        if g.endswith("/listing") or g == LAYOUT_GRAPH:
            store.remove_graph(g)
    assert lacks_listings(store) and _rows(store, load_query("co-inspectors").text) == []
    store.flush()
    del store
    warned = runner.invoke(app, ["query", "co-inspectors", "--store", str(path), "--format", "csv"])
    assert warned.exit_code == 0 and "earlier version" in warned.stderr
    store = OxigraphStore(path)
    result = ingest([EXAMPLES / "002_a2bb1c2b670b0846.txt"], store)
    assert any("given their listing graphs" in p.message for p in result.problems)
    assert not lacks_listings(store)
    _same_rows(_rows(store, load_query("co-inspectors").text), expected, 3)


def test_removing_a_letter_removes_its_listing(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s")
    ingest([EXAMPLES], store)
    removed = remove_letter(store, str(EXAMPLES / "004_2067af35a111929a.txt"))
    assert removed and f"{removed[0]}/listing" not in store.graphs()
    assert sum(g.endswith("/listing") for g in store.graphs()) == 4


def test_a_store_of_listing_layout_1_is_given_the_rows_of_layout_2(seeded: Path, tmp_path: Path) -> None:
    """Layout 2 adds each visit's recommendation themes to the listing graphs. A store listed by layout 1
    is upgraded by one query for the whole store: the listing graphs must end as `letter_listing` makes them."""
    from ofsted_kg.graph.listing import LAYOUT_GRAPH, ensure_listings, lacks_listings

    path = _copy(seeded, tmp_path)
    store = OxigraphStore(path)
    listings = {g: sorted(store.graph_ntriples(g).splitlines()) for g in store.graphs() if g.endswith("/listing")}
    assert sum("#recommendationTheme>" in line for lines in listings.values() for line in lines) >= 5
    expected = _rows(store, load_query("recurring-recommendations-next-visit").text)
    assert len(expected) >= 4
    for g, lines in listings.items():  # what layout 1 left: no recommendation themes, and its mark
        store.replace_graph(g, "".join(line + "\n" for line in lines if "#recommendationTheme>" not in line))
    store.replace_graph(LAYOUT_GRAPH, f'<{LAYOUT_GRAPH}> <{LAYOUT_GRAPH}#version> '
                        '"1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n')
    assert lacks_listings(store) and not lacks_listings(store, 1)
    assert _rows(store, load_query("recurring-recommendations-next-visit").text) == []
    store.flush()
    del store
    warned = runner.invoke(app, ["query", "recurring-recommendations-next-visit", "--store", str(path), "--format", "csv"])
    assert warned.exit_code == 0 and "earlier version" in warned.stderr
    quiet = runner.invoke(app, ["query", "co-inspectors", "--store", str(path), "--format", "csv"])
    assert quiet.exit_code == 0 and "earlier version" not in quiet.stderr  # layout 1 is all it needs
    store = OxigraphStore(path)
    assert ensure_listings(store) > 0 and not lacks_listings(store)
    assert {g: sorted(store.graph_ntriples(g).splitlines()) for g in listings} == listings
    assert _rows(store, load_query("recurring-recommendations-next-visit").text) == expected
