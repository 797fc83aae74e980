"""Safe by default (issue 21, items 4-6): credentials never shown nor sent elsewhere, SERVICE refused,
queries stopped at a time limit, parameter names checked, writes that stay in their folder, and one
line with exit 2 for each ordinary mistake. Time limits here are hang guards, never measures."""

from __future__ import annotations

import base64
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from ofsted_kg.api import IngestInterrupted, ingest
from ofsted_kg.cli.app import app
from ofsted_kg.errors import redact
from ofsted_kg.queries.library import QueryError, load_query, query_variables, uses_service
from ofsted_kg.store import OxigraphStore, StoreError, bind_values, split_credentials

from .conftest import EXAMPLES

runner = CliRunner()
LETTERS = sorted(EXAMPLES.glob("*.txt"))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("safe") / "store"
    st = OxigraphStore(path)
    assert not ingest(LETTERS, st, workers=1).failed
    st.flush()
    del st
    return path


def one_error_line(result: Any) -> str:
    """The run ended with exit 2 and one line on stderr, which is returned."""
    assert result.exit_code == 2, (result.exit_code, result.stderr, repr(result.exception))
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return str(lines[0])


# --- credentials ----------------------------------------------------------------------------------

class _Recorder(http.server.BaseHTTPRequestHandler):
    """Records each request's path and Authorization header; answers as the server's `answer` says."""

    def do_POST(self) -> None:  # noqa: N802 (the standard library's name)
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.seen.append((self.path, self.headers.get("Authorization")))  # type: ignore[attr-defined]
        status, headers, body = self.server.answer  # type: ignore[attr-defined]
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST  # noqa: N815

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture()
def servers() -> Iterator[tuple[http.server.HTTPServer, http.server.HTTPServer]]:
    """Two local HTTP servers on different ports: two origins."""
    made = []
    for _ in range(2):
        srv = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
        srv.seen = []  # type: ignore[attr-defined]
        srv.answer = (200, {"Content-Type": "application/sparql-results+json"}, b'{"head": {}, "boolean": true}')  # type: ignore[attr-defined]
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        made.append(srv)
    yield made[0], made[1]
    for srv in made:
        srv.shutdown()
        srv.server_close()


def _url(srv: http.server.HTTPServer, userinfo: str = "") -> str:
    return f"http://{userinfo}127.0.0.1:{srv.server_address[1]}/query"


def test_redact_hides_the_credentials_of_every_url() -> None:
    assert redact("error: https://bob:s3cret@host:7878/query: HTTP 500; see http://x@y/") == \
        "error: https://***@host:7878/query: HTTP 500; see http://***@y/"
    assert redact("no url, a@b.c") == "no url, a@b.c"
    assert split_credentials("http://bob:p%40ss@host/query") == ("http://host/query", "bob", "p@ss")


