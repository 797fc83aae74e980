"""SHACL validation of letters' graphs, one letter at a time.

Each letter's named graph is validated on its own (no inference by default), so the cost per letter
does not grow with the corpus. Results are typed and carry what a person needs to fix the input: the
letter, the field, the words in the letter, and the rule broken.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from rdflib import RDF, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from ofsted_kg.errors import InputError
from ofsted_kg.graph.vocab import OA, OKG

SH = Namespace("http://www.w3.org/ns/shacl#")


class _ReadMostlyGraph(Graph):
    """A graph that remembers the answer to each triple pattern until it is next changed.

    pyshacl reads the shapes graph again for every focus node (a shape's parameters, its sh:in list,
    its message): about half of all triple lookups while validating a letter, always with the same
    answers, since the shapes do not change between letters.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._answers: dict[Any, list[Any]] = {}

    def triples(self, triple: Any) -> Any:
        try:
            return iter(self._answers[triple])
        except KeyError:
            answer = self._answers[triple] = list(super().triples(triple))
            return iter(answer)
        except TypeError:  # an unhashable pattern
            return super().triples(triple)

    def add(self, triple: Any) -> Any:
        self._answers.clear()
        return super().add(triple)

    def addN(self, quads: Any) -> Any:  # noqa: N802 (rdflib's name)
        self._answers.clear()
        return super().addN(quads)

    def remove(self, triple: Any) -> Any:
        self._answers.clear()
        return super().remove(triple)


@cache
def shapes_graph() -> Graph:
    """The shipped shapes, parsed once."""
    from ofsted_kg import shapes

    return _ReadMostlyGraph().parse(data=shapes.read("ofsted-kg-shapes.ttl"), format="turtle")


@dataclass
class Violation:
    letter: URIRef
    source: str  # the letter's file path
    focus: Node
    path: Node | None
    value: Node | None
    message: str
    severity: str
    field: str | None = None
    words: str | None = None

    def line(self) -> str:
        where = self.field or (_local(self.path) if self.path is not None else "node")
        words = f' "{self.words}"' if self.words else ""
        shown_value = self.value is not None and (not self.words or (isinstance(self.value, Literal)
                                                                   and str(self.value) != self.words))
        value = f" (value {_short(self.value)})" if shown_value else ""
        return f"{self.source}: {where}{words}{value}: {self.message} [{_local(self.focus)}]"


@dataclass
class LetterResult:
    letter: URIRef
    source: str
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    report: Graph | None = None


@dataclass
class ValidationReport:
    letters: list[LetterResult] = field(default_factory=list)
    store_problems: list[str] = field(default_factory=list)  # a store's letters missing graphs (see KnowledgeGraph.integrity)
    others: list[LetterResult] = field(default_factory=list)  # the graphs that are not letters', together

    @property
    def conforms(self) -> bool:
        return all(r.conforms for r in [*self.letters, *self.others]) and not self.store_problems

    def lines(self) -> list[str]:
        return [*self.store_problems, *(v.line() for r in [*self.letters, *self.others] for v in r.violations)]

    def summary(self) -> str:
        bad = sum(1 for r in self.letters if not r.conforms)
        rest = "".join(f", other graphs {'conform' if r.conforms else 'have violations'}" for r in self.others)
        return f"{len(self.letters)} letters validated, {bad} with violations{rest}, {len(self.lines())} violations"

    def report_graph(self) -> Graph:
        g = Graph()
        g.bind("sh", SH)
        for r in [*self.letters, *self.others]:
            if r.report is not None:
                for t in r.report:
                    g.add(t)
        return g


def _local(node: Node | None) -> str:
    s = str(node)
    return s.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if "/" in s or "#" in s else s


def _short(node: Node | None) -> str:
    s = str(node)
    return s if len(s) < 60 else s[:57] + "..."


class _PreparedQueries(Graph):
    """A view of a graph (same store, no copy) whose SPARQL text is parsed once per process.

    pyshacl hands each SHACL-SPARQL constraint to `Graph.query` as text, and rdflib parses that text on
    every call: for a per-letter validation that parse cost more than all the core constraints together.
    """

    def query(self, query_object: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(query_object, str):
            query_object = _prepare_query(query_object)
        return super().query(query_object, *args, **kwargs)


@lru_cache(maxsize=128)
def _prepare_query(text: str) -> Any:
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text)


# pyshacl builds a constraint object (reading sh:in lists and parameters from the shapes graph) each
# time a shape is evaluated on a focus node: hundreds of times for one letter, for a few dozen distinct
# (shape, constraint) pairs. While `validate_letter_graph` runs, each pair is built once and reused;
# the objects hold only what the shape says, and the cache is emptied after every letter.
_constraint_cache: dict[tuple[int, type], Any] | None = None


