"""The published folder's catalogue: DCAT-AP 3 and VoID for the dataset, its dumps and its endpoint.

Checked by the SEMIC DCAT-AP 3.0.1 shapes (vendored in `shapes/vendor/dcat-ap-3.0.1/`): the mandatory ones
(`shapes.ttl`, `range.ttl`) and the recommended ones (`shapes_recommended.ttl`), with values from the EU
controlled vocabularies `mdr-vocabularies.shape.ttl` expects (each value's `skos:inScheme` is stated here, as
those shapes read it from the catalogue itself). One known exception: that file wants `spdx:algorithm` to match
`^https://spdx.org/rdf/terms`, but SPDX's namespace, and DCAT-AP 3's own, is `http://spdx.org/rdf/terms#`;
the catalogue keeps the correct IRI.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCMITYPE, DCTERMS, FOAF, GEO, OWL, PROV, SKOS, VOID

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
DCATAP = Namespace("http://data.europa.eu/r5r/")
EU = "http://publications.europa.eu/resource/authority/"  # the EU controlled vocabularies (authority tables)
FILE_TYPE = Namespace(EU + "file-type/")
AVAILABILITY = Namespace(EU + "planned-availability/")
DATA_THEME = Namespace(EU + "data-theme/")
ENG = URIRef(EU + "language/ENG")
PUBLISHER_TYPES = URIRef("http://purl.org/adms/publishertype/1.0")
LICENCE_TYPES = URIRef("http://purl.org/adms/licencetype/1.0")
# the ADMS publisher types (http://purl.org/adms/publishertype/1.0), for `--publisher-type` / `publisher_type`
PUBLISHER_TYPE_LABELS = {
    "Academia-ScientificOrganisation": "Academia/Scientific organisation", "Company": "Company",
    "IndustryConsortium": "Industry consortium", "LocalAuthority": "Local authority",
    "NationalAuthority": "National authority", "NonGovernmentalOrganisation": "Non-governmental organisation",
    "NonProfitOrganisation": "Non-profit organisation", "PrivateIndividual(s)": "Private individual(s)",
    "RegionalAuthority": "Regional authority", "StandardisationBody": "Standardisation body",
    "SupraNationalAuthority": "Supra-national authority"}
PUBLISHER_TYPE_NAMES = tuple(PUBLISHER_TYPE_LABELS)
SCHEME_TITLES = {EU + "file-type": "File type", EU + "planned-availability": "Planned availability",
                 EU + "data-theme": "Data theme", EU + "language": "Language",
                 str(PUBLISHER_TYPES): "Publisher type", str(LICENCE_TYPES): "Licence type"}
DEFAULT_PUBLISHER = "ofsted-kg contributors"
# each dump format -> its code in the EU file-type table, and its name in the distribution's description
FILE_TYPES = {"turtle": ("RDF_TURTLE", "Turtle"), "trig": ("RDF_TRIG", "TriG"), "nquads": ("RDF_N_QUADS", "N-Quads"),
              "ntriples": ("RDF_N_TRIPLES", "N-Triples"), "jsonld": ("JSON_LD", "JSON-LD"),
              "rdfxml": ("RDF_XML", "RDF/XML")}
# England's extent, approximate: the bounding box of GeoNames' England (6269131), Isles of Scilly to
# Lowestoft and Lizard Point to the Scottish border, rounded outwards to 0.01 degree; the centroid is about
# where the Ordnance Survey puts the centre of England (Lindley Hall Farm, Leicestershire). WKT in CRS84
# (longitude latitude), GeoSPARQL's default.
ENGLAND_BBOX = "POLYGON((-6.46 49.86, 1.77 49.86, 1.77 55.82, -6.46 55.82, -6.46 49.86))"
ENGLAND_CENTROID = "POINT(-1.47 52.56)"
KEYWORDS = ("Ofsted", "inspection", "children's services", "children's social care", "local authorities",
            "England")
VOCABULARIES = [OKG._NS, OA, ORG, PROV, SKOS, DCTERMS, FOAF, Namespace("http://www.w3.org/2006/time#")]


class CatalogueError(OfstedKgError):
    """A publisher option or config file that cannot describe the catalogue."""


@dataclass
class Publisher:
    """Who publishes the folder, and how to reach them (options or a TOML config file)."""

    name: str = DEFAULT_PUBLISHER
    url: str | None = None
    contact: str | None = None  # an e-mail address or a URL
    sparql_endpoint: str | None = None
    version: str | None = None  # default: the day of publication
    type: str | None = None  # an ADMS publisher type (PUBLISHER_TYPE_NAMES); default: see `publisher_type`

    def __post_init__(self) -> None:
        if self.type is not None and self.type not in PUBLISHER_TYPE_NAMES:
            raise CatalogueError(f"publisher type {self.type!r}: use one of the ADMS publisher types "
                                 f"{', '.join(PUBLISHER_TYPE_NAMES)}")

    def publisher_type(self) -> URIRef | None:
        """The publisher's ADMS type: the one given; for the default publisher (the project's contributors,
        private individuals) PrivateIndividual(s); else none, as the tool cannot know what a named publisher is."""
        name = self.type or ("PrivateIndividual(s)" if self.name == DEFAULT_PUBLISHER else None)
        return URIRef("http://purl.org/adms/publishertype/" + name) if name else None

    @classmethod
    def from_config(cls, path: Path) -> Publisher:
        """Read `[publish]` of a TOML file: publisher, publisher_url, publisher_type, contact, sparql_endpoint,
        version."""
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            raise CatalogueError(f"{path}: cannot read the config file ({e})") from None
        section = data.get("publish", data)
        known = {"publisher": "name", "publisher_url": "url", "publisher_type": "type", "contact": "contact",
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
    versioned: bool = False  # a copy named after the dataset's version (else the latest, under a fixed name)


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


def _concept(g: Graph, concept: URIRef, scheme: URIRef, label: str, *classes: URIRef) -> URIRef:
    """A controlled-vocabulary value with its scheme (which the SEMIC vocabulary shapes check) and label."""
    g.add((concept, RDF.type, SKOS.Concept))
    for cls in classes:
        g.add((concept, RDF.type, cls))
    g.add((concept, SKOS.inScheme, scheme))
    g.add((concept, SKOS.prefLabel, Literal(label, lang="en")))
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, DCTERMS.title, Literal(SCHEME_TITLES[str(scheme)], lang="en")))
    return concept


@dataclass
class _Nodes:
    """The IRIs and values that several parts of the catalogue share."""

    root: str  # the public folder's URL ending in "/", or "" when none is given
    home: str  # the publication's namespace: the base IRI without its /id
    cat: URIRef
    ds: URIRef
    today: Literal
    agent: URIRef  # the publisher


def describe(facts: Facts, base: str, dumps: list[Dump], publisher: Publisher, base_url: str | None,
             version: str) -> Graph:
    """DCAT-AP 3 catalogue, dataset and distributions, with the VoID statistics on the dataset."""
    g = Graph()
    for prefix, ns in (("void", VOID), ("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF), ("spdx", SPDX),
                       ("vcard", VCARD), ("okg", OKG._NS), ("dcatap", DCATAP), ("geo", GEO), ("skos", SKOS)):
        g.bind(prefix, ns)
    home = base.rstrip("/").removesuffix("/id")
    n = _Nodes(root=(base_url.rstrip("/") + "/") if base_url else "", home=home, cat=URIRef(home + "/catalogue"),
               ds=URIRef(base.rstrip("/") + "/dataset"), today=Literal(dt.date.today().isoformat(), datatype=XSD.date),
               agent=URIRef(publisher.url) if publisher.url else URIRef(home + "/publisher"))
    _publisher(g, n.agent, publisher)
    eng, themes = _licence_place_language_and_themes(g)
    _catalogue(g, n, eng)
    _dataset(g, n, facts, version, themes)
    kind = _contact_point(g, n, publisher)
    if n.root:
        g.add((n.ds, DCAT.landingPage, URIRef(n.root + "index.html")))
        g.add((URIRef(n.root + "index.html"), RDF.type, FOAF.Document))
    if publisher.sparql_endpoint:
        _sparql_service(g, n, URIRef(publisher.sparql_endpoint), kind, themes)
    _void_statistics(g, n.ds, base, facts)
    for dump in dumps:
        _distribution(g, n, dump, version)
    return g


def _publisher(g: Graph, agent: URIRef, publisher: Publisher) -> None:
    """The publisher as a foaf:Agent, with its ADMS type when it has one."""
    g.add((agent, RDF.type, FOAF.Agent))
    g.add((agent, FOAF.name, Literal(publisher.name)))
    kind_of_publisher = publisher.publisher_type()
    if kind_of_publisher is not None:
        label = PUBLISHER_TYPE_LABELS[str(kind_of_publisher).rsplit("/", 1)[1]]
        g.add((agent, DCTERMS.type, _concept(g, kind_of_publisher, PUBLISHER_TYPES, label)))


def _licence_place_language_and_themes(g: Graph) -> tuple[URIRef, list[URIRef]]:
    """The licence, England, and the language and theme concepts; returns (language, themes)."""
    g.add((OGL, RDF.type, DCTERMS.LicenseDocument))
    # OGL v3 lets anyone copy, adapt and use the data, commercially too, if they attribute the source
    g.add((OGL, DCTERMS.type, _concept(g, URIRef("http://purl.org/adms/licencetype/Attribution"), LICENCE_TYPES,
                                        "Attribution")))
    g.add((ENGLAND, RDF.type, DCTERMS.Location))
    g.add((ENGLAND, SKOS.prefLabel, Literal("England", lang="en")))
    g.add((ENGLAND, DCAT3.bbox, Literal(ENGLAND_BBOX, datatype=GEO.wktLiteral)))  # approximate (see above)
    g.add((ENGLAND, DCAT3.centroid, Literal(ENGLAND_CENTROID, datatype=GEO.wktLiteral)))  # approximate
    eng = _concept(g, ENG, URIRef(EU + "language"), "English", DCTERMS.LinguisticSystem)
    themes = [_concept(g, DATA_THEME.GOVE, URIRef(EU + "data-theme"), "Government and public sector"),
              _concept(g, DATA_THEME.SOCI, URIRef(EU + "data-theme"), "Population and society")]
    return eng, themes


def _catalogue(g: Graph, n: _Nodes, eng: URIRef) -> None:
    """The dcat:Catalog of the publication, with its home page when the folder's URL is known."""
    cat = n.cat
    g.add((cat, RDF.type, DCAT.Catalog))
    g.add((cat, DCTERMS.title, Literal("ofsted-kg linked data", lang="en")))
    g.add((cat, DCTERMS.description, Literal("The datasets of this ofsted-kg publication.", lang="en")))
    g.add((cat, DCTERMS.publisher, n.agent))
    g.add((cat, DCTERMS.license, OGL))
    g.add((cat, DCTERMS.modified, n.today))
    g.add((cat, DCTERMS.issued, n.today))  # each publish writes the catalogue anew
    g.add((cat, DCTERMS.language, eng))
    g.add((cat, DCTERMS.spatial, ENGLAND))
    g.add((cat, DCAT.themeTaxonomy, URIRef(EU + "data-theme")))
    g.add((cat, DCAT.dataset, n.ds))
    if n.root:
        g.add((cat, FOAF.homepage, URIRef(n.root)))
        g.add((URIRef(n.root), RDF.type, FOAF.Document))


