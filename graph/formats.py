"""RDF serialisation formats by name (the registry behind every --format option)."""

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
