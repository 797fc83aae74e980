"""A letter's findings: one unit per sentence or bullet item, each with its section and polarity.

Polarity comes from the section heading where the letter has one ("Strengths", "Areas for
development", "Area for priority action", "What needs to improve ...") and otherwise from the shipped
findings model (`ofsted_kg.findings_model`, trained on hand labels of real documents); the cue-word rule
`wording_polarity` is kept for comparison. What is not a finding (the opening, the inspectors, the method paragraph, what the visit
looked at, thanks, sign-off and copy lists) is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ofsted_kg.extract import fields
from ofsted_kg.extract.context import Context, sentences
from ofsted_kg.extract.lexicon import GRADE, POSTCODE_RE
from ofsted_kg.findings_model import CUES, neighbours

POLARITIES = ("strength", "satisfactory", "area for improvement", "area for priority action", "recommendation")

SECTION_POLARITY = [
    (re.compile(r"^(?:areas? of |key )?strengths?\b(?!\s+and\s+weakness)|^what is working well|^what is the .{3,40} doing that is effective"
                r"|^the local authority(?:['’]s| has the following) strengths", re.I), "strength"),
    (re.compile(r"^satisfactory practice", re.I), "satisfactory"),
    (re.compile(r"^areas? for (?:priority|immediate) action|^priority (?:and immediate )?actions?", re.I),
     "area for priority action"),
    (re.compile(r"^areas? for (?:development|improvement)|^areas? (?:that|which) (?:need|require)", re.I),
     "area for improvement"),
    (re.compile(r"^what needs to improve|^what (?:does|do) .{3,40} need to|^recommendations?|^what needs to happen",
                re.I), "recommendation"),
]
_SKIP_SECTION = re.compile(r"^areas covered by the visit|^contents|^information about|^context$|^next steps$|^service information$"
                           rf"|^{fields.DESCRIPTORS_HEADING}|^{fields.RECORD_TABLE_HEADING}", re.I)
# a contents page's entry read as a heading ("Summary for children and young people 8"): the lines under it
# are the next entries, not findings
_CONTENTS_ENTRY = re.compile(r"[a-z]\s+\d{1,3}$")
# the sub-headings of a SIF report's "Information about this local authority area" (context and statistics,
# not findings): its section goes on under them
_INFO_SUBSECTION = re.compile(
    r"^(?:previous ofsted inspections?|other ofsted inspections?|local leadership|(?:children|child protection|children "
    r"looked after|care leavers|young people)\b.{0,40}\bin this (?:local authority )?area)\b", re.I)
# the sub-headings of a SIF report's closing grade descriptors ("What the inspection judgements mean" / "The local
# authority" / "An outstanding local authority leads ..."): its section goes on under them
_DESCRIPTOR_SUBSECTION = re.compile(r"^the (?:local authority|local safeguarding children board|lscb)\b", re.I)
# a 2009-13 report's time-framed improvement list's sub-headings ("Areas for improvement" / "Immediately:" / "Within
# three months:"): the list's heading still decides its items' polarity
_TIMEFRAME = re.compile(r"(?:immediately|within (?:\w+ )?(?:days?|weeks?|months?|years?))\s*:?", re.I)
# a report's judgement heading, which may wrap: "The experiences and progress of children who need help and
# / protection: Good"
_JUDGEMENT_HEADING = re.compile(
    r"^(?:the (?:experiences and progress|impact of leaders|effectiveness)|overall effectiveness|leadership,? management"
    r"|summary for children|executive summary|summary of (?:key )?findings|the local authority|the graded judgement"
    r"|the local safeguarding children board)\b", re.I)
# a line that only looks like a numbered item: a bracket's end wrapped onto it, the sentence going on ("... aged
# 12 to / 24) following assessment.")
_WRAPPED_NUMBER = re.compile(r"\d{1,3}\)\s+[a-z]")
_SENTENCE_END = re.compile(r"[.!?:;]['’\"”)]?\s*$")
# a question heading's wrapped second line: it starts in lower case and ends the question
_HEADING_GOES_ON = re.compile(r"[a-z][^.!?]{0,100}\?")
# the grade ending a judgement heading, a full stop after it too ("...: requires improvement to be good."), or the
# heading printed without its colon ("... children in care and care leavers requires / improvement to be good.",
# "... who need help and / protection is inadequate")
_GRADE_END = re.compile(rf"(?::\s*{GRADE}|(?:protection|care leavers|in care|families)\s+(?:(?:is\s+)?requires\s+improvement"
                        r"\s+to\s+be\s+good|(?:is|are)\s+(?:inadequate|good|outstanding))"
                        # a SIF report's LSCB judgement ("The Local Safeguarding Children Board (LSCB) requires / improvement")
                        r"|(?:board|\(lscb\))\s+(?:is\s+)?(?:requires\s+improvement|inadequate|good|outstanding)"
                        # a SIF sub-judgement: "The graded judgement for adoption performance is that it is good"
                        rf"|\bis\s+that\s+(?:it|they)\s+(?:(?:is|are)\s+)?{GRADE})\.?\s*$", re.I)  # ("is requires": sic)
# procedure run on into the end of an item or paragraph ("... as they should. Ofsted will take the findings ...")
_TRAILING_PROCEDURE = re.compile(
    r"(?<=[.!?])\s+(?:Ofsted\s+will\s+take\s+the\s+findings|This\s+(?:joint\s+)?inspection\s+was\s+conducted\s+under"
    r"|We\s+have\s+determined\s+that)")
_NUMBERED = re.compile(r"^\s*\d{1,3}\.\s")
# a SIF report's judgement heading whose grade stands bare, capitalised, on the heading's last line or a line of its
# own ("The experiences and progress of" / "children who need help and" / "protection" / "Good"; "... achieving
# permanence Requires improvement"); its second half may wrap ("Requires improvement" / "to be good")
_BARE_GRADE = re.compile(r"(?:Requires\s+[Ii]mprovement(?:\s+to\s+be\s+good)?|Outstanding|Good|Adequate|Inadequate)\.?")
# the header of a SIF report's one-row judgement table under a judgement heading ("Key Judgement Judgement Grade")
_KEY_JUDGEMENT_HEADER = re.compile(r"key\s+judgement\s+(?:judgement|inspection)\s+grade", re.I)
_BARE_GRADE_END = re.compile(rf"(?:protection|permanence|care leavers|in care|families|governance)\s+{_BARE_GRADE.pattern}\s*$")
_BARE_GRADE_TAIL = re.compile(rf"\s+{_BARE_GRADE.pattern}\s*$")


def _ends_graded(heading: str) -> bool:
    """Does a judgement heading's text end with its grade (after a colon, "is ...", or bare)?"""
    return bool(_GRADE_END.search(heading) or _BARE_GRADE_END.search(heading))
