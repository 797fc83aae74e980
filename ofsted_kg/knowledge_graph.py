"""The letters in a store, owned by one object: `KnowledgeGraph`.

A letter in the store is three named graphs (see `ofsted_kg.letter_graphs`): its own graph, its
provenance and its listing, loaded and removed together. Around them the store keeps what must stay in
step with them: the statistics and their pending mark (`ofsted_kg.statistics`), the layout mark that
says every letter has its listing graph (`ofsted_kg.graph.listing`), the bulk-load journal
(`OxigraphStore.replace_graphs`), the quarantine (`ofsted_kg.quarantine`) and the corpus-wide graphs
(authorities, vocabulary, people). `KnowledgeGraph` is the one place that writes letters and sequences
these; `ofsted_kg.api.ingest` and `remove_letter` are short compositions of its stages.

    >>> kg = KnowledgeGraph(open_store("store"))
    >>> kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ofsted_kg.graph.listing import ensure_listings, lacks_listings
from ofsted_kg.graph.vocab import DEFAULT_BASE
from ofsted_kg.letter_graphs import LetterGraphs
from ofsted_kg.ontology import vocabulary_graph
from ofsted_kg.quarantine import is_quarantine_graph, quarantine_record, quarantined
from ofsted_kg.statistics import (
    INCREMENTAL_MAX,
    Counts,
    begin_changes,
    end_changes,
    letter_visits,
    refresh_statistics,
    update_statistics,
    visit_counts,
)
from ofsted_kg.store import QueryResult, Store, StoreError

if TYPE_CHECKING:
    from ofsted_kg.catalogue import Publisher
    from ofsted_kg.people import Mention, Override, Resolution
    from ofsted_kg.validation import ValidationReport

BULK_BATCH = 25  # letters per bulk load (measured: 25 to 100 cost the same; smaller batches lose less to a crash)
OPTIMIZE_AFTER = 1000  # letters loaded in one ingest after which the store is compacted

Progress = Callable[[int, int, str], Any]


@dataclass
class Prepared:
    """One letter's graph and its provenance as N-Triples, ready to load, or why it was quarantined."""

    source: str  # the letter's file
    iri: str
    ntriples: str
    warnings: list[str]
    quarantine: str | None = None  # the reason, when SHACL validation failed
    violations: list[str] = field(default_factory=list)  # each violation in words, when quarantined
    provenance_iri: str = ""
    provenance: str = ""  # N-Triples of the letter's provenance graph (empty when quarantined)
    listing_iri: str = ""
    listing: str = ""  # N-Triples of the letter's listing graph (see ofsted_kg.graph.listing)

    def graphs(self) -> list[tuple[str, str]]:
        """The named graphs to load for this letter: (name, N-Triples)."""
        return [(self.iri, self.ntriples), (self.provenance_iri, self.provenance), (self.listing_iri, self.listing)]


class LoadInterrupted(StoreError):
    """The store failed while a batch of letters was being loaded: the letters of earlier batches stay
    loaded, each whole. `letters` are all the letters given to the load so far, `in_flight` the batch."""

    def __init__(self, cause: StoreError, letters: list[Prepared], in_flight: list[Prepared]) -> None:
        super().__init__(str(cause))
        self.cause, self.letters, self.in_flight = cause, letters, in_flight


_KNOWN_PEOPLE = """
PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
SELECT DISTINCT ?person ?name ?director ?authority ?date ?title WHERE {
  GRAPH ?letter {
    ?person a okg:Person ; okg:nameAsWritten ?name .  # not an authority, whose name as written is kept too
    OPTIONAL { ?m okg:director ?person ; okg:directorOf/okg:name ?authority . BIND(true AS ?director)
               OPTIONAL { ?m okg:title ?title }
               OPTIONAL { ?m okg:attestedBy ?doc . OPTIONAL { ?doc okg:letterDate ?ld }
                          OPTIONAL { ?doc okg:aboutVisit/okg:startDate ?vs } BIND(STR(COALESCE(?ld, ?vs)) AS ?date) } }
  }
  FILTER(!STRENDS(STR(?letter), "/graph/people"))
}"""

