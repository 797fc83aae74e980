"""A local stand-in for Ofsted's reports site, for testing `ofsted-kg fetch` without the internet.

Two HTTP servers in threads: the reports site (a paged search for local authorities' children's
services and one provider page per authority, laid out as `../shared/domain/ofsted-reports-site.md`
describes) and a files host serving the PDFs, as files.ofsted.gov.uk does. Answers can be queued ahead
of a page (a 503, a 429 with Retry-After, a connection dropped mid-file, a file that stops halfway and
waits) and every request is logged with its User-Agent.

The PDFs are letters from `examples/letters` and `tests/golden/letters` set in real PDFs by
`tests/pdfmaker.py` (Crown copyright, Open Government Licence v3.0).
"""

from __future__ import annotations

import html
import textwrap
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .conftest import EXAMPLES, GOLDEN
from .pdfmaker import make_pdf


def letter_pdf(path: Path) -> bytes:
    """A letter's text as a PDF with a text layer, 55 lines a page."""
    lines: list[str] = []
    for para in path.read_text(encoding="utf-8").splitlines():
        lines += textwrap.wrap(para, 95) or [""]
    return make_pdf([lines[i:i + 55] for i in range(0, len(lines), 55)])


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    cut: bool = False  # send the headers and half the body, then drop the connection
    hold: threading.Event | None = None  # send half the body, then wait for this event (a killed client)


@dataclass
class Doc:
    description: str  # the nonvisual words: "children's services focused visit, pdf - 9 august 2018"
    file_id: str
    pdf: bytes


@dataclass
class Authority:
    urn: str
    name: str  # as the search result writes it
    docs: list[Doc]


# letters that give one record each, by authority: (source, site description, file id)
DOCS = {
    ("80584", "Worcestershire County Council"): [
        (EXAMPLES / "000_5f08dc2b8cd356b2.txt", "children's services monitoring visit, pdf - 31 january 2019", "1001"),
        (EXAMPLES / "003_807445bb4780ee5e.txt", "annual unannounced inspection, pdf - 04 august 2010", "1002"),
    ],
    ("80576", "Warwickshire County Council"): [
        (EXAMPLES / "004_2067af35a111929a.txt", "children\u2019s services focused visit, pdf - 09 august 2018", "2001"),
    ],
    ("80533", "Nottingham City Council"): [
        (GOLDEN / "letters" / "jtai2019_nottingham_exploitation.txt",
         "joint targeted area inspection, pdf - 13 september 2019", "3001"),
    ],
}


def default_authorities() -> list[Authority]:
    return [Authority(urn, name, [Doc(desc, fid, letter_pdf(src)) for src, desc, fid in docs])
            for (urn, name), docs in DOCS.items()]


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet: clients that drop a connection (as a killed fetch does) are part of the tests."""


class FakeOfsted:
    """The two servers and what they serve; change `authorities`, `routes` and `queued` between runs."""

    def __init__(self) -> None:
        self.authorities = default_authorities()
        self.routes: dict[str, Answer] = {}  # a path (with its query) answered as given, before the site's own pages
        self.queued: dict[str, list[Answer]] = {}  # answered first, once each
        self.log: list[tuple[str, str, str]] = []  # (host: "site" or "files", path, User-Agent)
        self._servers: list[_Server] = []
        site = self._start("site")
        files = self._start("files")
        self.site_url = f"http://127.0.0.1:{site.server_address[1]}/"
        self.files_url = f"http://127.0.0.1:{files.server_address[1]}/"

    def _start(self, host: str) -> _Server:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            wbufsize = 1 << 16  # headers and body in one send: unbuffered, each waits for a delayed ACK (~40 ms)

            def do_GET(self) -> None:  # noqa: N802
                fake.log.append((host, self.path, self.headers.get("User-Agent", "")))
                self._send(fake.answer(host, self.path))

            def _send(self, a: Answer) -> None:
                self.send_response(a.status)
                for k, v in {"Content-Type": "text/html; charset=utf-8", **a.headers}.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(a.body)))
                self.end_headers()
                if a.cut or a.hold:
                    self.wfile.write(a.body[:len(a.body) // 2])
                    self.wfile.flush()
                    if a.hold:
                        a.hold.wait(30)
                    self.close_connection = True
                    return
                self.wfile.write(a.body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        server = _Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        self._servers.append(server)
        return server

    def close(self) -> None:
        for s in self._servers:
            s.shutdown()
            s.server_close()

    # ---- what the site serves -----------------------------------------------------------------
    def provider_path(self, urn: str) -> str:
        return f"/provider/44/{urn}"

    def file_url(self, file_id: str) -> str:
        return f"{self.files_url}v1/file/{file_id}"

    def answer(self, host: str, path: str) -> Answer:
        queue = self.queued.get(path)
        if queue:
            return queue.pop(0)
        if path in self.routes:
            return self.routes[path]
        if host == "files":
            for a in self.authorities:
                for d in a.docs:
                    if path == f"/v1/file/{d.file_id}":
                        return Answer(body=d.pdf, headers={"Content-Type": "application/pdf"})
        elif path.startswith("/search?"):
            return Answer(body=self.search_page(path).encode())
        else:
            for a in self.authorities:
                if path == self.provider_path(a.urn):
                    return Answer(body=self.provider_page(a).encode())
        return Answer(404, b"<html><head><title>Page not found</title></head><body>Not found</body></html>")

    def search_page(self, path: str) -> str:
        q = parse_qs(urlsplit(path).query)
        start, rows = int(q.get("start", ["0"])[0]), int(q.get("rows", ["10"])[0])
        results = "".join(
            f'<li class="search-result"><h3><a href="{self.provider_path(a.urn)}">{html.escape(a.name)}</a></h3>'
            f"<address>Somewhere</address><p>Local authority children's services</p></li>"
            for a in self.authorities[start:start + rows])
        return (f"<!doctype html><html><head><title>Find an inspection report</title></head><body>"
                f'<a href="/">Home</a> <a href="/about">About</a><ul class="results">{results}</ul>'
                f'<ul class="pagination"><li class="next"><a href="/search?start={start + rows}">Next</a></li></ul>'
                f"</body></html>")

    def provider_page(self, a: Authority) -> str:
        items = "".join(
            f'<li><a class="publication-link" href="{self.file_url(d.file_id)}">'
            f'{html.escape(d.description.split(",")[0].title())}'
            f'<span class="nonvisual">{html.escape(d.description)}</span></a></li>'
            for d in a.docs)
        return (f"<!doctype html><html><head><title>{html.escape(a.name)}</title></head><body><h1>{html.escape(a.name)}"
                f"</h1><p>URN: {a.urn}</p><h2>Reports</h2><ul>{items}</ul></body></html>")

    def requests(self, host: str | None = None) -> list[str]:
        return [p for h, p, _ in self.log if host is None or h == host]
