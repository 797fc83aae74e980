"""The library API: what the CLI calls and what a notebook user can call too."""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from rdflib import URIRef

from ofsted_kg.errors import InputError, shown
from ofsted_kg.extract.context import Context
from ofsted_kg.extract.letter import extract_letter
from ofsted_kg.extract.normalise import normalise
from ofsted_kg.extract.reading import Document, iter_input_files, read_document
from ofsted_kg.extract.records import LetterRecord
from ofsted_kg.extract.report import extract_report
from ofsted_kg.extract.segment import find_regions
from ofsted_kg.knowledge_graph import BULK_BATCH as BULK_BATCH  # re-exported: letters per bulk load
from ofsted_kg.knowledge_graph import KnowledgeGraph, LoadInterrupted, Prepared
from ofsted_kg.limits import Limits, TimeLimitExceeded, time_limit
from ofsted_kg.store import Store, StoreError

if TYPE_CHECKING:
    from ofsted_kg.people import Mention
    from ofsted_kg.validation import ValidationReport

T = TypeVar("T")
OPTIMIZE_AFTER = 1000  # letters loaded in one ingest after which the store is compacted


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


_SURROGATE = re.compile("[\ud800-\udfff]")


def extract_document(doc: Document) -> list[LetterRecord]:
    """Every letter and report opening found in one read document, in document order.

    The document's warnings (an encoding that was guessed) are each record's warnings too.
    """
    if _SURROGATE.search(doc.text):  # lone surrogates cannot be written as UTF-8: U+FFFD, offsets kept
        doc.text = _SURROGATE.sub("\ufffd", doc.text)
    clean = normalise(doc.text)
    records = []
    for index, region in enumerate(find_regions(clean.text)):
        ctx = Context(doc, clean, region.start, region.end)
        rec = extract_letter(ctx, region) if region.kind == "letter" else extract_report(ctx, region)
        rec.source_sha256, rec.media_type, rec.index = doc.sha256, doc.media_type, index
        rec.warnings[:0] = doc.warnings
        records.append(rec)
    return records


def extract_text(text: str, source: str = "<text>") -> list[LetterRecord]:
    """Extract from a string (handy in notebooks and tests)."""
    import hashlib

    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return extract_document(Document(source, text, digest, "text/plain"))


def extract_file(path: str | Path, limits: Limits | None = None) -> list[LetterRecord]:
    """Read and extract one file; raises `InputError` if it cannot be read or breaks `limits`
    (size and length; see `ofsted_kg.limits`, whose defaults apply when `limits` is None)."""
    limits = limits or Limits()
    doc = read_document(path, limits)
    too_long = limits.too_long(len(doc.text))
    if too_long:
        raise InputError(doc.path, too_long)
    return extract_document(doc)


def _extract_path(limits: Limits | None, path: Path) -> tuple[list[LetterRecord], str | None]:
    """One file's records, or why it gave none (the message for a `Problem`), within `limits`."""
    limits = limits or Limits()
    try:
        with time_limit(limits.seconds):
            records = extract_file(path, limits)
    except InputError as e:
        return [], e.problem
    except TimeLimitExceeded:
        return [], limits.too_slow()
    except RecursionError:
        return [], "too deeply nested to read"
    if not records:
        if path.suffix.lower() == ".pdf" and b"%PDF-" not in path.read_bytes()[:1024]:
            return [], "is a web page saved under a .pdf name, not a PDF, and holds no Ofsted letter or report"
        return [], "no Ofsted letter or report found in this document"
    return records, None


def _collect(files: list[Path], outcomes: Iterable[tuple[list[T], str | None]], warnings: Callable[[T], list[str]],
             problems: list[Problem], progress: Any) -> Iterator[T]:
    """Each file's results, with its problems and warnings noted in `problems`."""
    for n, (path, (items, problem)) in enumerate(zip(files, outcomes, strict=True), 1):
        if problem is not None:
            problems.append(Problem(shown(str(path)), problem))
        for item in items:
            problems.extend(Problem(str(path), w, fatal=False) for w in warnings(item))
            yield item
        if progress:
            progress(n, len(files), "extracting")


