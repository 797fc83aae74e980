"""Extract the opening facts of an Ofsted full inspection report (ILACS, SIF, 2009-2012)."""

from __future__ import annotations

import re
from datetime import date

from ofsted_kg.extract import fields, team
from ofsted_kg.extract.context import Context, as_printed, lines, paragraphs
from ofsted_kg.extract.dates import MONTH_RE, SINGLE_DATE, _month, parse_run, parse_single
from ofsted_kg.extract.grade_tables import ILACS_AREAS, SIF_AREAS, grade_table
from ofsted_kg.extract.letter import _clean_span, add_findings, add_focus_areas, add_recommendations
from ofsted_kg.extract.lexicon import (
    IMPROVEMENT_RE,
    OLD_GRADE,
    SIF_GRADE,
    grade_name,
)
from ofsted_kg.extract.names import find_names, same_person, strip_honorific
from ofsted_kg.extract.records import Found, Judgement, LetterRecord, PreviousJudgement, Recipient, TeamMember
from ofsted_kg.extract.segment import REPORT_TITLE_FIELD, Region

SIF_OVERALL = re.compile(
    r"(?:overall judgement is that\s+)?children's\s+services?(?:\s+in\s+[^\n]{1,60}?)?\s+(?:are|is|require|requires)\s+"
    rf"(?P<g>{IMPROVEMENT_RE}|{SIF_GRADE})"
    # the first SIF reports (late 2013): "The overall judgement is good."
    rf"|\bThe\s+overall\s+judgement\s+is\s+(?P<g2>{IMPROVEMENT_RE}|{SIF_GRADE})\b",
    re.I)
LSCB = re.compile(
    r"(?:The\s+Local\s+Safeguarding\s+Children\s+Board|the\s+LSCB)(?:\s+\(LSCB\))?\s+(?:is\s+|requires\s+)"
    rf"(?P<g>{IMPROVEMENT_RE}|good|outstanding|inadequate)\b"
    r"|effectiveness\s+of\s+the\s+(?:LSCB|Local\s+Safeguarding\s+Children\s+Board)(?:\s+\(LSCB\))?\s+is:?\s+"
    rf"(?P<g2>{SIF_GRADE})\b",
    re.I)
LEAD = re.compile(r"(?:Lead|Reporting|Co-ordinating|Coordinating)\s+inspectors?\s*:?[ \t]*", re.I)
PUBLISHED = re.compile(r"(?:Report\s+)?published\s*:?\s*|Publication\s+date\s*:?\s*", re.I)
DATES = re.compile(r"Inspection\s+dates?\s*:?\s*", re.I)
LAST_INSPECTION = re.compile(
    r"\b(?:last|previous|most\s+recent|prior)\s+(?:\w+\s+){0,3}?(?:inspection|ILACS|SIF)|"
    r"\b(?:last|previously)\s+inspected|\binspected\s+(?:\w+\s+){0,3}?(?:last|previously)\b|"
    r"\boverall\s+effectiveness\b|"
    # "In 2018, inspectors judged Haringey children's services to require improvement to be good."
    r"^(?:In|At)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d,?\s+(?:inspectors|Ofsted)\s+(?:judged|found|rated)\b",
    re.I)
OLD_TABLE_ROW = re.compile(
    rf"^(?P<a>[A-Z][^\n]{{2,200}}?)\s+(?:Grade\s+\d\s+\()?(?P<g>{OLD_GRADE})\)?\s*$", re.I)


_grade = grade_name  # "Require improvement" in some SIF tables, "improvement" after "services require"


# Character windows of a report's opening, measured on the corpus's reports
COVER_PAGES = 15000  # a cover, a contents listing and a summary before the title fields; the predecessor's grade
HEAD = 4000  # the head holds at least this much: title, lead inspector, dates
AFTER_TITLE_FIELDS = 1500  # the head runs on this far past the title's fields (a wrapped team list)
TITLE_LINES = 400  # the title block's first lines, where the lead inspector is not found
TITLE_BLOCK = 600  # where a report says what kind it is ("Area SEND inspection of ...")
DATES_FIELD = 120  # an "Inspection dates:" field's run of dates
_NEXT_LABEL = re.compile(r"\b(?:Lead|Reporting|Co-ordinating|Coordinating)\s+inspectors?\b|\b(?:Report\s+)?published\b|"
                         r"\bPublication\s+date\b|\bAge\s+group\b", re.I)

