"""Downloading the letters and reports from Ofsted's reports site into a folder laid out by authority.

`fetch` lists the authorities the site's search gives, reads each chosen authority's provider page,
and downloads the documents not already in the folder, one request at a time. Each file is written
under a temporary name and renamed when complete, then recorded in the manifest (see
`ofsted_kg.manifest`), so an interrupted run resumes where it stopped and a re-run downloads only what
is new. Pages are read by `ofsted_kg.site`, which says clearly when the site no longer looks as
expected.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import httpx

from ofsted_kg._version import __version__
from ofsted_kg.api import Problem
from ofsted_kg.errors import OfstedKgError
from ofsted_kg.manifest import Entry, Manifest
from ofsted_kg.site import (
    CATEGORIES,
    DEFAULT_BASE_URL,
    ROWS,
    Provider,
    Publication,
    SiteChanged,
    kind_matches,
    list_providers,
    parse_provider_page,
)

if TYPE_CHECKING:
    from ofsted_kg.store import Store

PROJECT_URL = "https://w3id.org/ofsted-kg"
USER_AGENT = f"ofsted-kg/{__version__} (+{PROJECT_URL}; open-source linked data from Ofsted's published letters)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
CHUNK = 1 << 16


class FetchError(OfstedKgError):
    """A page or document could not be had: names the address and why."""

    def __init__(self, url: str, problem: str) -> None:
        super().__init__(f"{url}: {problem}")
        self.url = url
        self.problem = problem


class _Retry(Exception):
    """An attempt that may succeed if tried again (429/5xx, a dropped connection, a short body)."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait  # what the server asked for (Retry-After), if it did


def retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date; None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())


class Client:
    """A polite HTTP client: one request at a time, `delay` seconds between requests, an honest User-Agent.

    429 and 5xx answers, dropped connections and timeouts are retried up to `retries` times, waiting
    `backoff * 2**attempt` seconds (at most `max_wait`) or what the server's Retry-After asks (also at
    most `max_wait`). `sleep` and `transport` can be replaced in tests.
    """

    def __init__(self, delay: float = 1.0, retries: int = 5, backoff: float = 2.0, max_wait: float = 300.0,
                 timeout: float = 60.0, sleep: Callable[[float], None] = time.sleep,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.delay, self.retries, self.backoff, self.max_wait = delay, retries, backoff, max_wait
        self.sleep = sleep
        self.http = httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=timeout, follow_redirects=True,
                                 transport=transport)
        self.requests = 0  # requests sent, retries included
        self.waits: list[float] = []  # the waits before retries, in seconds
        self._last: float | None = None

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _pause(self) -> None:
        if self._last is not None and self.delay > 0:
            wait = self._last + self.delay - time.monotonic()
            if wait > 0:
                self.sleep(wait)

    def _attempts(self, url: str, read: Callable[[httpx.Response], Any]) -> Any:
        """`read(response)` for a successful answer, retrying what may succeed later."""
        for attempt in range(self.retries + 1):
            self._pause()
            self.requests += 1
            try:
                try:
                    with self.http.stream("GET", url) as response:
                        if response.status_code in RETRY_STATUSES:
                            raise _Retry(f"HTTP {response.status_code}", retry_after(response.headers.get("Retry-After")))
                        if response.status_code >= 400:
                            raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".strip())
                        return read(response)
                except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as e:
                    raise _Retry(f"{type(e).__name__}: {e}" if str(e) else type(e).__name__) from e
                finally:
                    self._last = time.monotonic()
            except _Retry as e:
                if attempt == self.retries:
                    raise FetchError(url, f"{e.reason} (gave up after {attempt + 1} attempts)") from None
                wait = e.wait if e.wait is not None else self.backoff * 2 ** attempt
                wait = min(max(wait, self.delay), self.max_wait)
                self.waits.append(wait)
                if wait > 0:
                    self.sleep(wait)
                self._last = None  # that wait was at least the delay
        raise AssertionError("unreachable")

    def get_text(self, url: str) -> str:
        """A page's text."""
        def read(response: httpx.Response) -> str:
            response.read()
            return response.text

        return str(self._attempts(url, read))

    def download(self, url: str, target: Path) -> tuple[str, int]:
        """Write a PDF to `target` (via `target.part`, renamed when complete); returns (SHA-256, size).

        Raises `FetchError` when the answer is not a PDF (an HTML error page under a .pdf address, say)
        or stays incomplete after the retries.
        """
        part = target.with_name(target.name + ".part")
        target.parent.mkdir(parents=True, exist_ok=True)

        def read(response: httpx.Response) -> tuple[str, int]:
            digest, size, head, tail = hashlib.sha256(), 0, b"", b""
            with part.open("wb") as fh:
                for chunk in response.iter_bytes(CHUNK):
                    if len(head) < 1024:
                        head += chunk[:1024 - len(head)]
                        if len(head) == 1024 and b"%PDF-" not in head:
                            break  # not a PDF (whose header is in its first 1,024 bytes): read no further
                    fh.write(chunk)
                    digest.update(chunk)
                    size += len(chunk)
                    tail = (tail + chunk)[-2048:]
                fh.flush()
                os.fsync(fh.fileno())
            if b"%PDF-" not in head:
                part.unlink(missing_ok=True)
                raise FetchError(url, f"expected a PDF but the site sent {_what(head, response)}; not saved")
            expected = response.headers.get("Content-Length")
            if expected is not None and expected.isdigit() and int(expected) != size and "Content-Encoding" not in response.headers:
                raise _Retry(f"incomplete download: {size} of {expected} bytes")
            if b"%%EOF" not in tail:
                raise _Retry(f"incomplete download: {size} bytes and no end-of-file marker (%%EOF)")
            return digest.hexdigest(), size

        try:
            sha, size = self._attempts(url, read)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        os.replace(part, target)
        return sha, size


