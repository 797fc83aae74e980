"""One page per resource, as HTML for people and Turtle and JSON-LD beside it: the `/id/` -> `/doc/` layout.

An instance IRI `BASE/id/authority/worcestershire` is described by `doc/authority/worcestershire.html`,
`.ttl` and `.jsonld` in the published folder; the content-negotiation configs (`conneg.py`) answer the
IRI with a 303 to one of them. A fragment IRI (`.../evidence/8#quote`) is described on its document's
page.

Written in a streaming way: each letter's graphs are read one letter at a time (its findings, evidence and
theme assignments are described from them), and every other resource (authorities, people, visits,
files, runs, statistics) comes from one query ordered by subject, with one query each for labels,
incoming links and evidence.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ofsted_kg.graph.vocab import OKG
from ofsted_kg.letter_graphs import LetterGraphs

OKG_NS = str(OKG._NS)
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
OA_NS = "http://www.w3.org/ns/oa#"
LABELS = ("http://www.w3.org/2000/01/rdf-schema#label", OKG_NS + "name",
          "http://www.w3.org/2004/02/skos/core#prefLabel", "http://xmlns.com/foaf/0.1/name")
# links followed as evidence, not listed as "linked from"
EVIDENCE_LINKS = (OKG_NS + "evidenceOf", OKG_NS + "evidenceIn")
SAFE_PATH = re.compile(r"[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*")
MAX_INBOUND = 500  # links listed on one page (the Turtle of the linking resources has them all)

CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.45;color:#1b1b1b}
a{color:#1d4f91}a:focus{outline:3px solid #fd0}table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;border-bottom:1px solid #ccc;padding:.3rem .5rem}
th{width:14rem;font-weight:600}blockquote{margin:.3rem 0;padding:.2rem .6rem;border-left:4px solid #1d4f91;background:#f3f6fa}
code{font-size:.9em}.iri{word-break:break-all;color:#555}nav,footer{font-size:.9em;margin:1rem 0}
textarea{width:100%;font-family:monospace}"""


def doc_path(iri: str, base: str) -> str | None:
    """`BASE/id/authority/x#y` -> `authority/x` (the page's path under doc/), or None when not ours or unsafe."""
    if not iri.startswith(base):
        return None
    rest = iri[len(base):].split("#", 1)[0]
    if not SAFE_PATH.fullmatch(rest) or any(seg in (".", "..") for seg in rest.split("/")):
        return None
    return rest


def doc_iri(iri: str) -> str:
    return iri.split("#", 1)[0]


@dataclass
class Term:
    """An RDF term as the pages need it: an IRI, a blank node or a literal with its datatype or language."""

    kind: str  # "iri", "bnode" or "literal"
    value: str
    datatype: str | None = None
    language: str | None = None

    @classmethod
    def of(cls, t: Any) -> Term:
        import pyoxigraph as ox

        if isinstance(t, ox.NamedNode):
            return cls("iri", t.value)
        if isinstance(t, ox.BlankNode):
            return cls("bnode", t.value)
        return cls("literal", t.value, t.datatype.value if t.datatype else None, t.language)


Triple = tuple[str, str, Term]  # subject IRI, predicate IRI, object


@dataclass
class Evidence:
    """The words a fact was read from."""

    prop: str
    value: str
    exact: str
    source: str | None
    page: str | None
    letter: str
    iri: str = ""  # the evidence resource (`LETTER/evidence/N`, numbered in reading order)


