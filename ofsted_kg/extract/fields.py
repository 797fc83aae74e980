"""Field extractors shared by letters and reports: pure functions over cleaned text.

Each returns its value together with the clean-text span it came from, so the caller can cite it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ofsted_kg.extract.authorities import (
    Authority,
    clean_authority_name,
    find_authorities,
    match_authority,
    squash,
)
from ofsted_kg.extract.context import sentences
from ofsted_kg.extract.dates import MONTH_RE, YEAR_RE, DateRun, _month, parse_run
from ofsted_kg.extract.lexicon import GRADE, IMPROVEMENT_RE, grade_name
from ofsted_kg.extract.records import Found, PreviousJudgement

# Character windows, measured on the corpus's letters and reports
LIST_LOOKAHEAD = 400  # the lines after a heading or a sub-head read to see whether a list goes on
PAGE_WIDTH_SAMPLE = 2000  # the text before an unmarked list whose longest line gives the page's width
JUDGEMENT_DATE_DISTANCE = 160  # the furthest a judgement's month and year sit from it in its sentence

# ---- kind of visit ---------------------------------------------------------------------------
VISIT_TYPES: list[tuple[str, re.Pattern[str]]] = [
    ("joint targeted area inspection", re.compile(r"joint targeted area inspection|\bJTAI\b", re.I)),
    ("annual unannounced inspection", re.compile(
        r"annual unannounced inspection|unannounced inspection of (?:the )?(?:local authority'?s? )?"
        r"(?:contact|front door|arrangements for contact)", re.I)),
    ("monitoring visit", re.compile(r"monitoring visit", re.I)),
    ("focused visit", re.compile(r"focus?sed visit", re.I)),
    ("assurance visit", re.compile(r"assurance visit", re.I)),
    ("inspection", re.compile(
        r"(?:re-?)?inspection of (?:the )?(?:[A-Z][\w,' -]{0,60}? )?(?:local authority )?children's services|"
        r"inspection of services for children|inspection of safeguarding and looked after|"
        r"inspection of local authority children's services|"
        r"(?:standard|short|full) (?:ILACS )?inspection", re.I)),
]
# kinds the scheme has no name for, named by their own words ("Joint area SEND inspection in Rotherham",
# "Joint local area SEND inspection", "Area SEND revisit")
NAMED_OTHER_VISIT = re.compile(r"\b(?:joint )?(?:local )?area SEND (?:inspection|re-?visit)\b", re.I)
OTHER_VISIT = re.compile(
    r"(?:findings|outcome) of (?:the|a|an|our|your) (?:recent )?"
    r"(?P<w>[a-z][a-z \-]{2,60}?(?:visit|inspection|review|meeting))\b", re.I)


def visit_type(text: str, windows: list[tuple[int, int]]) -> Found[str] | None:
    """The kind of visit, from the first window (subject line, opening sentence, ...) naming one."""
    for a, b in windows:
        hits = []
        for name, pattern in VISIT_TYPES:
            m = pattern.search(text, a, b)
            if m:
                hits.append((m.start(), name, m.end()))
        m = NAMED_OTHER_VISIT.search(text, a, b)
        if m:
            hits.append((m.start(), _other_kind(m.group(0)), m.end()))
        if hits:
            start, name, end = min(hits)
            return Found(name, start, end)
    for a, b in windows:
        m = OTHER_VISIT.search(text, a, b)
        if m:
            return Found(_other_kind(m.group("w")), m.start("w"), m.end("w"))
    return None


def _other_kind(words: str) -> str:
    """A kind the scheme has no name for, named by the letter's words: "other:joint area send inspection"."""
    return "other:" + re.sub(r"\s+", " ", words.strip().lower())


# ---- authority -------------------------------------------------------------------------------
_EXTEND_AFTER = re.compile(
    r"(?:[ \t]+(?:City|County|Metropolitan|Borough|District|Council))+", re.I)
# "Wigan Metropolitan Borough / Council": the suffix may wrap when it ends with "Council"
_EXTEND_TO_COUNCIL = re.compile(r"(?:\s+(?:City|County|Metropolitan|Borough|District))*\s+Council\b", re.I)
_EXTEND_BEFORE = re.compile(r"(?:(?:the )?(?:London|Royal) Borough of |City of |County of )$", re.I)


def authority(text: str, windows: list[tuple[int, int]], exclude: list[tuple[int, int]] = (),  # type: ignore[assignment]
              prefer: Authority | None = None) -> Found[str] | None:
    """The council named first in the first window that names one, as the letter writes it.

    When that window names several councils ("Achieving for Children, which delivers children's
    services for Kingston upon Thames and Richmond upon Thames"), the one the letter is addressed to
    (`prefer`) is the one visited.
    """
    for a, b in windows:
        hits = [h for h in find_authorities(text, a, b) if not any(x <= h[1] < y for x, y in exclude)]
        if prefer is not None and len({h[0] for h in hits}) > 1:
            hits = [h for h in hits if h[0] == prefer] or hits
        for _auth, s, e in hits:
            _s0, _e0 = s, e
            m = _EXTEND_TO_COUNCIL.match(text, e) or _EXTEND_AFTER.match(text, e)
            if m:
                e = m.end()
            before = _EXTEND_BEFORE.search(text[max(0, s - 30):s])
            if before:
                s -= len(before.group(0))
            name = clean_authority_name(squash(text[s:e]))
            if match_authority(name) != _auth:  # "City of London" is a name, not noise around one
                name = squash(text[_s0:_e0])
            name = _keep_canonical(name, squash(text[s:e]), _auth.name)
            if name:
                return Found(name, s, e)
    return None


def _keep_canonical(name: str, written: str, canonical: str) -> str:
    """The gazetteer's own name where the letter writes it and cleaning cut it short: "Bedford Borough
    Council" is "Bedford Borough", not "Bedford"."""
    at = written.lower().find(canonical.lower())
    if len(canonical) > len(name) and at >= 0:
        return written[at:at + len(canonical)]
    return name


