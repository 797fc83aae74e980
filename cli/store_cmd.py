"""`ofsted-kg ingest`, `query`, `export`, `publish`: the store and what can be asked of it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ofsted_kg.cli.output import report_problems

if TYPE_CHECKING:
    from ofsted_kg.store import Store

StoreOpt = Annotated[Path | None, typer.Option(
    "--store", envvar="OFSTED_KG_STORE", help="Store folder (default: the user data folder, e.g. ~/.local/share/ofsted-kg/store).")]
EndpointOpt = Annotated[str | None, typer.Option(
    "--endpoint", help="A remote SPARQL 1.1 endpoint instead of the local store (credentials from "
    "OFSTED_KG_ENDPOINT_USER / OFSTED_KG_ENDPOINT_PASSWORD).")]


def _open(store: Path | None, endpoint: str | None, read_only: bool = False) -> Store:
    from ofsted_kg.store import StoreError, open_store

    try:
        st = open_store(store, endpoint, read_only)
    except StoreError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    unrecovered = getattr(st, "unrecovered", [])
    if unrecovered:
        typer.echo(f"warning: {store or 'the store'}: an interrupted bulk load left {len(unrecovered)} graph(s) "
                   "partly loaded; any ingest removes them (then ingest their letters again)", err=True)
    return st


def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help="Letter files or folders.")] = None,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
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

    st = _open(store, endpoint)
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


def query(
    name: Annotated[str | None, typer.Argument(help="A library query name (see --list) or a .rq file.")] = None,
    sparql: Annotated[str | None, typer.Option("--sparql", help="SPARQL text to run.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE, bound as a value.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the library's queries.")] = False,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds the query may run before it is stopped "
                                           "(0: no limit).", min=0)] = 60.0,
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Let a SERVICE pattern make the embedded "
                                                "store send requests to other hosts (refused by default).")] = False,
) -> None:
    """Ask a question across all letters: a named query from the library, a .rq file, or --sparql."""
    from ofsted_kg.queries.library import QueryError, library, load_query, print_result, run_query
    from ofsted_kg.store import QuerySyntaxError, StoreError

    if list_:
        for q in library():
            params = ", ".join(q.params) or "-"
            typer.echo(f"{q.name:34} {q.title}  [params: {params}]")
        return
    if format not in ("table", "csv", "tsv", "json"):
        typer.echo(f"error: unknown --format {format!r}; known: table, csv, tsv, json", err=True)
        raise typer.Exit(2)
    try:
        q = load_query(name, sparql)
        bindings = q.bind(param or [])
    except QueryError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    st = _open(store, endpoint, read_only=True)
    try:
        result = run_query(st, q, bindings, allow_service=allow_service, timeout=timeout)
    except QuerySyntaxError as e:
        typer.echo(f"error: SPARQL syntax: {e}", err=True)
        raise typer.Exit(2) from None
    except StoreError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    print_result(result, format)
    if "listings" in q.needs:
        from ofsted_kg.graph.listing import lacks_listings

        if lacks_listings(st):
            typer.echo("warning: this store holds letters loaded by an earlier version, which this query "
                       "cannot see yet; any ingest into the store (even of one letter) brings them in", err=True)


def export(
    format: Annotated[str, typer.Option("--format", "-f", help="turtle, trig, nquads, ntriples, jsonld or rdfxml.")] = "trig",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default stdout).")] = None,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
) -> None:
    """Write the whole store in an RDF format, streamed, with prefixes; named graphs kept in quad formats."""
    from ofsted_kg.store import OX_FORMATS, StoreError

    if format not in OX_FORMATS:
        typer.echo(f"error: unknown --format {format!r}; known: {', '.join(OX_FORMATS)}", err=True)
        raise typer.Exit(2)
    st = _open(store, endpoint, read_only=True)
    try:
        if output is None:
            st.dump(sys.stdout.buffer, format)
            sys.stdout.buffer.flush()
        else:
            from ofsted_kg.atomic import atomic_output

            with atomic_output(output) as fh:  # never a half-written file, never written through a link
                st.dump(fh, format)
    except StoreError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None


def publish(
    folder: Annotated[Path, typer.Argument(help="Folder to write (created if missing).")],
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    base_url: Annotated[str | None, typer.Option("--base-url", help="Public URL the folder will be served at.")] = None,
) -> None:
    """Write a folder a portal can serve as-is: dumps, VoID/DCAT description, ontology, themes, shapes."""
    from ofsted_kg.graph.vocab import DEFAULT_BASE
    from ofsted_kg.publish import publish as run_publish
    from ofsted_kg.store import StoreError

    st = _open(store, endpoint, read_only=True)
    try:
        files = run_publish(st, folder, DEFAULT_BASE, base_url)
    except StoreError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    for f in files:
        typer.echo(str(f))