def _what(head: bytes, response: httpx.Response) -> str:
    """A few words on what a non-PDF answer was: 'an HTML page ("Page not found")', 'text/plain content'."""
    text = head.decode("utf-8", "replace")
    low = text.lower()
    if "<html" in low or "<!doctype html" in low or "text/html" in response.headers.get("Content-Type", ""):
        title = re.search(r"<title[^>]*>(.*?)</title>", text, re.I | re.S)
        words = " ".join(title.group(1).split()) if title else ""
        return f"an HTML page ({words!r})" if words else "an HTML page"
    ctype = response.headers.get("Content-Type", "").split(";")[0].strip()
    return f"{ctype} content" if ctype else f"something else ({head[:16]!r}...)"


# ---------------------------------------------------------------------------------------------------

@dataclass
class Planned:
    """A publication chosen for download, with the file it goes to."""

    provider: Provider
    authority: str
    publication: Publication
    path: str  # relative to the output folder


@dataclass
class FetchResult:
    """What a run did: documents downloaded, documents already there, and the problems met."""

    folder: Path
    providers: int = 0  # authorities whose pages were read
    downloaded: list[Entry] = field(default_factory=list)
    present: list[Entry] = field(default_factory=list)  # chosen, and already in the folder
    left_out: int = 0  # publications of other kinds, dates or formats
    problems: list[Problem] = field(default_factory=list)
    requests: int = 0

    @property
    def failed(self) -> bool:
        return any(p.fatal for p in self.problems)

    @property
    def documents(self) -> list[Entry]:
        """Every chosen document now in the folder: downloaded in this run or before."""
        return [*self.present, *self.downloaded]


def resolve_authorities(names: list[str]) -> dict[str, str]:
    """URN -> what the user wrote, for authorities given by name (as `authorities.csv` knows them) or URN.

    Raises `ValueError` naming an authority that matches nothing.
    """
    from ofsted_kg.extract.authorities import match_authority

    wanted: dict[str, str] = {}
    for name in names:
        if name.strip().isdigit():
            wanted[name.strip()] = name
            continue
        match = match_authority(name)
        if match is None or not match.ofsted_urn:
            raise ValueError(f"unknown authority {name!r}: give a name from authorities.csv (e.g. 'Worcestershire') "
                             "or an Ofsted URN (e.g. 80583)")
        wanted[match.ofsted_urn] = name
    return wanted


def _slug(text: str) -> str:
    from ofsted_kg.graph.iris import slug

    return slug(text)