@dataclass
class Site:
    """What every page needs: where IRIs live, labels, and the ontology's property and class labels."""

    folder: Path
    base: str  # instance base of the published data (ends with /)
    labels: dict[str, str] = field(default_factory=dict)
    concepts: dict[str, str] = field(default_factory=dict)  # concept IRI -> page path under doc/concept/
    written: int = 0
    skipped: list[str] = field(default_factory=list)

    def label(self, iri: str) -> str:
        if iri in self.labels:
            return self.labels[iri]
        tail = re.split(r"[#/]", iri.rstrip("/#"))[-1]
        return tail.replace("_", " ") or iri

    def href(self, iri: str, here: str) -> str | None:
        """A link from the page at doc/`here` to the page describing `iri` (relative, so the folder can
        be served under any path or opened from disk)."""
        path = doc_path(iri, self.base)
        if path is None and iri in self.concepts:
            path = "concept/" + self.concepts[iri]
        if path is None:
            return None
        depth = here.count("/")
        return "../" * depth + path + ".html" + ("#" + iri.split("#", 1)[1] if "#" in iri else "")


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _natural(text: str) -> tuple[tuple[str, int], ...]:
    """A sort key that orders the numbers in `text` by value (`evidence/2` before `evidence/10`)."""
    return tuple((chars, int(digits) if digits else -1) for chars, digits in re.findall(r"(\D*)(\d*)", text))


def _value_html(site: Site, term: Term, here: str) -> str:
    if term.kind == "literal":
        text = _esc(term.value)
        if term.datatype and not term.datatype.endswith(("#string", "#langString")):
            text += f' <small>({_esc(site.label(term.datatype))})</small>'
        return text
    if term.kind == "bnode":
        return f"<code>_:{_esc(term.value)}</code>"
    href = site.href(term.value, here)
    label = _esc(site.label(term.value))
    if href:
        return f'<a href="{_esc(href)}">{label}</a>'
    return f'<a href="{_esc(term.value)}" class="iri">{label}</a>'


def _page(site: Site, here: str, title: str, body: str, iri: str | None = None) -> str:
    up = "../" * (here.count("/") + 1)  # from doc/<here>.html to the folder's root
    alt = ""
    name = here.rsplit("/", 1)[-1]
    if iri:
        alt = (f'<link rel="alternate" type="text/turtle" href="{_esc(name)}.ttl">\n'
               f'<link rel="alternate" type="application/ld+json" href="{_esc(name)}.jsonld">\n')
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{_esc(title)}</title>\n'
            f"{alt}<style>{CSS}</style>\n</head>\n<body>\n"
            f'<nav aria-label="site"><a href="{up}index.html">ofsted-kg linked data</a> · '
            f'<a href="{up}reference.html">vocabulary</a></nav>\n<main>\n{body}</main>\n'
            f'<footer>Contains public sector information licensed under the '
            f'<a href="http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">Open Government '
            f"Licence v3.0</a>.</footer>\n</body>\n</html>\n")


def _turtle(triples: list[Triple], prefixes: dict[str, str]) -> bytes:
    import pyoxigraph as ox

    def node(t: Term) -> Any:
        if t.kind == "iri":
            return ox.NamedNode(t.value)
        if t.kind == "bnode":
            return ox.BlankNode(t.value)
        if t.language:
            return ox.Literal(t.value, language=t.language)
        return ox.Literal(t.value, datatype=ox.NamedNode(t.datatype) if t.datatype else None)

    data = [ox.Triple(ox.NamedNode(s), ox.NamedNode(p), node(o)) for s, p, o in triples]
    return ox.serialize(data, format=ox.RdfFormat.TURTLE, prefixes=prefixes) or b""


def _compact(iri: str, prefixes: dict[str, str]) -> str:
    for name, ns in prefixes.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            local = iri[len(ns):]
            if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", local):
                return f"{name}:{local}"
    return iri


def jsonld(triples: list[Triple], prefixes: dict[str, str]) -> dict[str, Any]:
    """Compact JSON-LD 1.1 of the triples: an inline `@context` of the prefixes, one node per subject."""
    nodes: dict[str, dict[str, Any]] = {}
    for s, p, o in triples:
        node = nodes.setdefault(s, {"@id": s})
        if p == RDF_TYPE and o.kind == "iri":
            node.setdefault("@type", []).append(_compact(o.value, prefixes))
            continue
        if o.kind == "iri":
            value: dict[str, Any] = {"@id": o.value}
        elif o.kind == "bnode":
            value = {"@id": "_:" + o.value}
        else:
            value = {"@value": o.value}
            if o.language:
                value["@language"] = o.language
            elif o.datatype and not o.datatype.endswith("#string"):
                value["@type"] = _compact(o.datatype, prefixes)
        node.setdefault(_compact(p, prefixes), []).append(value)
    return {"@context": dict(prefixes), "@graph": list(nodes.values())}


