"""The analyst's questions on real documents of ../shared/corpus, checked against what the PDFs say.

- ilacs-003 (Isle of Wight, SIF, 2014): the protection inspection of November 2012 judged the
  authority inadequate; the 2014 inspection required improvement. ilacs-002 (Isle of Wight, ILACS,
  19-30 November 2018): overall effectiveness good.
- ilacs-014 (Doncaster, SIF, 9-24 November 2017, published 19 January 2018): good; its last inspection,
  in September 2015, was overall inadequate.
- ilacs-044 (West Berkshire, SIF, 8-19 May 2017, published 7 July 2017): good; the report on its last
  inspection, published in May 2015, gave overall effectiveness inadequate.
- focused-visit-006 (Dudley, focused visit 13 October 2020, letter of 27 November 2020): two bulleted
  areas for priority action.
- focused-visit-042 (West Berkshire, focused visit 9 June 2021, Tracey Scott and Maire Atherton HMI): the
  visit after ilacs-044; two recommendations (social work capacity; oversight of children in need).
- The reports' teams: "Lead inspector: Jansy Kelly" (ilacs-003), "Neil Penswick" (ilacs-014), "Steph
  Murray" (ilacs-044), "Tracey Scott" (ilacs-002).
"""

from __future__ import annotations

import pytest

from ofsted_kg.api import ingest
from ofsted_kg.queries.library import load_query
from ofsted_kg.store import OxigraphStore

from .conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus"
FILES = ["ilacs-002.pdf", "ilacs-003.pdf", "ilacs-014.pdf", "ilacs-044.pdf", "focused-visit-006.pdf",
         "focused-visit-042.pdf"]
pytestmark = pytest.mark.skipif(not all((CORPUS / f).is_file() for f in FILES),
                                reason="the shared corpus is not beside the project")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    s = OxigraphStore(tmp_path_factory.mktemp("real") / "store")
    assert not ingest([CORPUS / f for f in FILES], s, workers=1).failed
    return s


def _rows(store: OxigraphStore, name: str, *params: str) -> list[dict[str, object]]:
    q = load_query(name)
    return store.select(q.text, q.bind(list(params))).rows


def test_improvement_trajectories_on_real_reports(store: OxigraphStore) -> None:
    got = [(r["authority"], r["inadequate"], r["improved"], r["grade"], r["months"])
           for r in _rows(store, "improvement-trajectories")]
    assert got == [("Doncaster", "2015-09", "2017-11", "good", 26),
                   ("Isle of Wight", "2012-11", "2018-11", "good", 72),
                   ("West Berkshire", "2015-05", "2017-05", "good", 24)]


def test_publication_lag_on_real_reports(store: OxigraphStore) -> None:
    lag = {(r["authority"], r["visit_end"]): (r["published"], r["days"]) for r in _rows(store, "publication-lag")}
    assert lag[("Doncaster", "2017-11-24")] == ("2018-01-19", 56)
    assert lag[("West Berkshire", "2017-05-19")] == ("2017-07-07", 49)
    assert lag[("Isle of Wight", "2014-10-08")] == ("2014-11-19", 42)


def test_priority_actions_on_a_real_focused_visit(store: OxigraphStore) -> None:
    assert _rows(store, "priority-actions-by-authority") == [{"authority": "Dudley", "priority_actions": 2, "visits": 1}]
    (row,) = _rows(store, "after-priority-actions")
    assert (row["authority"], row["focused_visit"], row["priority_actions"], row["next_start"]) == (
        "Dudley", "2020-10-13", 2, None)


def test_grades_by_region_on_real_reports(store: OxigraphStore) -> None:
    overall = {(r["region"], r["year"], r["framework"], r["grade"]) for r in _rows(store, "grades-by-region-and-year")
               if r["area"] == "overall effectiveness"}
    # the 2014 Isle of Wight report's overall grade is the sentence "The overall judgement is that children's
    # services require / improvement", read since the extractor reads that sentence across its line break
    assert overall == {("South East", 2018, "ILACS 2018", "good"), ("Yorkshire and the Humber", 2017, "SIF", "good"),
                       ("South East", 2017, "SIF", "good"), ("South East", 2014, "SIF", "requires_improvement")}


def test_lead_inspectors_by_outcome_on_real_reports(store: OxigraphStore) -> None:
    got = [(r["inspector"], r["framework"], r["overall_grade"], r["inspections"], r["authorities"])
           for r in _rows(store, "lead-inspectors-by-outcome")]
    # the focused visit (ungraded) is not an inspection with an outcome: Tracey Scott led one inspection
    assert got == [("Jansy Kelly", "SIF", "requires_improvement", 1, "Isle of Wight"),
                   ("Neil Penswick", "SIF", "good", 1, "Doncaster"),
                   ("Steph Murray", "SIF", "good", 1, "West Berkshire"),
                   ("Tracey Scott", "ILACS 2018", "good", 1, "Isle of Wight")]


def test_recurring_recommendations_next_visit_on_real_documents(store: OxigraphStore) -> None:
    rows = _rows(store, "recurring-recommendations-next-visit")
    # each visit with recommendations is paired with the same authority's next visit only: Isle of Wight
    # 2014 with its 2018 inspection (not with itself, nor 2018 with nothing), West Berkshire 2017 with the
    # focused visit of June 2021; Doncaster has no later visit here
    pairs = {(r["authority"], r["visit_start"], r["next_start"], r["next_kind"]) for r in rows}
    assert pairs == {("Isle of Wight", "2014-09-16", "2018-11-19", "inspection"),
                     ("West Berkshire", "2017-05-08", "2021-06-09", "focused_visit")}
    themes = [(r["authority"], r["visit_start"], r["theme"]) for r in rows]
    assert len(themes) == len(set(themes))  # a theme once per visit, however many of its items carry it
    # the 2014 report asks to "improve ... recording"; the 2018 one names "the recording of reflective
    # discussion ... in case supervision records": recording came back
    came_back = {r["theme"] for r in rows if r["authority"] == "Isle of Wight" and r["came_back"]}
    assert "Recording" in came_back
    # one authority at a time: the same rows as the whole-library question's for it
    for authority in ("Isle of Wight", "West Berkshire", "Doncaster"):
        one = _rows(store, "recurring-recommendations-of-authority", f"authority={authority}")
        assert one == [r for r in rows if r["authority"] == authority]
    assert _rows(store, "recurring-recommendations-of-authority", "authority=Doncaster") == []
