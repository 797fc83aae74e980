"""Where letters' graphs live: an embedded Oxigraph store in a folder, or a remote SPARQL endpoint.

Each letter is one named graph. Loading a letter replaces exactly its graph (so ingesting twice leaves
the same triples); a letter is loaded in one call, so a crash never leaves it half-loaded.
"""

from __future__ import annotations

import base64
import http.client
import os
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

from ofsted_kg.errors import OfstedKgError, QueryError, redact
from ofsted_kg.graph.formats import OX_FORMATS as OX_FORMATS  # re-exported: the store's dump formats
from ofsted_kg.letter_graphs import LISTING, QUARANTINE, LetterGraphs

ENV_STORE = "OFSTED_KG_STORE"
ENV_ENDPOINT_USER = "OFSTED_KG_ENDPOINT_USER"
ENV_ENDPOINT_PASSWORD = "OFSTED_KG_ENDPOINT_PASSWORD"



class StoreError(OfstedKgError):
    """The store could not be opened or queried."""


def default_store_path() -> Path:
    """OFSTED_KG_STORE, else the user's data directory (e.g. ~/.local/share/ofsted-kg/store)."""
    env = os.environ.get(ENV_STORE)
    if env:
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("ofsted-kg") / "store"


@dataclass
class QueryResult:
    variables: list[str]
    rows: list[dict[str, Any]]  # variable -> rdflib-free plain value (str/int/float/bool) or None


class Store(Protocol):
    """What the library needs of a store: `OxigraphStore` (embedded) or `RemoteStore` (an endpoint)."""

    @property
    def path(self) -> Path | None:
        """The store's folder; None for an endpoint."""

    @property
    def recovered(self) -> list[str]:
        """Graphs of an interrupted bulk load that opening the store for writing removed."""

    @property
    def unrecovered(self) -> list[str]:
        """Graphs of an interrupted bulk load still in a store opened read-only."""

    def replace_graph(self, graph: str, ntriples: str) -> None: ...
    def optimize(self) -> None: ...
    def replace_graphs(self, graphs: list[tuple[str, str]], bulk: bool = False) -> None: ...
    def remove_graph(self, graph: str) -> bool: ...
    def has_graph(self, graph: str) -> bool: ...
    def graphs(self) -> list[str]: ...
    def select(self, sparql: str, bindings: Mapping[str, Any] | None = None,
               timeout: float | None = None) -> QueryResult: ...
    def dump(self, out: IO[bytes], fmt: str, include_internal: bool = False) -> None: ...
    def count(self) -> int: ...
    def graph_ntriples(self, graph: str) -> str: ...


XSD_NS = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS: dict[str, type[int] | type[float]] = {XSD_NS + t: int for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}
_NUMBERS.update({XSD_NS + t: float for t in ("double", "float")})


def _plain(term: Any) -> Any:
    """A pyoxigraph term as a plain Python value (numbers and booleans typed, everything else text)."""
    if term is None:
        return None
    import pyoxigraph as ox

    if type(term) is ox.Literal:
        v = term.value
        dt = term.datatype.value
        if dt.endswith("#string") or dt.endswith("#langString"):
            return v
        try:
            if dt in _NUMBERS:
                return _NUMBERS[dt](v)
            if dt == XSD_NS + "decimal":
                return float(v) if "." in v else int(v)
            if dt == XSD_NS + "boolean":
                return v in ("true", "1")
        except ValueError:
            return v
        return v
    return term.value if hasattr(term, "value") else str(term)


def _memo_plain() -> Any:
    """`_plain` remembering what it returned for each term (pyoxigraph's terms are hashable values)."""
    seen: dict[Any, Any] = {}

    def plain(term: Any) -> Any:
        try:
            return seen[term]
        except KeyError:
            value = seen[term] = _plain(term)
            return value

    return plain


JOURNAL_GRAPH = "urn:ofsted-kg:bulk-load-in-progress"
INTERNAL_PREFIX = "urn:ofsted-kg:"  # the store's own marks: layout version, pending statistics, bulk-load journal


