"""Clean a document's text for extraction while keeping a map back to the original offsets.

Hazards handled (see the domain notes): page headers/footers and page numbers repeated mid-text,
sentences split across page breaks, Markdown headings/emphasis/links/tables, assorted bullet
glyphs, Windows line endings, form feeds, typographic quotes and non-breaking spaces.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ofsted_kg.extract.dates import MONTH_NAMES
from ofsted_kg.extract.reflow import BULLET_GLYPHS, is_flat, reflow

_CHAR_MAP = {
    "\u2019": "'", "\u2018": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
    "\t": " ", "\u2010": "-", "\u2011": "-", "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "",
    "\ufeff": "",
    "\ufb01": "fi", "\ufb02": "fl", "\ufb00": "ff", "\ufb03": "ffi", "\ufb04": "ffl",
}
# Bullet glyphs: the geometric shapes (U+25A0-U+25FF: ■ ▪ ● ◼ ◾ …), bullets and arrows (• ‣ ⁃ ➢ ►), and
_GLYPHS = BULLET_GLYPHS
# Symbol/Wingdings bullets that a text layer or converter maps to a Latin-1 letter ("ƒ", "§", "Ø", "ü",
# as older letters' text often has them) or that pdfminer prints as an unmapped glyph ("(cid:127)"):
# a bullet only before a word, as no sentence starts with them
_MAPPED_BULLET = r"[ƒ§Øü](?=\s+[A-Za-z])|\(cid:\d{1,4}\)(?=\s*[A-Za-z]|\s*$)"
# OCR reads a square bullet (◼) as "m™", "m@", "™@", "™", "@" or a lone "m" before a capital.
_OCR_BULLET = r"m?[™@®]{1,2}(?=\s+\w|\s*$)|m(?=\s+[A-Z])"
_BULLET = re.compile(
    r"^(?:[" + _GLYPHS + r"]|[*\-–—\u2212](?=\s)|[o?\ufffd](?=\s+[A-Z])|" + _MAPPED_BULLET + "|" + _OCR_BULLET + r")\s*")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_LINK = re.compile(r"\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)")
# a Markdown backslash escape ("Oyelaran\\-Smith", "1\\. ", "\\*"): the punctuation stays, the backslash goes
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
# inline HTML that PDF-to-Markdown converters write: a line break inside a table cell, highlighting,
# superscripts, underlining. A break becomes a space; the other tags go, their text stays.
_BR = re.compile(r"<br\s*/?>", re.I)
_INLINE_TAG = re.compile(r"<!--.{0,200}?-->|<(?:(br)\s*/?|/?(?:mark|sup|sub|u|b|i|em|strong|span|small)(?:\s[^<>]{0,80})?)>", re.I)
_TABLE_SEP = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*$", re.I)
_PAGE_OF = re.compile(r"\bpage\s+\d{1,3}\s+of\s+\d{1,3}\s*$", re.I)
# A running footer/header: the document's title, a date and a page number on one line.
_RUNNING_TITLE = re.compile(
    r"^(?:Inspection of|Monitoring visit|Focused visit|Joint targeted area inspection|Annual unannounced)"
    r".{5,200}\b(?:19|20)\d\d\s+(?:Page\s+)?\d{1,3}$", re.I)
_FOOTER_PART = re.compile(
    r"^(?:(?:Inspection of|Monitoring visit (?:to|of)|Focused visit to)\b[^.]{3,150}(?:services|care)"
    r"|[0-3]?\d(?:\s+\w+)?(?:\s+\d{4})?\s*(?:to|-|–|and)\s*[0-3]?\d\s+\w+\s+(?:19|20)\d\d)$", re.I)
# An area SEND report's running header ("Area SEND inspection report: Haringey Local Area Partnership"), its
# dates, where they wrap, on the next line ("October 2023 2"): never its title, which reads "Area SEND inspection of"
_SEND_RUNNING_HEADER = re.compile(r"^(?:[-*" + _GLYPHS + r"]\s*)?Area SEND inspection report:[^.]{3,200}$", re.I)
# a 2012-13 report's running header: the council and the report's kind ("Kent County Council Inspection of looked
# after children services", "Medway Council Inspection of safeguarding and looked after children")
_COUNCIL_RUNNING_TITLE = re.compile(r"^[A-Z][^.\n]{2,80}?\b(?:Council|Borough)\s+Inspection of (?:safeguarding and )?"
                                    r"looked after children(?:['’]s)?(?:\s+services)?$")
_WRAPPED_DATE = re.compile(r"^[A-Z][a-z]{2,8}\s+(?:19|20)\d\d(?:\s+\d{1,3})?$")
_DOC_TITLE = re.compile(
    r"^(?:Inspection of|(?:Re-)?inspection of services for|Focused visit to|Monitoring visit to|"
    r"Joint targeted area inspection)\b", re.I)
_BLANK_PAGE = re.compile(r"^\s*this page (?:is )?(?:intentionally|deliberately) (?:left )?blank\.?\s*$", re.I)
_COPY_START = re.compile(r"^(?:cc|c\.c\.|copy|copies|copied to)\b", re.I)
# a form feed written out by a careless converter, alone on its line: "\\f", "\\x0c", "^L", "<FF>"
_LABEL = re.compile(r"[A-Z][a-z]+(?: [a-z]+){0,3}\s*:")
_LITERAL_FORM_FEED = re.compile(r"\\f|\\x0c|\\u000c|\^L|<FF>", re.I)
_TERMINAL = tuple(".!?:;)\"'")


@dataclass
class CleanText:
    """Cleaned text plus, for every character, its offset in the original text."""

    text: str
    offsets: list[int]
    raw: str

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean half-open span to the original text."""
        if not self.text:
            return 0, 0
        start = max(0, min(start, len(self.text) - 1))
        end = max(start + 1, min(end, len(self.text)))
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass
class _Line:
    chars: list[str]
    offs: list[int]
    page_break_after: bool = False
    furniture: bool = False

    @property
    def text(self) -> str:
        return "".join(self.chars)


