"""`ofsted-kg ingest`, `query`, `export`, `publish`: the store and what can be asked of it."""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ofsted_kg.cli.output import report_problems
from ofsted_kg.output_formats import check_format

if TYPE_CHECKING:
    from ofsted_kg.store import Store

StoreOpt = Annotated[Path | None, typer.Option(
    "--store", envvar="OFSTED_KG_STORE", help="Store folder (default: the user data folder, e.g. ~/.local/share/ofsted-kg/store).")]
EndpointOpt = Annotated[str | None, typer.Option(
    "--endpoint", help="A remote SPARQL 1.1 store's query URL instead of the local store (an Oxigraph server's "
    "base URL still works; credentials from OFSTED_KG_ENDPOINT_USER / OFSTED_KG_ENDPOINT_PASSWORD).")]
UpdateUrlOpt = Annotated[str | None, typer.Option(
    "--update-url", envvar="OFSTED_KG_UPDATE_URL", help="The store's SPARQL update URL (default: from "
    "--endpoint-profile, else Oxigraph's /update beside /query, else the query URL).")]
StoreUrlOpt = Annotated[str | None, typer.Option(
    "--store-url", envvar="OFSTED_KG_STORE_URL", help="The store's Graph Store Protocol URL (default: from "
    "--endpoint-profile, else Oxigraph's /store beside /query, else none: graphs written by SPARQL updates).")]
ProfileOpt = Annotated[str | None, typer.Option(
    "--endpoint-profile", envvar="OFSTED_KG_ENDPOINT_PROFILE",
    help="The store's URL layout: oxigraph, fuseki, graphdb or virtuoso.")]


@dataclass(frozen=True)
class StoreLocation:
    """Where a command finds the store: the embedded store's folder, or an endpoint and its URL layout."""

    store: Path | None = None
    endpoint: str | None = None
    update_url: str | None = None
    store_url: str | None = None
    endpoint_profile: str | None = None

    def open(self, read_only: bool = False) -> Store:
        """The store, or the endpoint; a store that cannot be opened is one error line and exit 2."""
        from ofsted_kg.store import StoreError, open_store

        try:
            st = open_store(self.store, self.endpoint, read_only, self.update_url, self.store_url,
                            self.endpoint_profile)
        except StoreError as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(2) from None
        if st.unrecovered:
            typer.echo(f"warning: {self.store or 'the store'}: an interrupted bulk load left {len(st.unrecovered)} "
                       "graph(s) partly loaded; any ingest removes them (then ingest their letters again)", err=True)
        return st


# the options that make a StoreLocation, in the order `--help` lists them
_LOCATION_OPTIONS = {"store": StoreOpt, "endpoint": EndpointOpt, "update_url": UpdateUrlOpt, "store_url": StoreUrlOpt,
                     "endpoint_profile": ProfileOpt}


def store_options(command: Callable[..., None]) -> Callable[..., None]:
    """`command` with the store options (--store, --endpoint, --update-url, --store-url, --endpoint-profile)
    where its `where: StoreLocation` parameter stands; it is called with them as one `StoreLocation`."""
    signature = inspect.signature(command, eval_str=True)
    params: list[inspect.Parameter] = []
    for p in signature.parameters.values():
        if p.name == "where":
            params += [inspect.Parameter(name, p.kind, default=None, annotation=option)
                       for name, option in _LOCATION_OPTIONS.items()]
        else:
            params.append(p)

    @functools.wraps(command)
    def run(**kwargs: Any) -> None:
        command(where=StoreLocation(**{name: kwargs.pop(name) for name in _LOCATION_OPTIONS}), **kwargs)

    run.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in params}
    return run


@store_options
def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help="Letter files or folders.")] = None,
    where: StoreLocation = StoreLocation(),  # noqa: B008 (replaced by the store options: see store_options)
    remove: Annotated[list[str] | None, typer.Option("--remove", help="Retract a letter (its IRI or its file).")] = None,
    base: Annotated[str | None, typer.Option("--base", envvar="OFSTED_KG_BASE", help="Base IRI for instance data.")] = None,
    overrides: Annotated[Path | None, typer.Option("--overrides", help="CSV of people merges/splits.")] = None,
    bulk: Annotated[bool, typer.Option("--bulk", help="Load batches with the store's bulk loader: about three "
                                       "times cheaper, for large first loads (journalled; see the README).")] = False,
    workers: Annotated[int | None, typer.Option("--workers", help="Processes for reading, building and validating "
                                                "(default: the number of cores).")] = None,
) -> None:
    """Extract, build, validate and load letters, one named graph each (re-ingesting replaces a letter)."""
    from ofsted_kg.api import ingest as run_ingest
    from ofsted_kg.api import remove_letter
    from ofsted_kg.store import StoreError

    st = where.open()
    try:
        for letter in remove or []:
            gone = remove_letter(st, letter, base)  # the statistics lose its counts
            typer.echo(f"removed {len(gone)} letter graph(s) for {letter}" if gone else f"warning: {letter}: not in the store",
                       err=not gone)
        if not paths:
            if not remove:
                typer.echo("error: give letters to ingest or --remove LETTER", err=True)
                raise typer.Exit(2)
            return
        with _progress() as progress:
            result = run_ingest(paths, st, base=base, overrides=overrides, progress=progress, workers=workers, bulk=bulk)
    except StoreError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    report_problems(result.problems)
    typer.echo(f"{len(result.loaded)} letter(s) loaded, {len(result.quarantined)} quarantined; "
               f"{result.triples_before} -> {result.triples_after} quads", err=True)
    if result.failed:
        raise typer.Exit(1)


