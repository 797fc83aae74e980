"""Inspection teams: the role and inspectorate of each inspector a letter or report names.

Single-inspectorate letters say a role beside each name ("Steve Lowe, Her Majesty's Inspector",
"Jo Smith HMI (lead inspector)"). Joint letters are signed by one person for each inspectorate, in
blocks that PDF text layers give as a name line and a title line, sometimes under header lines that
name two inspectorates side by side ("Ofsted Care Quality Commission"): the header's inspectorates are
taken by the blocks that follow, in order, unless a block's title names its own.
"""

from __future__ import annotations

import re
from typing import Any

from ofsted_kg.extract.lexicon import NAME_HONORIFIC_RE
from ofsted_kg.extract.names import find_names, strip_honorific

# (organisation, pattern); the order is the order of precedence when a line names several
INSPECTORATES: list[tuple[str, re.Pattern[str]]] = [
    ("CQC", re.compile(r"Care Quality Commission|\bCQC\b|Health Care", re.I)),
    ("HMICFRS", re.compile(r"Constabulary|\bHMICF?R?S\b|Fire (?:&|and) Rescue", re.I)),
    ("HMI Probation", re.compile(r"Probation|\bHMI ?Prob?\b|\bHMIP\b", re.I)),
    ("Estyn", re.compile(r"\bEstyn\b")),
    ("Ofsted", re.compile(r"\bOfsted\b|Social Care\b|Regulation and Social Care", re.I)),
]

ROLE_AFTER = re.compile(
    r"[,\s(]*(?:the\s+)?(?P<role>(?:Senior\s+|Regional\s+)?(?:Her|His)\s+Majesty'?s\s+Inspector(?!\s+of)|"
    r"Senior\s+HMI|HMI|(?:Senior\s+|Regulatory\s+)?Ofsted\s+Inspector|Social\s+Care\s+Regulatory\s+Inspector|"
    r"(?:the\s+)?lead\s+inspector|team\s+inspector|Children's\s+Services\s+Inspector|"
    r"Regulatory\s+Inspection\s+Manager)"
    r"(?:\s*\(?(?P<lead>lead(?: inspector)?)\)?)?", re.I)
# a word that makes a signature cell a signer's title
_TITLE_WORD = re.compile(r"\b(?:Director|Inspector|Chief|Commissioner|Manager|Head)\b")
ROLE_BEFORE = re.compile(
    r"(?P<role>lead inspector|team inspectors?|deputy lead inspector|shadow inspectors?|"
    r"(?:Her|His) Majesty's Inspectors?|Ofsted Inspectors?|Senior HMI|HMI)[:\s,]*(?:was|were|is)?\s*$", re.I)


def inspectorates_in(line: str) -> list[tuple[int, str]]:
    """(position, organisation) of each inspectorate a line names, in order."""
    hits: dict[int, str] = {}  # by position: an earlier inspectorate in INSPECTORATES takes precedence
    for org, pat in INSPECTORATES:
        for m in pat.finditer(line):
            hits.setdefault(m.start(), org)
    out: list[tuple[int, str]] = []
    for pos, org in sorted(hits.items()):
        if not out or out[-1][1] != org:
            out.append((pos, org))
    return out


def role_near(text: str, x: int, y: int) -> str | None:
    """The role a document gives a name at text[x:y]: just after it, or in a label just before it."""
    m = ROLE_AFTER.match(text, y, min(len(text), y + 90))
    if m:
        role = re.sub(r"\s+", " ", m.group("role"))
        if m.group("lead"):
            role += " (lead inspector)"
        return role
    before = text[max(0, x - 60):x]
    m = ROLE_BEFORE.search(before)
    if m and "\n\n" not in before[m.start():]:
        role = re.sub(r"\s+", " ", m.group("role"))
        return role[:-1] if role.lower().endswith("inspectors") else role  # one of "Team inspectors: A, B"
    return None


