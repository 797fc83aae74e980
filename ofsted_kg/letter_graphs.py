"""A letter's named graphs in a store: the letter's own graph, named by its IRI, and those named after it.

These names are spelled here and nowhere else. `ofsted_kg.knowledge_graph.KnowledgeGraph` keeps a
letter's graphs in step with each other and with what the store derives from them.
"""

from __future__ import annotations

from dataclasses import dataclass

PROVENANCE = "/provenance"  # PROV for the latest load of the letter (see graph/build.py)
LISTING = "/listing"  # the letter's rows for corpus-wide listings (see graph/listing.py)
QUARANTINE = "/quarantine"  # a letter held back by validation (see ofsted_kg/quarantine.py)
INTERNAL_SUFFIXES = (LISTING, QUARANTINE)  # graphs the store keeps for itself, not data to publish


@dataclass(frozen=True)
class LetterGraphs:
    """The names of one letter's graphs: `letter` itself, then those derived from it."""

    letter: str

    @property
    def provenance(self) -> str:
        return self.letter + PROVENANCE

    @property
    def listing(self) -> str:
        return self.letter + LISTING

    @property
    def quarantine(self) -> str:
        return self.letter + QUARANTINE

    @property
    def derived(self) -> tuple[str, str]:
        """The graphs loaded and removed with the letter's own graph."""
        return self.provenance, self.listing

    @staticmethod
    def of_provenance(graph: str) -> str | None:
        """The letter whose provenance graph `graph` is, or None when it is not one."""
        return graph[:-len(PROVENANCE)] if graph.endswith(PROVENANCE) else None

    @staticmethod
    def is_quarantine(graph: str) -> bool:
        return graph.endswith(QUARANTINE)

    @staticmethod
    def is_internal(graph: str) -> bool:
        """Is `graph` a letter's listing or quarantine graph (kept for the store, not published)?"""
        return graph.endswith(INTERNAL_SUFFIXES)