def authority_from_phrase(text: str, a: int, b: int) -> Found[str] | None:
    """Fallback for a name missing from the gazetteer: "visit to NAME children's services"."""
    m = re.search(
        r"\b(?:visit|inspection) (?:of|to) (?P<n>(?:the )?[A-Z][\w'&,\- ]{1,80}?)"
        r"(?: local authority)?(?: children's services| children's social care|,| on | between |\.)",
        text[a:b])
    if not m:
        return None
    raw = m.group("n")
    name = clean_authority_name(raw)
    if not name or not name[0].isupper():
        return None
    return Found(name, a + m.start("n"), a + m.end("n"))


# ---- visit dates and sequence ----------------------------------------------------------------
DATE_CUE = re.compile(
    r"\b(?:on|between|from|dates?:?|during|conducted|carried out|took place|visited|held)\s", re.I)


def visit_dates(text: str, windows: list[tuple[int, int]], letter_date: date | None) -> DateRun | None:
    """The visit's dates from the first window with a dated run ("on 8 and 9 January 2019")."""
    default_year = letter_date.year if letter_date else None
    for a, b in windows:
        for cue in DATE_CUE.finditer(text, a, b):
            run = parse_run(text, cue.end(), min(b, cue.end() + 80), default_year, letter_date)
            if run and run.span[0] - cue.end() < 12:
                if cue.group(0).strip().lower() == "between":  # "between 31 October and 4 November": a range
                    run.periods = [(run.start, run.end)]
                return run
    return None


ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20,
}
SEQUENCE = re.compile(
    rf"\b(?P<o>{'|'.join(ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))\s+(?:and\s+(?:final|last)\s+)?"
    r"(?:(?:monitoring|focused|assurance|quarterly)\s+){0,2}visit\b", re.I)  # "the seventh quarterly monitoring visit"


def visit_sequence(text: str, a: int, b: int, kind: str | None = None) -> Found[int] | None:
    """The visit's number ("the seventh monitoring visit"); a number of another kind of visit ("It
    replaced the third monitoring visit", in an assurance visit letter) is not this visit's."""
    for m in SEQUENCE.finditer(text, a, b):
        named = re.search(r"monitoring|focused|assurance", m.group(0), re.I)
        if kind and named and named.group(0).lower() not in kind:
            continue
        if kind != "monitoring visit" and re.match(r"[^.]{0,80}?\bsince\b", text[m.end():b]):
            continue  # "the first focused visit since the last inspection" numbers no series
        o = m.group("o").lower()
        n = ORDINALS.get(o) or int(re.sub(r"\D", "", o))
        return Found(n, m.start(), m.end())
    return None


# ---- previous judgement ----------------------------------------------------------------------
_JUDGED = re.compile(
    rf"\b(?:judged|graded|rated|found)\s+(?:to\s+be\s+|as\s+(?:being\s+)?|being\s+|to\s+(?=require))?(?:overall\s+)?['\"]?(?P<g>{GRADE})\b"
    rf"|['\"](?P<q>{GRADE})['\"]\s+(?:overall\s+)?(?:inspection\s+)?(?:judgement|grade|rating|for overall)"
    rf"|overall effectiveness (?:was|is|has been) (?:judged |graded |rated )?(?:as |to be )?['\"]?(?P<o>{GRADE})\b"
    rf"|(?:judgement|grade|rating) of ['\"]?(?P<j>{GRADE})\b"
    rf"|(?:judged|found)\s+(?:services|(?:the\s+)?(?:local\s+authority's\s+)?children's\s+services|them|it)\s+"
    rf"(?:to\s+be\s+|as\s+)?(?P<v>{GRADE})\b"
    rf"|\bfrom\s+['\"]?(?P<f>{GRADE})['\"]?\s+(?:at|in|following)\s+(?:the|its)\s+(?:last|previous)\b"
    # "judged the overall effectiveness of safeguarding services to be adequate"
    rf"|\b(?:judged|graded|rated)\s+(?:the\s+)?[^.;:]{{0,60}}?\b(?:effectiveness|services|provision)\b[^.;:]{{0,40}}?"
    rf"\s+(?:to\s+be|as|to(?=\s+require))\s+['\"]?(?P<w>{GRADE})\b"
    # "since the single inspection in 2014, when they required improvement to be good"
    rf"|\bwhen\s+(?:they|it|services|(?:the\s+)?(?:local\s+authority's\s+)?children's\s+services|"
    rf"the\s+(?:local\s+)?authority|the\s+council)\s+(?:(?:were|was)\s+(?P<k>outstanding|good|inadequate|adequate)\b"
    rf"|(?P<r>required\s+{IMPROVEMENT_RE}))"
    # "following two inadequate inspection judgements in 2014 and 2017": the match ends at the last year
    rf"|\b(?:two|three|successive|consecutive|repeated)\s+['\"]?(?P<n>{GRADE})['\"]?\s+(?:inspection\s+)?"
    rf"(?:judgements|ratings|grades|inspections)\s+in\s+{YEAR_RE}(?:,\s+{YEAR_RE})*,?\s+and\s+(?={YEAR_RE}\b)",
    re.I)
# a report's later pages restating its history: "following two inadequate inspection judgements in ..."
REPEATED_JUDGEMENTS = re.compile(r"\b(?:two|three|successive|consecutive|repeated)\s+['\"]?"
                                 rf"(?:{GRADE})['\"]?\s+(?:inspection\s+)?(?:judgements|ratings|grades|inspections)\b",
                                 re.I)
# "April/May 2016", "November and December 2017": an inspection over two months is dated by the first
_MONTH_YEAR = re.compile(rf"\b(?:(?P<m>{MONTH_RE})(?:\s*(?:/|-|–|\band\b|\bto\b)\s*{MONTH_RE})?\s+)?(?P<y>{YEAR_RE})\b",
                         re.I)
