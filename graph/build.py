"""Records in, triples out: one named graph per letter, every fact with its evidence.

The letter's graph holds only what follows from the letter (deterministic: the same letter gives the
same graph); the run's provenance (time, software version, inputs) goes into a separate graph.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, SKOS

from ofsted_kg._version import __version__
from ofsted_kg.extract.authorities import Authority, match_authority
from ofsted_kg.extract.lexicon import grade_concept_name
from ofsted_kg.extract.records import LetterRecord, PreviousJudgement, Span
from ofsted_kg.findings_model import score_themes
from ofsted_kg.graph.iris import Minter, slug
from ofsted_kg.graph.judgements import AREAS, area_concept, framework_of
from ofsted_kg.graph.vocab import DEFAULT_BASE, GSS, OA, OKG, ORG, TIME
from ofsted_kg.letter_graphs import LetterGraphs
from ofsted_kg.people import Resolution, resolve_records

VISIT_CLASSES = {
    "monitoring visit": (OKG.MonitoringVisit, OKG.kind_monitoring_visit),
    "focused visit": (OKG.FocusedVisit, OKG.kind_focused_visit),
    "inspection": (OKG.Inspection, OKG.kind_inspection),
    "annual unannounced inspection": (OKG.AnnualUnannouncedInspection, OKG.kind_annual_unannounced_inspection),
    "joint targeted area inspection": (OKG.JointTargetedAreaInspection, OKG.kind_joint_targeted_area_inspection),
    "assurance visit": (OKG.AssuranceVisit, OKG.kind_assurance_visit),
}
GRADES = {
    "outstanding": OKG.grade_outstanding, "good": OKG.grade_good, "adequate": OKG.grade_adequate,
    "inadequate": OKG.grade_inadequate, "requires improvement": OKG.grade_requires_improvement,
}
POLARITY = {
    "strength": OKG.polarity_strength, "satisfactory": OKG.polarity_satisfactory,
    "area for improvement": OKG.polarity_area_for_improvement,
    "area for priority action": OKG.polarity_priority_action, "recommendation": OKG.polarity_recommendation,
}
THEMES = Namespace("https://w3id.org/ofsted-kg/themes#")
PREFIXES = {"okg": OKG._NS, "okgt": THEMES, "oa": OA, "org": ORG, "prov": PROV, "skos": SKOS, "dcterms": DCTERMS, "foaf": FOAF,
            "xsd": XSD, "owl": OWL}


def theme_iri(label: str) -> URIRef | None:
    """The concept of the themes scheme with this preferred label."""
    from ofsted_kg.themes import iri_by_label

    iri = iri_by_label().get(label)
    return URIRef(iri) if iri else None


def grade_concept(grade: str) -> URIRef | None:
    return GRADES.get(grade_concept_name(grade))


@dataclass
class LetterGraph:
    iri: URIRef  # the letter; also the name of its graph
    graph: Graph
    warnings: list[str]


def _date(value: str | None) -> Literal | None:
    return Literal(value, datatype=XSD.date) if value else None


class _Builder:
    def __init__(self, rec: LetterRecord, mint: Minter, people: Resolution, public_url: str | None = None,
                 source_path: str | None = None) -> None:
        self.rec = rec
        self.public_url = public_url
        self.source_path = source_path or rec.source
        self.mint = mint
        self.people = people
        self.g = Graph()
        self.warnings: list[str] = []
        sha = rec.source_sha256 or "0" * 64
        self.letter = mint.letter(sha, rec.index)
        self.file = mint.source_file(sha)
        self._evidence_n = 0
        self.authority_name: str | None = None
        self.letter_label = self._label()

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal | None) -> None:
        if o is not None:
            self.g.add((s, p, o))

    def cite(self, field: str, node: URIRef, prop: URIRef, value: URIRef | Literal | None, index: int | None = None) -> None:
        """Evidence for (node, prop, value) from the record's spans for `field` (the index-th, or the first)."""
        spans = self.rec.evidence.get(field) or []
        if index is not None:
            spans = spans[index:index + 1]
        if spans:
            self.cite_span(field, node, prop, value, spans[0])

    def cite_span(self, field: str, node: URIRef, prop: URIRef, value: URIRef | Literal | None, span: Span) -> None:
        """A Web Annotation on the words the value was read from."""
        self._evidence_n += 1
        e = URIRef(f"{self.letter}/evidence/{self._evidence_n}")
        target, quote, pos = URIRef(f"{e}#target"), URIRef(f"{e}#quote"), URIRef(f"{e}#position")
        g = self.g
        g.add((e, RDF.type, OKG.Evidence))
        g.add((e, RDF.type, OA.Annotation))  # written, not left to inference: generic clients see it
        g.add((e, RDFS.label, Literal(f"evidence {self._evidence_n} of {self.letter_label}: {field}")))
        g.add((e, OA.motivatedBy, OA.describing))
        g.add((e, OKG.evidenceOf, node))
        g.add((e, OA.hasBody, node))
        g.add((e, OKG.evidenceProperty, prop))
        if isinstance(value, Literal):
            g.add((e, OKG.literalValue, value))
        elif value is not None:
            g.add((e, OKG.objectValue, value))
        g.add((e, OKG.fieldName, Literal(field)))
        g.add((e, OKG.evidenceIn, self.letter))
        g.add((e, OA.hasTarget, target))
        g.add((target, RDF.type, OA.SpecificResource))
        g.add((target, RDFS.label, Literal(f"the words of evidence {self._evidence_n} in the source file")))
        g.add((target, OA.hasSource, self.file))
        g.add((target, OA.hasSelector, quote))
        g.add((target, OA.hasSelector, pos))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, RDFS.label, Literal(f"quote: {span.text[:60]}")))
        g.add((quote, OA.exact, Literal(span.text)))
        g.add((quote, OA.prefix, Literal(span.prefix)))
        g.add((quote, OA.suffix, Literal(span.suffix)))
        g.add((pos, RDF.type, OA.TextPositionSelector))
        g.add((pos, RDFS.label, Literal(f"characters {span.start} to {span.end}")))
        g.add((pos, OA.start, Literal(span.start)))
        g.add((pos, OA.end, Literal(span.end)))
        if span.page is not None:
            g.add((target, OKG.page, Literal(span.page)))

    # ---------------------------------------------------------------------------------------------
    def build(self) -> LetterGraph:
        rec, g, letter = self.rec, self.g, self.letter
        g.add((letter, RDF.type, OKG.Report if rec.kind == "report" else OKG.Letter))
        g.add((letter, RDF.type, OKG.Document))
        g.add((letter, OKG.sourceFile, self.file))
        g.add((letter, OKG.complete, Literal(rec.complete)))
        g.add((self.file, RDF.type, OKG.SourceFile))
        g.add((self.file, RDFS.label, Literal(f"source file {self.source_path}")))
        g.add((self.file, OKG.path, Literal(self.source_path)))
        g.add((self.file, OKG.sha256, Literal(rec.source_sha256 or "")))
        self.add(self.file, OKG.mediaType, Literal(rec.media_type) if rec.media_type else None)
        if self.public_url:  # the document as Ofsted publishes it (the file came from `ofsted-kg fetch`)
            g.add((letter, DCTERMS.source, public_iri(self.public_url)))
        if rec.letter_date:
            g.add((letter, OKG.letterDate, _date(rec.letter_date)))  # type: ignore[arg-type]
            self.cite("letter_date", letter, OKG.letterDate, _date(rec.letter_date))
        self.add(letter, OKG.ofstedOffice, Literal(rec.ofsted_office) if rec.ofsted_office else None)
        if rec.ofsted_office:
            self.cite("ofsted_office", letter, OKG.ofstedOffice, Literal(rec.ofsted_office))
        self.add(letter, OKG.framework, Literal(rec.framework) if rec.framework else None)
        for i, org in enumerate(rec.copied_to):
            g.add((letter, OKG.copiedTo, Literal(org)))
            self.cite("copied_to", letter, OKG.copiedTo, Literal(org), i)

        authority = self._authority()
        visit = self._visit(authority)
        g.add((letter, OKG.aboutVisit, visit))
        g.add((letter, RDFS.label, Literal(self.letter_label)))
        self._people(visit, authority)
        self._findings(visit)
        return LetterGraph(letter, g, self.warnings)

    def _label(self) -> str:
        rec = self.rec
        kind = "report" if rec.kind == "report" else "letter"
        parts = [f"Ofsted {kind}"]
        if rec.visit_type:
            parts.append(f"on the {rec.visit_type.removeprefix('other:')}")
        if rec.authority:
            parts.append(f"to {rec.authority}" if kind == "letter" else f"of {rec.authority}")
        if rec.letter_date or rec.visit_start:
            parts.append(f"({rec.letter_date or rec.visit_start})")
        return " ".join(parts)

    def _authority(self) -> URIRef | None:
        rec, g = self.rec, self.g
        if not rec.authority:
            self.warnings.append("no authority found: the visit is not linked to one")
            return None
        match = match_authority(rec.authority)
        if match is None:
            # never mint a new authority from an unknown name: the visit stays unlinked (and fails SHACL)
            self.warnings.append(f"authority {rec.authority!r} matches none of the 156 English authorities")
            return None
        self.authority_name = match.name
        node = self.mint.authority(match.name)
        add_authority(g, node, match)
        g.add((node, OKG.nameAsWritten, Literal(rec.authority)))
        return node

    def _visit(self, authority: URIRef | None) -> URIRef:
        """The visit the letter is about: its kind, label, authority, dates, number and focus areas, the
        judgements it awarded and the earlier judgement the letter restates."""
        rec, g = self.rec, self.g
        cls, concept = VISIT_CLASSES.get(rec.visit_type or "", (OKG.OtherVisit, OKG.kind_other))
        visit = self._visit_node(authority)
        g.add((visit, RDF.type, cls))
        g.add((visit, RDF.type, OKG.Visit))
        g.add((visit, OKG.visitKind, concept))
        self.cite("visit_type", visit, OKG.visitKind, concept)
        g.add((visit, RDFS.label, Literal(self._visit_label())))
        if authority:
            g.add((visit, OKG.visitOf, authority))
            self.cite("authority", visit, OKG.visitOf, authority)
        self._visit_dates_and_focus(visit)
        self._judgements(visit)
        if rec.previous_judgement:
            self._previous_judgement(visit, rec.previous_judgement)
        return visit

    def _visit_node(self, authority: URIRef | None) -> URIRef:
        """The visit's IRI: from its authority, kind and first day; under the letter's when it has no day."""
        rec = self.rec
        auth_part = str(authority).rsplit("/", 1)[-1] if authority else "unknown-authority"
        if rec.visit_start:
            return self.mint("visit", auth_part, slug(rec.visit_type or "visit"), rec.visit_start)
        return URIRef(f"{self.letter}/visit")

    def _visit_label(self) -> str:
        """An unlisted kind's own words; else the kind, the authority and the first day."""
        rec = self.rec
        if rec.visit_type and rec.visit_type.startswith("other:"):
            return rec.visit_type.removeprefix("other:")
        when = f" ({rec.visit_start})" if rec.visit_start else ""
        of = f" of {self.authority_name}" if self.authority_name else ""
        return f"{rec.visit_type or 'visit'}{of}{when}"

    def _visit_dates_and_focus(self, visit: URIRef) -> None:
        """First and last day, the visit's number and its focus areas (cited from a letter, not a report)."""
        rec, g = self.rec, self.g
        for field, prop in (("visit_start", OKG.startDate), ("visit_end", OKG.endDate)):
            value = _date(getattr(rec, field))
            if value is not None:
                g.add((visit, prop, value))
                self.cite(field, visit, prop, value)
        if rec.visit_sequence is not None:
            n = Literal(rec.visit_sequence, datatype=XSD.integer)
            g.add((visit, OKG.sequenceNumber, n))
            self.cite("visit_sequence", visit, OKG.sequenceNumber, n)
        for i, area in enumerate(rec.focus_areas):
            g.add((visit, OKG.focusArea, Literal(area)))
            if rec.kind != "report":
                self.cite("focus_areas", visit, OKG.focusArea, Literal(area), i)

    def _judgements(self, visit: URIRef) -> None:
        """The judgements of a report's table, one node per area, dated on the visit's last day."""
        rec, g = self.rec, self.g
        framework = framework_of(rec.framework, rec.framework_version)
        judged_on = _date(rec.visit_end or rec.visit_start)
        names: set[str] = set()
        for i, j in enumerate(rec.judgements):
            # named by its area, not its place in the table: every document reporting the inspection
            # (the report, a text copy of it) gives the same node
            concept = area_concept(framework, j.area)
            name = concept.rsplit("#", 1)[-1] if concept else slug(j.area)
            if name in names:  # two rows read as one area: keep both apart, as written
                concept, name = None, f"{i + 1}-{slug(j.area)}"
            names.add(name)
            node = URIRef(f"{visit}/judgement/{name}")
            g.add((visit, OKG.judgement, node))
            g.add((node, RDF.type, OKG.Judgement))
            g.add((node, RDFS.label, Literal(f"judgement: {j.area}: {j.grade}")))
            g.add((node, OKG.area, Literal(j.area)))
            self.add(node, OKG.judgementArea, concept)
            self.add(node, OKG.judgementDate, judged_on)
            grade = grade_concept(j.grade)
            self.add(node, OKG.grade, grade)
            self.cite("judgements", node, OKG.grade, grade, i)

    def _previous_judgement(self, visit: URIRef, pj: PreviousJudgement) -> None:
        """The authority's overall judgement as the letter restates it, with its month or year."""
        g = self.g
        node = URIRef(f"{visit}/previous-judgement")
        g.add((visit, OKG.previousJudgement, node))
        g.add((node, RDF.type, OKG.PreviousJudgement))
        g.add((node, RDFS.label, Literal(f"previous judgement: {pj.grade}")))
        # a letter restates the authority's overall judgement; which framework made it, it rarely says
        g.add((node, OKG.judgementArea, AREAS.overall_effectiveness))
        self.add(node, OKG.grade, grade_concept(pj.grade))
        if pj.date:
            dtype = XSD.gYearMonth if len(pj.date) == 7 else XSD.gYear
            g.add((node, OKG.judgementDate, Literal(pj.date, datatype=dtype)))
        self.cite("previous_judgement", visit, OKG.previousJudgement, node)

    def _person(self, name: str, cls: URIRef, role: str, authority: str | None = None) -> URIRef:
        person = self.people.person(name, role, authority)
        node = self.mint("person", person.key if person else slug(name))
        preferred = Literal(person.preferred_name if person else name)
        self.g.add((node, RDF.type, cls))
        add_person(self.g, node, preferred)
        self.g.add((node, OKG.nameAsWritten, Literal(name)))
        return node

    def _people(self, visit: URIRef, authority: URIRef | None) -> None:
        rec, g, letter = self.rec, self.g, self.letter
        inspectors: list[URIRef] = []
        for i, name in enumerate(rec.inspectors):
            person = self._person(name, OKG.Inspector, "inspector")
            inspectors.append(person)
            g.add((visit, OKG.inspector, person))
            lead = rec.kind == "report" and i == 0
            if lead:
                g.add((visit, OKG.leadInspector, person))
            assoc = URIRef(f"{visit}/association/{str(person).rsplit('/', 1)[-1]}")
            g.add((visit, PROV.qualifiedAssociation, assoc))
            g.add((assoc, RDF.type, OKG.InspectorAssociation))
            g.add((assoc, RDF.type, PROV.Association))
            g.add((assoc, RDFS.label, Literal(f"{name} as {'lead' if lead else 'team'} inspector")))
            g.add((assoc, PROV.agent, person))
            g.add((assoc, OKG.role, OKG.role_lead_inspector if lead else OKG.role_team_inspector))
            self.cite("inspectors", visit, OKG.inspector, person, i)
        if rec.signatory:
            person = self._person(rec.signatory, OKG.Inspector, "inspector")
            g.add((letter, OKG.signedBy, person))
            self.cite("signatory", letter, OKG.signedBy, person)
        r = rec.recipient
        if r and r.name:
            person = self._person(r.name, OKG.Director if authority else OKG.Person, "director",
                                  self.authority_name)
            self.add(person, OKG.honorific, Literal(r.honorific) if r.honorific else None)
            g.add((letter, OKG.addressedTo, person))
            self.cite("recipient.name", letter, OKG.addressedTo, person)
            if authority:
                m = URIRef(f"{letter}/membership")
                add_membership(g, m, person, authority, f"{r.name} as director of {self.authority_name}")
                g.add((m, OKG.attestedBy, letter))
                if r.title:
                    g.add((m, OKG.title, Literal(r.title)))
                    self.cite("recipient.title", m, OKG.title, Literal(r.title))

    def _findings(self, visit: URIRef) -> None:
        """Each finding unit (and any recommendation the units missed) as a themed, evidenced node."""
        rec, g, letter = self.rec, self.g, self.letter
        units = [(f.text, f.section, f.polarity, f.themes, f.span, f.theme_scores) for f in rec.findings]
        texts = {u[0] for u in units}
        spans = rec.evidence.get("recommendations", [])
        for i, text in enumerate(rec.recommendations):
            if text not in texts and re.search(r"[A-Za-z]{3}", text):  # not a stray bullet glyph ("◼")
                scored = score_themes(text)
                units.append((text, "", "recommendation", [t for t, _ in scored], spans[i] if i < len(spans) else None,  # type: ignore[arg-type]
                              [sc for _, sc in scored]))
        for n, (text, section, polarity, themes, span, scores) in enumerate(units, 1):
            f = URIRef(f"{letter}/finding/{n}")
            g.add((letter, OKG.finding, f))
            g.add((f, RDF.type, OKG.Finding))
            g.add((f, RDFS.label, Literal(f"finding {n}: {text[:80]}{'…' if len(text) > 80 else ''}")))
            g.add((f, OKG.text, Literal(text)))
            if section:
                g.add((f, OKG.section, Literal(section)))
            g.add((f, OKG.polarity, POLARITY[polarity]))
            if polarity in ("recommendation", "area for priority action"):
                g.add((f, OKG.recommendationFor, visit))
            theme_iris = [theme_iri(t) for t in themes]
            for k, t in enumerate(theme_iris):
                if t is not None:
                    g.add((f, OKG.theme, t))
                    if k < len(scores):  # how sure the findings model is of this theme
                        a = URIRef(f"{f}/theme/{k + 1}")
                        g.add((f, OKG.themeAssignment, a))
                        g.add((a, RDF.type, OKG.ThemeAssignment))
                        g.add((a, RDFS.label, Literal(f"theme {k + 1} of finding {n}")))
                        g.add((a, OKG.assignedTheme, t))
                        g.add((a, OKG.themeScore, Literal(Decimal(str(scores[k])))))
            if not any(theme_iris):
                g.add((f, OKG.unthemed, Literal(True)))
            if span is not None:
                # a finding is itself the letter's words: its offsets locate them in the source file, so it
                # needs no separate annotation (which would triple the letter's size)
                g.add((f, OKG.textStart, Literal(span.start)))
                g.add((f, OKG.textEnd, Literal(span.end)))
                if span.page is not None:
                    g.add((f, OKG.page, Literal(span.page)))


