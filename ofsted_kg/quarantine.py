"""Letters that failed validation, kept apart in the store with their violations.

A letter whose graph breaks a shape is not loaded as data (queries never see it), but it is not
dropped either: its graph is held, as N-Triples text, in a graph of its own, `<letter>/quarantine`,
with the file it came from and each violation in words. `ofsted-kg quarantine` lists them; ingesting
the letter again once it validates (or `ingest --remove`) clears its quarantine graph.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from ofsted_kg.graph.vocab import OKG
from ofsted_kg.letter_graphs import LetterGraphs

if TYPE_CHECKING:
    from ofsted_kg.store import Store


def quarantine_graph_iri(letter: str) -> str:
    return LetterGraphs(letter).quarantine


def is_quarantine_graph(graph: str) -> bool:
    return LetterGraphs.is_quarantine(graph)


@dataclass
class QuarantinedLetter:
    """One quarantined letter: what it is, where it came from and why it was held back."""

    letter: str
    source: str
    violations: list[str] = field(default_factory=list)
    quarantined: str = ""  # when (ISO 8601)

    def as_json(self) -> dict[str, Any]:
        return {"letter": self.letter, "source": self.source, "violations": self.violations,
                "quarantined": self.quarantined}


def quarantine_record(letter: str, source: str, violations: list[str], ntriples: str,
                      when: dt.datetime | None = None) -> str:
    """The N-Triples of a letter's quarantine graph: the letter's own graph held as text, and why."""
    g = Graph()
    node = URIRef(quarantine_graph_iri(letter))
    g.add((node, RDF.type, OKG.Quarantine))
    g.add((node, OKG.quarantines, URIRef(letter)))
    g.add((node, OKG.quarantineSource, Literal(source)))
    for message in violations:
        g.add((node, OKG.violationMessage, Literal(message)))
    g.add((node, OKG.heldTriples, Literal(ntriples)))
    stamp = (when or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    g.add((node, DCTERMS.created, Literal(stamp.isoformat(), datatype=XSD.dateTime)))
    return g.serialize(format="nt")


_LIST = """
PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?q ?letter ?source ?created ?message WHERE {
  GRAPH ?q { ?q a okg:Quarantine ; okg:quarantines ?letter ; okg:quarantineSource ?source ;
                 dcterms:created ?created . OPTIONAL { ?q okg:violationMessage ?message } }
} ORDER BY ?source ?letter ?message"""

_HELD = """
PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
SELECT ?held WHERE { GRAPH ?q { ?q okg:quarantines ?letter ; okg:heldTriples ?held } }"""


def quarantined(store: Store) -> list[QuarantinedLetter]:
    """Every quarantined letter in `store`, by source file."""
    found: dict[str, QuarantinedLetter] = {}
    for row in store.select(_LIST).rows:
        letter = str(row["letter"])
        entry = found.setdefault(letter, QuarantinedLetter(letter, str(row["source"]), [], str(row["created"])))
        if row.get("message") is not None:
            entry.violations.append(str(row["message"]))
    return list(found.values())


def held_triples(store: Store, letter: str) -> str | None:
    """The N-Triples of a quarantined letter's graph, or None when it is not quarantined."""
    rows = store.select(_HELD, {"letter": f"<{letter}>"}).rows
    return str(rows[0]["held"]) if rows else None