def extract_letters(paths: Iterable[str | Path] | str | Path, workers: int | None = 1,
                    progress: Any = None, limits: Limits | None = None) -> Extraction:
    """Extract from files and folders (recursively); problems are collected, never raised.

    `workers` > 1 (or None: one per core) reads files in that many processes, for large folders; the
    result is the same, in the same order. `progress`, if given, is called with (done, total, "extracting").
    Each file is bounded by `limits` (default: `Limits.from_env()`); one that breaks them is a problem.
    """
    from ofsted_kg.pipeline import parallel_map

    if isinstance(paths, str | Path):
        paths = [paths]
    files = list(iter_input_files(paths))
    result = Extraction()
    outcomes = parallel_map(_extract_path, files, limits or Limits.from_env(), workers=workers)
    result.records = list(_collect(files, outcomes, lambda r: r.warnings, result.problems, progress))
    return result


def _prepare(context: tuple[str, Any, bool, Mapping[str, str], Mapping[str, str]], rec: LetterRecord | bytes) -> Prepared:
    """Build, validate and serialise one letter (`rec` may come pickled, see `ingest`)."""
    from ofsted_kg.graph.build import letter_graph, letter_provenance
    from ofsted_kg.graph.listing import letter_listing
    from ofsted_kg.validation import validate_letter_graph

    base, people, validate, sources, paths = context
    if isinstance(rec, bytes):
        rec = pickle.loads(rec)
    assert isinstance(rec, LetterRecord)
    lg = letter_graph(rec, base, people, sources.get(rec.source_sha256 or ""), paths.get(rec.source))
    reason, violations, warnings = None, [], list(lg.warnings)
    if validate:
        check = validate_letter_graph(lg.graph, lg.iri)
        broken = [v for v in check.violations if v.severity == "Violation"]
        if not check.conforms:
            violations = [v.line().split(": ", 1)[1] for v in broken]
            reason = (f"letter {rec.index + 1} quarantined, {len(broken)} SHACL violation(s): "
                      + "; ".join(violations[:3]))
        else:  # what the shapes warn of: the letter loads, the user is told
            warnings += [v.line().split(": ", 1)[1] for v in check.violations if v.severity != "Violation"]
    prepared = Prepared(rec.source, str(lg.iri), lg.graph.serialize(format="nt"), warnings, reason, violations)
    if reason is None:
        prov, pg = letter_provenance(lg.iri, rec, base)
        prepared.provenance_iri, prepared.provenance = str(prov), pg.serialize(format="nt")
        listing, listed = letter_listing(lg.graph, lg.iri)
        prepared.listing_iri, prepared.listing = str(listing), listed.serialize(format="nt")
    return prepared


def prepare_all(records: Sequence[LetterRecord | bytes], base: str, people: Any, validate: bool = True,
                workers: int | None = None, progress: Any = None,
                sources: Mapping[str, str] | None = None, paths: Mapping[str, str] | None = None) -> Iterator[Prepared]:
    """Build and validate letters, in input order, in `workers` processes when there are enough.

    `people` (see `ofsted_kg.people`) goes to each process once, with `sources` (SHA-256 of a source file
    -> the public URL it was fetched from, see `ofsted_kg.manifest.public_sources`). `progress`, if
    given, is called with (done, total, "loading") after each letter is yielded. `paths` maps a record's
    source to the path its graph publishes (see `published_path`; by default the source as read).
    """
    from ofsted_kg.pipeline import parallel_map

    context = (base, people, validate, dict(sources or {}), dict(paths or {}))
    for n, prepared in enumerate(parallel_map(_prepare, records, context, workers), 1):
        yield prepared
        if progress:
            progress(n, len(records), "loading")