def write_resource(site: Site, iri: str, triples: list[Triple], inbound: list[tuple[str, str]],
                   evidence: list[Evidence], prefixes: dict[str, str]) -> None:
    """doc/PATH.html, .ttl and .jsonld for one resource: its own triples and those of its fragment IRIs."""
    here = doc_path(iri, site.base)
    if here is None:
        site.skipped.append(iri)
        return
    _write_page(site, iri, here, triples, prefixes, inbound, evidence)
    site.written += 1


def _resource_html(site: Site, iri: str, here: str, triples: list[Triple], inbound: list[tuple[str, str]],
                   evidence: list[Evidence]) -> str:
    title = site.label(iri)
    by_subject: dict[str, list[Triple]] = defaultdict(list)
    for t in triples:
        by_subject[t[0]].append(t)
    own = by_subject.get(iri, [])
    parts = [_heading_html(site, iri, here, title, own), _quotation_html(iri, own)]
    for subject in sorted(by_subject, key=lambda s: (s != iri, s)):
        parts.append(_subject_html(site, iri, here, subject, by_subject[subject]))
    if evidence:
        parts.append(_evidence_html(site, here, evidence))
    if inbound:
        parts.append(_inbound_html(site, here, inbound))
    return _page(site, here, title, "".join(parts), iri)


def _heading_html(site: Site, iri: str, here: str, title: str, own: list[Triple]) -> str:
    """The page's title, IRI, types and links to its Turtle and JSON-LD."""
    types = [site.label(o.value) for s, p, o in own if p == RDF_TYPE and o.kind == "iri"]
    parts = [f"<h1>{_esc(title)}</h1>\n<p class=\"iri\">{_esc(iri)}</p>\n"]
    if types:
        parts.append(f"<p>{_esc(', '.join(sorted(set(types))))}</p>\n")
    name = here.rsplit("/", 1)[-1]
    parts.append(f'<p>This page as <a href="{_esc(name)}.ttl">Turtle</a> · '
                 f'<a href="{_esc(name)}.jsonld">JSON-LD</a></p>\n')
    return "".join(parts)


def _quotation_html(iri: str, own: list[Triple]) -> str:
    """A finding's quoted words and where they stand (a finding is itself a quotation); else nothing."""
    text = {p: o.value for s, p, o in own if s == iri and o.kind == "literal"}
    if OKG_NS + "text" not in text:
        return ""
    where = ", ".join(x for x in (
        f"characters {text.get(OKG_NS + 'textStart', '?')}-{text.get(OKG_NS + 'textEnd', '?')}",
        f"page {text[OKG_NS + 'page']}" if OKG_NS + "page" in text else "") if x)
    return (f"<h2>Quoted words</h2>\n<blockquote>{_esc(text[OKG_NS + 'text'])}</blockquote>\n"
            f"<p>{_esc(where)}</p>\n")


def _subject_html(site: Site, iri: str, here: str, subject: str, rows: list[Triple]) -> str:
    """The table of one subject's facts: the resource's own ("Facts") or a fragment IRI's, under its anchor."""
    if subject != iri:
        anchor = subject.split("#", 1)[1] if "#" in subject else ""
        head = f'<h2 id="{_esc(anchor)}">{_esc(site.label(subject))}</h2>\n<p class="iri">{_esc(subject)}</p>\n'
    else:
        head = "<h2>Facts</h2>\n"
    grouped: dict[str, list[Term]] = defaultdict(list)
    for _, p, o in rows:
        grouped[p].append(o)
    cells = []
    for p in sorted(grouped, key=lambda x: site.label(x)):
        values = "<br>".join(_value_html(site, o, here) for o in sorted(grouped[p], key=lambda t: t.value))
        cells.append(f'<tr><th scope="row" title="{_esc(p)}">{_esc(site.label(p))}</th><td>{values}</td></tr>\n')
    return f"{head}<table>\n{''.join(cells)}</table>\n"