_NOT_PREVIOUS = re.compile(r"likely to|will be|would be|may be|could be|predict|limiting judgement", re.I)
# a grade the sentence says services moved away from ("improved from a previous judgement of
# inadequate and were judged to require improvement"): older than the one beside it
_EARLIER_GRADE = re.compile(r"\bfrom\s+(?:(?:an?|the|its)\s+)?(?:(?:previous|earlier|prior)\s+)?$", re.I)
# a single service's own inspection ("The adoption service ... was judged to be adequate at the last
# inspection"), or Ofsted's evaluation of a serious case review (2008-2011: "the serious case review ...
# which was judged good by Ofsted"), not the authority's overall judgement
_SERVICE_SUBJECT = re.compile(
    r"\b(?:adoption|fostering)\s+(?:service|agency|agencies|panel)s?\b|\bchildren's\s+homes?\b|"
    r"\byouth\s+offending\b|\bresidential\s+(?:home|provision|special\s+school)s?\b|"
    r"\bserious\s+case\s+reviews?\b", re.I)
# one judgement area as the subject ("when the experiences of children in need of help and protection
# were judged to require improvement to be good"): an area's grade, not the overall judgement
_AREA_SUBJECT = re.compile(r"\b(?:experiences\s+(?:and\s+progress\s+)?of|impact\s+of\s+leaders)\b[^,.;]{0,100}?"
                           r"\b(?:were|was|had\s+been|have\s+been|has\s+been)\s+$", re.I)
# a count of establishments as the subject ("Of the six children's homes ... One was judged to be
# inadequate at the last inspection"): the homes' grades, not the authority's
_COUNTED_SUBJECT = re.compile(r"^\W*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:of\s+(?:them|these|those)\s+)?"
                              r"(?:was|were|is|are|has|have|had)\b", re.I)


def previous_judgement(text: str, a: int, b: int, before: date | None,
                       cue: re.Pattern[str] | None = None) -> Found[PreviousJudgement] | None:
    """The most recent earlier judgement a letter restates ("judged inadequate in November 2016").

    With `cue`, only sentences matching it are read.
    """
    best: tuple[tuple[int, int, int], str, str, int, int] | None = None
    for s, e in sentences(text, a, b):
        sent = text[s:e]
        if _NOT_PREVIOUS.search(sent) or (cue and not cue.search(sent)):
            continue
        if _COUNTED_SUBJECT.match(sent):
            continue
        found = list(_JUDGED.finditer(sent))
        for m in found:
            if not _an_overall_judgement(sent, m, len(found)):
                continue
            dated = _judgement_date(sent, m, cue, before)
            if dated and (best is None or dated[0] > best[0]):
                grade = grade_name(next(g for g in m.groups() if g))
                best = (dated[0], grade, dated[1], s + m.start(), s + m.end())
    if best is None:
        return None
    return Found(PreviousJudgement(best[1], best[2]), best[3], best[4])


def _judgement_date(sent: str, m: re.Match[str], cue: re.Pattern[str] | None,
                    before: date | None) -> tuple[tuple[int, int, int], str] | None:
    """The date of the judgement at `m` (the nearest month and year, or the cue's), as a sort key (a month
    beats a bare year) and as written in the record; None when there is none or it is not before `before`."""
    when = _nearest_month_year(sent, m.start(), m.end()) or _cue_date(sent, m.start(), cue)
    if when is None:
        return None
    y, mo, _pos = when
    if before and (y, mo or 1) > (before.year, before.month):
        return None
    return (y, mo or 0, 1 if mo else 0), (f"{y:04d}-{mo:02d}" if mo else f"{y:04d}")


def _an_overall_judgement(sent: str, m: re.Match[str], count: int) -> bool:
    """Whether a grade the sentence states is the authority's overall one: not a grade services moved
    away from (when there are several), nor a single service's or one judgement area's."""
    if count > 1 and _EARLIER_GRADE.search(sent, max(0, m.start() - 40), m.start()):
        return False
    return not (_SERVICE_SUBJECT.search(sent, 0, m.start()) or _AREA_SUBJECT.search(sent, max(0, m.start() - 160), m.start()))


def _cue_date(sent: str, a: int, cue: re.Pattern[str] | None) -> tuple[int, int | None, int] | None:
    """The date set right after the cue ("At the last inspection, in May 2015, under ..., services were
    judged ..."): the cue's date, however long the clause between it and the judgement. Only a date
    before the judgement at `a`, with no other date between them."""
    if cue is None:
        return None
    for c in cue.finditer(sent, 0, a):
        m = re.match(rf"\W*(?:in|on|of|during)?\s*(?:(?P<m>{MONTH_RE})\s+)?(?P<y>{YEAR_RE})\b", sent[c.end():a], re.I)
        if m and not _MONTH_YEAR.search(sent, c.end() + m.end(), a):
            return int(m.group("y")), _month(m.group("m")) if m.group("m") else None, c.end() + m.start("y")
    return None


def _nearest_month_year(sent: str, a: int, b: int) -> tuple[int, int | None, int] | None:
    """The year (and month) closest to sent[a:b], preferring ones after it within the clause."""
    cands = []
    for m in _MONTH_YEAR.finditer(sent):
        if m.start() >= b:
            dist = m.start() - b
        elif m.end() <= a:
            dist = (a - m.end()) * 2 + 5
        else:
            continue
        if dist > JUDGEMENT_DATE_DISTANCE:
            continue
        # a day number right before means a full date: fine, the month and year still hold
        cands.append((dist, int(m.group("y")), _month(m.group("m")) if m.group("m") else None, m.start()))
    if not cands:
        return None
    cands.sort()
    _, y, mo, pos = cands[0]
    return y, mo, pos


# ---- focus areas -----------------------------------------------------------------------------
FOCUS_VERB = re.compile(
    r"\b(?:inspectors|they|the visit|this visit|the inspection|this inspection|we|it|"
    r"(?:this|the) (?:[\w-]+ ){1,5}(?:inspection|visit)(?: \([A-Z]+\))?)\s+(?:also\s+)?(?:looked at|evaluated|reviewed|considered|"
    r"focused on|focussed on|examined|explored|assessed|scrutinised|tracked)\b|"
    r"\b(?:the|this) visit (?:focused|focussed|concentrated) on\b|"
    r"\bwith a (?:particular )?focus on\b|\bthe focus of (?:the|this) (?:monitoring |focused )?visit was\b|"
    r"\b(?:team|inspectors|inspectorates)\s+(?:was|were)\s+asked\s+to\s+(?:evaluate|judge|assess|review|consider)\b|"
    # "conducted a joint inspection of the local area of Rotherham to judge the effectiveness of ..."
    r"\b(?:conducted|carried out|undertook) an? (?:joint )?inspection of [^.\n]{1,80}? to (?:judge|evaluate|assess)\b", re.I)
