"""A folder any web server can host as linked data: dumps, a page per resource, the catalogue, configs.

`publish` dumps the store once, rewrites it on the way (public URLs for fetched files' local paths;
instance IRIs moved under `--base-url`), loads the result into a scratch Oxigraph store beside the
target folder, and writes everything from that store into a scratch folder, renamed to the target at
the end: a failure leaves the target as it was.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ofsted_kg.catalogue import Dump, Facts, Publisher
from ofsted_kg.errors import OfstedKgError
from ofsted_kg.graph.vocab import DEFAULT_BASE, OKG

if TYPE_CHECKING:
    from ofsted_kg.store import Store

DUMPS = {"trig": "ofsted-kg.trig", "nquads": "ofsted-kg.nq", "turtle": "ofsted-kg.ttl"}
# versioned, compressed dumps: format -> file name pattern
VERSIONED = {"nquads": "ofsted-kg-{v}.nq.gz", "turtle": "ofsted-kg-{v}.ttl.gz", "jsonld": "ofsted-kg-{v}.jsonld.gz"}
MARK = ".ofsted-kg-publish"  # a folder publish wrote (and may replace)
EXAMPLE_QUERIES = ("inspectors-of-authority", "improvement-trajectories", "themes-by-year")
PAGE_CLASSES = (("Authorities", OKG.Authority), ("Visits", OKG.Visit), ("Letters and reports", OKG.Document),
                ("People", OKG.Person), ("Findings", OKG.Finding), ("Pieces of evidence", OKG.Evidence))


class PublishError(OfstedKgError):
    """The folder or an option cannot be published to."""


_PUBLIC_SOURCES = """
PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?path ?url WHERE { GRAPH ?g { ?letter dcterms:source ?url ; okg:sourceFile/okg:path ?path } }"""
# the properties whose values are a source file's local path (see graph/listing.py for okg:unthemedPath)
PATH_PROPERTIES = (str(OKG.path), str(OKG.unthemedPath))


def public_paths(store: Store) -> dict[str, str]:
    """Local path of a source file -> the public URL its letters were fetched from (`dcterms:source`)."""
    return {str(row["path"]): str(row["url"]) for row in store.select(_PUBLIC_SOURCES).rows}


def check_base_url(base_url: str) -> str:
    """An absolute http(s) URL without spaces, query or fragment; returned with one trailing slash."""
    parts = urlsplit(base_url)
    if (parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment
            or re.search(r"[\s<>\"{}|\\^`]", base_url)):
        raise PublishError(f"--base-url {base_url!r}: give an absolute http(s) URL without spaces, query or "
                           "fragment, such as https://data.example.org/ofsted")
    return base_url.rstrip("/") + "/"


def check_version(version: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}", version):
        raise PublishError(f"version {version!r}: use letters, digits, '.', '_' and '-' (it names the dump files)")
    return version


def _rewritten(raw: Path, paths: dict[str, str], old: str, new: str) -> Iterator[Any]:
    """The dumped quads with public URLs for local paths and instance IRIs moved from `old` to `new`."""
    import pyoxigraph as ox

    move = old != new

    def node(t: Any) -> Any:
        if move and isinstance(t, ox.NamedNode) and t.value.startswith(old):
            return ox.NamedNode(new + t.value[len(old):])
        return t

    for q in ox.parse(path=raw, format=ox.RdfFormat.N_QUADS):
        o = q.object
        if q.predicate.value in PATH_PROPERTIES and isinstance(o, ox.Literal) and o.value in paths:
            o = ox.Literal(paths[o.value])
        if move or o is not q.object:
            g = q.graph_name
            q = ox.Quad(node(q.subject), q.predicate, node(o), node(g) if isinstance(g, ox.NamedNode) else g)
        yield q


def _union_triples(st: Any, counter: list[int]) -> Iterator[Any]:
    """The distinct triples of all graphs (what the Turtle dump holds), counted as they go."""
    for t in st.query("CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"):
        counter[0] += 1
        yield t


def _write_dumps(st: Any, folder: Path, version: str) -> tuple[list[Dump], int]:
    """The dumps under their usual names and versioned gzip copies; returns them and the Turtle triples."""
    import pyoxigraph as ox

    from ofsted_kg.graph.build import PREFIXES
    from ofsted_kg.store import OX_FORMATS

    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    dumps: list[Dump] = []
    triples = [0]
    for fmt, name in DUMPS.items():
        attr, media = OX_FORMATS[fmt]
        fmt_obj = getattr(ox.RdfFormat, attr)
        with (folder / name).open("wb") as out:
            if fmt_obj.supports_datasets:
                st.dump(out, fmt_obj, prefixes=prefixes)
            else:
                ox.serialize(_union_triples(st, triples), out, fmt_obj, prefixes=prefixes)
        dumps.append(Dump(folder / name, fmt, media))
    turtle = triples[0]
    for fmt, pattern in VERSIONED.items():
        attr, media = OX_FORMATS[fmt]
        fmt_obj = getattr(ox.RdfFormat, attr)
        target = folder / pattern.format(v=version)
        # mtime 0: the same data gives the same bytes (and checksum) at every publication
        with target.open("wb") as raw, gzip.GzipFile(target.name, "wb", 6, raw, mtime=0) as out:
            if fmt_obj.supports_datasets:
                st.dump(out, fmt_obj, **({"prefixes": prefixes} if fmt != "nquads" else {}))
            else:
                ox.serialize(_union_triples(st, [0]), out, fmt_obj, prefixes=prefixes)  # type: ignore[arg-type]
        dumps.append(Dump(target, fmt, media, compressed=True, versioned=True))
    return dumps, turtle


def _count(st: Any, sparql: str) -> int:
    for sol in st.query(sparql):
        value = sol[0]
        return int(value.value) if value is not None else 0
    return 0


def _facts(st: Any, triples: int) -> Facts:
    okg = str(OKG._NS)
    classes = {str(c): _count(st, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a <{c}> }} }}")
               for c in (OKG.Authority, OKG.Visit, OKG.Person, OKG.Document, OKG.Finding, OKG.Evidence)}
    days = list(st.query(f"SELECT (MIN(?a) AS ?first) (MAX(?b) AS ?last) WHERE {{ GRAPH ?g {{ ?v a <{okg}Visit> ; "
                         f"<{okg}startDate> ?a ; <{okg}endDate> ?b }} }}"))
    first = days[0][0].value if days and days[0][0] is not None else None
    last = days[0][1].value if days and days[0][1] is not None else None
    return Facts(
        triples=triples,
        quads=len(st),
        entities=_count(st, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } }"),
        documents=classes[str(OKG.Document)],
        classes=classes,
        stats_links=_count(st, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?g { ?a "
                               "<https://w3id.org/ofsted-kg/ontology#governedArea> ?o "
                               "FILTER(STRSTARTS(STR(?o), 'http://statistics.data.gov.uk/')) } }"),
        first_day=first, last_day=last)


def _scratch(folder: Path) -> Path:
    """A scratch folder beside `folder` (same file system, so the final rename is atomic)."""
    parent = folder.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    _clear_stale_scratch(folder.resolve())
    scratch = parent / f".{folder.name}.publish-{os.getpid()}"
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir()
    return scratch


def _clear_stale_scratch(folder: Path) -> None:
    """Remove the scratch folders of publish runs that were killed (their process is gone). A run killed
    between moving the old site aside and putting the new one in place left the old site in its
    scratch folder: it goes back first."""
    for stale in folder.parent.glob(f".{folder.name}.publish-*"):
        pid = stale.name.rsplit("-", 1)[-1]
        if not pid.isdigit() or int(pid) == os.getpid() or _running(int(pid)):
            continue
        previous = stale / "previous"
        if previous.is_dir() and not folder.exists():
            previous.rename(folder)
        shutil.rmtree(stale, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def check_folder(folder: Path) -> None:
    """The target must be absent, an empty folder, or a folder an earlier publish wrote, and hold no
    symbolic link that leads out of it."""
    from ofsted_kg.atomic import refuse_links_out

    if folder.exists() and not folder.is_dir():
        raise PublishError(f"{folder}: is a file, not a folder to publish into")
    refuse_links_out(folder)
    if folder.is_dir() and any(folder.iterdir()) and not (folder / MARK).exists():
        raise PublishError(f"{folder}: a folder that holds other files (not written by publish); give a new or "
                           "empty folder")


def publish(store: Store, folder: Path, base: str = DEFAULT_BASE, base_url: str | None = None,
            publisher: Publisher | None = None, pages: bool = True) -> list[Path]:
    """Write the dumps (plain and versioned gzip), a page per resource (`doc/`), the landing page, the
    content-negotiation configs, the ontology, themes, judgement areas and shapes, the reference page
    (reference.html) and the catalogue (void.ttl) into `folder`; returns the files written at its top.

    With `base_url`, instance IRIs under `base` are published under `BASE_URL/id/`. A letter whose source
    file came from `ofsted-kg fetch` is published with the document's public URL where its file's local
    path would be (`okg:path`, and the listing's `okg:unthemedPath`).
    """
    import pyoxigraph as ox
    from rdflib import URIRef

    from ofsted_kg import ontology, shapes
    from ofsted_kg.catalogue import describe
    from ofsted_kg.conneg import write_configs
    from ofsted_kg.linked_pages import (
        Site,
        concept_pages,
        landing_page,
        letter_pages,
        load_labels,
        shared_pages,
    )

    publisher = publisher or Publisher()
    root = check_base_url(base_url) if base_url else None
    version = check_version(publisher.version or dt.date.today().isoformat())
    check_folder(folder)
    new_base = root + "id/" if root else base
    scratch = _scratch(folder)
    try:
        out = scratch / "site"
        out.mkdir()
        raw = scratch / "store.nq"
        with raw.open("wb") as fh:
            store.dump(fh, "nquads")
        st = ox.Store(str(scratch / "oxigraph"))
        st.bulk_extend(_rewritten(raw, public_paths(store), base, new_base))
        raw.unlink()
        dumps, turtle = _write_dumps(st, out, version)
        facts = _facts(st, turtle)
        catalogue = describe(facts, new_base, dumps, publisher, root, version)

        from ofsted_kg.graph.build import PREFIXES

        prefixes = {k: str(v) for k, v in PREFIXES.items()}
        prefixes["rdfs"] = "http://www.w3.org/2000/01/rdf-schema#"
        prefixes["id"] = new_base
        site = Site(out, new_base)
        from ofsted_kg.ontology import vocabulary_graph

        vocab = vocabulary_graph()
        labels = [(str(s), str(o)) for p in ("http://www.w3.org/2000/01/rdf-schema#label",
                                             "http://www.w3.org/2004/02/skos/core#prefLabel")
                  for s, o in vocab.subject_objects(predicate=URIRef(p))]
        if pages:
            concept_pages(site, vocab, prefixes)
            load_labels(st, site, labels)
            letter_pages(st, site, prefixes)
            shared_pages(st, site, new_base + "letter/", prefixes)
            _catalogue_pages(site, catalogue, prefixes)
        from ofsted_kg.queries.library import load_query

        examples = []
        for name in EXAMPLE_QUERIES:
            q = load_query(name, None)
            examples.append((q.title, q.description, q.text.strip()))
        found = st.query(f"SELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?v <{OKG.visitOf}> ?s }} }}")
        authorities = sorted((sol[0].value for sol in found), key=site.label)  # type: ignore[union-attr]
        counts = [(name, facts.classes[str(cls)]) for name, cls in PAGE_CLASSES]
        (out / "index.html").write_text(landing_page(
            site, counts, [(d.path.name, d.path.stat().st_size) for d in dumps], examples, authorities,
            publisher.sparql_endpoint, version), encoding="utf-8")
        del st
        write_configs(out, root)
        shipped = ((ontology, "ofsted-kg.ttl"), (ontology, "themes.ttl"), (ontology, "judgement-areas.ttl"),
                   (shapes, "ofsted-kg-shapes.ttl"))
        for module, name in shipped:
            target = out / ("ontology.ttl" if name == "ofsted-kg.ttl" else name)
            target.write_text(module.read(name), encoding="utf-8")
        from ofsted_kg.reference import reference_html

        (out / "reference.html").write_text(reference_html(), encoding="utf-8")  # for people who write SPARQL
        (out / "void.ttl").write_text(catalogue.serialize(format="turtle"), encoding="utf-8")
        (out / MARK).write_text(f"written by ofsted-kg publish, version {version}\n", encoding="utf-8")
        _swap(out, folder, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    top = [folder / d.path.name for d in dumps]
    rest = sorted(p for p in folder.iterdir() if p.is_file() and p not in top and p.name != MARK)
    return [*top, *rest]


def _catalogue_pages(site: Any, catalogue: Any, prefixes: dict[str, str]) -> None:
    """Pages for the catalogue's own IRIs under the instance base (the dataset, its class partitions,
    distributions and checksums), so that they resolve like every other IRI."""
    from collections import defaultdict

    from rdflib import BNode, URIRef
    from rdflib import Literal as RLiteral

    from ofsted_kg.linked_pages import Term, doc_iri, write_resource

    groups: dict[str, list[Any]] = defaultdict(list)
    for s, p, o in catalogue:
        if not isinstance(s, URIRef) or not str(s).startswith(site.base):
            continue
        if isinstance(o, RLiteral):
            term = Term("literal", str(o), str(o.datatype) if o.datatype else None, o.language)
        elif ":" not in str(o):  # a dump's relative URL (no --base-url): stated in void.ttl only
            continue
        else:
            term = Term("bnode" if isinstance(o, BNode) else "iri", str(o))
        groups[doc_iri(str(s))].append((str(s), str(p), term))
    for iri, rows in sorted(groups.items()):  # a graph's iteration order varies with the hash seed
        rows.sort(key=lambda r: (r[0], r[1], r[2].kind, r[2].value, r[2].datatype or "", r[2].language or ""))
        write_resource(site, iri, rows, [], [], prefixes)


def _swap(out: Path, folder: Path, scratch: Path) -> None:
    """Put the finished folder in place: the old one (if any) is moved aside first, then removed."""
    old = scratch / "previous"
    if folder.exists():
        folder.rename(old)
    out.rename(folder)
