"""The resource pages' building blocks, without a store or a server."""

from __future__ import annotations

from pathlib import Path

from ofsted_kg.linked_pages import Evidence, Site, write_resource

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