class _CachedConstraint:
    def __init__(self, cls: type) -> None:
        self.cls = cls

    def __call__(self, shape: Any) -> Any:
        cache = _constraint_cache
        if cache is None:
            return self.cls(shape)
        key = (id(shape), self.cls)
        made = cache.get(key)
        if made is None:
            made = cache[key] = self.cls(shape)
        return made

    def __getattr__(self, name: str) -> Any:
        return getattr(self.cls, name)


class _ParameterList(list[Any]):
    """pyshacl's list of constraint parameters, with membership by hash instead of by scanning.

    pyshacl tests each predicate of a shape against this list every time it evaluates the shape: about
    40 comparisons of rdflib terms a predicate, a third of validation's time. Copies are plain lists.
    """

    def __init__(self, items: Iterable[Any]) -> None:
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item: object) -> bool:
        return item in self._members


@cache
def _install_constraint_cache() -> None:
    import pyshacl.shape
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP

    for parameter, cls in list(CONSTRAINT_PARAMETERS_MAP.items()):
        CONSTRAINT_PARAMETERS_MAP[parameter] = _CachedConstraint(cls)  # type: ignore[assignment]
    # pyshacl reads (parameters, map) from this module attribute, setting it on first use
    pyshacl.shape.CONSTRAINT_PARAMS = (_ParameterList(ALL_CONSTRAINT_PARAMETERS),  # type: ignore[attr-defined]
                                       CONSTRAINT_PARAMETERS_MAP)


def _ill_formed(graph: Graph) -> list[tuple[Node, Node, Literal]]:
    """Literals whose words are not a value of their datatype ("2021-13-45" as an xsd:date)."""
    return [(s, p, o) for s, p, o in graph if isinstance(o, Literal) and o.ill_typed]


class _QuietLexicalErrors(logging.Filter):
    """Drops rdflib's traceback for a literal it cannot convert: `validate` reports it in words instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Failed to convert Literal lexical form")


logging.getLogger("rdflib.term").addFilter(_QuietLexicalErrors())


def validate_letter_graph(graph: Graph, letter: URIRef | None = None, inference: bool = False,
                          source: str | None = None) -> LetterResult:
    """Validate one letter's graph (or any graph: `source` then names it in the messages); map each SHACL
    result back to the field and words it concerns. An ill-formed literal is reported as ill-formed, and
    left out of the SHACL check (where it would only break comparisons with other values)."""
    letter = letter or next((s for s in graph.subjects(RDF.type, OKG.Document) if isinstance(s, URIRef)), URIRef(""))
    source = source or next((str(p) for f in graph.objects(letter, OKG.sourceFile) for p in graph.objects(f, OKG.path)),
                            str(letter))
    bad = _ill_formed(graph)
    if bad:
        return _validate_without_ill_formed(graph, bad, letter, inference, source)
    conforms, report = _shacl_report(graph, inference)
    result = LetterResult(letter, source, conforms, report=report)
    result.violations.extend(_violations_in(report, graph, letter, source))
    result.violations.sort(key=lambda v: (v.field or "", v.message))
    return result


def _validate_without_ill_formed(graph: Graph, bad: list[tuple[Node, Node, Literal]], letter: URIRef, inference: bool,
                                 source: str) -> LetterResult:
    """Validate the graph less its ill-formed literals, then report each of them as a violation (and no other
    violation of the nodes they belong to)."""
    clean = Graph()
    for t in graph:
        if not (isinstance(t[2], Literal) and t[2].ill_typed):
            clean.add(t)
    result = validate_letter_graph(clean, letter, inference, source)
    spoilt = {s for s, _p, _o in bad}
    result.violations = [v for v in result.violations if v.focus not in spoilt]
    for s, p, o in bad:
        fld, words = _evidence_for(graph, s, p)
        kind = _local(o.datatype)
        result.violations.append(Violation(letter, source, s, p, o, f'"{o}" is not a well-formed xsd:{kind}',
                                           "Violation", fld, words))
    result.conforms = False
    result.violations.sort(key=lambda v: (v.field or "", v.message))
    return result


def _shacl_report(graph: Graph, inference: bool) -> tuple[bool, Graph]:
    """pyshacl's verdict and report graph for `graph` against the shapes, constraints built once each."""
    from pyshacl import validate

    # SHACL-SPARQL constraints need no "advanced" (SHACL-AF) mode, which would also copy the data graph
    global _constraint_cache
    _install_constraint_cache()
    view = _PreparedQueries(store=graph.store, identifier=graph.identifier, namespace_manager=graph.namespace_manager)
    _constraint_cache = {}
    try:
        conforms, report, _text = validate(view, shacl_graph=shapes_graph(), inference="rdfs" if inference else "none",
                                           advanced=False, allow_warnings=True)
    finally:
        _constraint_cache = None
    assert isinstance(report, Graph)
    return bool(conforms), report


