"""Typed records produced by extraction: one `LetterRecord` per letter or report found."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from ofsted_kg.extract.dates import DateRun

T = TypeVar("T")


@dataclass(frozen=True)
class Found(Generic[T]):
    """A value a field rule read, with the clean-text span ``[start, end)`` it was read from."""

    value: T
    start: int
    end: int


@dataclass(frozen=True)
class Span:
    """A half-open character span ``[start, end)`` in the document text, with the words it covers."""

    start: int
    end: int
    text: str
    page: int | None = None
    prefix: str = ""  # the words before, back to the start of the sentence (for quoting in context)
    suffix: str = ""  # the words after, up to the end of the sentence

    def sentence(self) -> str:
        return f"{self.prefix}{self.text}{self.suffix}"

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        if self.page is not None:
            d["page"] = self.page
        return d


@dataclass
class Recipient:
    name: str | None = None
    title: str | None = None
    honorific: str | None = None


@dataclass
class PreviousJudgement:
    grade: str
    date: str | None  # "YYYY-MM" (or "YYYY" when the letter gives no month)


@dataclass
class TeamMember:
    """An inspector as the document presents them: their role and inspectorate where it says them."""

    name: str
    role: str | None = None
    organisation: str | None = None


@dataclass
class Judgement:
    area: str
    grade: str


@dataclass
class Finding:
    """One finding: a sentence or bullet item, verbatim, with its section, polarity and themes."""

    text: str
    section: str
    polarity: str
    themes: list[str]
    span: Span
    theme_scores: list[float] = field(default_factory=list)  # the model's score of each theme, in order

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "section": self.section, "polarity": self.polarity, "themes": self.themes,
                "theme_scores": self.theme_scores, "span": self.span.as_dict()}


@dataclass
class LetterRecord:
    """The facts of one Ofsted letter or report opening, each with its evidence spans."""

    source: str
    kind: str = "letter"  # "letter" or "report"
    source_sha256: str | None = None
    media_type: str | None = None
    index: int = 0  # position of this letter among those found in its document
    letter_date: str | None = None
    authority: str | None = None
    visit_type: str | None = None
    visit_start: str | None = None
    visit_end: str | None = None
    visit_periods: list[tuple[str, str]] = field(default_factory=list)  # each block of fieldwork
    visit_sequence: int | None = None
    previous_judgement: PreviousJudgement | None = None
    inspectors: list[str] = field(default_factory=list)
    inspection_team: list[TeamMember] = field(default_factory=list)
    signatory: str | None = None
    recipient: Recipient | None = None
    copied_to: list[str] = field(default_factory=list)
    ofsted_office: str | None = None
    focus_areas: list[str] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    judgements: list[Judgement] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    framework: str | None = None
    framework_version: str | None = None  # "SIF", "ILACS 2018", "ILACS 2023", "ILACS 2026"
    complete: bool = True
    span: Span | None = None  # where the letter sits inside its document
    evidence: dict[str, list[Span]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def set_visit_dates(self, run: DateRun, span: Span) -> None:
        """The visit's first and last days and each block of fieldwork, cited to the words they came from."""
        self.visit_start, self.visit_end = run.start.isoformat(), run.end.isoformat()
        self.visit_periods = [(a.isoformat(), b.isoformat()) for a, b in (run.periods or [(run.start, run.end)])]
        for name in ("visit_start", "visit_end", "visit_periods"):
            self.cite(name, span)

    def cite(self, name: str, span: Span | None) -> None:
        """Record `span` as evidence for field `name`."""
        if span is not None:
            self.evidence.setdefault(name, []).append(span)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape printed by ``ofsted-kg extract --format json``."""
        d: dict[str, Any] = {
            "source": self.source,
            "kind": self.kind,
            "letter_date": self.letter_date,
            "authority": self.authority,
            "visit_type": self.visit_type,
            "visit_start": self.visit_start,
            "visit_end": self.visit_end,
            "visit_periods": [{"start": a, "end": b} for a, b in self.visit_periods],
            "visit_sequence": self.visit_sequence,
            "previous_judgement": asdict(self.previous_judgement) if self.previous_judgement else None,
            "inspectors": list(self.inspectors),
            "inspection_team": [asdict(m) for m in self.inspection_team],
            "signatory": self.signatory,
            "recipient": asdict(self.recipient) if self.recipient else None,
            "copied_to": list(self.copied_to),
            "ofsted_office": self.ofsted_office,
            "focus_areas": list(self.focus_areas),
            "recommendations": list(self.recommendations),
            "judgements": [asdict(j) for j in self.judgements],
            "findings": [f.as_dict() for f in self.findings],
            "framework": self.framework,
            "framework_version": self.framework_version,
            "complete": self.complete,
            "span": self.span.as_dict() if self.span else None,
            "evidence": {k: [s.as_dict() for s in v] for k, v in self.evidence.items()},
            "warnings": list(self.warnings),
        }
        return d
