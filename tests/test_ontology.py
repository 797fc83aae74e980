"""The ontology file: parses, declares exactly the terms of graph/vocab.py, stays in OWL 2 DL, loads
into owlready2 and is consistent for HermiT."""

from __future__ import annotations

import inspect
import re
import time
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, SKOS
from rdflib.term import Node

from ofsted_kg import ontology
from ofsted_kg.graph.vocab import OA, OKG, ONTOLOGY_IRI, ORG, SCHEMA
from ofsted_kg.ontology import reasoner

NS = ONTOLOGY_IRI + "#"
ONTOLOGY = URIRef(ONTOLOGY_IRI)
VANN = Namespace("http://purl.org/vocab/vann/")

# the type each section of vocab.py stands for
SECTION_TYPES = {"classes": OWL.Class, "object properties": OWL.ObjectProperty,
                 "datatype properties": OWL.DatatypeProperty}
MAIN_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.ConceptScheme, SKOS.Concept}
SCHEMES = {"kind": OKG.VisitKinds, "grade": OKG.JudgementGrades, "polarity": OKG.Polarities, "role": OKG.Roles}
VISIT_CLASSES = {OKG.MonitoringVisit, OKG.FocusedVisit, OKG.Inspection, OKG.AnnualUnannouncedInspection,
                 OKG.JointTargetedAreaInspection, OKG.AssuranceVisit, OKG.OtherVisit}
DCT = DCTERMS


@pytest.fixture(scope="module")
def g() -> Graph:
    return Graph().parse(data=ontology.read("ofsted-kg.ttl"), format="turtle")


def vocab_terms() -> dict[URIRef, URIRef]:
    """Every OKG term with the type its section of vocab.py implies."""
    names = [n for n in OKG.__annotations__ if not n.startswith("_")]
    section = ""
    expected: dict[URIRef, URIRef] = {}
    for line in inspect.getsource(OKG).splitlines():
        header = re.match(r"\s*# --- (.+?) -", line)
        if header:
            section = header.group(1)
            continue
        m = re.match(r"\s*(\w+): object", line)
        if not m:
            continue
        name = m.group(1)
        if section.startswith("SKOS"):
            expected[OKG[name]] = SKOS.Concept if "_" in name else SKOS.ConceptScheme
        else:
            assert section in SECTION_TYPES, f"vocab.py: {name} is in an unknown section {section!r}"
            expected[OKG[name]] = SECTION_TYPES[section]
    assert {str(t).removeprefix(NS) for t in expected} == set(names), "vocab.py sections could not be read"
    return expected


def ours(node: Node) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(NS)


def english(g: Graph, s: URIRef, p: URIRef) -> list[Literal]:
    return [o for o in g.objects(s, p) if isinstance(o, Literal) and o.language == "en" and str(o).strip()]


# ---- the file and its terms ---------------------------------------------------------------------


def test_turtle_parses_and_names_the_ontology(g: Graph) -> None:
    assert "ofsted-kg.ttl" in ontology.files()
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in g
    assert len(set(g.subjects(RDF.type, OWL.Ontology))) == 1


def test_declared_terms_are_exactly_the_vocab_terms(g: Graph) -> None:
    declared = {s for s in g.subjects(RDF.type, None) if ours(s)}
    expected = set(vocab_terms())
    assert declared - expected == set(), "declared in the ontology but missing from graph/vocab.py"
    assert expected - declared == set(), "in graph/vocab.py but not declared in the ontology"
    used = {n for t in g for n in t if ours(n)}
    assert used <= expected, f"okg: IRIs used but not in the vocabulary: {sorted(map(str, used - expected))}"


def test_each_term_has_one_type_matching_its_vocab_section(g: Graph) -> None:
    for term, expected in vocab_terms().items():
        types = set(g.objects(term, RDF.type)) & MAIN_TYPES
        assert types == {expected}, f"{term}: declared as {sorted(map(str, types))}, vocab.py says {expected}"


def test_concepts_and_schemes_are_named_individuals(g: Graph) -> None:
    for term in set(g.subjects(RDF.type, SKOS.Concept)) | set(g.subjects(RDF.type, SKOS.ConceptScheme)):
        assert (term, RDF.type, OWL.NamedIndividual) in g, term


