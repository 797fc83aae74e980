"""Finding themes: the SKOS scheme in ontology/themes.ttl and the trigger rules it carries.

Each concept of the scheme that has `okgt:trigger` values is a theme. A trigger is either a plain
word or phrase ("caseload", "agency staff"), matched case-insensitively as whole words with an optional
plural ending, or a Python regular expression written between slashes ("/\\bsupervisions?\\b/"), matched
case-insensitively as written. A finding gets the themes whose triggers occur in its text, ranked by how
many different triggers matched and then by where the first match is.

Users can add concepts, or triggers to existing concepts, with a Turtle file of the same shape:
`extra_rules(path)`.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import RDF, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from ofsted_kg.extract.records import Finding, LetterRecord

SCHEME = URIRef("https://w3id.org/ofsted-kg/themes")
OKGT = Namespace("https://w3id.org/ofsted-kg/themes#")
TRIGGER = OKGT.trigger
SCHEME_FILE = "themes.ttl"

_extra_files: list[Path] = []


@dataclass(frozen=True)
class Theme:
    iri: str
    label: str  # skos:prefLabel (English)
    top: str  # prefLabel of the top concept the theme sits under (its own label if it is one)
    triggers: tuple[str, ...]  # as written in the scheme: plain terms or /regex/


# ----------------------------------------------------------------------------------------------------
# Loading
# ----------------------------------------------------------------------------------------------------


@functools.cache
def _shipped() -> Graph:
    """The shipped scheme, parsed once."""
    from ofsted_kg import ontology

    return Graph().parse(data=ontology.read(SCHEME_FILE), format="turtle")


@functools.cache
def scheme() -> Graph:
    """The scheme in use: the shipped file plus any files given to `extra_rules`."""
    g = Graph()
    for triple in _shipped():
        g.add(triple)
    for path in _extra_files:
        g.parse(path, format="turtle")
    return g


def _label(g: Graph, node: Node) -> str:
    labels = list(g.objects(node, SKOS.prefLabel))
    for lab in labels:
        if isinstance(lab, Literal) and lab.language in ("en", None):
            return str(lab)
    if labels:
        return str(labels[0])
    return str(node).rsplit("#", 1)[-1].replace("_", " ")


def _is_top(g: Graph, node: Node) -> bool:
    return (node, SKOS.topConceptOf, None) in g or (None, SKOS.hasTopConcept, node) in g


def _broader(g: Graph, node: Node) -> list[Node]:
    up = set(g.objects(node, SKOS.broader)) | set(g.subjects(SKOS.narrower, node))
    return sorted(up, key=str)


def _top(g: Graph, node: Node) -> Node:
    """The top concept above `node` (following skos:broader), or the highest concept reached."""
    seen: set[Node] = set()
    frontier = [node]
    last = node
    while frontier:
        current = frontier.pop(0)
        if current in seen:
            continue
        seen.add(current)
        if _is_top(g, current):
            return current
        last = current
        frontier.extend(_broader(g, current))
    return last


def _themes_of(g: Graph) -> list[Theme]:
    concepts = {s for s in g.subjects(TRIGGER, None) if isinstance(s, URIRef)}
    out = []
    for c in concepts:
        triggers = tuple(sorted({str(t) for t in g.objects(c, TRIGGER)}))
        out.append(Theme(str(c), _label(g, c), _label(g, _top(g, c)), triggers))
    return sorted(out, key=lambda t: (t.top, t.label, t.iri))


@functools.cache
def _themes() -> tuple[Theme, ...]:
    return tuple(_themes_of(scheme()))


def themes() -> list[Theme]:
    """Every theme (concept with at least one trigger), ordered by top concept then label."""
    return list(_themes())


@functools.cache
def iri_by_label() -> dict[str, str]:
    """Each theme's IRI by its preferred label (the first in scheme order when two share one)."""
    out: dict[str, str] = {}
    for t in _themes():
        out.setdefault(t.label, t.iri)
    return out


def top_concepts() -> list[tuple[str, str]]:
    """(IRI, label) of the scheme's top concepts."""
    g = scheme()
    tops = {s for s in g.subjects(RDF.type, SKOS.Concept) if _is_top(g, s)}
    return sorted(((str(t), _label(g, t)) for t in tops), key=lambda x: x[1])


# ----------------------------------------------------------------------------------------------------
# Triggers
# ----------------------------------------------------------------------------------------------------


def is_regex(trigger: str) -> bool:
    return len(trigger) > 2 and trigger.startswith("/") and trigger.endswith("/")


def _term_pattern(term: str) -> str:
    """A plain term as a regex: whole words, any run of spaces, any apostrophe, optional plural."""
    words = term.strip().split()
    if not words:
        raise ValueError("empty trigger")
    parts = [re.sub("['’]", "['’]", re.escape(w)) for w in words]
    body = r"\s+".join(parts)
    last = words[-1]
    if last[-1].isalpha():
        body += "(?:es)?" if re.search(r"(?:s|x|z|ch|sh)$", last, re.IGNORECASE) else "s?"
    start = r"\b" if re.match(r"\w", words[0][0]) else ""
    end = r"\b" if re.match(r"\w", last[-1]) else ""
    return start + body + end