_MAPPED = re.compile("[" + re.escape("".join(_CHAR_MAP)) + "]")


# a list's heading run on at the end of the paragraph above it, as a converter that joins each text
# block's lines prints it when no space parted them ("... of improvement. What needs to improve")
_LIST_HEADING = (r"(?:What needs to improve(?: in this area of social work practice)?|"
                 r"Areas? for (?:priority actions?|improvement|development))[?:]?(?:\d|\[\^?\d\])?")
_SENTENCE_END = r"(?<=[.!?)'\u2019\"\u201d])[ \t]+"
_GLUED_HEADING = re.compile(_SENTENCE_END + r"(?=" + _LIST_HEADING + r"[ \t]*$)")
# other short headings of findings lists ("Strengths", "Recommendations", "Key strengths and weaknesses of
# the LSCB") when an item follows: in wrapped prose a sentence may start with such words ("... public
# oversight. Recommendations / are closely tracked ...")
_GLUED_STRENGTHS = re.compile(
    _SENTENCE_END + r"(?=(?=[A-Z][\w'\u2019-]*(?: [\w'\u2019,-]+){0,7}[ \t]*$)[^\n]{0,80}?"
    r"(?i:\b(?:strengths|weaknesses|recommendations|findings|priority action))\b[^\n]{0,40}$)")
_NEXT_IS_ITEM = re.compile(r"\s*(?:[-*" + _GLYPHS + r"]|\d{1,2}[.)])[ \t]")
# ... or at the start of the first item's line ("Areas for improvement Leaders across the partnership must ...")
_HEADING_THEN_ITEM = re.compile(r"[ \t]*" + _LIST_HEADING + r"(?=[ \t]+[A-Z][a-z]+ [^\n]*[.!?][ \t]*$)")


def _run_on_heading(raw: str, start: int, end: int) -> re.Match[str] | None:
    """The space before a list's heading run on at the end of the line raw[start:end], if one is."""
    glued = _GLUED_HEADING.search(raw, start, end)
    if glued:
        return None if _NEXT_IS_LOWER.match(raw, end, end + 200) else glued  # a wrapped sentence goes on below
    glued = _GLUED_STRENGTHS.search(raw, start, end)
    return glued if glued and _NEXT_IS_ITEM.match(raw, end + 1) else None


_NEXT_IS_LOWER = re.compile(r"\s*[a-z]")


# numbered items run together on one line ("1. Ensure that ... 2. Ensure that ..."): each its own line
_FIRST_NUMBERED = re.compile(r"[ \t]*1[.)][ \t]+[A-Z]")
_NEXT_NUMBERED = re.compile(r"(?<=[.!?])[ \t]+(?=(\d{1,2})[.)][ \t]+[A-Z])")


def _split_numbered(raw: str, start: int, end: int, out: list[tuple[int, int, bool]]) -> int:
    """Put each item of a run-on numbered list but the last into `out`; return where the last starts."""
    expected = 2
    for m in _NEXT_NUMBERED.finditer(raw, start, end):
        if int(m.group(1)) == expected:
            out.append((start, m.start(), False))
            start, expected = m.end(), expected + 1
    return start


