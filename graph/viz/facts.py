"""What the letters say about each visit (viz-visit-facts.rq), folded into the views' graphs.

`visit_table(rows)` gives one record per visit: kind, dates, awarded and restated judgements, lead
inspectors, and the quoted words behind each fact with their page and source document. `annotate(g,
visits)` keeps that table on the graph (`g.graph["visit_facts"]`) and derives what the views colour by:
an authority's `region` and `latest_grade`, an inspector's `role`, an edge's visit `kind`; each visit
also gets its authority's `region` and `authority_grade`, which the page's filters use.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

# an inspector named only on joint inspections may be another inspectorate's (CQC, HMICFRS, probation)
ROLES = ("lead", "team", "joint")
JOINT_KINDS = {"joint_targeted_area_inspection"}


def visit_table(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Rows of viz-visit-facts.rq -> {visit IRI: record}; evidence deduplicated, in the order cited."""
    visits: dict[str, dict[str, Any]] = {}
    for r in rows:
        v = visits.setdefault(r["visit"], _new_visit(r))
        fact, value = r["fact"], str(r["value"] or "")
        _add_fact(v, fact, value, r)
        if r.get("exact"):
            _append_new(v["evidence"], {"fact": fact, "words": str(r["exact"]),
                                        "page": int(r["page"]) if r.get("page") else None,
                                        "node": str(r["node"]) if fact == "inspector" else ""})
        if not v["url"] and r.get("url"):
            v["url"] = str(r["url"])
    return visits


def _new_visit(r: dict[str, Any]) -> dict[str, Any]:
    """A visit's record as its first row gives it: source, public URL, first day and authority."""
    return {"kind": "", "awarded": [], "restated": [], "leads": [], "evidence": [], "source": r.get("path") or "",
            "url": r.get("url") or "", "start": str(r.get("start") or ""), "authority": str(r.get("authority") or "")}


def _append_new(items: list[Any], item: Any) -> None:
    """Append `item` unless an equal one is there already."""
    if item not in items:
        items.append(item)


def _add_fact(v: dict[str, Any], fact: str, value: str, r: dict[str, Any]) -> None:
    """Record one row's fact on its visit: the kind, a judgement awarded or restated, or a lead inspector."""
    if fact == "kind":
        v["kind"] = value
    elif fact == "awarded":
        _append_new(v["awarded"], {"area": str(r["area"] or ""), "grade": value})
    elif fact == "restated":
        _append_new(v["restated"], {"grade": value, "date": str(r["date"] or "")})
    elif fact == "inspector" and value == "lead":
        _append_new(v["leads"], r["node"])


def latest_grade(visits: list[dict[str, Any]]) -> tuple[str, str]:
    """(grade, "awarded" | "restated") of the latest overall judgement these visits give, else ("", "")."""
    found: list[tuple[str, int, str, str]] = []  # (date, awarded first on a tie, grade, how)
    for v in visits:
        for a in v["awarded"]:
            if "overall" in a["area"].lower():
                found.append((v.get("start") or "", 1, a["grade"], "awarded"))
        for r in v["restated"]:
            found.append((r["date"] or (v.get("start") or "")[:7], 0, r["grade"], "restated"))
    if not found:
        return "", ""
    _, _, grade, how = max(found)
    return grade, how


def annotate(g: nx.Graph, visits: dict[str, dict[str, Any]]) -> None:
    """Keep the visit table on `g` and set region, latest_grade, role and edge kind from it."""
    from ofsted_kg.extract.authorities import match_authority

    _set_authority_facts(visits)
    g.graph["visit_facts"] = visits
    for node, data in g.nodes(data=True):
        mine = [visits[v] for v in data.get("visit_ids", []) if v in visits]
        if data.get("kind") == "authority":
            found = match_authority(str(data.get("label", "")))
            data["region"] = found.region if found else ""
            data["latest_grade"], data["grade_source"] = latest_grade(mine)
        elif data.get("kind") == "inspector":
            data["role"] = _inspector_role(node, mine)
    for _, _, data in g.edges(data=True):
        kinds = [visits[v]["kind"] for v in data.get("visit_ids", []) if v in visits and visits[v]["kind"]]
        if kinds:
            data["kind"] = Counter(kinds).most_common(1)[0][0]


def _set_authority_facts(visits: dict[str, dict[str, Any]]) -> None:
    """Give each visit its authority's region and latest overall grade."""
    from ofsted_kg.extract.authorities import match_authority

    by_authority: dict[str, list[dict[str, Any]]] = {}
    for v in visits.values():
        by_authority.setdefault(v["authority"], []).append(v)
    for name, theirs in by_authority.items():
        found = match_authority(name) if name else None
        grade, _ = latest_grade(theirs)
        for v in theirs:
            v["region"], v["authority_grade"] = (found.region if found else ""), grade


def _inspector_role(node: Any, mine: list[dict[str, Any]]) -> str:
    """The inspector's role: lead if they led one of these visits, joint if all were joint inspections, else team."""
    if any(node in v["leads"] for v in mine):
        return "lead"
    if mine and all(v["kind"] in JOINT_KINDS for v in mine):
        return "joint"
    return "team"