_NOT_FOCUS = re.compile(
    r"^(?:a range of|a (?:wide )?range|evidence|case records|children's (?:case )?records|other relevant|"
    r"a sample|a number of|performance|local authority performance|relevant local authority|data|documents|"
    r"information)|case (?:records|files|discussions)|performance (?:management|information|data)|"
    r"assurance information|\bevidence\b", re.I)
_LEAD_IN = re.compile(
    r"^(?:the\s+)?(?:local authority's|council's)\s+(?:arrangements|services|practice|response)\s+(?:for|to)\s+"
    r"(?:the\s+)?|^(?:the\s+)?(?:arrangements|services)\s+for\s+(?:the\s+)?|^the\s+", re.I)
# "A, together with B": a second area the visit looked at, not a detail of the first
_SPLIT_AND = re.compile(r",?\s+and\s+(?=(?:who|those)\b)|;\s+(?:and\s+)?|,\s+together\s+with\s+", re.I)
# "children in need and children subject to a child protection plan": two populations, as "children in
# need and those subject to ..." is; only where the area opens with the population it repeats
_GROUP_FIRST = re.compile(r"children\b", re.I)
_SECOND_GROUP = re.compile(r",?\s+and\s+(?=children\b)", re.I)
_GROUP = re.compile(r"\b(?:children|young people|care leavers|families|parents|carers)"
                    r"(?:,? and (?:young people|children|families|carers|care leavers))?", re.I)


_FOCUS_CLAUSE = re.compile(r",?\s+(?:focusing|focussing|concentrating) on\s+|,\s+with a (?:particular |specific )?focus on\s+",
                           re.I)


_ELABORATION = re.compile(r",?\s+(?:including|in particular|specifically|such as|particularly)\b", re.I)
# two areas joined by "and" when the second starts as areas do ("the 'front door' and the response to ...")
_SPLIT_AREAS = re.compile(
    r"\s+and\s+(?=the\s+(?:response|quality|effectiveness|timeliness|experiences|impact|progress|use|support|"
    r"management|arrangements|help|identification|application)\b)", re.I)


_NOT_LIST_ITEM = re.compile(r"(?:including|particularly|especially|such as|which|who|where|when|so that)\b", re.I)


# genre rule: the ways a focus clause lists its items; its length is the genre's (radon CC > 20)
def _focus_clause_items(part: str) -> list[str]:
    """'X, focusing on A, B, and C' -> ['X, focusing on A', 'B', 'C']; 'A and on B' -> ['A', 'B'].

    Only lists the letter marks as lists (commas before a final 'and', or a repeated preposition);
    'placement stability and achieving permanence' stays one area.
    """
    if _ELABORATION.search(part):
        return [part]  # "the front door, including A, B and C": one area, its parts spelled out
    m = _FOCUS_CLAUSE.search(part)
    head, clause = (part[: m.end()], part[m.end():]) if m else ("", part)
    pieces = re.split(r",?\s+and\s+(?=(?:on|in|for|to|of)\s)(?:on|in|for|to|of)\s+", clause)
    focus = re.search(r"\bfocus(?:ing|sing)?\s+on\s", clause, re.I)
    if len(pieces) == 1 and focus:
        # "... with a focus on neglect and children subject to pre-proceedings": a second group, a second area
        pieces = re.split(r"\s+and\s+(?=(?:children|young people)\s+(?:subject to|who|at risk|in care|leaving)\b)",
                          clause)
        pieces = pieces if len(pieces) == 1 or focus.start() < len(pieces[0]) else [clause]
    if len(pieces) == 1 and clause.count(",") >= 2 and re.search(r",\s+and\s+", clause):
        pieces = re.split(r",\s+(?:and\s+)?", clause)
    elif len(pieces) == 1 and clause.count(",") >= 1:
        # "focusing on A, B and C" (no comma before the final 'and'): a list after a focus clause, or
        # "A, the B and the C" where each later item opens as an area does
        commas = re.split(r",\s+", clause)
        last = re.split(r"\s+and\s+(?=(?:the|how|whether|their|its|children's|leaders')\s)", commas[-1])
        items = [*commas[1:-1], *last]
        if len(last) == 2 and not any(_NOT_LIST_ITEM.match(c) for c in commas[1:]) and (
                m or all(re.match(r"(?:the|how|whether)\s", c) for c in items)):
            pieces = [*commas[:-1], *last]
    if len(pieces) == 1:
        return [part]
    pieces = [p.strip(" ,;.") for p in pieces if p.strip(" ,;.")]
    return [head + pieces[0], *pieces[1:]]


def adds_areas(sentence: str, areas: int) -> bool:
    """Does a focus sentence after the first one in its paragraph name more areas ("They also considered
    ...", "Additionally, ...") rather than detail the first's ("Inspectors considered the response to
    ...", "Specifically, they considered ...")? A list of three or more areas counts as more areas."""
    m = FOCUS_VERB.search(sentence)
    if not m or re.match(r"\s*(?:specifically|in particular)\b", sentence, re.I):
        return False
    return bool(areas >= 3 or re.search(r"\balso\b", m.group(0), re.I) or
                re.match(r"\s*(?:additionally|in addition|furthermore|further)\b", sentence, re.I))


def _populations(parts: list[str]) -> list[str]:
    """Each part that opens with a population split where it names a second one ("children in need and
    children subject to a child protection plan")."""
    return [x.strip(" ,") for p in parts for x in (_SECOND_GROUP.split(p) if _GROUP_FIRST.match(p) else [p])]


