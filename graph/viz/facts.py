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
        v = visits.setdefault(r["visit"], {"kind": "", "awarded": [], "restated": [], "leads": [],
                                           "evidence": [], "source": r.get("path") or "", "url": r.get("url") or "",
                                           "start": str(r.get("start") or ""), "authority": str(r.get("authority") or "")})
        fact, value = r["fact"], str(r["value"] or "")
        if fact == "kind":
            v["kind"] = value
        elif fact == "awarded":
            item = {"area": str(r["area"] or ""), "grade": value}
            if item not in v["awarded"]:
                v["awarded"].append(item)
        elif fact == "restated":
            item = {"grade": value, "date": str(r["date"] or "")}
            if item not in v["restated"]:
                v["restated"].append(item)
        elif fact == "inspector" and value == "lead" and r["node"] not in v["leads"]:
            v["leads"].append(r["node"])
        if r.get("exact"):
            ev = {"fact": fact, "words": str(r["exact"]), "page": int(r["page"]) if r.get("page") else None,
                  "node": str(r["node"]) if fact == "inspector" else ""}
            if ev not in v["evidence"]:
                v["evidence"].append(ev)
        if not v["url"] and r.get("url"):
            v["url"] = str(r["url"])
    return visits


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

    by_authority: dict[str, list[dict[str, Any]]] = {}
    for v in visits.values():
        by_authority.setdefault(v["authority"], []).append(v)
    for name, theirs in by_authority.items():
        found = match_authority(name) if name else None
        grade, _ = latest_grade(theirs)
        for v in theirs:
            v["region"], v["authority_grade"] = (found.region if found else ""), grade
    g.graph["visit_facts"] = visits
    for node, data in g.nodes(data=True):
        mine = [visits[v] for v in data.get("visit_ids", []) if v in visits]
        if data.get("kind") == "authority":
            found = match_authority(str(data.get("label", "")))
            data["region"] = found.region if found else ""
            data["latest_grade"], data["grade_source"] = latest_grade(mine)
        elif data.get("kind") == "inspector":
            if any(node in v["leads"] for v in mine):
                data["role"] = "lead"
            elif mine and all(v["kind"] in JOINT_KINDS for v in mine):
                data["role"] = "joint"
            else:
                data["role"] = "team"
    for _, _, data in g.edges(data=True):
        kinds = [visits[v]["kind"] for v in data.get("visit_ids", []) if v in visits and visits[v]["kind"]]
        if kinds:
            data["kind"] = Counter(kinds).most_common(1)[0][0]
