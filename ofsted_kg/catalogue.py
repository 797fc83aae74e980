"""The published folder's catalogue: DCAT-AP 3 and VoID for the dataset, its dumps and its endpoint.

Checked by the SEMIC DCAT-AP 3.0.1 shapes (vendored in `shapes/vendor/dcat-ap-3.0.1/`).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, SKOS, VOID

from ofsted_kg._version import __version__
from ofsted_kg.errors import OfstedKgError
from ofsted_kg.graph.vocab import OA, OKG, ORG
from ofsted_kg.manifest import file_sha256

OGL = URIRef("http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")
STATS = URIRef("http://statistics.data.gov.uk/")
ENGLAND = URIRef("http://statistics.data.gov.uk/id/statistical-geography/E92000001")
DCAT3 = Namespace("http://www.w3.org/ns/dcat#")  # rdflib's DCAT lacks DCAT 3 terms
SPDX = Namespace("http://spdx.org/rdf/terms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
IANA = "https://www.iana.org/assignments/media-types/"
VOCABULARIES = [OKG._NS, OA, ORG, PROV, SKOS, DCTERMS, FOAF, Namespace("http://www.w3.org/2006/time#")]


class CatalogueError(OfstedKgError):
    """A publisher option or config file that cannot describe the catalogue."""


@dataclass
class Publisher:
    """Who publishes the folder, and how to reach them (options or a TOML config file)."""

    name: str = "ofsted-kg contributors"
    url: str | None = None
    contact: str | None = None  # an e-mail address or a URL
    sparql_endpoint: str | None = None
    version: str | None = None  # default: the day of publication

    @classmethod
    def from_config(cls, path: Path) -> Publisher:
        """Read `[publish]` of a TOML file: publisher, publisher_url, contact, sparql_endpoint, version."""
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            raise CatalogueError(f"{path}: cannot read the config file ({e})") from None
        section = data.get("publish", data)
        known = {"publisher": "name", "publisher_url": "url", "contact": "contact",
                 "sparql_endpoint": "sparql_endpoint", "version": "version"}
        unknown = sorted(set(section) - set(known))
        if unknown:
            raise CatalogueError(f"{path}: unknown key(s) {', '.join(unknown)}; known: {', '.join(known)}")
        return cls(**{known[k]: str(v) for k, v in section.items()})


@dataclass
class Dump:
    """A file of the folder described as a distribution."""

    path: Path
    fmt: str  # our format name (see store.OX_FORMATS)
    media_type: str
    compressed: bool = False


@dataclass
class Facts:
    """What the catalogue says of the data, counted once."""

    triples: int  # of the Turtle dump (distinct triples of the union graph)
    quads: int
    entities: int
    documents: int
    classes: dict[str, int]  # class IRI -> distinct instances
    stats_links: int
    first_day: str | None
    last_day: str | None


def describe(facts: Facts, base: str, dumps: list[Dump], publisher: Publisher, base_url: str | None,
             version: str) -> Graph:
    """DCAT-AP 3 catalogue, dataset and distributions, with the VoID statistics on the dataset."""
    g = Graph()
    for prefix, ns in (("void", VOID), ("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF), ("spdx", SPDX),
                       ("vcard", VCARD), ("okg", OKG._NS)):
        g.bind(prefix, ns)
    root = (base_url.rstrip("/") + "/") if base_url else ""
    home = base.rstrip("/").removesuffix("/id")
    cat = URIRef(home + "/catalogue")
    ds = URIRef(base.rstrip("/") + "/dataset")
    today = Literal(dt.date.today().isoformat(), datatype=XSD.date)
    title = Literal("Ofsted letters on English local authorities' children's services", lang="en")
    description = Literal(
        "Authorities, visits, inspectors, directors, judgements and findings extracted from Ofsted inspection "
        "letters and reports, each fact with the words it came from.", lang="en")

    agent = URIRef(publisher.url) if publisher.url else URIRef(home + "/publisher")
    g.add((agent, RDF.type, FOAF.Agent))
    g.add((agent, FOAF.name, Literal(publisher.name)))
    g.add((OGL, RDF.type, DCTERMS.LicenseDocument))
    g.add((ENGLAND, RDF.type, DCTERMS.Location))
    g.add((ENGLAND, SKOS.prefLabel, Literal("England", lang="en")))

    g.add((cat, RDF.type, DCAT.Catalog))
    g.add((cat, DCTERMS.title, Literal("ofsted-kg linked data", lang="en")))
    g.add((cat, DCTERMS.description, Literal("The datasets of this ofsted-kg publication.", lang="en")))
    g.add((cat, DCTERMS.publisher, agent))
    g.add((cat, DCTERMS.license, OGL))
    g.add((cat, DCTERMS.modified, today))
    g.add((cat, DCAT.dataset, ds))
    if root:
        g.add((cat, FOAF.homepage, URIRef(root)))
        g.add((URIRef(root), RDF.type, FOAF.Document))

    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, title))
    g.add((ds, DCTERMS.description, description))
    g.add((ds, DCTERMS.publisher, agent))
    g.add((ds, DCTERMS.license, OGL))
    g.add((ds, DCTERMS.modified, today))
    g.add((ds, DCAT3.version, Literal(version)))
    g.add((ds, OWL.versionInfo, Literal(version)))
    g.add((ds, DCTERMS.spatial, ENGLAND))
    if facts.first_day and facts.last_day:
        period = URIRef(f"{ds}/temporal")
        g.add((ds, DCTERMS.temporal, period))
        g.add((period, RDF.type, DCTERMS.PeriodOfTime))
        g.add((period, DCAT.startDate, Literal(facts.first_day, datatype=XSD.date)))
        g.add((period, DCAT.endDate, Literal(facts.last_day, datatype=XSD.date)))
    software = URIRef(home + "/software/ofsted-kg")
    g.add((ds, DCTERMS.creator, software))
    g.add((software, RDF.type, FOAF.Agent))
    g.add((software, FOAF.name, Literal(f"ofsted-kg {__version__}")))
    if publisher.contact:
        kind = URIRef(home + "/contact")
        g.add((ds, DCAT.contactPoint, kind))
        g.add((cat, DCAT.contactPoint, kind))
        g.add((kind, RDF.type, VCARD.Kind))
        g.add((kind, VCARD.fn, Literal(publisher.name)))
        contact = publisher.contact
        target = contact if ":" in contact else f"mailto:{contact}"
        g.add((kind, VCARD.hasEmail if target.startswith("mailto:") else VCARD.hasURL, URIRef(target)))
    if root:
        g.add((ds, DCAT.landingPage, URIRef(root + "index.html")))
        g.add((URIRef(root + "index.html"), RDF.type, FOAF.Document))
    if publisher.sparql_endpoint:
        endpoint = URIRef(publisher.sparql_endpoint)
        g.add((ds, VOID.sparqlEndpoint, endpoint))
        service = URIRef(home + "/sparql-service")
        g.add((cat, DCAT.service, service))
        g.add((service, RDF.type, DCAT.DataService))
        g.add((service, DCTERMS.title, Literal("SPARQL 1.1 endpoint", lang="en")))
        g.add((service, DCAT.endpointURL, endpoint))
        g.add((service, DCAT.servesDataset, ds))
        g.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
        g.add((URIRef("https://www.w3.org/TR/sparql11-protocol/"), RDF.type, DCTERMS.Standard))

    g.add((ds, VOID.uriSpace, Literal(base)))
    g.add((ds, VOID.triples, Literal(facts.triples, datatype=XSD.integer)))
    g.add((ds, VOID.entities, Literal(facts.entities, datatype=XSD.integer)))
    g.add((ds, VOID.documents, Literal(facts.documents, datatype=XSD.integer)))
    g.add((ds, VOID.feature, URIRef("http://www.w3.org/ns/formats/Turtle")))
    for ns in VOCABULARIES:
        g.add((ds, VOID.vocabulary, URIRef(str(ns))))
    for cls, n in facts.classes.items():
        part = URIRef(f"{ds}/class/{cls.rsplit('#', 1)[-1]}")
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(n, datatype=XSD.integer)))
    links = URIRef(f"{ds}/links/statistics-data-gov-uk")
    g.add((ds, VOID.subset, links))
    g.add((links, RDF.type, VOID.Linkset))
    g.add((links, VOID.subjectsTarget, ds))
    g.add((links, VOID.objectsTarget, STATS))
    g.add((links, VOID.linkPredicate, OKG.governedArea))
    g.add((links, VOID.triples, Literal(facts.stats_links, datatype=XSD.integer)))

    for dump in dumps:
        name = dump.path.name
        dist = URIRef(f"{ds}/distribution/{name}")
        url = URIRef(root + name)
        g.add((ds, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(f"{dump.fmt} dump{', gzip' if dump.compressed else ''}", lang="en")))
        g.add((dist, DCAT.accessURL, url))
        g.add((dist, DCAT.downloadURL, url))
        if dump.fmt in ("turtle", "trig", "nquads", "jsonld", "ntriples"):
            g.add((ds, VOID.dataDump, url))
        media = URIRef(IANA + dump.media_type)
        g.add((dist, DCAT.mediaType, media))
        g.add((media, RDF.type, DCTERMS.MediaType))
        if dump.compressed:
            gzip = URIRef(IANA + "application/gzip")
            g.add((dist, DCAT3.compressFormat, gzip))
            g.add((gzip, RDF.type, DCTERMS.MediaType))
        g.add((dist, DCAT.byteSize, Literal(dump.path.stat().st_size, datatype=XSD.nonNegativeInteger)))
        g.add((dist, DCTERMS.license, OGL))
        g.add((dist, DCTERMS.modified, today))
        checksum = URIRef(f"{dist}/checksum")
        g.add((dist, SPDX.checksum, checksum))
        g.add((checksum, RDF.type, SPDX.Checksum))
        g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        g.add((SPDX.checksumAlgorithm_sha256, RDF.type, SPDX.ChecksumAlgorithm))
        g.add((checksum, SPDX.checksumValue, Literal(file_sha256(dump.path), datatype=XSD.hexBinary)))
    return g