def focus_from_sentence(sentence: str) -> list[str]:
    """Objects of 'Inspectors looked at/evaluated ...' split into areas."""
    m = FOCUS_VERB.search(sentence)
    if not m:
        return []
    obj = re.sub(r"(?<=[a-z]-)[ \t]*\n\s*(?=[a-z])", "", sentence[m.end():].strip(" :;."))  # "pre-" / "proceedings"
    obj = re.sub(r"\s+", " ", obj)
    if not obj or _NOT_FOCUS.search(obj):
        return []
    obj = _LEAD_IN.sub("", obj)
    parts = _populations([p.strip(" ,;.") for p in _SPLIT_AND.split(obj) if p.strip(" ,;.")])
    if len(parts) == 1 and not _ELABORATION.search(obj) and "," not in obj:
        parts = [p.strip(" ,;.") for p in _SPLIT_AREAS.split(obj) if p.strip(" ,;.")]
    parts = [x for p in parts for x in _focus_clause_items(p)]
    group = _GROUP.search(parts[0]) if parts else None
    out = []
    for i, part in enumerate(parts):
        if i and group and re.match(r"(?:those|who)\b", part, re.I):
            part = re.sub(r"^those\b\s*", "", part, flags=re.I)
            if not part.lower().startswith(group.group(0).lower()):  # "and those children subject to ..."
                part = f"{group.group(0)} {part}"
        out.append(part)
    return out


# ---- sections and items ----------------------------------------------------------------------
RECOMMENDATION_HEADING = re.compile(
    r"^(?:what needs to improve(?: in this area of (?:social work )?practice| in this local authority| at)?|"
    r"what (?:(?:does|do) )?(?:the local authority|the council|the lscb|leaders) needs? to (?:do to )?improve|"
    r"areas? for (?:priority )?(?:actions?|development|improvement)|priority (?:and immediate )?actions?|"
    r"areas? for immediate action|recommendations?|areas? (?:that|which) (?:need|require) improvement|"
    r"what needs to happen next|immediate action|priorities for (?:further )?improvement)\s*[?:.]?(?<=\w|[?:.])\d{0,2}"
    r"(?:\s*\[\^?\d{1,2}\])?$",  # a footnote marker as a Markdown converter prints it: "... practice? [1]"
    re.I)
# a SIF report's closing pages: the grade descriptors ("What the inspection judgements mean: the local
# / authority", the heading wrapped) and the 2012-13 reports' grade table; neither holds findings
DESCRIPTORS_HEADING = r"what (?:the )?inspection judge?ments mean"
RECORD_TABLE_HEADING = r"record of main findings"
OTHER_HEADING = re.compile(
    r"^(?:strengths?|satisfactory practice|areas of strength|findings|main findings|headline findings|"
    # a SIF report's section headings, which may follow a numbered paragraph with no gap ("112. Review ..." /
    # "Inspection findings – the Local Safeguarding Children Board")
    r"inspection findings(?:\s*[–-]\s*the (?:local safeguarding children board|lscb)\b[^.]{0,20})?|"
    r"overview|evaluation (?:and|of) progress|findings and evaluation of progress|areas covered by the visit|"
    r"summary|summary of findings|the local authority|progress since the last inspection|"
    r"what is working well|what needs to improve\?|executive summary|background|context|"
    r"information about this (?:local authority|inspection)|the local authority's strengths|"
    r"inspection judgements?.*|next steps|contents|yours (?:sincerely|faithfully)|"
    rf"{DESCRIPTORS_HEADING}\b.*|{RECORD_TABLE_HEADING}|"
    # joint letters' case studies: "Case study: highly effective practice", "Practice study: area for improvement"
    r"(?:case|practice) study:[^.]{0,80}|"
    # area SEND reports' sections (the first may wrap: "... with special educational needs / and/or disabilities
    # (SEND) in this area?")
    r"what is it like to be a child or young person\b[^.?]{0,120}|what is the (?:local )?area partnership doing that is"
    r" effective|what does the (?:local )?area partnership need to do better)\s*[?:.]?$",
    re.I)
_INTRO = re.compile(r"(?:should|must|will need to) take the following actions?|the following (?:areas|actions)"
                    r"|\bthe following\s*$"
                    r"|identified (?:\w+ )?(?:areas?|an area) for (?:priority|immediate) action\W*$"
                    r"|as follows\W*$", re.I)
# a numbered paragraph that restates the heading as the list's lead-in ("13. Priorities for further
# improvement:"), as 2009-2012 reports number every paragraph
_NUMBERED_LEAD_IN = re.compile(r"^\d{1,3}\.\s+(?P<h>[^:]{3,80}):$")


def _restated_heading(line: str) -> bool:
    m = _NUMBERED_LEAD_IN.match(line)
    return bool(m and RECOMMENDATION_HEADING.match(m.group("h")))


_TIMEFRAME = re.compile(r"^(?:immediately|within (?:\w+ )?(?:\w+ )?(?:months?|weeks?|days?))\s*:?$", re.I)
# Items under a time-frame head whose bullet glyphs were lost start with an imperative verb
_REC_VERB = re.compile(
    r"^(?:ensure|improve|develop|review|reduce|increase|establish|strengthen|provide|implement|introduce|"
    r"agree|complete|undertake|monitor|evaluate|address|secure|embed|extend|raise|update|revise|clarify|"
    r"consider|put|set|make|take|promote|publish|produce|audit|enable|identify|analyse|use)\b", re.I)
_JOINS_NEXT = re.compile(r"(?:\b(?:to|and|or|of|the|a|an|that|for|with|by|in|on|should|must|will|are|is|be)|[,(])$",
                         re.I)
_BOILERPLATE = re.compile(
    r"^(?:any areas for|in addition|ofsted will|yours|i am copying|this letter will|i would like|"
    r"the findings of|we will|thank you|the local authority (?:should|will) (?:now )?(?:submit|prepare))", re.I)


