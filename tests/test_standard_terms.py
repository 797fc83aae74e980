"""Standard terms written, not inferred (issue 17, item 4), and clean publications (item 5): a client
without inference finds labels, persons, annotations, memberships and runs; the data loaded with the
ontology is in the OWL 2 DL profile (checked by the OWL API's own profile checker); no absolute paths."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.namespace import FOAF, PROV, SKOS

from ofsted_kg import ontology
from ofsted_kg.api import build_letters
from ofsted_kg.graph.build import published_path
from ofsted_kg.graph.vocab import OA, OKG, ORG

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "letters"
CHECKER = Path(__file__).parent / "java" / "DLProfile.java"


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("letters") / "in"
    (folder / "sub").mkdir(parents=True)
    files = sorted(EXAMPLES.iterdir())
    for f in files[:3]:
        shutil.copy(f, folder / f.name)
    shutil.copy(files[3], folder / "sub" / files[3].name)
    return folder


@pytest.fixture(scope="module")
def ds(letters: Path) -> Dataset:
    result = build_letters([letters], workers=1)
    assert not result.quarantined
    return result.dataset


def _union(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def test_a_client_without_inference_sees_the_standard_terms(ds: Dataset) -> None:
    g = _union(ds)
    people = set(g.subjects(RDF.type, OKG.Person))
    assert people and people == set(g.subjects(RDF.type, FOAF.Person))
    assert all(g.value(p, FOAF.name) is not None for p in people)
    evidence = set(g.subjects(RDF.type, OKG.Evidence))
    assert evidence and evidence == set(g.subjects(RDF.type, OA.Annotation))
    for e in evidence:
        assert g.value(e, OA.hasBody) == g.value(e, OKG.evidenceOf)
        assert g.value(e, OA.hasTarget) is not None
        assert (e, RDF.value, None) not in g  # IRIs and literals on one property left OWL 2 DL
    memberships = set(g.subjects(RDF.type, OKG.DirectorMembership))
    assert memberships and memberships == set(g.subjects(RDF.type, ORG.Membership))
    for m in memberships:
        assert g.value(m, ORG.member) == g.value(m, OKG.director)
        assert g.value(m, ORG.organization) == g.value(m, OKG.directorOf)
        assert g.value(m, ORG.role) is not None
    runs = set(g.subjects(RDF.type, OKG.ExtractionRun))
    assert runs and runs <= set(g.subjects(RDF.type, PROV.Activity))


def test_every_typed_resource_has_a_label(ds: Dataset) -> None:
    g = _union(ds)
    unlabelled = {s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and g.value(s, RDFS.label) is None}
    assert not unlabelled, sorted(unlabelled)[:5]


def test_one_generating_activity_per_entity_and_no_exact_match_to_a_geography(ds: Dataset) -> None:
    g = _union(ds)
    for letter in g.subjects(RDF.type, OKG.Document):
        generators = set(g.objects(letter, OKG.aboutVisit)) | set(g.objects(letter, PROV.wasGeneratedBy)) \
            | set(g.subjects(PROV.generated, letter))
        assert len(generators) == 1, (letter, generators)
    for authority in g.subjects(RDF.type, OKG.Authority):
        assert (authority, SKOS.exactMatch, None) not in g
    assert any(str(o).startswith("http://statistics.data.gov.uk/") for o in g.objects(None, OKG.governedArea))


def test_source_paths_are_relative_to_the_folder_given(ds: Dataset, letters: Path) -> None:
    paths = {str(o) for o in _union(ds).objects(None, OKG.path)}
    assert paths and not any(p.startswith("/") or str(letters) in p for p in paths), paths
    assert any(p.startswith("sub/") for p in paths)
    assert not any(str(letters) in str(o) for _s, _p, o, _g in ds.quads((None, None, None, None)))


def test_published_path(tmp_path: Path) -> None:
    (tmp_path / "in" / "a").mkdir(parents=True)
    root, file = tmp_path / "in", tmp_path / "in" / "a" / "b.txt"
    assert published_path(str(file), [root]) == "a/b.txt"
    assert published_path(str(file), [file]) == "b.txt"
    assert published_path(str(file), [tmp_path / "elsewhere"]) == "b.txt"
    assert published_path("rel/b.txt", []) == "rel/b.txt"


def test_shapes_catch_a_missing_standard_term(ds: Dataset) -> None:
    from ofsted_kg.validation import validate_letter_graph

    letter = next(g for g in ds.graphs() if (g.identifier, RDF.type, OKG.Document) in g)
    broken = Graph()
    for t in letter:
        broken.add(t)
    person = next(broken.subjects(RDF.type, FOAF.Person))
    broken.remove((person, RDF.type, FOAF.Person))
    broken.remove((next(broken.subjects(RDF.type, OKG.Finding)), RDFS.label, None))
    result = validate_letter_graph(broken, letter.identifier)
    messages = {v.message for v in result.violations}
    assert "a person is stated to be a foaf:Person" in messages
    assert "a resource has an rdfs:label" in messages


def _profile_check(tmp_path: Path, g: Graph) -> tuple[int, str]:
    import owlready2

    jar = Path(owlready2.__file__).parent / "hermit" / "HermiT.jar"  # holds the OWL API 3 and its profiles
    if shutil.which("javac") is None:
        pytest.skip("needs a JDK (javac) to compile the OWL API profile checker; scripts/test.sh installs one")
    classes = tmp_path / "classes"
    subprocess.run(["javac", "-nowarn", "-cp", str(jar), "-d", str(classes), str(CHECKER)], check=True,
                   capture_output=True)
    data = tmp_path / "all.nt"
    g.serialize(data, format="nt", encoding="utf-8")
    run = subprocess.run(["java", "-cp", f"{jar}:{classes}", "DLProfile", str(data)], capture_output=True,
                         text=True, timeout=300)
    return run.returncode, run.stdout


def _with_ontology(ds: Dataset) -> Graph:
    g = _union(ds)
    for name in ("ofsted-kg.ttl", "themes.ttl", "judgement-areas.ttl"):
        g.parse(data=ontology.read(name), format="turtle")
    return g


def test_ontology_and_data_are_in_owl2_dl(ds: Dataset, tmp_path: Path) -> None:
    rc, out = _profile_check(tmp_path, _with_ontology(ds))
    assert rc == 0, out[-3000:]
    assert out.strip().endswith("violations 0")


def test_the_profile_checker_finds_what_left_owl2_dl(ds: Dataset, tmp_path: Path) -> None:
    g = _with_ontology(ds)
    e = next(g.subjects(RDF.type, OKG.Evidence))
    g.add((e, RDF.value, g.value(e, OKG.evidenceOf)))  # the old data: rdf:value with IRIs ...
    g.add((e, RDF.value, g.value(next(g.subjects(RDF.type, OKG.Finding)), OKG.text)))  # ... and literals
    g.remove((OA.hasSelector, RDF.type, None))  # an undeclared Web Annotation term
    rc, out = _profile_check(tmp_path, g)
    assert rc == 1
    assert "rdf:value" in out and "hasSelector" in out