def test_every_term_has_an_english_label_and_definition(g: Graph) -> None:
    for term in vocab_terms():
        assert len(english(g, term, RDFS.label)) == 1, f"{term}: needs one rdfs:label@en"
        assert len(english(g, term, SKOS.definition)) == 1, f"{term}: needs one skos:definition@en"


# ---- hierarchy and alignments --------------------------------------------------------------------


def test_class_hierarchy(g: Graph) -> None:
    for cls in VISIT_CLASSES:
        assert (cls, RDFS.subClassOf, OKG.Visit) in g, cls
    for sub, sup in [(OKG.Letter, OKG.Document), (OKG.Report, OKG.Document), (OKG.Inspector, OKG.Person),
                     (OKG.Director, OKG.Person), (OKG.PreviousJudgement, OKG.Judgement)]:
        assert (sub, RDFS.subClassOf, sup) in g, (sub, sup)
    assert set(g.subjects(RDFS.subClassOf, OKG.Visit)) == VISIT_CLASSES


def test_each_visit_class_has_its_kind(g: Graph) -> None:
    """The seven kinds of visit and the seven subclasses of okg:Visit correspond one to one."""
    kinds = {c for c in g.subjects(SKOS.inScheme, OKG.VisitKinds)}
    assert len(kinds) == 7
    linked = {}
    for kind in kinds:
        classes = set(g.objects(kind, RDFS.seeAlso)) & VISIT_CLASSES
        assert len(classes) == 1, kind
        linked[classes.pop()] = kind
    assert set(linked) == VISIT_CLASSES
    for cls, kind in linked.items():
        # cls ≡ Visit ⊓ ∃visitKind.{kind}
        restrictions = {r for r in g.subjects(OWL.hasValue, kind) if (r, OWL.onProperty, OKG.visitKind) in g}
        assert len(restrictions) == 1, kind
        equivalents = list(g.objects(cls, OWL.equivalentClass))
        assert len(equivalents) == 1, cls
        intersection = g.value(equivalents[0], OWL.intersectionOf)
        assert intersection is not None, cls
        members = set(g.items(intersection))
        assert members == {OKG.Visit, restrictions.pop()}, cls


ALIGNMENTS = [
    (OKG.Authority, RDFS.subClassOf, ORG.FormalOrganization),
    (OKG.DirectorMembership, RDFS.subClassOf, ORG.Membership),
    (OKG.directorOf, RDFS.subPropertyOf, ORG.organization),
    (OKG.director, RDFS.subPropertyOf, ORG.member),
    (OKG.Visit, RDFS.subClassOf, PROV.Activity),
    (OKG.Document, RDFS.subClassOf, PROV.Entity),
    (OKG.Person, RDFS.subClassOf, PROV.Agent),
    (OKG.ExtractionRun, RDFS.subClassOf, PROV.Activity),
    (OKG.InspectorAssociation, RDFS.subClassOf, PROV.Association),
    (OKG.aboutVisit, RDFS.subPropertyOf, PROV.wasGeneratedBy),
    (OKG.inspector, RDFS.subPropertyOf, PROV.wasAssociatedWith),
    (OKG.signedBy, RDFS.subPropertyOf, PROV.wasAttributedTo),
    (OKG.Evidence, RDFS.subClassOf, OA.Annotation),
    (OKG.evidenceOf, RDFS.subPropertyOf, OA.hasBody),
    (OKG.Person, RDFS.subClassOf, FOAF.Person),
    (OKG.name, RDFS.subPropertyOf, FOAF.name),
    (OKG.Document, RDFS.subClassOf, FOAF.Document),
    (OKG.startDate, RDFS.subPropertyOf, SCHEMA.startDate),
    (OKG.endDate, RDFS.subPropertyOf, SCHEMA.endDate),
    (OKG.letterDate, RDFS.subPropertyOf, DCT.issued),
    (OKG.leadInspector, RDFS.subPropertyOf, OKG.inspector),
]


@pytest.mark.parametrize("triple", ALIGNMENTS, ids=lambda t: f"{t[0].split('#')[-1]}-{t[2].split('/')[-1]}")
def test_alignment(g: Graph, triple: tuple[URIRef, URIRef, URIRef]) -> None:
    assert triple in g


