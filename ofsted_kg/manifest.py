"""The manifest `fetch` keeps beside the documents it downloads: one JSON object per line.

Each line says where a file came from: the authority and its URN, the document's kind and date as the
reports site describes them, its public URL, its SHA-256 and size, and when it was fetched. A line is
appended (and flushed to disk) as soon as its file is in place, so a run that is killed keeps what it
finished. A later line for the same URL replaces an earlier one.

`public_sources` lets `ingest` find, for the files it is given, the public URL each was fetched from.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import IO

MANIFEST_NAME = "manifest.jsonl"


@dataclass(frozen=True)
class Entry:
    """One downloaded document."""

    authority: str  # the gazetteer's name, or the search result's words for an authority it lacks
    urn: str  # Ofsted URN of the authority (its provider page)
    kind: str  # as the site describes it: "children's services focused visit"
    category: str  # what `--kind` matches: "focused visit"
    date: str | None  # the site's date for the document, ISO
    description: str  # the site's whole description: "children's services focused visit, pdf - 13 march 2020"
    url: str  # the document's public address
    provider_url: str  # the page that listed it
    path: str  # the file, relative to the manifest's folder, with "/" separators
    sha256: str
    size: int
    fetched_at: str  # UTC, ISO 8601

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=False)

    @classmethod
    def from_json(cls, line: str) -> Entry | None:
        """The entry a line holds, or None when it is not one (a half-written line, another tool's JSON)."""
        try:
            data = json.loads(line)
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        names = {f.name for f in fields(cls)}
        if not {"url", "path", "sha256"} <= data.keys():
            return None
        try:
            return cls(**{k: v for k, v in data.items() if k in names})
        except TypeError:  # a required field missing
            return None


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class Manifest:
    """The manifest of one download folder: read once, then appended to line by line."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / MANIFEST_NAME
        self.entries: dict[str, Entry] = {}  # by URL, the latest line winning
        self.unreadable = 0  # lines that are not entries (a killed run's half-written last line)
        self._fh: IO[str] | None = None
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                entry = Entry.from_json(line)
                if entry is None:
                    self.unreadable += 1
                else:
                    self.entries[entry.url] = entry

    def file(self, entry: Entry) -> Path:
        return self.folder / entry.path

    def present(self, url: str) -> Entry | None:
        """The entry for `url` when its file is still there with the same size and SHA-256."""
        entry = self.entries.get(url)
        if entry is None:
            return None
        path = self.file(entry)
        try:
            if path.stat().st_size != entry.size:
                return None
        except OSError:
            return None
        return entry if file_sha256(path) == entry.sha256 else None

    def paths(self) -> set[str]:
        return {e.path for e in self.entries.values()}

    def append(self, entry: Entry) -> None:
        """Add a line for `entry` and make sure it reached the disk."""
        if self._fh is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            ends_cleanly = True
            if self.path.exists() and self.path.stat().st_size:
                with self.path.open("rb") as fh:
                    fh.seek(-1, os.SEEK_END)
                    ends_cleanly = fh.read(1) == b"\n"
            self._fh = self.path.open("a", encoding="utf-8")
            if not ends_cleanly:  # a killed run's half line: keep it apart from the next entry
                self._fh.write("\n")
        self._fh.write(entry.to_json() + "\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self.entries[entry.url] = entry

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def find_manifest(path: Path) -> Path | None:
    """The manifest in the folder of `path` or the nearest folder above it."""
    folder = path.resolve().parent
    for candidate in (folder, *folder.parents):
        manifest = candidate / MANIFEST_NAME
        if manifest.is_file():
            return manifest
    return None


def public_sources(files: Iterable[str | Path]) -> dict[str, str]:
    """SHA-256 -> public URL for the documents in the manifests found next to or above `files`.

    Keyed by digest, so that a file whose bytes differ from what was downloaded gets no URL.
    """
    sources: dict[str, str] = {}
    seen_dirs: dict[Path, Path | None] = {}
    read: set[Path] = set()
    for f in files:
        folder = Path(f).resolve().parent
        if folder not in seen_dirs:
            seen_dirs[folder] = find_manifest(Path(f))
        manifest = seen_dirs[folder]
        if manifest is None or manifest in read:
            continue
        read.add(manifest)
        for entry in Manifest(manifest.parent).entries.values():
            sources[entry.sha256] = entry.url
    return sources