def _evidence_html(site: Site, here: str, evidence: list[Evidence]) -> str:
    """The table of the words each fact was read from, with the letter, source file and page."""
    parts = ["<h2>Evidence</h2>\n<table>\n<tr><th scope=\"col\">fact</th><th scope=\"col\">quoted words</th>"
             "<th scope=\"col\">source</th></tr>\n"]
    # the evidence's own IRI last: rows for one fact and letter come in the letter's reading order
    for ev in sorted(evidence, key=lambda e: (site.label(e.prop), e.value, e.letter, _natural(e.iri))):
        value = (_value_html(site, Term("iri", ev.value), here) if ev.value.startswith(("http://", "https://"))
                 else _esc(ev.value))
        parts.append(f"<tr><td>{_esc(site.label(ev.prop))}: {value}</td>"
                     f"<td><blockquote>{_esc(ev.exact)}</blockquote></td><td>{_evidence_source_html(site, here, ev)}"
                     "</td></tr>\n")
    parts.append("</table>\n")
    return "".join(parts)


def _evidence_source_html(site: Site, here: str, ev: Evidence) -> str:
    """Where evidence was read: its letter's page, its source file (a link when public) and its page."""
    source = []
    letter = site.href(ev.letter, here)
    source.append(f'<a href="{_esc(letter)}">{_esc(site.label(ev.letter))}</a>' if letter else _esc(ev.letter))
    if ev.source:
        link = ev.source if ev.source.startswith(("http://", "https://")) else None
        source.append(f'<a href="{_esc(link)}">{_esc(ev.source)}</a>' if link else f"<code>{_esc(ev.source)}</code>")
    if ev.page:
        source.append(f"page {_esc(ev.page)}")
    return "<br>".join(source)


def _inbound_html(site: Site, here: str, inbound: list[tuple[str, str]]) -> str:
    """The list of resources that link to this one (at most MAX_INBOUND), with the link's property."""
    parts = ["<h2>Linked from</h2>\n<ul>\n"]
    for s, p in sorted(inbound, key=lambda x: (site.label(x[1]), site.label(x[0])))[:MAX_INBOUND]:
        href = site.href(s, here)
        label = _esc(site.label(s))
        link = f'<a href="{_esc(href)}">{label}</a>' if href else label
        parts.append(f"<li>{link} <small>({_esc(site.label(p))})</small></li>\n")
    if len(inbound) > MAX_INBOUND:
        parts.append(f"<li>… and {len(inbound) - MAX_INBOUND} more (see the dumps)</li>\n")
    parts.append("</ul>\n")
    return "".join(parts)


def _rows(st: Any, sparql: str) -> Iterator[tuple[Any, ...]]:
    for sol in st.query(sparql, use_default_graph_as_union=True):
        yield tuple(sol)


def evidence_query(where: str, graph: str | None = None) -> str:
    """The SPARQL of the evidence rows matching `where`; with `graph`, read from that one graph (a letter's
    evidence is all in its own graph): else each letter's query would join against every letter's evidence.

    Every required pattern comes before the first OPTIONAL: Oxigraph joins a pattern that follows an
    OPTIONAL with that OPTIONAL's result in a loop over both, and across the whole store that grew with
    the square of the letters (46 s at 100 letters, 250 s at 200)."""
    body = f"""
      ?e okg:evidenceOf ?of ; okg:evidenceProperty ?prop ; okg:evidenceIn ?letter ; oa:hasTarget ?t .
      ?t oa:hasSelector ?q . ?q oa:exact ?exact .
      {where}
      OPTIONAL {{ ?e okg:literalValue|okg:objectValue ?value }}
      OPTIONAL {{ ?t oa:hasSelector ?pos . ?pos okg:page ?page }}
      OPTIONAL {{ ?t oa:hasSource/okg:path ?path }}"""
    if graph:
        body = f"GRAPH <{graph}> {{ {body} }}"
    return f"""PREFIX okg: <{OKG_NS}> PREFIX oa: <{OA_NS}>
    SELECT ?of ?prop ?value ?exact ?path ?page ?letter ?e WHERE {{ {body} }}"""