def sentence_per_line(text: str, start: int, limit: int) -> bool:
    """Does the first paragraph after `start` hold two or more sentences, each ending at a line's end?

    Items pasted from a PDF lose their bullets and wrap over lines, with no blank line between them
    ("The timeliness of X for children who come into" / "care, so that Y." / "The quality of Z."):
    every sentence ending at a line end, never mid-line, marks a list of one-sentence items, not prose.
    """
    m = re.match(r"\s*\n", text[start:limit])
    a = start + (m.end() if m else 0)
    blank = re.search(r"\n[ \t]*\n", text[a:limit])
    para = [ln.strip() for ln in text[a:a + blank.start() if blank else limit].split("\n") if ln.strip()]
    if len(para) < 3 or any(_is_item_start(ln) for ln in para):
        return False
    ends = [i for i, ln in enumerate(para) if ln.endswith(".")]
    return (len(ends) >= 2 and ends[-1] == len(para) - 1
            and all(para[i + 1][:1].isupper() for i in ends[:-1])
            and not any(re.search(r"[.?!]\s+[A-Z]", ln) for ln in para))


def _is_intro(text: str, a: int, b: int) -> bool:
    """Is text[a:b] the sentence introducing a list ("... should take the following action.")?"""
    return bool(_INTRO.search(re.sub(r"\s+", " ", text[a:b]).strip()))


def is_heading(text: str, a: int, b: int) -> bool:
    line = text[a:b].strip()
    if not line or len(line) > 140 or line.startswith("- ") or "\n" in line:
        return False
    if RECOMMENDATION_HEADING.match(line) or OTHER_HEADING.match(line):
        return True
    words = line.split()
    return (len(words) <= 10 and line[0].isupper() and line[-1] not in ".,;" and "," not in line
            and not re.search(r"\d{4}", line)
            and not line.lower().startswith(("dear", "yours")))


# a judgement section's heading ("...: good"), its grade maybe wrapped to the next line ("...: requires")
_GRADE_AFTER_COLON = re.compile(rf":\s*(?:{GRADE}\b|requires?(?:\s+improvement(?:\s+to(?:\s+be)?)?)?\s*$)", re.I)


def _marker(line: str) -> str:
    return "-" if line.startswith("- ") else "n"


def section_items(text: str, start: int, limit: int, one_per_line: bool = False) -> list[tuple[int, int]]:
    """Items under a heading that ends at `start`: bullets or numbered points, else prose paragraphs.

    Works line by line (PDF text often has no blank lines). Stops at the next heading, at sign-off
    boilerplate, when the list style changes, or when prose follows a finished list. With
    `one_per_line`, unmarked items (bullet glyphs lost in extraction) are told apart by a line that
    ends a sentence followed by one that starts with a capital.
    """
    return _ItemReader(text, limit, one_per_line, skip_to=start).read(start)


