"""Deterministic IRIs for instance data: the same letter always gives the same nodes."""

from __future__ import annotations

import re
import unicodedata

from rdflib import URIRef

from ofsted_kg.extract.names import NICKNAMES, strip_honorific


def slug(text: str) -> str:
    """'Bournemouth, Christchurch and Poole' -> 'bournemouth-christchurch-and-poole'."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", t.lower().replace("'", "")).strip("-") or "unnamed"


def person_slug(name: str) -> str:
    """One slug per person across letters: nicknames and honorifics do not change it."""
    plain, _ = strip_honorific(name)
    toks = re.sub(r"[^A-Za-z\s'\-]", " ", plain).lower().split()
    if not toks:
        return "unnamed"
    first = NICKNAMES.get(toks[0], toks[0])
    return slug(" ".join([first, toks[-1]]))


class Minter:
    """Makes instance IRIs under a base that a portal can change (default w3id.org/ofsted-kg/id/)."""

    def __init__(self, base: str) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def __call__(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(parts))

    def letter(self, sha256: str, index: int) -> URIRef:
        return self("letter", sha256[:16] + (f"-{index}" if index else ""))

    def source_file(self, sha256: str) -> URIRef:
        return self("file", sha256)

    def authority(self, name: str) -> URIRef:
        return self("authority", slug(name))

    def person(self, name: str) -> URIRef:
        return self("person", person_slug(name))