# a joint letter's section 20 footnote caught inside a sentence at a page break, and a footnote marker glued to
# a word ("Operation Encompass3 shows", "the family nurse partnership4.")
_INNER_FOOTNOTE = re.compile(r"\s+\d{1,2}\s+This (?:joint )?inspection was conducted under section 20 of the Children Act"
                             r" 2004\.?(?=\s|$)")
_FOOTNOTE_TEXT = re.compile(r"^[1-9]\d?\s+[A-Z][\w'’-]*\s")  # "3 Operation Encompass is a project ..."
_FOOTNOTE_MARK = re.compile(r"(?<=[a-z]{3})[1-9](?=[\s.,;:)]|$)")
_NOT_FINDING = re.compile(
    r"^(?:this letter (?:summarises|sets out|confirms)|this (?:visit|inspection) was carried out (?:in line with|under)"
    r"|the (?:visit|inspection) was (?:carried out|conducted|undertaken) (?:by|under)|(?:her|his) majesty's inspectors"
    r"|the inspectors (?:were|for)|the lead inspector|a range of evidence|inspectors (?:also )?(?:looked at|considered|"
    r"spoke|met|scrutinised|sampled|tracked|reviewed|evaluated|examined) (?:a |the )?(?:range|sample|number|evidence|"
    r"case|children's (?:case )?records|local authority performance|relevant)|inspectors (?:also )?(?:spoke|met) "
    r"|i would like to|we would like to|i am copying|this letter will be published|ofsted will take|yours (?:sincerely|faithfully)"
    r"|any areas for development|this (?:visit|inspection) (?:has )?identified the following"
    r"|the inspection identified (?:the following|(?:an?|no|one|two|three|some) (?:areas?|strengths)|areas?)"
    r"|from the evidence gathered|the inspection sampled|inspectors sampled|the inspection was carried out under|it will contribute to the annual review"
    r"|in addition, it is considered by ofsted|the local authority should (?:now )?(?:prepare|submit)"
    r"|(?:copy|cc)\b"
    # joint letters' and reports' procedure, method and statutory text (issue 15)
    r"|we have determined that|it was carried out by inspectors from|this statement will inform"
    r"|.{0,200}\bshould (?:send|submit|prepare) (?:the |a )?written statement"
    r"|.{0,120}\b(?:is|are) (?:required|asked) to (?:prepare|submit|send) (?:a |the )?written statement"
    r"|(?:this|the) (?:joint )?(?:inspection|visit) was (?:carried out|conducted|undertaken)"
    r"|.{0,80}\bsection 20 of the children act 2004|\d{1,2}\s+(?:section|this inspection was carried out)"
    r"|the following (?:areas?|points?|issues?) (?:need|needs|require)"
    r"|this (?:report|letter) (?:is|was) (?:published|written)"
    # what the visit looked at and how, and what the local authority must do next (a paragraph's later sentences,
    # which the procedure before them no longer covers where paragraphs are lost)
    r"|both inspectors|the methodology for this (?:visit|inspection)|the delivery model was adapted"
    r"|the (?:jtai|inspection|visit) looked at|the impact of leaders on practice was also considered"
    r"|we have notified the department for education|you should submit an action plan"
    r"|it would be (?:very )?helpful if you (?:can|could) share|the secretaries of state for"
    r"|if you would like ofsted to send you"
    # a SIF report's opening boilerplate and a 2012-13 report's grade scale ("Outstanding (Grade 1) A service that ...")
    r"|it is ofsted.s expectation that,? as a minimum|outstanding \(grade 1\) a service that"
    # its statutory basis ("... carried out under section 136 of the Education and Inspections Act 2006 ...") and
    # its back page's licence
    r"|this report includes the report of the inspection of|you may (?:copy|reuse) all or parts of this document"
    # joint letters' and focused visits' boilerplate (the letter's purpose, the COVID-19 programme, the national
    # framework's cross-references, the inspectorates' caveats) and more of what the visit looked at
    r"|this letter,? to (?:all )?the service leaders in the (?:local )?area,? outlines"
    r"|(?:this|the) (?:joint targeted area inspection|jtai|inspection)(?: \(jtai\))? (?:included|includes) (?:an evaluation|a .deep dive)"
    r"|also included was a .deep dive|in this inspection, the evaluation of|specifically, (?:they|inspectors) (?:considered|looked at)"
    r"|this was the first visit by ofsted"
    r"|(?:her|his) majesty's chief inspector of education, children's services and skills is leading"
    r"|the areas for improvement have been cross-referenced|this statutory guidance sets out"
    r"|the inspectorates recognise the complexities|we anticipate that each of these joint targeted area inspections"
    r"|alongside this inspection of|alongside this,? the (?:inspection|jtai|visit) considered"
    r"|.{0,40}\binspection (?:of|in) this area of practice is (?:more )?likely to highlight"
    # a sentence introducing the list or the examples below it
    r"|.{0,200}\b(?:detailed|set out|listed|outlined|described) below\.?$|below are (?:some )?(?:examples|case)"
    r"|(?:inspectors|they) (?:also )?(?:looked at|considered) (?:a range of evidence|local authority performance"
    r"|the impact of leaders|the effectiveness of the multi-agency leadership)|inspectors engaged with"
    r"|there (?:are|were) no (?:areas? for )?(?:priority|immediate|recommendations?|further)[^.]{0,40}\.?$|none\.?$"
    # an empty list said in words ("The inspection did not find any areas for priority and immediate action")
    r"|(?:the|this) (?:inspection|visit) (?:did not|has not|does not) (?:find|identify) any (?:areas? for )?"
    r"(?:priority|immediate)[^.]{0,40}\.?$"
    # a report's back page
    r"|the office for standards in education|it (?:regulates|assesses|inspects) |if you would like a copy"
    r"|you may reuse|to view this licence|this publication is available|interested in our work|you can subscribe"
    r"|(?:©|\(c\)) crown copyright|t:? 0300 123 \d{4}|.{0,40}enquiries@ofsted\.gov\.uk"
    r"|any complaints about the inspection|to receive regular email alerts|all inspection judgements are made using"
    r")",
    re.I)
