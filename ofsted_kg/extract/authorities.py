"""The gazetteer of English local authorities (ofsted_kg/data/authorities.csv) and name matching."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Authority:
    name: str
    aliases: tuple[str, ...]
    ofsted_urn: str
    dfe_code: str
    gss_code: str
    region: str
    la_type: str


# Words around an authority's name that are not part of it.
NOISE = re.compile(
    r"\b(?:metropolitan borough council|metropolitan district council|county borough council|"
    r"borough council|district council|county council|city council|council|local authority|"
    # "South Tyneside Metropolitan Borough", "the Metropolitan Borough of Wirral": the style, not the name
    r"metropolitan borough of|metropolitan borough|metropolitan district|"
    r"children'?s services|children and families services|the royal borough of|royal borough of|"
    r"the london borough of|london borough of|city and county of|county of|city of|the)\b",
    re.I,
)


def _variants(name: str) -> set[str]:
    out = {name}
    m = re.match(r"^(.*), (City|County) of$", name)
    if m:
        out |= {m.group(1), f"{m.group(2)} of {m.group(1)}"}
    if name.startswith("St. "):
        out.add("St " + name[4:])
        out.add("Saint " + name[4:])
    if name.endswith(" Borough"):
        out.add(name[: -len(" Borough")])
    if name == "Durham":
        out.add("County Durham")
    if " and " in name:
        out.add(name.replace(" and ", " & "))
    if "-" in name:
        out.add(name.replace("-", " "))
    out |= {n.replace(" Upon ", " upon ") for n in list(out)}
    return out


@cache
def gazetteer() -> tuple[Authority, ...]:
    """All authorities in the shipped table (153 current, 3 former)."""
    text = resources.files("ofsted_kg.data").joinpath("authorities.csv").read_text(encoding="utf-8")
    rows = []
    for row in csv.DictReader(text.splitlines()):
        aka = [a.strip() for a in row["also_known_as"].strip("[]").split(",") if a.strip()]
        names: set[str] = set()
        for n in [row["name"], *aka]:
            names |= _variants(n)
        rows.append(Authority(row["name"], tuple(sorted(names, key=len, reverse=True)), row["ofsted_urn"],
                              row["dfe_la_code"], row["gss_code"], row["region"], row["la_type"]))
    return tuple(rows)


@cache
def _alias_pattern() -> tuple[re.Pattern[str], dict[str, Authority]]:
    lookup: dict[str, Authority] = {}
    for a in gazetteer():
        for alias in a.aliases:
            lookup.setdefault(alias.lower(), a)
    alts = sorted(lookup, key=len, reverse=True)
    # a name may wrap onto the next line ("London Borough of Kensington / and Chelsea"), also after one
    # of its own hyphens ("Stockton-on- / Tees")
    pattern = re.compile(r"(?<![A-Za-z])(?:" + "|".join(re.escape(x).replace(r"\ ", r"\s+").replace(r"\-", r"-\s*")
                                                       for x in alts)
                         + r")(?![A-Za-z])", re.I)
    return pattern, lookup


def find_authorities(text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[Authority, int, int]]:
    """Authority names occurring in text[pos:endpos], longest alias first at each place."""
    pattern, lookup = _alias_pattern()
    out = []
    for m in pattern.finditer(text, pos, len(text) if endpos is None else endpos):
        word = m.group(0)
        # "Bristol" etc. as a capitalised proper noun only
        if not word[0].isupper():
            continue
        out.append((lookup[squash(word).lower()], m.start(), m.end()))
    return out


def squash(name: str) -> str:
    """A name as written over lines, on one line: spaces collapsed, a hyphen that ended a line rejoined
    ("Stockton-on-\nTees" is "Stockton-on-Tees")."""
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", name))


def match_authority(name: str) -> Authority | None:
    """The authority a name such as "Nottingham City Council" or "London Borough of Barnet" denotes."""
    pattern, lookup = _alias_pattern()
    exact = re.sub(r"\s+", " ", name).strip(" ,.").lower()
    if exact in lookup:  # "City of London" is a name, not noise around one
        return lookup[exact]
    light = re.sub(r"\s+", " ", re.sub(r"\b(?:council|children'?s services|local authority)\b", " ", exact)).strip(" ,.")
    if light in lookup:
        return lookup[light]
    cleaned = re.sub(r"\s+", " ", NOISE.sub(" ", name.replace("’", "'"))).strip(" ,.")
    if cleaned.lower() in lookup:
        return lookup[cleaned.lower()]
    hits = find_authorities(cleaned)
    return hits[0][0] if len(hits) == 1 else None


def clean_authority_name(name: str) -> str:
    """Drop "County Council", "London Borough of", "children's services" etc. from a name as written."""
    name = re.sub(r"\s+", " ", NOISE.sub(" ", name)).strip(" ,.'")
    # "Focused visit to Hartlepool Borough children's services": the style left at the end (a name that
    # has it, "Bedford Borough", gets it back from the gazetteer: see fields._keep_canonical)
    return re.sub(r"\s+(?:Borough|District)$", "", name, flags=re.I)
