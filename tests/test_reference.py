"""The reference page for SPARQL writers: generated from the ontology, current, and its worked queries
answer right on the hand-worked store (tests/analyst_store.py)."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, Graph, URIRef

from ofsted_kg import ontology
from ofsted_kg.reference import (
    ACROSS_FRAMEWORKS,
    COUNT_BY_VISIT,
    TRAJECTORY,
    reference_html,
    reference_markdown,
    terms,
)
from ofsted_kg.store import OxigraphStore

from .analyst_store import build_store
from .conftest import ROOT


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    return build_store(tmp_path_factory.mktemp("reference") / "store")


def test_docs_reference_is_current() -> None:
    assert (ROOT / "docs" / "reference.md").read_text(encoding="utf-8") == reference_markdown(), (
        "docs/reference.md is out of date: python -m ofsted_kg.reference > docs/reference.md")


def test_every_class_and_property_is_listed_with_domain_and_range() -> None:
    g = Graph().parse(data=ontology.read("ofsted-kg.ttl"), format="turtle")
    ns = "https://w3id.org/ofsted-kg/ontology#"
    declared = {str(s).replace(ns, "okg:") for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
                for s in g.subjects(RDF.type, kind) if isinstance(s, URIRef) and str(s).startswith(ns)}
    listed = {t.iri for t in terms()}
    assert listed == declared
    page, md = reference_html(), reference_markdown()
    for t in terms():
        assert f"<code>{t.iri}</code>" in page and f"`{t.iri}`" in md
    region = next(t for t in terms() if t.iri == "okg:region")
    assert (region.domain, region.range) == ("okg:Authority", "xsd:string")


def test_worked_queries_answer_right(store: OxigraphStore) -> None:
    by_visit = {r["authority"]: r["inspections"] for r in store.select(COUNT_BY_VISIT).rows}
    assert by_visit == {"Slough": 3, "Peterborough": 1, "Lewisham": 2}  # Slough 2023 has two documents
    assert store.select(TRAJECTORY).rows == [{"authority": "Slough", "inadequate": "2016-11", "better": "2023-05"}]
    assert len([line for line in TRAJECTORY.splitlines() if not line.startswith(("PREFIX", "#"))]) < 15
    across = {(r["authority"], r["framework"], r["grade"]) for r in store.select(ACROSS_FRAMEWORKS).rows}
    assert across == {("Slough", "SIF", "inadequate"), ("Slough", "ILACS 2018", "requires improvement"),
                      ("Slough", "ILACS 2023", "good"), ("Peterborough", "ILACS 2018", "inadequate"),
                      ("Lewisham", "SIF", "requires improvement"), ("Lewisham", "ILACS 2026", "inadequate")}


def test_readme_links_the_reference() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/reference.md" in readme and "COUNT(DISTINCT ?visit)" in readme