@dataclass
class BuildResult:
    """Letters' RDF: a dataset with one named graph per letter that passed validation."""

    dataset: Any
    problems: list[Problem] = field(default_factory=list)
    quarantined: list[str] = field(default_factory=list)  # IRIs of letters left out

    @property
    def failed(self) -> bool:
        return any(p.fatal for p in self.problems)

    def serialize(self, fmt: str = "trig") -> str:
        """Text in one of `ofsted_kg.graph.formats.RDF_FORMATS`; triple formats merge the named graphs."""
        from ofsted_kg.graph.formats import RDF_FORMATS

        rdflib_format, quads, _ = RDF_FORMATS[fmt]
        if quads:
            return str(self.dataset.serialize(format=rdflib_format))
        from rdflib import Graph

        union = Graph()
        for prefix, ns in self.dataset.namespaces():
            union.bind(prefix, ns)
        for s, p, o, _g in self.dataset.quads((None, None, None, None)):
            union.add((s, p, o))
        return str(union.serialize(format=rdflib_format))


def build_letters(paths: Iterable[str | Path] | str | Path, base: str | None = None,
                  validate: bool = True, overrides: str | Path | None = None, workers: int | None = None,
                  limits: Limits | None = None) -> BuildResult:
    """Extract, build and (by default) SHACL-validate letters; letters that fail are quarantined.

    People are resolved across all the letters given (see `ofsted_kg.people`); the dataset also holds
    the authorities, the people's corpus-level facts and the run's provenance, each in its own graph.
    """
    from rdflib import Dataset

    from ofsted_kg.extract.authorities import match_authority
    from ofsted_kg.graph.build import PREFIXES, authorities_graph, people_graph, published_path, run_graph
    from ofsted_kg.graph.vocab import DEFAULT_BASE
    from ofsted_kg.manifest import public_sources
    from ofsted_kg.people import load_overrides, resolve_records

    base = base or DEFAULT_BASE
    roots = [paths] if isinstance(paths, str | Path) else list(paths)
    extraction = extract_letters(roots, workers, limits=limits)
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    result = BuildResult(ds, list(extraction.problems))
    try:
        rules = load_overrides(overrides) if overrides else []
        people = resolve_records(extraction.records, rules)
    except InputError as e:
        result.problems.append(Problem(e.path, e.problem))
        return result
    kept: list[LetterRecord] = []
    iris = []
    sources = public_sources(r.source for r in extraction.records)
    published = {r.source: published_path(r.source, roots) for r in extraction.records}
    for rec, prep in zip(extraction.records, prepare_all(extraction.records, base, people, validate, workers,
                                                         sources=sources, paths=published), strict=True):
        result.problems.extend(Problem(rec.source, w, fatal=False) for w in prep.warnings)
        if prep.quarantine:
            result.quarantined.append(prep.iri)
            result.problems.append(Problem(rec.source, prep.quarantine))
            continue
        ds.graph(URIRef(prep.iri)).parse(data=prep.ntriples, format="nt")
        ds.graph(URIRef(prep.listing_iri)).parse(data=prep.listing, format="nt")
        kept.append(rec)
        iris.append(URIRef(prep.iri))
    if kept:
        names = {a.name for a in (match_authority(r.authority) for r in kept if r.authority) if a}
        _add_graph(ds, *authorities_graph(base, names))
        _add_graph(ds, *people_graph(resolve_records(kept, rules), base))
        run, g = run_graph(iris, kept, base)
        _add_graph(ds, run, g)
    return result


def validate_source(path: Path, inference: bool = False) -> ValidationReport:
    """Validate an RDF file, an embedded store's folder, or letters (a file or folder) built on the fly."""
    from rdflib import Graph

    from ofsted_kg.extract.reading import SUPPORTED_SUFFIXES
    from ofsted_kg.store import OxigraphStore
    from ofsted_kg.validation import load_rdf, validate_dataset, validate_letter_graph

    if not path.exists():
        raise InputError(str(path), "no such file or folder")
    if OxigraphStore.is_store(path):
        return KnowledgeGraph(OxigraphStore(path, read_only=True)).validate(inference)
    if path.is_dir() or path.suffix.lower() in SUPPORTED_SUFFIXES:
        built = build_letters([path], validate=False, workers=1)  # as `build` gives them, all graphs
        report = validate_dataset(built.dataset, inference)
        if not report.letters:
            raise InputError(str(path), "holds no letters to validate")
        return report
    ds = load_rdf(path)
    report = validate_dataset(ds, inference)
    if not report.letters:
        # a triples file: validate it whole
        union = Graph()
        for s, p, o, _g in ds.quads((None, None, None, None)):
            union.add((s, p, o))
        if not len(union):
            raise InputError(str(path), "holds no triples")
        report.letters.append(validate_letter_graph(union, None, inference))
    return report