# genre rule: the signature blocks of joint letters (names, roles, inspectorates); its length is the genre's (radon CC > 20)
def joint_signatories(text: str, line_spans: list[tuple[int, int]]) -> list[tuple[str, int, int, str | None, str | None]]:
    """The people who sign a joint letter: (name, start, end, role, organisation) in order.

    `line_spans` are the non-empty lines after "Yours sincerely", up to the copy list or the letter's end.
    Blocks set side by side keep a gap of two or more spaces between their columns.
    """
    pending: list[str] = []  # inspectorates named by header lines, waiting for their blocks
    # Two layouts: inspectorates named in header lines above the blocks ("Ofsted   Care Quality
    # Commission", then two blocks), or each block's last line naming its own (name, title, "Ofsted").
    headers_first = _headers_first(text, line_spans)
    blocks: list[list[Any]] = []  # [name, start, end, role, organisation]
    open_blocks: list[int] = []  # the blocks whose title and inspectorate lines may follow
    # a converter may double-space the blocks (a blank line after every line): then one blank line
    # between two lines is no gap
    gaps = [text.count("\n", b, a) for (_, b), (a, _) in zip(line_spans, line_spans[1:], strict=False)]
    gap = min(gaps[:6], default=1)
    # double-spaced blocks set side by side come out one cell a line, row after row: names on lines of
    # their own one after the other, then their titles in the same turn
    turn, names_before = 0, False
    columns: dict[int, int] = {}  # block -> where its column starts in its name's line
    prev_end = -1
    last: int | None = None  # the block the last single cell went to
    for a, b in line_spans:
        breaks = text.count("\n", prev_end, a) if prev_end >= 0 else 0
        adjacent = prev_end >= 0 and breaks <= gap
        prev_end = b
        joined = _names_then_titles(text, a, b)
        if joined:  # blocks whose lines were joined: "Jo Bloggs OBE Chief Inspector of Probation"
            open_blocks, turn, names_before, last = _add_joined(blocks, columns, joined, a, headers_first), 0, False, None
            continue
        if gap > 1 and breaks == 1 and last is not None and blocks[last][3]:
            blocks[last][3] += " " + text[a:b].strip()  # a title wrapped onto a line, in a double-spaced block
            continue
        cells = _two_names_in_one_cell(text, [(a + m.start(), a + m.end()) for m in re.finditer(r"\S+(?: \S+)*", text[a:b])])
        people = [_name_cell(text, x, y) for x, y in cells]
        if len(cells) > 1 and any(people) and not all(people) and gap == 1:
            # columns set off by a row (pdftotext -layout): "Her Majesty's Inspector of Constabulary   Helen
            # Davies", a name in one column beside the title of the block above in the other
            open_blocks, turn, names_before, last = [], 0, False, None
            for (x, y), person in zip(cells, people, strict=True):
                column = x - a
                if person:
                    blocks.append([person[0], person[1], person[2], None, None])
                    columns[len(blocks) - 1] = column
                    open_blocks.append(len(blocks) - 1)  # its title is on the lines below
                elif columns:
                    k = min(columns, key=lambda i: (abs(columns[i] - column), -i))
                    _fill(blocks[k], text[x:y].strip(" ,"), headers_first)
            continue
        if people and all(people):
            if not (gap > 1 and adjacent and names_before):
                open_blocks = []
            for (x, _), person in zip(cells, people, strict=True):
                assert person is not None
                blocks.append([person[0], person[1], person[2], None, None])
                open_blocks.append(len(blocks) - 1)
                columns[len(blocks) - 1] = x - a
            turn, names_before, last = 0, True, None
            continue
        names_before = False
        if open_blocks and adjacent and len(cells) <= len(open_blocks):
            targets = open_blocks
            if gap > 1 and len(cells) == 1:
                targets, turn = [open_blocks[turn % len(open_blocks)]], turn + 1
            for k, (x, y) in zip(targets, cells, strict=False):
                if not _fill(blocks[k], text[x:y].strip(" ,"), headers_first):
                    break  # a header line for the blocks below
            else:
                single = gap > 1 and len(targets) == 1
                last = targets[0] if single and blocks[targets[0]][3] == text[x:y].strip(" ,") else None
                continue
        open_blocks, last = [], None
        line = text[a:b]
        if not re.search(r"\b(?:Director|Inspector of|Chief|Commissioner|Manager)\b", line):
            pending.extend(o for _, o in inspectorates_in(line))
    for blk in blocks:  # an inspectorate a block names for itself is not waiting for another block
        if blk[4] in pending:
            pending.remove(blk[4])
    for blk in blocks:
        if blk[4] is None and pending:
            blk[4] = pending.pop(0)
    return [(n, x, y, r, o) for n, x, y, r, o in blocks]


def _add_joined(blocks: list[list[Any]], columns: dict[int, int], joined: list[tuple[str, int, int, str]],
                line_start: int, headers_first: bool) -> list[int]:
    """Add the signers of a line of joined blocks; the last one's block stays open for the lines below."""
    for name, x, y, title in joined:
        blocks.append([name, x, y, None, None])
        _fill(blocks[-1], title, headers_first)
        columns[len(blocks) - 1] = x - line_start
    return [len(blocks) - 1]


def _fill(block: list[Any], cell: str, headers_first: bool) -> bool:
    """Give a signer's block its title or inspectorate from a cell below its name; False when the cell
    is a header line naming the inspectorates of the blocks below."""
    orgs = [o for _, o in inspectorates_in(cell)]
    titled = _TITLE_WORD.search(cell)
    if headers_first and block[3] is not None and not titled:
        return False
    if block[3] is None or not titled:
        if titled or not orgs or block[3] is None:
            block[3] = block[3] or cell
        if orgs:
            block[4] = orgs[-1]
    elif orgs and block[4] is None:
        block[4] = orgs[-1]
    return True