# a sentence that goes on with the procedure before it ("This means a further visit will ...", "The statement
# should ..."): in text whose paragraphs are lost (a whole letter on one line) only these are procedure too
_GOES_ON = re.compile(
    r"(?:this|these|that|those|it|its|they|their|such|he|she|also|however|inspectors?|(?:her|his) majesty's"
    r"|in (?:addition|particular|this)|as (?:a result|part)"
    r"|(?:during|following|for|after) (?:this|these|the (?:visit|inspection))"
    r"|the (?:visit|inspection)(?! (?:also )?(?:identified|found|highlighted|showed)\b)"  # "The inspection identified strengths"
    r"|the (?:response|statement|written statement|inspectors?|letter|report|plan|action plan|lines of enquiry"
    r"|findings|evidence|partnership))\b",
    re.I)
# Not findings, but not procedure that the rest of their paragraph goes on with either: a report's
# cross-reference left alone ("... planning (Recommendation)." split off), a letter's naming note ("This group
# of children will be referred to as 'older children' ...", the paragraph's findings follow)
_ASIDE = re.compile(r"\((?:recommendation|paragraphs?\b[^)]*)\)\.?$|.{0,80}\bwill be referred to as\b", re.I)
# Negations that read as praise ("not overly optimistic", "no issue of significant harm") are removed
# before looking for negative cues.
_NOT_NEGATIVE = re.compile(
    r"\b(?:not (?:overly|unduly|impacted|interrupted|affected|disrupted|compromised)|no (?:issues?|significant|"
    r"concerns?|delay)\b|not able to live together|when (?:there is|there are) (?:delay|drift))", re.I)