def test_ranges_and_domains(g: Graph) -> None:
    ranges = {OKG.startDate: XSD.date, OKG.endDate: XSD.date, OKG.letterDate: XSD.date,
              OKG.sequenceNumber: XSD.integer, OKG.page: XSD.integer, OKG.complete: XSD.boolean,
              OKG.text: XSD.string, OKG.name: XSD.string, OKG.title: XSD.string,
              OKG.visitOf: OKG.Authority, OKG.aboutVisit: OKG.Visit, OKG.inspector: OKG.Inspector,
              OKG.directorOf: OKG.Authority, OKG.grade: SKOS.Concept, OKG.evidenceIn: OKG.Document}
    for prop, rng in ranges.items():
        assert set(g.objects(prop, RDFS.range)) == {rng}, prop
    for prop in (OKG.visitOf, OKG.visitKind, OKG.inspector, OKG.startDate, OKG.sequenceNumber):
        assert set(g.objects(prop, RDFS.domain)) == {OKG.Visit}, prop


# ---- OWL 2 DL hygiene (the things HermiT does not always complain about) ------------------------

BUILTIN = (str(RDF), str(RDFS), str(OWL), str(XSD))


def test_no_iri_is_two_kinds_of_property(g: Graph) -> None:
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    for s in set(g.subjects(RDF.type, None)):
        found = [k for k in kinds if (s, RDF.type, k) in g]
        assert len(found) <= 1, f"{s} is declared as {found}"


def test_property_hierarchy_does_not_mix_kinds(g: Graph) -> None:
    for sub, sup in g.subject_objects(RDFS.subPropertyOf):
        for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
            if (sub, RDF.type, kind) in g:
                assert (sup, RDF.type, kind) in g, f"{sub} ⊑ {sup}: {sup} must be declared {kind}"


def test_every_referenced_entity_is_declared(g: Graph) -> None:
    for s, p, o in g:
        classes = (s, o) if p in (RDFS.subClassOf, OWL.equivalentClass) else (o,) if p == RDFS.domain else ()
        for c in classes:
            assert isinstance(c, BNode) or (c, RDF.type, OWL.Class) in g, f"class {c} is not declared"
        if p == RDFS.range and (s, RDF.type, OWL.ObjectProperty) in g:
            assert isinstance(o, BNode) or (o, RDF.type, OWL.Class) in g, f"range {o} of {s}"
        if p == RDFS.range and (s, RDF.type, OWL.DatatypeProperty) in g:
            assert str(o).startswith(str(XSD)), f"range {o} of datatype property {s}"
        if p == OWL.onProperty:
            assert (o, RDF.type, OWL.ObjectProperty) in g, f"restriction on undeclared {o}"
        if not str(p).startswith(BUILTIN):
            # a datatype property may state a fact about a named individual (a grade's okg:rank)
            fact = (p, RDF.type, OWL.DatatypeProperty) in g and (s, RDF.type, OWL.NamedIndividual) in g
            assert fact or (p, RDF.type, OWL.AnnotationProperty) in g, f"{p} is used as an annotation but not declared"


# ---- SKOS schemes --------------------------------------------------------------------------------


def test_each_concept_is_in_its_scheme(g: Graph) -> None:
    concepts = {c for c in g.subjects(RDF.type, SKOS.Concept) if isinstance(c, URIRef)}
    assert concepts == {t for t, k in vocab_terms().items() if k == SKOS.Concept}
    for c in concepts:
        prefix = str(c).removeprefix(NS).split("_", 1)[0]
        scheme = SCHEMES[prefix]
        assert set(g.objects(c, SKOS.inScheme)) == {scheme}, c
        assert (c, SKOS.topConceptOf, scheme) in g and (scheme, SKOS.hasTopConcept, c) in g, c
        assert len(english(g, c, SKOS.prefLabel)) == 1, c
        alt = {str(a) for a in g.objects(c, SKOS.altLabel)}
        assert str(g.value(c, SKOS.prefLabel)) not in alt, c
    assert set(SCHEMES.values()) == set(g.subjects(RDF.type, SKOS.ConceptScheme))


