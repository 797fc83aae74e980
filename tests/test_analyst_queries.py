"""Library queries against a small store whose answers were worked out by hand (tests/analyst_store.py).

Every inspection there that two documents report must count once."""

from __future__ import annotations

from typing import Any

import pytest

from ofsted_kg.queries.library import load_query
from ofsted_kg.store import OxigraphStore

from .analyst_store import build_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    return build_store(tmp_path_factory.mktemp("analyst") / "store")


def rows(store: OxigraphStore, name: str, *params: str) -> list[dict[str, Any]]:
    q = load_query(name)
    return store.select(q.text, q.bind(list(params)) if params else None).rows


def test_improvement_trajectories(store: OxigraphStore) -> None:
    # Slough: inadequate (SIF, November 2016; restated by the 2017 monitoring visit), requires improvement
    # (2019), good (May 2023): 78 months. Peterborough never improved; Lewisham has no overall grade.
    assert rows(store, "improvement-trajectories") == [
        {"authority": "Slough", "inadequate": "2016-11", "improved": "2023-05", "grade": "good", "months": 78}]


def test_grades_by_region_and_year(store: OxigraphStore) -> None:
    got = {(r["region"], r["year"], r["framework"], r["area"], r["grade"], r["inspections"])
           for r in rows(store, "grades-by-region-and-year")}
    ri, inad = "requires_improvement", "inadequate"
    expected = {
        ("South East", 2016, "SIF", "overall effectiveness", inad, 1),
        ("South East", 2016, "SIF", "help and protection", inad, 1),
        ("South East", 2016, "SIF", "children in care", ri, 1),
        ("South East", 2016, "SIF", "leadership", inad, 1),
        ("South East", 2019, "ILACS 2018", "overall effectiveness", ri, 1),
        ("South East", 2019, "ILACS 2018", "leadership", ri, 1),
        ("South East", 2019, "ILACS 2018", "help and protection", ri, 1),
        ("South East", 2019, "ILACS 2018", "children in care", "good", 1),
        # reported by the report and by a text copy of it: one inspection
        ("South East", 2023, "ILACS 2023", "overall effectiveness", "good", 1),
        ("South East", 2023, "ILACS 2023", "leadership", "good", 1),
        ("South East", 2023, "ILACS 2023", "help and protection", "good", 1),
        ("South East", 2023, "ILACS 2023", "children in care", ri, 1),
        ("South East", 2023, "ILACS 2023", "care leavers", "good", 1),
        ("East of England", 2019, "ILACS 2018", "overall effectiveness", inad, 1),
        ("East of England", 2019, "ILACS 2018", "leadership", inad, 1),
        ("East of England", 2019, "ILACS 2018", "help and protection", inad, 1),
        ("East of England", 2019, "ILACS 2018", "children in care", ri, 1),
        ("London", 2015, "SIF", "help and protection", ri, 1),
        ("London", 2015, "SIF", "children in care", ri, 1),
        ("London", 2015, "SIF", "leadership", ri, 1),
        # the 2026 reform: no overall effectiveness, the four areas answer
        ("London", 2026, "ILACS 2026", "leadership", inad, 1),
        ("London", 2026, "ILACS 2026", "help and protection", inad, 1),
        ("London", 2026, "ILACS 2026", "children in care", ri, 1),
        ("London", 2026, "ILACS 2026", "care leavers", ri, 1),
    }
    assert got == expected


def test_lead_inspectors_by_outcome(store: OxigraphStore) -> None:
    got = [(r["inspector"], r["framework"], r["overall_grade"], r["inspections"], r["authorities"])
           for r in rows(store, "lead-inspectors-by-outcome")]
    assert got == [
        ("Ann Lead", "ILACS 2023", "good", 1, "Slough"),  # two documents, one inspection
        ("Ann Lead", "SIF", "inadequate", 1, "Slough"),
        ("Bob Lead", "ILACS 2018", "inadequate", 1, "Peterborough"),
        ("Bob Lead", "ILACS 2018", "requires_improvement", 1, "Slough"),
        ("Cy Lead", "ILACS 2026", "no overall judgement", 1, "Lewisham"),
        ("Cy Lead", "SIF", "overall grade not read", 1, "Lewisham"),
    ]