class _progress:
    """A rich progress bar on stderr when it is a terminal; nothing when output is piped or in CI."""

    def __enter__(self) -> _progress:
        self.bar = None
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(transient=True, console=Console(stderr=True))
            self.bar.start()
            self.task = self.bar.add_task("ingesting", total=None)
        return self

    def __call__(self, done: int, total: int, stage: str = "ingesting") -> None:
        if self.bar is not None:
            self.bar.update(self.task, completed=done, total=total or None, description=stage)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@store_options
def query(
    name: Annotated[str | None, typer.Argument(help="A library query name (see --list) or a .rq file.")] = None,
    sparql: Annotated[str | None, typer.Option("--sparql", help="SPARQL text to run.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE, bound as a value.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the library's queries.")] = False,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    where: StoreLocation = StoreLocation(),  # noqa: B008 (replaced by the store options: see store_options)
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds the query may run before it is stopped "
                                           "(0: no limit).", min=0)] = 60.0,
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Let a SERVICE pattern make the embedded "
                                                "store send requests to other hosts (refused by default).")] = False,
) -> None:
    """Ask a question across all letters: a named query from the library, a .rq file, or --sparql."""
    from ofsted_kg.queries.library import (
        QueryError,
        library,
        load_query,
        print_result,
        resolve_person_params,
        run_query,
    )
    from ofsted_kg.store import QuerySyntaxError, StoreError

    check_format("query", format)  # before --list too: an unknown format is refused whatever is asked
    if list_:
        for q in library():
            params = ", ".join(q.params) or "-"
            typer.echo(f"{q.name:34} {q.title}  [params: {params}]")
        return
    try:
        q = load_query(name, sparql)
        bindings = q.bind(param or [])
    except QueryError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    st = where.open(read_only=True)
    try:
        bindings = resolve_person_params(bindings, st)
        result = run_query(st, q, bindings, allow_service=allow_service, timeout=timeout)
    except QueryError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    except QuerySyntaxError as e:
        typer.echo(f"error: SPARQL syntax: {e}", err=True)
        raise typer.Exit(2) from None
    except StoreError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    print_result(result, format)
    if "listings" in q.needs:
        from ofsted_kg.graph.listing import lacks_listings, needed_version

        if lacks_listings(st, needed_version(q.needs)):
            typer.echo("warning: this store holds letters loaded by an earlier version, which this query "
                       "cannot see yet; any ingest into the store (even of one letter) brings them in", err=True)


@store_options
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="turtle, trig, nquads, ntriples, jsonld or rdfxml.")] = "trig",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default stdout).")] = None,
    where: StoreLocation = StoreLocation(),  # noqa: B008 (replaced by the store options: see store_options)
    include_internal: Annotated[bool, typer.Option("--include-internal", help="Also write the store's internal "
                                "graphs (layout and statistics marks, letters' listing graphs), left out by default.")] = False,
) -> None:
    """Write the whole store in an RDF format, streamed, with prefixes; named graphs kept in quad formats."""
    from ofsted_kg.store import StoreError

    check_format("export", format)
    st = where.open(read_only=True)
    try:
        if output is None:
            st.dump(sys.stdout.buffer, format, include_internal)
            sys.stdout.buffer.flush()
        else:
            from ofsted_kg.atomic import atomic_output

            with atomic_output(output) as fh:  # never a half-written file, never written through a link
                st.dump(fh, format, include_internal)
    except StoreError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None