_AGE_GROUP_ALL = re.compile(r"[ \t]*(?:All[ \t]+)?")


def _value_below(text: str, label: re.Match[str], end: int) -> re.Match[str] | None:
    """A cover's labels and values read column by column ("Age group:", "Published:", then "All",
    "23 August 2013"): the first line of the next few that is a date and nothing else."""
    if "\n" not in label.group(0):
        return None
    start = text.rfind("\n", 0, label.end()) + 1
    for _ in range(4):
        stop = text.find("\n", start, end)
        stop = end if stop < 0 else stop
        # the "Age group" value may share the date's line when a converter joined the row ("All 2 August 2013")
        lead_in = _AGE_GROUP_ALL.match(text, start, stop)
        d = SINGLE_DATE.match(text, lead_in.end() if lead_in else start)
        if d and not text[d.end():stop].strip():
            return d
        if stop >= end:
            return None
        start = stop + 1
    return None


# genre rule: one step per field of a report's opening pages; its length is the genre's (radon CC > 20)
def extract_report(ctx: Context, region: Region) -> LetterRecord:
    text = ctx.text
    rec = LetterRecord(source=ctx.doc.path, kind="report", visit_type="inspection", complete=region.complete)
    rec.span = ctx.span(region.start, region.end)
    rec.recipient = Recipient()
    # the head: the title block, after any cover and contents pages
    fields_at = REPORT_TITLE_FIELD.search(text, region.start, min(region.end, region.start + COVER_PAGES))
    head_end = min(region.end, max(region.start + HEAD, fields_at.end() + AFTER_TITLE_FIELDS if fields_at else 0))
    title_end = _title_end(text, region.start, head_end)
    lead = LEAD.search(text, region.start, head_end)
    # the title block: up to the lead inspector (or the first prose), at least its first lines
    title_window = (region.start, max(title_end, lead.end() if lead else region.start, min(region.end, region.start + TITLE_LINES)))

    auth = fields.authority(text, [title_window])
    ctx.put(rec, "authority", auth)
    m = PUBLISHED.search(text, region.start, head_end)
    if m:
        # ("Published: All 23 August 2013": the "Age group" column's value read into the row)
        lead_in = _AGE_GROUP_ALL.match(text, m.end())
        d = SINGLE_DATE.match(text, lead_in.end() if lead_in else m.end()) or _value_below(text, m, head_end)
        if d and parse_single(d):
            rec.letter_date = parse_single(d).isoformat()  # type: ignore[union-attr]
            rec.cite("letter_date", ctx.span(d.start(), d.end()))
    m = DATES.search(text, region.start, head_end)
    if m:
        default = date.fromisoformat(rec.letter_date) if rec.letter_date else None
        field_end = min(region.end, m.end() + DATES_FIELD)
        # a text layer that runs the cover onto one line: the field ends at the next label ("April 2012
        # Reporting inspector ... Published: 29 May 2012" gives no visit day)
        label = _NEXT_LABEL.search(text, m.end(), field_end)
        run = parse_run(text, m.end(), label.start() if label else field_end, default.year if default else None, default)
        if run:
            rec.set_visit_dates(run, ctx.span(*run.span))
    for m in LEAD.finditer(text, region.start, region.end):
        found = _lead_names(text, m.end(), "inspectors" in m.group(0).lower())
        for name, a, b in found:
            rec.inspectors.append(as_printed(ctx, name, a, b))
            rec.cite("inspectors", ctx.span(a, b))
        if found:
            break

    listed = team.team_list(text, region.start, region.end)
    for name, a, b, _ in listed:
        if not any(same_person(name, n) for n in rec.inspectors):
            rec.inspectors.append(as_printed(ctx, name, a, b))
            rec.cite("inspectors", ctx.span(a, b))
    for name in rec.inspectors:
        role = next((r for n, _, _, r in listed if same_person(n, name)), "lead inspector")
        rec.inspection_team.append(TeamMember(name, role, "Ofsted"))

    _judgements(ctx, rec, region, title_end)
    rec.focus_areas = [j.area for j in rec.judgements]
    rec.evidence["focus_areas"] = list(rec.evidence.get("judgements", []))
    if not rec.judgements:
        # a report that grades nothing (a 2009 progress inspection) names what it looked at as a letter
        # does: "... judge progress made in the following areas:" and a list
        end = min(region.end, title_end + COVER_PAGES)
        verb = fields.FOCUS_VERB.search(text, region.start, end)
        if verb:  # (from its paragraph: a cover and a contents listing may be many paragraphs before it)
            add_focus_areas(ctx, rec, max(region.start, text.rfind("\n\n", region.start, verb.start())), end)
    rec.framework = _framework(rec, text[title_window[0]:title_window[1]])
    rec.framework_version = _framework_version(rec)

    before = date.fromisoformat(rec.visit_start) if rec.visit_start else None
    # a report restates the last inspection's judgement; other grades it mentions (a fostering or
    # adoption service, children's homes) are about other things
    prev_end = min(region.end, title_end + COVER_PAGES)
    prev = (_protection_inspection(text, region.start, region.end, before)
            or fields.previous_judgement(text, region.start, prev_end, before, LAST_INSPECTION)
            or fields.previous_judgement(text, prev_end, region.end, before, LAST_INSPECTION)
            or fields.previous_judgement(text, region.start, prev_end, before)
            or fields.previous_judgement(text, prev_end, region.end, before, fields.REPEATED_JUDGEMENTS))
    ctx.put(rec, "previous_judgement", _with_month(prev, text, region, before))
    single = _SINGLE_SUBJECT.search(text, region.start, min(region.end, region.start + TITLE_BLOCK))
    if single:
        ctx.put(rec, "visit_type", Found("other:" + re.sub(r"\s+", " ", single.group(0)).lower(),
                                         single.start(), single.end()))
    if _AREA_SEND.search(text, region.start, min(region.end, region.start + TITLE_BLOCK)):
        _area_send(ctx, rec, region)
        return rec
    for la, lb in lines(text, region.start, region.end):
        line = text[la:lb].strip()
        # the safeguarding board's own list ("What does the LSCB need to improve?") counts too
        if (fields.RECOMMENDATION_HEADING.match(line) and line[:1].isupper()
                and not _in_contents(text, la, region.start)):
            add_recommendations(ctx, rec, lb, region.end, bool(re.match(r"what needs to improve", line, re.I)))
    add_findings(ctx, rec, _findings_start(ctx, rec, region.start, title_end), region.end, report=True)  # the judgement sections' sentences
    return rec


