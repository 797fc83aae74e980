"""Extract the facts of one Ofsted letter from its region of a document."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ofsted_kg.extract import fields, team
from ofsted_kg.extract.authorities import find_authorities, match_authority
from ofsted_kg.extract.context import Context, as_printed, lines, paragraphs, sentences
from ofsted_kg.extract.dates import SINGLE_DATE, parse_single
from ofsted_kg.extract.grade_tables import ILACS_AREAS, grade_table
from ofsted_kg.extract.lexicon import NAME_HONORIFIC_RE, POSTCODE_RE
from ofsted_kg.extract.names import find_names, is_plausible_name, same_person, strip_honorific
from ofsted_kg.extract.records import Finding, Found, Judgement, LetterRecord, Recipient, TeamMember
from ofsted_kg.extract.segment import (
    COPY_LIST,
    LETTERHEAD_CUE,
    OPENING_CUE,
    SALUTATION,
    SIGN_OFF_WORDS,
    Region,
    date_line_start,
)

INSPECTOR_CUE = re.compile(
    r"Majesty's Inspectors?\b|\bHMI\b|\binspectors? (?:were|was|for this visit)|(?:carried out|conducted|undertaken|"
    r"led|completed) by|lead inspector|team inspector|Ofsted Inspector|inspection team|"
    r"the inspectors? (?:on|for) (?:this|the) visit", re.I)
_TITLE_START = re.compile(
    r"\b(?:Interim|Acting|Executive|Corporate|Strategic|Deputy|Assistant|Director|Head|Chief|Managing|"
    r"Group|Service|Cabinet|Lead|Commissioner|Statutory|Joint|Divisional|Operational)\b")
_ORG_LINE = re.compile(
    r"\b(?:Council|Borough|County Hall|City Hall|Town Hall|Civic|Trust|Children First|Department|Limited|Ltd|"
    r"Road|Street|Square|Lane|Avenue|Way|Place|Centre|Offices|House|Building|PO Box|Floor)\b|"
    rf"\b{POSTCODE_RE}\b")
_ORG_WORDS = re.compile(
    r"(?:,\s*|\s+)(?:London Borough|Royal Borough|County Hall|Civic Centre|Town Hall|City Hall|"
    r"[A-Z][\w'&-]+ (?:(?:County|City|Borough|Metropolitan Borough|District) )?Council\b|"
    # the companies and trusts that run councils' children's services
    r"(?:Achieving|Brighter Futures|Together) for Children\b|[A-Z][\w'&-]+ Children First\b|"
    r"[A-Z][\w'&-]+ Children['\u2019]s (?:Services )?Trust\b|[A-Z][\w'&-]+ Children and Families Trust\b)")


# Character windows of a letter, measured on the corpus's letters
SUBJECT_LINE = 300  # a subject line is shorter than this (a first paragraph at least as long is prose)
LETTERHEAD = 600  # Ofsted's contact lines sit this close before a letterhead date read after the body
JTAI_OPENING = 2500  # a joint inspection names its subject (or its deep dive) this early

def _org_start(line: str) -> int | None:
    """Where an organisation (the council, a trust, an address) starts inside a title line, if it does."""
    starts = [m.start() for m in [_ORG_WORDS.search(line)] if m]
    starts += [s for _a, s, _e in find_authorities(line) if s > 0][:1]
    address = _address_start(line)
    if address:
        starts.append(address)
    if not starts:
        return None
    cut = min(starts)
    of = re.search(r"\b(?:City|County|Borough) of\s*$", line[:cut])  # "City of Wolverhampton Council"
    if of:
        cut = of.start()
    while cut > 0 and line[cut - 1] in " ,":
        cut -= 1
    return cut


# Where an address starts after a recipient's title on the same line ("Executive Director of Children's
# Services Municipal Offices Bowling Green Road", "... Room 115", "... PO Box 83"): the building's noun,
# a street number or a postcode, with the capitalised words before it that are not a title's words.
_ADDRESS_NOUN = re.compile(
    r"\b(?:Offices|Buildings?|House|Hall|Centre|Room\s+\d+|P\.?O\.? Box|Floor|Directorate)\b|"
    rf"(?<=\s)\d{{1,4}}(?:[-–]\d{{1,4}})?\s+[A-Z]|\b{POSTCODE_RE}\b")
_TITLE_WORDS = frozenset({
    "director", "directors", "executive", "corporate", "strategic", "interim", "acting", "deputy",
    "assistant", "chief", "officer", "head", "group", "service", "services", "statutory", "joint", "lead",
    "children's", "childrens", "children", "young", "people", "people's", "families", "family", "education",
    "learning", "skills", "care", "social", "health", "adults", "adult", "culture", "communities",
    "community", "commissioning", "schools", "starting", "well", "wellbeing", "and", "of", "for", "&", "dcs",
})


def _address_start(line: str) -> int | None:
    m = _ADDRESS_NOUN.search(line)
    if not m or m.start() == 0:
        return None
    words = list(re.finditer(r"\S+", line[:m.start()]))
    k = len(words)
    while k > max(1, len(words) - 3) and (words[k - 1].group()[:1].isupper() or words[k - 1].group()[:1].isdigit()) and \
            words[k - 1].group().strip(",.()").lower().replace("\u2019", "'") not in _TITLE_WORDS:
        k -= 1
        if words[k].group() == "The":  # "Elaine Redding The Town Hall ...": the building's name starts here
            break
    if m.group().startswith("Directorate"):
        # "Director of Children's Services Children's Services Directorate": the department repeats the title
        texts = [w.group().lower() for w in words]
        n = next((n for n in (3, 2, 1) if 2 * n <= len(texts) and texts[-n:] == texts[-2 * n:-n]), 0)
        return words[-n].start() if n else None
    return words[k].start() if k < len(words) else m.start()


_FRAMEWORK = re.compile(
    r"(?P<ilacs>\bILACS\b|inspection of local authority children's services \(ILACS\))|"
    r"(?P<sif>single inspection framework|\(SIF\))", re.I)
# a sentence naming another inspection's framework: "the findings from previous inspections, particularly
# the ... (ILACS) focused visit in July 2018", "following the inspection under the single inspection framework
# published in July 2014"
_OTHER_INSPECTION = re.compile(r"\b(?:previous|last|since|following|published|findings\s+from)\b", re.I)


def _own_framework(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first framework the letter names for its own visit ("This visit was carried out in line with the
    ... (ILACS) framework"), not one it names for an earlier inspection."""
    for m in _FRAMEWORK.finditer(text, start, end):
        sentence = next(((a, b) for a, b in sentences(text, max(start, m.start() - 300), min(end, m.end() + 300))
                         if a <= m.start() < b), (m.start(), m.end()))
        if not _OTHER_INSPECTION.search(text, sentence[0], sentence[1]):
            return m
    return None