def _physical_lines(raw: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, followed_by_form_feed) for each line as given; a whole letter joined into one line is
    given back its lines (extract/reflow.py)."""
    for m in re.finditer(r"([^\n\r\f]*)(\r\n|\n|\r|\f|$)", raw):
        if m.start() == m.end() and m.start() == len(raw):
            break
        start, end, ff = m.start(1), m.end(1), m.group(2) == "\f"
        if is_flat(raw, start, end):
            spans = reflow(raw, start, end)
            yield from spans[:-1]
            start, end, _ = spans[-1]
        yield start, end, ff


def _split_lines(raw: str) -> list[tuple[int, int, bool]]:
    """(start, end, followed_by_form_feed) for each physical line."""
    out: list[tuple[int, int, bool]] = []
    for start, end, ff in _physical_lines(raw):
        glued = _run_on_heading(raw, start, end)
        if glued is None and (lead := _HEADING_THEN_ITEM.match(raw, start, end)):
            out.extend([(start, lead.end(), False), (lead.end(), lead.end(), False)])
            start = lead.end()
        if glued:
            out.extend([(start, glued.start(), False), (glued.end(), glued.end(), False)])
            start = glued.end()
        if _FIRST_NUMBERED.match(raw, start, end):
            start = _split_numbered(raw, start, end, out)
        if "<br" in raw[start:end]:
            stacked = _stacked_cells(raw, start, end)
            if stacked:
                out.extend(stacked)
                out[-1] = (out[-1][0], out[-1][1], ff)
                continue
            if not raw[start:end].lstrip().startswith("|"):
                # outside a table cell, a converter's <br> is a line break ("<!-- Start of picture text -->"
                # blocks print a signature block's lines joined by it)
                for br in _BR.finditer(raw, start, end):
                    out.append((start, br.start(), False))
                    start = br.end()
        out.append((start, end, ff))
    return out


def _stacked_cells(raw: str, start: int, end: int) -> list[tuple[int, int, bool]] | None:
    """A Markdown table row whose every cell stacks lines with <br> ("|<br>Jo Smith<br>Regional Director|
    <br>Sam Lee<br>Deputy Chief Inspector|": signature blocks printed side by side) as the lines of each
    cell in turn, a blank line between cells; None for any other row. A row with a one-line cell (a
    judgement table's grade beside its wrapped area) stays one line."""
    line = raw[start:end]
    if not line.lstrip().startswith("|"):
        return None
    bars = [start + i for i, ch in enumerate(line) if ch == "|"]
    cells = [(a + 1, b) for a, b in zip(bars, bars[1:], strict=False)]
    out: list[tuple[int, int, bool]] = []
    filled = 0
    for a, b in cells:
        parts, at = [], a
        for br in _BR.finditer(raw, a, b):
            parts.append((at, br.start()))
            at = br.end()
        parts.append((at, b))
        parts = [(x, y) for x, y in parts if raw[x:y].strip()]
        if not parts:
            continue
        if len(parts) < 2:
            return None
        filled += 1
        if out:
            out.append((a, a, False))
        out.extend((x, y, False) for x, y in parts)
    return out if filled >= 2 else None


_JOINED_HYPHEN = re.compile(r"\b[A-Z][a-z]+- (?=[A-Z][a-z]+\b)")


def _clean_line(raw: str, start: int, end: int) -> _Line:
    s = raw[start:end]
    if not s or s.isspace():  # a blank line cleans to nothing (and runs of them must stay cheap)
        return _Line([], [])
    if _MAPPED.search(s) is None:  # most lines: no character to replace
        line = _Line(list(s), list(range(start, end)))
    else:
        chars: list[str] = []
        offs: list[int] = []
        for i, ch in enumerate(s):
            for r in _CHAR_MAP.get(ch, ch):
                chars.append(r)
                offs.append(start + i)
        line = _Line(chars, offs)
    _apply(line, _MD_LINK, lambda m: (m.start(1), m.end(1)))
    if "\\" in line.text:
        _apply(line, _MD_ESCAPE, lambda m: (m.start(1), m.end(1)))
    _drop_literals(line, ("**", "__"))
    if "<" in line.text:
        _drop_inline_tags(line)
    if line.text.lstrip().startswith("|") or line.text.count("|") >= 2:
        if _TABLE_SEP.match(line.text):
            return _Line([], [])
        _replace_chars(line, "|", " ")
    _strip(line)
    m = _MD_HEADING.match(line.text)
    if m:
        del line.chars[: m.end()], line.offs[: m.end()]
    if _MD_RULE.match(line.text):
        return _Line([], [])
    m = _BULLET.match(line.text)
    if m and len(line.text) > m.end():
        keep = line.offs[0]
        del line.chars[: m.end()], line.offs[: m.end()]
        line.chars[:0], line.offs[:0] = ["-", " "], [keep, keep]
    _collapse_spaces(line)
    if "- " in line.text:  # "Dominic Porter- Moore": a name hyphenated at a line end whose lines were joined
        _apply(line, _JOINED_HYPHEN, lambda m: (m.start(), m.end() - 1))
    _join_kerning_splits(line)
    _repair_ocr(line)
    return line


# Words of the genre that a PDF's text layer may split with a space where the font kerns two glyphs
# apart ("inspect ion", "improvem ent", "outst anding"); only splits leaving 3+ letters each side are
# joined, so real word pairs ("in adequate") are kept
_KERNED_WORDS = (
    "inspection", "inspections", "inspected", "inspector", "improvement", "outstanding", "inadequate",
    "requires", "judgement", "judgements", "effectiveness", "evaluation", "assessment", "assessments",
    "protection", "management", "leadership", "previously",
)
_KERNED_SET = frozenset(_KERNED_WORDS)
# candidates: a word starting as one of those words do, a space, then 3+ letters (a lookahead, so that
# overlapping candidates such as "Requires improvem ent" are all seen); the set decides
_KERNED_CANDIDATE = re.compile(
    r"\b(?=((?:" + "|".join(sorted({w[:3] for w in _KERNED_WORDS})) + r")[a-z]* [a-z]{3,})\b)", re.I)


# A title's first letter set apart from the rest of its word (a drop capital, or OCR reading a wide gap):
# "J oint targeted area inspection", "F ocused visit to ..."
_SPLIT_FIRST = frozenset({"joint", "focused", "monitoring", "inspection", "annual", "unannounced", "assurance",
                          "local", "area", "dear", "this", "children's", "summary"})


def _join_kerning_splits(line: _Line) -> None:
    """Drop the space a kerning gap put inside a known word of the genre, keeping offsets."""
    text = line.text
    if " " not in text:
        return
    first = re.match(r"([A-Z]) ([a-z'’]{2,})\b", text)
    if first and (first.group(1) + first.group(2)).lower().replace("’", "'") in _SPLIT_FIRST:
        del line.chars[1], line.offs[1]
        text = line.text
    gaps = []
    for m in _KERNED_CANDIDATE.finditer(text):
        left, right = m.group(1).split(" ", 1)
        if (left + right).lower() in _KERNED_SET:
            gaps.append(m.start() + len(left))
    for i in reversed(gaps):
        del line.chars[i], line.offs[i]


# OCR confusions in the genre's cue words and in dates ("rnonitoring visit", "Her Majesty's lnspector",
# "0fsted", "Decernber", "Januarv", "1O January 2O19", "2l March"). Only misspellings are listed (each
# word's m as "rn", a capital I as "l" or "1", a capital O as "0", a final y as "v"), never the clean
# word, so clean text is left alone; digits are repaired only in a day or year next to a month name.
_OCR_WORDS = (
    "monitoring", "summarises", "summarise", "assessment", "assessments", "management", "improvement",
    "recommendations", "Inspector", "Inspectors", "Inspectorate", "Inspection", "Inspections", "Ofsted",
    "January", "February", "July", "September", "November", "December",
)


def _ocr_variants(word: str) -> set[str]:
    forms = {""}
    for i, ch in enumerate(word):
        alts = {ch}
        if ch == "m":
            alts.add("rn")
        elif i == 0 and ch == "I":
            alts |= {"l", "1"}
        elif i == 0 and ch == "O":
            alts.add("0")
        elif ch == "y" and i == len(word) - 1:
            alts.add("v")
        forms = {f + a for f in forms for a in alts}
    return forms - {word}


_OCR_FIX = {v.lower(): w for w in _OCR_WORDS for v in _ocr_variants(w)}
# (a variant that is itself a real word would not do: none of the above is)
_OCR_WORD = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _OCR_FIX), key=len, reverse=True)) + r")\b")
_OCR_WORD_I = re.compile(_OCR_WORD.pattern, re.I)  # searching the lower-cased line is three times faster
_OCR_MONTH = "(?:" + "|".join(m.capitalize() for m in MONTH_NAMES) + ")"
# a day before its month, or before the other days of its run ("1O and 1l February", "3O-31 May")
_OCR_DAY_TOKEN = r"[0-3OolI]?[0-9OolI](?:st|nd|rd|th)?"
_OCR_DAY = re.compile(r"\b[0-3OolI]?[0-9OolI](?=(?:st|nd|rd|th)?(?:\s*(?:,|and|to|-|–|—)\s*" + _OCR_DAY_TOKEN
                      + r")*\s+(?:of\s+)?" + _OCR_MONTH + r"\b)", re.I)
