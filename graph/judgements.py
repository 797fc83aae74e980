"""Judgements as data: a report's judgement area, as written, to a concept of its framework's scheme
(ontology/judgement-areas.ttl), and the framework a record's judgements were made under."""

from __future__ import annotations

import re
from functools import cache

from rdflib import Namespace, URIRef

AREAS = Namespace("https://w3id.org/ofsted-kg/judgement-areas#")

# framework (as a record's framework_version or framework gives it) -> (scheme, concept prefix)
FRAMEWORKS = {
    "SIF": (AREAS.SIF, "sif"),
    "ILACS 2018": (AREAS.ILACS_2018, "ilacs2018"),
    "ILACS 2023": (AREAS.ILACS_2023, "ilacs2023"),
    "ILACS 2026": (AREAS.ILACS_2026, "ilacs2026"),
    "safeguarding and looked after children 2009-2012": (AREAS.SLAC, "slac"),
}

# (pattern on the area as written, local name after the prefix); the first that matches wins
_RULES = [
    (r"overall\s+effectiveness", "overall_effectiveness"),
    (r"capacity\s+to\s+improve", "capacity_to_improve"),
    (r"safeguarding\s+children\s+board|\blscb\b", "lscb"),
    (r"adoption", "adoption"),
    (r"in\s+care\s+and\s+care\s+leavers", "children_in_care_and_care_leavers"),
    (r"care\s+leavers", "care_leavers"),
    (r"looked\s+after\s+and\s+achieving\s+permanence", "looked_after"),
    (r"children\s+in\s+care", "children_in_care"),
    (r"help\s+and\s+protection", "help_and_protection"),
    (r"impact\s+of\s+leaders|leadership", "leadership"),
]


def framework_of(framework: str | None, framework_version: str | None) -> str | None:
    """The framework key of FRAMEWORKS a record's judgements belong to, or None when unknown."""
    for key in (framework_version, framework):
        if key in FRAMEWORKS:
            return key
    return None


def area_concept(framework: str | None, area: str) -> URIRef | None:
    """The concept for `area` (as written) in `framework`'s scheme, or None when the scheme has none
    (an area the rules do not know, or a framework with no scheme)."""
    if framework not in FRAMEWORKS:
        return None
    _, prefix = FRAMEWORKS[framework]
    for pattern, name in _RULES:
        if re.search(pattern, area, re.I):
            concept = AREAS[f"{prefix}_{name}"]
            return concept if concept in _concepts() else None
    return None


@cache
def _concepts() -> frozenset[URIRef]:
    """The concepts the shipped scheme declares."""
    from rdflib import Graph
    from rdflib.namespace import RDF, SKOS

    from ofsted_kg import ontology

    g = Graph().parse(data=ontology.read("judgement-areas.ttl"), format="turtle")
    return frozenset(c for c in g.subjects(RDF.type, SKOS.Concept) if isinstance(c, URIRef))
