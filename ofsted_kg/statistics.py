"""Figures derived from the whole store, kept in their own graph so that corpus-wide questions stay fast.

Counting every finding's themes across 10,000 letters takes Oxigraph seconds; the library's
`themes-by-year` question instead reads `okg:ThemeYearCount` nodes (year, theme, polarity, count),
which `refresh_statistics` recomputes after each ingest or removal. The count is made inside each
letter's own named graph, so a visit or a date repeated in several letters is never counted twice.
"""

from __future__ import annotations

from typing import Any

from rdflib import RDF, XSD, Graph, Literal, URIRef

from ofsted_kg.graph.vocab import DEFAULT_BASE, OKG

COUNT_THEMES_BY_YEAR = """
PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
SELECT ?year ?theme ?polarity (COUNT(?f) AS ?findings)
WHERE {
  GRAPH ?letter {
    ?letter okg:aboutVisit ?visit ; okg:finding ?f .
    ?visit okg:startDate ?start .
    ?f okg:polarity ?polarity ; okg:theme ?theme .
  }
  BIND(YEAR(?start) AS ?year)
}
GROUP BY ?year ?theme ?polarity
"""


def statistics_graph_iri(base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(base + "graph/statistics")


def theme_year_counts(store: Any) -> list[tuple[int, str, str, int]]:
    """(year, theme IRI, polarity IRI, findings) counted afresh from the letters in `store`."""
    rows = store.select(COUNT_THEMES_BY_YEAR).rows
    return sorted((int(r["year"]), str(r["theme"]), str(r["polarity"]), int(r["findings"])) for r in rows)


def statistics_graph(counts: list[tuple[int, str, str, int]], base: str = DEFAULT_BASE) -> Graph:
    g = Graph()
    for year, theme, polarity, n in counts:
        local = f"{theme.rsplit('#', 1)[-1]}-{polarity.rsplit('#', 1)[-1].removeprefix('polarity_')}"
        node = URIRef(f"{base}statistics/themes-by-year/{year}/{local}")
        g.add((node, RDF.type, OKG.ThemeYearCount))
        g.add((node, OKG.year, Literal(year, datatype=XSD.integer)))
        g.add((node, OKG.theme, URIRef(theme)))
        g.add((node, OKG.polarity, URIRef(polarity)))
        g.add((node, OKG.findingCount, Literal(n, datatype=XSD.integer)))
    return g


def refresh_statistics(store: Any, base: str | None = None) -> int:
    """Recompute the statistics graph from the letters in `store`; returns how many counts it holds."""
    base = base or DEFAULT_BASE
    counts = theme_year_counts(store)
    store.replace_graph(str(statistics_graph_iri(base)), statistics_graph(counts, base).serialize(format="nt"))
    return len(counts)