KNOWN_OFFICES = {
    "M1 2WD": "Piccadilly Gate, Store Street, Manchester M1 2WD",
    "B1 1TF": "The Axis Building, 10 Holliday Street, Birmingham B1 1TF",
    "BS1 6NL": "Freshford House, Redcliffe Way, Bristol BS1 6NL",
    "WC2B 6SE": "Aviation House, 125 Kingsway, London WC2B 6SE",
    "NG1 6HJ": "Agora, 6 Cumberland Place, Nottingham NG1 6HJ",
    "M2 7LA": "Royal Exchange Buildings, St Ann's Square, Manchester M2 7LA",
    "NE1 3LQ": "Cannon House, 24 The Close, Newcastle upon Tyne NE1 3LQ",
}
_POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})\b")


# genre rule: one step per field of a letter, in the letter's order; its length is the genre's (radon CC > 20)
def extract_letter(ctx: Context, region: Region) -> LetterRecord:
    text = ctx.text
    rec = LetterRecord(source=ctx.doc.path, kind="letter", complete=region.complete)
    rec.span = ctx.span(region.start, region.end)
    sal = region.salutation if region.salutation is not None else region.start
    sal_end = text.find("\n", sal)
    sal_end = region.end if sal_end == -1 else sal_end
    if not SALUTATION.match(text, sal):
        sal_end = sal  # no "Dear ...": the letter was found by its opening sentence, which may be the text's first line
    body_end = region.sign_off if region.sign_off is not None else region.end

    # header: letterhead, date, recipient block
    found_date = _letter_date(text, region.start, sal)
    letter_date = found_date.value if found_date else None
    date_line = found_date.start if found_date else None
    late = None if found_date else _late_letterhead_date(text, sal_end, body_end)
    if late:
        # the letterhead is a side text box the text layer read after page 1's body: its date is the
        # letter's, its address Ofsted's; the recipient block still ends at the salutation
        found_date = late.date
    if found_date:
        ctx.put(rec, "letter_date", found_date, found_date.value.isoformat())
    ctx.put(rec, "ofsted_office", (_ofsted_office(text, late.start, late.date.start) if late else None) or
            _ofsted_office(text, region.start, date_line if date_line is not None else sal))
    block_start, block_end = _address_block(text, region.start, sal, body_end, found_date, late)
    recipient = _recipient(ctx, rec, block_start, block_end, sal, sal_end)

    # opening: subject line, "This letter summarises ..." and the next paragraphs
    body_paras = paragraphs(text, sal_end, body_end)
    subject = None
    if body_paras:
        a, b = body_paras[0]
        chunk = text[a:b].strip()
        if not chunk.endswith(".") and len(chunk) < SUBJECT_LINE and not OPENING_CUE.search(chunk):
            subject = (a, b)
    opening = OPENING_CUE.search(text, sal_end, body_end)
    windows: list[tuple[int, int]] = []
    if subject:
        windows.append(subject)
    if opening:
        para = next(((a, b) for a, b in body_paras if a <= opening.start() < b), None)
        # the sentence the cue is in: "Between 5 and 9 July 2021, Ofsted and the CQC conducted ..."
        first = next(((s, e) for s, e in sentences(text, para[0], para[1]) if s <= opening.start() < e), None) \
            if para else None
        first = first or next(((s, e) for s, e in sentences(text, opening.start(), body_end)), None)
        if first:
            # from the sentence's start on the cue's own line (a subject line above it is another window)
            line_start = text.rfind("\n", 0, opening.start()) + 1
            windows.append((max(min(first[0], opening.start()), line_start, opening.start() - OPENING_LEAD), first[1]))
        if para:
            windows.append(para)
    lead_paras = body_paras[:6]
    windows.extend(lead_paras)
    opening_end = lead_paras[-1][1] if lead_paras else body_end

    ctx.put(rec, "visit_type", fields.visit_type(text, windows))
    exclude = [(region.start, sal_end)]
    # the council in the address block breaks a tie between councils named together in the opening
    addressed = next(iter(find_authorities(text, block_start, sal)), None) if block_start and block_start > 0 else None
    auth = fields.authority(text, windows, exclude, addressed[0] if addressed else None) or \
        fields.authority(text, [(block_start or sal, sal)])
    if not auth:
        for w in windows:
            auth = fields.authority_from_phrase(text, *w)
            if auth:
                break
    ctx.put(rec, "authority", auth)
    dates = fields.visit_dates(text, windows[1:] if subject else windows, letter_date) or \
        fields.visit_dates(text, windows, letter_date)
    if dates:
        rec.set_visit_dates(dates, ctx.span(*dates.span))
    ctx.put(rec, "visit_sequence", fields.visit_sequence(text, sal_end, opening_end, rec.visit_type))
    before = date.fromisoformat(rec.visit_start) if rec.visit_start else letter_date
    ctx.put(rec, "previous_judgement", fields.previous_judgement(text, sal_end, body_end, before))

    # people
    signatories = _signatories(ctx, region) if region.sign_off is not None else []
    joint = _joint_signatories(ctx, region) if region.sign_off is not None else []
    if joint:
        # a joint letter: one signature for each inspectorate, Ofsted's is the letter's signatory
        ofsted = [j for j in joint if j[4] == "Ofsted"] or joint[:1]
        signatories = [(n, x, y) for n, x, y, _, _ in ofsted + [j for j in joint if j not in ofsted]]
    if signatories:
        rec.signatory = as_printed(ctx, *signatories[0])
        rec.cite("signatory", ctx.span(signatories[0][1], signatories[0][2]))
    _inspectors(ctx, rec, sal_end, body_end, signatories if joint else signatories[:1], recipient, joint)
    _copied_to(ctx, rec, sal_end, region.end)

    # what the visit looked at and what must improve
    add_focus_areas(ctx, rec, sal_end, body_end)
    _recommendations(ctx, rec, sal_end, body_end)
    fw = _own_framework(text, sal_end, body_end)
    if fw:
        ctx.put(rec, "framework", Found("ILACS" if fw.group("ilacs") else "SIF", fw.start(), fw.end()))
    _letter_grades(ctx, rec, sal_end, body_end)
    add_findings(ctx, rec, (subject[1] if subject else sal_end), body_end)
    if not region.complete:
        rec.warnings.append("letter looks truncated: no 'Yours sincerely' sign-off found")
    return rec