_CONTENTS = re.compile(r"^[ \t]*(?:Contents|Table of contents)[ \t]*$", re.I | re.M)


def _in_contents(text: str, pos: int, floor: int) -> bool:
    """Is the heading at `pos` an entry of a contents listing whose page numbers the text layer holds
    apart (after all the entries)? It follows a "Contents" heading with no sentence and no entry or
    line ending in a page number between: where the entries carry their numbers, an entry without one
    is past the listing."""
    heads = list(_CONTENTS.finditer(text, max(floor, pos - 2000), pos))
    if not heads:
        return False
    between = [text[a:b].rstrip() for a, b in lines(text, heads[-1].end(), pos)]
    return not any(line.endswith(".") or re.search(r"(?:^|\s)\d{1,3}$", line) for line in between)


_ROLE = r"(?:,?\s*(?:Her|His)\s+Majesty'?s\s+Inspectors?|,?\s*HMI|,?\s*Ofsted\s+Inspectors?)?"
_NAME_JOIN = re.compile(_ROLE + r"\s*(?:,|and|&|,\s*and)\s*$", re.I)


def _lead_names(text: str, pos: int, plural: bool) -> list[tuple[str, int, int]]:
    """The names after "Lead inspector:" at `pos`: on its line, on the next line when the label stands
    alone (label and name set in separate cells), or over a line break after a hyphen ("Smith-" /
    "Jones"). After a `plural` label, further names joined to the first by "and", "&" or a comma are
    lead inspectors too ("Lead inspectors: Jane Smith and Peter Brown")."""
    line = text[pos:pos + 160].split("\n")[0]
    if not line.strip():
        pos += len(line) + 1
        line = text[pos:pos + 160].split("\n")[0]
    cut = len(line)
    if line.rstrip().endswith("-"):
        cut = len(line.rstrip())
        line = line.rstrip() + text[pos + len(line) + 1:pos + len(line) + 161].split("\n")[0]
    shift = len(text[pos:pos + 160].split("\n")[0]) - cut + 1  # the line break dropped after the hyphen
    out: list[tuple[str, int, int]] = []
    previous_end = 0
    for name, a, b in find_names(line):
        if out and not (plural and _NAME_JOIN.fullmatch(line[previous_end:a])):
            break
        out.append((strip_honorific(name)[0], pos + a + (shift if a > cut else 0), pos + b + (shift if b > cut else 0)))
        previous_end = b
    return out