def _violations_in(report: Graph, graph: Graph, letter: URIRef, source: str) -> Iterator[Violation]:
    """Each SHACL result of the report, with the field and words of the letter it concerns."""
    for r in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        value = report.value(r, SH.value)
        message = str(report.value(r, SH.resultMessage) or "")
        severity = _local(report.value(r, SH.resultSeverity))
        shape = report.value(r, SH.sourceShape)
        name = graph.value(shape, SH.name) if shape is not None else None
        name = name or shapes_graph().value(shape, SH.name) if shape is not None else None
        fld, words = _evidence_for(graph, focus, path)
        if path is None and name:  # a node shape about one field ("a visit has one start date"), named by it
            fld, words, value = str(name), None, None
        yield Violation(letter, source, focus, path, value, message, severity,  # type: ignore[arg-type]
                        fld or (str(name) if name else None), words)


def _evidence_for(graph: Graph, focus: Node | None, path: Node | None) -> tuple[str | None, str | None]:
    if focus is None:
        return None, None
    words = graph.value(focus, OKG.text)  # a finding is its own quotation
    if words is not None:
        return "findings", str(words)
    for e in graph.subjects(OKG.evidenceOf, focus):
        if path is not None and (e, OKG.evidenceProperty, path) not in graph:
            continue
        fld = graph.value(e, OKG.fieldName)
        target = graph.value(e, OA.hasTarget)
        for sel in graph.objects(target, OA.hasSelector):
            exact = graph.value(sel, OA.exact)
            if isinstance(exact, Literal):
                return (str(fld) if fld else None), str(exact)
        return (str(fld) if fld else None), None
    return None, None


def _is_letter(g: Graph) -> bool:
    return isinstance(g.identifier, URIRef) and (g.identifier, RDF.type, OKG.Document) in g


def validate_others(graphs: Iterable[Graph], inference: bool = False) -> LetterResult | None:
    """Validate the graphs that are not letters' (people, authorities, runs), together: a director's
    post in the people graph names an authority described in the authorities graph. The store's
    internal graphs (see `ofsted_kg.store.is_internal`) are left out; None if nothing is left."""
    from ofsted_kg.store import is_internal

    union, names = Graph(), []
    for g in graphs:
        if is_internal(str(g.identifier)) or not len(g):
            continue
        names.append(_local(g.identifier))
        for t in g:
            union.add(t)
    if not names:
        return None
    return validate_letter_graph(union, URIRef(""), inference, source=f"graphs {', '.join(sorted(names))}")


def validate_dataset(ds: Dataset, inference: bool = False) -> ValidationReport:
    """Validate every letter's named graph in a dataset separately, then all the other graphs together."""
    report = ValidationReport()
    others = []
    for g in ds.graphs():
        if _is_letter(g):
            report.letters.append(validate_letter_graph(g, g.identifier, inference))  # type: ignore[arg-type]
        else:
            others.append(g)
    if report.letters:
        rest = validate_others(others, inference)
        if rest is not None:
            report.others.append(rest)
    return report


def validate_graphs(graphs: Iterable[tuple[URIRef, Graph]], inference: bool = False) -> ValidationReport:
    return ValidationReport([validate_letter_graph(g, iri, inference) for iri, g in graphs])


def load_rdf(path: Path) -> Dataset:
    """Parse an RDF file in any supported format (by suffix) into a dataset; InputError if it cannot."""
    from ofsted_kg.graph.formats import RDF_FORMATS, SUFFIX_FORMATS

    name = SUFFIX_FORMATS.get(path.suffix.lower())
    if name is None:
        raise InputError(str(path), f"unknown RDF file suffix {path.suffix!r}; use one of {', '.join(sorted(SUFFIX_FORMATS))}")
    rdflib_format, quads, _ = RDF_FORMATS[name]
    ds = Dataset()
    try:
        if quads:
            ds.parse(path, format=rdflib_format)
        else:
            ds.graph(URIRef(path.resolve().as_uri())).parse(path, format=rdflib_format)
    except Exception as e:  # rdflib raises many parser-specific types
        raise InputError(str(path), f"is not valid {name}: {e}") from None
    return ds