def add_authority(g: Graph, node: URIRef, a: Authority) -> None:
    """An authority's names and national identifiers, linked to the ONS statistical geography."""
    g.add((node, RDF.type, OKG.Authority))
    g.add((node, RDF.type, ORG.FormalOrganization))
    g.add((node, OKG.name, Literal(a.name)))
    g.add((node, RDFS.label, Literal(a.name)))
    for prop, value in ((OKG.ofstedUrn, a.ofsted_urn), (OKG.dfeCode, a.dfe_code), (OKG.gssCode, a.gss_code)):
        if value:  # a former authority may have no current code (Poole has no GSS code in the table)
            g.add((node, prop, Literal(value)))
    if a.gss_code:
        g.add((node, OKG.governedArea, GSS[a.gss_code]))  # the area it governs (not the council itself)
    if a.region:
        g.add((node, OKG.region, Literal(a.region)))


def add_person(g: Graph, node: URIRef, name: Literal) -> None:
    """A person with the standard terms written too (a client without inference sees foaf:Person)."""
    g.add((node, RDF.type, OKG.Person))
    g.add((node, RDF.type, FOAF.Person))
    g.add((node, OKG.name, name))
    g.add((node, FOAF.name, name))
    g.add((node, RDFS.label, name))


def add_membership(g: Graph, m: URIRef, person: URIRef, authority: URIRef, label: str) -> None:
    """A director's post as an ORG membership, stated in ORG's own terms beside the ontology's."""
    g.add((m, RDF.type, OKG.DirectorMembership))
    g.add((m, RDF.type, ORG.Membership))
    g.add((m, RDFS.label, Literal(label)))
    g.add((m, OKG.director, person))
    g.add((m, ORG.member, person))
    g.add((m, OKG.directorOf, authority))
    g.add((m, ORG.organization, authority))
    g.add((m, ORG.role, OKG.role_director_of_childrens_services))


