"""`ofsted-kg fetch`: reading the reports site's pages, downloading politely, resuming, and ingesting
what is new, all against a local stand-in for the site (tests/fake_site.py); nothing here goes online."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset, URIRef
from rdflib.namespace import DCTERMS
from typer.testing import CliRunner

from ofsted_kg._version import __version__
from ofsted_kg.cli.app import app
from ofsted_kg.fetch import PROJECT_URL, Client, fetch, file_name, retry_after
from ofsted_kg.graph.iris import Minter
from ofsted_kg.graph.vocab import DEFAULT_BASE
from ofsted_kg.manifest import MANIFEST_NAME, Manifest, file_sha256, find_manifest, public_sources
from ofsted_kg.site import (
    Publication,
    SiteChanged,
    category,
    kind_matches,
    list_providers,
    parse_description,
    parse_provider_page,
    parse_search_page,
    search_url,
)
from ofsted_kg.store import OxigraphStore

from .conftest import GOLDEN
from .fake_site import Answer, Doc, FakeOfsted, letter_pdf

runner = CliRunner()
CLI = ["fetch", "--delay", "0", "--retries", "1"]
ALL_FILES = ["/v1/file/1001", "/v1/file/1002", "/v1/file/2001", "/v1/file/3001"]


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection to a host other than this machine fails the test."""
    real = socket.create_connection

    def local_only(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        assert address[0] in ("127.0.0.1", "localhost"), f"a test tried to reach {address[0]}"
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", local_only)


@pytest.fixture
def site() -> Iterator[FakeOfsted]:
    fake = FakeOfsted()
    yield fake
    fake.close()


def quick(**kw: Any) -> Client:
    """A client that does not wait (the tests check the waits it would have made)."""
    waits: list[float] = []
    return Client(**{"delay": 0, "backoff": 0.5, "sleep": waits.append, **kw})


def first_search(site: FakeOfsted) -> str:
    """The path (and query) of the search's first page on the local site."""
    return "/" + search_url(site.site_url).split("/", 3)[3]


def manifest_lines(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (folder / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()]


# ---- reading the pages (no network) -------------------------------------------------------------

def test_search_page_gives_each_provider_once_with_its_urn() -> None:
    page = ('<a href="/">Home</a><a href="/provider/44/80584">Worcestershire  County\nCouncil</a>'
            '<a href="/provider/44/80584?tab=reports">again</a><a href="https://x.test/provider/44/80576/">Warks</a>')
    got = parse_search_page(page, "https://reports.example/search?x")
    assert [(p.urn, p.name, p.url) for p in got] == [
        ("80584", "Worcestershire County Council", "https://reports.example/provider/44/80584"),
        ("80576", "Warks", "https://x.test/provider/44/80576/")]
    assert parse_search_page("<p>no results</p>", "u") == []
    with pytest.raises(SiteChanged, match="last path segment is a URN"):
        parse_search_page('<a href="/provider/worcestershire">W</a>', "u")


def test_search_pages_are_followed_until_a_short_page() -> None:
    pages = {search_url("https://r.example/", i * 2, 2): "".join(f'<a href="/provider/1/{n}">{n}</a>' for n in urns)
             for i, urns in enumerate([[1, 2], [3, 4], [5]])}
    asked: list[str] = []

    def get(url: str) -> str:
        asked.append(url)
        return pages[url]

    assert [p.urn for p in list_providers(get, "https://r.example", rows=2)] == ["1", "2", "3", "4", "5"]
    assert len(asked) == 3 and asked[0].startswith("https://r.example/search?q=&location=")
    assert "level_1_types=3&level_2_types%5B%5D=12&start=0&rows=2" in asked[0]
    with pytest.raises(SiteChanged, match=r"no links to provider pages \(an <a> whose href contains /provider/\)"):
        list_providers(lambda url: "<html><body>We are updating this service</body></html>")
    # a site that ignores `start` gives the same page for ever: paging stops when nothing is new
    assert [p.urn for p in list_providers(lambda url: '<a href="/provider/1/7">7</a><a href="/provider/1/8">8</a>',
                                          rows=2)] == ["7", "8"]


def test_descriptions_kinds_and_dates() -> None:
    assert parse_description("children's services inspection, pdf - 27 october 2023") == (
        "children's services inspection", "pdf", "2023-10-27")
    assert parse_description("Children\u2019s services focused visit, PDF -  9 March 2020") == (
        "Children's services focused visit", "pdf", "2020-03-09")
    assert parse_description("joint area child protection inspection, pdf - 10 may 2017")[2] == "2017-05-10"
    assert parse_description("monitoring visit letter, pdf") == ("monitoring visit letter", "pdf", None)
    assert parse_description("some inspection - 31 smarch 2019")[2] is None
    assert parse_description("focused visit, pdf - 30 february 2019") == ("focused visit", "pdf", None)
    cases = {"children's services inspection": "inspection", "joint targeted area inspection": "joint inspection",
             "joint area child protection inspection": "joint inspection", "annual unannounced inspection": "inspection",
             "children's services focused visit": "focused visit", "monitoring visit": "monitoring visit",
             "covid-19 assurance visit": "assurance visit", "action plan evaluation": "other"}
    assert {k: category(k) for k in cases} == cases
    pub = Publication("d", "joint targeted area inspection", "pdf", "2019-06-14", "u")
    assert kind_matches(pub, []) and kind_matches(pub, ["joint inspection"]) and kind_matches(pub, ["Joint  Targeted"])
    assert not kind_matches(pub, ["inspection"])  # the category, which joint inspections are not
    assert file_name(Publication("d", "children's services inspection", "pdf", "2023-10-27",
                                 "https://files.example/v1/file/50233371")) == \
        "2023-10-27_childrens-services-inspection_50233371.pdf"


def test_provider_page_publications_and_what_is_missing() -> None:
    page = ('<ul><li><a class="publication-link" href="https://files.example/v1/file/9">Report'
            '<span class="nonvisual">children&#39;s services inspection, pdf - 27 october 2023</span></a></li>'
            '<li><a class="publication-link other" href="/v1/file/8"><span class="nonvisual">'
            '<span>monitoring visit</span>, pdf - 1 may 2018</span></a></li></ul>')
    pubs = parse_provider_page(page, "https://reports.example/provider/44/1")
    assert [(p.kind, p.format, p.date, p.url) for p in pubs] == [
        ("children's services inspection", "pdf", "2023-10-27", "https://files.example/v1/file/9"),
        ("monitoring visit", "pdf", "2018-05-01", "https://reports.example/v1/file/8")]
    with pytest.raises(SiteChanged, match=r'no publication links \(<a class="publication-link">\)'):
        parse_provider_page('<a class="report-link" href="x.pdf">Report</a>', "p")
    with pytest.raises(SiteChanged, match=r'without its description \(<span class="nonvisual">\) for x.pdf'):
        parse_provider_page('<a class="publication-link" href="x.pdf">Report, pdf - 1 may 2018</a>', "p")
    with pytest.raises(SiteChanged, match="without an href"):
        parse_provider_page('<a class="publication-link"><span class="nonvisual">x</span></a>', "p")


def test_retry_after_seconds_or_date() -> None:
    now = dt.datetime(2026, 1, 1, 12, 0, 0, tzinfo=dt.UTC)
    assert retry_after("7") == 7.0
    assert retry_after("Thu, 01 Jan 2026 12:00:30 GMT", now) == 30.0
    assert retry_after("Thu, 01 Jan 2026 11:00:00 GMT", now) == 0.0
    assert retry_after(None) is None and retry_after("soon") is None


# ---- against the local site ------------------------------------------------------------------------

def test_a_full_fetch_lays_files_out_by_authority_with_a_manifest(site: FakeOfsted, tmp_path: Path) -> None:
    out = tmp_path / "docs"
    result = fetch(out, base_url=site.site_url, client=quick())
    assert not result.problems and result.providers == 3 and len(result.downloaded) == 4
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.pdf")) == [
        "nottingham/2019-09-13_joint-targeted-area-inspection_3001.pdf",
        "warwickshire/2018-08-09_childrens-services-focused-visit_2001.pdf",
        "worcestershire/2010-08-04_annual-unannounced-inspection_1002.pdf",
        "worcestershire/2019-01-31_childrens-services-monitoring-visit_1001.pdf"]
    lines = manifest_lines(out)
    assert len(lines) == 4
    first = lines[0]
    assert {k: first[k] for k in ("authority", "urn", "kind", "category", "date", "url", "path")} == {
        "authority": "Worcestershire", "urn": "80584", "kind": "children's services monitoring visit",
        "category": "monitoring visit", "date": "2019-01-31", "url": site.file_url("1001"),
        "path": "worcestershire/2019-01-31_childrens-services-monitoring-visit_1001.pdf"}
    assert first["description"] == "children's services monitoring visit, pdf - 31 january 2019"
    assert first["provider_url"] == site.site_url + "provider/44/80584"
    assert lines[2]["kind"] == "children's services focused visit"  # the site's curly apostrophe, straightened
    for line in lines:
        f = out / line["path"]
        assert line["sha256"] == file_sha256(f) and line["size"] == f.stat().st_size
        fetched = dt.datetime.fromisoformat(line["fetched_at"].replace("Z", "+00:00"))
        assert abs((dt.datetime.now(dt.UTC) - fetched).total_seconds()) < 60
    # PDFs come from the other host, as given; every request names ofsted-kg, its version and its home
    assert site.requests("files") == ALL_FILES
    assert {ua for _, _, ua in site.log} == {f"ofsted-kg/{__version__} (+{PROJECT_URL}; open-source linked data "
                                             "from Ofsted's published letters)"}
    assert not list(out.rglob("*.part"))


def test_a_rerun_downloads_nothing_and_a_new_document_only(site: FakeOfsted, tmp_path: Path) -> None:
    out = tmp_path / "docs"
    fetch(out, base_url=site.site_url, client=quick())
    site.log.clear()
    again = fetch(out, base_url=site.site_url, client=quick())
    assert again.downloaded == [] and len(again.present) == 4 and not again.problems
    assert site.requests("files") == []
    site.authorities[1].docs.insert(0, Doc("children's services inspection, pdf - 01 march 2024", "2002",
                                           letter_pdf(GOLDEN / "letters" / "fv2019_kent_lead_inspector_brackets.txt")))
    site.log.clear()
    third = fetch(out, base_url=site.site_url, client=quick())
    assert [e.path for e in third.downloaded] == ["warwickshire/2024-03-01_childrens-services-inspection_2002.pdf"]
    assert site.requests("files") == ["/v1/file/2002"]
    # a file changed or lost locally is fetched again
    (out / third.downloaded[0].path).write_bytes(b"%PDF-1.4 damaged")
    site.log.clear()
    fourth = fetch(out, base_url=site.site_url, client=quick())
    assert site.requests("files") == ["/v1/file/2002"] and len(fourth.downloaded) == 1
    assert len(Manifest(out).entries) == 5


def test_choosing_authorities_kinds_and_dates(site: FakeOfsted, tmp_path: Path) -> None:
    r = fetch(tmp_path / "a", ["Worcestershire County Council", "80533"], base_url=site.site_url, client=quick())
    assert sorted(e.urn for e in r.downloaded) == ["80533", "80584", "80584"] and r.providers == 2
    assert site.provider_path("80576") not in site.requests("site")  # an authority not asked for is not read
    r = fetch(tmp_path / "b", kinds=["joint inspection", "focused visit"], base_url=site.site_url, client=quick())
    assert sorted(e.category for e in r.downloaded) == ["focused visit", "joint inspection"] and r.left_out == 2
    r = fetch(tmp_path / "b2", kinds=["inspections"], base_url=site.site_url, client=quick())
    assert not r.downloaded and not r.failed
    assert str(r.problems[0]).startswith("--kind 'inspections': no publication of this kind among the 4 listed")
    r = fetch(tmp_path / "c", since=dt.date(2019, 1, 31), base_url=site.site_url, client=quick())
    assert sorted(e.date or "" for e in r.downloaded) == ["2019-01-31", "2019-09-13"]
    with pytest.raises(ValueError, match="unknown authority 'Narnia'"):
        fetch(tmp_path / "d", ["Narnia"], base_url=site.site_url, client=quick())
    r = fetch(tmp_path / "e", ["Barnet"], base_url=site.site_url, client=quick())
    assert r.failed and "URN 80487 is not among the 3 authorities" in str(r.problems[0])


def test_the_search_is_paged(site: FakeOfsted, tmp_path: Path) -> None:
    r = fetch(tmp_path, base_url=site.site_url, client=quick(), rows=2)
    assert len(r.downloaded) == 4
    searches = [p for p in site.requests("site") if p.startswith("/search")]
    assert [p.rsplit("&start=", 1)[1] for p in searches] == ["0&rows=2", "2&rows=2"]


def test_429_503_and_a_dropped_connection_are_retried_with_backoff(site: FakeOfsted, tmp_path: Path) -> None:
    site.queued[first_search(site)] = [Answer(503, b"busy")]
    site.queued["/v1/file/1001"] = [Answer(429, b"slow down", {"Retry-After": "7"})]
    site.queued["/v1/file/2001"] = [Answer(body=site.authorities[1].docs[0].pdf, cut=True)]
    site.queued["/v1/file/3001"] = [Answer(502), Answer(503)]
    waits: list[float] = []
    client = Client(delay=0, backoff=0.5, sleep=waits.append)
    result = fetch(tmp_path, base_url=site.site_url, client=client)
    assert not result.problems and len(result.downloaded) == 4
    assert waits == [0.5, 7.0, 0.5, 0.5, 1.0]  # backoff 0.5 * 2**attempt, or what Retry-After asked
    assert site.requests("files") == ["/v1/file/1001", "/v1/file/1001", "/v1/file/1002", "/v1/file/2001",
                                      "/v1/file/2001", "/v1/file/3001", "/v1/file/3001", "/v1/file/3001"]
    warwick = next(e for e in result.downloaded if e.urn == "80576")
    assert (tmp_path / warwick.path).read_bytes() == site.authorities[1].docs[0].pdf  # whole, not the cut half
    # a long Retry-After is honoured up to max_wait; a delay between requests is a floor for any wait
    waits.clear()
    site.queued["/v1/file/9"] = [Answer(429, headers={"Retry-After": "3600"})]
    site.routes["/v1/file/9"] = Answer(body=b"%PDF-1.4\n%%EOF\n")
    Client(delay=2, max_wait=60, sleep=waits.append).download(site.file_url("9"), tmp_path / "x.pdf")
    assert waits == [60]


def test_a_document_that_keeps_failing_is_a_problem_not_a_file(site: FakeOfsted, tmp_path: Path) -> None:
    site.routes["/v1/file/1002"] = Answer(503, b"down")
    site.routes["/v1/file/2001"] = Answer(body=site.authorities[1].docs[0].pdf, cut=True)
    result = fetch(tmp_path, base_url=site.site_url, client=quick(retries=2))
    assert result.failed and len(result.downloaded) == 2
    msgs = sorted(str(p) for p in result.problems)
    assert "HTTP 503 (gave up after 3 attempts)" in msgs[0] and site.file_url("1002") in msgs[0]
    assert "RemoteProtocolError" in msgs[1] and "Warwickshire" in msgs[1]
    assert site.requests("files").count("/v1/file/1002") == 3
    assert len(manifest_lines(tmp_path)) == 2 and not list(tmp_path.rglob("*.part"))
    assert not list(tmp_path.glob("*/*_1002.pdf")) and not list(tmp_path.glob("*/*_2001.pdf"))


def test_the_cli_says_the_site_has_changed(site: FakeOfsted, tmp_path: Path) -> None:
    site.routes[first_search(site)] = Answer(body=b"<html><body><h1>Find an inspection report</h1></body></html>")
    r = runner.invoke(app, CLI + ["-o", str(tmp_path), "--base-url", site.site_url])
    assert r.exit_code == 1 and r.stdout == ""
    assert "the reports site has changed: no links to provider pages" in r.stderr and "/provider/" in r.stderr
    assert not (tmp_path / MANIFEST_NAME).exists()
    del site.routes[first_search(site)]
    site.routes[site.provider_path("80576")] = Answer(body=b'<ul><li><a href="/v1/file/2001">Report</a></li></ul>')
    r = runner.invoke(app, CLI + ["-o", str(tmp_path), "--base-url", site.site_url])
    assert r.exit_code == 1
    assert f"{site.site_url}provider/44/80576: the reports site has changed: no publication links " \
           '(<a class="publication-link">)' in r.stderr
    assert len(r.stdout.splitlines()) == 3  # the other authorities' documents were still fetched


def test_an_html_page_under_a_pdf_address_is_not_saved(site: FakeOfsted, tmp_path: Path) -> None:
    site.routes["/v1/file/1001"] = Answer(body=b"<!DOCTYPE html><html><head><title>Sorry, there is a problem "
                                               b"with the service</title></head><body>...</body></html>")
    r = runner.invoke(app, CLI + ["-o", str(tmp_path), "--base-url", site.site_url])
    assert r.exit_code == 1
    assert (f"error: {site.file_url('1001')}: expected a PDF but the site sent an HTML page ('Sorry, there is a "
            "problem with the service'); not saved") in r.stderr
    assert len(manifest_lines(tmp_path)) == 3 and not list(tmp_path.glob("worcestershire/*1001*"))
    assert "3 document(s) downloaded, 0 already there, 1 problem(s)" in r.stderr


def test_a_killed_fetch_resumes_where_it_stopped(site: FakeOfsted, tmp_path: Path) -> None:
    """The CLI is killed (SIGKILL) halfway through the second document; the next run fetches the rest."""
    held = threading.Event()
    site.queued["/v1/file/1002"] = [Answer(body=site.authorities[0].docs[1].pdf, hold=held)]
    cli = Path(sys.executable).parent / "ofsted-kg"
    proc = subprocess.Popen([str(cli), "fetch", "-o", str(tmp_path), "--base-url", site.site_url, "--delay", "0",
                             "--retries", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while "/v1/file/1002" not in site.requests("files") or not list(tmp_path.rglob("*.part")):
            assert time.monotonic() < deadline and proc.poll() is None, proc.communicate()
            time.sleep(0.05)
        time.sleep(0.2)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        held.set()
    assert [line["url"] for line in manifest_lines(tmp_path)] == [site.file_url("1001")]
    assert not list(tmp_path.glob("worcestershire/*_1002.pdf"))  # only its .part, never the real name
    assert list(tmp_path.glob("worcestershire/*_1002.pdf.part"))
    site.log.clear()
    result = fetch(tmp_path, base_url=site.site_url, client=quick())
    assert not result.problems and [e.url for e in result.present] == [site.file_url("1001")]
    assert site.requests("files") == ALL_FILES[1:]
    assert len(manifest_lines(tmp_path)) == 4 and not list(tmp_path.rglob("*.part"))


def test_two_runs_cannot_write_one_folder(site: FakeOfsted, tmp_path: Path) -> None:
    from ofsted_kg.fetch import FetchError, _locked

    with _locked(tmp_path), pytest.raises(FetchError, match="another ofsted-kg fetch is writing to this folder"):
        fetch(tmp_path, base_url=site.site_url, client=quick())
    assert site.log == [] and len(fetch(tmp_path, base_url=site.site_url, client=quick()).downloaded) == 4


def test_a_half_written_manifest_line_is_skipped_and_its_document_fetched_again(site: FakeOfsted,
                                                                               tmp_path: Path) -> None:
    fetch(tmp_path, base_url=site.site_url, client=quick())
    text = (tmp_path / MANIFEST_NAME).read_text(encoding="utf-8")
    (tmp_path / MANIFEST_NAME).write_text(text[:-40], encoding="utf-8")  # the last line cut short
    assert Manifest(tmp_path).unreadable == 1
    site.log.clear()
    result = fetch(tmp_path, base_url=site.site_url, client=quick())
    assert site.requests("files") == ["/v1/file/3001"] and len(result.present) == 3
    assert len(Manifest(tmp_path).entries) == 4 and Manifest(tmp_path).unreadable == 1


def test_ingest_links_a_fetched_letter_to_its_public_copy(site: FakeOfsted, tmp_path: Path) -> None:
    out = tmp_path / "docs"
    fetch(out, ["Warwickshire"], base_url=site.site_url, client=quick())
    (pdf,) = out.rglob("*.pdf")
    assert find_manifest(pdf) == out / MANIFEST_NAME
    assert public_sources([pdf]) == {file_sha256(pdf): site.file_url("2001")}
    r = runner.invoke(app, ["build", "--format", "trig", str(out)])
    assert r.exit_code == 0, r.stderr
    ds = Dataset()
    ds.parse(data=r.stdout, format="trig")
    letter = Minter(DEFAULT_BASE).letter(file_sha256(pdf), 0)
    assert {(s, str(o)) for s, _, o, _ in ds.quads((None, DCTERMS.source, None, None))} == {
        (letter, site.file_url("2001"))}
    # the same letter copied elsewhere and changed is not Ofsted's copy
    other = tmp_path / "mine" / "letter.pdf"
    other.parent.mkdir()
    other.write_bytes(pdf.read_bytes().replace(b"Warwickshire", b"Warwickshire "))
    assert public_sources([other]) == {}


def test_fetch_ingest_loads_what_is_new_and_publish_shows_public_urls(site: FakeOfsted, tmp_path: Path) -> None:
    out, store = tmp_path / "docs", tmp_path / "store"
    args = ["fetch", "-o", str(out), "--base-url", site.site_url, "--delay", "0", "--ingest", "--store", str(store),
            "--workers", "1"]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.stderr
    assert "ingest: 4 new document(s); 4 letter(s) loaded, 0 quarantined" in r.stderr
    st = OxigraphStore(store, read_only=True)
    rows = st.select("""PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?letter ?url WHERE { GRAPH ?letter { ?letter dcterms:source ?url } }""").rows
    assert sorted(str(row["url"]) for row in rows) == [site.file_url(i) for i in ("1001", "1002", "2001", "3001")]
    del st
    # nothing new: nothing downloaded, nothing ingested
    started = time.monotonic()
    r = runner.invoke(app, args)
    assert r.exit_code == 0 and "nothing new to ingest" in r.stderr and r.stdout == ""
    assert time.monotonic() - started < 5
    # one new document: only it is downloaded and ingested
    site.authorities[0].docs.insert(0, Doc("children's services focused visit, pdf - 13 january 2025", "1003",
                                           letter_pdf(GOLDEN.parent.parent / "examples" / "letters"
                                                      / "001_86c9a5ce8fa1226d.txt")))
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.strip().endswith("_1003.pdf") and "ingest: 1 new document(s); 1 letter(s) loaded" in r.stderr
    # publish: the public URL where the dumps would hold a local path
    site_dir = tmp_path / "site"
    r = runner.invoke(app, ["publish", str(site_dir), "--store", str(store)])
    assert r.exit_code == 0, r.stderr
    for name in ("ofsted-kg.trig", "ofsted-kg.nq", "ofsted-kg.ttl"):
        text = (site_dir / name).read_text(encoding="utf-8")
        assert str(out) not in text, name
        assert f'"{site.file_url("1003")}"' in text, name
    ds = Dataset()
    ds.parse(site_dir / "ofsted-kg.trig", format="trig")
    okg_path = URIRef("https://w3id.org/ofsted-kg/ontology#path")
    assert sorted({str(o) for _, _, o, _ in ds.quads((None, okg_path, None, None))}) == sorted(
        site.file_url(i) for i in ("1001", "1002", "1003", "2001", "3001"))
    published = OxigraphStore(store, read_only=True).select(  # all but the internal graphs (marks, listings)
        'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } '
        'FILTER(!STRSTARTS(STR(?g), "urn:ofsted-kg:") && !STRENDS(STR(?g), "/listing")) }').rows[0]["n"]
    assert sum(1 for _ in ds.quads((None, None, None, None))) == published


def test_fetch_ingest_takes_up_what_an_earlier_run_did_not_ingest(site: FakeOfsted, tmp_path: Path) -> None:
    out, store = tmp_path / "docs", tmp_path / "store"
    fetch(out, ["Warwickshire"], base_url=site.site_url, client=quick())  # fetched, never ingested
    args = [*CLI, "-o", str(out), "-a", "Warwickshire", "--base-url", site.site_url, "--ingest", "--store", str(store)]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "" and "ingest: 1 new document(s); 1 letter(s) loaded" in r.stderr
    r = runner.invoke(app, args)
    assert r.exit_code == 0 and "nothing new to ingest" in r.stderr


def test_a_public_source_is_checked_by_the_shapes() -> None:
    from rdflib import Literal

    from ofsted_kg.api import extract_file
    from ofsted_kg.graph.build import letter_graph
    from ofsted_kg.validation import validate_letter_graph

    from .conftest import EXAMPLES

    rec = extract_file(EXAMPLES / "004_2067af35a111929a.txt")[0]
    lg = letter_graph(rec, public_url="https://files.ofsted.gov.uk/v1/file/50012345")
    assert (lg.iri, DCTERMS.source, URIRef("https://files.ofsted.gov.uk/v1/file/50012345")) in lg.graph
    assert validate_letter_graph(lg.graph, lg.iri).conforms
    lg.graph.add((lg.iri, DCTERMS.source, Literal("a file on my desk")))
    result = validate_letter_graph(lg.graph, lg.iri)
    assert not result.conforms and any("public copy" in v.line() for v in result.violations)