def _evidence_rows(st: Any, where: str, graph: str | None = None) -> Iterator[tuple[str, Evidence]]:
    """Evidence rows matching `where` (see `evidence_query`), with the IRI of what each is evidence of."""
    for of, prop, value, exact, path, page, letter, e in _rows(st, evidence_query(where, graph)):
        yield of.value, Evidence(prop.value, value.value if value is not None else "", exact.value,
                                 path.value if path is not None else None,
                                 page.value if page is not None else None, letter.value, e.value)


def load_labels(st: Any, site: Site, ontology: Iterable[tuple[str, str]]) -> None:
    """Labels of the ontology's terms and concepts, then of the data's resources (one query)."""
    for iri, label in ontology:
        site.labels.setdefault(iri, label)
    values = " ".join(f"<{p}>" for p in LABELS)
    for s, label in _rows(st, f"SELECT ?s ?l WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?l FILTER(isIRI(?s)) }}"):
        site.labels.setdefault(s.value, label.value)
    # a visit's label: its kind, authority and first day
    q = f"""PREFIX okg: <{OKG_NS}> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?v (SAMPLE(?k) AS ?kind) (SAMPLE(?a) AS ?auth) (MIN(STR(?d)) AS ?day) WHERE {{
      ?v a okg:Visit ; okg:visitOf/okg:name ?a . OPTIONAL {{ ?v okg:visitKind/skos:prefLabel ?k }}
      OPTIONAL {{ ?v okg:startDate ?d }} }} GROUP BY ?v"""
    for v, kind, auth, day in _rows(st, q):
        words = " ".join(x for x in ((kind.value if kind is not None else "visit"), "of", auth.value,
                                     f"({day.value})" if day is not None else "") if x)
        site.labels.setdefault(v.value, words[:1].upper() + words[1:])
    q = f"""PREFIX okg: <{OKG_NS}> SELECT ?f ?t WHERE {{ ?f a okg:Finding ; okg:text ?t }}"""
    for f, t in _rows(st, q):
        words = t.value
        site.labels.setdefault(f.value, "Finding: " + (words[:80] + "…" if len(words) > 80 else words))


def letter_pages(st: Any, site: Site, prefixes: dict[str, str]) -> int:
    """Pages of each letter and what lives under its IRI (findings, evidence, theme assignments), read one
    letter's graphs at a time."""
    letters = [g for (g,) in _rows(st, f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g a <{OKG_NS}Document> }} }}")]
    for g in letters:
        triples, inbound = _letter_triples(st, g.value)
        evidence = _letter_evidence(st, g.value, triples)
        for iri, rows in triples.items():
            write_resource(site, iri, rows, [x for x in inbound.get(iri, []) if doc_iri(x[0]) != iri],
                           evidence.get(iri, []), prefixes)
    return len(letters)


def _letter_triples(st: Any, prefix: str) -> tuple[dict[str, list[Triple]], dict[str, list[tuple[str, str]]]]:
    """The distinct triples of a letter's graphs, by the page that shows them (the letter's own resources
    only), and the links to those resources (evidence links aside), by the page linked to."""
    import pyoxigraph as ox

    triples: dict[str, list[Triple]] = defaultdict(list)
    seen: set[tuple[str, str, str, str | None, str | None]] = set()
    inbound: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name in (prefix, *LetterGraphs(prefix).derived):
        for q in st.quads_for_pattern(None, None, None, ox.NamedNode(name)):
            if not isinstance(q.subject, ox.NamedNode):
                continue
            s, p, o = q.subject.value, q.predicate.value, Term.of(q.object)
            key = (s, p, o.value, o.datatype, o.language)
            if key in seen:
                continue
            seen.add(key)
            if s == prefix or s.startswith((prefix + "/", prefix + "#")):
                triples[doc_iri(s)].append((s, p, o))
            if o.kind == "iri" and p not in EVIDENCE_LINKS and (o.value == prefix or o.value.startswith(prefix + "/")):
                inbound[doc_iri(o.value)].append((s, p))
    return triples, inbound


