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
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

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


@functools.cache
def _compiled() -> tuple[tuple[Theme, re.Pattern[str], tuple[re.Pattern[str], ...]], ...]:
    """Per theme: one pattern joining all its triggers (a quick first test), and each trigger's own."""
    out = []
    for t in _themes():
        patterns = tuple(compile_trigger(x) for x in t.triggers)
        joined = re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE) if patterns else None
        out.append((t, joined or re.compile(r"(?!)"), patterns))
    return tuple(out)


# ----------------------------------------------------------------------------------------------------
# Assigning
# ----------------------------------------------------------------------------------------------------


def assign_themes(text: str, limit: int = 3) -> list[tuple[Theme, str]]:
    """The themes whose triggers occur in `text`, each with the words of its first match.

    Ranked by the number of different triggers of the theme that matched, then by the position of its
    first match (then by scheme order); at most `limit` themes.
    """
    if limit <= 0 or not text:
        return []
    ranked: list[tuple[int, int, int, Theme, str]] = []
    for order, (theme, joined, patterns) in enumerate(_compiled()):
        if joined.search(text) is None:  # most themes do not occur: one search rules them out
            continue
        hits = 0
        first: tuple[int, str] | None = None
        for p in patterns:
            m = p.search(text)
            if m is None:
                continue
            hits += 1
            if first is None or m.start() < first[0]:
                first = (m.start(), m.group(0))
        if first is not None:
            ranked.append((-hits, first[0], order, theme, first[1]))
    ranked.sort(key=lambda r: r[:3])
    return [(theme, matched) for _, _, _, theme, matched in ranked[:limit]]


# ----------------------------------------------------------------------------------------------------
# User rules
# ----------------------------------------------------------------------------------------------------


def _clear() -> None:
    scheme.cache_clear()
    _themes.cache_clear()
    _compiled.cache_clear()


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