_NEGATIVE = re.compile(
    r"\b(?:not|no longer|too (?:many|few|long|high|slow|much|variable|early|late|soon|heavily)|remains? (?:too|a|an|in|"
    r"variable|inconsistent|limited|underdeveloped|under-developed)|inconsistent(?:ly)?|variab(?:le|ility)|"
    r"insufficient(?:ly)?|delays?|delayed|weak(?:er|ness|nesses)?|poor(?:er|ly)?|lack(?:s|ing)?|limited|limits|yet to|"
    r"has yet|have yet|needs? to|must|should|fail(?:s|ed|ing)?|gaps?|shortfalls?|deficits?|concerns?|drift|"
    r"under-?developed|unassessed|missed opportunit(?:y|ies)|don't|doesn't|isn't|aren't|cannot|unable|absent|"
    r"inappropriate(?:ly)?|ineffective|exacerbated|less than|not always|deteriorat\w*|decline[ds]?|confusion|"
    r"duplication|despite|further work|more needs to be done|will benefit from|would benefit from|continue to "
    r"experience|only a (?:very )?small (?:minority|number)|low)\b",
    re.I)
_POSITIVE = re.compile(
    r"\b(?:effective(?:ly)?|strong(?:ly|er)?|strengths?|good|well|better|improved|improving|improvements?|"
    r"positive(?:ly)?|robust|timely|skilled|skilful(?:ly)?|benefit(?:s|ing)?|clear(?:ly)?|comprehensive|committed|"
    r"valued?|thorough(?:ly)?|swift(?:ly)?|progress(?:ing|ed)?|success(?:ful|fully)?|proactive(?:ly)?|purposeful|"
    r"sensitive(?:ly)?|thoughtful(?:ly)?|enthusiastic|manageable|embedded|understand|understands|know|knows|enjoy|"
    r"enjoys|settled|happy|safe|trusted|trusting|seamless(?:ly)?|carefully|increasingly|enhanced|welcomed|helpful|"
    r"knowledgeable|attuned|supported|supports|ensures?|increased|greater|listened|likes?|appreciate|promotes?|"
    r"closely|recruited|developed|begun|recognises?|starting to|beginning to|accountability|more children now|"
    r"consistently sought|exempt|strategic oversight|reflective|specialist|detailed)\b",
    re.I)