def public_iri(url: str) -> URIRef:
    """A public URL as an IRI (spaces and other characters an IRI may not hold percent-encoded)."""
    from urllib.parse import quote

    return URIRef(quote(url, safe=":/?#[]@!$&'()*+,;=%~"))


def letter_graph(rec: LetterRecord, base: str = DEFAULT_BASE, people: Resolution | None = None,
                 public_url: str | None = None, source_path: str | None = None) -> LetterGraph:
    """The RDF of one letter or report, deterministic for the same record (and the same corpus).

    `people` resolves names across a corpus; without it the letter's own names are resolved alone.
    `public_url`, the address Ofsted publishes the source file at, becomes the letter's `dcterms:source`.
    `source_path` is the file's path as published (see `published_path`); by default the record's own.
    """
    return _Builder(rec, Minter(base), people or resolve_records([rec]), public_url, source_path).build()


def published_path(source: str, roots: Iterable[str | Path]) -> str:
    """A source file's path as published: relative to the folder given that holds it (a file given
    itself: its name), never the absolute path on the machine that built the graph."""
    path = Path(source).resolve()
    best: str | None = None
    for root in roots:
        r = Path(root).resolve()
        if r == path:
            return path.name
        if r.is_dir() and path.is_relative_to(r):
            rel = path.relative_to(r).as_posix()
            if best is None or len(rel) < len(best):
                best = rel
    if best is not None:
        return best
    return Path(source).name if Path(source).is_absolute() else Path(source).as_posix()


