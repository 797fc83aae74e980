"""The words Ofsted's documents use for grades, honorifics and months, spelled once.

Field rules build their patterns from these pieces; a grade, an honorific or a month written here is
found everywhere.
"""

from __future__ import annotations

import re

# ---- grades ----------------------------------------------------------------------------------
OUTSTANDING, GOOD, ADEQUATE, INADEQUATE = "outstanding", "good", "adequate", "inadequate"
REQUIRES_IMPROVEMENT = "requires improvement"
REQUIRES_IMPROVEMENT_TO_BE_GOOD = "requires improvement to be good"  # the ILACS grade's full name
GRADES = (OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, ADEQUATE, INADEQUATE)  # the graph's grade concepts

_TO_BE_GOOD = r"(?:\s+to\s+be\s+good)?"
IMPROVEMENT_RE = rf"improvement{_TO_BE_GOOD}"  # what follows "requires" ("services require improvement")
REQUIRES_IMPROVEMENT_RE = rf"requires\s+{IMPROVEMENT_RE}"
# any grade, in prose ("judged to require improvement", "adequate" in the older frameworks)
GRADE = rf"(?:outstanding|good|requir(?:es?|ing)\s+{IMPROVEMENT_RE}|inadequate|adequate)"  # "found to be requiring improvement"
# the four grades of the single inspection framework and of ILACS
SIF_GRADE = rf"{REQUIRES_IMPROVEMENT_RE}|good|outstanding|inadequate"
# the grades of the 2009-2012 reports' tables
OLD_GRADE = "Outstanding|Good|Adequate|Inadequate"
# a grade as a table cell writes it: capitalised or in capitals ("Good", "GOOD"; prose "good" is not one)
_CELL_WORDS = (OUTSTANDING, GOOD, INADEQUATE, ADEQUATE)
GRADE_CELL = "|".join(f"{w.title()}|{w.upper()}" for w in _CELL_WORDS)


def grade_name(written: str) -> str:
    """A grade as the record names it: lower case, spaces collapsed; "Require improvement", "requiring
    improvement", "required improvement" and the bare "improvement" after "requires" all become "requires improvement"."""
    g = re.sub(r"\s+", " ", written.strip().lower())
    if g.startswith("improvement"):
        g = "requires " + g
    return re.sub(r"^(?:require|requiring|required) ", "requires ", g)


def grade_concept_name(grade: str) -> str:
    """The grade concept a grade belongs to: "requires improvement to be good" is "requires improvement"."""
    g = grade.lower().strip()
    return REQUIRES_IMPROVEMENT if g.startswith(REQUIRES_IMPROVEMENT) else g


# ---- honorifics ------------------------------------------------------------------------------
HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Cllr", "Councillor", "Sir",
              "Dame", "Rev", "Revd", "Lord", "Lady", "Baroness")
# the honorifics that open a name in an address block, a signature or a team table
NAME_HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor", "Sir", "Dame")
HONORIFIC_RE = "|".join(HONORIFICS)
NAME_HONORIFIC_RE = "|".join(NAME_HONORIFICS)

# ---- months ----------------------------------------------------------------------------------
MONTH_ALIASES = [
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"),
]
MONTHS = {m: i + 1 for i, names in enumerate(MONTH_ALIASES) for m in names}
MONTH_NAMES = tuple(names[0] for names in MONTH_ALIASES)  # "january" ... "december"
# full names first, so that "Sept" is read before "Sep"
MONTH_RE = (
    "(?:" + "|".join(n.title() for n in MONTH_NAMES)
    + "|" + "|".join(sorted((a.title() for names in MONTH_ALIASES for a in names[1:]), key=lambda a: (
        MONTHS[a.lower()], -len(a)))) + r")\."
    "?"
)

# a UK postcode ("M1 2WD", "NN15 7QX", "SW1P 3BT")
POSTCODE_RE = r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}"
