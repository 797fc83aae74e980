"""RDF serialisation formats by name, for rdflib (`build`, `validate`) and for Oxigraph (the store, `export`,
`publish`); `ofsted_kg.output_formats` says which command writes which."""

from __future__ import annotations

# our name -> (rdflib format name, keeps named graphs, file suffix)
RDF_FORMATS: dict[str, tuple[str, bool, str]] = {
    "turtle": ("turtle", False, ".ttl"),
    "trig": ("trig", True, ".trig"),
    "nquads": ("nquads", True, ".nq"),
    "ntriples": ("nt", False, ".nt"),
    "jsonld": ("json-ld", True, ".jsonld"),
    "rdfxml": ("xml", False, ".rdf"),
}
SUFFIX_FORMATS = {suffix: name for name, (_, _, suffix) in RDF_FORMATS.items()} | {
    ".ttl": "turtle", ".turtle": "turtle", ".n3": "turtle", ".json": "jsonld", ".xml": "rdfxml", ".owl": "rdfxml",
    ".nquads": "nquads",
}
# our name -> (pyoxigraph RdfFormat attribute, media type), for the store's dumps
OX_FORMATS: dict[str, tuple[str, str]] = {
    "turtle": ("TURTLE", "text/turtle"), "trig": ("TRIG", "application/trig"),
    "nquads": ("N_QUADS", "application/n-quads"), "ntriples": ("N_TRIPLES", "application/n-triples"),
    "rdfxml": ("RDF_XML", "application/rdf+xml"), "jsonld": ("JSON_LD", "application/ld+json"),
}
