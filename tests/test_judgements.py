"""Judgement areas as written in reports -> the concepts of their framework's scheme."""

from __future__ import annotations

import pytest
from rdflib import RDF, Graph
from rdflib.namespace import SKOS

from ofsted_kg import ontology
from ofsted_kg.graph.judgements import AREAS, FRAMEWORKS, area_concept, framework_of


@pytest.mark.parametrize(("framework", "area", "concept"), [
    ("SIF", "Overall effectiveness", "sif_overall_effectiveness"),
    ("SIF", "1. Children who need help and protection", "sif_help_and_protection"),
    ("SIF", "2. Children looked after and achieving permanence", "sif_looked_after"),
    ("SIF", "2.1 Adoption performance", "sif_adoption"),
    ("SIF", "2.2 Experiences and progress of care leavers", "sif_care_leavers"),
    ("SIF", "3. Leadership, management and governance", "sif_leadership"),
    ("SIF", "The Local Safeguarding Children Board", "sif_lscb"),
    ("ILACS 2018", "The experiences and progress of children in care and care leavers",
     "ilacs2018_children_in_care_and_care_leavers"),
    ("ILACS 2018", "The impact of leaders on social work practice with children and families", "ilacs2018_leadership"),
    ("ILACS 2023", "The experiences and progress of children in care", "ilacs2023_children_in_care"),
    ("ILACS 2023", "The experiences and progress of care leavers", "ilacs2023_care_leavers"),
    ("ILACS 2026", "The impact of leaders on practice with children and families", "ilacs2026_leadership"),
    ("safeguarding and looked after children 2009-2012", "Capacity to improve", "slac_capacity_to_improve"),
])
def test_areas_as_written_map_to_their_framework(framework: str, area: str, concept: str) -> None:
    assert area_concept(framework, area) == AREAS[concept]


def test_no_concept_for_what_the_scheme_lacks() -> None:
    assert area_concept("ILACS 2026", "Overall effectiveness") is None  # the reform dropped it
    assert area_concept("SIF", "requirements are in place, however, the authority") is None  # a misread row
    assert area_concept(None, "Overall effectiveness") is None
    assert framework_of("ILACS", "ILACS 2023") == "ILACS 2023" and framework_of("ILACS", None) is None


def test_each_framework_scheme_exists_and_each_concept_matches_a_neutral_area() -> None:
    g = Graph().parse(data=ontology.read("judgement-areas.ttl"), format="turtle")
    schemes = set(g.subjects(RDF.type, SKOS.ConceptScheme))
    assert {scheme for scheme, _ in FRAMEWORKS.values()} <= schemes
    neutral = set(g.subjects(SKOS.inScheme, AREAS.frameworks))
    for c in g.subjects(RDF.type, SKOS.Concept):
        if c not in neutral:
            assert set(g.objects(c, SKOS.broadMatch)) & neutral, c
            (scheme,) = g.objects(c, SKOS.inScheme)
            assert (scheme, SKOS.hasTopConcept, c) in g and g.value(scheme, SKOS.notation) is not None, c