def _letter_evidence(st: Any, prefix: str, triples: dict[str, list[Triple]]) -> dict[str, list[Evidence]]:
    """The evidence of the letter's own resources (the letter itself: its date, signatory, copies), by the
    resource it is evidence of; read only when the letter's graphs hold evidence."""
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    evidence_of = {s for s, rows in triples.items() for _, p, o in rows
                   if p == RDF_TYPE and o.value == OKG_NS + "Evidence"}
    if evidence_of:
        for of, ev in _evidence_rows(st, f"FILTER(STRSTARTS(STR(?of), \"{prefix}\"))", graph=prefix):
            evidence[of].append(ev)
    return evidence


def shared_pages(st: Any, site: Site, letters_prefix: str, prefixes: dict[str, str]) -> None:
    """Pages of the resources shared by letters (authorities, people, visits, files, runs, statistics):
    one query for their triples, ordered by subject, one for incoming links and one for evidence."""
    base, lp = site.base, letters_prefix
    keep = f'STRSTARTS(STR(?s), "{base}") && !STRSTARTS(STR(?s), "{lp}")'
    inbound: dict[str, list[tuple[str, str]]] = defaultdict(list)
    skip = ", ".join(f"<{p}>" for p in EVIDENCE_LINKS)
    q = (f'SELECT DISTINCT ?o ?s ?p WHERE {{ ?s ?p ?o FILTER(isIRI(?o) && STRSTARTS(STR(?o), "{base}") '
         f'&& !STRSTARTS(STR(?o), "{lp}") && ?p NOT IN ({skip}, <{RDF_TYPE}>)) }}')
    for o, s, p in _rows(st, q):
        if doc_iri(s.value) != doc_iri(o.value):
            inbound[doc_iri(o.value)].append((s.value, p.value))
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for of, ev in _evidence_rows(st, f'FILTER(STRSTARTS(STR(?of), "{base}") && !STRSTARTS(STR(?of), "{lp}"))'):
        evidence[doc_iri(of)].append(ev)
    current: str | None = None
    rows: list[Triple] = []
    for s, p, o in _rows(st, f"SELECT DISTINCT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER({keep}) }} ORDER BY ?s ?p ?o"):
        d = doc_iri(s.value)
        if d != current and current is not None:
            write_resource(site, current, rows, inbound.pop(current, []), evidence.pop(current, []), prefixes)
            rows = []
        current = d
        rows.append((s.value, p.value, Term.of(o)))
    if current is not None:
        write_resource(site, current, rows, inbound.pop(current, []), evidence.pop(current, []), prefixes)
    # IRIs only ever linked to (no triples of their own): a page of what links to them
    for iri, links in inbound.items():
        write_resource(site, iri, [], links, evidence.pop(iri, []), prefixes)


def concept_pages(site: Site, graph: Any, prefixes: dict[str, str]) -> None:
    """A page for each SKOS concept and scheme of the shipped vocabularies (grades, kinds, polarities,
    roles, themes, judgement areas), at doc/concept/NAME."""
    from rdflib import RDF, SKOS
    from rdflib import Literal as RLiteral

    concepts = sorted({str(s) for s in graph.subjects(RDF.type, SKOS.Concept)}
                      | {str(s) for s in graph.subjects(RDF.type, SKOS.ConceptScheme)})
    for iri in concepts:
        ns, _, local = iri.rpartition("#") if "#" in iri else iri.rpartition("/")
        scheme = re.sub(r"[^a-z0-9]+", "-", ns.rsplit("/", 1)[-1].lower()).strip("-") or "vocabulary"
        site.concepts[iri] = f"{scheme}/{re.sub(r'[^A-Za-z0-9_.-]+', '-', local) or 'scheme'}"
    for iri in concepts:
        here = "concept/" + site.concepts[iri]
        triples: list[Triple] = []
        for p, o in graph.predicate_objects(next(s for s in graph.subjects() if str(s) == iri)):
            if isinstance(o, RLiteral):
                term = Term("literal", str(o), str(o.datatype) if o.datatype else None, o.language)
            else:
                term = Term("iri", str(o))
            triples.append((iri, str(p), term))
        _write_page(site, iri, here, triples, prefixes, [], [])