def _run(mint: Minter, records: list[LetterRecord], when: dt.datetime | None) -> tuple[URIRef, Graph]:
    import hashlib

    when = when or dt.datetime.now(dt.UTC).replace(microsecond=0)
    digest = hashlib.sha256("".join(sorted(r.source_sha256 or "" for r in records)).encode()).hexdigest()
    run = mint("run", f"{when.strftime('%Y%m%dT%H%M%SZ')}-{digest[:12]}")
    g = Graph()
    agent = mint("software", f"ofsted-kg-{__version__}")
    g.add((run, RDF.type, OKG.ExtractionRun))
    g.add((run, RDF.type, PROV.Activity))
    g.add((run, RDFS.label, Literal(f"ofsted-kg run of {when.isoformat()}")))
    g.add((run, PROV.startedAtTime, Literal(when.isoformat(), datatype=XSD.dateTime)))
    g.add((run, PROV.wasAssociatedWith, agent))
    g.add((agent, RDF.type, PROV.SoftwareAgent))
    g.add((agent, OKG.softwareVersion, Literal(__version__)))
    g.add((agent, RDFS.label, Literal(f"ofsted-kg {__version__}")))
    g.add((run, OKG.sha256, Literal(digest)))
    return run, g


def run_graph(letters: list[URIRef], records: list[LetterRecord], base: str = DEFAULT_BASE,
              when: dt.datetime | None = None) -> tuple[URIRef, Graph]:
    """PROV for one run of the software: when, which version, which files in, which letters out."""
    mint = Minter(base)
    run, g = _run(mint, records, when)
    for rec in records:
        g.add((run, PROV.used, mint.source_file(rec.source_sha256 or "0" * 64)))
    for letter in letters:
        g.add((run, OKG.describedLetter, letter))  # its graph; the letter's one generation is its visit
    return run, g


