"""The ontology documented for people who write SPARQL, generated from the ontology itself.

`reference_markdown()` is checked in as docs/reference.md (a test keeps the two the same);
`reference_html()` is what `publish` writes as reference.html. Both list every class and property with
its definition, domain and range, the judgement areas of each framework, and worked queries.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from rdflib import OWL, RDF, RDFS, BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SKOS

PREFIXES = {
    "https://w3id.org/ofsted-kg/ontology#": "okg:",
    "https://w3id.org/ofsted-kg/judgement-areas#": "okga:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://www.w3.org/ns/org#": "org:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://www.w3.org/ns/oa#": "oa:",
    "http://xmlns.com/foaf/0.1/": "foaf:",
    "http://purl.org/dc/terms/": "dcterms:",
    "https://schema.org/": "schema:",
}

COUNT_BY_VISIT = """\
PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
# Inspections per authority: count visits, not documents. A visit is one node whatever number of
# documents report it (the letter, the report, a council agenda's copy): each is a source of it.
SELECT ?authority (COUNT(DISTINCT ?visit) AS ?inspections) WHERE {
  GRAPH ?document { ?visit okg:visitKind okg:kind_inspection ; okg:visitOf/okg:name ?authority }
}
GROUP BY ?authority"""

TRAJECTORY = """\
PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
PREFIX okga: <https://w3id.org/ofsted-kg/judgement-areas#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
# Authorities judged inadequate overall and later good or better, with both months.
SELECT DISTINCT ?authority ?inadequate ?better WHERE {
  GRAPH ?d1 { ?v1 okg:visitOf ?a ; okg:judgement|okg:previousJudgement ?j1 .
              ?j1 okg:judgementArea ?area1 ; okg:grade okg:grade_inadequate ; okg:judgementDate ?date1 }
  GRAPH ?d2 { ?v2 okg:visitOf ?a ; okg:judgement|okg:previousJudgement ?j2 .
              ?j2 okg:judgementArea ?area2 ; okg:grade ?g2 ; okg:judgementDate ?date2 . ?a okg:name ?authority }
  ?area1 skos:broadMatch? okga:overall_effectiveness . ?area2 skos:broadMatch? okga:overall_effectiveness .
  ?g2 okg:rank ?rank FILTER(?rank <= 2)
  BIND(SUBSTR(STR(?date1), 1, 7) AS ?inadequate) BIND(SUBSTR(STR(?date2), 1, 7) AS ?better)
  FILTER(?better > ?inadequate)
}"""

ACROSS_FRAMEWORKS = """\
PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
PREFIX okga: <https://w3id.org/ofsted-kg/judgement-areas#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
# Help-and-protection grades across frameworks, saying which framework gave each.
SELECT ?authority ?framework ?date ?grade WHERE {
  GRAPH ?d { ?v okg:visitOf/okg:name ?authority ; okg:judgement ?j .
             ?j okg:judgementArea ?area ; okg:grade ?g ; okg:judgementDate ?date }
  ?area skos:broadMatch okga:help_and_protection ; skos:inScheme/skos:notation ?framework .
  ?g skos:prefLabel ?grade .
}
ORDER BY ?authority ?date"""

EXAMPLES = [
    ("Count by visit, not by document", COUNT_BY_VISIT),
    ("From inadequate to good (the library's improvement-trajectories adds the months between)", TRAJECTORY),
    ("One judgement area across frameworks", ACROSS_FRAMEWORKS),
]

NOTES = [
    "Every document (letter or report) is its own named graph; the store's default graph is the union "
    "of them all, plus `graph/vocabulary` (the ontology, themes and judgement areas: labels, ranks, "
    "broad matches). Match a document's facts inside `GRAPH ?d { ... }` and vocabulary facts outside it.",
    "**Count by visit.** A visit is one node (`okg:Visit`) whatever number of documents report it: a "
    "letter, an inspection report, a council agenda's copy, a text copy of a PDF. Each document points "
    "to it with `okg:aboutVisit`. An authority's name, a visit's dates and its judgements are repeated "
    "in every document about them, so count `DISTINCT ?visit` (or `?judgement`), never rows or documents.",
    "**Awarded and restated judgements are apart.** `okg:judgement` links a visit to the judgements its "
    "report awards (area, grade, `okg:judgementDate` as `xsd:date`, the inspection's last day). "
    "`okg:previousJudgement` links a visit to the earlier overall judgement its letter restates "
    "(`xsd:gYearMonth` or `xsd:gYear`). `SUBSTR(STR(?date), 1, 7)` gives both to the month.",
    "**Grades have a rank**: `?grade okg:rank ?r` (1 outstanding, 2 good, 3 requires improvement or "
    "adequate, 4 inadequate).",
    "**Judgement areas are concepts per framework** (SIF, ILACS 2018, ILACS 2023, ILACS 2026, and the "
    "2009-2012 inspections): `?area skos:inScheme/skos:notation ?framework` names the framework, and "
    "`?area skos:broadMatch okga:overall_effectiveness` (or `okga:help_and_protection`, ...) compares "
    "across frameworks. ILACS 2026 has no overall effectiveness judgement.",
    "Authorities carry `okg:region` (the ONS region's name), `okg:gssCode`, `okg:ofstedUrn`, `okg:dfeCode`.",
]


@dataclass
class Term:
    iri: str
    kind: str  # "class", "object property", "datatype property"
    label: str
    definition: str
    domain: str
    range: str
    parent: str


def _short(node: object) -> str:
    s = str(node)
    for long, short in PREFIXES.items():
        if s.startswith(long):
            return short + s[len(long):]
    return s


def _class(g: Graph, node: object) -> str:
    """A named class, or a union of them written 'A or B'."""
    if isinstance(node, BNode):
        members = g.value(node, OWL.unionOf)
        if members is not None:
            return " or ".join(sorted(_short(m) for m in Collection(g, members)))
    return _short(node)


def _graph() -> Graph:
    from ofsted_kg import ontology

    g = Graph()
    for name in ("ofsted-kg.ttl", "judgement-areas.ttl"):
        g.parse(data=ontology.read(name), format="turtle")
    return g


def terms(g: Graph | None = None) -> list[Term]:
    """Every class and property of the okg: namespace, as the ontology declares it."""
    g = g or _graph()
    out = []
    kinds = ((OWL.Class, "class"), (OWL.ObjectProperty, "object property"), (OWL.DatatypeProperty, "datatype property"))
    for cls, kind in kinds:
        for s in sorted(set(g.subjects(RDF.type, cls)), key=str):
            if not isinstance(s, URIRef) or not str(s).startswith("https://w3id.org/ofsted-kg/ontology#"):
                continue
            parent_p = RDFS.subClassOf if kind == "class" else RDFS.subPropertyOf
            parents = ", ".join(sorted(_short(p) for p in g.objects(s, parent_p) if isinstance(p, URIRef)))
            out.append(Term(_short(s), kind, str(g.value(s, RDFS.label) or ""),
                            re.sub(r"\s+", " ", str(g.value(s, SKOS.definition) or "")),
                            ", ".join(sorted(_class(g, d) for d in g.objects(s, RDFS.domain))),
                            ", ".join(sorted(_class(g, r) for r in g.objects(s, RDFS.range))), parents))
    return out


def _schemes(g: Graph) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(scheme, its label, [(concept, label)]) for the judgement areas and the grades."""
    out = []
    for scheme in sorted(set(g.subjects(RDF.type, SKOS.ConceptScheme)), key=str):
        if not str(scheme).startswith(("https://w3id.org/ofsted-kg/judgement-areas#",
                                       "https://w3id.org/ofsted-kg/ontology#JudgementGrades")):
            continue
        concepts = sorted((_short(c), str(g.value(c, SKOS.prefLabel) or "")) for c in g.subjects(SKOS.inScheme, scheme))
        out.append((_short(scheme), str(g.value(scheme, SKOS.prefLabel) or ""), concepts))
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def reference_markdown() -> str:
    """The reference page as Markdown (docs/reference.md)."""
    g = _graph()
    lines = ["# ofsted-kg: reference for SPARQL writers", "",
             "Generated from `ontology/ofsted-kg.ttl` and `ontology/judgement-areas.ttl` by "
             "`python -m ofsted_kg.reference` (a test checks that this file is current).", "",
             "Prefixes: `okg:` <https://w3id.org/ofsted-kg/ontology#>, `okga:` "
             "<https://w3id.org/ofsted-kg/judgement-areas#>.", "", "## Reading the graph", ""]
    lines += [f"- {n}" for n in NOTES]
    lines += ["", "## Worked queries", ""]
    for title, text in EXAMPLES:
        lines += [f"### {title}", "", "```sparql", text, "```", ""]
    for kind, heading in (("class", "Classes"), ("object property", "Object properties"),
                          ("datatype property", "Datatype properties")):
        lines += [f"## {heading}", ""]
        if kind == "class":
            lines += ["| class | label | subclass of | definition |", "| --- | --- | --- | --- |"]
            lines += [f"| `{t.iri}` | {_cell(t.label)} | {_cell(t.parent)} | {_cell(t.definition)} |"
                      for t in terms(g) if t.kind == kind]
        else:
            lines += ["| property | domain | range | definition |", "| --- | --- | --- | --- |"]
            lines += [f"| `{t.iri}` | {_cell(t.domain)} | {_cell(t.range)} | {_cell(t.definition)} |"
                      for t in terms(g) if t.kind == kind]
        lines.append("")
    lines += ["## Grades and judgement areas", ""]
    for scheme, label, concepts in _schemes(g):
        lines += [f"- `{scheme}` ({label}): " + ", ".join(f"`{c}` {lab}" for c, lab in concepts)]
    return "\n".join(lines) + "\n"