def _findings_start(ctx: Context, rec: LetterRecord, start: int, title_end: int) -> int:
    """Where a report's findings begin: right after its judgement table when the table comes before the
    first line that reads as prose. The summary under the table is findings; its lines are wrapped, so
    the first line ending a sentence ("... to sustain positive change.") may be a page further on."""
    ends = [_clean_span(ctx, s.start, s.end)[1] for s in rec.evidence.get("judgements", [])]
    before = [e for e in ends if e <= title_end]
    if not ends:
        # a report that grades nothing: its findings start at its judgement or findings heading (the
        # "About the inspection", "Evidence" and "Context" paragraphs before it are method and setting)
        for m in _FINDINGS_HEADING.finditer(ctx.text, start, title_end + COVER_PAGES):
            if not re.search(r"\s\d{1,3}$", m.group(0)) and not _in_contents(ctx.text, m.start(), 0):
                return m.start()
    found = max(before) if before else title_end
    # a 2012-13 report's first prose sentence may lie inside its "Service information" section (context and
    # statistics, which the findings leave out): the findings are read from that section's heading, so they know it
    info = [m.start() for m in _SERVICE_INFORMATION.finditer(ctx.text, start, found)]
    return info[-1] if info and not _in_contents(ctx.text, info[-1], 0) else found


_SERVICE_INFORMATION = re.compile(r"^[ \t]*Service information[ \t]*$", re.M)
_FINDINGS_HEADING = re.compile(r"^[ \t]*(?:Overall judgement|Summary of (?:key |main )?findings|Key findings|Main findings)\b"
                               r"[^\n.]{0,80}$", re.I | re.M)


def _title_end(text: str, start: int, end: int) -> int:
    """End of the title block: the lead-inspector line, the dates line, or the first prose sentence."""
    for a, b in lines(text, start, end):
        line = text[a:b].strip()
        if line.endswith(".") and len(line.split()) >= 8:
            return a
    return end


def _judgements(ctx: Context, rec: LetterRecord, region: Region, title_end: int) -> None:
    text = ctx.text
    # the table sits between the title block and the first prose sentence after it
    table_start = region.start
    lead = LEAD.search(text, region.start, region.end)
    dates = DATES.search(text, region.start, region.end)
    anchors = [m.end() for m in (lead, dates) if m and m.start() < max(title_end, region.start + 1500)]
    if anchors:
        table_start = max(anchors)
    # the table's labels are found at their first occurrence, so a generous window is safe even when
    # PDF extraction ran the whole page into one line
    table_end = min(region.end, table_start + 2500)
    found = max(grade_table(text, table_start, table_end, ILACS_AREAS), grade_table(text, table_start, table_end, SIF_AREAS),
                key=len)
    if len(found) < 4 and anchors:
        # the text layer may hold the table before the title fields (cover and contents pages there
        # hold no grades)
        fields_start = min(m.start() for m in (lead, dates) if m and m.end() in anchors)
        before = max(grade_table(text, region.start, fields_start, ILACS_AREAS),
                     grade_table(text, region.start, fields_start, SIF_AREAS), key=len)
        if len(before) > len(found):
            found = before
    if len(found) < 2:  # not an ILACS or SIF table: a 2009-2012 report's grades
        found = _old_table(text, region.start, region.end) or found
    if found and found[0][0].startswith("1."):
        m = SIF_OVERALL.search(text, region.start, table_end)
        if m:
            found.insert(0, ("Overall effectiveness", _grade(m.group("g") or m.group("g2")), m.start(), m.end()))
        m = LSCB.search(text, region.start, region.end)
        if m:
            found.append(("The Local Safeguarding Children Board", _grade(m.group("g") or m.group("g2")),
                          m.start(), m.end()))
    for area, grade, a, b in found:
        rec.judgements.append(Judgement(area, grade))
        rec.cite("judgements", ctx.span(a, b))