_OCR_YEAR = re.compile(r"\b" + _OCR_MONTH + r"(,?\s+)([12l][09O][0-9OolI]{2})\b", re.I)
_OCR_DIGITS = str.maketrans("OolI", "0011")


def _ocr_case(found: str, word: str) -> str:
    """`word` in the case of the misreading `found` ("0FSTED" -> "OFSTED", "lnspector" -> "Inspector")."""
    if found[1:].isupper():
        return word.upper()
    if found[0].isupper() or found[0] in "l10":
        return word[0].upper() + word[1:]
    return word[0].lower() + word[1:]


def _splice(line: _Line, start: int, end: int, new: str) -> None:
    """Replace line.chars[start:end] by `new`, its characters mapped onto the old span's offsets."""
    olds = line.offs[start:end]
    offs = [olds[min(i, len(olds) - 1)] for i in range(len(new))]
    if offs:
        offs[-1] = olds[-1]
    line.chars[start:end], line.offs[start:end] = list(new), offs


def _repair_ocr(line: _Line) -> None:
    text = line.text
    low = text.lower()
    found = list(_OCR_WORD.finditer(low) if len(low) == len(text) else _OCR_WORD_I.finditer(text))
    for m in reversed(found):
        typo = text[m.start():m.end()]
        _splice(line, m.start(), m.end(), _ocr_case(typo, _OCR_FIX[typo.lower()]))
    text = line.text
    if not re.search(r"\d[OolI]|[OolI]\d|\b[lIO]\d", text):
        return
    for pattern, group in ((_OCR_DAY, 0), (_OCR_YEAR, 2)):
        for m in pattern.finditer(text):
            token = m.group(group)
            if any(c.isdigit() for c in token) and not token.isdigit():
                a = m.start(group)
                line.chars[a:a + len(token)] = list(token.translate(_OCR_DIGITS))
        text = line.text


def _apply(line: _Line, pattern: re.Pattern[str], keep: object) -> None:
    """Replace each match by the sub-span `keep(match)` returns, preserving offsets."""
    text = line.text
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in pattern.finditer(text):
        a, b = keep(m)  # type: ignore[operator]
        pieces.append((pos, m.start()))
        pieces.append((a, b))
        pos = m.end()
    if not pieces:
        return
    pieces.append((pos, len(text)))
    chars = [c for a, b in pieces for c in line.chars[a:b]]
    offs = [o for a, b in pieces for o in line.offs[a:b]]
    line.chars, line.offs = chars, offs


_DROP, _KEEP, _SPACE = 0, 1, 2  # what _drop_literals does with each character


def _drop_literals(line: _Line, literals: tuple[str, ...]) -> None:
    """Drop every occurrence of each literal ("**", "__"), left to right, in one pass (linear in the line:
    a run of 30,000 asterisks took 6 s when each occurrence was cut out of the whole line in turn)."""
    for lit in literals:
        text = line.text
        i = text.find(lit)
        if i < 0:
            continue
        keep = [_KEEP] * len(text)
        while i >= 0:
            keep[i : i + len(lit)] = [_DROP] * len(lit)
            if i > 0 and i + len(lit) < len(text) and text[i - 1].isalnum() and text[i + len(lit)].isalnum():
                keep[i] = _SPACE  # "is**requires improvement**": a word break, not nothing
            i = text.find(lit, i + len(lit))
        line.chars = [" " if k == _SPACE else c for c, k in zip(line.chars, keep, strict=True) if k]
        line.offs = [o for o, k in zip(line.offs, keep, strict=True) if k]