def landing_page(site: Site, counts: list[tuple[str, int]], dumps: list[tuple[str, int]], examples: list[tuple[str, str, str]],
                 authorities: list[str], endpoint: str | None, version: str) -> str:
    """index.html: what the data is, its licence, counts, example queries, the dumps and the endpoint."""
    rows = "".join(f"<tr><th scope=\"row\">{_esc(name)}</th><td>{n:,}</td></tr>\n" for name, n in counts)
    files = "".join(f'<li><a href="{_esc(name)}">{_esc(name)}</a> ({size:,} bytes)</li>\n' for name, size in dumps)
    queries = "".join(f"<h3>{_esc(title)}</h3>\n<p>{_esc(desc)}</p>\n<pre><code>{_esc(text)}</code></pre>\n"
                      for title, desc, text in examples)
    auth_links = "".join(
        f'<li><a href="doc/{_esc(h)}">{_esc(site.label(a))}</a></li>\n'
        for a in authorities if (h := site.href(a, "index"))
    )
    ep = (f'<p>SPARQL 1.1 endpoint: <a href="{_esc(endpoint)}">{_esc(endpoint)}</a> '
          "(the default graph is the union of the letters' graphs).</p>\n") if endpoint else (
        "<p>No SPARQL endpoint is declared for this copy; load a dump into any SPARQL 1.1 store, or run "
        "<code>ofsted-kg serve</code>.</p>\n")
    body = (
        "<h1>Ofsted letters on English local authorities' children's services</h1>\n"
        "<p>Linked data read from Ofsted's inspection letters and reports on local authorities' children's "
        "services: authorities, visits, inspectors, directors, judgements and findings. Every fact carries the "
        "words of the letter it was read from, with the source document and page.</p>\n"
        f"<p>Version {_esc(version)}. Licence: <a href=\"http://www.nationalarchives.gov.uk/doc/open-government-"
        "licence/version/3/\">Open Government Licence v3.0</a> (contains public sector information; the letters "
        "are Crown copyright). Described by <a href=\"void.ttl\">void.ttl</a> (DCAT-AP 3 and VoID); the "
        "vocabulary is documented in <a href=\"reference.html\">reference.html</a> and "
        "<a href=\"ontology.ttl\">ontology.ttl</a>.</p>\n"
        "<p>Each resource has an IRI under <code>/id/</code>; asking for it with <code>Accept: text/html</code>, "
        "<code>text/turtle</code> or <code>application/ld+json</code> redirects (303) to its page under "
        "<code>/doc/</code>.</p>\n"
        f"<h2>What it holds</h2>\n<table>\n{rows}</table>\n"
        f"<h2>Downloads</h2>\n<ul>\n{files}</ul>\n"
        f"<h2>Querying</h2>\n{ep}{queries}"
        f"<h2>Authorities</h2>\n<ul>\n{auth_links}</ul>\n"
    )
    return _page(site, "index", "ofsted-kg linked data", body).replace('href="../index.html"', 'href="index.html"') \
        .replace('href="../reference.html"', 'href="reference.html"')


def _write_page(site: Site, iri: str, here: str, triples: list[Any], prefixes: dict[str, str],
                inbound: list[Any], evidence: list[Any]) -> None:
    """One resource's page as Turtle, JSON-LD and HTML at `doc/HERE.*`."""
    target = site.folder / "doc" / here
    target.parent.mkdir(parents=True, exist_ok=True)
    target.with_name(target.name + ".ttl").write_bytes(_turtle(triples, prefixes))
    target.with_name(target.name + ".jsonld").write_text(
        json.dumps(jsonld(triples, prefixes), ensure_ascii=False, indent=1), encoding="utf-8")
    target.with_name(target.name + ".html").write_text(
        _resource_html(site, iri, here, triples, inbound, evidence), encoding="utf-8")