def _headers_first(text: str, line_spans: list[tuple[int, int]]) -> bool:
    """Does a line naming an inspectorate come before the first signer's name?"""
    for a, b in line_spans:
        line = text[a:b]
        if _name_cell(text, a, a + len(line.split("  ")[0])):
            return False
        if inspectorates_in(line):
            return True
    return False


_TWO_NAMES = re.compile(r"((?:[A-Z][\w'’-]+ ){1}[A-Z][\w'’-]+) ([A-Z][\w'’-]+ [A-Z][\w'’-]+)")
# a first and last name whose space a text layer lost ("YvetteStanley"); not "McDonald"
_GLUED = r"(?!Mc|Mac)[A-Z][a-z]{2,}[A-Z][a-z]{2,}"
_GLUED_THEN_NAME = re.compile(rf"({_GLUED}) ([A-Z][\w'’-]+ [A-Z][\w'’-]+)")


def _two_names_in_one_cell(text: str, cells: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two signers side by side whose column gap a converter printed as one space ("Yvette Stanley Ursula
    Gallagher"): a lone cell of four name words, each half a name, is two cells."""
    if len(cells) != 1:
        return cells
    x, y = cells[0]
    # "YvetteStanley Ursula Gallagher": the first name's own space lost too
    m = _TWO_NAMES.fullmatch(text, x, y) or _GLUED_THEN_NAME.fullmatch(text, x, y)
    if not m or not _name_cell(text, m.start(1), m.end(1)) or not _name_cell(text, m.start(2), m.end(2)):
        return cells
    return [(m.start(1), m.end(1)), (m.start(2), m.end(2))]


def _name_cell(text: str, x: int, y: int) -> tuple[str, int, int] | None:
    """The person a cell of a signature block names, when the cell holds nothing else."""
    cell = text[x:y]
    if re.fullmatch(_GLUED, cell.strip()):  # "YvetteStanley": a text layer that lost the space
        return " ".join(re.split(r"(?<=[a-z])(?=[A-Z])", cell.strip())), x, y
    lead = _leading_name(cell)
    if lead is None or not _only_name(cell, lead[2]):
        return None
    return lead[0], x + lead[1], x + lead[2]


def _leading_name(cell: str) -> tuple[str, int, int] | None:
    """The name `cell` starts with, after any honorific (dropped), and where it sits in `cell`; None when
    the cell starts with something else or the name is a scrawl."""
    names = find_names(cell)
    hon = re.match(rf"(?:(?:{NAME_HONORIFIC_RE})\.?\s+)", cell)
    if not names or names[0][1] > (hon.end() if hon else 0) + 1:
        return None
    name, p, q = names[0]
    plain = strip_honorific(name)[0]
    return None if _scrawl(plain) else (plain, p, q)


_POST_NOMINALS = re.compile(r"(?:[,\s]+(?:[A-Z]{2,5}|[A-Z][a-z]?[A-Z][a-z]?|[BM]Sc|PhD))*[,\s]+")


# where a title that names its inspectorate ends and a second signer's joined block starts, on one line
_TITLE_ENDS = re.compile(r",\s*(?:Ofsted|Care Quality Commission|CQC|HMICFRS|HMI Probation)(?=\s+[A-Z])")


def _names_then_titles(text: str, a: int, b: int) -> list[tuple[str, int, int, str]]:
    """The signers of a line holding one or more joined blocks, each "Name [post-nominals] Title"; the
    blocks of two signers set side by side may share the line ("Yvette Stanley National Director, Ofsted
    Rosie Benneyworth Chief Inspector ..., Care Quality Commission")."""
    first = _name_then_title(text, a, b)
    if first is None:
        return []
    for m in _TITLE_ENDS.finditer(text, first[2], b):
        rest = _names_then_titles(text, m.end() + 1, b)
        if rest:
            title = text[text.index(first[3], first[2]):m.end()]
            return [(first[0], first[1], first[2], title), *rest]
    return [first]


def _name_then_title(text: str, a: int, b: int) -> tuple[str, int, int, str] | None:
    """(name, start, end, title) of a signature line that holds a signer's name and, after any
    post-nominals, their title: a block whose lines a converter joined into one."""
    line = text[a:b]
    skip = len(line) - len(line.lstrip())
    lead = _leading_name(line[skip:])
    if lead is None:
        return None
    name, p, q = lead[0], lead[1] + skip, lead[2] + skip
    tail = _POST_NOMINALS.match(line, q)
    title = line[tail.end():].strip(" ,") if tail else ""
    if not title or not title[0].isupper() or not _TITLE_WORD.search(title):
        return None
    return name, a + p, a + q, title


def _scrawl(name: str) -> bool:
    """A handwritten signature read by OCR, not a printed name: a word of three letters or more with no
    vowel ("Ak Crt U. Catlodnss"), or a bare initial first ("L Onan")."""
    words = name.split()
    return bool(re.fullmatch(r"[A-Z]", words[0])) or any(
        len(w) >= 3 and w.isalpha() and not re.search(r"[aeiouyAEIOUY]", w) for w in words)


def _only_name(line: str, end: int) -> bool:
    """Nothing but post-nominals ("OBE QPM", "BSc MB ChB") after the name on its line."""
    rest = line[end:].strip(" ,")
    return not rest or bool(re.fullmatch(r"(?:[A-Z][A-Za-z]{0,4}\.?[\s,]*)+", rest))


# A SIF report's closing list: "Lead inspector: …", "Deputy lead inspector: …", "Team inspectors: A, B
# HMI, C", "Shadow inspectors: …", then analysts and managers, who are not inspectors of the visit.
TEAM_LABEL = re.compile(
    r"^[ \t]*(?P<label>(?:Deputy )?lead inspectors?|team inspectors?|shadow inspectors?|"
    r"(?:senior )?data analysts?|(?:senior )?(?:quality assurance|QA) managers?|analysts?|"
    r"inspection support|regulatory inspection managers?)[ \t]*(?:\([^)\n]{0,60}\))?[ \t]*:", re.I | re.M)
_INSPECTING = re.compile(r"lead inspector|team inspector|shadow inspector", re.I)
_SUFFIX = re.compile(
    r"\s*(?:\((?:Contracted|Associate|Additional|Seconded)[^)]*\)|,?\s*(?:Acting\s+)?Senior\s+HMI|"
    r",?\s*\b(?:HMI|S?HMI|AI|SCRI|OI|SHMI)\b|\(\s*(?:S?HMI|AI|SCRI|OI)\s*\)|,?\s*(?:Her|His)\s+Majesty's\s+Inspector|,?\s*Ofsted\s+Inspector)+\s*$",
    re.I)


def team_list(text: str, start: int, end: int) -> list[tuple[str, int, int, str]]:
    """The inspectors of a report's closing team list: (name, start, end, role), lead first.

    Empty when the report has no list with a team or deputy lead label (ILACS reports name only the
    lead inspector).
    """
    labels = list(TEAM_LABEL.finditer(text, start, end))
    if not any(re.match(r"(?:deputy lead|team|shadow)", m.group("label").strip(), re.I) for m in labels):
        return []
    # the list is the run of labels around the first team/deputy label
    first = next(i for i, m in enumerate(labels) if re.match(r"(?:deputy lead|team|shadow)",
                                                              m.group("label").strip(), re.I))
    run = [labels[first]]
    k = first - 1
    while k >= 0 and labels[k + 1].start() - labels[k].end() < 400:
        run.insert(0, labels[k])
        k -= 1
    k = first + 1
    while k < len(labels) and labels[k].start() - run[-1].end() < 400:
        run.append(labels[k])
        k += 1
    out: list[tuple[str, int, int, str]] = []
    for i, m in enumerate(run):
        label = re.sub(r"\s+", " ", m.group("label").strip()).lower()
        if not _INSPECTING.search(label):
            continue
        stop = run[i + 1].start() if i + 1 < len(run) else end
        blank = re.search(r"\n[ \t]*\n|\f", text[m.end():stop])
        stop = m.end() + blank.start() if blank else stop
        role = "lead inspector" if label.startswith("lead") else re.sub(r"s$", "", label)
        for name, a, b in _names_in_list(text, m.end(), stop):
            out.append((name, a, b, role))
    return out


def _names_in_list(text: str, a: int, b: int) -> list[tuple[str, int, int]]:
    """Comma- or "and"-separated names, each maybe followed by a suffix ("HMI", "Acting Senior HMI")."""
    out = []
    for m in re.finditer(r"[^,;]+", text[a:b]):
        for part in re.split(r"\s+and\s+|\s*&\s*", m.group(0)):
            raw = part.strip(" .\n\t")
            if not raw:
                continue
            bare = _SUFFIX.sub("", raw).strip(" .")
            bare = re.sub(r"\s+", " ", re.sub(r"(?<=[a-z])-\s*\n\s*(?=[A-Z])", "-", bare))  # "Porter-" / "Moore"
            name, _ = strip_honorific(bare)
            if len(name.split()) < 2 or not find_names(name):
                continue
            x = a + m.start() + m.group(0).find(part.strip(" .\n\t"))
            out.append((name, x, x + len(raw)))
    return out
