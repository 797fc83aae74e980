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


def describe(facts: Facts, base: str, dumps: list[Dump], publisher: Publisher, base_url: str | None,
             version: str) -> Graph:
    """DCAT-AP 3 catalogue, dataset and distributions, with the VoID statistics on the dataset."""
    g = Graph()
    for prefix, ns in (("void", VOID), ("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF), ("spdx", SPDX),
                       ("vcard", VCARD), ("okg", OKG._NS), ("dcatap", DCATAP), ("geo", GEO), ("skos", SKOS)):
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
    kind_of_publisher = publisher.publisher_type()
    if kind_of_publisher is not None:
        label = PUBLISHER_TYPE_LABELS[str(kind_of_publisher).rsplit("/", 1)[1]]
        g.add((agent, DCTERMS.type, _concept(g, kind_of_publisher, PUBLISHER_TYPES, label)))
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

    g.add((cat, RDF.type, DCAT.Catalog))
    g.add((cat, DCTERMS.title, Literal("ofsted-kg linked data", lang="en")))
    g.add((cat, DCTERMS.description, Literal("The datasets of this ofsted-kg publication.", lang="en")))
    g.add((cat, DCTERMS.publisher, agent))
    g.add((cat, DCTERMS.license, OGL))
    g.add((cat, DCTERMS.modified, today))
    g.add((cat, DCTERMS.issued, today))  # each publish writes the catalogue anew
    g.add((cat, DCTERMS.language, eng))
    g.add((cat, DCTERMS.spatial, ENGLAND))
    g.add((cat, DCAT.themeTaxonomy, URIRef(EU + "data-theme")))
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
    software = URIRef(home + "/software/ofsted-kg")
    g.add((ds, DCTERMS.creator, software))
    g.add((software, RDF.type, FOAF.Agent))
    g.add((software, FOAF.name, Literal(f"ofsted-kg {__version__}")))
    # not a publisher, so not an ADMS publisher type: DCMI's type for a computer program
    g.add((software, DCTERMS.type, DCMITYPE.Software))
    g.add((DCMITYPE.Software, RDF.type, SKOS.Concept))
    g.add((DCMITYPE.Software, SKOS.prefLabel, Literal("Software", lang="en")))
    kind = None
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
        # the folder's reference for SPARQL writers: how the graph reads, with worked queries
        g.add((service, DCAT.endpointDescription, URIRef(root + "reference.html")))
        g.add((service, DCTERMS.publisher, agent))
        if kind is not None:
            g.add((service, DCAT.contactPoint, kind))
        for theme in themes:
            g.add((service, DCAT.theme, theme))
        for word in ("SPARQL", *KEYWORDS):
            g.add((service, DCAT.keyword, Literal(word, lang="en")))

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
    return g