# Process statements ("regular supervision", "in place", "appropriately ratified") are satisfactory practice
# unless the sentence also praises.
_SATISFACTORY = re.compile(
    r"\b(?:regular(?:ly)?|routine(?:ly)?|appropriate(?:ly)?|in place|weekly|monthly|established|in line with|"
    r"receive|held)\b", re.I)


@dataclass
class FindingUnit:
    text: str
    section: str
    polarity: str
    start: int  # clean-text span (mapped to the source by the caller)
    end: int
    themes: list[str] | None = None


def section_polarity(heading: str) -> str | None:
    for pattern, polarity in SECTION_POLARITY:
        if pattern.search(heading.strip()):
            return polarity
    return None


# An "Areas for improvement" list whose item says what should be done is a list of recommendations (a SIF
# report's: "Processes ... need to be more effective.", "Managers should offer appropriate challenge ...").
_RECOMMENDING = re.compile(r"\b(?:should|needs? to)\b", re.I)


def heading_polarity(heading: str, text: str = "", report: bool = False) -> str | None:
    """The polarity a unit's section heading decides, or None (the model decides). In a SIF or ILACS report
    (`report`), under an "Areas for improvement" heading an item saying what should or needs to be done is a
    recommendation; a joint letter's "Areas for improvement" items are areas for improvement, whatever their
    wording (31 of 31 labelled so, where 24 of 24 such report items are labelled recommendations)."""
    polarity = section_polarity(heading) if heading else None
    if polarity == "area for improvement" and report and _RECOMMENDING.search(text):
        return "recommendation"
    if polarity == "strength" and _caveat(text):
        return "area for improvement"
    return polarity


def _caveat(text: str) -> bool:
    """A strengths list's item that says it is too early to tell, or names a weakness after a contrast ("...
    although further progress is required"): an area for improvement, as the label guide has mixed items (on
    the labelled "Key strengths" items: 535 of 561 right, where the heading alone gives 515)."""
    low = text.lower()
    return bool(CUES["not-yet"].search(low) or (CUES["negative"].search(low) and CUES["contrast"].search(low)))


def wording_polarity(text: str) -> str:
    """'area for improvement' on any negative cue, 'strength' on praise, 'satisfactory' for process or neutral."""
    plain = _NOT_NEGATIVE.sub(" ", text)
    if _NEGATIVE.search(plain):
        return "area for improvement"
    if _POSITIVE.search(plain):
        return "strength"
    return "satisfactory"


def model_polarity(text: str, section: str = "", prev: str = "", nxt: str = "") -> str:
    """The findings model's polarity for a unit whose section heading does not decide it (`prev`, `nxt`: the
    units around it)."""
    from ofsted_kg.findings_model import active

    return active().polarity(text, section, prev, nxt)[0]


def _with_model_polarity(units: list[FindingUnit]) -> list[FindingUnit]:
    """The units, each whose heading did not decide its polarity ("") given the model's, its neighbours read."""
    for i, u in enumerate(units):
        if not u.polarity:
            u.polarity = model_polarity(u.text, u.section, *neighbours(units, i))
    return units


# genre rule: bullets, numbered items, headings and prose as letters lay them out; its length is the genre's (radon CC > 20)
def _wrapped_prose(line: str, nxt: str) -> bool:
    """Below a heading, a full-width line that only looks like one (its words capitalised, no full stop) with a
    full-width prose line below it: the first line of a paragraph ("Case study: highly effective practice" /
    "Staff in the Community Rehabilitation Company (CRC) and the National" / "Probation Service (NPS) are ...")."""
    return len(line) >= 60 and len(nxt) >= 60 and not fields._is_item_start(nxt) and not fields.is_heading(nxt, 0, len(nxt))


# a line ending on a word that a heading does not end on, over a prose line with a sentence's end: the sentence
# goes on ("Unaccompanied asylum-seeking children are well supported on their arrival in" / "Reading. Their ...")
_OPEN_END = re.compile(r"\b(?:in|of|the|and|to|for|with|a|an|on|at|by|from|that|as|or|is|are|were|was)$", re.I)
# an address block's postcode line (the line after its town may run on into the sentence the address interrupted), as
# the letterhead and addressee that a text layer puts inside the body print it: no heading
_ADDRESS_LINE = re.compile(rf"{POSTCODE_RE}\b")


