"""Deterministic IRIs for instance data: the same letter always gives the same nodes."""

from __future__ import annotations

from rdflib import URIRef

from ofsted_kg.extract.names import slug

__all__ = ["Minter", "slug"]


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