def is_internal(graph: str) -> bool:
    """Is this a graph the store keeps for itself (a mark, a letter's listing graph, which only copies
    the letter's facts for fast listings, or a quarantined letter, see `ofsted_kg.quarantine`), not data
    to publish?"""
    return graph.startswith(INTERNAL_PREFIX) or LetterGraphs.is_internal(graph)


# the union of the published graphs, for the triples formats
_PUBLISHED_UNION = ('CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } '
                    f'FILTER(!STRSTARTS(STR(?g), "{INTERNAL_PREFIX}") && !STRENDS(STR(?g), "{LISTING}")'
                    f' && !STRENDS(STR(?g), "{QUARANTINE}")) }}')


def replace_update(graphs: list[tuple[str, str]]) -> str:
    """One SPARQL update that drops the graphs and loads their new N-Triples: applied as one transaction
    (by Oxigraph, embedded or served), so a crash leaves the old graphs or the new ones, never a mix."""
    drops = "".join(f"DROP SILENT GRAPH <{name}> ;\n" for name, _ in graphs)
    return drops + "INSERT DATA {\n" + "".join(f"GRAPH <{name}> {{\n{nt}}}\n" for name, nt in graphs) + "}\n"


def _as_nquads(graph: str, ntriples: str) -> str:
    """N-Triples lines (as rdflib and Oxigraph write them: one statement a line) put in `graph`."""
    suffix = f" <{graph}> .\n"
    return "".join(line[:-2] + suffix for line in ntriples.splitlines() if line.endswith(" ."))