def letter_provenance(letter: URIRef, rec: LetterRecord, base: str = DEFAULT_BASE,
                      when: dt.datetime | None = None) -> tuple[URIRef, Graph]:
    """PROV for the latest load of one letter, in a graph of its own that the next load replaces."""
    mint = Minter(base)
    run, g = _run(mint, [rec], when)
    g.add((run, PROV.used, mint.source_file(rec.source_sha256 or "0" * 64)))
    g.add((run, OKG.describedLetter, letter))
    return URIRef(LetterGraphs(str(letter)).provenance), g


REORGANISATIONS = [
    # (former authorities, resulting authorities, date): ORG change events
    (("Northamptonshire",), ("North Northamptonshire", "West Northamptonshire"), "2021-04-01"),
    (("Cumbria",), ("Cumberland", "Westmorland and Furness"), "2023-04-01"),
    (("Poole",), ("Bournemouth, Christchurch and Poole",), "2019-04-01"),
]


def authorities_graph(base: str = DEFAULT_BASE, names: Iterable[str] | None = None) -> tuple[URIRef, Graph]:
    """Authorities (all 156, or those `names` and their predecessors/successors) with their identifiers,
    and the reorganisations between them as ORG change events."""
    from ofsted_kg.extract.authorities import gazetteer

    mint = Minter(base)
    g = Graph()
    by_name = {a.name: a for a in gazetteer()}
    wanted = set(by_name) if names is None else set(names)
    events = [e for e in REORGANISATIONS if wanted & set(e[0] + e[1])]
    for before, after, _ in events:
        wanted |= set(before) | set(after)
    for a in gazetteer():
        if a.name not in wanted:
            continue
        add_authority(g, mint.authority(a.name), a)
    for before, after, when in events:
        event = mint("change", slug("-".join(before)), when)
        g.add((event, RDF.type, ORG.ChangeEvent))
        g.add((event, DCTERMS.date, Literal(when, datatype=XSD.date)))
        g.add((event, RDFS.label, Literal(f"{', '.join(before)} reorganised into {' and '.join(after)}")))
        for name in before:
            if name in by_name:
                g.add((event, ORG.originalOrganization, mint.authority(name)))
                g.add((mint.authority(name), ORG.changedBy, event))
        for name in after:
            if name in by_name:
                g.add((event, ORG.resultingOrganization, mint.authority(name)))
                g.add((mint.authority(name), ORG.resultedFrom, event))
    return mint("graph", "authorities"), g


