"""Text whose lines were all joined into one: the letter's lines put back.

A page copied from a browser, a transcription site's "page content" or a scraper that collapsed all
whitespace gives a whole letter on one line ("Ofsted Agora 6 Cumberland Place Nottingham NG1 6HJ T 0300
123 1231 ... 3 December 2019 Steve Crocker Director of Children's Services ... Dear Mr Crocker Joint local
area SEND inspection in Isle of Wight Between 25 November ..."). `reflow` finds where the printed letter
broke its lines and paragraphs (letterhead, date, address, salutation, subject line, headings, bullet items,
sentences, sign-off) and returns the line spans, offsets into the text, so that evidence still points at
the words as given. Nothing is rewritten.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ofsted_kg.extract.dates import SINGLE_DATE
from ofsted_kg.extract.lexicon import GRADE, NAME_HONORIFIC_RE, POSTCODE_RE

OPENING_MIN = 200  # text after a salutation that makes a joined letter's opening worth its lines back
FLAT_MIN = 1500  # a line this long is a candidate: a printed paragraph is rarely longer
# bullet glyphs, for a character class: the private-use code points that Symbol/Wingdings bullets come out as
# in PDF text layers (\uf06e, \uf0a7, …), and the C1 controls a text layer gives where it read
# Windows-1252's "ƒ" (0x83) or "•" (0x95) as Latin-1
BULLET_GLYPHS = "•‣∙·⁃\u2023\u25a0-\u25ff\u27a2\u27a4\u25ba\u2794\u2713\u2714\u2756\uf000-\uf0ff\u0083\u0095"

HEAD_SPAN = 1500  # a letter's head (letterhead, date, addressees) before its salutation, at most
# the end of an Ofsted letterhead: its telephone numbers, email and web addresses
_LETTERHEAD = re.compile(r"0300 ?123 ?\d{4}|Textphone[ \t]+[\d ]{8,14}\d|\S+@ofsted\.gov\.uk|www\.(?:gov\.uk/)?ofsted(?:\.gov\.uk)?")
_POSTCODE = re.compile(rf"\b{POSTCODE_RE}\b")
_SALUTATION = re.compile(r"\bDear[ \t]+")
_NAME_WORD = r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?"
_ADDRESSEE = (rf"(?:(?:{NAME_HONORIFIC_RE})\.?[ \t]+{_NAME_WORD}|{_NAME_WORD}(?:[ \t]+or[ \t]+Madam)?"
              r"|(?:local |area )?(?:partnership|partners|colleagues?|all)\b)")  # "Dear local partnership"
_ADDRESSEES = re.compile(rf"{_ADDRESSEE}(?:(?:,[ \t]*|[ \t]+and[ \t]+|[ \t]*&[ \t]*){_ADDRESSEE}){{0,5}},?")
# the first sentence after a letter's subject line
_OPENING = re.compile(
    r"[ \t]+(?=This letter\b|This (?:visit|inspection|was)\b|Between \d|On \d|From \d|Following\b|Thank you\b|"
    r"I am writing\b|I write\b|Further to\b|During\b|Since the\b|Ofsted and the\b|(?:Her|His) Majesty['’]s\b|"
    r"The (?:inspection|visit|focus)\b|Inspectors\b)")
_HEADINGS = (
    r"What needs to improve(?: in this area of (?:social work )?practice| in this local authority)?\??",
    r"What (?:does|do) (?:the )?[\w ]{2,30}? need to (?:do to )?improve\??",
    r"Areas? for (?:priority )?(?:actions?|development|improvement)", r"Areas? for immediate action",
    r"Priority (?:and immediate )?actions?", r"Recommendations?", r"Strengths", r"Areas of strength", r"Satisfactory practice",
    r"Headline findings", r"Main findings", r"Key findings", r"Overview", r"Findings and evaluation of progress",
    r"Evaluation (?:and|of) progress", r"Areas covered by the visit", r"Summary of (?:key |main )?findings",
    r"Findings", r"Next steps", r"Context", r"Background", r"Executive summary", r"Summary",
    r"Information about this (?i:local authority(?: area)?|inspection)", r"What is working well",
    r"Progress since the last inspection", r"Inspection judgements?", r"Key strengths and weaknesses[^.?]{0,40}",
    r"(?:Case|Practice) study: [a-z][a-z ,-]{2,60}?(?= [A-Z])",
    rf"(?:The (?:impact of leaders|experiences and progress of|effectiveness of)[^.:]{{0,140}}|Overall effectiveness"
    rf"|Leadership, management and governance): (?i:{GRADE})",
)
# a heading between two sentences (or before a bullet item): its own paragraph
_HEADING = re.compile(r"(?:(?<=[.!?:;)\u2019\"\u201d])|(?<=\b\d)|(?<=\b\d\d))[ \t]+(?P<h>(?:" + "|".join(_HEADINGS) + r")[?:]?(?:\d|\[\^?\d\])?)"
                      r"(?=(?P<after>[ \t]+)(?:[A-Z" + BULLET_GLYPHS + r"‘“\"(]|-[ \t]+[A-Z]|\d{1,3}[.)][ \t]))")
# (a hyphen is a bullet only after a sentence's end or a heading: "... improvement - Ensure that ...")
_BULLET = re.compile(r"[ \t]+(?=[" + BULLET_GLYPHS + r"][ \t])|(?<=[.!?:])[ \t]+(?=-[ \t]+[A-Z])")
# a list's heading right before its first item, whatever comes before it ("... The effectiveness of the LSCB
# requires improvement Areas for improvement - Ensure that ..."); a report's "Section 2: ..." heading
_LIST_HEADING = re.compile(
    r"[ \t]+(?=(?:Areas? for (?:priority )?(?:actions?|development|improvement)|Recommendations?|Priority actions?"
    r"|What needs to improve[^.?\n]{0,50}\?)\d?[ \t]+(?:[" + BULLET_GLYPHS + r"][ \t]|-[ \t]+[A-Z]|\d{1,3}[.)][ \t]))"
    r"|(?<=[.!?])[ \t]+(?=Section \d{1,2}: [A-Z])")
# a hyphen-bulleted list after a colon, its items without a full stop ("... with a particular focus on the: -
# quality of matching ... for children in care - experiences and progress of disabled children ..."): each
# " - " up to the list's first full stop starts an item
_HYPHEN_LIST = re.compile(r":[ \t]+-[ \t]+\w")
_HYPHEN_ITEM = re.compile(r"[ \t]+(?=-[ \t]+\w)")
_LIST_END = re.compile(r"[.!?](?:[ \t]|$)")
# an unknown heading: words without a sentence's end between a sentence (or a cross-reference) and a numbered
# paragraph ("... (Paragraph 155) Inspection findings – the Local Safeguarding Children Board 143. Governance ...")
_HEADING_BEFORE_NUMBER = re.compile(
    r"(?<=[.!?)])([ \t]+)[A-Z][^.!?:;\n]{2,100}?([ \t]+)(?=\d{1,3}\.[ \t]+[A-Z])")
# list items and a report's numbered paragraphs, a page number perhaps between the number and the text
_NUMBERED = re.compile(r"[ \t]+(?=(\d{1,3})[.)][ \t]+(?:\d{1,3}[ \t]+)?[A-Z])")
_ENDS_SENTENCE = re.compile(r"[.!?:)]$")
# a page number left between two sentences: a line of its own (normalise drops it)
_PAGE_NUMBER = re.compile(r"(?<=[.!?])([ \t]+)\d{1,3}([ \t]+)(?=[A-Z]|\d{1,3}[.)][ \t])"
                          r"|(?<=[a-z])([ \t]+)\d{1,3}([ \t]+)(?=\d{1,3}[.)][ \t]+[A-Z])")  # "... management 4 2. Undertake"
# a list's lead-in ("The local authority has the following strengths:") starts a paragraph
_LEAD_IN = re.compile(r"(?<=[.!?])[ \t]+(?=[A-Z][^.!?:\n]{0,200}:[ \t]+(?:\d{1,3}[.)][ \t]|[" + BULLET_GLYPHS + r"]))")
# the labels of a report's inspection team ("Lead inspector: ...", "Team inspectors (all HMI unless otherwise
# stated): ...", "Quality assurance manager: ..."), each opening a line
_TEAM_START = re.compile(r"\bThe inspection team\b|\bLead inspectors?:", re.I)
_TEAM_LABEL = re.compile(r"[ \t,]+(?=[A-Z][a-z]+(?: [a-z]+){0,3}(?: \([^)]{0,60}\))?:[ \t])")
_SENTENCE = re.compile(r"(?<=[a-z0-9)\]'’\"”%][.!?])[ \t]+(?=[A-Z‘“\"(])")
# not a sentence's end: an abbreviation, or an item's number ("131. Evaluate ...")
_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|No|Prof|e\.g|i\.e|etc|cf|vs)\.$|(?:^|\s)\d{1,3}\.$")
_SIGN_OFF = re.compile(r"[ \t]+(?=Yours?[ \t]+(?:sincerely|faithfully)\b)", re.I)
_AFTER_SIGN_OFF = re.compile(r"Yours?[ \t]+(?:sincerely|faithfully)[,.]?(?=[ \t])", re.I)
# a joint letter's signature block ("Yours sincerely Ofsted Care Quality Commission Yvette Stanley National
# Director, Social Care Ursula Gallagher Deputy Chief Inspector HMI Constabulary ..."): each inspectorate's
# name a line of its own (not one that ends a title: "..., Ofsted"), and each signer's name starts a line
SIGNATURE_SPAN = 900
_INSPECTORATE = re.compile(
    r"(?<![,\w])(?:Ofsted|Care Quality Commission|HMI Constabulary(?: and Fire (?:&|and) Rescue Services)?|HMICFRS"
    r"|HMI Probation|HM Inspectorate of (?:Constabulary|Probation)|Her Majesty['’]s Inspectorate of (?:Constabulary"
    r"(?: and Fire (?:&|and) Rescue Services)?|Probation))(?=[ \t]+[A-Z])")
def _after_any(*words: str) -> str:
    """A lookbehind: the position right after any of `words` (each its own fixed-width lookbehind)."""
    return "(?:" + "|".join(rf"(?<=\b{w})" for w in words) + ")"


_TITLE_START = (r"(?:National|Deputy|Chief|Assistant|Regional|Her|His|Director|Senior|Lead|Head|Interim|Executive"
                r"|Strategic|HMI|Inspector|Associate|Acting|Social)\b")
_TITLE_END = _after_any("Care", "Inspector", "Director", "Constabulary", "Probation", "Services", "Officer", "HMI",
                        "Commissioner", "Manager", "Nursing", "Health", "CQC", "Ofsted", "HMICFRS")
# a word of a signer's name ("Gallagher", "MacDonald", "O'Kelly", "Porter-Moore"), not a title's first word
_SIGN_NAME = r"(?!" + _TITLE_START + r")[A-Z][a-z'’]*(?:[A-Z][a-z'’]+)?(?:-[A-Z][a-z'’]+)?"
_HONORIFIC = rf"(?:(?:{NAME_HONORIFIC_RE})\.?[ \t]+)?"
_POST_NOMINALS = r"(?:,?[ \t]+(?:[A-Z]{2,5}|[A-Z][a-z]?[A-Z][a-z]?[A-Z]?))*,?"  # ", CBE", " BSc MB ChB"
_SIGNER = re.compile(_TITLE_END + r"[ \t]+(?!(?:Probation|Constabulary|Quality|Commission|Ofsted)\b)"
                     rf"(?={_HONORIFIC}{_SIGN_NAME}(?:[ \t]+{_SIGN_NAME}){{1,2}}{_POST_NOMINALS}[ \t]+"
                     # its title next, or a second signer's name (two names side by side)
                     rf"(?:{_TITLE_START}|{_SIGN_NAME}[ \t]+{_SIGN_NAME}[ \t]+{_TITLE_START}))")
# two signers' names side by side, their titles after them ("Eleanor Schooling Ursula Gallagher National
# Director, ...")
_NAME_PAIR = re.compile(rf"\b{_SIGN_NAME}([ \t]+)(?={_SIGN_NAME}[ \t]+{_SIGN_NAME}[ \t]+{_TITLE_START})")
# two signers' titles side by side ("National Director, Social Care Deputy Chief Inspector")
_TITLE_THEN_TITLE = re.compile(_TITLE_END + r"([ \t]+)(?=" + _TITLE_START + ")")
_NAME_THEN_TITLE = re.compile(rf"\b{_SIGN_NAME}[ \t]+{_SIGN_NAME}{_POST_NOMINALS}([ \t]+)(?={_TITLE_START})")
# a joint letter's team list: "Inspection team Ofsted Joanna Walters, Ofsted lead inspector Una Buckley, Ofsted
# HMI ... Care Quality Commission Lesley Perry, CQC lead inspector ..."
_TEAM_HEADING = re.compile(r"(?<=[.!?])[ \t]+Inspection team(?=[ \t]+(?:Ofsted|Care Quality Commission|HMI|[A-Z][a-z]+ [A-Z]))")
_TEAM_MEMBER = re.compile(_after_any("inspector", "Inspector", "HMI", "CQC", "Ofsted", "Commission", "Probation",
                                     "Constabulary") + rf"[ \t]+(?={_HONORIFIC}{_SIGN_NAME}(?:[ \t]+{_SIGN_NAME}){{1,2}},[ \t])")
_AFTER_MEMBER = re.compile(_after_any("inspector", "Inspector", "HMI") + r"[ \t]+(?=[A-Z])")  # "... Ofsted HMI If you ..."
# a footnote or page number after the last signer's title ("... Assistant Chief Inspector 2 The Children Act ...")
_NOTE_AFTER_TITLE = re.compile(_TITLE_END + r"[ \t]+(?=\d{1,2}[ \t]*[A-Z][a-z])")
_COPY = re.compile(r"[ \t]+(?=(?:cc|Copy to|Copies to|Copied to)\b[: ])")
_REPORT_FIELD = re.compile(r"[ \t]+(?=Inspection dates?:|Lead inspectors?:|Inspection of (?:children|services|local)"
                           r"|Judgement[ \t]+Grade\b)")
# the 2009-2012 reports' cover: "Inspection of ... Haringey Care Quality Commission HM Inspectorate of
# Constabulary Ofsted Age group: All Published: 3 July 2009 Reference no: 309 © Crown copyright 2009 ..."
_COVER_FIELD = re.compile(r"[ \t]+(?=Age group:|Published:|Reference no:|© Crown copyright|Website:)")
COVER_SPAN = 800
# a contents page: "Contents The local authority 3 Summary of findings 3 What does the local authority need to
# improve? 4 ..." runs to the first sentence's end; its headings are entries, not headings
_CONTENTS = re.compile(r"([ \t]+)Contents[ \t]+(?=[A-Z])")
_SENTENCE_END = re.compile(r"[a-z)][.!][ \t]+[A-Z]")
_CUES = (_SALUTATION, _SIGN_OFF, _HEADING, _REPORT_FIELD, _COVER_FIELD)


def is_flat(raw: str, start: int, end: int) -> bool:
    """Whether raw[start:end] is a whole letter or report joined into one line: long, and holding the
    structure a letter prints on lines of their own (a salutation, sign-off, heading or bullet items), or a
    letter's opening (date, address block, salutation and what follows) on one line."""
    if end - start >= FLAT_MIN and (
            sum(1 for p in _CUES if p.search(raw, start, end)) >= 2 or len(_BULLET.findall(raw, start, end)) >= 2):
        return True
    # a letter's opening, however short: its date, address and salutation on one line, its text after them
    dear = _SALUTATION.search(raw, start, end)
    return bool(dear and end - dear.end() >= OPENING_MIN and _ADDRESSEES.match(raw, dear.end(), end)
                and SINGLE_DATE.search(raw, max(start, dear.start() - HEAD_SPAN), dear.start()))