class OxigraphStore:
    """An embedded, persistent Oxigraph store in a folder (created if missing)."""

    FLUSH_BYTES = 32_000_000  # of N-Triples loaded between flushes (about 250 letters)

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        import pyoxigraph as ox

        self.path = Path(path)
        self._unflushed = 0
        try:
            if read_only:
                if not self.is_store(self.path):
                    raise StoreError(f"{self.path}: no store here (ingest letters first)")
                self.store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.store = ox.Store(str(self.path))
        except (OSError, ValueError) as e:
            raise StoreError(f"{self.path}: cannot open the store ({e})") from None
        # graphs of a bulk load that a crash interrupted: removed, for the caller to report and reload;
        # a read-only open cannot remove them, and lists them in `unrecovered` for the caller to report
        self.recovered: list[str] = [] if read_only else self._recover()
        self.unrecovered: list[str] = self._journalled() if read_only else []

    def _journalled(self) -> list[str]:
        import pyoxigraph as ox

        journal = ox.NamedNode(JOURNAL_GRAPH)
        if not self.store.contains_named_graph(journal):
            return []
        return sorted({q.object.value for q in self.store.quads_for_pattern(None, None, None, journal)
                       if isinstance(q.object, ox.NamedNode)})

    def _recover(self) -> list[str]:
        import pyoxigraph as ox

        journal = ox.NamedNode(JOURNAL_GRAPH)
        graphs = self._journalled()
        if not graphs and not self.store.contains_named_graph(journal):
            return []
        for g in graphs:
            self.store.remove_graph(ox.NamedNode(g))
        self.store.remove_graph(journal)
        return graphs

    def replace_graph(self, graph: str, ntriples: str) -> None:
        """Drop the graph, then load the new one in one transaction (a crash between the two leaves the
        letter absent, never half-loaded; re-ingesting restores it)."""
        import pyoxigraph as ox

        g = ox.NamedNode(graph)
        if self.store.contains_named_graph(g):
            self.store.remove_graph(g)
        data = ntriples.encode("utf-8")
        self.store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=g)
        self._loaded(len(data))

    def _loaded(self, size: int) -> None:
        # Without a flush now and then, RocksDB's in-memory tables keep growing during a long ingest
        # (about 0.75 GB per 1,000 letters, measured) and loading slows down.
        self._unflushed += size
        if self._unflushed > self.FLUSH_BYTES:
            self.store.flush()
            self._unflushed = 0

    def replace_graphs(self, graphs: list[tuple[str, str]], bulk: bool = False) -> None:
        """Replace several graphs (name, N-Triples), such as a letter's own graph and those derived from it.

        Without `bulk`, the old graphs are dropped and the new ones loaded by one SPARQL update, one
        transaction: a crash leaves the old graphs or the new ones, never a letter without one of its
        graphs (about 10% slower than dropping each graph and then loading, measured). With `bulk`, they go in with one `bulk_load`, about three times
        cheaper a triple but not transactional. A journal graph naming them is written (in a
        transaction) first and dropped after: if a crash interrupts the load, the next writer removes
        the graphs it names (`recovered`), so no graph stays half-loaded once the store is opened again
        for writing.
        """
        import pyoxigraph as ox

        if not bulk:
            update = replace_update(graphs)
            self.store.update(update)
            self._loaded(len(update))
            return
        journal = ox.NamedNode(JOURNAL_GRAPH)
        entries = "".join(f"<{JOURNAL_GRAPH}> <{JOURNAL_GRAPH}#graph> <{name}> .\n" for name, _ in graphs)
        self.store.load(entries.encode(), format=ox.RdfFormat.N_TRIPLES, to_graph=journal)
        for name, _ in graphs:
            g = ox.NamedNode(name)
            if self.store.contains_named_graph(g):
                self.store.remove_graph(g)
        data = "".join(_as_nquads(name, nt) for name, nt in graphs).encode("utf-8")
        self.store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        self.store.remove_graph(journal)

    def remove_graph(self, graph: str) -> bool:
        import pyoxigraph as ox

        g = ox.NamedNode(graph)
        if not self.store.contains_named_graph(g):
            return False
        self.store.remove_graph(g)
        return True

    def has_graph(self, graph: str) -> bool:
        import pyoxigraph as ox

        return bool(self.store.contains_named_graph(ox.NamedNode(graph)))

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs())

    def select(self, sparql: str, bindings: Mapping[str, Any] | None = None,
               timeout: float | None = None) -> QueryResult:
        """Run a query over the union of the graphs. With `timeout` (seconds), it runs in a child process
        that is killed when the time is up (`QueryTimeout`): Oxigraph cannot stop a query once started."""
        if bindings:  # Oxigraph's own substitutions only reach projected variables: use a VALUES block
            sparql = bind_values(sparql, bindings)
        if timeout:
            return _select_in_child(self.path, sparql, timeout)
        try:
            res = self.store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as e:
            raise QuerySyntaxError(str(e)) from None
        import pyoxigraph as ox

        if isinstance(res, ox.QueryBoolean):
            return QueryResult(["result"], [{"result": bool(res)}])
        if isinstance(res, ox.QueryTriples):
            rows = [{"subject": _plain(t.subject), "predicate": _plain(t.predicate), "object": _plain(t.object)}
                    for t in res]
            return QueryResult(["subject", "predicate", "object"], rows)
        names = [v.value for v in res.variables]
        # a solution iterates over its values in the order of `names` (faster than looking each up); each
        # distinct term is converted once (a large answer repeats its names, dates and themes row after row)
        plain = _memo_plain()
        return QueryResult(names, [dict(zip(names, map(plain, sol), strict=True)) for sol in res])

    def dump(self, out: IO[bytes], fmt: str, include_internal: bool = False) -> None:
        """The store in `fmt`; the store's internal graphs (see `is_internal`) only if `include_internal`."""
        import pyoxigraph as ox

        from ofsted_kg.graph.build import PREFIXES

        attr, _ = OX_FORMATS[fmt]
        rdf_format = getattr(ox.RdfFormat, attr)
        kwargs: dict[str, Any] = {}
        if fmt in ("turtle", "trig"):
            kwargs["prefixes"] = {k: str(v) for k, v in PREFIXES.items()}
        if rdf_format.supports_datasets and include_internal:
            self.store.dump(out, rdf_format, **kwargs)
        elif rdf_format.supports_datasets:
            internal = [g for g in self.store.named_graphs() if is_internal(g.value)]
            if not internal:
                self.store.dump(out, rdf_format, **kwargs)
                return
            published = (q for q in self.store if not (isinstance(q.graph_name, ox.NamedNode)
                                                       and is_internal(q.graph_name.value)))
            ox.serialize(published, out, rdf_format, **kwargs)
        else:
            # a triples format: the union of the letters' graphs, streamed from a CONSTRUCT (no copy in memory)
            query = ("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }" if include_internal
                     else _PUBLISHED_UNION)
            union = self.store.query(query)
            assert isinstance(union, ox.QueryTriples)
            ox.serialize(union, out, rdf_format, **kwargs)

    def count(self) -> int:
        return len(self.store)

    def graph_ntriples(self, graph: str) -> str:
        """One named graph as N-Triples (for validating a stored letter)."""
        import io

        import pyoxigraph as ox

        buf = io.BytesIO()
        self.store.dump(buf, ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
        return buf.getvalue().decode("utf-8")

    @staticmethod
    def is_store(path: Path) -> bool:
        """Does `path` hold an Oxigraph (RocksDB) store?"""
        if not path.is_dir() or not (path / "CURRENT").is_file():
            return False
        return any(path.glob("MANIFEST-*")) or any(path.glob("*.sst"))

    def flush(self) -> None:
        self.store.flush()

    def optimize(self) -> None:
        """Compact the store (RocksDB's compaction of every index): after a large load, queries that
        read many rows run about 30% faster (measured at 10,000 letters, where it takes about 20 s)."""
        self.store.optimize()


class QuerySyntaxError(StoreError):
    """The SPARQL text does not parse (the message carries the parser's line and column)."""


PROFILES = ("oxigraph", "fuseki", "graphdb", "virtuoso")


class QueryTimeout(StoreError):
    """A query ran past its time limit."""


def split_credentials(url: str) -> tuple[str, str | None, str | None]:
    """`https://user:password@host/path` -> (`https://host/path`, user, password): the credentials are
    sent as Basic authentication to that host only, and the URL kept and shown is the one without them."""
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url, None, None
    host = parts.netloc.rsplit("@", 1)[1]
    user = urllib.parse.unquote(parts.username or "") or None
    password = urllib.parse.unquote(parts.password) if parts.password is not None else None
    return urllib.parse.urlunsplit(parts._replace(netloc=host)), user, password


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is answered as the HTTP error it is, never followed (urllib would send the request's
    Authorization header to whatever host the redirect names)."""

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirects())


@dataclass
class EndpointUrls:
    """Where a SPARQL 1.1 store answers queries and updates, and its Graph Store Protocol service (None
    when there is none to use: graphs are then read with queries and written with SPARQL updates)."""

    query: str
    update: str
    store: str | None


def endpoint_urls(url: str, update_url: str | None = None, store_url: str | None = None,
                  profile: str | None = None) -> EndpointUrls:
    """The endpoint's URLs from the query URL (or, with `profile`, any URL of the service), with the
    update and graph store URLs given explicitly taking precedence.

    Without a profile, a URL ending in /query, or one with no path at all (the old form: Oxigraph's
    base URL), is laid out as Oxigraph lays its server out (/query, /update, /store); any other URL is
    the query URL, updates go to the same URL (as SPARQL 1.1 allows) and graphs are written with SPARQL
    updates unless `store_url` is given. Profiles: oxigraph (/query, /update, /store), fuseki (dataset
    URL + /query, /update, /data), graphdb (repository URL, + /statements, + /rdf-graphs/service),
    virtuoso (/sparql for queries and updates, no graph store: SPARQL updates).
    """
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rstrip("/")
    if profile is not None and profile not in PROFILES:
        raise StoreError(f"unknown endpoint profile {profile!r}; known: {', '.join(PROFILES)}")

    def strip(*tails: str) -> str:
        base = url.rstrip("/")
        for tail in tails:
            if base.endswith(tail):
                return base[: -len(tail)]
        return base

    if profile == "oxigraph" or (profile is None and (path == "" or path.endswith("/query"))):
        base = strip("/query", "/update", "/store")
        urls = EndpointUrls(base + "/query", base + "/update", base + "/store")
    elif profile == "fuseki":
        base = strip("/sparql", "/query", "/update", "/data", "/get")
        urls = EndpointUrls(base + "/query", base + "/update", base + "/data")
    elif profile == "graphdb":
        base = strip("/statements", "/rdf-graphs/service")
        urls = EndpointUrls(base, base + "/statements", base + "/rdf-graphs/service")
    elif profile == "virtuoso":
        root = urllib.parse.urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        urls = EndpointUrls(root + "/sparql", root + "/sparql", None)
    else:
        urls = EndpointUrls(url, url, None)
    return EndpointUrls(urls.query, update_url or urls.update, store_url or urls.store)


# graphs a store keeps for itself (Virtuoso's system graphs): not ours to list, count or export
FOREIGN_GRAPH_PREFIXES = ("http://www.openlinksw.com/", "http://www.w3.org/ns/ldp#", "http://www.w3.org/2002/07/owl#",
                          "urn:activitystreams-owl:", "http://localhost:8890/", "virtrdf:")


def _ours(graph: str) -> bool:
    return not graph.startswith(FOREIGN_GRAPH_PREFIXES)


_NOT_FOREIGN = " && ".join(f'!STRSTARTS(STR(?g), "{p}")' for p in FOREIGN_GRAPH_PREFIXES)


class RemoteStore:
    """Any SPARQL 1.1 store: queries and updates by the SPARQL 1.1 Protocol, graphs read and written by
    the Graph Store Protocol when the store has one to use, else by queries and SPARQL updates
    (credentials from the environment). See `endpoint_urls` for the URLs.
    """

    def __init__(self, url: str, update_url: str | None = None, store_url: str | None = None,
                 profile: str | None = None, timeout: float = 120) -> None:
        self.path: Path | None = None  # no folder: an endpoint
        self.recovered: list[str] = []  # nothing to recover on an endpoint (no bulk loads)
        self.unrecovered: list[str] = []
        self.timeout = timeout  # seconds a request may take in all (not only between two reads)
        url, user, password = split_credentials(url)
        update_url = split_credentials(update_url)[0] if update_url else None
        store_url = split_credentials(store_url)[0] if store_url else None
        urls = endpoint_urls(url, update_url, store_url, profile)
        self.query_url, self.update_url, self.store_url = urls.query, urls.update, urls.store
        # the environment's credentials, else those of the URL (which is never printed with them)
        if os.environ.get(ENV_ENDPOINT_USER):
            user, password = os.environ.get(ENV_ENDPOINT_USER), os.environ.get(ENV_ENDPOINT_PASSWORD)
        self.auth = "Basic " + base64.b64encode(f"{user}:{password or ''}".encode()).decode() if user else None

    def _update(self, update: str) -> None:
        """A SPARQL update: as the request body, or (with no graph store, as for Virtuoso) as a form."""
        if self.store_url is None:
            body = urllib.parse.urlencode({"update": update}).encode()
            self._request(self.update_url, body, {"Content-Type": "application/x-www-form-urlencoded"}, "POST")
        else:
            self._request(self.update_url, update.encode("utf-8"), {"Content-Type": "application/sparql-update"}, "POST")

    def _quads(self, graph: str | None = None) -> list[Any]:
        """The quads of one graph, or of every graph of ours, read with a SELECT (no graph store needed)."""
        import json

        import pyoxigraph as ox

        where = (f"GRAPH <{graph}> {{ ?s ?p ?o }} BIND(<{graph}> AS ?g)" if graph
                 else f"GRAPH ?g {{ ?s ?p ?o }} FILTER({_NOT_FOREIGN})")
        body = urllib.parse.urlencode({"query": f"SELECT ?s ?p ?o ?g WHERE {{ {where} }}"}).encode()
        raw = self._request(self.query_url, body, {"Content-Type": "application/x-www-form-urlencoded",
                                                   "Accept": "application/sparql-results+json"}, "POST")
        return [ox.Quad(_ox_term(b["s"]), _ox_term(b["p"]), _ox_term(b["o"]), _ox_term(b["g"]))
                for b in json.loads(raw)["results"]["bindings"]]

    def _request(self, url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
                 method: str = "GET", timeout: float | None = None) -> bytes:
        req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
        if self.auth:
            req.add_header("Authorization", self.auth)
        limit = timeout or self.timeout
        deadline = time.monotonic() + limit
        try:
            # redirects are not followed: they would carry the credentials, or the question, elsewhere
            with _OPENER.open(req, timeout=limit) as resp:
                chunks = []
                while chunk := resp.read(1 << 16):
                    chunks.append(chunk)
                    if time.monotonic() > deadline:
                        raise QueryTimeout(f"{url}: no complete answer within {limit:g} s")
                if resp.length:  # fewer bytes than announced: read(n) returns short instead of raising
                    raise http.client.IncompleteRead(b"".join(chunks), resp.length)
                return b"".join(chunks)
        except urllib.error.HTTPError as e:
            if 300 <= e.code < 400:
                where = redact(e.headers.get("Location") or "another address")
                raise StoreError(f"{url}: the endpoint answered with a redirect (HTTP {e.code}) to {where}; it was "
                                 "not followed (give the address it names, if you trust it)") from None
            body = redact(e.read().decode("utf-8", "replace")[:500])
            if e.code == 400 and "query" in url:
                raise QuerySyntaxError(body) from None
            raise StoreError(f"{url}: HTTP {e.code}: {body}") from None
        except urllib.error.URLError as e:
            if isinstance(e.reason, TimeoutError | socket.timeout):
                raise QueryTimeout(f"{url}: no answer within {limit:g} s") from None
            raise StoreError(f"{url}: cannot reach the endpoint ({redact(str(e.reason))})") from None
        except TimeoutError:
            raise QueryTimeout(f"{url}: no answer within {limit:g} s") from None
        except (OSError, http.client.HTTPException) as e:  # reset, closed mid-answer
            raise StoreError(f"{url}: the endpoint broke off ({type(e).__name__}: {e or 'no answer'})") from None

    CHUNK_TRIPLES = 200  # per INSERT DATA without a graph store (Virtuoso refuses one of a letter's size)

    def replace_graphs(self, graphs: list[tuple[str, str]], bulk: bool = False) -> None:
        """One SPARQL update for all the graphs (see `replace_update`), so that an endpoint that applies
        an update as a transaction, as Oxigraph does, never keeps a letter without its listing; `bulk`
        has no meaning for an endpoint.

        Without a graph store (Virtuoso), the graphs are dropped, then loaded by updates of at most
        `CHUNK_TRIPLES` triples each: not one transaction (re-ingesting a letter repairs a broken load).
        """
        if self.store_url is not None:
            self._update(replace_update(graphs))
            return
        drops = "".join(f"DROP SILENT GRAPH <{name}> ;\n" for name, _ in graphs)
        self._update(drops.rstrip(" ;\n"))
        for name, nt in graphs:
            lines = [line for line in nt.splitlines(keepends=True) if "_:" not in line]
            for i in range(0, len(lines), self.CHUNK_TRIPLES):
                self._update(f"INSERT DATA {{ GRAPH <{name}> {{\n{''.join(lines[i:i + self.CHUNK_TRIPLES])}}} }}")
            # Virtuoso allows no blank node in INSERT DATA: those triples go in one template, so that each
            # blank node stays one node (the ontology's class unions and lists: about 200 triples)
            blanks = "".join(line for line in nt.splitlines(keepends=True) if "_:" in line)
            if blanks:
                self._update(f"INSERT {{ GRAPH <{name}> {{\n{blanks}}} }} WHERE {{}}")

    def optimize(self) -> None:
        """Nothing to do: an endpoint manages its own storage."""

    def replace_graph(self, graph: str, ntriples: str) -> None:
        if self.store_url is None:
            self.replace_graphs([(graph, ntriples)])
            return
        url = self.store_url + "?" + urllib.parse.urlencode({"graph": graph})
        self._request(url, ntriples.encode("utf-8"), {"Content-Type": "application/n-triples"}, "PUT")

    def remove_graph(self, graph: str) -> bool:
        if self.store_url is None:
            if not self.has_graph(graph):
                return False
            self._update(f"DROP SILENT GRAPH <{graph}>")
            return True
        url = self.store_url + "?" + urllib.parse.urlencode({"graph": graph})
        try:
            self._request(url, None, {}, "DELETE")
        except StoreError as e:
            if "HTTP 404" in str(e):
                return False
            raise
        return True

    def has_graph(self, graph: str) -> bool:
        res = self.select("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": f"<{graph}>"})
        return bool(res.rows[0]["result"])

    def graphs(self) -> list[str]:
        res = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(str(r["g"]) for r in res.rows if _ours(str(r["g"])))

    def select(self, sparql: str, bindings: Mapping[str, Any] | None = None,
               timeout: float | None = None) -> QueryResult:
        import json

        if bindings:
            sparql = bind_values(sparql, bindings)
        body = urllib.parse.urlencode({"query": sparql}).encode()
        raw = self._request(self.query_url, body, {"Content-Type": "application/x-www-form-urlencoded",
                                                   "Accept": "application/sparql-results+json"}, "POST", timeout)
        data = json.loads(raw)
        if "boolean" in data:
            return QueryResult(["result"], [{"result": data["boolean"]}])
        names = data["head"]["vars"]
        rows = []
        for b in data["results"]["bindings"]:
            rows.append({n: _json_value(b.get(n)) for n in names})
        return QueryResult(names, rows)

    def graph_ntriples(self, graph: str) -> str:
        """One named graph as N-Triples (a Graph Store GET, or a query when there is no graph store)."""
        if self.store_url is None:
            import io

            import pyoxigraph as ox

            buf = io.BytesIO()
            ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in self._quads(graph)), buf,
                         ox.RdfFormat.N_TRIPLES)
            return buf.getvalue().decode("utf-8")
        url = self.store_url + "?" + urllib.parse.urlencode({"graph": graph})
        return self._request(url, None, {"Accept": "application/n-triples"}).decode("utf-8")

    def dump(self, out: IO[bytes], fmt: str, include_internal: bool = False) -> None:
        """The endpoint's whole dataset (a Graph Store GET); without `include_internal`, fetched as
        N-Quads and written again without the internal graphs (see `is_internal`)."""
        _, media = OX_FORMATS[fmt]
        if include_internal and self.store_url is not None:
            out.write(self._request(self.store_url, None, {"Accept": media}))
            return
        import pyoxigraph as ox

        from ofsted_kg.graph.build import PREFIXES

        if self.store_url is None:
            every = self._quads()
        else:
            every = list(ox.parse(self._request(self.store_url, None, {"Accept": "application/n-quads"}),
                                  format=ox.RdfFormat.N_QUADS))
        quads = [q for q in every if include_internal
                 or not (isinstance(q.graph_name, ox.NamedNode) and is_internal(q.graph_name.value))]
        rdf_format = getattr(ox.RdfFormat, OX_FORMATS[fmt][0])
        kwargs: dict[str, Any] = {}
        if fmt in ("turtle", "trig"):
            kwargs["prefixes"] = {k: str(v) for k, v in PREFIXES.items()}
        if rdf_format.supports_datasets:
            ox.serialize(quads, out, rdf_format, **kwargs)
        else:
            ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads
                          if isinstance(q.graph_name, ox.NamedNode)), out, rdf_format, **kwargs)

    def count(self) -> int:
        res = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER({_NOT_FOREIGN}) }}")
        return int(res.rows[0]["n"])


def _ox_term(b: dict[str, str]) -> Any:
    """A SPARQL JSON results term as a pyoxigraph term."""
    import re

    import pyoxigraph as ox

    kind, v = b["type"], b["value"]
    if kind == "uri":
        return ox.NamedNode(v)
    if kind == "bnode":
        return ox.BlankNode(re.sub(r"[^A-Za-z0-9_]", "_", v))
    if "xml:lang" in b:
        return ox.Literal(v, language=b["xml:lang"])
    return ox.Literal(v, datatype=ox.NamedNode(b["datatype"])) if b.get("datatype") else ox.Literal(v)


def _json_value(b: dict[str, str] | None) -> Any:
    if b is None:
        return None
    v = b["value"]
    dt = b.get("datatype", "")
    if dt.endswith("#integer"):
        return int(v)
    if dt.endswith(("#double", "#decimal", "#float")):
        return float(v)
    if dt.endswith("#boolean"):
        return v == "true"
    return v


VARNAME = re.compile(r"[A-Za-z_0-9\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D"
                     r"\u203F-\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]+")
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def rdf_term(v: Any) -> str:
    """A Python value as a SPARQL term: booleans and numbers typed, `<...>` an IRI when it is one, any
    other text a string literal with its quotes, backslashes and line breaks escaped."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return f'"{v!r}"^^<{XSD_NS}double>'
    s = str(v)
    if s.startswith("<") and s.endswith(">") and len(s) > 2 and not _IRI_FORBIDDEN.search(s[1:-1]):
        return s
    escaped = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def bind_values(sparql: str, bindings: Mapping[str, Any]) -> str:
    """Bind variables as a VALUES block of escaped RDF terms at the top of the WHERE clause.

    Values are serialised as terms (`rdf_term`), never pasted into the query; a name that is not a
    SPARQL variable name is refused (`QueryError`), so neither can change the query's shape.
    """
    bad = [n for n in bindings if not VARNAME.fullmatch(n)]
    if bad:
        raise QueryError(f"parameter name {bad[0]!r} is not a SPARQL variable name (letters, digits, _)")
    term = rdf_term
    names = list(bindings)
    values = "VALUES (" + " ".join(f"?{n}" for n in names) + ") { (" + " ".join(term(bindings[n]) for n in names) + ") }"
    # a query may say where its parameters belong (inside a GRAPH block, so that Oxigraph looks the
    # value up first instead of joining it with the whole store afterwards)
    marker = re.search(r"^[ \t]*# parameters are bound here[^\n]*$", sparql, re.M)
    if marker:
        return sparql[: marker.start()] + values + sparql[marker.end():]
    m = re.search(r"\bWHERE\s*\{", sparql, re.I) or re.search(r"\{", sparql)
    if not m:
        return sparql
    return sparql[: m.end()] + " " + values + " " + sparql[m.end():]


def open_store(store: str | Path | None = None, endpoint: str | None = None, read_only: bool = False,
               update_url: str | None = None, store_url: str | None = None, profile: str | None = None) -> Store:
    """The remote endpoint if given (see `endpoint_urls` for the other URLs), else the embedded store at
    `store` (or the default folder).

    Read-only opens (queries, exports) can run beside a process that is ingesting.
    """
    if endpoint:
        return RemoteStore(endpoint, update_url, store_url, profile)
    return OxigraphStore(store or default_store_path(), read_only=read_only)


_CHILD = "from ofsted_kg.store import _child_select; _child_select()"


def _select_in_child(path: Path, sparql: str, timeout: float) -> QueryResult:
    """`OxigraphStore(path, read_only=True).select(sparql)` in a child process, killed after `timeout` s."""
    import pickle
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", _CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        out, err = proc.communicate(pickle.dumps((str(path), sparql)), timeout=timeout)
    except subprocess.TimeoutExpired:
        raise QueryTimeout(f"the query ran past its time limit of {timeout:g} s and was stopped") from None
    finally:
        if proc.poll() is None:  # timed out, or this process was interrupted: the query goes too
            proc.kill()
            proc.communicate()
    if proc.returncode != 0 or not out:
        last = (err.decode("utf-8", "replace").strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
        raise StoreError(f"{path}: the query's process failed ({last})")
    kind, payload = pickle.loads(out)  # noqa: S301 (our own child's answer)
    if kind == "syntax":
        raise QuerySyntaxError(payload)
    if kind == "error":
        raise StoreError(payload)
    assert isinstance(payload, QueryResult)
    return payload


def _child_select() -> None:
    """The child of `_select_in_child`: (store folder, query) pickled on stdin, the outcome on stdout."""
    import pickle
    import sys

    from ofsted_kg.pipeline import _die_with_parent

    _die_with_parent()
    path, sparql = pickle.loads(sys.stdin.buffer.read())  # noqa: S301
    outcome: tuple[str, Any]
    try:
        outcome = ("ok", OxigraphStore(path, read_only=True).select(sparql))
    except QuerySyntaxError as e:
        outcome = ("syntax", str(e))
    except StoreError as e:
        outcome = ("error", str(e))
    except OSError as e:
        outcome = ("error", f"{path}: {e}")
    sys.stdout.buffer.write(pickle.dumps(outcome))
    sys.stdout.buffer.flush()