def compile_trigger(trigger: str) -> re.Pattern[str]:
    """The compiled form of one trigger; raises ValueError naming it if it is not a valid pattern."""
    source = trigger[1:-1] if is_regex(trigger) else _term_pattern(trigger)
    try:
        return re.compile(source, re.IGNORECASE)
    except re.error as e:
        raise ValueError(f"bad theme trigger {trigger!r}: {e}") from e


# Characters that Python's case-insensitive matching equates with an ASCII letter but whose lower()
# is not that letter: folded before the substring prefilter so that it never rules out a real match.
_FOLD = str.maketrans({"ſ": "s", "ı": "i", "İ": "i", "K": "k"})


def _fold(text: str) -> str:
    return text.translate(_FOLD).lower()


def _literal_runs(items: Any) -> list[tuple[str, ...]]:
    """Necessary conditions of a parsed pattern: each entry is a set of lowercase ASCII strings of
    which at least one occurs in every text the pattern matches (alternatives come from a branch)."""
    from re import _constants as c  # type: ignore[attr-defined]

    found: list[tuple[str, ...]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            found.append(("".join(run).lower(),))
            run.clear()

    for op, av in items:
        if op is c.LITERAL and av < 128:
            run.append(chr(av))
            continue
        close()
        if op is c.SUBPATTERN:
            found.extend(_literal_runs(av[-1]))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            found.extend(_literal_runs(av[2]))
        elif op is c.BRANCH:
            options: list[str] = []
            for alt in av[1]:
                best = max((r for r in _literal_runs(alt) if len(r) == 1), key=lambda r: len(r[0]), default=None)
                if best is None:
                    break  # one alternative has no necessary literal: the branch gives no condition
                options.append(best[0])
            else:
                found.append(tuple(options))
    close()
    return found


def required_conditions(pattern: re.Pattern[str]) -> list[tuple[str, ...]] | None:
    """Every condition that can be read off `pattern`: each a tuple of lowercase strings of which one
    must occur (case-folded) in any text the pattern matches. Strings shorter than three characters
    make poor tests and are left out; None when the pattern cannot be read (it must then be tried)."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        conditions = _literal_runs(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # an exotic construct: no prefilter, the pattern itself decides
        return None
    return [opts for opts in conditions if min(len(o) for o in opts) >= 3]


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The most selective of `required_conditions`; None when there is none."""
    return _most_selective(required_conditions(pattern) or [])


def _most_selective(conditions: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The condition whose shortest option is longest (None for no conditions)."""
    return max(conditions, key=lambda opts: min(len(o) for o in opts), default=None)


@dataclass(frozen=True)
class _Rules:
    """The scheme's triggers compiled, with what each needs and an index to find them by.

    A trigger's regular expression runs only when its text contains, case-folded, one option of each
    of its conditions. The index goes from the first three characters of an option of each trigger's
    most selective condition to (option, triggers): the three-character pieces of a finding then name
    the few options worth a substring test.
    """

    triggers: tuple[tuple[int, re.Pattern[str]], ...]  # (theme order, pattern)
    conditions: tuple[tuple[tuple[str, ...], ...], ...]  # per trigger: all necessary conditions
    by_gram: dict[str, tuple[tuple[str, tuple[int, ...]], ...]]  # 3 characters -> (option, triggers)
    always: tuple[int, ...]  # triggers with no readable condition: always tried


@functools.cache
def _compiled() -> tuple[tuple[Theme, ...], _Rules]:
    themes = _themes()
    triggers: list[tuple[int, re.Pattern[str]]] = []
    conditions: list[tuple[tuple[str, ...], ...]] = []
    by_literal: dict[str, list[int]] = {}
    always: list[int] = []
    for order, t in enumerate(themes):
        for x in t.triggers:
            p = compile_trigger(x)
            index = len(triggers)
            triggers.append((order, p))
            needs = required_conditions(p) or []
            conditions.append(tuple(needs))
            best = _most_selective(needs)
            if best is None:
                always.append(index)
            for lit in best or ():
                by_literal.setdefault(lit, []).append(index)
    by_gram: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    for lit, ids in by_literal.items():
        by_gram.setdefault(lit[:3], []).append((lit, tuple(ids)))
    rules = _Rules(tuple(triggers), tuple(conditions), {k: tuple(v) for k, v in by_gram.items()}, tuple(always))
    return themes, rules


# ----------------------------------------------------------------------------------------------------
# Assigning
# ----------------------------------------------------------------------------------------------------


def candidate_triggers(text: str) -> list[int]:
    """Indexes of the triggers that may match `text` (in trigger order): the others cannot."""
    _, rules = _compiled()
    folded = _fold(text)
    # substring tests rule out most triggers before any (much slower) regular expression runs
    grams = {folded[i:i + 3] for i in range(len(folded) - 2)}
    candidates = set(rules.always)
    for gram in grams.intersection(rules.by_gram):
        for lit, ids in rules.by_gram[gram]:
            if lit in folded:
                candidates.update(ids)
    return [i for i in sorted(candidates)
            if all(any(o in folded for o in opts) for opts in rules.conditions[i])]


def assign_themes(text: str, limit: int = 3) -> list[tuple[Theme, str]]:
    """The themes whose triggers occur in `text`, each with the words of its first match.

    Ranked by the number of different triggers of the theme that matched, then by the position of its
    first match (then by scheme order); at most `limit` themes.
    """
    if limit <= 0 or not text:
        return []
    themes, rules = _compiled()
    hits: dict[int, int] = {}
    first: dict[int, tuple[int, str]] = {}
    for index in candidate_triggers(text):  # trigger order: ties keep the earlier trigger, as documented
        order, p = rules.triggers[index]
        m = p.search(text)
        if m is None:
            continue
        hits[order] = hits.get(order, 0) + 1
        if order not in first or m.start() < first[order][0]:
            first[order] = (m.start(), m.group(0))
    ranked = sorted((-hits[o], first[o][0], o) for o in hits)
    return [(themes[o], first[o][1]) for _, _, o in ranked[:limit]]


def has_extra_rules() -> bool:
    """Whether a user's rules file (`extra_rules`) is merged into the scheme in use."""
    return bool(_extra_files)


# ----------------------------------------------------------------------------------------------------
# User rules
# ----------------------------------------------------------------------------------------------------


def _clear() -> None:
    scheme.cache_clear()
    _themes.cache_clear()
    _compiled.cache_clear()
    iri_by_label.cache_clear()


def extra_rules(path: str | Path) -> list[Theme]:
    """Merge a user's Turtle file of concepts and triggers into the scheme in use.

    The file has the shape of ontology/themes.ttl: new skos:Concepts with a prefLabel, skos:broader a
    concept of the scheme and okgt:trigger values, or extra okgt:trigger values on existing concepts.
    Every trigger is checked first (ValueError names a bad one; nothing is merged). Returns the themes
    the file adds to or changes, as merged.
    """
    p = Path(path)
    extra = Graph().parse(p, format="turtle")
    for trigger in extra.objects(None, TRIGGER):
        compile_trigger(str(trigger))
    touched = {str(s) for s in extra.subjects(TRIGGER, None)}
    if p.resolve() not in [f.resolve() for f in _extra_files]:
        _extra_files.append(p)
    _clear()
    return [t for t in themes() if t.iri in touched]


def reset_rules() -> None:
    """Forget the files given to `extra_rules`: back to the shipped scheme."""
    _extra_files.clear()
    _clear()


# ----------------------------------------------------------------------------------------------------
# Findings by theme
# ----------------------------------------------------------------------------------------------------

UNTHEMED = "(unthemed)"  # the theme `theme_counts` gives the findings no theme rule matched


@dataclass(frozen=True)
class LetterFinding:
    """A finding, with the source of the letter or report it was read from."""

    source: str
    finding: Finding


@dataclass(frozen=True)
class ThemeCount:
    """How many findings have one theme, by polarity."""

    theme: str  # the theme's label, or UNTHEMED
    by_polarity: Counter[str]  # polarity -> findings, in the order the polarities were first met

    @property
    def findings(self) -> int:
        return sum(self.by_polarity.values())


def letter_findings(records: Iterable[LetterRecord]) -> list[LetterFinding]:
    """Every finding of `records`, in order, with its source."""
    return [LetterFinding(r.source, f) for r in records for f in r.findings]


def unthemed_findings(records: Iterable[LetterRecord]) -> list[LetterFinding]:
    """The findings of `records` that got no theme: what the scheme could grow to cover."""
    return [found for found in letter_findings(records) if not found.finding.themes]


def theme_counts(records: Iterable[LetterRecord]) -> list[ThemeCount]:
    """Findings per theme and polarity across `records`, the theme with most findings first (ties in the
    order first met). A finding counts once for each of its themes; one with none counts under UNTHEMED."""
    counts: Counter[tuple[str, str]] = Counter()
    for found in letter_findings(records):
        for theme in found.finding.themes or [UNTHEMED]:
            counts[(theme, found.finding.polarity)] += 1
    by_theme: dict[str, Counter[str]] = {}
    for (theme, polarity), n in counts.items():
        by_theme.setdefault(theme, Counter())[polarity] += n
    ordered = sorted(by_theme.items(), key=lambda kv: -sum(kv[1].values()))
    return [ThemeCount(theme, by_polarity) for theme, by_polarity in ordered]
