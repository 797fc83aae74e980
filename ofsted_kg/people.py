"""One person, one identifier: resolving the people named across letters.

Inspectors are national: "Andy Waugh" in a signature, "Andrew Waugh" in a body and "A. Waugh" in
another letter are one person wherever and whenever they inspect. Directors are resolved within
their authority: two directors with the same surname in different authorities are different people.
Inspectors and directors are never merged with each other. Every merge records why, and a small CSV
file of overrides can force a merge or a split.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ofsted_kg.errors import InputError
from ofsted_kg.extract.authorities import match_authority
from ofsted_kg.extract.names import NICKNAMES, name_tokens, slug, strip_honorific
from ofsted_kg.extract.records import LetterRecord


@dataclass(frozen=True)
class Mention:
    """A person named in a letter, in one role."""

    name: str  # as written, honorific stripped
    role: str  # "inspector" or "director"
    letter: str  # source path (or letter IRI)
    date: str | None = None  # the letter's date (or the visit's)
    authority: str | None = None  # canonical authority name, for directors
    title: str | None = None

    @property
    def tokens(self) -> tuple[str, ...]:
        return name_tokens(self.name)

    @property
    def surname(self) -> str:
        return self.tokens[-1] if self.tokens else ""

    @property
    def first(self) -> str:
        toks = self.tokens
        return NICKNAMES.get(toks[0], toks[0]) if len(toks) > 1 else ""

    @property
    def is_initial(self) -> bool:
        return len(self.first) == 1


@dataclass
class Person:
    """A resolved person: the mentions merged into them and why."""

    key: str  # stable slug used in the person's IRI
    role: str
    preferred_name: str
    authority: str | None = None
    variants: Counter[str] = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def first_seen(self) -> str | None:
        dates = sorted(m.date for m in self.mentions if m.date)
        return dates[0] if dates else None

    @property
    def last_seen(self) -> str | None:
        dates = sorted(m.date for m in self.mentions if m.date)
        return dates[-1] if dates else None

    @property
    def interim(self) -> bool:
        return any(m.title and re.search(r"\b(?:interim|acting)\b", m.title, re.I) for m in self.mentions)

    @property
    def letters(self) -> list[str]:
        """The letters that name this person, sorted, each once."""
        return sorted({m.letter for m in self.mentions})


@dataclass
class Override:
    name: str
    role: str | None
    authority: str | None
    person: str  # the key to use


def load_overrides(path: str | Path) -> list[Override]:
    """Read a CSV with columns name, role (optional), authority (optional), person.

    Every mention whose name (and role/authority, when given) matches a row is given that row's
    `person` key: the same key on two rows merges, a new key splits.
    """
    p = Path(path)
    try:
        rows = list(csv.DictReader(p.read_text(encoding="utf-8").splitlines()))
    except OSError as e:
        raise InputError(str(p), f"cannot be read ({e.strerror or e})") from None
    if rows and not {"name", "person"} <= set(rows[0]):
        raise InputError(str(p), "needs the columns name and person (role and authority are optional)")
    return [Override(r["name"].strip(), (r.get("role") or "").strip() or None,
                     (r.get("authority") or "").strip() or None, slug(r["person"])) for r in rows if r.get("name")]


def mentions_of(rec: LetterRecord) -> list[Mention]:
    """The people a letter names, in their roles."""
    date = rec.letter_date or rec.visit_start
    out = [Mention(n, "inspector", rec.source, date) for n in rec.inspectors]
    if rec.signatory:
        out.append(Mention(rec.signatory, "inspector", rec.source, date))
    if rec.recipient and rec.recipient.name:
        auth = match_authority(rec.authority) if rec.authority else None
        out.append(Mention(strip_honorific(rec.recipient.name)[0], "director", rec.source, date,
                           auth.name if auth else rec.authority, rec.recipient.title))
    return out


def _compatible(a: Mention, b: Mention) -> bool:
    if a.surname != b.surname or not a.first or not b.first:
        return False
    if a.first == b.first:
        return True
    return (a.is_initial and b.first.startswith(a.first)) or (b.is_initial and a.first.startswith(b.first))


def _preferred(variants: Counter[str]) -> str:
    """The fullest formal form: no initial, the formal first name over a nickname, accents as printed
    ("Máire" over a copy that lost them), then the most used."""

    def score(name: str) -> tuple[int, int, int, int, int]:
        toks = name_tokens(name)
        first = toks[0] if toks else ""
        formal = NICKNAMES.get(first, first) == first
        accented = not name.isascii()
        return (len(first) > 1, formal, accented, variants[name], len(name))

    return max(variants, key=score)


class Resolution:
    """The people of a corpus, and the person each mention belongs to."""

    def __init__(self, people: list[Person]) -> None:
        self.people = people
        self._by_mention: dict[tuple[str, str, str | None], Person] = {}
        for p in people:
            for m in p.mentions:
                self._by_mention[(m.name, m.role, m.authority)] = p

    def person(self, name: str, role: str, authority: str | None = None) -> Person | None:
        name = strip_honorific(name)[0]
        return self._by_mention.get((name, role, authority if role == "director" else None))

    def key(self, name: str, role: str, authority: str | None = None) -> str:
        p = self.person(name, role, authority)
        return p.key if p else slug(strip_honorific(name)[0])


def resolve(mentions: Iterable[Mention], overrides: Iterable[Override] = (),
            pinned: Mapping[tuple[str, str, str | None], str] | None = None) -> Resolution:
    """Cluster mentions into people (see the module docstring for the rules).

    `pinned` maps (name, role, authority) of people already published (e.g. in a store) to their keys:
    a cluster holding such a name keeps that key, so identifiers never change under a user's feet.
    """
    pinned = pinned or {}
    mentions = [m if m.role == "director" else Mention(m.name, m.role, m.letter, m.date, None, m.title)
                for m in mentions if m.tokens]
    people, free = _overridden(mentions, list(overrides))
    groups: dict[tuple[str, str | None, str], list[Mention]] = defaultdict(list)
    for m in free:
        groups[(m.role, m.authority if m.role == "director" else None, m.surname)].append(m)
    for (role, authority, _surname), ms in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or "", kv[0][2])):
        people += [_person(c, role, authority, pinned) for c in _clusters(ms)]
    _number_shared_keys(people)
    return Resolution(people)


def _overridden(mentions: list[Mention], overrides: list[Override]) -> tuple[list[Person], list[Mention]]:
    """The people the override rows make, and the mentions no row matched."""
    forced: dict[str, list[Mention]] = defaultdict(list)
    free: list[Mention] = []
    for m in mentions:
        o = next((o for o in overrides if o.name.lower() == m.name.lower() and (o.role in (None, m.role))
                  and (o.authority is None or (m.authority or "").lower() == o.authority.lower())), None)
        if o:
            forced[o.person].append(m)
        else:
            free.append(m)
    people: list[Person] = []
    for key, ms in forced.items():
        p = Person(key, ms[0].role, "", ms[0].authority, Counter(m.name for m in ms), ms,
                   [f"override file assigns {sorted({m.name for m in ms})} to {key}"])
        p.preferred_name = _preferred(p.variants)
        people.append(p)
    return people, free


def _clusters(ms: list[Mention]) -> list[list[Mention]]:
    """The mentions of one surname (in one role, and one authority for directors) grouped into people."""
    # cluster the distinct names (full first names first, then initials); every mention of a name
    # goes where its name went, so the work grows with the names, not with the letters
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for m in ms:
        by_name[m.name].append(m)
    named: list[list[Mention]] = []  # clusters, as one representative mention per distinct name
    for m in sorted((v[0] for v in by_name.values()), key=lambda m: (m.is_initial, m.name)):
        if m.is_initial:
            hits = [c for c in named if any(_compatible(m, x) for x in c)]
            if len(hits) == 1:
                hits[0].append(m)
                continue
        else:
            hit = next((c for c in named if any(not x.is_initial and x.first == m.first for x in c)), None)
            if hit:
                hit.append(m)
                continue
        named.append([m])
    return [[x for rep in c for x in by_name[rep.name]] for c in named]


def _person(c: list[Mention], role: str, authority: str | None,
            pinned: Mapping[tuple[str, str, str | None], str]) -> Person:
    """The person of one cluster: its preferred name, its key (a published one kept) and why."""
    variants = Counter(m.name for m in c)
    preferred = _preferred(variants)
    reasons = _reasons(c, role, authority)
    key = slug(preferred) + (f"-{slug(authority)}" if role == "director" and authority else "")
    kept = next((pinned[(m.name, m.role, m.authority)] for m in c if (m.name, m.role, m.authority) in pinned), None)
    if kept:
        key = kept
        reasons.append(f"keeps its published identifier {kept}")
    return Person(key, role, preferred, authority, variants, c, reasons)


def _number_shared_keys(people: list[Person]) -> None:
    """Keys must be unique: the second of two people with one key (e.g. an ambiguous initial) gets -2."""
    seen: Counter[str] = Counter()
    for p in people:
        seen[p.key] += 1
        if seen[p.key] > 1:
            p.key = f"{p.key}-{seen[p.key]}"
            p.reasons.append(f"a different person shares the name; numbered {seen[p.key]}")


def _reasons(cluster: list[Mention], role: str, authority: str | None) -> list[str]:
    names = sorted({m.name for m in cluster})
    if len(names) == 1:
        reasons = [f"same name in {len({m.letter for m in cluster})} letter(s)"]
    else:
        reasons = []
        firsts = {m.tokens[0] for m in cluster}
        if any(len(f.rstrip(".")) == 1 for f in firsts):
            reasons.append("an initial matches the only full first name with this surname")
        if any(NICKNAMES.get(f, f) != f for f in firsts if len(f) > 1):
            reasons.append("a short form of the first name (" + ", ".join(
                sorted(f"{f}={NICKNAMES[f]}" for f in firsts if f in NICKNAMES)) + ")")
        reasons.append(f"same surname; merged {', '.join(names)}")
    if role == "director" and authority:
        reasons.append(f"directors are resolved within one authority ({authority})")
    return reasons


def resolve_records(records: Iterable[LetterRecord], overrides: Iterable[Override] = (),
                    known: Iterable[Mention] = (), pinned: Mapping[tuple[str, str, str | None], str] | None = None
                    ) -> Resolution:
    """Resolve the people of `records`, together with `known` mentions (e.g. names already in a store)."""
    return resolve([*known, *(m for r in records for m in mentions_of(r))], overrides, pinned)


def people_in(records: Iterable[LetterRecord], overrides: Iterable[Override] = (), role: str | None = None
              ) -> list[Person]:
    """The people `records` name, each once with the name variants merged into them and why, sorted by
    role, surname and name; only those of `role` ("inspector" or "director") when it is given."""
    found = [p for p in resolve_records(records, overrides).people if role in (None, p.role)]
    found.sort(key=lambda p: (p.role, p.preferred_name.split()[-1], p.preferred_name))
    return found
