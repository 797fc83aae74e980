"""The judgement table of an inspection report or of its letter to children: each area's label and
grade, however PDF extraction interleaved the cells."""

from __future__ import annotations

import re

from ofsted_kg.extract.lexicon import (
    GRADE_CELL,
    REQUIRES_IMPROVEMENT,
    REQUIRES_IMPROVEMENT_RE,
    REQUIRES_IMPROVEMENT_TO_BE_GOOD,
    grade_name,
)

_grade = grade_name

# Grades as a table cell writes them: capitalised, title case or capitals (prose "good" is not one)
_GRADE_TOKEN = re.compile(
    r"Requires?\s+[Ii]mprovement(?:\s+(?i:to\s+be\s+good))?|REQUIRES\s+IMPROVEMENT(?:\s+TO\s+BE\s+GOOD)?|"
    rf"{GRADE_CELL}|"
    r"(?<![A-Za-z])(?:to\s+be\s+good|TO\s+BE\s+GOOD)\b|"
    # any case after a "Grade:" label, as an image's alternative text gives it ("Grade: good")
    r"(?:(?<=[Gg]rade:)|(?<=[Gg]rade: )|(?<=[Gg]rade:\n))"
    rf"(?i:{REQUIRES_IMPROVEMENT_RE}|outstanding|good|inadequate|adequate)\b",
)
_W = r"\s+"


def _label(*words: str) -> str:
    return _W.join(re.escape(w) for w in " ".join(words).split())


ILACS_AREAS = [
    ("The impact of leaders on social work practice with children and families",
     _label("The impact of leaders on") + r"\s+(?:social\s+work\s+)?" + _label("practice with children and families")),
    ("The experiences and progress of children who need help and protection",
     _label("The experiences and progress of children who need help and protection")),
    ("The experiences and progress of children in care and care leavers",
     _label("The experiences and progress of children in care and care leavers")),
    ("The experiences and progress of children in care",
     _label("The experiences and progress of children in care") + r"(?!\s+and\s+care)"),
    ("The experiences and progress of care leavers", _label("The experiences and progress of care leavers")),
    ("Overall effectiveness", _label("Overall effectiveness")),
]
SIF_AREAS = [
    ("1. Children who need help and protection", r"1\.?\s*" + _label("Children who need help and protection")),
    ("2. Children looked after and achieving permanence",
     r"2\.?\s*" + _label("Children looked after and achieving permanence")),
    ("2.1 Adoption performance", r"2\.1\.?\s*" + _label("Adoption performance")),
    ("2.2 Experiences and progress of care leavers",
     r"2\.2\.?\s*" + _label("Experiences and progress of care leavers")),
    # printed "1. Leadership, ..." in one report: the label, not its number, names the row
    ("3. Leadership, management and governance", r"(?:\d\.?\s*)?" + _label("Leadership, management and governance")),
]


# between a "Requires improvement" cell and a "to be good" that is not its wrapped second half: a sentence's end,
# or the prose word "improvement" just before it
_PROSE_BETWEEN = re.compile(r"[a-z]\.\s|improvement\s+$", re.I)


# genre rule: the judgement table's layouts, cells interleaved by PDF extraction; its length is the genre's (radon CC > 20)
def grade_table(text: str, a: int, b: int, areas: list[tuple[str, str]]) -> list[tuple[str, str, int, int]]:
    """Labels and grades of a judgement table whose cells PDF extraction may have interleaved."""
    block = text[a:b]
    grades: list[tuple[int, int, str]] = []
    masked = list(block)
    found: list[tuple[int, int, str]] = []
    for m in [*_INTERLEAVED_GRADE.finditer(block), *_INTERLEAVED_TAIL.finditer(block)]:
        # a "Requires / improvement to / be good" cell set beside a wrapped label: the label's lines
        # come between the grade's words
        parts = ["r", "i"] + (["t"] if m.group("t") else [])
        if not _FULL_RI.startswith(" ".join(" ".join(m.group(g) for g in parts).lower().split())):
            parts = ["r", "i"]
        for g in parts:
            masked[m.start(g):m.end(g)] = " " * (m.end(g) - m.start(g))
        phrase = " ".join(" ".join(m.group(g) for g in parts).lower().split())
        found.append((m.start(), m.end(parts[-1]), _FULL_RI if phrase == _FULL_RI else REQUIRES_IMPROVEMENT))
    for m in _GRADE_TOKEN.finditer("".join(masked)):
        masked[m.start():m.end()] = " " * (m.end() - m.start())
        found.append((m.start(), m.end(), m.group(0)))
    for start, end, tok in sorted(found):
        if _SCALE_LEGEND.match(block, end):
            continue  # "Outstanding (Grade 1) A service that ...": the scale's legend, not a grade cell
        if re.match(r"to\s+be\s+good", tok, re.I):
            # the second half of a wrapped "Requires improvement / to be good" cell, not prose after the table
            # ("... while requiring further improvement to be good, have improved")
            if grades and grades[-1][2] == REQUIRES_IMPROVEMENT and not _PROSE_BETWEEN.search(block, grades[-1][1], start):
                grades[-1] = (grades[-1][0], grades[-1][1], _FULL_RI)
            continue
        grades.append((start, end, _grade(tok)))
    masked_text = "".join(masked)
    labels = []
    for area, pattern in areas:
        hit = re.search(pattern, masked_text, re.I)
        if hit:
            labels.append((hit.start(), hit.end(), area))
    if not labels:
        return []
    labels.sort()
    paired = _pair_in_row_order(masked_text, labels, grades)
    if paired:
        return [(area, g, a + min(s, gs), a + max(e, ge)) for area, s, e, g, gs, ge in paired]
    out = []
    used: set[int] = set()
    for i, (s, e, area) in enumerate(labels):
        nxt = labels[i + 1][0] if i + 1 < len(labels) else len(block)
        # the grade is on the label's line or later, before the next label ends
        cands = [j for j, g in enumerate(grades) if j not in used and g[0] >= s and g[0] < max(nxt, e + 1)]
        if not cands:
            cands = [j for j, g in enumerate(grades) if j not in used and g[0] >= s]
        if not cands:
            continue
        j = cands[0]
        used.add(j)
        out.append((area, grades[j][2], a + s, a + max(e, grades[j][1])))
    return out