# the grade table of an ILACS inspection's letter to children ("What grades did inspectors give the local
# authority?", then "Judgement Grade" and a row for each area)
_GRADE_TABLE_HEAD = re.compile(r"^[ \t]*Judgements?[ \t]+Grades?[ \t]*$", re.M | re.I)


def _letter_grades(ctx: Context, rec: LetterRecord, a: int, b: int) -> None:
    head = _GRADE_TABLE_HEAD.search(ctx.text, a, b)
    if head is None:
        return
    for area, grade, x, y in grade_table(ctx.text, head.end(), min(b, head.end() + 2500), ILACS_AREAS):
        rec.judgements.append(Judgement(area, grade))
        rec.cite("judgements", ctx.span(x, y))


def _address_block(text: str, start: int, sal: int, body_end: int, found_date: Found[date] | None,
                   late: _Letterhead | None) -> tuple[int, int]:
    """Where the recipient's address block starts and ends."""
    date_line = found_date.start if found_date and not late else None
    block_start = text.find("\n", date_line) if date_line is not None else _block_start(text, start, sal)
    if _date_line_goes_on(text, found_date, late):
        assert found_date is not None
        block_start = found_date.end  # "23 August 2019 Karen Dolton Executive Director ...": one line
    block_end = sal
    if date_line is not None and (block_start == -1 or not text[block_start:sal].strip()):
        # the date comes after the address block (on its own line below it, or right-aligned on its
        # last line, as in two-column layouts): the block is the paragraph that ends at the date
        block_start, block_end = _block_start(text, start, date_line), date_line
    if late and not text[block_start:block_end].strip():
        # nothing above the salutation: the address block was read with the letterhead, below its date
        after = [p for p in paragraphs(text, late.date.end, body_end) if text[p[0]:p[1]].strip()]
        if after:
            block_start, block_end = after[0]
    return block_start, block_end


def _date_line_goes_on(text: str, found: Found[date] | None, late: object) -> bool:
    """Does the address block follow the letter's date on its line (a converter that joins a page's
    header lines into one)?"""
    if found is None or late:
        return False
    line_start = text.rfind("\n", 0, found.start) + 1
    line_end = text.find("\n", found.end)
    rest = text[found.end:line_end if line_end >= 0 else len(text)]
    return not text[line_start:found.start].strip() and bool(re.match(r"\s+(?:[A-Z][\w'’.-]+,?\s+){2}", rest))


def _letter_date(text: str, start: int, sal: int) -> Found[date] | None:
    """The letter's date: the last date on a line of its own before the salutation, else the first date."""
    found = None
    for m in SINGLE_DATE.finditer(text, start, sal):
        d = parse_single(m)
        if d is None:
            continue
        if date_line_start(text, m) is not None or found is None:
            found = Found(d, m.start(), m.end())
    return found


# contact lines only Ofsted's letterhead has (a postcode alone could be the recipient's)
_OFSTED_CONTACT = re.compile(r"enquiries@ofsted|www\.gov\.uk/ofsted|0300 ?123 ?1231|Textphone", re.I)


@dataclass(frozen=True)
class _Letterhead:
    """A letterhead read after page 1's body: its date, and where it starts."""

    date: Found[date]
    start: int


def _late_letterhead_date(text: str, start: int, end: int) -> _Letterhead | None:
    """A date on a line of its own right after Ofsted's contact lines, found after the salutation (the
    letterhead, with the date, was read after page 1's body)."""
    for m in SINGLE_DATE.finditer(text, start, end):
        d = parse_single(m)
        if d is None or date_line_start(text, m) is None:
            continue
        paras = [p for p in paragraphs(text, max(start, m.start() - LETTERHEAD), m.start()) if text[p[0]:p[1]].strip()]
        if any(_OFSTED_CONTACT.search(text[p[0]:p[1]]) for p in paras[-3:]):
            first = next(p for p in paras[-3:] if _POSTCODE.search(text[p[0]:p[1]]) or
                         _OFSTED_CONTACT.search(text[p[0]:p[1]]))
            return _Letterhead(Found(d, m.start(), m.end()), first[0])
    return None


