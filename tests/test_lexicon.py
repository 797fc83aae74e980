"""The vocabulary spelled once: grades, months, honorifics and the one slug (issue 20)."""

from __future__ import annotations

import re

import pytest

from ofsted_kg.extract import lexicon
from ofsted_kg.extract.names import slug
from ofsted_kg.graph.iris import Minter
from ofsted_kg.people import Mention, resolve


@pytest.mark.parametrize(("written", "name"), [
    ("Require improvement", "requires improvement"),
    ("improvement to be\ngood", "requires improvement to be good"),
    (" Good ", "good"),
    ("REQUIRES IMPROVEMENT TO BE GOOD", "requires improvement to be good"),
    ("requiring improvement to be good", "requires improvement to be good"),
    ("required improvement to be good", "requires improvement to be good"),
])
def test_grade_name(written: str, name: str) -> None:
    assert lexicon.grade_name(written) == name


def test_grade_concept_name_folds_the_ilacs_grade() -> None:
    assert lexicon.grade_concept_name("Requires improvement to be good") == "requires improvement"
    assert lexicon.grade_concept_name("adequate") == "adequate"


def test_grade_patterns_cover_every_grade() -> None:
    for g in lexicon.GRADES:
        assert re.fullmatch(lexicon.GRADE, g, re.I)
    assert re.fullmatch(lexicon.GRADE, "require improvement to be good", re.I)
    assert re.fullmatch(lexicon.GRADE_CELL, "GOOD") and not re.fullmatch(lexicon.GRADE_CELL, "good")


def test_months() -> None:
    assert lexicon.MONTHS["sept"] == 9 and lexicon.MONTH_NAMES[0] == "january"
    assert re.fullmatch(lexicon.MONTH_RE, "Sept.") and re.fullmatch(lexicon.MONTH_RE, "December")


@pytest.mark.parametrize(("text", "expected"), [
    ("Siân Jones", "sian-jones"),
    ("Bournemouth, Christchurch and Poole", "bournemouth-christchurch-and-poole"),
    ("St Helen's", "st-helens"),
    ("", "unnamed"),
])
def test_one_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_a_person_gets_one_iri_whichever_path_mints_it() -> None:
    """The resolved person's key and the graph's fallback slug agree, so "Siân Jones" is one node."""
    people = resolve([Mention("Siân Jones", "inspector", "a.txt")])
    assert people.key("Siân Jones", "inspector") == slug("Siân Jones") == "sian-jones"
    assert Minter("https://example.org/id/")("person", "sian-jones").endswith("/person/sian-jones")
