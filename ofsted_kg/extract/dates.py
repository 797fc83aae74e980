"""Dates as Ofsted letters write them: "8 and 9 January 2019", "30 November to 1 December 2023",
"8–9 January", "Inspection dates: 13 to 17 March 2023", "17th July 2018", "January 2019"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ofsted_kg.extract.lexicon import MONTH_NAMES, MONTH_RE, MONTHS

__all__ = ["MONTHS", "MONTH_NAMES", "MONTH_RE"]  # spelled in the lexicon, read from here too
DAY_RE = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
YEAR_RE = r"(?:19|20)\d\d"

# One date: 8 January 2019 / 8th January, 2019 / January 8, 2019
SINGLE_DATE = re.compile(
    rf"\b(?P<d>{DAY_RE})\s+(?P<m>{MONTH_RE}),?\s+(?P<y>{YEAR_RE})\b"
    rf"|\b(?P<m2>{MONTH_RE})\s+(?P<d2>{DAY_RE}),?\s+(?P<y2>{YEAR_RE})\b",
    re.I,
)
MONTH_YEAR = re.compile(rf"\b(?P<m>{MONTH_RE})\s+(?P<y>{YEAR_RE})\b", re.I)

_SEP = r"(?:\s*(?:,|and|to|until|till|&|-|–|—|/)\s*|\s+(?:and|to)\s+(?:on\s+)?)"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:the\s+)?)"
# "Tuesday 11 and Wednesday 12 July 2017", "the 4th and 5th of June 2019"
_PART = rf"{_WEEKDAY}?{DAY_RE}(?:\s+(?:of\s+)?{MONTH_RE})?(?:,?\s+{YEAR_RE})?"
# A run of dates sharing months/years: "8 and 9 January 2019", "30 November and 1 December 2023",
# "13 to 17 March 2023", "3 March 2015 – 25 March 2015", "5, 6 and 7 March".
DATE_RUN = re.compile(rf"\b{_PART}(?:{_SEP}{_PART}){{0,6}}", re.I)
_PART_PARSE = re.compile(rf"(?P<d>{DAY_RE})(?:\s+(?:of\s+)?(?P<m>{MONTH_RE}))?(?:,?\s+(?P<y>{YEAR_RE}))?", re.I)


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_single(m: re.Match[str]) -> date | None:
    if m.group("d"):
        return safe_date(int(m.group("y")), _month(m.group("m")), _day(m.group("d")))
    return safe_date(int(m.group("y2")), _month(m.group("m2")), _day(m.group("d2")))


@dataclass
class DateRun:
    start: date
    end: date
    span: tuple[int, int]
    has_year: bool
    # the blocks of fieldwork the run names ("5 to 9 December 2022 and 14 to 15 February 2023" is two)
    periods: list[tuple[date, date]] = field(default_factory=list)


# genre rule: the runs of dates letters write (single days, ranges, months across years); its length is the genre's (radon CC > 20)
def parse_run(text: str, pos: int = 0, endpos: int | None = None, default_year: int | None = None,
              before: date | None = None) -> DateRun | None:
    """The first run of day-month(-year) dates in text[pos:endpos] that has at least one month.

    Missing months and years are filled from the later parts ("8 and 9 January 2019"); a run with no
    year takes `default_year`, moved back a year if that would put it after `before`.
    """
    for m in DATE_RUN.finditer(text, pos, len(text) if endpos is None else endpos):
        parts = [p for p in _PART_PARSE.finditer(m.group(0))]
        if not any(p.group("m") for p in parts):
            continue
        # the last part must carry a month, or it is a stray number after the run
        while parts and not parts[-1].group("m"):
            parts.pop()
        days = [_day(p.group("d")) for p in parts]
        months: list[int | None] = [(_month(p.group("m")) if p.group("m") else None) for p in parts]
        years: list[int | None] = [(int(p.group("y")) if p.group("y") else None) for p in parts]
        for i in range(len(parts) - 2, -1, -1):
            if months[i] is None:
                months[i] = months[i + 1]
            if years[i] is None:
                years[i] = years[i + 1]
        has_year = years[-1] is not None
        if not has_year:
            if default_year is None:
                continue
            year = default_year
            last = safe_date(year, months[-1] or 1, days[-1])
            if before and last and last > before:
                year -= 1
            years = [year] * len(parts)
            for i in range(len(parts) - 2, -1, -1):
                if (months[i] or 0) > (months[i + 1] or 0):
                    years[i] = (years[i + 1] or year) - 1
        dates = [safe_date(y or 0, mo or 0, d) for y, mo, d in zip(years, months, days, strict=True)]
        if any(d is None for d in dates):
            continue
        valid = [d for d in dates if d is not None]
        end_off = m.start() + parts[-1].end()
        links = [m.group(0)[a.end():b.start()] for a, b in zip(parts, parts[1:], strict=False)]
        return DateRun(min(valid), max(valid), (m.start(), end_off), has_year, _periods(valid, links))
    return None


def _periods(days: list[date], links: list[str]) -> list[tuple[date, date]]:
    """Blocks of consecutive fieldwork: a range ("to", a dash) joins its ends; a list ("and", a comma)
    starts a new block where the next day is more than two days on."""
    periods = [(days[0], days[0])]
    for day, link in zip(days[1:], links, strict=False):
        start, end = periods[-1]
        if re.search(r"\bto\b|[-–—]", link) or (day - end).days <= 2:
            periods[-1] = (start, max(end, day))
        else:
            periods.append((day, day))
    return periods
    return None