_FULL_RI = REQUIRES_IMPROVEMENT_TO_BE_GOOD
_SCALE_LEGEND = re.compile(r"[ \t]*\(Grade\s+\d\)")
_INTERLEAVED_GRADE = re.compile(
    # "Requires" then the label's line ending in "improvement", or (a cell set round a one-line label, as
    # pdftotext -layout prints it) the label's whole line, then "Improvement" on a line of its own
    r"(?P<r>\bRequires)[ \t]*\n(?:[^\n]*?\S[ \t]+|[ \t]*\S[^\n]*\n[ \t]*)"
    r"(?P<i>[Ii]mprovement(?:[ \t]+to(?:[ \t]+be)?)?)[ \t]*\n"
    r"(?:[ \t]*(?P<t>(?:to[ \t]+)?(?:be[ \t]+)?good)\b)?")
# "Requires improvement to" beside a label's first line, "be good" beside its second (pdftotext -layout)
_INTERLEAVED_TAIL = re.compile(
    r"(?P<r>\bRequires)[ \t]+(?P<i>[Ii]mprovement(?:[ \t]+to)?)[ \t]*\n[^\n]*?\S[ \t]{2,}"
    r"(?P<t>(?:to[ \t]+)?be[ \t]+good)\b")


# a header cell, or what is left of a grade-only line once its grade is blanked out: the grade alone, or
# an image's alternative text that labels it ("Grade: Good")
_TABLE_FURNITURE = re.compile(r"(?:Judgements?|Grades?|Judgement\s+areas?)?|(?:Judgement|Grade)\s*:", re.I)


def _pair_in_row_order(masked: str, labels: list[tuple[int, int, str]], grades: list[tuple[int, int, str]],
                       ) -> list[tuple[str, int, int, str, int, int]]:
    """Labels and grades paired in order when the table holds exactly one grade per label.

    A text layer keeps a table's rows in order, but not always the cells of a row: the grade may come
    after a wrapped label, glued before it ("GoodThe experiences ..."), or in a column after all the
    labels. Whatever the order, the n-th grade is the n-th label's. The table runs from the line of the
    first label (and any grade-only lines just above it) to the last label's line and the grade-only
    lines after it; `masked` has the grades blanked out. [] when the counts differ.
    """
    first_line = masked.rfind("\n", 0, labels[0][0]) + 1
    start = first_line
    while start > 0:  # grade-only (or header) lines just above the first label
        prev = masked.rfind("\n", 0, start - 1) + 1
        if _TABLE_FURNITURE.fullmatch(masked[prev:start - 1].strip()) is None:
            break
        start = prev
    end = masked.find("\n", labels[-1][1])
    end = len(masked) if end == -1 else end
    while end < len(masked):  # grade-only (or header) lines after the last label
        nxt = masked.find("\n", end + 1)
        nxt = len(masked) if nxt == -1 else nxt
        if not masked[end + 1:nxt].strip() or _TABLE_FURNITURE.fullmatch(masked[end + 1:nxt].strip()) is None:
            break
        end = nxt
    inside = [g for g in grades if start <= g[0] < end]
    if len(inside) != len(labels):
        return []
    return [(area, s, e, g[2], g[0], g[1]) for (s, e, area), g in zip(labels, inside, strict=True)]