def reference_html() -> str:
    """The same page as one self-contained HTML file (`publish` writes it as reference.html)."""
    g = _graph()
    e = html.escape

    def code(text: str) -> str:
        return re.sub(r"`([^`]+)`", lambda m: f"<code>{m.group(1)}</code>", e(text)).replace("**", "")

    parts = ["<!doctype html><html lang='en'><meta charset='utf-8'><title>ofsted-kg reference</title>",
             "<style>body{font-family:sans-serif;max-width:70em;margin:2em auto}table{border-collapse:collapse}"
             "td,th{border:1px solid #ccc;padding:.3em;vertical-align:top}pre{background:#f4f4f4;padding:.6em}</style>",
             "<h1>ofsted-kg: reference for SPARQL writers</h1>", "<h2>Reading the graph</h2><ul>"]
    parts += [f"<li>{code(n)}</li>" for n in NOTES]
    parts.append("</ul><h2>Worked queries</h2>")
    for title, text in EXAMPLES:
        parts.append(f"<h3>{e(title)}</h3><pre>{e(text)}</pre>")
    for kind, heading in (("class", "Classes"), ("object property", "Object properties"),
                          ("datatype property", "Datatype properties")):
        head = ("<tr><th>class<th>label<th>subclass of<th>definition" if kind == "class"
                else "<tr><th>property<th>domain<th>range<th>definition")
        parts.append(f"<h2>{heading}</h2><table>{head}")
        for t in terms(g):
            if t.kind == kind:
                cols = (t.label, t.parent) if kind == "class" else (t.domain, t.range)
                parts.append(f"<tr id='{e(t.iri)}'><td><code>{e(t.iri)}</code><td>{e(cols[0])}<td>{e(cols[1])}"
                             f"<td>{e(t.definition)}")
        parts.append("</table>")
    parts.append("<h2>Grades and judgement areas</h2><ul>")
    for scheme, label, concepts in _schemes(g):
        parts.append(f"<li><code>{e(scheme)}</code> ({e(label)}): "
                     + ", ".join(f"<code>{e(c)}</code> {e(lab)}" for c, lab in concepts) + "</li>")
    parts.append("</ul></html>")
    return "\n".join(parts) + "\n"


if __name__ == "__main__":  # python -m ofsted_kg.reference > docs/reference.md
    print(reference_markdown(), end="")
