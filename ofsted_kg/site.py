"""Reading Ofsted's reports site: the search page, provider pages and publication descriptions.

Pure functions over a page's HTML; no network (see `ofsted_kg.fetch` for the client). The layout is
described in `../shared/domain/ofsted-reports-site.md`:

- the search for local authorities' children's services, paged with `&start=N&rows=100`;
- each result links to a provider page: an `<a>` whose `href` contains `/provider/`, the last path
  segment being the authority's Ofsted URN;
- a provider page lists its publications as `<a class="publication-link" href=PDF>` holding a
  `<span class="nonvisual">` such as "children's services inspection, pdf - 27 october 2023".

When a page no longer fits, `SiteChanged` says which page and what was missing: never an empty result.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from ofsted_kg.errors import OfstedKgError
from ofsted_kg.extract.dates import MONTHS

DEFAULT_BASE_URL = "https://reports.ofsted.gov.uk/"
# level_1_types=3: children's social care; level_2_types[]=12: local authority children's services
SEARCH_QUERY = "search?q=&location=&lat=&lon=&radius=&level_1_types=3&level_2_types%5B%5D=12"
ROWS = 100  # the most results the search gives on one page
MAX_PAGES = 20  # about 153 authorities fit on two pages; more means the paging no longer works

# what `--kind` can name, besides words of the site's own description
CATEGORIES = ("inspection", "focused visit", "monitoring visit", "joint inspection", "assurance visit", "other")


class SiteChanged(OfstedKgError):
    """A page of the reports site does not look as this version of ofsted-kg expects."""

    def __init__(self, url: str, missing: str) -> None:
        super().__init__(f"{url}: the reports site has changed: {missing}. This version of ofsted-kg cannot "
                         "read it; nothing was taken from this page")
        self.url = url
        self.missing = missing


@dataclass(frozen=True)
class Provider:
    """A search result: one authority's provider page."""

    urn: str
    name: str  # the link's words
    url: str


@dataclass(frozen=True)
class Publication:
    """One document listed on a provider page, as the site describes it."""

    description: str  # the site's words: "children's services inspection, pdf - 27 october 2023"
    kind: str  # "children's services inspection"
    format: str  # "pdf" ("" when the description names none)
    date: str | None  # ISO date of the description's date, None when it gives none
    url: str  # absolute

    @property
    def category(self) -> str:
        return category(self.kind)


def search_url(base_url: str, start: int = 0, rows: int = ROWS) -> str:
    """The address of one page of the search for local authorities' children's services."""
    return urljoin(base_url if base_url.endswith("/") else base_url + "/", SEARCH_QUERY) + f"&start={start}&rows={rows}"