def file_name(publication: Publication) -> str:
    """'2023-10-27_childrens-services-inspection_50233371.pdf': date, kind and the address's last segment."""
    last = urlsplit(publication.url).path.rstrip("/").rsplit("/", 1)[-1]
    last = last.removesuffix(".pdf").removesuffix(".PDF")
    ident = _slug(last) if last and _slug(last) != "unnamed" else hashlib.sha256(publication.url.encode()).hexdigest()[:12]
    return f"{publication.date or 'undated'}_{_slug(publication.kind)[:60]}_{ident[:40]}.pdf"


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold the folder's lock file so that two runs do not write the same manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    lock = (folder / ".fetch.lock").open("w")
    try:
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock
            yield
            return
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise FetchError(str(folder), "another ofsted-kg fetch is writing to this folder") from None
        yield
    finally:
        lock.close()


def fetch(output: str | Path, authorities: list[str] | None = None, kinds: list[str] | None = None,
          since: dt.date | None = None, base_url: str = DEFAULT_BASE_URL, client: Client | None = None,
          progress: Callable[[int, int, str], None] | None = None, rows: int = ROWS) -> FetchResult:
    """Download the chosen documents into `output`/AUTHORITY/, recording each in `output`/manifest.jsonl.

    `authorities` are names or URNs (all that the search lists when empty); `kinds` are categories
    (`ofsted_kg.site.CATEGORIES`) or words of the site's kinds; `since` keeps documents the site dates on
    or after it. Raises `SiteChanged` when the search page no longer looks as expected and `ValueError`
    for an unknown authority; a provider page or document that fails is a problem in the result, and the
    others go on. `progress(done, total, stage)` is told of each page and document; `rows` is the
    search's page size.
    """
    from ofsted_kg.extract.authorities import gazetteer

    folder = Path(output)
    wanted = resolve_authorities(authorities or [])
    own = client is None
    client = client or Client()
    result = FetchResult(folder)
    by_urn = {a.ofsted_urn: a.name for a in gazetteer() if a.ofsted_urn}
    try:
        with _locked(folder), Manifest(folder) as manifest:
            _remove_unfinished(folder)
            if progress:
                progress(0, 0, "searching")
            providers = list_providers(client.get_text, base_url, rows)
            chosen = [p for p in providers if not wanted or p.urn in wanted]
            _report_unlisted(wanted, providers, base_url, result)
            plan = _plan(chosen, by_urn, kinds or [], since, manifest, client, result, progress)
            if not plan and result.providers and not kinds and since is None:
                result.problems.append(Problem(base_url, f"the {result.providers} provider page(s) read list no "
                                                         "PDF documents: the site may have changed"))
            _download_plan(plan, manifest, client, result, progress)
    finally:
        result.requests = client.requests
        if own:
            client.close()
    return result


def _remove_unfinished(folder: Path) -> None:
    """Delete a killed run's unfinished files (NAME.part)."""
    for stale in folder.glob("*/*.part"):
        stale.unlink(missing_ok=True)


def _report_unlisted(wanted: dict[str, str], providers: list[Provider], base_url: str, result: FetchResult) -> None:
    """A problem for each authority asked for whose URN the site's search does not list."""
    for urn in wanted.keys() - {p.urn for p in providers}:
        result.problems.append(Problem(wanted[urn], f"URN {urn} is not among the {len(providers)} authorities "
                                                    f"the reports site's search lists ({base_url})"))


def _download_plan(plan: list[Planned], manifest: Manifest, client: Client, result: FetchResult,
                   progress: Callable[[int, int, str], None] | None) -> None:
    """Download each planned document the manifest does not already hold; count the others as present."""
    for n, item in enumerate(plan, 1):
        entry = manifest.present(item.publication.url)
        if entry is not None:
            result.present.append(entry)
        else:
            _download(item, manifest, client, result)
        if progress:
            progress(n, len(plan), "downloading")