def _dataset(g: Graph, n: _Nodes, facts: Facts, version: str, themes: list[URIRef]) -> None:
    """The dataset: title, licence, version, themes, keywords, period covered and the software that made it."""
    ds = n.ds
    title = Literal("Ofsted letters on English local authorities' children's services", lang="en")
    description = Literal(
        "Authorities, visits, inspectors, directors, judgements and findings extracted from Ofsted inspection "
        "letters and reports, each fact with the words it came from.", lang="en")
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, title))
    g.add((ds, DCTERMS.description, description))
    g.add((ds, DCTERMS.publisher, n.agent))
    g.add((ds, DCTERMS.license, OGL))
    g.add((ds, DCTERMS.modified, n.today))
    g.add((ds, DCAT3.version, Literal(version)))
    g.add((ds, OWL.versionInfo, Literal(version)))
    g.add((ds, DCTERMS.spatial, ENGLAND))
    for theme in themes:  # inspections of public bodies (GOVE) of their services to children (SOCI)
        g.add((ds, DCAT.theme, theme))
    for word in KEYWORDS:
        g.add((ds, DCAT.keyword, Literal(word, lang="en")))
    if facts.first_day and facts.last_day:
        period = URIRef(f"{ds}/temporal")
        g.add((ds, DCTERMS.temporal, period))
        g.add((period, RDF.type, DCTERMS.PeriodOfTime))
        g.add((period, DCAT.startDate, Literal(facts.first_day, datatype=XSD.date)))
        g.add((period, DCAT.endDate, Literal(facts.last_day, datatype=XSD.date)))
    software = URIRef(n.home + "/software/ofsted-kg")
    g.add((ds, DCTERMS.creator, software))
    g.add((software, RDF.type, FOAF.Agent))
    g.add((software, FOAF.name, Literal(f"ofsted-kg {__version__}")))
    # not a publisher, so not an ADMS publisher type: DCMI's type for a computer program
    g.add((software, DCTERMS.type, DCMITYPE.Software))
    g.add((DCMITYPE.Software, RDF.type, SKOS.Concept))
    g.add((DCMITYPE.Software, SKOS.prefLabel, Literal("Software", lang="en")))