def _drop_inline_tags(line: _Line) -> None:
    text = line.text
    chars: list[str] = []
    offs: list[int] = []
    pos = 0
    for m in _INLINE_TAG.finditer(text):
        chars.extend(line.chars[pos:m.start()])
        offs.extend(line.offs[pos:m.start()])
        if m.group(1):
            chars.append(" ")
            offs.append(line.offs[m.start()])
        pos = m.end()
    if pos:
        line.chars, line.offs = chars + line.chars[pos:], offs + line.offs[pos:]


def _replace_chars(line: _Line, old: str, new: str) -> None:
    line.chars = [new if c == old else c for c in line.chars]


def _strip(line: _Line) -> None:
    lead = 0
    while lead < len(line.chars) and line.chars[lead].isspace():
        lead += 1
    del line.chars[:lead], line.offs[:lead]  # one cut, not one pop(0) per space (quadratic in a long run)
    while line.chars and line.chars[-1].isspace():
        line.chars.pop(), line.offs.pop()


def _collapse_spaces(line: _Line) -> None:
    """Runs of spaces become one space; a wide gap (3+ spaces: text set in columns) becomes two."""
    if "  " not in line.text:
        return
    chars: list[str] = []
    offs: list[int] = []
    run = 0
    for c, o in zip(line.chars, line.offs, strict=True):
        if c == " ":
            run += 1
            if run == 1 or run == 3:
                chars.append(c)
                offs.append(o)
            continue
        if run == 2:
            chars.pop(), offs.pop()  # two spaces are just sloppy spacing
            chars.append(" ")
            offs.append(o - 1)
        run = 0
        chars.append(c)
        offs.append(o)
    line.chars, line.offs = chars, offs


def _furniture_key(text: str) -> str:
    """A line's text with its page number (first or last token, or "page N of M") blanked out."""
    t = re.sub(r"\s+", " ", text.lower()).strip()
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)? [a-z]+,? \d{4}", t):
        return t  # a date line (a letter's date) is not a numbered running header
    t = re.sub(r"page \d+(?: of \d+)?", "page #", t)
    return re.sub(r"^\d{1,3} |(?<= )\d{1,3}$", "# ", t).strip()