def test_publication_lag(store: OxigraphStore) -> None:
    got = [(r["authority"], r["kind"], r["visit_end"], r["published"], r["days"]) for r in rows(store, "publication-lag")]
    assert got == [
        ("Lewisham", "inspection", "2015-06-19", "2015-08-05", 47),
        ("Lewisham", "inspection", "2026-05-22", "2026-07-01", 40),
        ("Peterborough", "focused_visit", "2018-05-02", "2018-06-05", 34),  # a letter and an agenda: once
        ("Peterborough", "inspection", "2019-01-25", "2019-03-08", 42),
        ("Peterborough", "monitoring_visit", "2019-06-12", "2019-07-09", 27),
        ("Slough", "inspection", "2016-11-17", "2017-01-13", 57),
        ("Slough", "monitoring_visit", "2017-06-07", "2017-07-10", 33),
        ("Slough", "inspection", "2019-03-15", "2019-04-26", 42),
        ("Slough", "inspection", "2023-05-19", "2023-06-30", 42),  # a report and its text copy: once
    ]


def test_after_priority_actions(store: OxigraphStore) -> None:
    assert rows(store, "after-priority-actions") == [
        {"authority": "Peterborough", "focused_visit": "2018-05-01", "priority_actions": 2,
         "next_kind": "inspection", "next_start": "2019-01-14", "days_after": 257, "next_overall_grade": "inadequate"}]


def test_recurring_recommendations_next_visit(store: OxigraphStore) -> None:
    got = {(r["authority"], r["visit_start"], r["kind"], r["theme"], r["next_start"], r["next_kind"], r["came_back"])
           for r in rows(store, "recurring-recommendations-next-visit")}
    fv = ("Peterborough", "2018-05-01", "focused_visit")
    nxt = ("2019-01-14", "inspection")
    # the focused visit's priority actions and recommendation against the inspection's one recommendation
    assert got == {(*fv, "Management oversight", *nxt, True), (*fv, "Supervision", *nxt, True),
                   (*fv, "Public Law Outline and pre-proceedings", *nxt, False),
                   (*fv, "Drift and delay", *nxt, False), (*fv, "Workforce and caseloads", *nxt, False)}


def test_priority_actions_are_counted_by_visit(store: OxigraphStore) -> None:
    # two priority actions, stated by the focused visit's letter and again by an agenda's copy of it
    assert rows(store, "priority-actions-by-authority") == [
        {"authority": "Peterborough", "priority_actions": 2, "visits": 1}]


def test_director_turnover_keeps_grades_when_a_letter_has_none(store: OxigraphStore) -> None:
    got = [(r["authority"], r["directors"], r["from"], r["to"], set(r["grades"].split(", ")))
           for r in rows(store, "director-turnover")]
    assert got == [
        # the focused visit's letters restate no grade; the monitoring visit's letter and the report do
        ("Peterborough", 2, "2018-06-05", "2019-07-09", {"inadequate", "requires_improvement"}),
        ("Slough", 1, "2017-07-10", "2017-07-10", {"inadequate", "requires_improvement", "good"}),
    ]


def test_director_turnover_lists_grades_best_first(store: OxigraphStore) -> None:
    # in the scale's order, the same on every run (GROUP_CONCAT's order varied from run to run)
    assert [r["grades"] for r in rows(store, "director-turnover")] == [
        "requires_improvement, inadequate", "good, requires_improvement, inadequate"]


def test_repeated_recommendations(store: OxigraphStore) -> None:
    got = {(r["theme"], r["visits"], frozenset(r["dates"].split(", ")))
           for r in rows(store, "repeated-recommendations", "authority=Peterborough")}
    both = frozenset({"2018-05-01", "2019-01-14"})
    assert got == {("Management oversight", 2, both), ("Supervision", 2, both)}
    assert rows(store, "repeated-recommendations", "authority=Slough") == []