_GRADE_WORD = r"(?:Outstanding|Good|Adequate|Inadequate)"
# "Overall effectiveness Inadequate", or with the scale's number after it ("Inadequate Grade 4")
_RECORD_ROW = re.compile(rf"^(?P<a>.*?)\s*(?P<g>{_GRADE_WORD})(?:\s+Grade\s+\d)?$")


# genre rule: the 2009-2012 reports' grade table and grade headings; its length is the genre's (radon CC > 20)
def _old_table(text: str, a: int, b: int) -> list[tuple[str, str, int, int]]:
    """2009-2012 reports: the "Record of main findings" grade table (labels may wrap, the grade may sit on
    its own line), or else the body's "Overall effectiveness Grade 3 (adequate)" headings."""
    # the table is the report's last page; its heading is in the contents too
    for record in reversed(list(re.finditer(r"^Record of main findings\s*$", text[a:b], re.M))):
        out = []
        label: list[tuple[int, int]] = []
        for la, lb in lines(text, a + record.end(), b):
            line = text[la:lb].strip()
            m = _RECORD_ROW.match(line)
            if line[:1].isupper() and not (m and not m.group("a")):
                label = []  # a new label (or a sub-heading) starts
            if m:
                parts = [text[x:y].strip() for x, y in label] + ([m.group("a")] if m.group("a") else [])
                area = " ".join(p for p in parts if p)
                if area:
                    start = label[0][0] if label else la
                    out.append((area, _grade(m.group("g")), start, lb))
                label = []
            elif not re.fullmatch(r"\d{1,3}", line):
                label.append((la, lb))
        out = max(out, _record_columns(text, a + record.end(), b), key=len)
        if out:
            return out
    out = []
    for la, lb in lines(text, a, b):
        line = text[la:lb].strip()
        m = OLD_TABLE_ROW.match(line)
        if not m or re.search(r"\(Grade \d\)|service that", line):
            continue
        area = m.group("a").strip(" .:")
        # (the pattern ignores case for the grade; a row's label still starts with a capital, where a
        # wrapped prose line ending in "... and inadequate" does not)
        if not area[:1].isupper() or len(area.split()) > 25 or area.endswith((" is", " are")):
            continue
        out.append((area, _grade(m.group("g")), la, lb))
    return out


def _record_columns(text: str, start: int, end: int) -> list[tuple[str, str, int, int]]:
    """The "Record of main findings" table read column by column (pdfminer): label cells, then the grade
    cells of those rows, each cell a paragraph, maybe in several such runs. The last labels before a run
    of grades take them in order (a sub-heading such as "Services for looked after children" has none)."""
    out: list[tuple[str, str, int, int]] = []
    labels: list[tuple[int, int]] = []
    grades: list[tuple[str, int]] = []

    def pair() -> bool:
        if len(labels) < len(grades):
            return False
        out.extend((" ".join(text[la:lb].split()), _grade(g), la, gb)
                   for (la, lb), (g, gb) in zip(labels[-len(grades):], grades, strict=True))
        labels.clear()
        grades.clear()
        return True

    for pa, pb in paragraphs(text, start, end):
        cell = " ".join(text[pa:pb].split())
        if re.fullmatch(rf"(?:{_GRADE_WORD})(?:\s+Grade\s+\d)?", cell):
            grades.append((cell.split()[0], pb))
            continue
        if len(cell) > 90 or cell.endswith(".") or not cell[:1].isupper():
            break
        if grades and not pair():
            return []
        labels.append((pa, pb))
    if grades and not pair():
        return []
    return out if len(out) >= 2 else []


