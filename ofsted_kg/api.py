"""The library API: what the CLI calls and what a notebook user can call too."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ofsted_kg.errors import InputError
from ofsted_kg.extract.context import Context
from ofsted_kg.extract.letter import extract_letter
from ofsted_kg.extract.normalise import normalise
from ofsted_kg.extract.reading import Document, iter_input_files, read_document
from ofsted_kg.extract.records import LetterRecord
from ofsted_kg.extract.report import extract_report
from ofsted_kg.extract.segment import find_regions


@dataclass
class Problem:
    """A file that could not be used, or a warning about one; `fatal` problems yielded no record."""

    path: str
    message: str
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class Extraction:
    records: list[LetterRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(p.fatal for p in self.problems)


def extract_document(doc: Document) -> list[LetterRecord]:
    """Every letter and report opening found in one read document, in document order."""
    clean = normalise(doc.text)
    records = []
    for region in find_regions(clean.text):
        ctx = Context(doc, clean, region.start, region.end)
        rec = extract_letter(ctx, region) if region.kind == "letter" else extract_report(ctx, region)
        records.append(rec)
    return records


def extract_text(text: str, source: str = "<text>") -> list[LetterRecord]:
    """Extract from a string (handy in notebooks and tests)."""
    import hashlib

    doc = Document(source, text, hashlib.sha256(text.encode()).hexdigest(), "text/plain")
    return extract_document(doc)


def extract_file(path: str | Path) -> list[LetterRecord]:
    """Read and extract one file; raises `InputError` if it cannot be read."""
    return extract_document(read_document(path))


def extract_letters(paths: Iterable[str | Path] | str | Path) -> Extraction:
    """Extract from files and folders (recursively); problems are collected, never raised."""
    if isinstance(paths, str | Path):
        paths = [paths]
    result = Extraction()
    for path in iter_input_files(paths):
        try:
            records = extract_file(path)
        except InputError as e:
            result.problems.append(Problem(str(path), e.problem))
            continue
        except RecursionError:
            result.problems.append(Problem(str(path), "too deeply nested to read"))
            continue
        if not records:
            result.problems.append(Problem(str(path), "no Ofsted letter or report found in this document"))
            continue
        for rec in records:
            for w in rec.warnings:
                result.problems.append(Problem(str(path), w, fatal=False))
        result.records.extend(records)
    return result