def _add_graph(ds: Any, name: Any, graph: Any) -> None:
    target = ds.graph(name)
    for t in graph:
        target.add(t)


@dataclass
class IngestResult:
    loaded: list[str] = field(default_factory=list)  # letter IRIs loaded (or replaced)
    quarantined: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    triples_before: int = 0
    triples_after: int = 0

    @property
    def failed(self) -> bool:
        return any(p.fatal for p in self.problems)


@dataclass
class Intake:
    """What an ingest read: each letter's record, pickled (the loading process needs only their people,
    and 10,000 unpickled records would take about a gigabyte there), the people they mention, and the
    files' problems and warnings."""

    roots: list[str | Path]
    files: list[Path]
    records: list[bytes] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def sources(self) -> set[str]:
        """The files as messages and quarantine records name them."""
        return {shown(str(f)) for f in self.files}

    def public_sources(self) -> dict[str, str]:
        """Files that came from `ofsted-kg fetch` -> Ofsted's copy (see `ofsted_kg.manifest.public_sources`)."""
        from ofsted_kg.manifest import public_sources

        return public_sources(self.files)

    def published(self) -> dict[str, str]:
        """Each file -> the path its letters' graphs publish (see `ofsted_kg.graph.build.published_path`)."""
        from ofsted_kg.graph.build import published_path

        return {shown(str(f)): shown(published_path(str(f), self.roots)) for f in self.files}

    def interrupted(self, e: LoadInterrupted, problems: list[Problem]) -> IngestInterrupted:
        """The error for a load the store broke off: it names the files to ingest again."""
        in_flight = {p.iri for p in e.in_flight}
        done = {p.source for p in e.letters if p.iri not in in_flight}
        failed = {prob.path for prob in problems if prob.fatal}
        todo = [shown(str(f)) for f in self.files if shown(str(f)) not in done | failed]
        return IngestInterrupted(e.cause, len(done), todo)


def read_letters(paths: Iterable[str | Path] | str | Path, workers: int | None = None, progress: Any = None,
                 limits: Limits | None = None) -> Intake:
    """The first stage of `ingest`: read and extract files and folders in `workers` processes, each
    file within `limits` (default: `Limits.from_env()`); problems are collected, never raised."""
    from ofsted_kg.pipeline import parallel_map

    roots = [paths] if isinstance(paths, str | Path) else list(paths)
    intake = Intake(roots, list(iter_input_files(roots)))
    outcomes = parallel_map(_extract_packed, intake.files, limits or Limits.from_env(), workers=workers)
    for record, mentions, _ in _collect(intake.files, outcomes, lambda x: x[2], intake.problems, progress):
        intake.records.append(record)
        intake.mentions.extend(mentions)
    return intake


