"""`ofsted-kg serve`: a store as linked data on one port.

The pages and landing page are those `publish` writes (into a scratch folder); `/id/X` answers with a
303 to `/doc/X.html|.ttl|.jsonld` as the published configs do; `/sparql` is the SPARQL 1.1 endpoint of
the real Oxigraph server (PyPI package `oxigraph`, run read-only on the store, the default graph being
the union of the letters' graphs), with a small query editor for browsers.
"""

from __future__ import annotations

import html
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from ofsted_kg.conneg import MEDIA_TYPES
from ofsted_kg.errors import OfstedKgError

EDITOR = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>SPARQL query editor</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}
textarea{width:100%;font-family:monospace}</style></head>
<body><nav><a href="index.html">ofsted-kg linked data</a></nav><main>
<h1>SPARQL query editor</h1>
<p>The default graph is the union of the letters' graphs. Results come back as JSON, or choose a format.
Programs send the same queries to this URL with the SPARQL 1.1 protocol.</p>
<form method="post" action="sparql">
<label for="query">Query</label>
<textarea id="query" name="query" rows="14">QUERY</textarea>
<label for="format">Results as</label>
<select id="format" name="format"><option value="application/sparql-results+json">JSON</option>
<option value="text/csv">CSV</option><option value="text/tab-separated-values">TSV</option>
<option value="application/sparql-results+xml">XML</option></select>
<button type="submit">Run</button>
</form></main></body></html>
"""
DEFAULT_QUERY = """PREFIX okg: <https://w3id.org/ofsted-kg/ontology#>
SELECT ?authority (COUNT(DISTINCT ?visit) AS ?visits) WHERE {
  ?visit okg:visitOf/okg:name ?authority
}
GROUP BY ?authority ORDER BY DESC(?visits)"""


class ServeError(OfstedKgError):
    """The server cannot start."""


def oxigraph_command() -> str:
    """The Oxigraph server's executable (installed with `pip install 'ofsted-kg[serve]'`)."""
    found = Path(sys.executable).parent / "oxigraph"
    exe = str(found) if found.exists() else shutil.which("oxigraph")
    if not exe:
        raise ServeError("the Oxigraph server is not installed: pip install 'ofsted-kg[serve]' (PyPI package oxigraph)")
    return exe


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def wait_listening(proc: subprocess.Popen[bytes], port: int, host: str = "127.0.0.1") -> bool:
    """Wait until `proc` accepts connections on `port` (True), or until it exits (False)."""
    while proc.poll() is None:
        try:
            socket.create_connection((host, port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


@contextmanager
def oxigraph_server(location: Path, read_only: bool = True) -> Iterator[str]:
    """The Oxigraph server on the store at `location` (`serve-read-only`, or `serve` to accept updates), on
    a free local port, its default graph the union of the named graphs: yields its base URL
    ("http://127.0.0.1:PORT/", queries at `query`) and stops it on exit; ServeError if it stops first."""
    port = free_port("127.0.0.1")
    with tempfile.TemporaryFile() as err:  # a file, not a pipe: a long-running server never blocks on it
        proc = subprocess.Popen([oxigraph_command(), "serve-read-only" if read_only else "serve", "--location",
                                 str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                                stdout=subprocess.DEVNULL, stderr=err)
        try:
            if not wait_listening(proc, port):
                err.seek(0)
                text = err.read().decode("utf-8", "replace").strip()
                raise ServeError(f"the Oxigraph server stopped: {text.splitlines()[-1] if text else 'no message'}")
            yield f"http://127.0.0.1:{port}/"
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def _extension(accept: str) -> str:
    """The same rule as the published configs: HTML when named, then JSON-LD, then Turtle, else HTML."""
    a = accept.lower()
    if "text/html" in a:
        return "html"
    if "application/ld+json" in a:
        return "jsonld"
    if "text/turtle" in a:
        return "ttl"
    return "html"


class Handler(SimpleHTTPRequestHandler):
    """Static pages, `/id/` redirects and the `/sparql` endpoint (forwarded to Oxigraph)."""

    sparql_url = ""
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **{"." + k: v for k, v in MEDIA_TYPES.items()}}

    def log_message(self, format: str, *args: Any) -> None:  # quiet: one line per request is noise here
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path, _, query = self.path.partition("?")
        if path.startswith("/id/"):
            self.send_response(303)
            self.send_header("Location", f"/doc/{path[4:]}.{_extension(self.headers.get('Accept', ''))}")
            self.send_header("Vary", "Accept")
            self.end_headers()
            return
        if path == "/sparql":
            if not query and "text/html" in self.headers.get("Accept", ""):
                body = EDITOR.replace("QUERY", html.escape(DEFAULT_QUERY)).encode("utf-8")
                self._answer(200, "text/html; charset=utf-8", body)
                return
            self._forward(self.sparql_url + ("?" + query if query else ""), None)
            return
        super().do_GET()

    def do_POST(self) -> None:  # noqa: N802
        if self.path.partition("?")[0] != "/sparql":
            self._answer(404, "text/plain", b"not found\n")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        accept = None
        if self.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
            from urllib.parse import parse_qs, urlencode

            form = parse_qs(body.decode("utf-8"))
            accept = form.pop("format", [None])[0]  # the editor's choice of result format
            body = urlencode({k: v[0] for k, v in form.items()}).encode()
        self._forward(self.sparql_url, body, accept)

    def _forward(self, url: str, body: bytes | None, accept: str | None = None) -> None:
        headers = {"Accept": accept or self.headers.get("Accept") or "application/sparql-results+json"}
        if body is not None:
            headers["Content-Type"] = self.headers.get("Content-Type", "application/x-www-form-urlencoded")
        req = urllib.request.Request(url, data=body, headers=headers, method="POST" if body is not None else "GET")
        try:
            with urllib.request.urlopen(req, timeout=300) as resp:  # noqa: S310 (our own Oxigraph)
                self._answer(resp.status, resp.headers.get("Content-Type", "application/octet-stream"), resp.read())
        except urllib.error.HTTPError as e:
            self._answer(e.code, e.headers.get("Content-Type", "text/plain"), e.read())
        except OSError as e:
            self._answer(502, "text/plain", f"the SPARQL endpoint did not answer: {e}\n".encode())

    def _answer(self, status: int, media: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def running(store_path: Path, host: str = "127.0.0.1", port: int = 0, base_url: str | None = None,
            pages: bool = True) -> Iterator[tuple[ThreadingHTTPServer, str]]:
    """Publish the store into a scratch folder, start Oxigraph on it (read-only) and the front server;
    yields the server and its URL, and stops both on exit."""
    from ofsted_kg.catalogue import Publisher
    from ofsted_kg.publish import publish
    from ofsted_kg.store import OxigraphStore

    oxigraph_command()  # a missing server is said before the store is published
    port = port or free_port(host)
    url = f"http://{host}:{port}/"
    with tempfile.TemporaryDirectory(prefix="ofsted-kg-serve-") as tmp:
        site = Path(tmp) / "site"
        st = OxigraphStore(store_path, read_only=True)
        publish(st, site, base_url=base_url, publisher=Publisher(sparql_endpoint=url + "sparql"), pages=pages)
        del st
        with oxigraph_server(store_path) as oxigraph:
            handler = partial(Handler, directory=str(site))
            Handler.sparql_url = oxigraph + "query"
            try:
                server = ThreadingHTTPServer((host, port), handler)
            except OSError as e:
                raise ServeError(f"{host}:{port}: cannot listen ({e.strerror})") from None
            try:
                yield server, url
            finally:
                server.server_close()