@dataclass
class _ItemReader:
    """The state machine behind `section_items`, fed one line at a time.

    `mode` is None before the first item, "list" in marked items (`marker` "-" for bullets, "n" for
    numbers), "prose" in paragraph items, "timed" in unmarked items under a time-frame head
    ("Within three months:"). `cur` is the item being read; `blank_before` says a blank line came
    after it; `number` is the last numbered item's number; lines before `skip_to` are Ofsted's address.
    """

    text: str
    limit: int
    one_per_line: bool
    skip_to: int
    items: list[tuple[int, int]] = field(default_factory=list)
    cur: tuple[int, int] | None = None
    mode: str | None = None
    marker: str = ""
    blank_before: bool = False
    timed: bool = False
    number: int = 0

    def read(self, start: int) -> list[tuple[int, int]]:
        pos = start
        lines = self.text[start:self.limit].split("\n")
        for i, raw_line in enumerate(lines):
            a, b = pos, pos + len(raw_line)
            pos = b + 1
            if (self.cur or self.items) and _graded_heading(lines, i):
                break  # "Outcomes for looked after children and young / people" over "Grade 4 (Inadequate)"
            if not self._line(raw_line.strip(), a, b, pos):
                break
        if self.cur:
            self.items.append(self.cur)
        return self.items

    def _line(self, line: str, a: int, b: int, pos: int) -> bool:
        """Take one line (text[a:b], stripped); False when the section has ended."""
        if self._passed_over(line, a, pos):
            return True
        if not line:
            self.blank_before = True
            if self.mode == "prose" and self.cur:
                self.items.append(self.cur)
                self.cur = None
            return True
        if _BOILERPLATE.match(line):
            return False
        if _TIMEFRAME.match(line):
            self._time_frame()
            return True
        if self.mode is None and (_INTRO.search(line) or _restated_heading(line)):
            return True
        if self.timed and not _is_item_start(line) and (self.mode == "timed" or self.cur is None):
            return self._timed_line(line, a, b)
        if self._sub_point(line, b):
            return True
        if _is_item_start(line):
            return self._item_start(line, a, b)
        return self._other_line(line, a, b)

    def _passed_over(self, line: str, a: int, pos: int) -> bool:
        """Lines that are no part of any item: sub-heads inside a numbered list, "There are no ...",
        Ofsted's address block, a running header."""
        text = self.text
        if line and (self.mode is None or (self.mode == "list" and self.marker == "n")) and _is_subheading(line) and \
                _numbering_goes_on(text, pos, self.limit, self.number):
            # a SIF report's topic sub-heads inside its numbered list ("Capacity", "Areas for improvement")
            self.blank_before = False
            return True
        if line and (self.mode is None or self.cur is None or self.blank_before) and NO_ITEMS.match(line):
            return True  # "There are no priority actions." is not an item
        if line == "Ofsted" and _OFSTED_BLOCK.match(text, a, self.limit):
            # Ofsted's address, set beside page 1's text, read into the middle of a list
            self.skip_to = _OFSTED_BLOCK.match(text, a, self.limit).end()  # type: ignore[union-attr]
            return True
        if a < self.skip_to:
            return True
        # a running header the normaliser kept ("Sandwell Council Inspection of ...")
        return len(line) > 25 and text.count(line) >= 3 and not _ITEM_START.match(line)

    def _time_frame(self) -> None:
        """"Immediately:" / "Within three months:" separates items; what came before it may be the
        intro ("6. In order to improve ... should take the following action.")."""
        if self.cur and _is_intro(self.text, *self.cur) and not self.items:
            self.mode = None
        elif self.cur:
            self.items.append(self.cur)
        self.cur, self.timed = None, True
        if self.mode == "prose":
            self.mode = None

    def _timed_line(self, line: str, a: int, b: int) -> bool:
        """Unmarked items under a time-frame head, one per line start (bullets lost in extraction)."""
        if self.cur is None:
            if not (line[:1].islower() or _REC_VERB.match(line)):
                return False
            self.mode, self.cur = "timed", (a, b)
            return True
        prev = self.text[self.cur[0]:self.cur[1]].rstrip()
        ended = prev.endswith((".", ";"))
        if line[:1].islower() or _REC_VERB.match(line):
            if ended or (_REC_VERB.match(line) and not _JOINS_NEXT.search(prev)):
                self.items.append(self.cur)
                self.cur = (a, b)
            else:
                self.cur = (self.cur[0], b)
            return True
        if ended or RECOMMENDATION_HEADING.match(line) or OTHER_HEADING.match(line):
            return False
        self.cur = (self.cur[0], b)
        return True

    def _sub_point(self, line: str, b: int) -> bool:
        """A list item's own sub-points ("... by:" / "- improving ..."): taken into it."""
        cur = self.cur
        if (self.mode == "list" and cur and line.startswith("- ")
                and (self.marker == "n" or line[2:3].islower())  # a bulleted item's sub-points start lower case
                and (self.text[cur[0]:cur[1]].rstrip().endswith(":") or "\n- " in self.text[cur[0]:cur[1]])):
            self.cur = (cur[0], b)
            self.blank_before = False
            return True
        return False

    def _item_start(self, line: str, a: int, b: int) -> bool:
        if self.mode == "list" and _marker(line) != self.marker and not self.items and self.cur and \
                _is_intro(self.text, *self.cur):
            self.cur = None  # a numbered intro paragraph, then the bulleted list it introduces
        elif self.mode in ("prose", "timed") or (self.mode == "list" and _marker(line) != self.marker):
            return False
        if self.cur:
            self.items.append(self.cur)
        self.mode, self.marker, self.cur = "list", _marker(line), (a, b)
        num = re.match(r"(\d{1,3})[.)]", line)
        self.number = int(num.group(1)) if num else 0
        self.blank_before = False
        return True

    # genre rule: the lines without a marker that letters' lists hold; its length is the genre's (radon CC > 20)
    def _other_line(self, line: str, a: int, b: int) -> bool:
        """A line with no marker: a heading that ends the section, a wrapped line of the current item, or
        prose."""
        text, cur = self.text, self.cur
        unfinished = cur is not None and not self.blank_before and _JOINS_NEXT.search(text[cur[0]:cur[1]].rstrip())
        named = RECOMMENDATION_HEADING.match(line) or OTHER_HEADING.match(line)
        heading = named or (
            (self.blank_before or self.mode == "list") and is_heading(text, a, b) and not line[:1].islower()
            and not _wraps_on(text, b, self.limit) and not unfinished)  # "... effectiveness of the" / "Independent ..."
        if (self.mode is None and cur is None and not self.items and not named and is_heading(text, a, b)
                and _bullets_follow(text, b + 1, self.limit)):
            return True  # a topic sub-head over the section's bulleted list ("Areas for priority actions" / "Leadership")
        if (self.mode == "prose" and cur and not self.items and not self.blank_before and line.endswith(":")
                and (line[:1].islower() or unfinished)):
            # the paragraph so far introduces a list ("... needs to take swift and decisive action to
            # address the delays in / identifying and ensuring permanence for children, including:")
            self.mode, self.cur = None, None
            return True
        if heading or _GRADE_AFTER_COLON.search(line) or (
                line.endswith(":") and (cur or self.items)
                and not (self.mode == "list" and (line[:1].islower() or unfinished))):
            return False
        if self.mode == "list":
            assert cur is not None
            prev = text[cur[0]:cur[1]].rstrip()
            if line[:1].islower() or not self.blank_before or not prev.endswith((".", ";")):
                self.cur = (cur[0], b)
                self.blank_before = False
                return True
            return False
        if self.mode is None and line.endswith(":"):
            return True  # "The following areas need improvement:" introduces the list
        if self.mode is None:
            self.mode = "prose"
        if cur and self.one_per_line and text[cur[0]:cur[1]].rstrip().endswith(".") and line[:1].isupper():
            self.items.append(cur)
            cur = None
        self.cur = (cur[0], b) if cur else (a, b)
        self.blank_before = False
        return True


_OFSTED_BLOCK = re.compile(
    r"Ofsted[ \t]*\n(?:[^\n]{0,60}\n){0,12}?[^\n]*(?:www\.gov\.uk/ofsted|enquiries@ofsted\.gov\.uk)[^\n]*(?:\n|$)"
    r"(?:[^\n]*(?:www\.gov\.uk/ofsted|enquiries@ofsted\.gov\.uk|lascinspection)[^\n]*(?:\n|$))*", re.I)
NO_ITEMS = re.compile(r"^(?:there (?:are|were) no\b|no (?:areas|priority|recommendations|actions)\b|none\.?$|"
                      r"(?:the inspection )?did not (?:find|identify) any)", re.I)


def _is_subheading(line: str) -> bool:
    """A short topic line inside a list of recommendations: a heading, but none that ends the list."""
    return (len(line) < 80 and not line.endswith((".", ",", ";")) and line[:1].isupper()
            and not _ITEM_START.match(line) and not OTHER_HEADING.match(line)
            and not _GRADE_AFTER_COLON.search(line) and not re.search(r"\d", line))


_RECOMMENDS = re.compile(r"^(?:further|continue|enhance|deliver|consolidate|tackle|target|work|build|"
                         r"maintain|prioritise|accelerate|sustain|assure|appoint|recruit|urgently)\b|"
                         r"\b(?:should|must|needs? to|ought to)\b", re.I)