def _framework(rec: LetterRecord, title: str) -> str | None:
    """The framework, from the judgement table's areas; else from the title and the dates (a table
    the text layer scrambled beyond reading still belongs to its framework)."""
    areas = {j.area for j in rec.judgements}
    if any(a.startswith("The experiences") or a.startswith("The impact") for a in areas):
        return "ILACS"
    if any(a[:1].isdigit() for a in areas):
        return "SIF"
    start = rec.visit_start or ""
    if start and start < "2013-11":
        return "safeguarding and looked after children 2009-2012"
    if re.search(r"services\s+for\s+children\s+in\s+need\s+of\s+help", title, re.I):
        return "SIF"
    if start >= "2018" and re.search(r"local\s+authority\s+children's\s+services|children's\s+social\s+care\s+services",
                                     title, re.I):
        return "ILACS"
    return None


def _framework_version(rec: LetterRecord) -> str | None:
    """ILACS 2018 (one "children in care and care leavers" judgement), ILACS 2023 (the two apart, from
    January 2023), ILACS 2026 (no overall effectiveness, from April 2026); SIF as it is."""
    if rec.framework == "SIF":
        return "SIF"
    if rec.framework != "ILACS":
        return None
    areas = [j.area.lower() for j in rec.judgements]
    if areas and not any("overall" in a for a in areas) and (rec.visit_start or "") >= "2026-04":
        return "ILACS 2026"
    if any("care leavers" in a and "in care" in a for a in areas):
        return "ILACS 2018"
    if any("care leavers" in a for a in areas) or (rec.visit_start or "") >= "2023-01":
        return "ILACS 2023"
    return "ILACS 2018"


# A SIF report states its predecessor's result in two sentences ("The last Ofsted inspection of X's
# arrangements for the protection of children was in November 2012. The local authority was judged to be
# inadequate."), beside the same statement for looked after children, fostering and adoption, which are not
# the overall judgement. A reinspection gives the report that it follows ("The last inspection report ...
# was published in January 2015 ... Overall effectiveness: inadequate").
_PROTECTION_INSPECTION = re.compile(
    rf"\b(?:(?:last|previous)\s+(?:Ofsted\s+|single\s+)?|\b(?:An?|The)\s+(?:follow[\s-]*up\s+|unannounced\s+)?)"
    rf"inspection\s+(?:report\s+)?(?:of|for)\s+(?P<subject>[^.]{{0,200}}?)"
    # "A follow up inspection of ... took place in September 2011. The local authority was judged ..."
    rf"\s+(?:was\s+(?:undertaken\s+|carried\s+out\s+|published\s+)?(?:in\s+)?|took\s+place\s+)in\s+(?P<m>{MONTH_RE})\s+"
    rf"(?P<y>(?:19|20)\d\d)\b[^.]{{0,20}}[.,]?\s*"
    rf"(?:(?:The|when\s+the)\s+(?:overall\s+effectiveness\s+of\s+the\s+)?(?:local\s+authority|council)\s+was\s+judged\s+"
    rf"(?:to\s+be\s+|as\s+)?|[^.]{{0,300}}?Overall\s+effectiveness\s*:?\s*(?:was\s+)?(?:judged\s+)?(?:to\s+be\s+)?)"
    rf"(?P<g>{fields.GRADE})\b",
    re.I)
_OVERALL_SUBJECT = re.compile(r"safeguarding|protection|children's\s+services|children\s+in\s+need", re.I)


def _with_month(prev: Found[PreviousJudgement] | None, text: str, region: Region,
                before: date | None) -> Found[PreviousJudgement] | None:
    """A previous judgement dated by its year alone ("Since the last inspection ... in 2019, when ...") takes
    its month from a later restatement of the same grade that year ("... were last inspected in November
    2019, with a judgement of ...")."""
    year = prev.value.date if prev else None
    if prev is None or not year or "-" in year:
        return prev
    fuller = fields.previous_judgement(text, region.start, region.end, before, LAST_INSPECTION)
    if fuller and fuller.value.grade == prev.value.grade and (fuller.value.date or "").startswith(year + "-"):
        return fuller
    return prev


def _protection_inspection(text: str, start: int, end: int, before: date | None) -> Found[PreviousJudgement] | None:
    """The overall judgement of the inspection a SIF report follows, from its two-sentence statement (the
    first before the visit: a report may restate it later with another month)."""
    for m in _PROTECTION_INSPECTION.finditer(text, start, end):
        if not _OVERALL_SUBJECT.search(m.group("subject")):
            continue  # the looked after children, fostering or adoption inspection
        when = (int(m.group("y")), _month(m.group("m")))
        if before and when >= (before.year, before.month):
            continue
        return Found(PreviousJudgement(_grade(m.group("g")), f"{when[0]:04d}-{when[1]:02d}"), m.start("g"), m.end("g"))
    return None


