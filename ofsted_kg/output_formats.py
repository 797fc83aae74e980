"""The output formats of every command, in one registry: each command's `--format` is checked here.

A command writes the formats `COMMAND_FORMATS` lists for it, in that order (the order an unknown
format's error names them). The RDF formats come from `ofsted_kg.graph.formats`, the drawings from
`ofsted_kg.graph.viz.FORMATS`; each command's writer for a format stays beside the command.

    >>> from ofsted_kg.output_formats import check_format, media_type
    >>> check_format("query", "csv"), media_type("csv")
    ('csv', 'text/csv')

This module is light (no rdflib, Oxigraph or networkx) so the command line can use it for `--help`.
"""

from __future__ import annotations

from ofsted_kg.errors import OfstedKgError
from ofsted_kg.graph.formats import OX_FORMATS, RDF_FORMATS
from ofsted_kg.graph.viz import FORMATS as VIZ_FORMATS

# command -> the formats it writes, in the order an unknown format's error names them
COMMAND_FORMATS: dict[str, tuple[str, ...]] = {
    "extract": ("json", "jsonl", "table"),
    "build": tuple(RDF_FORMATS),
    "validate": ("text", "turtle"),
    "people": ("table", "json"),
    "themes": ("table", "json"),
    "query": ("table", "csv", "tsv", "json"),
    "export": tuple(OX_FORMATS),
    "quarantine": ("text", "json"),
    "viz": tuple(VIZ_FORMATS),
}

# format name -> media type of what it writes
MEDIA_TYPES: dict[str, str] = {
    "table": "text/plain", "text": "text/plain", "json": "application/json", "jsonl": "application/jsonl",
    "csv": "text/csv", "tsv": "text/tab-separated-values",
    **{name: media for name, (_, media) in OX_FORMATS.items()},
    "html": "text/html", "png": "image/png", "svg": "image/svg+xml", "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
}


class UnknownFormat(OfstedKgError):
    """A `--format` the command does not write; the message names the ones it does."""


def formats(command: str) -> tuple[str, ...]:
    """The formats `command` writes (a KeyError for a command that takes no --format)."""
    return COMMAND_FORMATS[command]


def check_format(command: str, name: str) -> str:
    """`name` when `command` writes it; else `UnknownFormat`, which the command line prints as one
    `error: unknown --format 'NAME'; known: ...` line with exit code 2."""
    known = formats(command)
    if name not in known:
        raise UnknownFormat(f"unknown --format {name!r}; known: {', '.join(known)}")
    return name


def media_type(name: str) -> str:
    """The media type of what format `name` writes."""
    return MEDIA_TYPES[name]