def _ofsted_office(text: str, start: int, end: int) -> Found[str] | None:
    for p in paragraphs(text, start, end):
        chunk = text[p[0]:p[1]]
        pc = _POSTCODE.search(chunk)
        if not pc or not LETTERHEAD_CUE.search(chunk):
            continue
        code = f"{pc.group(1)} {pc.group(2)}"
        a, b = p[0], p[0] + pc.end()
        known = KNOWN_OFFICES.get(code)
        # an office moves but its postcode may stay (Alexandra House and Aviation House, both WC2B 6SE)
        if known and re.sub(r"\s+", " ", known.split(",")[0]).lower() in re.sub(r"\s+", " ", chunk).lower():
            return Found(known, a, b)
        parts = [ln.strip(" ,") for ln in text[a:b].split("\n") if ln.strip()]
        parts = [x for x in parts if not re.match(r"(?i)^ofsted$", x)]
        if len(parts) > 1 and _POSTCODE.fullmatch(parts[-1]):
            parts[-2:] = [f"{parts[-2]} {parts[-1]}"]  # "London" / "SW1H 9EX" -> "London SW1H 9EX"
        address = ", ".join(parts)
        address = re.sub(r"^Ofsted,?\s+", "", address)
        return Found(address, a, b)
    return None


def _block_start(text: str, start: int, sal: int) -> int:
    paras = [p for p in paragraphs(text, start, sal)]
    return paras[-1][0] if paras else start


OPENING_LEAD = 120  # the most of an opening sentence read before its cue ("Between 25 November 2019 and ...")
# a subject line above a letter pasted without its salutation ("Joint local area SEND revisit in X"): no addressee
_SUBJECT_LINE = re.compile(r"\b(?:visit|inspection|revisit)\s+(?:in|of|to)\s+[A-Z]")
# lines between the date and the address block that are not part of it
_NOT_ADDRESS = re.compile(
    r"\s*(?:(?:our|your) ref(?:erence)?\b|ref(?:erence)?\s*(?:no\.?)?\s*:|urn\s*:|date\s*:|direct (?:t|tel|line|email)\b|"
    r"(?:by )?e-?mail(?: only)?\s*:|private and confidential|official(?:-| )sensitive|"
    r"\+?[\d() -]{9,}$)", re.I)  # a letterhead's phone number on a line of its own


# genre rule: the forms of a recipient in address blocks and salutations; its length is the genre's (radon CC > 20)
def _recipient(ctx: Context, rec: LetterRecord, a: int, b: int, sal: int, sal_end: int) -> Recipient | None:
    """The recipient from the address block between a and b, else from the salutation at sal."""
    text = ctx.text
    block = [(x, y) for x, y in lines(text, a, b)]
    block = [(x, y) for x, y in block if not LETTERHEAD_CUE.search(text[x:y]) or _ORG_LINE.search(text[x:y])]
    block = [(x, y) for x, y in block if not _NOT_ADDRESS.match(text[x:y]) and not _SUBJECT_LINE.search(text[x:y])]
    salutation = text[sal:sal_end].strip()
    sal_name = re.sub(r"^Dear\s+", "", salutation).strip(" ,:")
    rcp = Recipient()
    name_span = title_span = None
    block = _director_first(text, block)
    if block:
        x, y = block[0]
        first = text[x:y]
        mt = _TITLE_START.search(first)
        if len(block) >= 2 and (not mt or mt.start() == 0 or not is_plausible_name(strip_honorific(first[: mt.start()])[0])):
            name_raw = first
            name_span = (x, y)
            tlines: list[tuple[int, int]] = []
            for bx, by in block[1:]:
                t = text[bx:by]
                org = _org_start(t)
                if _ORG_LINE.search(t) and not _TITLE_START.match(t):
                    break
                if not _TITLE_START.search(t) and match_authority(t.strip()) is not None:
                    break  # "North Somerset": the council, no title
                if tlines and not _title_goes_on(text[tlines[-1][0]:tlines[-1][1]], t):
                    break  # "Children's Services Directorate", "Municipal Buildings": the address
                if org:
                    tlines.append((bx, bx + org))
                    break
                tlines.append((bx, by))
            if tlines:
                title_span = (tlines[0][0], tlines[-1][1])
        else:
            # everything on one line: "Ms Gail Quinton Director of Children's Services Worcestershire ..."
            cut = mt.start() if mt else (_org_start(first) or len(first))  # "Ann Graham Haringey River Park House"
            name_raw = first[:cut]
            name_span = (x, x + len(name_raw.rstrip(" ,")))
            if mt:
                rest = first[mt.start():]
                org = _org_start(rest)
                tend = mt.start() + (org if org is not None else len(rest))
                title_span = (x + mt.start(), x + tend)
        name, hon = strip_honorific(text[name_span[0]:name_span[1]])
        if is_plausible_name(name):
            rcp.name, rcp.honorific = as_printed(ctx, name, *name_span), hon
            rec.cite("recipient.name", ctx.span(*name_span))
        elif name_span and not title_span and _TITLE_START.search(name_raw):
            title_span = name_span
        if title_span:
            title = re.sub(r"\s+", " ", text[title_span[0]:title_span[1]]).strip(" ,")
            if title:
                rcp.title = title
                rec.cite("recipient.title", ctx.span(*title_span))
    sal_plain, sal_hon = strip_honorific(sal_name)
    if rcp.name is None and is_plausible_name(sal_plain):
        rcp.name = sal_plain
        rec.cite("recipient.name", ctx.span(sal, sal_end))
    if rcp.honorific is None and sal_hon and rcp.name and rcp.name.split()[-1].lower() == sal_plain.split()[-1].lower():
        rcp.honorific = sal_hon
        rec.cite("recipient.honorific", ctx.span(sal, sal_end))
    if rcp.name or rcp.title:
        rec.recipient = rcp
        return rcp
    rec.recipient = None
    return None


