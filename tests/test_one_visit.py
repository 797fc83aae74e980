"""One visit, many documents: a report's PDF and a text copy of it, a letter and a council agenda that
pastes it, give one visit (and one set of judgements) that the library's questions count once."""

from __future__ import annotations

from pathlib import Path

import pytest

from ofsted_kg.api import extract_file, ingest
from ofsted_kg.extract.reading import read_document
from ofsted_kg.queries.library import load_query
from ofsted_kg.store import OxigraphStore

from .conftest import GOLDEN
from .pdfmaker import make_pdf
from .report_pdfs import REPORTS

PREFIXES = "PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>\n"


def _count(store: OxigraphStore, where: str) -> dict[str, int]:
    q = (PREFIXES + "SELECT (COUNT(DISTINCT ?d) AS ?documents) (COUNT(DISTINCT ?v) AS ?visits) "
         "(COUNT(DISTINCT ?j) AS ?judgements) WHERE { GRAPH ?d { ?d okg:aboutVisit ?v . " + where + " } }")
    return store.select(q).rows[0]


@pytest.mark.parametrize("name", ["pdf_ilacs_2023_sheffield_centred_grades", "pdf_ilacs_2026_lewisham_no_overall"])
def test_a_report_and_a_text_copy_of_it_are_one_visit(tmp_path: Path, name: str) -> None:
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(make_pdf(REPORTS[name]()))
    copy = tmp_path / f"{name}-copy.txt"
    copy.write_text(read_document(pdf).text, encoding="utf-8")
    areas = len(extract_file(pdf)[0].judgements)
    assert areas >= 4 and len(extract_file(copy)[0].judgements) == areas
    store = OxigraphStore(tmp_path / "store")
    assert not ingest([pdf, copy], store, workers=1).failed
    assert _count(store, "OPTIONAL { ?v okg:judgement ?j }") == {"documents": 2, "visits": 1, "judgements": areas}
    q = load_query("grades-by-region-and-year")
    assert {r["inspections"] for r in store.select(q.text).rows} == {1}
    lead = store.select(load_query("lead-inspectors-by-outcome").text).rows
    assert len(lead) == 1 and lead[0]["inspections"] == 1


def test_a_letter_and_an_agenda_pasting_it_are_one_visit(tmp_path: Path) -> None:
    agenda = GOLDEN / "letters" / "fv2022_swindon_agenda_priority_action.txt"
    rec = extract_file(agenda)[0]
    assert rec.span is not None
    letter = tmp_path / "swindon-letter.txt"
    letter.write_text(read_document(agenda).text[rec.span.start:rec.span.end], encoding="utf-8")
    assert extract_file(letter)[0].visit_start == rec.visit_start
    store = OxigraphStore(tmp_path / "store")
    assert not ingest([letter, agenda], store, workers=1).failed
    assert _count(store, "") == {"documents": 2, "visits": 1, "judgements": 0}
    actions = [f for f in rec.findings if f.polarity == "area for priority action"]
    assert actions
    rows = store.select(load_query("priority-actions-by-authority").text).rows
    assert rows == [{"authority": "Swindon", "priority_actions": len(actions), "visits": 1}]
    after = store.select(load_query("after-priority-actions").text).rows
    assert len(after) == 1 and after[0]["priority_actions"] == len(actions)
    lag = store.select(load_query("publication-lag").text).rows
    assert len(lag) == 1