# genre rule: one pattern per kind of page furniture the letters' PDFs carry; its length is the genre's (radon CC > 20)
def _repeated_at_edges(pages: list[list[_Line]], need: int, on_pages: int = 0,
                       known: frozenset[str] = frozenset()) -> list[_Line]:
    """Lines among the three at each end of a page's content whose text (digits ignored) recurs at page
    edges beside `need` different neighbourhoods.

    A line counts once per distinct neighbourhood (the three lines next to it, towards the page's body):
    a letter pasted twice into one document repeats its own lines at page edges along with the text
    around them, where a running header or footer recurs beside different text on each page. With
    `on_pages`, the text must also be at the edge of that many pages; `known` texts are already furniture
    elsewhere."""
    edge_contexts: dict[str, set[tuple[str, ...]]] = {}
    edge_pages: dict[str, set[int]] = {}
    edges: list[list[_Line]] = []
    for n, page in enumerate(pages):
        content = [ln for ln in page if ln.text and not ln.furniture]
        edges.append(content[:3] + content[-3:])
        seen: set[str] = set()
        for i, ln in enumerate(content):
            if 3 <= i < len(content) - 3:
                continue
            key = _furniture_key(ln.text)
            if key in seen:
                continue
            seen.add(key)
            edge_pages.setdefault(key, set()).add(n)
            near = content[max(0, i - 3):i] if i >= len(content) - 3 else content[i + 1:i + 4]
            edge_contexts.setdefault(key, set()).add(tuple(_furniture_key(x.text) for x in near))
    out: dict[int, _Line] = {}
    for edge in edges:
        for ln in edge:
            key = _furniture_key(ln.text)
            # a header of identical lines heading most pages has the same neighbours everywhere
            common = len(edge_pages[key]) >= max(3, (len(pages) + 1) // 2)
            if key in known or ((len(edge_contexts[key]) >= need or common) and len(edge_pages[key]) >= on_pages
                                and len(key) < 200 and len(key.split()) >= 2):
                out[id(ln)] = ln
    return list(out.values())


def _mark_furniture(lines: list[_Line]) -> None:
    after_header = False
    for ln in lines:
        t = ln.text
        if t and (_PAGE_NUMBER.match(t) or _BLANK_PAGE.match(t) or (_PAGE_OF.search(t) and len(t) < 160)
                  or _RUNNING_TITLE.match(t) or _SEND_RUNNING_HEADER.match(t) or _COUNCIL_RUNNING_TITLE.match(t)
                  or (after_header and _WRAPPED_DATE.match(t))):
            ln.furniture = True
        after_header = bool(t and _SEND_RUNNING_HEADER.match(t)) or (after_header and not t)
    # A footer set over several lines just above a bare page number: title, then dates.
    for i, ln in enumerate(lines):
        if ln.furniture and ln.text and _PAGE_NUMBER.match(ln.text):
            ln.page_break_after = True
            back = [x for x in lines[max(0, i - 4):i] if x.text and not x.furniture][-2:]
            for prev in back:
                if _FOOTER_PART.match(prev.text):
                    prev.furniture = True
    # Running headers/footers: lines next to page breaks whose text (digits ignored) recurs on
    # several pages.
    pages: list[list[_Line]] = [[]]
    for ln in lines:
        pages[-1].append(ln)
        if ln.page_break_after:
            pages.append([])
    if len(pages) < 2:
        return
    # twice is enough in a short letter; in a long report a heading printed in its table of contents,
    # at the top of its section's page and in a closing table is not a running header, which recurs on
    # most pages
    need = 2 if len(pages) <= 6 else max(3, len(pages) // 5)
    repeated: list[_Line] = []
    tops = [ln for page in pages for ln in [x for x in page if x.text and not x.furniture][:3]]
    # A header of several lines (a joint letter's logos read by OCR: "HMICFRS" / "Her Majesty's
    # Inspectorate of Constabulary" / ... / "improving lives") is peeled from the page's edge inwards.
    for peel in range(8):  # once the outer lines are gone, a line must recur at the edge of 3 pages or more
        found = _repeated_at_edges(pages, need, 3 if peel else 0, frozenset(_furniture_key(x.text) for x in repeated))
        if not found:
            break
        for ln in found:
            ln.furniture = True
        repeated.extend(found)
    # The document's title heads its first page (or cover) and a running footer repeats it: the first
    # time, it is the title.
    peeled = {id(ln) for ln in repeated}
    first = {id(ln) for ln in pages[0]}  # (a title wrapped otherwise on the cover leaves page two's header alone)
    title = next((ln for ln in tops if id(ln) in peeled and id(ln) in first and _DOC_TITLE.match(ln.text)), None)
    if title is not None:
        title.furniture = False
    # A one-word running header ("Ofsted"): the first line of most pages of a longer document.
    firsts = [content[0] for content in ([ln for ln in page if ln.text and not ln.furniture] for page in pages)
              if content]
    first_keys = Counter(_furniture_key(ln.text) for ln in firsts)
    for ln in firsts:
        key = _furniture_key(ln.text)
        if (len(pages) >= 3 and first_keys[key] >= max(2, len(pages) / 2) and re.fullmatch(r"[a-z][a-z'.&-]*", key)):
            ln.furniture = True


_TRAILING_GLYPH = re.compile(r"\s*[" + _GLYPHS + "]$")


_LONE_NUMBER = re.compile(r"\d{1,2}[.)]|\([a-z0-9]{1,3}\)")


def _attach_lone_bullets(lines: list[_Line]) -> None:
    """A bullet glyph set on another baseline than its text comes out alone on its line, or glued to the
    end of the line before ("What needs to improve?•"): it marks the next line. So does a list number
    set in a cell of its own ("1." alone on its line, the item's text on the next; a text converter may
    put a blank line or two between them, which go with the number)."""
    for i, ln in enumerate(lines):
        if ln.furniture:  # a marker already given to its item
            continue
        marker = _is_marker(ln.text)
        j = _next_text_line(lines, i) if marker else i + 1
        if j >= len(lines) or not lines[j].chars or _BULLET.match(lines[j].text):
            continue
        nxt = lines[j]
        if marker:
            if _LONE_NUMBER.fullmatch(ln.text) and (not nxt.text[:1].isalpha() or _is_bullet(nxt.text)):
                continue
            _prefix_marker(ln, nxt)
            for dropped in lines[i + 1:j]:
                dropped.furniture = True  # dropped, not a blank line
            continue
        t = _TRAILING_GLYPH.search(ln.text)
        if not t or not t.start():
            continue
        keep = ln.offs[len(ln.text) - 1]
        del ln.chars[t.start():], ln.offs[t.start():]
        nxt.chars[:0], nxt.offs[:0] = ["-", " "], [keep, keep]


def _is_marker(text: str) -> bool:
    return bool(_LONE_NUMBER.fullmatch(text)) or (_BULLET.fullmatch(text) is not None and text[:1] not in "*-–—o")


def _attach_marker_runs(lines: list[_Line]) -> None:
    """A column of list markers printed before the column of their items (pdfminer reads a list set in
    two cells so: "1.", "2.", "3." on lines of their own, then the three items' paragraphs): the i-th
    marker goes to the i-th paragraph after the run."""
    i = 0
    while i < len(lines):
        if not (lines[i].chars and _is_marker(lines[i].text)):
            i += 1
            continue
        run = [i]
        j = _next_text_line(lines, i)
        while j < len(lines) and lines[j].chars and _is_marker(lines[j].text):
            run.append(j)
            j = _next_text_line(lines, j)
        if len(run) < 2:
            i += 1
            continue
        before = _items_before(lines, i, len(run))
        if before:
            for k, start in zip(run, before, strict=True):
                _prefix_marker(lines[k], lines[start])
            i = j
            continue
        for k in run:
            nxt = lines[j] if j < len(lines) else None
            if nxt is None or not nxt.chars or _is_marker(nxt.text) or _BULLET.match(nxt.text) \
                    or not nxt.text[:1].isalnum() or _is_bullet(nxt.text):
                break
            _prefix_marker(lines[k], nxt)
            j = _after_item(lines, j)
        i = j if j > i else i + 1


def _prefix_marker(marker: _Line, item: _Line) -> None:
    """Put a marker read on a line of its own at the start of its item's first line."""
    if _LONE_NUMBER.fullmatch(marker.text):
        item.chars[:0], item.offs[:0] = [*marker.chars, " "], [*marker.offs, marker.offs[-1]]
    else:
        item.chars[:0], item.offs[:0] = ["-", " "], [marker.offs[0], marker.offs[0]]
    marker.furniture = True


def _items_before(lines: list[_Line], i: int, n: int) -> list[int] | None:
    """A column of n markers printed after the column of their items (pdfminer, a list set in two cells
    whose text cell comes first): the first lines of the n paragraphs before line i, in order, when each
    is a sentence and a heading line comes before them ("Recommendations", the items, then "1." to "9.")."""
    starts: list[int] = []
    j = i - 1
    while len(starts) <= n:
        gap = 0
        while j >= 0 and not lines[j].chars and gap < 4:
            j, gap = j - 1, gap + 1
        if j < 0 or not lines[j].chars:
            return None
        end = j
        while j >= 0 and lines[j].chars:
            j -= 1
        if len(starts) == n:
            heading = lines[end].text
            return starts[::-1] if end == j + 1 and heading[-1:] not in ".,;:" and len(heading) < 80 else None
        first = lines[j + 1].text
        if not first[:1].isupper() or _is_marker(first) or _is_bullet(first) or lines[end].text[-1:] not in ".;":
            return None
        starts.append(j + 1)
    return None


def _after_item(lines: list[_Line], j: int) -> int:
    """The first text line after the item paragraph starting at j."""
    while j < len(lines) and lines[j].chars:
        j += 1
    while j < len(lines) and not lines[j].chars:
        j += 1
    return j


def _next_text_line(lines: list[_Line], i: int) -> int:
    """Index of the line after `i`, past at most two blank lines, or past a page break's blank lines and
    bare page number ("9.", page number "4", then item 9's text)."""
    j = i + 1
    limit = min(i + 3, len(lines) - 1)
    while j < limit and not lines[j].chars and not lines[j].page_break_after:
        j += 1
    if j < len(lines) - 1 and (lines[j].page_break_after or _PAGE_NUMBER.match(lines[j].text)):
        k = j
        while k < min(j + 4, len(lines) - 1) and (not lines[k].chars or _PAGE_NUMBER.match(lines[k].text)):
            k += 1
        if lines[k].chars:
            return k
    return j


def _is_bullet(text: str) -> bool:
    return text.startswith("- ") or bool(re.match(r"^(?:\d{1,2}[.)]|\([a-z0-9]{1,3}\))\s", text))


# words a sentence cannot end with: a paragraph ending with one goes on over the page, whatever starts the next
_OPEN_END = re.compile(r"\b(?:the|a|an|of|to|and|or|in|into|for|with|that|by|on|at|from|their|its|is|are|was|were|be"
                       r"|been|has|have|had|than|which|whose|between|through|including)$")
# a footnote at a page's foot ("1 This joint inspection was conducted under section 20 ...", "1 The areas for
# improvement have been cross-referenced ..."): where it stands between the halves of a sentence, it goes
_FOOTNOTE = re.compile(r"^\d{1,2}\s+[A-Z]")
_BRACKETED_NOTE = re.compile(r"^\([^()\n]{3,80}\)\.?$")
_GREETING = re.compile(r"^(?:Dear|To the children and young people)\b[^\n]*,\s*$")


def _should_join(prev: str, nxt: str, page_break: bool, full: bool = False) -> bool:
    """Does paragraph `nxt` continue `prev`, split by a page break or a stray blank line? (`prev`: the
    paragraph's last line; `full`: that line is about as long as the paragraph's longest, so not its end.)"""
    if not prev or not nxt or _is_bullet(nxt) or _COPY_START.match(nxt):
        return False
    last = prev.rstrip()[-1]
    if _BRACKETED_NOTE.match(nxt) and not _GREETING.match(prev):
        return True  # "(Outcome 3, national framework)" alone below an item it belongs to (a Markdown form)
    if _GREETING.match(prev):
        return False
    if last in _TERMINAL:
        # an inline list's item ends with ";" and the next goes on over the page ("...; / analysis of ...")
        return last == ";" and page_break and nxt[0].islower()
    if nxt[0].islower():
        return len(prev) > 40 or page_break
    if page_break and (_OPEN_END.search(prev) or nxt[0] == "("):
        return True  # "... makes sure that the / YPAs are aware ...", "... police national database / (PND) or ..."
    if page_break and full and last.isalnum() and len(nxt) > 40:
        return True  # "... Local Authority Commissioning, Clinical / [page] / Commissioning Group and the ..."
    # a list ending in a stray comma does not run into the labelled line below ("Shadow inspectors: ...")
    return last == "," and len(prev) > 40 and not _LABEL.match(nxt)


# Words of the genre that a hard-wrapped letter may hyphenate at a line end ("moni-" / "toring visit",
# "Novem-" / "ber 2017", "Inspec-" / "tors"): the hyphen and the line break are dropped only when the
# two halves make one of these words, so that compounds ("multi-" / "agency") and hyphenated names keep
# their hyphen.
_MONTH_WORDS = tuple(m for m in MONTH_NAMES if len(m) > 3)  # "may" is too short to be hyphenated
_ORDINAL_WORDS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth")
_HYPHENATED_WORDS = frozenset(
    [w.lower() for w in _KERNED_WORDS + _OCR_WORDS] + list(_MONTH_WORDS + _ORDINAL_WORDS) + [
        "inspecting", "focused", "focussed",
        "majesty's", "judged", "services", "children's", "authority", "assurance", "targeted",
        "unannounced", "arrangements", "sincerely", "safeguarding", "director",
        "following", "considered", "evaluated", "reviewed", "progress", "accompanied", "supported",
    ])
_LINE_END_HALF = re.compile(r"(?:^|(?<=[\s(\"']))([A-Za-z][a-z']*)-$")
_LINE_START_HALF = re.compile(r"[a-z']+")


def _join_hyphenated_words(par: list[_Line]) -> None:
    for ln, nxt in zip(par, par[1:], strict=False):
        if not ln.chars or ln.chars[-1] != "-" or not nxt.chars:
            continue
        head = _LINE_END_HALF.search(ln.text)
        tail = _LINE_START_HALF.match(nxt.text)
        if not head or not tail or (head.group(1) + tail.group(0)).lower() not in _HYPHENATED_WORDS:
            continue
        n = tail.end()
        del ln.chars[-1], ln.offs[-1]
        ln.chars.extend(nxt.chars[:n])
        ln.offs.extend(nxt.offs[:n])
        del nxt.chars[:n], nxt.offs[:n]
        while nxt.chars and nxt.chars[0] == " ":
            del nxt.chars[0], nxt.offs[0]
        if nxt.text[:1] in (",", ".", ";", ":"):  # the word's punctuation goes with it
            ln.chars.append(nxt.chars.pop(0))
            ln.offs.append(nxt.offs.pop(0))
            while nxt.chars and nxt.chars[0] == " ":
                del nxt.chars[0], nxt.offs[0]
    par[:] = [ln for ln in par if ln.chars]


def _drop_interrupting_footnotes(paragraphs: list[list[_Line]], gaps: list[bool]) -> None:
    """Drop a page's footnote (a short paragraph right before a page break, starting with its number) that
    stands between the two halves of a sentence; the halves are then joined as across any page break."""
    i = 1
    while i < len(paragraphs) - 1:
        par, before, after = paragraphs[i], paragraphs[i - 1][-1].text, paragraphs[i + 1][0].text
        if (len(par) <= 4 and gaps[i] and _FOOTNOTE.match(par[0].text) and before
                and before.rstrip()[-1] not in _TERMINAL and _should_join(before, after, True)):
            del paragraphs[i]
            del gaps[i]
            gaps[i - 1] = True
            continue
        i += 1


def _full_last_line(par: list[_Line]) -> bool:
    """A prose paragraph whose last line is about as long as its longest: it does not end there (a list of
    short lines is not prose)."""
    width = max(len(ln.text.rstrip()) for ln in par)
    return len(par) > 1 and width >= 60 and len(par[-1].text.rstrip()) >= 0.85 * width


# genre rule: the letters' PDF and HTML artefacts, one step each; its length is the genre's (radon CC > 20)
def normalise(raw: str) -> CleanText:
    """Clean `raw`; paragraphs end with a blank line, lines inside a paragraph are kept."""
    lines = []
    for start, end, ff in _split_lines(raw):
        ln = _clean_line(raw, start, end)
        if ln.chars and _LITERAL_FORM_FEED.fullmatch(ln.text):
            ln, ff = _Line([], []), True  # a page break a converter wrote out as text: a blank line too
        ln.page_break_after = ff
        lines.append(ln)
    _attach_marker_runs(lines)
    _attach_lone_bullets(lines)
    _mark_furniture(lines)
    # Group content lines into paragraphs; remember whether a page break fell in each gap.
    paragraphs: list[list[_Line]] = []
    gaps: list[bool] = []
    current: list[_Line] = []
    gap_has_break = False
    for ln in lines:
        if ln.furniture:
            gap_has_break = gap_has_break or ln.page_break_after
            continue
        if not ln.chars:
            if current:
                paragraphs.append(current)
                current = []
                gaps.append(False)
            if ln.page_break_after and gaps:
                gaps[-1] = True
            continue
        if not current and paragraphs and gap_has_break:
            gaps[-1] = True
        current.append(ln)
        gap_has_break = False
        if ln.page_break_after:
            paragraphs.append(current)
            current = []
            gaps.append(True)
    if current:
        paragraphs.append(current)
        gaps.append(False)

    _drop_interrupting_footnotes(paragraphs, gaps)
    for par in paragraphs:
        _join_hyphenated_words(par)
    out_chars: list[str] = []
    out_offs: list[int] = []

    def emit_lines(par: list[_Line]) -> None:
        for i, ln in enumerate(par):
            if i:
                out_chars.append("\n")
                out_offs.append(ln.offs[0] if ln.offs else (out_offs[-1] if out_offs else 0))
            out_chars.extend(ln.chars)
            out_offs.extend(ln.offs)

    in_item = False  # the paragraph before holds a bullet item, or goes on with one from the page before
    for i, par in enumerate(paragraphs):
        first = par[0].text
        prev = paragraphs[i - 1] if i else []
        # a bullet item going on over a page with a new sentence: the page's first lines, then the next bullet
        item_goes_on = bool(prev and gaps[i - 1] and in_item and not _is_bullet(first) and len(first.split()) > 10
                            and len(first.rstrip()) >= 0.8 * max(len(ln.text.rstrip()) for ln in prev)
                            and any(ln.text.startswith("- ") for ln in par[1:]))
        if prev and (item_goes_on or _should_join(prev[-1].text, first, gaps[i - 1], _full_last_line(prev))):
            out_chars.append(" ")
            out_offs.append(par[0].offs[0])
        elif i:
            anchor = par[0].offs[0] if par[0].offs else 0
            out_chars.extend("\n\n")
            out_offs.extend([anchor, anchor])
        emit_lines(par)
        in_item = any(ln.text.startswith("- ") for ln in par) or (in_item and item_goes_on)
    out_chars.append("\n")
    out_offs.append(out_offs[-1] + 1 if out_offs else 0)
    return CleanText("".join(out_chars), out_offs, raw)
