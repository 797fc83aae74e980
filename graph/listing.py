"""A letter's listing graph: rows copied out of its graph so that corpus-wide listings are index scans.

Listing every unthemed finding, or every pair of inspectors, of 10,000 letters means following
several properties from each of 15,000 rows; Oxigraph pays an index lookup of about 8 µs for each
step (1 s in all). Here each row's values sit on properties of their own, in a graph of their own
(`<letter>/listing`, derived from the letter's graph and replaced or removed with it), so that a
query reads each property with one scan and joins them by hash (about 0.3 s).

Nothing here is a new fact: every row repeats what the letter's graph says, and its subject is the
finding (or, for a pair, is named after the visit's two people), whose evidence is in that graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from ofsted_kg.graph.vocab import OKG
from ofsted_kg.letter_graphs import LetterGraphs

if TYPE_CHECKING:
    from ofsted_kg.store import Store

LAYOUT_GRAPH = "urn:ofsted-kg:store-layout"  # says the store's letters all have listing graphs
LAYOUT_VERSION = 1


def listing_graph_iri(letter: URIRef | str) -> URIRef:
    return URIRef(LetterGraphs(str(letter)).listing)


def _local(iri: URIRef) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


def letter_listing(graph: Graph, letter: URIRef) -> tuple[URIRef, Graph]:
    """The listing graph of one letter's graph: its unthemed findings and its pairs of inspectors."""
    out = Graph()
    name = listing_graph_iri(letter)
    out.add((name, PROV.wasDerivedFrom, letter))
    paths = [p for f in graph.objects(letter, OKG.sourceFile) for p in graph.objects(f, OKG.path)]
    visits = [v for v in graph.objects(letter, OKG.aboutVisit) if isinstance(v, URIRef)]
    authorities = {v: [n for a in graph.objects(v, OKG.visitOf) for n in graph.objects(a, OKG.name)] for v in visits}
    _unthemed(graph, out, letter, [n for names in authorities.values() for n in names], paths)
    for visit in visits:
        _pairs(graph, out, letter, visit, authorities[visit])
    return name, out


def _row(out: Graph, subject: URIRef, columns: dict[URIRef, Iterable[Node]]) -> None:
    for prop, values in columns.items():
        for value in values:
            out.add((subject, prop, value))


def _unthemed(graph: Graph, out: Graph, letter: URIRef, authorities: list[Node], paths: list[Node]) -> None:
    for f in graph.objects(letter, OKG.finding):
        if isinstance(f, URIRef) and (f, OKG.unthemed, Literal(True)) in graph:
            _row(out, f, {OKG.unthemedText: graph.objects(f, OKG.text), OKG.unthemedPolarity: graph.objects(f, OKG.polarity),
                          OKG.unthemedAuthority: authorities, OKG.unthemedPath: paths})


def _pairs(graph: Graph, out: Graph, letter: URIRef, visit: URIRef, authorities: list[Node]) -> None:
    people = sorted({p for p in graph.objects(visit, OKG.inspector) if isinstance(p, URIRef)}, key=str)
    for i, a in enumerate(people):
        for b in people[i + 1:]:
            _row(out, URIRef(f"{listing_graph_iri(letter)}/pair/{_local(a)}--{_local(b)}"), {
                OKG.pairVisit: [visit], OKG.pairInspector1: graph.objects(a, OKG.name),
                OKG.pairInspector2: graph.objects(b, OKG.name), OKG.pairAuthority: authorities})


_MISSING = """
PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?letter WHERE {
  GRAPH ?letter { ?letter a okg:Document }
  FILTER NOT EXISTS { GRAPH ?listing { ?listing prov:wasDerivedFrom ?letter } }
}"""


def ensure_listings(store: Store, progress: Any = None) -> int:
    """Give every letter in `store` its listing graph, if the store was built before they existed
    (a store says it needs none in its layout graph). Returns how many letters were given one.
    `progress`, if given, is called with (done, total, stage) after each."""
    if store.has_graph(LAYOUT_GRAPH):
        return 0
    letters = [str(r["letter"]) for r in store.select(_MISSING).rows]
    for n, letter in enumerate(letters, 1):
        graph = Graph().parse(data=store.graph_ntriples(letter), format="nt")
        name, listing = letter_listing(graph, URIRef(letter))
        store.replace_graph(str(name), listing.serialize(format="nt"))
        if progress:
            progress(n, len(letters), "listing the letters stored by an earlier version")
    marker = f'<{LAYOUT_GRAPH}> <{LAYOUT_GRAPH}#version> "{LAYOUT_VERSION}"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    store.replace_graph(LAYOUT_GRAPH, marker)
    return len(letters)


def lacks_listings(store: Store) -> bool:
    """Does `store` hold letters from before listing graphs (so that listing queries would miss them)?"""
    if store.has_graph(LAYOUT_GRAPH):
        return False
    return bool(store.select(_MISSING + " LIMIT 1").rows)