def test_credentials_in_the_url_are_sent_to_that_host_and_never_printed(servers: Any,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OFSTED_KG_ENDPOINT_USER", raising=False)
    ok, _ = servers
    result = runner.invoke(app, ["query", "--endpoint", _url(ok, "bob:s3cret@"), "--sparql", "ASK {}", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert ok.seen == [("/query", "Basic " + base64.b64encode(b"bob:s3cret").decode())]
    ok.answer = (500, {"Content-Type": "text/plain"}, b"broken")
    result = runner.invoke(app, ["query", "--endpoint", _url(ok, "bob:s3cret@"), "--sparql", "ASK {}"])
    line = one_error_line(result)
    assert "s3cret" not in result.output + result.stderr and "bob" not in line
    assert line == f"error: {_url(ok)}: HTTP 500: broken"


def test_a_closed_endpoint_with_credentials_is_one_line_without_them() -> None:
    result = runner.invoke(app, ["ingest", "--endpoint", "http://bob:s3cret@127.0.0.1:9/query", str(LETTERS[0])])
    line = one_error_line(result)
    assert "s3cret" not in line and "bob" not in line and "cannot reach the endpoint" in line


@pytest.mark.parametrize("code,command", [(302, "query"), (303, "query"), (307, "export"), (308, "query")])
def test_a_redirect_is_an_error_and_sends_nothing_to_the_other_host(servers: Any, monkeypatch: pytest.MonkeyPatch,
                                                                    code: int, command: str) -> None:
    monkeypatch.setenv("OFSTED_KG_ENDPOINT_USER", "bob")
    monkeypatch.setenv("OFSTED_KG_ENDPOINT_PASSWORD", "s3cret")
    first, other = servers
    first.answer = (code, {"Location": _url(other)}, b"")
    other.answer = (200, {"Content-Type": "application/sparql-results+json"}, b'{"head": {}, "boolean": false}')
    args = ["--sparql", "ASK {}"] if command == "query" else ["--format", "nquads"]
    result = runner.invoke(app, [command, "--endpoint", _url(first), *args])
    line = one_error_line(result)
    asked = _url(first) if command == "query" else _url(first).replace("/query", "/store")
    assert line == (f"error: {asked}: the endpoint answered with a redirect (HTTP {code}) to {_url(other)}; "
                    "it was not followed (give the address it names, if you trust it)")
    assert len(first.seen) == 1 and other.seen == []
    assert result.stdout == ""


# --- SERVICE --------------------------------------------------------------------------------------

@pytest.mark.parametrize("sparql,service", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", True),
    ("select * { optional { sErViCe SILENT ?where { ?s ?p ?o } } }", True),
    ("PREFIX s: <urn:x:> SELECT * { ?service s:service 'SERVICE <x> { }' } # SERVICE <x> {", False),
    ('SELECT * { ?s ?p """a\nSERVICE <http://x/> { ?a ?b ?c }""" }', False),
    ("SELECT * { ?s <http://x/service> ?o }", False),
])
def test_service_is_found_by_the_parser(sparql: str, service: bool) -> None:
    assert uses_service(sparql) is service


def test_service_is_refused_by_the_embedded_store_unless_allowed(store: Path) -> None:
    sparql = "SELECT * WHERE { OPTIONAL { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } } }"
    line = one_error_line(runner.invoke(app, ["query", "--store", str(store), "--sparql", sparql]))
    assert line == ("error: query '--sparql' uses SERVICE, which makes the store send requests to other hosts; "
                    "refused (give --allow-service to allow it)")
    result = runner.invoke(app, ["query", "--store", str(store), "--sparql", sparql, "--allow-service", "-f", "csv"])
    assert result.exit_code == 0, result.stderr  # SILENT: the closed port gives no rows, not an error


# --- time limits ----------------------------------------------------------------------------------

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # 10^16 rows


def test_an_embedded_query_is_stopped_at_its_time_limit(store: Path) -> None:
    result = runner.invoke(app, ["query", "--store", str(store), "--sparql", CARTESIAN, "--timeout", "1"])
    assert one_error_line(result) == ("error: the query ran past its time limit of 1 s and was stopped "
                                      "(--timeout SECONDS gives it longer; 0 for no limit)")


def test_a_query_within_its_limit_answers_as_before(store: Path) -> None:
    args = ["query", "--store", str(store), "inspectors-of-authority", "-p", "authority=Worcestershire", "-f", "csv"]
    limited, unlimited = runner.invoke(app, args), runner.invoke(app, [*args, "--timeout", "0"])
    assert limited.exit_code == 0 and limited.stdout == unlimited.stdout
    assert "Waugh" in limited.stdout


def test_an_endpoint_that_does_not_answer_is_stopped_at_the_time_limit() -> None:
    import socket

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # accepts connections (the kernel's backlog) and never answers
    try:
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/query"
        result = runner.invoke(app, ["query", "--endpoint", url, "--sparql", "ASK {}", "--timeout", "1"])
        assert one_error_line(result) == (f"error: {url}: no answer within 1 s (--timeout SECONDS gives it longer; "
                                          "0 for no limit)")
    finally:
        silent.close()


# --- parameters -----------------------------------------------------------------------------------

def test_a_crafted_parameter_name_cannot_change_the_query(store: Path) -> None:
    base = ["query", "--store", str(store), "inspectors-of-authority", "-p", "authority=Worcestershire", "-f", "csv"]
    line = one_error_line(runner.invoke(app, [*base, "-p", "letter) { (<urn:none>) } #=1"]))
    assert line == ("error: query 'inspectors-of-authority' has no parameter 'letter) { (<urn:none>) } #'; "
                    "it takes: authority")
    sparql = ["query", "--store", str(store), "--sparql", "SELECT ?letter WHERE { GRAPH ?letter { ?letter a ?c } }"]
    line = one_error_line(runner.invoke(app, [*sparql, "-p", "letter) { (<urn:none>) } #=1"]))
    assert line.endswith("has no parameter 'letter) { (<urn:none>) } #'; it takes: letter, c")
    with pytest.raises(QueryError, match="not a SPARQL variable name"):
        bind_values("SELECT * { ?s ?p ?o }", {"s) { (<urn:none>) } #": 1})


def test_values_are_bound_as_terms(store: Path) -> None:
    q = load_query(None, "SELECT ?letter WHERE { GRAPH ?letter { ?letter a ?c } }")
    assert query_variables(q.text) == ["letter", "c"]
    for hostile in ['x" } #', "x\\", "<urn:a> } UNION { ?letter ?p ?o }", "line\nbreak"]:
        result = runner.invoke(app, ["query", "--store", str(store), "--sparql", q.text, "-p", f"c={hostile}",
                                     "-f", "json"])
        assert result.exit_code == 0, (hostile, result.stderr)
        assert result.stdout.strip() == "[]", hostile  # a string matches no class: no rows, no other shape
    assert 'VALUES (?n) { ("1.5"^^<http://www.w3.org/2001/XMLSchema#double>) }' in bind_values("SELECT * {}", {"n": 1.5})


# --- writes that stay in their folder -------------------------------------------------------------

def test_export_writes_atomically_and_never_through_a_link(store: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    out = tmp_path / "site"
    out.mkdir()
    for name in ("dump.trig", "dump.trig.part"):  # the file and the old temporary name, both links out
        (out / name).symlink_to(outside)
    result = runner.invoke(app, ["export", "--store", str(store), "-o", str(out / "dump.trig")])
    assert result.exit_code == 0, result.stderr
    assert outside.read_text() == "keep me"
    assert not (out / "dump.trig").is_symlink() and "okg:" in (out / "dump.trig").read_text()
    assert sorted(p.name for p in out.iterdir()) == ["dump.trig", "dump.trig.part"]  # no temporary file left


def test_publish_refuses_a_link_out_of_its_folder(store: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.ttl"
    outside.write_text("keep me")
    folder = tmp_path / "pub"
    folder.mkdir()
    (folder / "void.ttl").symlink_to(outside)
    line = one_error_line(runner.invoke(app, ["publish", "--store", str(store), str(folder)]))
    assert line == (f"error: {folder / 'void.ttl'}: is a symbolic link out of the folder (to {outside}); nothing is "
                    "written through it (remove it)")
    assert outside.read_text() == "keep me" and sorted(p.name for p in folder.iterdir()) == ["void.ttl"]


# --- one line, exit 2 -----------------------------------------------------------------------------

def test_ordinary_mistakes_are_one_line_and_exit_2(store: Path, tmp_path: Path) -> None:
    s = ["--store", str(store)]
    (tmp_path / "a-file").write_text("x")
    cases = {
        ("ingest", *s, "--remove", str(tmp_path / "missing.txt")): f"error: {tmp_path / 'missing.txt'}: no such file",
        ("ingest", *s, "--remove", "http://x y"):
            'error: http://x y: is not an IRI (it holds a space, a control character or one of <>"{}|^`\\); '
            "give a letter's IRI or its file",
        ("export", *s, "-o", str(tmp_path / "nowhere" / "x.trig")):
            f"error: {tmp_path / 'nowhere'}: no such folder (create it first)",
        ("publish", *s, str(tmp_path / "a-file")): f"error: {tmp_path / 'a-file'}: is a file, not a folder to publish into",
        ("publish", *s, str(tmp_path / "pub"), "--base-url", "http://data.example.org/my data"):
            "error: --base-url 'http://data.example.org/my data': give an absolute http(s) URL without spaces, "
            "query or fragment, such as https://data.example.org/ofsted",
    }
    for args, expected in cases.items():
        assert one_error_line(runner.invoke(app, list(args))) == expected, args
    assert not (tmp_path / "pub").exists()  # the bad --base-url was refused before anything was written


def test_a_store_that_fails_midway_names_the_files_to_ingest_again(tmp_path: Path) -> None:
    class GoesAway(OxigraphStore):
        loads = 0

        def replace_graphs(self, graphs: list[tuple[str, str]], bulk: bool = False) -> None:
            GoesAway.loads += 1
            if GoesAway.loads == 3:
                raise StoreError("http://host/update: the endpoint broke off (ConnectionResetError)")
            super().replace_graphs(graphs, bulk)

    with pytest.raises(IngestInterrupted) as caught:
        ingest(LETTERS, GoesAway(tmp_path / "store"), workers=1)
    names = [str(p) for p in LETTERS]
    assert str(caught.value) == (
        "http://host/update: the endpoint broke off (ConnectionResetError); 2 file(s) were loaded before it, each "
        f"letter whole; ingest again the 3 file(s) not loaded: {', '.join(names[2:])}")
    assert caught.value.todo == names[2:]


def _commands(group: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    import typer.main

    click_group = typer.main.get_command(group) if isinstance(group, typer.Typer) else group
    for name, cmd in click_group.commands.items():  # type: ignore[attr-defined]
        yield (*prefix, name)
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, (*prefix, name))


def test_every_command_has_help() -> None:
    commands = list(_commands(app))
    assert {"ingest", "query", "export", "publish", "extract", "validate"} <= {c[0] for c in commands}
    for command in commands:
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0, (command, result.output)
        assert "Usage:" in result.output and len(result.output.splitlines()) > 3, command


def test_a_fault_that_is_not_a_user_mistake_still_shows_its_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import ofsted_kg.queries.library as library

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OSError("not about a file")  # no filename: a fault, not a mistake

    monkeypatch.setattr(library, "library", broken)
    result = runner.invoke(app, ["query", "--list"])
    assert isinstance(result.exception, OSError) and not isinstance(result.exception, typer.Exit)
