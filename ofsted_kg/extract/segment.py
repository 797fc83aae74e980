"""Finding Ofsted letters and report openings inside a document.

A document may be one letter, a report, or a council agenda wrapping one or more letters among other
papers. Each letter runs from its Ofsted letterhead (or date line, or address block) to its signature
block and copy list; anything around it (agenda, councillors, minutes) is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ofsted_kg.extract.context import paragraphs
from ofsted_kg.extract.dates import SINGLE_DATE
from ofsted_kg.extract.lexicon import NAME_HONORIFIC_RE, POSTCODE_RE

# ("To the children and young people in Dorset,": the letter to children that comes with an ILACS report)
SALUTATION = re.compile(r"^(?:Dear\b|To the children and young people\b)[ \t]*[^\n]{0,200}$", re.M)
_YOURS = r"[ \t]*Yours?[ \t]+(?:sincerely|faithfully|truly)\b"  # "Your sincerely" too
# text whose lines were joined may carry the sign-off after the last sentence
SIGN_OFF = re.compile(r"(?:^|(?<=[.!?][ \t]))" + _YOURS + r"[^\n]*$", re.M | re.I)
# the sign-off's own words: a signer's name may follow on the same line ("Yours sincerely Jo Bloggs HMI")
SIGN_OFF_WORDS = re.compile(_YOURS + r"[ \t]*[,.]?", re.I)
LETTER_CUE = re.compile(
    r"this letter summarises|summarises the findings|monitoring visit|focused visit|focussed visit|"
    r"assurance visit|unannounced inspection|joint targeted area inspection|"
    r"Majesty's Inspector|\bHMI\b|\bOfsted\b|inspection of [^\n.]{0,80}children's services",
    re.I,
)
# a letter pasted from its first sentence, without its salutation (news pages, council web pages); an area
# SEND letter opens "Between ..., Ofsted and the Care Quality Commission (CQC) conducted a joint inspection"
OPENING_CUE = re.compile(
    r"this letter (?:summarises|sets out|confirms|outlines)|summarises the findings|"
    r"\bOfsted and (?:the )?(?:Care Quality Commission|CQC)\b[^.\n]{0,20}? (?:conducted|carried out|revisited)\b",
    re.I)
REPORT_CUE = re.compile(
    r"\bLead inspectors?[ \t]*:|^[ \t]*Lead inspectors?\b|\bInspection dates?[ \t]*:|"
    r"^[^\n]{0,40}\bInspection of [^\n]{0,100}children's services[ \t]*$|"
    r"inspection of services for children in need of help|"
    r"inspection of safeguarding and looked after children|"
    r"^[ \t]*(?:Re-)?inspection of services for children|"
    # the 2009-2012 publication template's cover: an "Inspection of ..." title, then "Age group",
    # "Published" and "Reference no"
    r"^[ \t]*Inspection of [^\n]{3,100}(?:\n[^\n]{0,100}){0,12}\n[ \t]*Reference no\b",
    re.I | re.M,
)
REPORT_TITLE_FIELD = re.compile(r"\bLead[ \t]+inspector[ \t]*:|\bInspection[ \t]+dates?[ \t]*:", re.I)
LETTERHEAD_CUE = re.compile(
    r"ofsted|enquiries@|0300 ?123 ?1231|www\.(?:gov|qov|ofsted)|Piccadilly Gate|Axis Building|"
    r"Freshford House|Aviation House|Agora|Royal Exchange|Cannon House|Clive House|Textphone|"
    rf"\b{POSTCODE_RE}\b",
    re.I,
)
# ("Cc 4", a signature read by OCR, copies to no one)
COPY_LIST = re.compile(r"^(?:Copy|Copies|cc|c\.c\.|Copied to)\b\s*(?:to\b)?\s*[:\-]?(?!\s*\d)", re.I)


@dataclass
class Region:
    kind: str  # "letter" or "report"
    start: int
    end: int
    salutation: int | None = None  # offset of "Dear ..." in letters
    sign_off: int | None = None  # offset of "Yours sincerely"
    complete: bool = True


def date_line_start(text: str, m: re.Match[str]) -> int | None:
    """Start of the line holding date match `m` if that line is just the date (a letter's date line)."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line = text[line_start: line_end if line_end != -1 else len(text)].strip()
    return line_start if len(line) <= len(m.group(0)) + 12 or line.lower().startswith("date") else None


def _date_line_before(text: str, pos: int, floor: int) -> int | None:
    """Start of the last line before `pos` (and after `floor`) that is just a date."""
    best = None
    for m in SINGLE_DATE.finditer(text, max(floor, pos - 3000), pos):
        start = date_line_start(text, m)
        if start is not None:
            best = start
    return best


def _address_above_date(text: str, date_line: int, salutation: int, floor: int) -> int:
    """Start of the address block when the date sits right above the salutation, below the block."""
    line_end = text.find("\n", date_line)
    if line_end == -1 or text[line_end:salutation].strip():
        return date_line  # the usual layout: date, then the address block, then the salutation
    paras = [p for p in paragraphs(text, max(floor, date_line - 600), date_line) if p[1] <= date_line]
    if paras:
        a, b = paras[-1]
        chunk = text[a:b]
        if not LETTERHEAD_CUE.search(chunk) and chunk.count("\n") < 12 and not SIGN_OFF.search(chunk):
            return a
    return date_line


def _letterhead_before(text: str, pos: int, floor: int) -> int:
    """Extend a letter's start back over an Ofsted letterhead (address, phone, web) above `pos`."""
    start = pos
    paras = [p for p in paragraphs(text, max(floor, pos - 1200), pos) if p[1] <= pos]
    for a, b in reversed(paras[-4:]):
        chunk = text[a:b]
        if LETTERHEAD_CUE.search(chunk) and len(chunk) < 400 and "Dear" not in chunk:
            start = a
        else:
            break
    return start


def _letter_end(text: str, sign_off: int, limit: int) -> int:
    """End of the signature block and any copy list after 'Yours sincerely'."""
    paras = paragraphs(text, sign_off, limit)
    end = text.find("\n", sign_off)
    end = limit if end == -1 else end
    taken = 0
    for i, (a, b) in enumerate(paras):
        chunk = text[a:b].strip()
        if a == paras[0][0]:
            end = b
            continue
        short = len(chunk) < 160 and not chunk.endswith(".") and \
            not re.match(r"(?:Agenda|Item|Minutes|Appendix)\b", chunk)
        # a joint letter's signature blocks may come out as one paragraph of name and title lines
        # (prose has lines of lower-case words; a signature read by OCR may end in a full stop)
        blocks = len(chunk) < 600 and _signature_part(chunk) and \
            not any(len(re.findall(r"(?<!\S)[a-z]", ln)) >= 4 for ln in chunk.split("\n"))
        # a signature image read by OCR ("Weererea", "Mmaswn Jar?") between two signers' blocks, maybe after
        # the last word of a title wrapped onto a line of its own ("Services")
        scrawl = 0 < taken < 16 and _short_run_before_signer(text, paras, i)
        if COPY_LIST.match(chunk) or (short and (taken < 2 or (taken < 16 and _signature_part(chunk)))) or \
                (blocks and taken < 16) or scrawl:
            end = b
            taken += 1
            continue
        break
    return end


def _short_run_before_signer(text: str, paras: list[tuple[int, int]], i: int) -> bool:
    """Are paragraph i, and at most one more after it, short scraps (60 characters and three lines at most,
    fewer than three lower-case words: not prose) followed by a paragraph of signature blocks?"""
    for j in range(i, min(i + 2, len(paras))):
        chunk = text[paras[j][0]:paras[j][1]].strip()
        if len(chunk) > 60 or chunk.count("\n") > 2 or len(re.findall(r"(?<!\S)[a-z]{3,}\b", chunk)) >= 3 or \
                re.match(r"(?:Agenda|Item|Minutes|Appendix|Annex|Page)\b", chunk, re.I):
            return False
        nxt = text[paras[j + 1][0]:paras[j + 1][1]].strip() if j + 1 < len(paras) else ""
        if nxt and _signature_part(nxt) and not _LETTERHEAD.search(nxt):
            return True
    return False


# Ofsted's letterhead: the start of the next letter, not a signer's block
_LETTERHEAD = re.compile(r"ofsted\.gov\.uk|Piccadilly Gate|Store Street|Aviation House|Clive House|Agora", re.I)


_SIGNATURE_PART = re.compile(
    r"\b(?:Inspector|Director|Chief|Ofsted|Care Quality Commission|CQC|Constabulary|Probation|HMI\w*)\b")


def _signature_part(chunk: str) -> bool:
    """A paragraph of a joint letter's signature blocks: a signer's name, title or inspectorate."""
    return bool(_SIGNATURE_PART.search(chunk)) or \
        (len(chunk) < 60 and re.fullmatch(rf"(?:(?:{NAME_HONORIFIC_RE})\.? )?[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){{1,3}}"
                                          r"(?: [A-Z]{2,5})*", chunk.strip()) is not None)


# genre rule: the openings by which letters and report pages start; its length is the genre's (radon CC > 20)
def find_regions(text: str) -> list[Region]:
    """Letters (by salutation or opening sentence) and report openings in cleaned text."""
    regions: list[Region] = []
    floor = 0
    salutations = [m for m in SALUTATION.finditer(text) if LETTER_CUE.search(text, m.end(), m.end() + 3000)]
    if not salutations:
        opening = OPENING_CUE.search(text)
        # a report's title block ("Lead inspector: ...") before it: the phrase is in a report's body
        if opening and REPORT_TITLE_FIELD.search(text, 0, opening.start()):
            opening = None
        if opening and LETTER_CUE.search(text, opening.start(), opening.start() + 2000):
            para_start = text.rfind("\n\n", 0, opening.start())
            if para_start == -1 or text.count("\n", para_start + 2, opening.start()) > 2:
                # PDF text without blank lines: the date and addressees sit right above the opening line
                para_start = text.rfind("\n", 0, opening.start())
            salutations_pos = [max(0, para_start)]
        else:
            salutations_pos = []
    else:
        salutations_pos = [m.start() for m in salutations]
    for i, pos in enumerate(salutations_pos):
        nxt = salutations_pos[i + 1] if i + 1 < len(salutations_pos) else len(text)
        date_line = _date_line_before(text, pos, floor)
        if date_line is not None:
            start = _address_above_date(text, date_line, pos, floor)
            start = _letterhead_before(text, start, floor)
        else:
            block = [p for p in paragraphs(text, max(floor, pos - 600), pos) if p[1] <= pos]
            start = block[-1][0] if block else pos
            start = _letterhead_before(text, start, floor)
        sign = SIGN_OFF.search(text, pos, nxt)
        if sign:
            # the next letter's letterhead may follow this one's signature; stop before it
            end = _letter_end(text, sign.start(), nxt)
            regions.append(Region("letter", start, end, pos, sign.start()))
        else:
            end = nxt if nxt < len(text) else len(text)
            if i + 1 < len(salutations_pos):
                nd = _date_line_before(text, nxt, pos)
                end = _letterhead_before(text, nd, pos) if nd is not None else end
            regions.append(Region("letter", start, end, pos, None, complete=False))
        floor = regions[-1].end
    report = REPORT_CUE.search(text)
    if report and not any(r.start <= report.start() < r.end for r in regions):
        start = 0 if report.start() < 3000 else (text.rfind("\n\n", 0, max(0, report.start() - 1)) + 1)
        end = regions[0].start if regions and regions[0].start > start else len(text)
        if not any(r.start < end and start < r.end for r in regions):
            regions.append(Region("report", start, end))
    regions.sort(key=lambda r: r.start)
    # a paper that reproduces the same letter twice (an appendix and again in a cabinet report) holds
    # one letter: keep its first copy
    seen: set[str] = set()
    unique = []
    for r in regions:
        # up to the sign-off: what follows a signature (the next paper's heading) may differ
        body = re.sub(r"\s+", " ", text[r.start:r.sign_off if r.sign_off is not None else r.end]).strip()
        if r.kind == "letter" and body in seen:
            continue
        seen.add(body)
        unique.append(r)
    return unique