def test_one_node_per_inspection_and_judgement(store: OxigraphStore) -> None:
    """The Slough 2023 report and its text copy (whose table was read in another order): two documents,
    one visit, five judgements."""
    q = """PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
    SELECT (COUNT(DISTINCT ?d) AS ?documents) (COUNT(DISTINCT ?v) AS ?visits) (COUNT(DISTINCT ?j) AS ?judgements)
    WHERE { GRAPH ?d { ?d okg:aboutVisit ?v . ?v okg:startDate "2023-05-08"^^<http://www.w3.org/2001/XMLSchema#date> ;
                                                  okg:judgement ?j } }"""
    assert store.select(q).rows == [{"documents": 2, "visits": 1, "judgements": 5}]



def test_report_judgements_say_which_framework(store: OxigraphStore) -> None:
    got = {(r["start"], r["framework"]) for r in rows(store, "report-judgements") if r["authority"] == "Slough"}
    assert got == {("2016-10-31", "SIF"), ("2019-03-04", "ILACS 2018"), ("2023-05-08", "ILACS 2023")}
    # the report and its text copy: each area once
    assert len([r for r in rows(store, "report-judgements") if r["start"] == "2023-05-08"]) == 5


def test_visits_by_kind_and_year(store: OxigraphStore) -> None:
    got = {(r["year"], r["kind"], r["visits"]) for r in rows(store, "visits-by-kind-and-year")}
    assert got == {(2015, "inspection", 1), (2016, "inspection", 1), (2017, "monitoring_visit", 1),
                   (2018, "focused_visit", 1), (2019, "inspection", 2), (2019, "monitoring_visit", 1),
                   (2023, "inspection", 1), (2026, "inspection", 1)}


def test_previous_judgements(store: OxigraphStore) -> None:
    got = {(r["authority"], r["grade"], r["judgement_date"], r["letters_restating_it"])
           for r in rows(store, "previous-judgements")}
    assert got == {("Slough", "inadequate", "2016-11", 1), ("Peterborough", "inadequate", "2019-01", 1)}


def test_returning_inspectors(store: OxigraphStore) -> None:
    got = {(r["inspector"], r["authority"], r["visits"]) for r in rows(store, "returning-inspectors")}
    assert got == {("Ann Lead", "Slough", 2), ("Cy Lead", "Lewisham", 2), ("Dee Inspector", "Peterborough", 2),
                   ("Eve Inspector", "Peterborough", 2)}


def test_authority_timeline_has_one_row_per_visit(store: OxigraphStore) -> None:
    got = [(r["start"], r["kind"], r["overall_grade"], r["previous_grade"])
           for r in rows(store, "authority-timeline", "authority=Slough")]
    assert got == [("2016-10-31", "inspection", "inadequate", None), ("2017-06-06", "monitoring_visit", None, "inadequate"),
                   ("2019-03-04", "inspection", "requires_improvement", None), ("2023-05-08", "inspection", "good", None)]


def test_documents_of_visits(store: OxigraphStore) -> None:
    """Which documents report each visit: the 2023 inspection has its report and a text copy of it."""
    got = [(r["start"], r["kind"], r["documents"], set(r["paths"].split("; ")), r["first_date"])
           for r in rows(store, "documents-of-visits", "authority=Slough")]
    assert [(s, k, n, {p.rsplit("/", 1)[-1] for p in paths}, d) for s, k, n, paths, d in got] == [
        ("2016-10-31", "inspection", 1, {"slough-2016.pdf"}, "2017-01-13"),
        ("2017-06-06", "monitoring_visit", 1, {"slough-mv-2017.txt"}, "2017-07-10"),
        ("2019-03-04", "inspection", 1, {"slough-2019.pdf"}, "2019-04-26"),
        ("2023-05-08", "inspection", 2, {"slough-2023.pdf", "slough-2023.txt"}, "2023-06-30"),
    ]
    fv = rows(store, "documents-of-visits", "authority=Peterborough")[0]
    assert (fv["start"], fv["documents"]) == ("2018-05-01", 2)  # the letter and the agenda's copy
