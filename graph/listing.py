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

import re
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
# 1: unthemed findings and pairs of inspectors; 2: also the themes of each visit's recommendations
LAYOUT_VERSION = 2


def listing_graph_iri(letter: URIRef | str) -> URIRef:
    return URIRef(LetterGraphs(str(letter)).listing)


def _local(iri: URIRef) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


def letter_listing(graph: Graph, letter: URIRef) -> tuple[URIRef, Graph]:
    """The listing graph of one letter's graph: its unthemed findings, its pairs of inspectors and the
    themes of the recommendations it makes for each visit."""
    out = Graph()
    name = listing_graph_iri(letter)
    out.add((name, PROV.wasDerivedFrom, letter))
    paths = [p for f in graph.objects(letter, OKG.sourceFile) for p in graph.objects(f, OKG.path)]
    visits = [v for v in graph.objects(letter, OKG.aboutVisit) if isinstance(v, URIRef)]
    authorities = {v: [n for a in graph.objects(v, OKG.visitOf) for n in graph.objects(a, OKG.name)] for v in visits}
    _unthemed(graph, out, letter, [n for names in authorities.values() for n in names], paths)
    for visit in visits:
        _pairs(graph, out, letter, visit, authorities[visit])
    _recommendation_themes(graph, out)
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


def _recommendation_themes(graph: Graph, out: Graph) -> None:
    """Each visit a recommendation (or priority action) of the letter is for, with that finding's themes:
    `<visit> okg:recommendationTheme <theme>`, one scan for a store's (visit, theme) pairs instead of a
    theme lookup per recommendation."""
    for f, visit in graph.subject_objects(OKG.recommendationFor):
        if isinstance(visit, URIRef):
            for theme in graph.objects(f, OKG.theme):
                if isinstance(theme, URIRef):
                    out.add((visit, OKG.recommendationTheme, theme))


_LETTERS = """
PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
SELECT ?letter WHERE { GRAPH ?letter { ?letter a okg:Document } }"""


def layout_version(store: Store) -> int | None:
    """The listing layout the store's letters were all given (`LAYOUT_VERSION` when current); None when
    the store has no layout mark (built before listing graphs, or empty)."""
    if not store.has_graph(LAYOUT_GRAPH):
        return None
    rows = store.select(f"SELECT ?v WHERE {{ GRAPH <{LAYOUT_GRAPH}> {{ <{LAYOUT_GRAPH}> <{LAYOUT_GRAPH}#version> ?v }} }}").rows
    return max((int(r["v"]) for r in rows), default=1)


# layout 1 -> 2: the rows `_recommendation_themes` adds, for every letter graph at once
_RECOMMENDATION_THEMES = """
PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
SELECT DISTINCT ?letter ?visit ?theme WHERE {
  GRAPH ?letter { ?letter a okg:Document . ?f okg:recommendationFor ?visit ; okg:theme ?theme }
  FILTER(isIRI(?visit) && isIRI(?theme))
}"""
UPGRADE_BATCH = 200  # listing graphs replaced per bulk load when adding layout 2's rows


def _upgrade_1_to_2(store: Store, progress: Any = None) -> int:
    """Add layout 2's rows to the listing graphs of a layout-1 store: one query for the whole store, then
    each letter's listing graph replaced by itself plus its rows (about 15 s at 10,000 letters, where
    listing each letter afresh takes tens of minutes). Returns how many letters gained rows."""
    rows: dict[str, list[str]] = {}
    for r in store.select(_RECOMMENDATION_THEMES).rows:
        rows.setdefault(str(r["letter"]), []).append(f"<{r['visit']}> <{OKG.recommendationTheme}> <{r['theme']}> .\n")
    letters = sorted(rows)
    for i in range(0, len(letters), UPGRADE_BATCH):
        batch = [(str(listing_graph_iri(letter)), letter) for letter in letters[i:i + UPGRADE_BATCH]]
        store.replace_graphs([(name, store.graph_ntriples(name) + "".join(rows[letter])) for name, letter in batch],
                             bulk=True)
        if progress:
            progress(min(i + UPGRADE_BATCH, len(letters)), len(letters), "listing the themes of recommendations")
    return len(letters)


def _mark_layout(store: Store) -> None:
    marker = f'<{LAYOUT_GRAPH}> <{LAYOUT_GRAPH}#version> "{LAYOUT_VERSION}"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    store.replace_graph(LAYOUT_GRAPH, marker)


def ensure_listings(store: Store, progress: Any = None) -> int:
    """Give every letter in `store` its listing graph as this version lays it out, if the store was built
    before listing graphs existed or with an earlier layout (the store's layout graph says which).
    Returns how many letters were listed or given new rows. `progress`, if given, is called with
    (done, total, stage) as it goes."""
    version = layout_version(store)
    if version is not None and version >= LAYOUT_VERSION:
        return 0
    if version == 1:
        upgraded = _upgrade_1_to_2(store, progress)
        _mark_layout(store)
        return upgraded
    letters = [str(r["letter"]) for r in store.select(_LETTERS).rows]
    for n, letter in enumerate(letters, 1):
        graph = Graph().parse(data=store.graph_ntriples(letter), format="nt")
        name, listing = letter_listing(graph, URIRef(letter))
        store.replace_graph(str(name), listing.serialize(format="nt"))
        if progress:
            progress(n, len(letters), "listing the letters stored by an earlier version")
    _mark_layout(store)
    return len(letters)


def needed_version(needs: str) -> int:
    """The listing layout a query's `# needs:` line asks for: "listings" is 1, "listings 2" is 2."""
    m = re.search(r"\blistings\b(?:\s+(\d+))?", needs)
    return int(m.group(1) or 1) if m else 0


def lacks_listings(store: Store, version: int = LAYOUT_VERSION) -> bool:
    """Does `store` hold letters whose listing graphs are missing or older than layout `version` (so that
    a listing query needing that layout would miss them)?"""
    current = layout_version(store)
    if current is not None and current >= version:
        return False
    return bool(store.select(_LETTERS + " LIMIT 1").rows)