class _Breaks:
    """The line breaks found in raw[start:end]: where each whitespace run that becomes a break starts, where
    it ends, and whether it is a blank line (a paragraph's end) rather than a line's."""

    def __init__(self, raw: str, start: int, end: int) -> None:
        self.raw, self.start, self.end = raw, start, end
        self.at: dict[int, tuple[int, bool]] = {}
        self.page_ends: set[int] = set()  # breaks where a page ended (after a running header or footer)

    def cut(self, span: tuple[int, int] | None, blank: bool) -> None:
        """Break at a whitespace run (anything else is left whole)."""
        if span is None or span[0] == span[1] or self.raw[span[0]:span[1]].strip():
            return
        old = self.at.get(span[0])
        self.at[span[0]] = (span[1], blank or (old is not None and old[1]))

    def cut_all(self, pattern: re.Pattern[str], blank: bool, a: int | None = None, b: int | None = None,
                group: int = 0) -> None:
        for m in pattern.finditer(self.raw, self.start if a is None else a, self.end if b is None else b):
            self.cut(m.span(group), blank)

    def before(self, pos: int) -> tuple[int, int] | None:
        """The whitespace run ending at pos."""
        s = pos
        while s > self.start and self.raw[s - 1] in " \t":
            s -= 1
        return (s, pos) if s < pos else None

    def after(self, pos: int) -> tuple[int, int] | None:
        """The whitespace run starting at pos."""
        e = pos
        while e < self.end and self.raw[e] in " \t":
            e += 1
        return (pos, e) if e > pos else None

    def spans(self) -> list[tuple[int, int, bool]]:
        out: list[tuple[int, int, bool]] = []
        cur = self.start
        for s in sorted(self.at):
            e, blank = self.at[s]
            if s < cur:
                continue
            out.append((cur, s, s in self.page_ends))
            if blank and s not in self.page_ends:
                out.append((e, e, False))
            cur = e
        out.append((cur, self.end, False))
        return out