_LETTER_GRAPHS = """
PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
SELECT ?g WHERE { GRAPH ?g { ?g a okg:Document } }"""


class KnowledgeGraph:
    """The letters in `store` (see `ofsted_kg.store.Store`), with instance IRIs under `base`."""

    def __init__(self, store: Store, base: str | None = None) -> None:
        self.store = store
        self.base = base or DEFAULT_BASE

    @staticmethod
    def graphs_of(letter: str) -> LetterGraphs:
        """The names of a letter's graphs."""
        return LetterGraphs(letter)

    @property
    def name(self) -> str:
        """How messages name the store: its folder, or "store" for an endpoint."""
        return str(self.store.path or "store")

    def count(self) -> int:
        return self.store.count()

    # --- reading --------------------------------------------------------------------------------

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None,
              timeout: float | None = None) -> QueryResult:
        """A SPARQL query over the union of the graphs (see `Store.select`)."""
        return self.store.select(sparql, bindings, timeout)

    def export(self, out: IO[bytes], fmt: str, include_internal: bool = False) -> None:
        """The store in `fmt`, without its internal graphs unless `include_internal` (see `Store.dump`)."""
        self.store.dump(out, fmt, include_internal)

    def validate(self, inference: bool = False) -> ValidationReport:
        """SHACL, one stored letter at a time, then the other graphs; with `integrity`'s problems."""
        from rdflib import Graph, URIRef

        from ofsted_kg.validation import ValidationReport, validate_letter_graph, validate_others

        store = self.store
        report = ValidationReport(store_problems=self.integrity())
        letters = set()
        for row in store.select("PREFIX okg: <https://w3id.org/ofsted-kg/ontology#> "
                                "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a okg:Document } }").rows:
            iri = URIRef(row["g"])
            letters.add(str(iri))
            g = Graph().parse(data=store.graph_ntriples(str(iri)), format="nt")
            report.letters.append(validate_letter_graph(g, iri, inference))
        # the other graphs, but not the derived ones a letter brings (its provenance, its listing)
        names = [n for n in store.graphs() if n not in letters and n.rsplit("/", 1)[0] not in letters]
        rest = validate_others((Graph(identifier=URIRef(n)).parse(data=store.graph_ntriples(n), format="nt")
                                for n in names), inference)
        if rest is not None:
            report.others.append(rest)
        return report

    def publish(self, folder: Path, base_url: str | None = None, publisher: Publisher | None = None,
                pages: bool = True) -> list[Path]:
        """A static linked-data site in `folder` (see `ofsted_kg.publish.publish`)."""
        from ofsted_kg.publish import publish

        return publish(self.store, folder, self.base, base_url, publisher, pages)

    def integrity(self) -> list[str]:
        """What an interrupted write left: graphs of an unrecovered bulk load, letters without their
        provenance graph, and provenance graphs whose letter is gone. Each line names the letter to ingest again."""
        problems = [f"{g}: partly loaded by an interrupted bulk load (open the store for writing, e.g. any "
                    "ingest, to remove it, then ingest its letter again)" for g in self.store.unrecovered]
        graphs = set(self.store.graphs())
        letters = {str(r["g"]) for r in self.store.select(_LETTER_GRAPHS).rows}
        problems += [f"{g}: letter without its provenance graph (ingest its letter again)"
                     for g in sorted(letters) if LetterGraphs(g).provenance not in graphs]
        orphans = (LetterGraphs.of_provenance(g) for g in sorted(graphs))
        problems += [f"{g}: provenance graph without its letter (ingest its letter again)"
                     for g in orphans if g is not None and g not in letters]
        return problems

    def lacks_listings(self) -> bool:
        """Does the store hold letters from before listing graphs (that listing queries would miss)?"""
        return lacks_listings(self.store)

    def known_people(self) -> tuple[list[Mention], dict[tuple[str, str, str | None], str]]:
        """The people already in the store, as mentions, and their identifiers to keep (see `people.resolve`)."""
        from ofsted_kg.people import Mention

        known, pinned = [], {}
        for row in self.store.select(_KNOWN_PEOPLE).rows:
            role = "director" if row["director"] else "inspector"
            authority = row["authority"] if row["director"] else None
            # a director's dates and titles too, so that the people graph written below keeps their posts
            known.append(Mention(row["name"], role, "<store>", row["date"] if row["director"] else None, authority,
                                 row["title"] if row["director"] else None))
            pinned[(row["name"], role, authority)] = str(row["person"]).rsplit("/", 1)[-1]
        return known, pinned

    def resolve_people(self, mentions: Iterable[Mention], rules: Iterable[Override] = ()) -> Resolution:
        """People resolved across `mentions` and those already in the store, whose identifiers are kept."""
        from ofsted_kg.people import resolve

        known, pinned = self.known_people()
        return resolve([*known, *mentions], rules, pinned)

    # --- writing --------------------------------------------------------------------------------

    def upgrade(self, progress: Progress | None = None) -> list[str]:
        """Bring the store up to date before letters are written: letters stored by an earlier version
        get their listing graphs. Returns notes for the user on that and on the graphs of an interrupted
        bulk load that opening the store removed."""
        notes = []
        upgraded = ensure_listings(self.store, progress)
        if upgraded:
            notes.append(f"{upgraded} letter(s) stored by an earlier version were given their listing graphs")
        if self.store.recovered:
            notes.append(f"an interrupted bulk load had left {len(self.store.recovered)} graph(s) partly loaded; "
                         "they were removed (ingest their letters again if they are not among these)")
        return notes

    def begin_load(self, letters: int, bulk: bool = False, sources: Iterable[str] = ()) -> LetterLoad:
        """Start loading about `letters` letters (see `LetterLoad`); letters quarantined from the files
        `sources` are released, as those files are read again."""
        return LetterLoad(self, letters, bulk, set(sources))

    def shared_graphs(self, people: Resolution) -> list[tuple[str, str]]:
        """The corpus-wide graphs an ingest writes after its letters: the authorities, the vocabulary and
        the people's corpus-level facts (preferred names, directors' posts with their dates), as `build` gives."""
        from rdflib import URIRef

        from ofsted_kg.graph.build import authorities_graph, people_graph

        authorities, ag = authorities_graph(self.base)
        named, pg = people_graph(people, self.base)
        return [(str(authorities), ag.serialize(format="nt")),
                (str(URIRef(self.base + "graph/vocabulary")), vocabulary_graph().serialize(format="nt")),
                (str(named), pg.serialize(format="nt"))]

    def remove(self, iris: Sequence[str], refresh: bool = True) -> list[str]:
        """Retract letters, each with its derived graphs, and release them from quarantine; returns the
        IRIs removed. The statistics lose their counts unless `refresh` is false (then call
        `ofsted_kg.statistics.refresh_statistics` once after removing several letters)."""
        released = [iri for iri in iris if self.store.remove_graph(LetterGraphs(iri).quarantine)]
        present = [iri for iri in iris if self.store.has_graph(iri)]
        if not present:
            return released
        clean = begin_changes(self.store)
        visits = letter_visits(self.store, present) if clean and refresh else []
        counts = visit_counts(self.store, visits) if clean and refresh else None
        removed = list(released)
        for iri in present:
            for derived in LetterGraphs(iri).derived:
                self.store.remove_graph(derived)
            if self.store.remove_graph(iri) and iri not in removed:
                removed.append(iri)
        if counts is not None:
            update_statistics(self.store, counts, visits, self.base)
        elif refresh:
            refresh_statistics(self.store, self.base)
        return removed

    def optimize(self) -> None:
        self.store.optimize()