class _Anchors(HTMLParser):
    """Every `<a>`: its attributes, its words, and the words of a `<span class="nonvisual">` inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: list[dict[str, str]] = []
        self._open: dict[str, str] | None = None
        self._spans: list[bool] = []  # for each open span inside the anchor: is it the nonvisual one

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a":
            self._open = {"href": a.get("href", ""), "class": a.get("class", ""), "text": "", "nonvisual": ""}
            self._spans = []
            if "href" not in a:
                self._open["no-href"] = "1"
        elif tag == "span" and self._open is not None:
            self._spans.append("nonvisual" in a.get("class", "").split() or any(self._spans))
            if self._spans[-1]:
                self._open["has-nonvisual"] = "1"

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._spans:
            self._spans.pop()
        elif tag == "a" and self._open is not None:
            self.anchors.append(self._open)
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open["text"] += data
            if self._spans and self._spans[-1]:
                self._open["nonvisual"] += data


def _anchors(html: str) -> list[dict[str, str]]:
    parser = _Anchors()
    parser.feed(html)
    parser.close()
    return parser.anchors


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\xa0", " ")).strip()


def parse_search_page(html: str, url: str) -> list[Provider]:
    """The provider pages a search page links to, once each, in page order (may be empty past the last page).

    Raises `SiteChanged` when the page links to /provider/ pages none of which ends in a URN.
    """
    providers: dict[str, Provider] = {}
    seen_provider_links = False
    for a in _anchors(html):
        href = a["href"]
        if "/provider/" not in href:
            continue
        seen_provider_links = True
        last = urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1]
        if last.isdigit() and last not in providers:
            providers[last] = Provider(last, _words(a["text"]), urljoin(url, href))
    if seen_provider_links and not providers:
        raise SiteChanged(url, "links to /provider/ pages, but none whose last path segment is a URN (digits)")
    return list(providers.values())


def list_providers(get: Callable[[str], str], base_url: str = DEFAULT_BASE_URL, rows: int = ROWS) -> list[Provider]:
    """Every authority the search lists, following its pages; `get(url)` returns a page's HTML.

    Raises `SiteChanged` when the first page links to no provider page, or the paging never ends.
    """
    found: dict[str, Provider] = {}
    for page in range(MAX_PAGES):
        url = search_url(base_url, page * rows, rows)
        providers = parse_search_page(get(url), url)
        if page == 0 and not providers:
            raise SiteChanged(url, "no links to provider pages (an <a> whose href contains /provider/) on the "
                                   "first page of the search for local authorities' children's services")
        new = [p for p in providers if p.urn not in found]
        found.update((p.urn, p) for p in new)
        if not new or len(providers) < rows:
            return list(found.values())
    raise SiteChanged(search_url(base_url, MAX_PAGES * rows, rows),
                      f"the search still gave new results after {MAX_PAGES} pages of {rows}")


_DESCRIPTION = re.compile(r"^(?P<kind>.*?)(?:,\s*(?P<format>[a-z]{2,5}))?\s*-\s*(?P<date>\d{1,2}\s+[a-z]+\s+\d{4})$", re.I)


def parse_description(text: str) -> tuple[str, str, str | None]:
    """'children's services inspection, pdf - 27 october 2023' -> ("children's services inspection", "pdf", "2023-10-27").

    A description without a date of that form gives (the whole description, its format if any, None).
    """
    text = _words(text)
    m = _DESCRIPTION.match(text)
    if m is None:
        fmt = re.search(r",\s*([a-z]{2,5})$", text, re.I)
        return (text[:fmt.start()] if fmt else text), (fmt.group(1).lower() if fmt else ""), None
    day, month, year = m.group("date").split()
    try:
        iso: str | None = dt.date(int(year), MONTHS[month.lower()], int(day)).isoformat()
    except (KeyError, ValueError):  # not a month, or not a day of it
        iso = None
    return m.group("kind").strip(" ,"), (m.group("format") or "").lower(), iso


def parse_provider_page(html: str, url: str) -> list[Publication]:
    """The publications a provider page lists, in page order (most recent first on the site).

    Raises `SiteChanged` naming what is missing: the `publication-link` anchors, or a link's address or
    its `<span class="nonvisual">` description.
    """
    links = [a for a in _anchors(html) if "publication-link" in a["class"].split()]
    if not links:
        raise SiteChanged(url, 'no publication links (<a class="publication-link">) on the provider page')
    out = []
    for a in links:
        if a.get("no-href") or not a["href"].strip():
            raise SiteChanged(url, f"a publication link without an href ({_words(a['text'])!r})")
        if not a.get("has-nonvisual") or not _words(a["nonvisual"]):
            raise SiteChanged(url, f'a publication link without its description (<span class="nonvisual">) '
                                   f"for {a['href']}")
        description = _words(a["nonvisual"])
        kind, fmt, date = parse_description(description)
        out.append(Publication(description, kind, fmt, date, urljoin(url, a["href"].strip())))
    return out


def category(kind: str) -> str:
    """The `--kind` category of a site's kind of document: 'inspection', 'focused visit', ... or 'other'."""
    k = kind.lower()
    if "joint" in k:
        return "joint inspection"
    if "monitoring" in k:
        return "monitoring visit"
    if "focused" in k or "focussed" in k:
        return "focused visit"
    if "assurance" in k:
        return "assurance visit"
    if "inspection" in k or "review" in k:
        return "inspection"
    return "other"


def kind_matches(publication: Publication, kinds: list[str]) -> bool:
    """Whether a publication is of one of `kinds`: a category name, or words of the site's kind."""
    if not kinds:
        return True
    for wanted in (_words(k).lower() for k in kinds):
        if wanted in CATEGORIES:
            if publication.category == wanted:
                return True
        elif wanted in publication.kind.lower():
            return True
    return False
