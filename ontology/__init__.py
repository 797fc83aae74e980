"""Package data: the project's ontology files, loaded by name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ofsted_kg.resources import PackageData

if TYPE_CHECKING:
    from rdflib import Graph

_DATA = PackageData(__name__)
files, path, read = _DATA.files, _DATA.path, _DATA.read

VOCABULARY_FILES = ("ofsted-kg.ttl", "themes.ttl", "judgement-areas.ttl")


def vocabulary_graph() -> Graph:
    """The ontology, the themes and the judgement areas, so that a store answers with labels and ranks."""
    from rdflib import Graph

    g = Graph()
    for name in VOCABULARY_FILES:
        g.parse(data=read(name), format="turtle")
    return g