# 2012-2013: after the joint "safeguarding and looked after children" inspections, Ofsted inspected the
# services for looked after children alone; like the looked after children judgement a SIF report restates
# beside the overall one (see _PROTECTION_INSPECTION), it is not an inspection of the children's services as
# a whole, whose place the protection inspection of the same years ("arrangements for the protection of
# children") takes
_SINGLE_SUBJECT = re.compile(r"\bInspection\s+of\s+(?:looked\s+after\s+children\s+services|"
                             r"progress\s+made\s+in\s+the\s+provision\s+of\s+(?:\w+\s+){1,3}?services)\b", re.I)

# Area SEND inspections (Ofsted with the CQC, of a local area partnership): outcomes, not graded judgements
_AREA_SEND = re.compile(r"\bArea\s+SEND\s+inspection\s+of\b", re.I)
_SEND_SUBJECT = re.compile(r"\bThe\s+(local\s+area\s+partnership['’]s\s+[^.]{5,200}?)\s+(?:typically\s+|generally\s+)?"
                           r"leads?\b", re.I)
# "Douglas", "O’Kelly"; not "HMI", nor the end of a role ("Ofsted Inspector   Lea Pickerill, CQC inspector")
_SEND_WORD = r"(?!(?:Inspector|Lead|Senior)\b)[A-Z](?:[a-z]|['’][A-Z])[\w'’-]*"
_SEND_MEMBER = re.compile(rf"(?P<n>{_SEND_WORD}(?:[ \t]+{_SEND_WORD}){{1,2}}),[ \t]+(?P<r>(?:HMI,[ \t]+)?(?:Ofsted|CQC)\b[^,\n]*?"
                          rf"(?:,[ \t]+lead[ \t]+inspector)?)(?=[ \t]+{_SEND_WORD}(?:[ \t]+{_SEND_WORD}){{1,2}},|[ \t]*$)",
                          re.M)


def _area_send(ctx: Context, rec: LetterRecord, region: Region) -> None:
    """An area SEND report: its kind, subject, the team table (Ofsted beside CQC) and its areas for
    improvement, each a paragraph that says who "should" do what."""
    text = ctx.text
    rec.visit_type = "other:area send inspection"
    rec.judgements, rec.focus_areas, rec.framework, rec.framework_version = [], [], None, None
    rec.evidence.pop("judgements", None)
    rec.evidence.pop("focus_areas", None)
    m = _SEND_SUBJECT.search(text, region.start, region.end)
    if m:
        subject = "the " + re.sub(r"\s+", " ", m.group(1))
        who = re.search(r"children\s+and\s+young\s+people\s+with\s+special\s+educational\s+needs[^.]*?\(SEND\)",
                        text[m.end():m.end() + 300])
        if "SEND" not in subject and who:  # "...'s arrangements lead to ... for children and young people with SEND"
            subject += " for " + re.sub(r"\s+", " ", who.group(0))
        rec.focus_areas.append(subject)
        rec.cite("focus_areas", ctx.span(m.start(1), m.end(1)))
    # (a Markdown form prints the columns' headings on the heading's line: "Inspection team Ofsted Care ...")
    team = re.search(r"^Inspection team(?:[ \t]+(?:Ofsted|Care Quality Commission|CQC))*[ \t]*$",
                     text[region.start:region.end], re.M)
    if team:  # the table is the whole team; "lead inspector Liz Fox" read across its columns is not
        rec.inspectors, rec.inspection_team = [], []
        rec.evidence.pop("inspectors", None)
        start = region.start + team.end()
        for mm in _SEND_MEMBER.finditer(text, start, _send_team_end(text, start, region.end)):
            # the columns' headings run on into the first name when a converter joined the rows
            head = _SEND_HEADING_WORDS.match(text, mm.start("n"), mm.end("n"))
            n_start = head.end() if head else mm.start("n")
            name = re.sub(r"\s+", " ", text[n_start:mm.end("n")])
            if any(same_person(name, n) for n in rec.inspectors):
                continue
            role = re.sub(r"\s+", " ", mm.group("r"))
            rec.inspectors.append(as_printed(ctx, name, n_start, mm.end("n")))
            rec.cite("inspectors", ctx.span(n_start, mm.end("n")))
            rec.inspection_team.append(TeamMember(rec.inspectors[-1], role, "CQC" if "CQC" in role else "Ofsted"))
        rec.inspection_team = [t for t in rec.inspection_team if t.name in rec.inspectors]
    for la, lb in lines(text, region.start, region.end):
        if re.fullmatch(r"\s*Areas for improvement\s*", text[la:lb]):
            items = _should_paragraphs(text, lb, region.end)
            if items:
                for a, b in items:
                    rec.recommendations.append(re.sub(r"\s+", " ", text[a:b]).strip())
                    rec.cite("recommendations", ctx.span(a, b))
                break
    first = _SEND_FINDINGS.search(text, region.start, region.end)
    if first:  # the findings sections, up to the partnership's details and the method after them
        last = _SEND_FINDINGS_END.search(text, first.end(), region.end)
        add_findings(ctx, rec, first.start(), last.start() if last else region.end)