def _recommends(line: str) -> bool:
    """Does a numbered paragraph's first line recommend ("Ensure that ...", "The board should ...")
    rather than report a finding?"""
    line = line.strip()
    return bool(_REC_VERB.match(line) or _RECOMMENDS.search(line))


def _numbering_goes_on(text: str, pos: int, limit: int, number: int) -> bool:
    """Do the next lines, after at most two more sub-heads, carry the list on with item `number` + 1
    (or start one, when `number` is 0)?"""
    heads = 0
    for line in text[pos:min(limit, pos + LIST_LOOKAHEAD)].split("\n"):
        line = line.strip()
        if not line:
            continue
        m = re.match(r"(\d{1,3})[.)]\s", line)
        if m:
            return (int(m.group(1)) == number + 1 or (number == 0 and int(m.group(1)) > 0)) and \
                _recommends(line[m.end():])

        heads += 1
        if heads > 2 or not _is_subheading(line):
            return False
    return False


# the next line starts in lower case and ends a clause, or it and the line after it both do (a sentence
# wrapped over three lines: "Senior managers should embed the use of comprehensive performance" /
# "management information and ... audit and user" / "feedback, to support ongoing improvement.")
_LOWER_NEXT_LINE = re.compile(r"\n[ \t]*[a-z][^\n]*[.;,][ \t]*(?:\n|$)|\n[ \t]*[a-z][^\n:]*\n[ \t]*[a-z]")


_NEXT_NONBLANK_LINE = re.compile(r"[ \t]*(?:\n[ \t]*)*(\S[^\n]*)")


def _bullets_follow(text: str, pos: int, limit: int) -> bool:
    """Is the next non-blank line from `pos` a bulleted item?"""
    m = _NEXT_NONBLANK_LINE.match(text, pos, limit)
    return bool(m and m.group(1).startswith("- "))


def _wraps_on(text: str, end: int, limit: int) -> bool:
    """Does the line ending at `end` run on into the next, a lower-case line ending in punctuation?

    A short first line of a hard-wrapped item ("The timeliness of conferences for children who" /
    "are newly referred.") looks like a heading; a wrapped heading ends without a full stop
    ("The experiences and progress of children who need help and" / "protection: good").
    """
    return _LOWER_NEXT_LINE.match(text, end, limit) is not None


_ITEM_START = re.compile(r"^(?:- |\d{1,3}[.)]\s|\([a-z0-9]{1,3}\)\s|[a-z][.)]\s)")


def _is_item_start(line: str) -> bool:
    return bool(_ITEM_START.match(line))


def _split_bullets(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Bullet/numbered items in a paragraph; [] if the paragraph is not a list.

    In PDF text without blank lines the paragraph runs on after the list: the list ends at a heading,
    or at a capitalised line after an item that finished a sentence.
    """
    out: list[tuple[int, int]] = []
    pos = a
    bulleted = False
    for line in text[a:b].split("\n"):
        la, lb = pos, pos + len(line)
        pos = lb + 1
        if _is_item_start(line):
            if not out:
                bulleted = line.lstrip().startswith("- ")
            elif bulleted and not line.lstrip().startswith("- ") and text[out[-1][0]:out[-1][1]].rstrip().endswith("."):
                break  # a bulleted list ended; the next numbered paragraph ("2. The inspection also ...") is not in it
            out.append((la, lb))
        elif out:
            stripped = line.strip()
            if RECOMMENDATION_HEADING.match(stripped) or OTHER_HEADING.match(stripped) or (
                    text[out[-1][0]:out[-1][1]].rstrip().endswith(".") and stripped[:1].isupper()):
                break
            out[-1] = (out[-1][0], lb)  # wrapped line of the item
        else:
            return []
    return out


# a 2009-13 report's grade line under its judgement heading
GRADE_LINE = re.compile(r"Grade [1-4] \((?:Outstanding|Good|Adequate|Inadequate)\)", re.I)


def _graded_heading(lines: list[str], i: int) -> bool:
    """Is lines[i] a judgement heading over its grade line, the heading perhaps wrapped onto one more line?"""
    nxt = [x.strip() for x in lines[i + 1:i + 3]]
    return lines[i].strip()[:1].isupper() and bool(nxt) and (
        bool(GRADE_LINE.fullmatch(nxt[0])) or (len(nxt) > 1 and nxt[0][:1].islower() and bool(GRADE_LINE.fullmatch(nxt[1]))))


def unmarked_items(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A list whose bullet glyphs the text layer lost: a paragraph of 2-8 lines, each starting with a
    lower-case word and none but the last ending a sentence, right after a lead-in ending with a colon.
    A line runs on into the next (the item wrapped) when it nearly fills the text's width (the longest
    line of the text before) and ends without punctuation; otherwise each line is one item. [] if it
    is not such a list."""
    spans: list[tuple[int, int]] = []
    pos = a
    for line in text[a:b].split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line.rstrip())))
        pos += len(line) + 1
    if not 2 <= len(spans) <= 8:
        return []
    texts = [text[x:y].strip() for x, y in spans]
    if any(not t[:1].islower() for t in texts) or any(t.endswith((".", "?", "!")) for t in texts[:-1]):
        return []
    before = [len(ln.strip()) for ln in text[max(0, a - PAGE_WIDTH_SAMPLE):a].split("\n")]
    widest = max([*before, *(len(t) for t in texts)])
    out: list[tuple[int, int]] = []
    run_on = False
    for (x, y), t in zip(spans, texts, strict=True):
        if run_on and out:
            out[-1] = (out[-1][0], y)
        else:
            out.append((x, y))
        run_on = len(t) >= 0.85 * widest and not t.endswith((",", ";", ".", ":"))
    return out if len(out) >= 2 else []


def item_text(text: str, a: int, b: int) -> tuple[str, int, int]:
    """An item's words without its bullet marker, whitespace collapsed; with the trimmed span."""
    m = _ITEM_START.match(text[a:b])
    if m:
        a += m.end()
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return re.sub(r"\s+", " ", re.sub(r"\n-\s+", "\n", text[a:b])), a, b  # sub-points' dashes dropped