def _contact_point(g: Graph, n: _Nodes, publisher: Publisher) -> URIRef | None:
    """The vCard contact point of the dataset and catalogue, when the publisher gives a contact."""
    if not publisher.contact:
        return None
    kind = URIRef(n.home + "/contact")
    g.add((n.ds, DCAT.contactPoint, kind))
    g.add((n.cat, DCAT.contactPoint, kind))
    g.add((kind, RDF.type, VCARD.Kind))
    g.add((kind, VCARD.fn, Literal(publisher.name)))
    contact = publisher.contact
    target = contact if ":" in contact else f"mailto:{contact}"
    g.add((kind, VCARD.hasEmail if target.startswith("mailto:") else VCARD.hasURL, URIRef(target)))
    return kind


def _sparql_service(g: Graph, n: _Nodes, endpoint: URIRef, kind: URIRef | None, themes: list[URIRef]) -> None:
    """The public SPARQL endpoint: void:sparqlEndpoint of the dataset and a dcat:DataService serving it."""
    g.add((n.ds, VOID.sparqlEndpoint, endpoint))
    service = URIRef(n.home + "/sparql-service")
    g.add((n.cat, DCAT.service, service))
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCTERMS.title, Literal("SPARQL 1.1 endpoint", lang="en")))
    g.add((service, DCAT.endpointURL, endpoint))
    g.add((service, DCAT.servesDataset, n.ds))
    g.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    g.add((URIRef("https://www.w3.org/TR/sparql11-protocol/"), RDF.type, DCTERMS.Standard))
    # the folder's reference for SPARQL writers: how the graph reads, with worked queries
    g.add((service, DCAT.endpointDescription, URIRef(n.root + "reference.html")))
    g.add((service, DCTERMS.publisher, n.agent))
    if kind is not None:
        g.add((service, DCAT.contactPoint, kind))
    for theme in themes:
        g.add((service, DCAT.theme, theme))
    for word in ("SPARQL", *KEYWORDS):
        g.add((service, DCAT.keyword, Literal(word, lang="en")))


