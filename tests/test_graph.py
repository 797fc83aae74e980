"""Graph building: deterministic IRIs, typed literals, evidence for every fact, SHACL per letter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from typer.testing import CliRunner

from ofsted_kg.api import build_letters, extract_file
from ofsted_kg.cli.app import app
from ofsted_kg.graph.build import letter_graph
from ofsted_kg.graph.vocab import OA, OKG
from ofsted_kg.validation import SH, validate_letter_graph

from .conftest import EXAMPLES, GOLDEN

SEEDS = sorted(EXAMPLES.glob("*.txt"))
runner = CliRunner()


def _graph(path: Path, index: int = 0) -> tuple[URIRef, Graph]:
    lg = letter_graph(extract_file(path)[index])
    return lg.iri, lg.graph


def _assert_isomorphic(a: Graph, b: Graph) -> None:
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
        pytest.fail("graphs differ:\n" + only_a.serialize(format="nt") + "\n---\n" + only_b.serialize(format="nt"))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_same_letter_gives_the_same_graph(path: Path) -> None:
    iri1, g1 = _graph(path)
    iri2, g2 = _graph(path)
    assert iri1 == iri2
    _assert_isomorphic(g1, g2)


@pytest.mark.parametrize("path", SEEDS + sorted((GOLDEN / "letters").glob("*.txt")), ids=lambda p: p.stem)
def test_letter_graphs_conform_to_the_shapes(path: Path) -> None:
    iri, g = _graph(path)
    result = validate_letter_graph(g, iri)
    assert result.conforms, "\n".join(v.line() for v in result.violations)


def test_typed_literals_and_identifiers() -> None:
    _, g = _graph(EXAMPLES / "000_5f08dc2b8cd356b2.txt")
    visit = next(g.subjects(RDF.type, OKG.MonitoringVisit))
    assert g.value(visit, OKG.startDate) == Literal("2019-01-08", datatype=XSD.date)
    assert g.value(visit, OKG.sequenceNumber) == Literal(7, datatype=XSD.integer)
    authority = g.value(visit, OKG.visitOf)
    assert str(authority).endswith("/authority/worcestershire")
    assert str(g.value(authority, OKG.gssCode)) == "E10000034"
    prev = g.value(visit, OKG.previousJudgement)
    assert g.value(prev, OKG.grade) == OKG.grade_inadequate
    assert g.value(prev, OKG.judgementDate) == Literal("2016-11", datatype=XSD.gYearMonth)


def test_every_okg_term_used_is_in_the_vocabulary() -> None:
    known = {str(getattr(OKG, t)) for t in OKG.__annotations__}
    for path in SEEDS:
        _, g = _graph(path)
        used = {str(x) for t in g for x in t if str(x).startswith(str(OKG._NS))}
        assert used <= known, used - known


def test_every_fact_has_evidence_that_quotes_the_letter() -> None:
    from ofsted_kg.extract.reading import read_document

    path = EXAMPLES / "004_2067af35a111929a.txt"
    _, g = _graph(path)
    text = read_document(path).text
    evidence = list(g.subjects(RDF.type, OKG.Evidence))
    assert len(evidence) >= 12  # the fields' facts; findings locate their own words (below)
    for e in evidence:
        target = g.value(e, OA.hasTarget)
        quote = next(s for s in g.objects(target, OA.hasSelector) if (s, RDF.type, OA.TextQuoteSelector) in g)
        pos = next(s for s in g.objects(target, OA.hasSelector) if (s, RDF.type, OA.TextPositionSelector) in g)
        start, end = int(g.value(pos, OA.start)), int(g.value(pos, OA.end))  # type: ignore[arg-type]
        assert text[start:end] == str(g.value(quote, OA.exact))
        assert text[start - len(str(g.value(quote, OA.prefix))):start] == str(g.value(quote, OA.prefix))
    # every finding locates its own words; the six "what needs to improve" items are recommendations
    findings = list(g.subjects(RDF.type, OKG.Finding))
    assert len([f for f in findings if (f, OKG.polarity, OKG.polarity_recommendation) in g]) == 6
    for f in findings:
        start, end = int(g.value(f, OKG.textStart)), int(g.value(f, OKG.textEnd))  # type: ignore[arg-type]
        assert _words(text[start:end]) == _words(str(g.value(f, OKG.text)))


def _words(s: str) -> list[str]:
    """Words without the typographic differences normalising makes (quotes, line breaks)."""
    return s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').split()


def test_where_does_it_say_andrew_waugh_inspected_worcestershire() -> None:
    result = build_letters([EXAMPLES], validate=False)
    q = """
    PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
    PREFIX oa: <http://www.w3.org/ns/oa#>
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    SELECT ?letter ?prefix ?exact ?suffix WHERE {
      GRAPH ?letter {
        ?visit okg:visitOf ?authority ; okg:inspector ?person .
        ?authority okg:name "Worcestershire" .
        ?e okg:evidenceOf ?visit ; okg:evidenceProperty okg:inspector ; okg:objectValue ?person ;
           oa:hasTarget/oa:hasSelector ?sel .
        ?sel a oa:TextQuoteSelector ; oa:exact ?exact ; oa:prefix ?prefix ; oa:suffix ?suffix .
        ?person okg:name ?name . FILTER(CONTAINS(?name, "Waugh"))
      }
    }"""
    rows = list(result.dataset.query(q))
    sentences = {f"{r.prefix}{r.exact}{r.suffix}" for r in rows}  # type: ignore[union-attr]
    assert "The visit was conducted by Her Majesty's Inspectors Andrew Waugh and Alison Smale." in sentences
    assert any("Alison Smale and Andy Waugh, Her Majesty's Inspectors" in s for s in sentences)
    assert len({r.letter for r in rows}) == 2  # type: ignore[union-attr]


# --- one conforming and one violating graph per shape -------------------------------------------
def _first(g: Graph, cls: URIRef) -> URIRef:
    return next(s for s in g.subjects(RDF.type, cls) if isinstance(s, URIRef))


def _set(g: Graph, s: URIRef, p: URIRef, o: Literal | URIRef) -> None:
    g.remove((s, p, None))
    g.add((s, p, o))


def _drop(g: Graph, s: URIRef, p: URIRef) -> None:
    g.remove((s, p, None))


def _selector(g: Graph, kind: URIRef) -> URIRef:
    e = _first(g, OKG.Evidence)
    target = g.value(e, OA.hasTarget)
    return next(s for s in g.objects(target, OA.hasSelector) if (s, RDF.type, kind) in g)  # type: ignore[return-value]


MUTATIONS: list[tuple[str, str, Callable[[Graph], None]]] = [
    ("DocumentShape", "two visits", lambda g: g.add((_first(g, OKG.Letter), OKG.aboutVisit, URIRef("urn:x:other")))),
    ("DocumentShape", "date not a date", lambda g: _set(g, _first(g, OKG.Letter), OKG.letterDate, Literal("31 Jan"))),
    ("DocumentShape", "letter before visit",
     lambda g: _set(g, _first(g, OKG.Letter), OKG.letterDate, Literal("2018-12-01", datatype=XSD.date))),
    ("SourceFileShape", "bad sha256", lambda g: _set(g, _first(g, OKG.SourceFile), OKG.sha256, Literal("xyz"))),
    ("VisitShape", "no authority", lambda g: _drop(g, _first(g, OKG.Visit), OKG.visitOf)),
    ("LetterVisitFactsShape", "no inspector", lambda g: _drop(g, _first(g, OKG.Visit), OKG.inspector)),
    ("LetterVisitDatesShape", "no start date", lambda g: _drop(g, _first(g, OKG.Visit), OKG.startDate)),
    ("VisitShape", "end before start",
     lambda g: _set(g, _first(g, OKG.Visit), OKG.endDate, Literal("2019-01-01", datatype=XSD.date))),
    ("VisitShape", "sequence 0", lambda g: _set(g, _first(g, OKG.Visit), OKG.sequenceNumber, Literal(0))),
    ("VisitShape", "unknown kind", lambda g: _set(g, _first(g, OKG.Visit), OKG.visitKind, OKG.grade_good)),
    ("AuthorityShape", "bad GSS code", lambda g: _set(g, _first(g, OKG.Authority), OKG.gssCode, Literal("X1"))),
    ("PersonShape", "nameless person", lambda g: _drop(g, _first(g, OKG.Inspector), OKG.name)),
    ("InspectorAssociationShape", "wrong role",
     lambda g: _set(g, _first(g, OKG.InspectorAssociation), OKG.role, OKG.grade_good)),
    ("DirectorMembershipShape", "no director", lambda g: _drop(g, _first(g, OKG.DirectorMembership), OKG.director)),
    ("PreviousJudgementShape", "date as plain text",
     lambda g: _set(g, _first(g, OKG.PreviousJudgement), OKG.judgementDate, Literal("November 2016"))),
    ("PreviousJudgementShape", "grade off the scale",
     lambda g: _set(g, _first(g, OKG.PreviousJudgement), OKG.grade, OKG.kind_inspection)),
    ("FindingShape", "words end before they start",
     lambda g: _set(g, next(g.subjects(OKG.textEnd, None)), OKG.textStart, Literal(10**6))),  # type: ignore[arg-type]
    ("FindingShape", "two polarities",
     lambda g: g.add((_first(g, OKG.Finding), OKG.polarity, OKG.polarity_strength))
     if (_first(g, OKG.Finding), OKG.polarity, OKG.polarity_strength) not in g
     else g.add((_first(g, OKG.Finding), OKG.polarity, OKG.polarity_recommendation))),
    ("EvidenceShape", "no target", lambda g: _drop(g, _first(g, OKG.Evidence), OA.hasTarget)),
    ("QuoteShape", "empty quote", lambda g: _set(g, _selector(g, OA.TextQuoteSelector), OA.exact, Literal(""))),
    ("PositionShape", "start after end", lambda g: _set(g, _selector(g, OA.TextPositionSelector), OA.start, Literal(10**6))),
    ("EvidenceShape", "one selector", lambda g: g.remove((g.value(_first(g, OKG.Evidence), OA.hasTarget), OA.hasSelector,
                                                          _selector(g, OA.TextPositionSelector)))),
]


@pytest.mark.parametrize(("shape", "what", "mutate"), MUTATIONS, ids=[f"{s}-{w}" for s, w, _ in MUTATIONS])
def test_each_shape_catches_its_violation(shape: str, what: str, mutate: Callable[[Graph], None]) -> None:
    iri, g = _graph(EXAMPLES / "000_5f08dc2b8cd356b2.txt")
    assert validate_letter_graph(g, iri).conforms
    mutate(g)
    result = validate_letter_graph(g, iri)
    assert not result.conforms
    assert result.report is not None
    shapes = {str(s) for s in result.report.objects(None, SH.sourceShape)}
    parents = {str(p) for s in result.report.objects(None, SH.sourceShape) for p in _shape_parents(s)}
    assert any(s.endswith(f"#{shape}") for s in shapes | parents), (shapes, result.violations)


def _shape_parents(shape: object) -> list[object]:
    from ofsted_kg.validation import shapes_graph

    sg = shapes_graph()
    out: list[object] = []
    for p in (SH.property, SH.sparql):
        out.extend(sg.subjects(p, shape))  # type: ignore[arg-type]
    # nested node shapes (TargetShape -> EvidenceShape)
    for node_shape in list(out) + [shape]:
        for prop in sg.subjects(SH.node, node_shape):  # type: ignore[arg-type]
            out.extend(sg.subjects(SH.property, prop))
        for prop in sg.subjects(SH.qualifiedValueShape, node_shape):  # type: ignore[arg-type]
            for target in sg.subjects(SH.property, prop):
                out.append(target)
                for prop2 in sg.subjects(SH.node, target):
                    out.extend(sg.subjects(SH.property, prop2))
    return out


def test_judgement_shape_on_a_report() -> None:
    iri, g = _graph(GOLDEN / "letters" / "report_ilacs_2022_york.txt")
    assert validate_letter_graph(g, iri).conforms
    judgement = next(g.objects(None, OKG.judgement))
    _set(g, judgement, OKG.grade, OKG.kind_inspection)  # type: ignore[arg-type]
    result = validate_letter_graph(g, iri)
    assert not result.conforms
    assert any(v.field == "judgements" for v in result.violations)


# --- build and validate commands ----------------------------------------------------------------
def test_build_formats_parse_back(tmp_path: Path) -> None:
    from ofsted_kg.validation import load_rdf

    counts = {}
    for fmt, suffix in (("trig", ".trig"), ("nquads", ".nq"), ("turtle", ".ttl"), ("jsonld", ".jsonld"),
                        ("ntriples", ".nt"), ("rdfxml", ".rdf")):
        result = runner.invoke(app, ["build", "--format", fmt, str(EXAMPLES / "004_2067af35a111929a.txt")])
        assert result.exit_code == 0, result.output
        out = tmp_path / f"out{suffix}"
        out.write_text(result.stdout, encoding="utf-8")
        ds = load_rdf(out)
        quads = list(ds.quads((None, None, None, None)))
        counts[fmt] = (len(quads), len({(s, p, o) for s, p, o, _ in quads}))
    # quad formats keep every graph; triple formats merge them, so only distinct triples remain
    assert counts["trig"] == counts["nquads"] == counts["jsonld"], counts
    distinct = counts["trig"][1]
    assert all(counts[f][0] == distinct for f in ("turtle", "ntriples", "rdfxml")), counts
    assert counts["trig"][0] > distinct > 300


def test_a_failing_letter_is_quarantined_and_the_others_go_through(tmp_path: Path) -> None:
    good = EXAMPLES / "004_2067af35a111929a.txt"
    text = (EXAMPLES / "000_5f08dc2b8cd356b2.txt").read_text(encoding="utf-8")
    bad = tmp_path / "undated.txt"
    bad.write_text(text.replace(" on 8 and 9 January 2019", ""), encoding="utf-8")
    result = build_letters([good, bad])
    assert len(result.quarantined) == 1
    assert any("quarantined" in p.message and p.path == str(bad) for p in result.problems)
    graphs = {str(g.identifier) for g in result.dataset.graphs() if (g.identifier, RDF.type, OKG.Document) in g}
    assert len(graphs) == 1 and result.quarantined[0] not in graphs
    cli = runner.invoke(app, ["build", str(good), str(bad)])
    assert cli.exit_code == 1 and "quarantined" in cli.output and "visit_start" in cli.output


def test_validate_exit_codes(tmp_path: Path) -> None:
    built = runner.invoke(app, ["build", str(EXAMPLES)])
    good = tmp_path / "seeds.trig"
    good.write_text(built.stdout, encoding="utf-8")
    assert runner.invoke(app, ["validate", str(good)]).exit_code == 0
    bad = tmp_path / "bad.trig"
    import re

    broken = re.sub(r'okg:startDate "[0-9-]+"\^\^xsd:date', 'okg:endDate "1999-01-01"^^xsd:date', built.stdout, count=1)
    assert broken != built.stdout
    bad.write_text(broken, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1
    assert "visit_start" in result.stdout or "startDate" in result.stdout
    report = runner.invoke(app, ["validate", "--format", "turtle", str(bad)])
    assert report.exit_code == 1
    rg = Graph().parse(data=report.stdout, format="turtle")
    assert (None, SH.conforms, Literal(False)) in rg
    assert runner.invoke(app, ["validate", str(tmp_path / "missing.trig")]).exit_code == 2
    junk = tmp_path / "junk.ttl"
    junk.write_text("this is not turtle <<<", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(junk)])
    assert result.exit_code == 2 and "junk.ttl" in result.output


def test_a_finding_violation_quotes_the_finding() -> None:
    iri, g = _graph(EXAMPLES / "000_5f08dc2b8cd356b2.txt")
    f = next(g.subjects(OKG.textEnd, None))
    g.remove((f, OKG.polarity, None))
    result = validate_letter_graph(g, iri)
    assert [(v.field, v.words) for v in result.violations] == [("findings", str(g.value(f, OKG.text)))]


@pytest.mark.parametrize(("shape", "what", "mutate"), MUTATIONS[::4], ids=[f"{s}-{w}" for s, w, _ in MUTATIONS[::4]])
def test_cached_constraints_report_what_plain_pyshacl_reports(shape: str, what: str,
                                                              mutate: Callable[[Graph], None]) -> None:
    """validate_letter_graph reuses pyshacl's constraint objects within a letter: same results as pyshacl alone."""
    from pyshacl import validate

    from ofsted_kg.validation import shapes_graph

    iri, g = _graph(EXAMPLES / "000_5f08dc2b8cd356b2.txt")
    mutate(g)
    ours = validate_letter_graph(g, iri)
    conforms, report, _ = validate(g, shacl_graph=shapes_graph(), allow_warnings=True)

    def results(r: Graph) -> set[tuple[str, str, str]]:
        return {(str(r.value(x, SH.focusNode)), str(r.value(x, SH.resultPath)), str(r.value(x, SH.sourceConstraintComponent)))
                for x in r.subjects(RDF.type, SH.ValidationResult)}

    assert ours.report is not None and ours.conforms == conforms
    assert results(ours.report) == results(report)  # type: ignore[arg-type]


@pytest.mark.parametrize("flag, wanted", [("--rdfs", "rdfs"), ("--no-rdfs", "none")])
def test_validate_rdfs_reaches_shacl_for_letter_inputs(flag: str, wanted: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`validate --rdfs LETTER` builds the letter's graphs and validates them with RDFS inference (issue 20)."""
    import pyshacl

    asked: list[str] = []
    real = pyshacl.validate

    def spy(*args: object, **kwargs: object) -> object:
        asked.append(str(kwargs.get("inference")))
        return real(*args, **kwargs)

    monkeypatch.setattr(pyshacl, "validate", spy)
    result = runner.invoke(app, ["validate", flag, str(SEEDS[0])])
    assert result.exit_code == 0, result.output
    assert asked and set(asked) == {wanted}  # the letter's graph and the other graphs alike
