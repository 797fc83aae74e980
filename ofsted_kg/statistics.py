"""Figures derived from the whole store, kept in their own graph so that corpus-wide questions stay fast.

Counting every finding's themes across 10,000 letters takes Oxigraph seconds; the library's
`themes-by-year` question instead reads `okg:ThemeYearCount` nodes (year, theme, polarity, count).
They count by visit: a visit reported by several documents (a letter and a council agenda pasting it)
counts the findings of its fullest document once, per theme and polarity. After a small ingest or a
removal, `update_statistics` takes away what the visits concerned counted before and adds what they
count now; `refresh_statistics` recounts the whole store (after large ingests, or when there are no
counts yet).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rdflib import RDF, XSD, Graph, URIRef

from ofsted_kg.graph.vocab import DEFAULT_BASE, OKG

if TYPE_CHECKING:
    from ofsted_kg.store import Store

# Findings belong to a document, not to the visit: a letter and a council agenda pasting it give the
# same findings twice. Count per document, keep each visit's fullest document (MAX), add up the visits.
COUNT_THEMES_BY_YEAR = """
PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
SELECT ?year ?theme ?polarity (SUM(?per_visit) AS ?findings)
WHERE {
  { SELECT ?visit ?year ?theme ?polarity (MAX(?per_document) AS ?per_visit)
    WHERE {
      { SELECT ?letter ?visit ?start ?theme ?polarity (COUNT(?f) AS ?per_document)
        WHERE {
          GRAPH ?letter {
            ?letter okg:aboutVisit ?visit ; okg:finding ?f .
            ?visit okg:startDate ?start .
            ?f okg:polarity ?polarity ; okg:theme ?theme .
          }
        }
        GROUP BY ?letter ?visit ?start ?theme ?polarity }
      BIND(YEAR(?start) AS ?year)
    }
    GROUP BY ?visit ?year ?theme ?polarity }
}
GROUP BY ?year ?theme ?polarity
"""

# the visits some letters are about (their counts change when any of their documents comes or goes)
LETTER_VISITS = """
PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
SELECT DISTINCT ?visit WHERE { GRAPH ?letter { ?letter okg:aboutVisit ?visit } }
"""


INCREMENTAL_MAX = 1000  # letters added in one go beyond which a whole recount is as cheap
# Present while letters are being loaded or removed and the counts not yet adjusted: if a run dies in
# between, the next one finds it and recounts rather than adjusting counts that no longer fit.
PENDING_GRAPH = "urn:ofsted-kg:statistics-pending"

# Which way the stored counts were made: 2 counts by visit (1, unmarked, counted per document). Counts
# made another way are recounted rather than adjusted.
COUNTING_GRAPH = "urn:ofsted-kg:statistics-counting"
COUNTING_VERSION = 2
_COUNTING_MARK = (f'<{COUNTING_GRAPH}> <{COUNTING_GRAPH}#version> '
                  f'"{COUNTING_VERSION}"^^<http://www.w3.org/2001/XMLSchema#integer> .\n')

Counts = Counter[tuple[int, str, str]]  # (year, theme IRI, polarity IRI) -> findings

STORED_COUNTS = """
PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
SELECT ?year ?theme ?polarity ?findings
WHERE {
  GRAPH ?statistics { ?c a okg:ThemeYearCount ; okg:year ?year ; okg:theme ?theme ; okg:polarity ?polarity ;
                         okg:findingCount ?findings . }
}
"""


def statistics_graph_iri(base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(base + "graph/statistics")


def theme_year_counts(store: Store) -> list[tuple[int, str, str, int]]:
    """(year, theme IRI, polarity IRI, findings) counted afresh from the letters in `store`."""
    rows = store.select(COUNT_THEMES_BY_YEAR).rows
    return sorted((int(r["year"]), str(r["theme"]), str(r["polarity"]), int(r["findings"])) for r in rows)


def statistics_ntriples(counts: list[tuple[int, str, str, int]], base: str = DEFAULT_BASE) -> str:
    """The statistics graph as N-Triples, written directly: at 10,000 letters there are about 2,500
    counts, and building them as an rdflib graph first took most of a small ingest's second."""
    integer, lines = f"^^<{XSD.integer}>", []
    for year, theme, polarity, n in counts:
        local = f"{theme.rsplit('#', 1)[-1]}-{polarity.rsplit('#', 1)[-1].removeprefix('polarity_')}"
        node = f"<{base}statistics/themes-by-year/{year}/{local}>"
        lines += [f"{node} <{RDF.type}> <{OKG.ThemeYearCount}> .", f'{node} <{OKG.year}> "{year}"{integer} .',
                  f"{node} <{OKG.theme}> <{theme}> .", f"{node} <{OKG.polarity}> <{polarity}> .",
                  f'{node} <{OKG.findingCount}> "{n}"{integer} .']
    return "".join(line + "\n" for line in lines)