# an area SEND report's first findings heading ("What is it like to be a child or young person with SEND in
# this area?"), and the headings of its closing tables and method ("Local area partnership details", ...)
_SEND_FINDINGS = re.compile(r"^[ \t]*What is it like to be a child or young person\b", re.I | re.M)
_SEND_FINDINGS_END = re.compile(r"^[ \t]*(?:Local area partnership details|Information about this inspection"
                                r"|Inspection team)[ \t]*$", re.I | re.M)


_SEND_HEADING_WORDS = re.compile(r"(?:(?:Ofsted|Care|Quality|Commission|CQC)[ \t]+)+")
_SEND_HEADERS = re.compile(r"(?:\s*(?:Ofsted|Care Quality Commission|CQC))+\s*")


def _send_team_end(text: str, start: int, end: int) -> int:
    """Where an area SEND report's team table ends: at the first line that is neither an inspectorate's
    heading nor a member ("Name, Ofsted HMI"). Blank lines may come between its rows (a converter reading
    its two columns one after the other, or double-spacing them)."""
    for la, lb in lines(text, start, end):
        line = text[la:lb]
        if not (_SEND_HEADERS.fullmatch(line) or _SEND_MEMBER.search(line)):
            return la
    return end


def _should_paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Items that each start with a sentence saying who should act; other sentences join the item before."""
    items: list[tuple[int, int]] = []
    prev_line = ""
    for la, lb in lines(text, start, end):
        line = text[la:lb].strip()
        if not items and re.fullmatch(r"Areas for improvement", line, re.I):
            continue  # the heading printed twice
        if prev_line.endswith(".") and len(line.split()) < 9 and not line.endswith(".") or \
                line.startswith("Area SEND inspection report"):
            if items:
                break
            prev_line = line
            continue
        if prev_line.endswith(".") or not items:
            first = re.split(r"(?<=\.)\s", text[la:min(end, la + 400)], maxsplit=1)[0]
            if re.search(r"\bshould\b|\bmust\b|\bneeds? to\b", first):
                items.append((la, lb))
                prev_line = line
                continue
        if items:
            items[-1] = (items[-1][0], lb)
        prev_line = line
    return [part for a, b in items for part in _should_sentences(text, a, b)]


_SENTENCE_START = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_WHO_SHOULD = re.compile(r"(?:[^\s.!?]+\s+){0,14}?(?:should|must)\b")  # within the sentence's first words


def _should_sentences(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """An item line that holds several items (a converter that joined the table's rows into one line):
    each sentence saying who should act starts an item, the sentences after it go with it."""
    starts = [a] + [m.end() for m in _SENTENCE_START.finditer(text, a, b) if _WHO_SHOULD.match(text, m.end(), b)]
    if len(starts) < 2 or not _WHO_SHOULD.match(text, a, b):
        return [(a, b)]
    return [(x, len(text[x:y].rstrip()) + x) for x, y in zip(starts, starts[1:] + [b], strict=True)]