def _runs_on(line: str, nxt: str) -> bool:
    """Does `line`, read as a heading, run on into the prose line `nxt`?"""
    return bool(_OPEN_END.search(line) and re.search(r"[a-z0-9]\.(?:\s|$)", nxt))


def _keeps_section(line: str, nxt: str, section: str) -> bool:
    """Does the section go on under the heading `line`? It does under an information section's or the grade
    descriptors' sub-headings, a time-framed list's "Within three months:", and an address's town or postcode."""
    return bool((_INFO_SUBSECTION.match(line) and re.match(r"information about this local", section, re.I))
                or (_DESCRIPTOR_SUBSECTION.match(line) and re.match(fields.DESCRIPTORS_HEADING, section, re.I))
                or (_TIMEFRAME.fullmatch(line) and section_polarity(section))
                or _ADDRESS_LINE.fullmatch(line) or _ADDRESS_LINE.match(nxt))


def _grade_lines(lines: list[str], i: int) -> int:
    """How many lines from lines[i] hold a bare grade alone (0: none): "Good", "Requires improvement", "Requires" /
    "improvement", "Requires improvement" / "to be good"."""
    for n in (3, 2, 1):
        if i + n <= len(lines) and _BARE_GRADE.fullmatch(" ".join(x.strip() for x in lines[i:i + n])) and all(
                x.strip() for x in lines[i:i + n]):
            return n
    return 0


def _graded_heading(text: str, block: list[int] | None, section: str) -> str:
    """The judgement heading a bare grade line ends ("" if none): the prose block above it (its first line perhaps
    read as the section heading: "The experiences and progress of" / "children who need help and" / "protection"),
    or the section heading itself when it has no grade yet."""
    if block is None:
        return section if section and _JUDGEMENT_HEADING.match(section) and not _ends_graded(section) else ""
    words = " ".join(text[block[0]:block[1]].split())
    if words[:1].islower() and section:
        words = f"{section} {words}"
    short = len(words.split()) <= 25 and not _SENTENCE_END.search(words) and ". " not in words
    return words if short and _JUDGEMENT_HEADING.match(words) else ""


def _heading_over_grade(text: str, lines: list[str], i: int, cur: list[int] | None, kind: str, section: str,
                        last_line: tuple[int, str] | None) -> tuple[str, int, list[int] | None] | None:
    """A report's judgement heading at lines[i] set over its grade or its table, as (the section it starts, the
    lines after this one that are the heading's too, the block above to keep: None when there is none or it was
    the heading's own lines); None when there is none. The forms: a 2009-13 heading over its grade line
    ("Quality of provision" / "Grade 4 (Inadequate)", the heading perhaps wrapped: "... young" / "people"); a
    SIF one-row table's header ("Key Judgement Judgement Grade") under its heading; a bare grade ending a
    heading set on lines of its own (see `_graded_heading`: its grade is left out of the section, as the model
    would read "Requires improvement" as an "Areas for improvement" list's heading, where the labelled reports'
    sections say "...: requires improvement to be good")."""
    line = lines[i].strip()
    if i + 1 < len(lines) and fields.GRADE_LINE.match(lines[i + 1].strip()):
        wrapped = line[:1].islower() and last_line is not None
        if cur and wrapped and last_line is not None:  # the heading's first line went into the block above
            cur = [cur[0], last_line[0] - 1] if cur[0] < last_line[0] else None
        return (f"{last_line[1]} {line}" if wrapped and last_line is not None else line), 0, cur
    block = cur if kind == "prose" else None
    if _KEY_JUDGEMENT_HEADER.fullmatch(line):
        heading = _graded_heading(text, block, "")
        if heading or cur is None:  # the judgement heading above it is its section, not a unit
            return heading or section, 0, None
    n = _grade_lines(lines, i)
    heading = _graded_heading(text, block, section) if n else ""
    return (heading, n - 1, None) if heading else None