def reflow(raw: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """The lines of raw[start:end] as the printed letter broke them: (start, end, page ends after it) spans,
    an empty span for a blank line between paragraphs."""
    b = _Breaks(raw, start, end)
    _head(b)
    _running_heads(b)
    contents = []
    for m in _CONTENTS.finditer(raw, start, end):
        stop = _SENTENCE_END.search(raw, m.end(), end)
        contents.append((m.start(), stop.start() if stop else m.end()))
        b.cut(m.span(1), True)

    def in_contents(pos: int) -> bool:
        return any(a <= pos < z for a, z in contents)

    for m in _HEADING.finditer(raw, start, end):
        if not in_contents(m.start()):
            b.cut((m.start(), m.start("h")), True)
            b.cut(m.span("after"), True)
    _numbered(b)
    b.cut_all(_HEADING_BEFORE_NUMBER, True, group=1)
    for group in (1, 2, 3, 4):
        b.cut_all(_PAGE_NUMBER, False, group=group)
    for m in _HYPHEN_LIST.finditer(raw, start, end):
        stop = _LIST_END.search(raw, m.end(), end)
        b.cut_all(_HYPHEN_ITEM, False, m.start(), stop.start() if stop else end)
    for m in _LIST_HEADING.finditer(raw, start, end):
        if not in_contents(m.start()):
            b.cut(m.span(), True)
    for pattern, blank in ((_BULLET, False), (_LEAD_IN, True), (_SIGN_OFF, True), (_COPY, True),
                           (_REPORT_FIELD, True)):
        b.cut_all(pattern, blank)
    cover = _COVER_FIELD.search(raw, start, min(end, start + COVER_SPAN))
    if cover:
        b.cut_all(_COVER_FIELD, False, start, start + COVER_SPAN)
        for org in _INSPECTORATE.finditer(raw, start, cover.end() + 1):
            b.cut(b.before(org.start()), False)
    team = _TEAM_START.search(raw, start, end)
    b.cut_all(_TEAM_LABEL, False, team.start() if team else end)
    for heading in _TEAM_HEADING.finditer(raw, start, end):
        _team_list(b, heading.start(), min(end, heading.end() + SIGNATURE_SPAN))
    for m in _AFTER_SIGN_OFF.finditer(raw, start, end):
        b.cut(b.after(m.end()), False)
        _signature(b, m.end(), min(end, m.end() + SIGNATURE_SPAN))
    for m in _SENTENCE.finditer(raw, start, end):
        if not _ABBREVIATION.search(raw, max(start, m.start() - 6), m.start()):
            b.cut(m.span(), False)
    return b.spans()


def _head(b: _Breaks) -> None:
    """Each letter's letterhead, date, address block, salutation and subject line: paragraphs of their own (a
    postcode ends an address's paragraph). A letter may sit in a council agenda: its head is what lies between
    the Ofsted letterhead (or the text before it, at most HEAD_SPAN) and its salutation."""
    floor = b.start
    for dear in _SALUTATION.finditer(b.raw, b.start, b.end):
        names = _ADDRESSEES.match(b.raw, dear.end(), b.end)
        if names is None:
            continue
        zone = max(floor, dear.start() - HEAD_SPAN)
        cues = list(_LETTERHEAD.finditer(b.raw, zone, dear.start()))
        for m in _POSTCODE.finditer(b.raw, zone, dear.start()):
            b.cut(b.after(m.end()), True)
        date = SINGLE_DATE.search(b.raw, cues[-1].end() if cues else zone, dear.start())
        if date:
            b.cut(b.before(date.start()), True)
            b.cut(b.after(date.end()), True)
        b.cut(b.before(dear.start()), True)
        b.cut(b.after(names.end()), True)
        opening = _OPENING.search(b.raw, names.end(), min(b.end, names.end() + 300))
        b.cut(opening.span() if opening else None, True)
        floor = names.end()


def _numbered(b: _Breaks) -> None:
    """Numbered items and paragraphs: the next number of a run, or any number after a sentence's end, starts a
    line (after a word, "6." does only where it follows item 5: "Safeguarding children 6. Ensure that ...")."""
    last = 0
    for m in _NUMBERED.finditer(b.raw, b.start, b.end):
        n = int(m.group(1))
        if n in (1, last + 1) or _ENDS_SENTENCE.search(b.raw, b.start, m.start()):
            b.cut(m.span(), False)
            last = n


def _team_list(b: _Breaks, a: int, z: int) -> None:
    """A joint letter's "Inspection team" list in raw[a:z]: each inspectorate and each "Name, role" apart."""
    b.cut(b.after(a) if b.raw[a] in " \t" else b.before(a), True)
    for org in _INSPECTORATE.finditer(b.raw, a, z):
        if b.raw[max(a, org.start() - 4):org.start()].rstrip().endswith(","):
            continue  # "Una Buckley, Ofsted HMI": the member's role
        b.cut(b.before(org.start()), True)
        b.cut(b.after(org.end()), False)
    b.cut_all(_TEAM_MEMBER, False, a, z)
    b.cut_all(_AFTER_MEMBER, False, a, z)


def _signature(b: _Breaks, a: int, z: int) -> None:
    """A joint letter's signature block in raw[a:z]: inspectorates, signers' names and titles apart."""
    for org in _INSPECTORATE.finditer(b.raw, a, z):
        b.cut(b.before(org.start()), True)
        b.cut(b.after(org.end()), True)
    b.cut_all(_SIGNER, True, a, z)
    b.cut_all(_NAME_PAIR, True, a, z, group=1)
    b.cut_all(_NAME_THEN_TITLE, True, a, z, group=1)
    b.cut_all(_TITLE_THEN_TITLE, True, a, z, group=1)
    b.cut_all(_NOTE_AFTER_TITLE, True, a, z)


_TOKEN = re.compile(r"\S+")
_PAGE_TOKEN = re.compile(r"\d{1,3}")
SHINGLE = 5  # words


def _running_heads(b: _Breaks) -> None:
    """A running header or footer: the same words (five or more) next to a different page number at least three
    times ("... service delivery. Kent County Council Inspection of looked after children services 7 Within three
    months: ..."). Each is a line of its own, and a page ends after it, so that normalise drops it as it drops
    the furniture of pages."""
    words = [(m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(b.raw, b.start, b.end)]
    keys = [tuple(w[2] for w in words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    counts = Counter(keys)
    covered = [False] * len(words)
    for i, key in enumerate(keys):
        if counts[key] >= 3:
            covered[i:i + SHINGLE] = [True] * SHINGLE
    runs: dict[str, list[tuple[int, int]]] = defaultdict(list)
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and covered[j]:
            j += 1
        if j - i <= 30 and j > i:
            runs[" ".join(w[2] for w in words[i:j])].append((i, j))
        i = max(j, i + 1)
    for occurrences in runs.values():
        numbered = []
        for i, j in occurrences:
            if j < len(words) and _PAGE_TOKEN.fullmatch(words[j][2]):
                numbered.append((i, j + 1, words[j][2]))
            elif i > 0 and _PAGE_TOKEN.fullmatch(words[i - 1][2]):
                numbered.append((i - 1, j, words[i - 1][2]))
        if len(numbered) < 3 or len({n for _, _, n in numbered}) < len(numbered):
            continue
        for i, j, _ in numbered:
            b.cut(b.before(words[i][0]), True)
            gap = b.after(words[j - 1][1])
            if gap:
                b.cut(gap, True)
                b.page_ends.add(gap[0])
