"""A letter's place in its document: cleaned text, region, and the map back to original offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ofsted_kg.extract.normalise import CleanText
from ofsted_kg.extract.reading import Document
from ofsted_kg.extract.records import Found, LetterRecord, Span


@dataclass
class Context:
    doc: Document
    clean: CleanText
    start: int  # region of this letter in clean-text coordinates
    end: int

    @property
    def text(self) -> str:
        return self.clean.text

    def span(self, a: int, b: int) -> Span:
        """Evidence for clean-text span [a, b): original offsets, original words, page."""
        ra, rb = self.clean.to_raw(a, b)
        raw = self.doc.text
        page = self.doc.page_of(ra) if len(self.doc.page_starts) > 1 else None
        return Span(ra, rb, raw[ra:rb], page, raw[_sentence_start(raw, ra):ra], raw[rb:_sentence_end(raw, rb)])

    def put(self, rec: LetterRecord, name: str, found: Found[Any] | None, value: Any = None) -> None:
        """Set field `name` of `rec` to `found`'s value (or `value`, its form for the record) and cite
        the words it was read from; nothing when the rule found nothing."""
        if found is None:
            return
        setattr(rec, name, found.value if value is None else value)
        rec.cite(name, self.span(found.start, found.end))


_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})


def as_printed(ctx: Context, value: str, a: int, b: int) -> str:
    """A name as the document prints it ("Sean O’Kelly", with its typographic apostrophe), where the
    words at clean span [a, b) are `value` but for the characters cleaning made plain; else `value`."""
    raw = re.sub(r"\s+", " ", ctx.span(a, b).text).strip()
    at = raw.translate(_TYPOGRAPHIC).find(value)  # the span may hold an honorific or post-nominals too
    return raw[at:at + len(value)] if at >= 0 else value


_CONTEXT = 240


def _sentence_start(raw: str, pos: int) -> int:
    """Start of the sentence holding `pos` (after '. ' or a blank line), at most _CONTEXT back."""
    floor = max(0, pos - _CONTEXT)
    cut = max(raw.rfind(". ", floor, pos) + 2, raw.rfind("\n\n", floor, pos) + 2,
              raw.rfind("\r\n\r\n", floor, pos) + 4, raw.rfind("\f", floor, pos) + 1, floor)
    return min(cut, pos)


def _sentence_end(raw: str, pos: int) -> int:
    """End of the sentence holding `pos` (its full stop included), at most _CONTEXT on."""
    ceil = min(len(raw), pos + _CONTEXT)
    ends = [i for i in (raw.find(". ", pos, ceil), raw.find(".\n", pos, ceil)) if i >= 0]
    ends += [i - 1 for i in (raw.find("\n\n", pos, ceil), raw.find("\f", pos, ceil)) if i >= 0]
    end = min(ends) + 1 if ends else ceil
    if pos < len(raw) and raw[pos - 1:pos] == "." and pos > 0:
        return pos
    return max(end, pos)


def paragraphs(text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    """(start, end) of each blank-line-separated paragraph in text[pos:endpos]."""
    out = []
    for m in re.finditer(r"(?:[^\n]|\n(?!\n))+", text[pos:endpos]):
        a, b = pos + m.start(), pos + m.end()
        chunk = text[a:b]
        if chunk.strip():
            out.append((a + len(chunk) - len(chunk.lstrip()), b))
    return out


def lines(text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line in text[pos:endpos]."""
    out = []
    for m in re.finditer(r"[^\n]+", text[pos:endpos]):
        if m.group(0).strip():
            out.append((pos + m.start(), pos + m.end()))
    return out


_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "no", "e.g", "i.e", "etc", "prof", "cllr", "vs", "approx"}
_BOUNDARY = re.compile(r"[.!?]['\")]?\s+(?=[\"'(]?[A-Z0-9■•])|\n\s*\n|\n(?=- )")


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    if text[m.start()] != ".":
        return True
    word = re.search(r"([A-Za-z.]+)$", text[max(0, m.start() - 12):m.start()])
    if word and word.group(1).lower() in _ABBREVIATIONS:
        return False
    return not (word and len(word.group(1)) == 1 and word.group(1).isupper())  # an initial


# a quotation's opening and closing single or double quote (not an apostrophe inside a word: "she's")
_OPEN_QUOTE = re.compile(r"(?:^|(?<=[\s(\[]))['\u2018\u201c\"](?=[A-Za-z0-9])")
_CLOSE_QUOTE = re.compile(r"(?<=[A-Za-z0-9.!?,\u2026])['\u2019\u201d\"](?![A-Za-z0-9])")
_QUOTE_SPAN = 400  # a quotation left open longer than this is taken to have lost its closing quote


def _inside_quotation(text: str, a: int, b: int) -> bool:
    """Is a sentence end at b inside a quotation opened since a ("One young person said: 'she listens to my
    views. She can tell if I am in a bad mood ...'": one sentence of the report)?"""
    if b - a > _QUOTE_SPAN:
        return False
    return len(_OPEN_QUOTE.findall(text, a, b)) > len(_CLOSE_QUOTE.findall(text, a, b))


def sentences(text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    """Rough sentence spans in text[pos:endpos] (never crossing a paragraph or bullet; a quotation's own sentences
    are the report's one)."""
    out = []
    cur = pos
    for m in _BOUNDARY.finditer(text, pos, endpos):
        if not _is_boundary(text, m) or ("\n" not in m.group(0) and _inside_quotation(text, cur, m.end())):
            continue
        end = m.start() + 1 if text[m.start()] in ".!?" else m.start()
        if text[cur:end].strip():
            lead = len(text[cur:end]) - len(text[cur:end].lstrip())
            out.append((cur + lead, end))
        cur = m.end()
    if text[cur:endpos].strip():
        lead = len(text[cur:endpos]) - len(text[cur:endpos].lstrip())
        out.append((cur + lead, len(text[:endpos].rstrip())))
    return out