def _plan(providers: list[Provider], by_urn: dict[str, str], kinds: list[str], since: dt.date | None,
          manifest: Manifest, client: Client, result: FetchResult,
          progress: Callable[[int, int, str], None] | None) -> list[Planned]:
    """Read each provider page; the chosen publications with the paths they go to."""
    plan: list[Planned] = []
    taken = {e.path: e.url for e in manifest.entries.values()}
    listed = 0
    matched: set[str] = set()  # the `kinds` some publication was of
    for n, provider in enumerate(providers, 1):
        if progress:
            progress(n - 1, len(providers), "reading authorities' pages")
        publications = _read_provider_page(provider, client, result)
        if publications is None:
            continue
        result.providers += 1
        authority = by_urn.get(provider.urn) or provider.name or provider.urn
        for pub in publications:
            listed += 1
            matched.update(k for k in kinds if kind_matches(pub, [k]))
            if not _chosen(pub, kinds, since):
                result.left_out += 1
                continue
            path = _target_path(pub, authority, manifest, taken)
            taken[path] = pub.url
            plan.append(Planned(provider, authority, pub, path))
    if progress:
        progress(len(providers), len(providers), "reading authorities' pages")
    _report_unmatched_kinds(kinds, matched, listed, result)
    return plan


def _read_provider_page(provider: Provider, client: Client, result: FetchResult) -> list[Publication] | None:
    """The publications a provider page lists; None, with a problem in `result`, when it cannot be read."""
    try:
        return parse_provider_page(client.get_text(provider.url), provider.url)
    except (SiteChanged, FetchError) as e:
        result.problems.append(Problem(provider.url, str(e).removeprefix(f"{provider.url}: ")))
        return None


def _chosen(pub: Publication, kinds: list[str], since: dt.date | None) -> bool:
    """A PDF (or a publication of unstated format) of the kinds asked for, dated on or after `since`."""
    if pub.format not in ("pdf", "") or not kind_matches(pub, kinds):
        return False
    return since is None or (pub.date is not None and dt.date.fromisoformat(pub.date) >= since)


def _target_path(pub: Publication, authority: str, manifest: Manifest, taken: dict[str, str]) -> str:
    """Where the publication goes: the manifest's path for it, else AUTHORITY/NAME, made unique when another
    document already has that name."""
    existing = manifest.entries.get(pub.url)
    path = existing.path if existing else f"{_slug(authority)}/{file_name(pub)}"
    if taken.get(path, pub.url) != pub.url:  # another document's name: make it unique
        path = path.removesuffix(".pdf") + "_" + hashlib.sha256(pub.url.encode()).hexdigest()[:8] + ".pdf"
    return path


def _report_unmatched_kinds(kinds: list[str], matched: set[str], listed: int, result: FetchResult) -> None:
    """A warning for each --kind that no listed publication was of."""
    for k in kinds:
        if k not in matched and listed:
            result.problems.append(Problem(f"--kind {k!r}", f"no publication of this kind among the {listed} listed "
                                           f"(kinds: {', '.join(CATEGORIES)}, or words of the site's own)", fatal=False))


def _download(item: Planned, manifest: Manifest, client: Client, result: FetchResult) -> None:
    pub = item.publication
    try:
        sha, size = client.download(pub.url, manifest.folder / item.path)
    except FetchError as e:
        result.problems.append(Problem(pub.url, f"{e.problem} (listed on {item.provider.url} for {item.authority})"))
        return
    entry = Entry(item.authority, item.provider.urn, pub.kind, pub.category, pub.date, pub.description, pub.url,
                  item.provider.url, item.path, sha, size,
                  dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"))
    manifest.append(entry)
    result.downloaded.append(entry)


def not_in_store(entries: list[Entry], folder: Path, store: Store, base: str | None = None) -> list[Path]:
    """The files of `entries` whose letters the store does not hold yet (new, or left out by a failed ingest).

    A document is taken to be in the store when its first letter's graph is; one that gave no letter
    (or whose letter was quarantined) is offered again, so its problem is reported again.
    """
    from ofsted_kg.graph.iris import Minter
    from ofsted_kg.graph.vocab import DEFAULT_BASE

    mint = Minter(base or DEFAULT_BASE)
    graphs = set(store.graphs())
    files: dict[str, Path] = {}
    for e in entries:
        if str(mint.letter(e.sha256, 0)) not in graphs:
            files.setdefault(e.sha256, folder / e.path)
    return list(files.values())