class LetterLoad:
    """One ingest's letters going into a `KnowledgeGraph`: `add` each, then `finish` once.

    While it runs the statistics are marked pending. A few letters adjust the statistics by their own
    counts (those they replace are taken away first); many are recounted with the whole store at the
    end, as after a run that died midway. Each letter is loaded in its own transaction; `bulk` loads
    batches of `BULK_BATCH` letters with the store's bulk loader instead (journalled, see
    `OxigraphStore.replace_graphs`). A letter that failed validation is kept apart in quarantine.
    """

    def __init__(self, kg: KnowledgeGraph, letters: int, bulk: bool, sources: set[str]) -> None:
        self.kg, self.store, self.bulk = kg, kg.store, bulk
        self.clean = begin_changes(self.store)
        self.incremental = self.clean and letters <= INCREMENTAL_MAX
        self.replaced: Counts = Counts()  # what the visits concerned counted before this load touched them
        self.touched: set[str] = set()  # those visits: of the letters replaced and of the letters loaded
        self.batch: list[Prepared] = []  # added, not yet loaded
        self.letters: list[Prepared] = []  # every letter added to be loaded (loaded, or in the batch)
        for entry in quarantined(self.store):  # a file read again supersedes what it had in quarantine
            if entry.source in sources:
                self.store.remove_graph(LetterGraphs(entry.letter).quarantine)
        self.held = {g for g in self.store.graphs() if is_quarantine_graph(g)}

    def add(self, prep: Prepared) -> bool:
        """Load a letter (in a batch, with `bulk`), or quarantine it: False when it was quarantined."""
        quarantine = LetterGraphs(prep.iri).quarantine
        if prep.quarantine:  # kept apart with its violations, not loaded as data (see ofsted_kg.quarantine)
            self.store.replace_graph(quarantine, quarantine_record(prep.iri, prep.source, prep.violations, prep.ntriples))
            return False
        if quarantine in self.held:  # it validates now
            self.store.remove_graph(quarantine)
        self.batch.append(prep)
        self.letters.append(prep)
        if len(self.batch) >= (BULK_BATCH if self.bulk else 1):
            self.flush()
        return True

    def flush(self) -> None:
        """Load the letters added since the last flush (`LoadInterrupted` if the store fails)."""
        if not self.batch:
            return
        try:
            if self.incremental:
                present = [p.iri for p in self.batch if self.store.has_graph(p.iri)]
                visits = set(letter_visits(self.store, present)) if present else set()
                visits.update(v for p in self.batch for v in _about_visits(p.ntriples))
                new = sorted(visits - self.touched)
                self.touched.update(new)
                self.replaced.update(visit_counts(self.store, new) if new else {})
            self.store.replace_graphs([g for p in self.batch for g in p.graphs()], self.bulk)
        except StoreError as e:  # an endpoint that went away
            raise LoadInterrupted(e, self.letters, self.batch) from None
        self.batch = []

    def finish(self, people: Resolution) -> None:
        """Load the last batch; then, if any letter was loaded, the corpus-wide graphs (see
        `KnowledgeGraph.shared_graphs`), and bring the statistics in step with the letters."""
        self.flush()
        if self.letters:
            for name, nt in self.kg.shared_graphs(people):
                self.store.replace_graph(name, nt)
            if self.incremental:
                update_statistics(self.store, self.replaced, sorted(self.touched), self.kg.base)
            else:
                refresh_statistics(self.store, self.kg.base)
        elif self.clean:
            end_changes(self.store)
        else:
            refresh_statistics(self.store, self.kg.base)


_ABOUT_VISIT = re.compile(r"^<[^>]*> <https://w3id\.org/ofsted-kg/ontology#aboutVisit> <([^>]*)> \.$", re.M)


def _about_visits(ntriples: str) -> list[str]:
    """The visits a letter's graph (as N-Triples) is about."""
    return _ABOUT_VISIT.findall(ntriples)