def _blocks(text: str, a: int, b: int) -> list[tuple[str, int, int, str]]:
    """(kind, start, end, section) for each bullet item or prose block, with the heading above it."""
    out: list[tuple[str, int, int, str]] = []
    section = ""
    cur: list[int] | None = None
    kind = "prose"
    pos = a
    skip = 0  # lines to pass over: the rest of a heading already read
    last_line: tuple[int, str] | None = None  # the last line read: its start and text
    after_heading = False  # the line above was a heading
    lines = text[a:b].split("\n")
    for i, raw in enumerate(lines):
        la, lb = pos, pos + len(raw)
        pos = lb + 1
        line = raw.strip()
        if not line:
            if cur:
                out.append((kind, cur[0], cur[1], section))
            cur = None
            continue
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if skip:
            skip -= 1
            continue
        # a 2009-13 report's grade line, under its judgement heading (`_heading_over_grade`)
        if fields.GRADE_LINE.match(line):
            continue
        found = _heading_over_grade(text, lines, i, cur, kind, section, last_line)
        if found:
            heading_section, skip, keep = found
            if keep:
                out.append((kind, keep[0], keep[1], section))
            cur, section = None, heading_section
            continue
        last_line = (la, line)
        # a judgement heading may follow the last bullet of a list with no blank line (ILACS 2023 reports)
        if (cur is None or kind == "item") and _JUDGEMENT_HEADING.match(line) and (
                _ends_graded(line) or _ends_graded(f"{line} {nxt}")):
            if cur:
                out.append((kind, cur[0], cur[1], section))
                cur = None
            one_line = _ends_graded(line)
            section = (line if one_line else f"{line} {nxt}").rstrip(".")
            if not _GRADE_END.search(section):  # a bare grade, left out (`_heading_over_grade`)
                section = _BARE_GRADE_TAIL.sub("", section)
            skip = 0 if one_line else 1  # the heading's second line
            continue
        # (a paragraph's wrapped line that only reads like one is no heading: "... and this is a real" / "strength.")
        named = not (cur is not None and line[:1].islower())
        heading = named and bool(fields.RECOMMENDATION_HEADING.match(line) or fields.OTHER_HEADING.match(line)) or (
            cur is None and fields.is_heading(text, la, lb) and not (nxt[:1].islower())
            and not (after_heading and _wrapped_prose(line, nxt)) and not _runs_on(line, nxt))
        after_heading = heading
        if heading and not fields._is_item_start(line):
            if cur:
                out.append((kind, cur[0], cur[1], section))
            cur = None
            if not _keeps_section(line, nxt, section):
                section = line.rstrip(":")
            if _HEADING_GOES_ON.fullmatch(nxt) and not line.endswith(("?", ":", ".")):
                section, skip = f"{section} {nxt}", 1  # "... with special educational needs / and/or ... area?"
            continue
        if fields._is_item_start(line) and not (cur and _WRAPPED_NUMBER.match(line) and not _SENTENCE_END.search(
                text, cur[0], cur[1])):
            if cur:
                out.append((kind, cur[0], cur[1], section))
            cur, kind = [la, lb], "item"
            continue
        if cur is None:
            cur, kind = [la, lb], "prose"
        else:
            cur[1] = lb
    if cur:
        out.append((kind, cur[0], cur[1], section))
    return out


# The Ofsted letterhead that a PDF's text layer puts after page one's last line, inside the sentence running on
# to page two ("... have substantially Ofsted Piccadilly Gate Store Street Manchester M1 2WD"), and what may
# follow it before the sentence goes on: the contact lines, the letter's date, the addressee's block up to its
# postcode ("... Kettering NN15 7QX improved.")
_POSTCODE = POSTCODE_RE
_INNER_LETTERHEAD = re.compile(
    r"\s*,?\s*(?:O?fsted\s+)?(?:Piccadilly Gate|Agora|Freshford House|Royal Exchange Buildings|Aviation House)\b"
    rf"[^.]{{0,80}}?{_POSTCODE}\s*$")
_LETTERHEAD_TAIL = re.compile(
    r"(?:\s*(?:T:?\s*0\d{3}[\d ]{7,9}|Textphone:?\s*0[\d ]{9,12}|(?:E:\s*)?enquiries@ofsted\.gov\.uk"
    rf"|(?:W:\s*)?www\.\S+|[^.]{{0,200}}?\b{_POSTCODE}(?=\s+[a-z])))+\s*")
# a list of what the visit looked at ("This visit focused specifically on:", "..., with a particular focus on:")
_FOCUS_LEAD = re.compile(r"(?:\bfocus(?:s?ed)?\b[^.]{0,40}\bon|\blooked at|\bconsidered|\bevaluated)\s*(?:the)?:$", re.I)


