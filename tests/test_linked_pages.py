"""The resource pages' building blocks, without a store or a server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

from ofsted_kg.linked_pages import Evidence, Site, evidence_query, write_resource

BASE = "http://example.org/id/"
LETTER = BASE + "letter/abc"


def _quote(n: int, words: str) -> Evidence:
    return Evidence("https://w3id.org/ofsted-kg/ontology#inspector", "", words, "letter.txt", None, LETTER,
                    f"{LETTER}/evidence/{n}")


def test_evidence_for_one_fact_and_letter_comes_in_reading_order(tmp_path: Path) -> None:
    """Rows that tie on fact, value and letter follow the evidence's number in the letter, whatever order
    the store returned them in (it depends on the query plan)."""
    site = Site(tmp_path, BASE)
    write_resource(site, BASE + "visit/x", [], [], [_quote(10, "third"), _quote(2, "first"), _quote(3, "second")], {})
    html = (tmp_path / "doc" / "visit" / "x.html").read_text(encoding="utf-8")
    assert html.index("first") < html.index("second") < html.index("third")


def _joins_after_optional(node: Any, under_join: bool = False) -> list[str]:
    """The OPTIONALs (LeftJoins) that a required pattern is joined to, in a query's algebra."""
    if not isinstance(node, CompValue):
        return []
    found = [str(node.name)] if under_join and node.name == "LeftJoin" else []
    for key in ("p", "p1", "p2"):
        if key in node:
            found += _joins_after_optional(node[key], under_join or node.name == "Join")
    return found


@pytest.mark.parametrize("graph", [None, LETTER])
def test_the_evidence_query_joins_nothing_to_an_optional(graph: str | None) -> None:
    """A required pattern after an OPTIONAL made Oxigraph loop over both: publishing the shared pages grew
    with the square of the letters (over 90 minutes at 1,000). Every required pattern comes first."""
    q = translateQuery(parseQuery(evidence_query(f'FILTER(STRSTARTS(STR(?of), "{BASE}"))', graph)))
    assert not _joins_after_optional(q.algebra)


def test_evidence_rows_carry_the_value_of_the_fact(tmp_path: Path) -> None:
    """The evidence tables' "fact: value" column: the value is the literal or the resource the letter
    gave (okg:literalValue / okg:objectValue), not empty."""
    from ofsted_kg.api import ingest
    from ofsted_kg.linked_pages import _evidence_rows
    from ofsted_kg.store import OxigraphStore

    from .conftest import EXAMPLES

    store = OxigraphStore(tmp_path / "store")
    letter = sorted(EXAMPLES.glob("*"))[0]
    assert ingest([letter], store).loaded
    rows = list(_evidence_rows(store.store, ""))
    by_prop = {ev.prop.rsplit("#", 1)[-1]: ev.value for _, ev in rows}
    assert by_prop["letterDate"][:2] in ("19", "20") and len(by_prop["letterDate"]) == 10  # an xsd:date literal
    assert by_prop["visitOf"].startswith("https://w3id.org/ofsted-kg/id/")  # a resource
    assert sum(1 for _, ev in rows if ev.value) >= len(rows) * 0.9