_DCS_TITLE = re.compile(r"Children['’]?s\s+Services|Director\s+of\s+Children|Children,?\s+(?:Young\s+People|Families)|"
                        r"\bDCS\b", re.I)


_AFTER_ADDRESSEE = re.compile(r"(?:\s+[A-Z]{2,5})*\s*,")  # an addressee's post-nominals, then the comma before the title


def _director_first(text: str, block: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A joint letter's addressees, one "Name, Title, Organisation" line each: the director of children's
    services is the recipient, wherever the list puts them (often after the council's chief executive)."""
    block = [row for x, y in block for row in _joined_rows(text, x, y)]
    rows = [(x, y) for x, y in block if re.match(rf"\s*(?:(?:{NAME_HONORIFIC_RE})\.?\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{1,3}}"
                                                  + _AFTER_ADDRESSEE.pattern, text[x:y])]
    if len(rows) < 3 or len(rows) < len(block) - 3:
        return block
    dcs = next(((x, y) for x, y in rows if _DCS_TITLE.search(text[x:y])), None)
    if dcs is None or dcs == block[0]:
        return block
    return [dcs] + [r for r in block if r != dcs]


def _joined_rows(text: str, x: int, y: int) -> list[tuple[int, int]]:
    """A line of three or more "Name, Title, Organisation" addressees run together (a converter that joined
    the address block's lines) as one span each; any other line as itself."""
    line = text[x:y]
    starts = [p for _n, p, q in _names_after_organisations(line) if _AFTER_ADDRESSEE.match(line, q)]
    if len(starts) < 3:
        return [(x, y)]
    cuts = ([0] if line[:starts[0]].strip() else []) + starts + [len(line)]
    return [(x + a, x + len(line[:b].rstrip(" ,"))) for a, b in zip(cuts, cuts[1:], strict=False)]


def _title_goes_on(prev: str, line: str) -> bool:
    """Does a recipient's title wrap from `prev` onto `line` ("Corporate Director, Children, Young People" /
    "and Education")? Only when `prev` is unfinished or `line` starts as a continuation does."""
    return bool(re.search(r"(?:,|\b(?:and|of|for|to|the|&|-))\s*$", prev.strip())
                or re.match(r"\s*(?:and\b|&|of\b|for\b|[a-z(])", line)
                or _TITLE_START.match(line.strip()))


def _signatories(ctx: Context, region: Region) -> list[tuple[str, int, int]]:
    text = ctx.text
    assert region.sign_off is not None
    m = SIGN_OFF_WORDS.match(text, region.sign_off)
    start = m.end() if m else region.sign_off
    out: list[tuple[str, int, int]] = []
    for a, b in lines(text, start, region.end)[:12]:
        line = text[a:b]
        if COPY_LIST.match(line.strip()):
            break
        hon = re.match(rf"^\s*(?:(?:{NAME_HONORIFIC_RE})\.?\s+)", line)
        names = find_names(line)
        if names and names[0][1] <= (hon.end() if hon else 0) + 2:
            name, x, y = names[0]
            out.append((name, a + x, a + y))
    return out


# genre rule: the ways letters name their inspectors, roles and inspectorates; its length is the genre's (radon CC > 20)
def _inspectors(ctx: Context, rec: LetterRecord, a: int, b: int, signatories: list[tuple[str, int, int]],
                recipient: Recipient | None, joint: list[tuple[str, int, int, str | None, str | None]]) -> None:
    """Every inspector the letter names, once, with the role and inspectorate it gives them."""
    text = ctx.text
    found: list[tuple[str, int, int]] = []
    for s, e in sentences(text, a, b):
        sent = text[s:e]
        if not INSPECTOR_CUE.search(sent) or re.match(r"(?i)\s*(?:copy|cc)\b", sent):
            continue
        places = find_authorities(sent)
        for name, x, y in find_names(sent):
            if recipient and recipient.name and same_person(name, recipient.name):
                continue
            if any(p <= x < q for _, p, q in places):  # "Cheshire West (and Chester)" is a place
                continue
            if _ORG_AFTER.match(sent, y):  # "West Midlands Police", "Hounslow Youth Offending Team"
                continue
            if _near_role_word(sent, x, y):
                continue
            found.append((name, s + x, s + y))
        if len(found) >= 1 and s - a > 6000:
            break
    for name, x, y in signatories:
        found.append((name, x, y))
    for name, x, y in found:
        if any(same_person(name, n) for n in rec.inspectors):
            continue
        name = as_printed(ctx, name, x, y)
        rec.inspectors.append(name)
        rec.cite("inspectors", ctx.span(x, y))
        sign = next((j for j in joint if same_person(j[0], name)), None)
        if sign and sign[4] == "HMICFRS" and rec.letter_date and rec.letter_date < "2017-07":
            sign = (*sign[:4], "HMIC")  # the constabulary inspectorate took on fire and rescue in July 2017
        rec.inspection_team.append(TeamMember(name, sign[3], sign[4]) if sign else
                                   TeamMember(name, team.role_near(text, x, y), "Ofsted"))


def _joint_signatories(ctx: Context, region: Region) -> list[tuple[str, int, int, str | None, str | None]]:
    """The signature blocks of a letter signed by several inspectorates (empty for other letters, so at
    least two blocks when not empty)."""
    text = ctx.text
    assert region.sign_off is not None
    m = SIGN_OFF_WORDS.match(text, region.sign_off)
    start = m.end() if m else region.sign_off
    spans = []
    for a, b in lines(text, start, region.end)[:40]:
        if COPY_LIST.match(text[a:b].strip()):
            break
        spans.append((a, b))
    found = team.joint_signatories(text, spans)
    if len({org for *_, org in found if org}) < 2:
        return []
    return found


_ORG_AFTER = re.compile(
    r"\s+(?:Police|Probation|Constabulary|Council|Trust|Partnership|Board|Service|Services|Team|Hospital|"
    r"Foundation|CCG|ICB|NHS|Health|Community|Youth|Safeguarding|Children's|Integrated|Fire)\b")


_ROLE_AFTER = re.compile(
    r"^,?\s*(?:the\s+)?(?:interim\s+|acting\s+)?(?:director|chief executive|lead member|chair|leader|"
    r"head of|assistant director|deputy director|cabinet member)", re.I)


def _near_role_word(sent: str, x: int, y: int) -> bool:
    """A name followed by a council role ("Jo Bloggs, the Director of ...") is not an inspector."""
    return bool(_ROLE_AFTER.match(sent[y:y + 60]))


def _copied_to(ctx: Context, rec: LetterRecord, a: int, b: int) -> None:
    text = ctx.text
    for m in re.finditer(r"copying this letter to (?:the )?(?P<o>[^.\n]{3,200})", text[a:b], re.I):
        for part in re.split(r",\s*|\s+and\s+(?:the\s+)?", m.group("o")):
            part = part.strip()
            if part and part[0].isupper():
                rec.copied_to.append(part)
                s = a + m.start("o") + m.group("o").find(part)
                rec.cite("copied_to", ctx.span(s, s + len(part)))
    for pa, pb in paragraphs(text, a, b):
        # the copy list may open a paragraph, or follow the signature without a blank line (PDF text)
        body_start = next((la + cm.end() for la, lb in lines(text, pa, pb) if (cm := COPY_LIST.match(text[la:lb]))),
                          None)
        if body_start is None:
            continue
        body = text[body_start:pb]
        people: list[tuple[int, int]] = []
        for name, x, y in _names_after_organisations(body):
            after = body[y:y + 4]
            before = body[max(0, x - 3):x]
            if after.startswith(",") or _DASH_ROLE.match(after) or before.strip() in ("", ":") or x == 0 or "\n" in body[max(0, x - 2):x]:
                clean, _ = strip_honorific(name)
                if _is_person_in_copy(body, x, y):
                    people.append((x, y))
                    if clean not in rec.copied_to:
                        rec.copied_to.append(clean)
                        rec.cite("copied_to", ctx.span(body_start + x, body_start + y))
        _copied_organisations(ctx, rec, body, body_start, people)


_COPY_ENTRY = re.compile(r"[^;\n]+")
_DASH_ROLE = re.compile(r"[ \t]+[-–—][ \t]")  # "Jo Bloggs – Chief Executive"
_ROLE_AFTER_DASH = re.compile(r"[ \t]+[-–—][ \t].*$")
_ORG_TAIL = re.compile(r"(?:Metropolitan|Borough|County|City|District|Council|Trust|Board|Partnership|Constabulary)\b")


def _copied_organisations(ctx: Context, rec: LetterRecord, body: str, body_start: int,
                          people: list[tuple[int, int]]) -> None:
    """Entries of a copy list that name no person ("Department for Education; Sandwell Council")."""
    for m in _COPY_ENTRY.finditer(body):
        x, y = m.start(), m.end()
        raw = m.group(0)
        lead = COPY_LIST.match(raw.lstrip())  # a second "cc:" line
        entry = raw.lstrip()[lead.end():] if lead else raw
        entry = _ROLE_AFTER_DASH.sub("", entry).strip(" \t,.")  # "Department for Education – Regional Director"
        if not entry or not entry[0].isupper() or len(entry) > 100 or any(x <= p < y for p, _q in people):
            continue
        if len(entry.split()) < 2 or re.search(r"(?:,|\band|\bof)\s*$", body[:x]) or _ORG_TAIL.match(entry):
            continue  # a wrapped line of the entry before ("..., Wigan" / "Metropolitan Borough Council")
        if entry.lower() in (c.lower() for c in rec.copied_to):
            continue
        s = body_start + x + raw.find(entry)
        rec.copied_to.append(entry)
        rec.cite("copied_to", ctx.span(s, s + len(entry)))


def _names_after_organisations(body: str) -> list[tuple[str, int, int]]:
    """Names in a run-on copy list, without the end of the previous organisation glued on
    ("... London Borough of Merton Jo Bloggs, ..." gives "Jo Bloggs"; "... Kensington and Chelsea Jo
    Bloggs" too, where only "Chelsea" was taken for part of the name)."""
    authorities = [(s, e) for _auth, s, e in find_authorities(body)]
    out = []
    for name, x, y in find_names(body):
        for s, e in authorities:
            if s <= x < e < y and len(body[e:y].split()) >= 2:
                name = body[e:y].strip()
                x = y - len(name)
                break
        out.append((name, x, y))
    return out


def _is_person_in_copy(body: str, x: int, y: int) -> bool:
    """In a copy list, a person's name is followed by ", <role>", " – <role>" or a line break, not part of
    a role."""
    after = body[y:y + 40]
    return bool(re.match(r"^\s*(?:,|\n|$)", after) or _DASH_ROLE.match(after))


# genre rule: each visit type's way of naming its focus areas; its length is the genre's (radon CC > 20)
def add_focus_areas(ctx: Context, rec: LetterRecord, a: int, b: int) -> None:
    text = ctx.text
    if rec.visit_type == "annual unannounced inspection":
        m = re.search(r"inspection of (?:the )?(?P<f>contact,? referral and assessment(?: arrangements)?)", text[a:b], re.I)
        if m:
            rec.focus_areas.append(m.group("f"))
            rec.cite("focus_areas", ctx.span(a + m.start("f"), a + m.end("f")))
            return
    paras = paragraphs(text, a, b)
    prose: list[tuple[str, int, int]] = []
    prose_para = -1
    for i, (pa, pb) in enumerate(paras[:14]):
        for s, e in sentences(text, pa, pb):
            sent = text[s:e]
            if not fields.FOCUS_VERB.search(sent):
                continue
            colon = re.search(r":[ \t]*\n(?=[ \t]*(?:- |\d{1,2}[.)]\s|\([a-z0-9]{1,3}\)\s|[a-z][.)]\s))", sent)
            if colon and fields.FOCUS_VERB.search(sent[:colon.start()]):
                # PDF text: the sentence splitter ran on through the list after "with a focus on:"
                sent, e = sent[:colon.end()].rstrip(), s + colon.end() - 1
            if sent.rstrip().endswith(":"):
                # the list follows in the same paragraph (no blank line) or in the next one
                items = fields._split_bullets(text, e + 1, pb) if e + 1 < pb else []
                for na, nb in paras[i + 1:] if not items else []:  # one bullet per paragraph, maybe
                    more = fields._split_bullets(text, na, nb)
                    if not more or (items and _bulleted(text, items[0]) and not _bulleted(text, more[0])):
                        break  # (a numbered paragraph after a bulleted list: "2. The inspection also ...")
                    items.extend(more)
                    if text[more[-1][1]:nb].strip():
                        break  # the list ended inside this paragraph
                if not items and i + 1 < len(paras) and e + 1 >= pb:
                    # the bullet glyphs were lost: one item per lower-case line in the next paragraph
                    items = fields.unmarked_items(text, *paras[i + 1])
                if items:
                    for x, y in items:
                        t, tx, ty = fields.item_text(text, x, y)
                        rec.focus_areas.append(re.sub(r"[;,]\s*(?:and|or)$", "", t).rstrip(" .;"))
                        rec.cite("focus_areas", ctx.span(tx, ty))
                    return
            if not prose or prose_para == i:
                # areas named in running prose (the first paragraph naming any) count only if no focus
                # sentence introduces a list: "Inspectors also considered progress since the focused
                # visit on ..." in the opening, then "Inspectors reviewed ... the following areas:"
                found = [(part, s, e) for part in fields.focus_from_sentence(sent)]
                if prose and not fields.adds_areas(sent, len(found)):
                    continue  # "Inspectors considered ...", "Specifically, they considered ...": detail
                prose_para = i if found else prose_para
                prose.extend(found)
    if rec.visit_type == "joint targeted area inspection" and _jtai_focus(ctx, rec, a, b):
        return  # no list of what it evaluated: the subject, or its deep dive, beats other prose
    for part, s, e in prose:
        rec.focus_areas.append(part)
        rec.cite("focus_areas", ctx.span(s, e))
    if not rec.focus_areas:
        _focus_without_areas(ctx, rec, a, b)


def _bulleted(text: str, item: tuple[int, int]) -> bool:
    return text[item[0]:item[1]].lstrip().startswith("- ")


def _focus_without_areas(ctx: Context, rec: LetterRecord, a: int, b: int) -> None:
    """A letter that names no area of practice: a 2020-21 visit's national study, or a joint
    inspection's subject."""
    text = ctx.text
    m = _COVID_STUDY.search(text, a, min(b, a + JTAI_OPENING))
    if m:
        # the 2020-21 visits that name no area of practice: the national study the visit served
        rec.focus_areas.append(re.sub(r"\s+", " ", m.group("f")))
        rec.cite("focus_areas", ctx.span(m.start("f"), m.end("f")))
        return
    if rec.visit_type == "joint targeted area inspection":
        # no list: the inspection's subject ("a joint targeted area inspection (JTAI) of the multi-agency
        # response to identification of initial need and risk in Hammersmith and Fulham.")
        for s, e in sentences(text, a, b):
            sent = re.sub(r"\s+", " ", text[s:e]).strip()
            m = _JTAI_SUBJECT.search(sent) if OPENING_CUE.search(sent) else None
            if m:
                rec.focus_areas.append(m.group("f"))
                rec.cite("focus_areas", ctx.span(s, e))
                return


_COVID_STUDY = re.compile(r"is\s+leading\s+Ofsted['’]s\s+work\s+into\s+(?P<f>how\s[^.]+?)\.(?:\s|$)", re.I)
_DEEP_DIVE = re.compile(r"deep[-\s]dive['’]?\s+focus\s+on\s+(?!a\s+(?:number|sample)\b|cases\b)(?P<f>[^.]+?)"
                        r"(?:\s+in\s+(?:the\s+)?(?-i:[A-Z])[\w&,'’ -]*)?\.", re.I)


def _jtai_focus(ctx: Context, rec: LetterRecord, a: int, b: int) -> bool:
    """A joint inspection's subject: "the multi-agency response to X" from its title or opening, or, when
    the subject is the generic "abuse and neglect", the theme of its deep dive."""
    text = ctx.text
    window = text[a:min(b, a + JTAI_OPENING)]
    place = re.escape(rec.authority.split()[0]) if rec.authority else r"(?-i:[A-Z])\w+"
    subject = re.search(
        r"(?:joint\s+targeted\s+area\s+inspection|JTAI\)?)\s+of\s+(?P<f>the\s+multi-agency\s+response\s+to\s+"
        rf"[^.]+?)\s+in\s+(?:the\s+)?(?:(?:London|Royal)\s+Borough\s+of\s+|City\s+of\s+)?{place}", window, re.I)
    if not subject:  # a title that names no place ends at its line's end
        subject = re.search(r"^Joint\s+targeted\s+area\s+inspection\s+of\s+(?P<f>the\s+multi-agency\s+response\s+to\s+"
                            r"[^\n]+(?:\n(?!Between|This|From|On|In|During)[a-z][^\n]*)?)$", window, re.I | re.M)
    dive = _DEEP_DIVE.search(window)
    chosen = None
    if subject and not re.search(r"abuse\s+and\s+neglect$", subject.group("f"), re.I):
        chosen = subject
    elif dive:
        chosen = dive
    elif subject:
        chosen = subject
    if chosen is None:
        return False
    rec.focus_areas.append(re.sub(r"\s+", " ", chosen.group("f")).strip())
    rec.cite("focus_areas", ctx.span(a + chosen.start("f"), a + chosen.end("f")))
    return True


_JTAI_SUBJECT = re.compile(
    r"joint targeted area inspection(?: \(JTAI\))? of (?P<f>the multi-agency response to [^.]+?)"
    r"(?: in (?:the )?(?-i:[A-Z])[\w&,'’ -]*)?\.?$", re.I)


def _recommendations(ctx: Context, rec: LetterRecord, a: int, b: int) -> None:
    """Items under "What needs to improve", "Areas for development", "Area(s) for priority action", ...

    A prose "Areas for improvement" section holds findings, not recommendations, when the letter has a
    list of them elsewhere; in a joint letter it always does.
    """
    text = ctx.text
    deferred: list[tuple[int, int]] = []
    for la, lb in lines(text, a, b):
        line = text[la:lb].strip()
        if not fields.RECOMMENDATION_HEADING.match(line):
            continue
        if re.match(r"areas? for improvement", line, re.I):
            deferred.append((la, lb))
            continue
        # PDF text without blank lines: one-sentence items ("The quality of X, so that Y.") one per line start
        unspaced = re.match(r"what needs to improve", line, re.I) and (
            not re.search(r"\n[ \t]*\n", text[lb + 1:lb + fields.LIST_LOOKAHEAD]) or fields.sentence_per_line(text, lb, b))
        add_recommendations(ctx, rec, lb, b, bool(unspaced))
    joint = rec.visit_type == "joint targeted area inspection"
    for _la, lb in deferred:
        if joint and (rec.recommendations or not _starts_list(text, lb, b)
                      or not _phrased_as_improvements(text, lb, b)):
            continue  # a joint letter's "Areas for improvement" are mostly findings for each agency
        if not rec.recommendations or _starts_list(text, lb, b):
            add_recommendations(ctx, rec, lb, b)


_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|does|do|did|can|cannot|could|lacks?|remains?|needs?|"
                     r"means?|leads?|results?|shows?)\b", re.I)


def _phrased_as_improvements(text: str, start: int, end: int) -> bool:
    """Are the items of the section at `start` written as what must improve ("The quality of X, so that
    Y") rather than as findings ("Thresholds are not consistently understood")? Two in three items whose
    head, before any comma or "so that", has no finite verb."""
    items = [fields.item_text(text, x, y)[0] for x, y in fields.section_items(text, start, end)]
    if not items:
        return False
    # the head: up to a comma, a purpose ("so that") or a relative clause ("children who are ...")
    heads = [re.split(r",|;|\b(?:so that|to ensure|in order to|who|that|which|where|when|while|whilst)\b", t,
                      maxsplit=1, flags=re.I)[0].strip() for t in items]
    return sum(1 for h in heads if h and not _FINITE.search(h)) * 3 >= 2 * len(items)


def _starts_list(text: str, start: int, end: int) -> bool:
    first = next(iter(lines(text, start, end)), None)
    return bool(first and fields._is_item_start(text[first[0]:first[1]]))


def add_recommendations(ctx: Context, rec: LetterRecord, start: int, end: int, one_per_line: bool = False) -> None:
    """Add the items of the section starting at `start` to `rec.recommendations`, each once."""
    for x, y in fields.section_items(ctx.text, start, end, one_per_line):
        t, tx, ty = fields.item_text(ctx.text, x, y)
        if fields.NO_ITEMS.match(t):
            continue  # "136. No areas were identified for immediate improvement."
        if t and re.search(r"[A-Za-z]{2}", t) and t not in rec.recommendations:  # not a stray glyph
            rec.recommendations.append(t)
            rec.cite("recommendations", ctx.span(tx, ty))


def add_findings(ctx: Context, rec: LetterRecord, a: int, b: int, report: bool = False) -> None:
    """The letter's finding units, skipping the words already used as focus areas (`report`: a SIF or ILACS
    report's, see `findings.heading_polarity`)."""
    from ofsted_kg.extract.findings import extract_findings
    from ofsted_kg.findings_model import neighbours, score_themes

    # sentences that state the visit's facts (focus, number, inspectors) are not findings
    used = [s for k in ("focus_areas", "visit_sequence", "visit_start", "inspectors", "judgements")
            for s in rec.evidence.get(k, [])]
    skip = [_clean_span(ctx, s.start, s.end) for s in used if a <= _clean_span(ctx, s.start, s.end)[0] < b]
    units = extract_findings(ctx, a, b, skip, report)
    for i, unit in enumerate(units):
        scored = score_themes(unit.text, unit.section, *neighbours(units, i))
        rec.findings.append(Finding(unit.text, unit.section, unit.polarity, [t for t, _ in scored],
                                    ctx.span(unit.start, unit.end), [s for _, s in scored]))


def _clean_span(ctx: Context, raw_start: int, raw_end: int) -> tuple[int, int]:
    """The clean-text span covering original offsets [raw_start, raw_end)."""
    import bisect

    offs = ctx.clean.offsets
    return bisect.bisect_left(offs, raw_start), bisect.bisect_left(offs, raw_end)
