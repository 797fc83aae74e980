"""A folder a linked-data portal can serve as-is: dumps, the ontology and shapes, VoID and DCAT."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, PROV, SKOS, VOID

from ofsted_kg._version import __version__
from ofsted_kg.graph.vocab import DEFAULT_BASE, OA, OKG, ORG

OGL = URIRef("http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")
STATS = URIRef("http://statistics.data.gov.uk/")
DUMPS = {"trig": "ofsted-kg.trig", "nquads": "ofsted-kg.nq", "turtle": "ofsted-kg.ttl"}
VOCABULARIES = [OKG._NS, OA, ORG, PROV, SKOS, DCTERMS, FOAF, Namespace("http://www.w3.org/2006/time#")]


def _count(store: Any, sparql: str) -> int:
    rows = store.select(sparql).rows
    return int(rows[0]["n"]) if rows else 0


def describe(store: Any, base: str = DEFAULT_BASE, files: dict[str, Path] | None = None,
             base_url: str | None = None) -> Graph:
    """VoID and DCAT 3 description of the store's dataset and its distributions."""
    g = Graph()
    for prefix, ns in (("void", VOID), ("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF)):
        g.bind(prefix, ns)
    ds = URIRef(base.rstrip("/") + "/dataset")
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, Literal("Ofsted letters on English local authorities' children's services", lang="en")))
    g.add((ds, DCTERMS.description, Literal(
        "Authorities, visits, inspectors, directors, judgements and findings extracted from Ofsted inspection "
        "letters and reports, each fact with the words it came from.", lang="en")))
    g.add((ds, DCTERMS.license, OGL))
    g.add((ds, DCTERMS.modified, Literal(dt.date.today().isoformat(), datatype=XSD.date)))
    g.add((ds, DCTERMS.creator, Literal(f"ofsted-kg {__version__}")))
    g.add((ds, VOID.uriSpace, Literal(base)))
    g.add((ds, VOID.triples, Literal(_count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))))
    g.add((ds, VOID.entities, Literal(_count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } }"))))
    letters = _count(store, "PREFIX okg: <https://w3id.org/ofsted-kg/ontology#> "
                            "SELECT (COUNT(DISTINCT ?l) AS ?n) WHERE { GRAPH ?g { ?l a okg:Document } }")
    g.add((ds, VOID.documents, Literal(letters)))
    for ns in VOCABULARIES:
        g.add((ds, VOID.vocabulary, URIRef(str(ns))))
    for cls in (OKG.Authority, OKG.Visit, OKG.Person, OKG.Finding, OKG.Evidence):
        part = URIRef(f"{ds}/class/{str(cls).rsplit('#', 1)[-1]}")
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], cls))
        g.add((part, VOID.entities, Literal(_count(
            store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a <{cls}> }} }}"))))
    links = URIRef(f"{ds}/links/statistics-data-gov-uk")
    g.add((ds, VOID.subset, links))
    g.add((links, RDF.type, VOID.Linkset))
    g.add((links, VOID.subjectsTarget, ds))
    g.add((links, VOID.objectsTarget, STATS))
    g.add((links, VOID.linkPredicate, SKOS.exactMatch))
    g.add((links, VOID.triples, Literal(_count(
        store, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?g { ?a <http://www.w3.org/2004/02/skos/core#exactMatch> ?o "
               "FILTER(STRSTARTS(STR(?o), 'http://statistics.data.gov.uk/')) } }"))))
    for fmt, path in (files or {}).items():
        dist = URIRef(f"{ds}/distribution/{fmt}")
        g.add((ds, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(f"{fmt} dump")))
        url = URIRef((base_url.rstrip("/") + "/" if base_url else "") + path.name)
        g.add((dist, DCAT.downloadURL, url))
        g.add((ds, VOID.dataDump, url))
        from ofsted_kg.store import OX_FORMATS

        g.add((dist, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{OX_FORMATS[fmt][1]}")))
        g.add((dist, DCAT.byteSize, Literal(path.stat().st_size, datatype=XSD.nonNegativeInteger)))
        g.add((dist, DCTERMS.license, OGL))
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        g.add((dist, URIRef("http://spdx.org/rdf/terms#checksum"), Literal(f"sha256:{digest}")))
    return g


_PUBLIC_SOURCES = """
PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?path ?url WHERE { GRAPH ?g { ?letter dcterms:source ?url ; okg:sourceFile/okg:path ?path } }"""
# the properties whose values are a source file's local path (see graph/listing.py for okg:unthemedPath)
PATH_PROPERTIES = (str(OKG.path), str(OKG.unthemedPath))


def public_paths(store: Any) -> dict[str, str]:
    """Local path of a source file -> the public URL its letters were fetched from (`dcterms:source`)."""
    return {str(row["path"]): str(row["url"]) for row in store.select(_PUBLIC_SOURCES).rows}


def _dump_public(store: Any, folder: Path, paths: dict[str, str]) -> dict[str, Path]:
    """The dumps, with each local path that has a public URL replaced by that URL.

    The store is dumped once as N-Quads, then streamed through pyoxigraph into each format.
    """
    import pyoxigraph as ox

    from ofsted_kg.graph.build import PREFIXES
    from ofsted_kg.store import OX_FORMATS

    raw = folder / ".ofsted-kg-store.nq.part"
    written: dict[str, Path] = {}
    try:
        with raw.open("wb") as fh:
            store.dump(fh, "nquads")

        def quads() -> Any:
            for q in ox.parse(path=raw, format=ox.RdfFormat.N_QUADS):
                o = q.object
                if q.predicate.value in PATH_PROPERTIES and isinstance(o, ox.Literal) and o.value in paths:
                    q = ox.Quad(q.subject, q.predicate, ox.Literal(paths[o.value]), q.graph_name)
                yield q

        for fmt, name in DUMPS.items():
            target = folder / name
            tmp = target.with_name(target.name + ".part")
            rdf_format = getattr(ox.RdfFormat, OX_FORMATS[fmt][0])
            prefixes = {k: str(v) for k, v in PREFIXES.items()} if fmt in ("turtle", "trig") else None
            data = quads() if rdf_format.supports_datasets else (q.triple for q in quads())
            with tmp.open("wb") as out:
                ox.serialize(data, out, rdf_format, prefixes=prefixes)
            tmp.replace(target)
            written[fmt] = target
    finally:
        raw.unlink(missing_ok=True)
    return written


def check_base_url(url: str) -> None:
    """An http(s) URL with a host and no character an IRI cannot hold (`OutputError` otherwise)."""
    import re
    import urllib.parse

    from ofsted_kg.atomic import OutputError

    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r'[\x00-\x20<>"{}|^`\\]', url):
        raise OutputError(f"--base-url {url!r}: not an http(s) URL that can name the files (no spaces, quotes "
                          "or <>{}|^`\\; write a space as %20)")


def publish(store: Any, folder: Path, base: str = DEFAULT_BASE, base_url: str | None = None) -> list[Path]:
    """Write dumps, the ontology, themes, judgement areas and shapes, the reference page (reference.html)
    and void.ttl into `folder`; returns the files written.

    A letter whose source file came from `ofsted-kg fetch` is published with the document's public URL
    where its file's local path would be (`okg:path`, and the listing's `okg:unthemedPath`).
    """
    from ofsted_kg import ontology, shapes
    from ofsted_kg.atomic import OutputError, refuse_links_out

    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: is a file, not a folder to publish into")
    if base_url is not None:
        check_base_url(base_url)
    refuse_links_out(folder)  # before anything is written
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    paths = public_paths(store)
    if paths:
        written = _dump_public(store, folder, paths)
    else:
        for fmt, name in DUMPS.items():
            target = folder / name
            tmp = target.with_name(target.name + ".part")
            with tmp.open("wb") as fh:
                store.dump(fh, fmt)
            tmp.replace(target)
            written[fmt] = target
    extra = []
    shipped = ((ontology, "ofsted-kg.ttl"), (ontology, "themes.ttl"), (ontology, "judgement-areas.ttl"),
               (shapes, "ofsted-kg-shapes.ttl"))
    for module, name in shipped:
        target = folder / ("ontology.ttl" if name == "ofsted-kg.ttl" else name)
        target.write_text(module.read(name), encoding="utf-8")
        extra.append(target)
    from ofsted_kg.reference import reference_html

    page = folder / "reference.html"  # the ontology for people who write SPARQL
    page.write_text(reference_html(), encoding="utf-8")
    extra.append(page)
    void = folder / "void.ttl"
    void.write_text(describe(store, base, written, base_url).serialize(format="turtle"), encoding="utf-8")
    return [*written.values(), *extra, void]