def ingest(paths: Iterable[str | Path] | str | Path, store: Store, base: str | None = None, validate: bool = True,
           overrides: str | Path | None = None, progress: Any = None, workers: int | None = None,
           bulk: bool = False, optimize: bool | None = None, limits: Limits | None = None) -> IngestResult:
    """Extract, build, validate and load letters into `store` (see `ofsted_kg.store`), one named graph each.

    People are resolved together with those already in the store, whose identifiers are kept. A file
    listed in a `fetch` manifest next to or above it (with the same SHA-256) gives its letters a
    `dcterms:source` link to the document's public URL.
    `progress`, if given, is called with (done, total, stage): stage "extracting" while files are read,
    then "loading" after each letter is loaded, and "compacting the store" before a compaction.
    `workers` processes (default: one per core) read, build and validate; this process loads.

    Each letter is loaded in its own transaction. `bulk` loads batches of letters with the store's
    bulk loader instead: about three times cheaper, journalled so that a crash leaves no graph
    half-loaded once the store is next opened for writing (see `OxigraphStore.replace_graphs`).

    After loading `OPTIMIZE_AFTER` letters or more the store is compacted (`optimize`: None decides so,
    True or False forces it either way), which makes large queries about 30% faster afterwards.

    The stages, each public: `read_letters`; `KnowledgeGraph.resolve_people` and `upgrade`;
    `prepare_all` (build, validate, serialise); `KnowledgeGraph.begin_load`, whose `LetterLoad` adds
    each letter and `finish`es with the corpus-wide graphs and the statistics.
    """
    from ofsted_kg.people import load_overrides

    kg = KnowledgeGraph(store, base)
    result = IngestResult(triples_before=kg.count())
    intake = read_letters(paths, workers, progress, limits)
    result.problems.extend(intake.problems)
    try:
        rules = load_overrides(overrides) if overrides else []
    except InputError as e:
        result.problems.append(Problem(e.path, e.problem))
        return result
    people = kg.resolve_people(intake.mentions, rules)
    intake.mentions.clear()  # 10,000 letters' worth, no longer needed
    result.problems.extend(Problem(kg.name, note, fatal=False) for note in kg.upgrade(progress))
    load = kg.begin_load(len(intake.records), bulk, intake.sources())
    try:
        for prep in prepare_all(intake.records, kg.base, people, validate, workers, progress,
                                intake.public_sources(), intake.published()):
            result.problems.extend(Problem(prep.source, w, fatal=False) for w in prep.warnings)
            if load.add(prep):
                result.loaded.append(prep.iri)
            else:
                result.quarantined.append(prep.iri)
                result.problems.append(Problem(prep.source, f"{prep.quarantine} (not loaded; see `ofsted-kg quarantine`)"))
        load.finish(people)
    except LoadInterrupted as e:  # an endpoint that went away: say what to ingest again
        raise intake.interrupted(e, result.problems) from None
    if optimize or (optimize is None and len(result.loaded) >= OPTIMIZE_AFTER):
        if progress:
            progress(len(result.loaded), len(result.loaded), "compacting the store")
        kg.optimize()
    result.triples_after = kg.count()
    return result


class IngestInterrupted(StoreError):
    """The store failed midway through an ingest (an endpoint that went away): the letters loaded
    before stay loaded, each whole; the message names the files to ingest again."""

    def __init__(self, cause: StoreError, loaded: int, todo: list[str]) -> None:
        shown_files = ", ".join(todo[:10]) + (f" and {len(todo) - 10} more" if len(todo) > 10 else "")
        super().__init__(f"{cause}; {loaded} file(s) were loaded before it, each letter whole; ingest again "
                         f"the {len(todo)} file(s) not loaded: {shown_files}")
        self.todo = todo


def _extract_packed(limits: Limits | None, path: Path) -> tuple[list[tuple[bytes, list[Any], list[str]]], str | None]:
    """One file's records, each pickled, with the people it mentions and its warnings."""
    from ofsted_kg.people import mentions_of

    records, problem = _extract_path(limits, path)
    return [(pickle.dumps(r), mentions_of(r), r.warnings) for r in records], problem


def remove_letter(store: Store, letter: str, base: str | None = None, refresh: bool = True) -> list[str]:
    """Retract letters from the store: `letter` is a letter IRI, or a file whose letters are removed.

    The store's statistics lose the removed letters' counts unless `refresh` is false (then call
    `ofsted_kg.statistics.refresh_statistics` once after removing several letters).
    """
    return KnowledgeGraph(store, base).remove(_letter_iris(letter, base), refresh)


def _letter_iris(letter: str, base: str | None) -> list[str]:
    """The IRI given, or the IRIs a file's letters have (whether or not they are in a store)."""
    from ofsted_kg.graph.iris import Minter
    from ofsted_kg.graph.vocab import DEFAULT_BASE

    if letter.startswith(("http://", "https://", "urn:")):
        from ofsted_kg.store import _IRI_FORBIDDEN

        if _IRI_FORBIDDEN.search(letter):
            raise InputError(shown(letter), "is not an IRI (it holds a space, a control character or one of "
                             '<>"{}|^`\\); give a letter\'s IRI or its file')
        return [letter]
    doc = read_document(letter)
    mint = Minter(base or DEFAULT_BASE)
    return [str(mint.letter(doc.sha256, index)) for index in range(len(find_regions(normalise(doc.text).text)) or 1)]