def test_visit_kinds_carry_the_letters_words(g: Graph) -> None:
    def alts(c: URIRef) -> set[str]:
        return {str(a) for a in g.objects(c, SKOS.altLabel)}

    assert ("annual unannounced inspection of contact, referral and assessment arrangements"
            in alts(OKG.kind_annual_unannounced_inspection))
    assert "JTAI" in alts(OKG.kind_joint_targeted_area_inspection)
    assert "Interim Director of Children's Services" in alts(OKG.role_director_of_childrens_services)


def test_grades_are_ordered(g: Graph) -> None:
    order = [OKG.grade_outstanding, OKG.grade_good, OKG.grade_requires_improvement, OKG.grade_inadequate]
    assert [g.value(c, SKOS.notation) for c in order] == [Literal(n) for n in (1, 2, 3, 4)]
    assert g.value(OKG.grade_adequate, SKOS.notation) == Literal(3)
    assert [g.value(c, OKG.rank) for c in order] == [Literal(n) for n in (1, 2, 3, 4)]
    assert g.value(OKG.grade_adequate, OKG.rank) == Literal(3)
    assert (OKG.grade_adequate, SKOS.closeMatch, OKG.grade_requires_improvement) in g
    assert Literal("requires improvement to be good", lang="en") in set(
        g.objects(OKG.grade_requires_improvement, SKOS.altLabel))


# ---- metadata ------------------------------------------------------------------------------------


def test_ontology_metadata(g: Graph) -> None:
    version = g.value(ONTOLOGY, OWL.versionInfo)
    assert version is not None
    assert g.value(ONTOLOGY, OWL.versionIRI) == URIRef(f"{ONTOLOGY_IRI}/{version}")
    assert g.value(ONTOLOGY, DCT.license) == URIRef("https://opensource.org/licenses/MIT")
    for p in (DCT.title, DCT.description):
        assert english(g, ONTOLOGY, p), p
    assert g.value(ONTOLOGY, DCT.creator) is not None
    created = g.value(ONTOLOGY, DCT.created)
    assert isinstance(created, Literal) and created.datatype == XSD.date
    assert g.value(ONTOLOGY, VANN.preferredNamespacePrefix) == Literal("okg")
    assert g.value(ONTOLOGY, VANN.preferredNamespaceUri) == Literal(NS)


# ---- owlready2 and HermiT ------------------------------------------------------------------------


def test_owlready_loads_the_ontology() -> None:
    onto = reasoner.load_owlready()
    assert onto.base_iri == NS
    classes = {c.iri for c in onto.classes() if c.iri.startswith(NS)}
    assert classes == {str(t) for t, k in vocab_terms().items() if k == OWL.Class}
    letter = onto.world[str(OKG.Letter)]
    assert onto.world[str(OKG.Document)] in letter.is_a
    assert onto.world[str(OKG.visitOf)] in set(onto.object_properties())
    assert onto.world[str(OKG.startDate)] in set(onto.data_properties())
    assert onto.world[str(OKG.kind_focused_visit)] in set(onto.individuals())


def test_hermit_finds_the_ontology_consistent() -> None:
    t0 = time.monotonic()
    ok, message = reasoner.check_consistency()
    assert ok, message
    assert time.monotonic() - t0 < 20


def _broken(tmp_path: Path, extra: str) -> Path:
    p = tmp_path / "broken.ttl"
    p.write_text(ontology.read("ofsted-kg.ttl") + "\n" + extra, encoding="utf-8")
    return p


def test_hermit_reports_an_unsatisfiable_class(tmp_path: Path) -> None:
    # letters and reports are disjoint, and so are the kinds of visit
    p = _broken(tmp_path, "okg:LetterReport a owl:Class ; rdfs:subClassOf okg:Letter , okg:Report .\n")
    ok, message = reasoner.check_consistency(p)
    assert not ok and "LetterReport" in message


def test_hermit_reports_an_inconsistency(tmp_path: Path) -> None:
    p = _broken(tmp_path, "<https://example.org/v> a okg:Visit ; okg:visitKind okg:kind_focused_visit , "
                          "okg:kind_monitoring_visit .\n")
    ok, message = reasoner.check_consistency(p)
    assert not ok and "inconsistent" in message


def test_missing_java_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import owlready2

    monkeypatch.setattr(owlready2, "JAVA_EXE", "no-such-java-for-ofsted-kg")
    with pytest.raises(RuntimeError, match="default-jre-headless"):
        reasoner.check_consistency()