@store_options
def publish(
    folder: Annotated[Path, typer.Argument(help="Folder to write (created if missing; replaced if publish wrote it).")],
    where: StoreLocation = StoreLocation(),  # noqa: B008 (replaced by the store options: see store_options)
    base_url: Annotated[str | None, typer.Option(
        "--base-url", help="Public URL the folder will be served at; instance IRIs are published under BASE_URL/id/.")] = None,
    publisher: Annotated[str | None, typer.Option("--publisher", help="Who publishes the data (a name).")] = None,
    publisher_url: Annotated[str | None, typer.Option("--publisher-url", help="The publisher's web address.")] = None,
    publisher_type: Annotated[str | None, typer.Option(
        "--publisher-type", help="The publisher's ADMS publisher type, such as NationalAuthority or "
        "NonProfitOrganisation (default: PrivateIndividual(s) for the default publisher, else none).")] = None,
    contact: Annotated[str | None, typer.Option("--contact", help="Contact point: an e-mail address or a URL.")] = None,
    sparql_endpoint: Annotated[str | None, typer.Option(
        "--sparql-endpoint", help="Public SPARQL endpoint of the data (void:sparqlEndpoint, a DCAT data service).")] = None,
    version: Annotated[str | None, typer.Option("--dataset-version", help="Version of the dataset, in the dump "
                                                "names (default: today, YYYY-MM-DD).")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="TOML file whose [publish] table gives publisher, "
                                                "publisher_url, publisher_type, contact, sparql_endpoint, version (options win).")] = None,
    pages: Annotated[bool, typer.Option("--pages/--no-pages", help="Write a page per resource under doc/.")] = True,
) -> None:
    """Write a static linked-data site: dumps, a page per resource, landing page, catalogue, server configs."""
    from dataclasses import replace

    from ofsted_kg.catalogue import Publisher
    from ofsted_kg.errors import OfstedKgError
    from ofsted_kg.graph.vocab import DEFAULT_BASE
    from ofsted_kg.publish import check_base_url, check_folder
    from ofsted_kg.publish import publish as run_publish

    try:  # bad options and folders are refused before the store is opened
        if base_url:
            check_base_url(base_url)
        check_folder(folder)
        who = Publisher.from_config(config) if config else Publisher()
        given = {"name": publisher, "url": publisher_url, "type": publisher_type, "contact": contact,
                 "sparql_endpoint": sparql_endpoint, "version": version}
        who = replace(who, **{k: v for k, v in given.items() if v is not None})
    except OfstedKgError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    st = where.open(read_only=True)
    try:
        files = run_publish(st, folder, DEFAULT_BASE, base_url, who, pages)
    except OfstedKgError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    for f in files:
        typer.echo(str(f))


def quarantine(
    show: Annotated[str | None, typer.Option("--show", help="Print one quarantined letter's held graph "
                                             "(its IRI) as N-Triples.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
) -> None:
    """List the letters that failed validation and were kept apart, with each violation in words."""
    import json

    from ofsted_kg.quarantine import held_triples, quarantined
    from ofsted_kg.store import StoreError

    check_format("quarantine", format)
    st = StoreLocation(store, endpoint).open(read_only=True)
    try:
        if show is not None:
            held = held_triples(st, show)
            if held is None:
                typer.echo(f"error: {show}: not quarantined in this store", err=True)
                raise typer.Exit(2)
            sys.stdout.write(held)
            return
        entries = quarantined(st)
    except StoreError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    if format == "json":
        typer.echo(json.dumps([entry.as_json() for entry in entries], indent=2, ensure_ascii=False))
        return
    for entry in entries:
        typer.echo(f"{entry.source}: {entry.letter} (quarantined {entry.quarantined})")
        for message in entry.violations:
            typer.echo(f"  - {message}")
    typer.echo(f"{len(entries)} letter(s) quarantined", err=True)


def serve(
    store: StoreOpt = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on (0: a free one).")] = 8000,
    base_url: Annotated[str | None, typer.Option(
        "--base-url", help="Publish the IRIs under this URL (default: keep them; /id/X answers for BASE/id/X).")] = None,
) -> None:
    """Serve a store as linked data: pages, landing page and a SPARQL 1.1 endpoint (Oxigraph) at /sparql."""
    import contextlib
    import signal

    from ofsted_kg.errors import OfstedKgError
    from ofsted_kg.serve import running
    from ofsted_kg.store import default_store_path

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt  # SIGTERM stops as Ctrl-C does: the Oxigraph server is stopped with it

    signal.signal(signal.SIGTERM, stop)
    try:
        with running(store or default_store_path(), host, port, base_url) as (server, url):
            typer.echo(f"serving {url} (SPARQL endpoint {url}sparql); Ctrl-C stops", err=True)
            with contextlib.suppress(KeyboardInterrupt):
                server.serve_forever()
    except OfstedKgError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