def people_graph(people: Resolution, base: str = DEFAULT_BASE) -> tuple[URIRef, Graph]:
    """Corpus-level facts about people: preferred names and directors' time-bound posts.

    "X was director of Y at least from A to B": an ORG membership whose interval runs from the first
    to the last letter addressed to X there; marked interim when a title said so.
    """
    mint = Minter(base)
    g = Graph()
    for p in people.people:
        node = mint("person", p.key)
        add_person(g, node, Literal(p.preferred_name))
        for variant in sorted(p.variants):
            g.add((node, OKG.nameAsWritten, Literal(variant)))
        if p.role != "director" or not p.authority or not p.first_seen:
            continue
        auth = match_authority(p.authority)
        if auth is None:
            continue
        m = mint("person", p.key, "director-of", slug(auth.name))
        interval = URIRef(f"{m}/interval")
        add_membership(g, m, node, mint.authority(auth.name), f"{p.preferred_name} as director of {auth.name}")
        g.add((m, ORG.memberDuring, interval))
        g.add((interval, RDF.type, TIME.Interval))
        g.add((interval, RDFS.label, Literal(f"from {p.first_seen} to {p.last_seen}")))
        for prop, value in ((TIME.hasBeginning, p.first_seen), (TIME.hasEnd, p.last_seen)):
            instant = URIRef(f"{interval}/{'beginning' if prop == TIME.hasBeginning else 'end'}")
            g.add((interval, prop, instant))
            g.add((instant, RDF.type, TIME.Instant))
            g.add((instant, RDFS.label, Literal(value)))
            g.add((instant, TIME.inXSDDate, Literal(value, datatype=XSD.date)))
        g.add((m, OKG.interim, Literal(p.interim)))
        for title in sorted({x.title for x in p.mentions if x.title}):
            g.add((m, OKG.title, Literal(title)))
    return mint("graph", "people"), g
