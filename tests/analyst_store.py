"""A small store whose right answers were worked out by hand (tests/test_analyst_queries.py).

Records are written out, not extracted, and their priority actions and recommendations themed by the trigger
rules (not by the findings model, which is retrained as labels grow), so that each query's expected rows
follow from this file alone:

- Slough (South East): a SIF inspection 31 Oct-17 Nov 2016, inadequate, led by Ann Lead; a monitoring
  visit in June 2017 restating "inadequate, November 2016"; an ILACS 2018 inspection 4-15 March 2019,
  requires improvement, led by Bob Lead; an ILACS 2023 inspection 8-19 May 2023, good, led by Ann Lead,
  reported twice (the report and a text copy of it). Inadequate 2016-11 to good 2023-05: 78 months.
- Peterborough (East of England): a focused visit 1-2 May 2018 with two priority actions, reported by its
  letter and by a council agenda's copy of it; its next visit, an ILACS 2018 inspection 14-25 January
  2019 judged inadequate and led by Bob Lead, 257 days after the focused visit's last day; a monitoring
  visit in June 2019 restating "inadequate, January 2019", addressed to a new director.
- Lewisham (London): a SIF inspection 1-19 June 2015 whose overall grade was not read (three area
  judgements, requires improvement), and an ILACS 2026 inspection 11-22 May 2026 with no overall
  effectiveness; both led by Cy Lead.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ofsted_kg.extract.records import Finding, Judgement, LetterRecord, PreviousJudgement, Recipient, Span
from ofsted_kg.store import OxigraphStore
from ofsted_kg.themes import assign_themes

ILACS_2018 = ["Overall effectiveness", "The impact of leaders on social work practice with children and families",
              "The experiences and progress of children who need help and protection",
              "The experiences and progress of children in care and care leavers"]
ILACS_2023 = ["Overall effectiveness", "The impact of leaders on social work practice with children and families",
              "The experiences and progress of children who need help and protection",
              "The experiences and progress of children in care", "The experiences and progress of care leavers"]
SIF = ["Overall effectiveness", "1. Children who need help and protection",
       "2. Children looked after and achieving permanence", "3. Leadership, management and governance"]
ILACS_2026 = ["The impact of leaders on practice with children and families",
              "The experiences and progress of children who need help and protection",
              "The experiences and progress of children in care", "The experiences and progress of care leavers"]

OVERSIGHT = "Management oversight and supervision of social workers, so that plans progress."
CASELOADS = "Caseloads of social workers, so that they have time to work with children."
PLO = "The timely use of the pre-proceedings stage of the Public Law Outline."


def _themed(texts: list[str], section: str, polarity: str) -> list[Finding]:
    """Findings themed by the trigger rules of ontology/themes.ttl, so that the answers follow from this file
    and those rules, not from the findings model."""
    return [Finding(t, section, polarity, [th.label for th, _ in assign_themes(t)], Span(0, 10, "0123456789"))
            for t in texts]


def _report(name: str, authority: str, start: str, end: str, published: str, lead: str, framework: str,
            version: str, areas: list[str], grades: list[str], recommendations: list[str] = ()) -> LetterRecord:  # type: ignore[assignment]
    return LetterRecord(
        findings=_themed(list(recommendations), "What needs to improve", "recommendation"),
        source=name, kind="report", source_sha256=hashlib.sha256(name.encode()).hexdigest(),
        letter_date=published, authority=authority, visit_type="inspection", visit_start=start, visit_end=end,
        inspectors=[lead], judgements=[Judgement(a, g) for a, g in zip(areas, grades, strict=True)],
        framework=framework, framework_version=version, recommendations=list(recommendations))


def _letter(name: str, authority: str, kind: str, start: str, end: str, date: str, director: str,
            previous: PreviousJudgement | None = None, priority: list[str] = (),  # type: ignore[assignment]
            recommendations: list[str] = ()) -> LetterRecord:  # type: ignore[assignment]
    findings = _themed(list(priority), "Areas for priority action", "area for priority action") + _themed(
        list(recommendations), "What needs to improve", "recommendation")
    return LetterRecord(
        source=name, source_sha256=hashlib.sha256(name.encode()).hexdigest(), letter_date=date,
        authority=authority, visit_type=kind, visit_start=start, visit_end=end,
        inspectors=["Dee Inspector", "Eve Inspector"], signatory="Dee Inspector",
        recipient=Recipient(director, "Director of Children's Services"), previous_judgement=previous,
        findings=findings, recommendations=list(recommendations))


def records() -> list[LetterRecord]:
    ri, good, inad = "requires improvement to be good", "good", "inadequate"
    slough_2023 = _report("slough-2023.pdf", "Slough", "2023-05-08", "2023-05-19", "2023-06-30", "Ann Lead",
                          "ILACS", "ILACS 2023", ILACS_2023, [good, good, good, ri, good], [OVERSIGHT])
    copy = LetterRecord(**{**slough_2023.__dict__, "source": "slough-2023.txt",  # its table read bottom up
                           "source_sha256": hashlib.sha256(b"slough-2023.txt").hexdigest(),
                           "judgements": slough_2023.judgements[::-1]})
    return [
        _report("slough-2016.pdf", "Slough", "2016-10-31", "2016-11-17", "2017-01-13", "Ann Lead", "SIF", "SIF",
                SIF, [inad, inad, ri, inad]),
        _letter("slough-mv-2017.txt", "Slough", "monitoring visit", "2017-06-06", "2017-06-07", "2017-07-10",
                "Sam Director", previous=PreviousJudgement("inadequate", "2016-11")),
        _report("slough-2019.pdf", "Slough", "2019-03-04", "2019-03-15", "2019-04-26", "Bob Lead", "ILACS",
                "ILACS 2018", ILACS_2018, [ri, ri, ri, good]),
        slough_2023, copy,
        _letter("peterborough-fv-2018.txt", "Peterborough", "focused visit", "2018-05-01", "2018-05-02",
                "2018-06-05", "Pat Director", priority=[OVERSIGHT, PLO], recommendations=[CASELOADS]),
        _letter("peterborough-agenda-2018.txt", "Peterborough", "focused visit", "2018-05-01", "2018-05-02",
                "2018-06-05", "Pat Director", priority=[OVERSIGHT, PLO], recommendations=[CASELOADS]),
        _report("peterborough-2019.pdf", "Peterborough", "2019-01-14", "2019-01-25", "2019-03-08", "Bob Lead",
                "ILACS", "ILACS 2018", ILACS_2018, [inad, inad, inad, ri], [OVERSIGHT]),
        _letter("peterborough-mv-2019.txt", "Peterborough", "monitoring visit", "2019-06-11", "2019-06-12",
                "2019-07-09", "Quinn Director", previous=PreviousJudgement("inadequate", "2019-01")),
        _report("lewisham-2015.pdf", "Lewisham", "2015-06-01", "2015-06-19", "2015-08-05", "Cy Lead", "SIF", "SIF",
                SIF[1:], [ri, ri, ri]),  # the overall grade only in a sentence the extractor did not read
        _report("lewisham-2026.pdf", "Lewisham", "2026-05-11", "2026-05-22", "2026-07-01", "Cy Lead", "ILACS",
                "ILACS 2026", ILACS_2026, [inad, inad, ri, ri]),
    ]


def build_store(path: Path) -> OxigraphStore:
    """The records above, built and loaded as `ingest` would load them (each letter its graph, plus the
    authorities, the vocabulary and the letters' listing graphs)."""
    from ofsted_kg.graph.build import authorities_graph, letter_graph
    from ofsted_kg.graph.listing import ensure_listings
    from ofsted_kg.ontology import vocabulary_graph
    from ofsted_kg.people import resolve_records

    store = OxigraphStore(path)
    recs = records()
    people = resolve_records(recs)
    for rec in recs:
        built = letter_graph(rec, people=people)
        store.replace_graph(str(built.iri), built.graph.serialize(format="nt"))
    name, g = authorities_graph()
    store.replace_graph(str(name), g.serialize(format="nt"))
    store.replace_graph("https://w3id.org/ofsted-kg/id/graph/vocabulary", vocabulary_graph().serialize(format="nt"))
    ensure_listings(store)
    return store