def statistics_graph(counts: list[tuple[int, str, str, int]], base: str = DEFAULT_BASE) -> Graph:
    return Graph().parse(data=statistics_ntriples(counts, base), format="nt")


def refresh_statistics(store: Store, base: str | None = None) -> int:
    """Recompute the statistics graph from the letters in `store`; returns how many counts it holds."""
    base = base or DEFAULT_BASE
    return _write(store, theme_year_counts(store), base)


def _write(store: Store, counts: list[tuple[int, str, str, int]], base: str) -> int:
    store.replace_graph(str(statistics_graph_iri(base)), statistics_ntriples(counts, base))
    store.replace_graph(COUNTING_GRAPH, _COUNTING_MARK)
    store.remove_graph(PENDING_GRAPH)
    return len(counts)


def begin_changes(store: Store) -> bool:
    """Mark the counts as about to go out of step with the letters (until the next `update_statistics`
    or `refresh_statistics`). False when an earlier run left them so: they must then be recounted."""
    clean = not store.has_graph(PENDING_GRAPH)
    store.replace_graph(PENDING_GRAPH, f'<{PENDING_GRAPH}> <{PENDING_GRAPH}#pending> "true"^^<{XSD.boolean}> .\n')
    return clean


def end_changes(store: Store) -> None:
    """Nothing changed after all (`begin_changes` returned True): the counts still fit."""
    store.remove_graph(PENDING_GRAPH)


def letter_visits(store: Store, letters: Sequence[str]) -> list[str]:
    """The visits these letters (graph IRIs in `store`) are about."""
    out: set[str] = set()
    for i in range(0, len(letters), 500):
        values = " ".join(f"<{iri}>" for iri in letters[i:i + 500])
        query = LETTER_VISITS.replace("GRAPH ?letter {", f"VALUES ?letter {{ {values} }}\n  GRAPH ?letter {{", 1)
        out.update(str(r["visit"]) for r in store.select(query).rows)
    return sorted(out)


def visit_counts(store: Store, visits: Sequence[str]) -> Counts:
    """The counts these visits add, as the store holds their documents now (each visit's fullest document
    per theme and polarity; visits without documents in the store count nothing)."""
    out: Counts = Counter()
    for i in range(0, len(visits), 500):  # a VALUES block of a few hundred IRIs at a time
        # the IRIs are the store's own, minted by ofsted-kg (no characters to escape)
        values = " ".join(f"<{iri}>" for iri in visits[i:i + 500])
        query = COUNT_THEMES_BY_YEAR.replace("GRAPH ?letter {", f"VALUES ?visit {{ {values} }}\n          GRAPH ?letter {{", 1)
        for r in store.select(query).rows:
            out[(int(r["year"]), str(r["theme"]), str(r["polarity"]))] += int(r["findings"])
    return out


def stored_counts(store: Store, base: str | None = None) -> Counts | None:
    """The counts the statistics graph holds now; None when the store has none, or has counts made
    another way (before they were counted by visit)."""
    marks = store.select(f"SELECT ?v WHERE {{ GRAPH <{COUNTING_GRAPH}> {{ <{COUNTING_GRAPH}> <{COUNTING_GRAPH}#version> ?v }} }}").rows
    if COUNTING_VERSION not in {int(r["v"]) for r in marks}:
        return None
    graph = statistics_graph_iri(base or DEFAULT_BASE)
    rows = store.select(STORED_COUNTS, {"statistics": f"<{graph}>"}).rows
    if not rows:
        return None
    return Counter({(int(r["year"]), str(r["theme"]), str(r["polarity"])): int(r["findings"]) for r in rows})


def update_statistics(store: Store, removed: Counts, visits: Sequence[str], base: str | None = None) -> int:
    """Adjust the statistics graph for a change to the documents of `visits`: take away `removed` (what
    those visits counted before the change, from `visit_counts`) and add what they count now.

    Recounts the whole store instead when there are no counts yet or more than `INCREMENTAL_MAX`
    visits changed. Returns how many counts the graph holds.
    """
    base = base or DEFAULT_BASE
    current = stored_counts(store, base) if len(visits) <= INCREMENTAL_MAX else None
    if current is None:
        return refresh_statistics(store, base)
    current.subtract(removed)
    current.update(visit_counts(store, list(visits)))
    if any(n < 0 for n in current.values()):  # the counts had gone out of step with the letters
        return refresh_statistics(store, base)
    return _write(store, sorted((y, t, p, n) for (y, t, p), n in current.items() if n > 0), base)