def _void_statistics(g: Graph, ds: URIRef, base: str, facts: Facts) -> None:
    """VoID: the URI space, counts, vocabularies, a partition per class and the linkset to statistics.data.gov.uk."""
    g.add((ds, VOID.uriSpace, Literal(base)))
    g.add((ds, VOID.triples, Literal(facts.triples, datatype=XSD.integer)))
    g.add((ds, VOID.entities, Literal(facts.entities, datatype=XSD.integer)))
    g.add((ds, VOID.documents, Literal(facts.documents, datatype=XSD.integer)))
    g.add((ds, VOID.feature, URIRef("http://www.w3.org/ns/formats/Turtle")))
    for ns in VOCABULARIES:
        g.add((ds, VOID.vocabulary, URIRef(str(ns))))
    for cls, count in facts.classes.items():
        part = URIRef(f"{ds}/class/{cls.rsplit('#', 1)[-1]}")
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(count, datatype=XSD.integer)))
    links = URIRef(f"{ds}/links/statistics-data-gov-uk")
    g.add((ds, VOID.subset, links))
    g.add((links, RDF.type, VOID.Linkset))
    g.add((links, VOID.subjectsTarget, ds))
    g.add((links, VOID.objectsTarget, STATS))
    g.add((links, VOID.linkPredicate, OKG.governedArea))
    g.add((links, VOID.triples, Literal(facts.stats_links, datatype=XSD.integer)))


def _distribution(g: Graph, n: _Nodes, dump: Dump, version: str) -> None:
    """One dump as a dcat:Distribution: format, availability, URLs, media type, size, licence and checksum."""
    ds, today = n.ds, n.today
    name = dump.path.name
    dist = URIRef(f"{ds}/distribution/{name}")
    url = URIRef(n.root + name)
    g.add((ds, DCAT.distribution, dist))
    g.add((dist, RDF.type, DCAT.Distribution))
    g.add((dist, DCTERMS.title, Literal(f"{dump.fmt} dump{', gzip' if dump.compressed else ''}", lang="en")))
    code, format_name = FILE_TYPES[dump.fmt]
    # the format of the content; a gzip file says so with dcat:compressFormat (below), as DCAT 3 does
    g.add((dist, DCTERMS.format, _concept(g, FILE_TYPE[code], URIRef(EU + "file-type"), format_name,
                                          DCTERMS.MediaTypeOrExtent)))
    graphs = "named graphs kept" if dump.fmt in ("trig", "nquads", "jsonld") else \
        "the distinct triples of all graphs, graph names dropped"
    which = f"Version {version} of the dataset" if dump.versioned else "The dataset"
    latest = "" if dump.versioned else "; the file is replaced at each publication"
    g.add((dist, DCTERMS.description, Literal(
        f"{which} in {format_name}, {graphs}{', gzip-compressed' if dump.compressed else ''}{latest}.",
        lang="en")))
    # How long the file is planned to stay: the latest dump's name is written by every publication, so
    # it stays as long as the site is kept (AVAILABLE, medium term: the tool cannot promise the host's
    # long term, STABLE); a versioned copy is gone from the folder at the next publication, which
    # replaces the folder, unless the publisher keeps it elsewhere (TEMPORARY).
    available = AVAILABILITY.TEMPORARY if dump.versioned else AVAILABILITY.AVAILABLE
    g.add((dist, DCATAP.availability, _concept(g, available, URIRef(EU + "planned-availability"),
                                               "temporary" if dump.versioned else "available")))
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