def _could_be_a_unit(t: str) -> bool:
    """Not too short, has words, and is not procedure, an aside or a footnote's own text."""
    return len(t) >= 12 and bool(re.search(r"[a-z]", t)) and not (
        _NOT_FINDING.match(t) or _ASIDE.match(t) or _FOOTNOTE_TEXT.match(t))


# genre rule: one case per way a letter's body sets out a finding; its length is the genre's (radon CC > 20)
def extract_findings(ctx: Context, a: int, b: int, skip: list[tuple[int, int]] = (),  # type: ignore[assignment]
                     report: bool = False) -> list[FindingUnit]:
    """Finding units in the letter body text[a:b]; `skip` holds clean spans already used (focus areas);
    `report`: a SIF or ILACS report's judgement sections (see `heading_polarity`)."""
    text = ctx.text
    units: list[FindingUnit] = []
    broken: tuple[str, int, str, int] | None = None  # a sentence cut by the letterhead: text, start, kind, end
    focus_list = False  # the items of a list of what the visit looked at
    for kind, s, e, section in _blocks(text, a, b):
        if _SKIP_SECTION.search(section) or _INFO_SUBSECTION.match(section) or _CONTENTS_ENTRY.search(section):
            continue  # (an information section's sub-heading, its own heading read otherwise: SIF re-inspections)
        focus_list = focus_list and kind == "item"
        if focus_list:
            continue
        by_section = section_polarity(section) if section else None
        # a numbered paragraph of a report's judgement section is prose: one unit per sentence; a paragraph
        # under a priority-action heading is one priority action, as an item is (the 2010 letters)
        whole_item = (kind == "item" and not (by_section is None and _NUMBERED.match(text[s:e]))) or (
            kind == "prose" and by_section == "area for priority action")
        spans = [(s, e)] if whole_item else sentences(text, fields.item_text(text, s, e)[1] if kind == "item" else s, e)
        procedural = False  # a paragraph that opened with procedure goes on with it ("This means the annual ...")
        for x, y in spans:
            t, tx, ty = fields.item_text(text, x, y)
            cut = _TRAILING_PROCEDURE.search(text, tx, ty)
            if cut:
                t, tx, ty = fields.item_text(text, tx, cut.start())
            t = _FOOTNOTE_MARK.sub("", _INNER_FOOTNOTE.sub("", t))
            if broken:
                tail = _LETTERHEAD_TAIL.match(t)
                rest = t[tail.end():] if tail else t
                if rest[:1].islower() or (rest[:1].isupper() and kind == broken[2] == "prose"):
                    t, tx, broken = f"{broken[0]} {rest}", broken[1], None
                elif not re.search(r"[.!?]$", t) and len(t.split()) < 12:
                    continue  # the letter's date, the addressee's lines: the sentence goes on after them
                else:
                    if _could_be_a_unit(broken[0]):  # no end found: the sentence as far as it goes
                        units.append(FindingUnit(broken[0], section, heading_polarity(section, broken[0], report) or "",
                                                 broken[1], broken[3]))
                    broken = None
            letterhead = _INNER_LETTERHEAD.search(text, tx, ty)
            if letterhead:
                t, tx, ty = fields.item_text(text, tx, letterhead.start())
                if t and not re.search(r"[.!?;:)'\"’”]$", t):
                    broken = (t, tx, kind, ty)
                    continue
            if kind == "prose" and _FOCUS_LEAD.search(t):
                focus_list = True
            if procedural and not _GOES_ON.match(t):
                procedural = False  # procedure's own sentences lean on it; a new subject is a finding again
            if kind == "prose" and _NOT_FINDING.match(t):
                procedural = True
            if procedural or not _could_be_a_unit(t):
                continue
            if t.endswith(":") or any(sx <= tx < sy or tx <= sx < ty for sx, sy in skip):
                continue
            if not re.search(r"[.!?;)'\"]$", t) and (kind != "item" or not whole_item) and len(t.split()) < 8:
                continue  # a stray heading or label, not a sentence (a sub-heading after a numbered item's last one)
            units.append(FindingUnit(t, section, heading_polarity(section, t, report) or "", tx, ty))
    return _with_model_polarity(units)
