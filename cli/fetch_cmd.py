"""`ofsted-kg fetch`: download the documents from Ofsted's reports site (and, with --ingest, load the new ones)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ofsted_kg.cli.output import report_problems
from ofsted_kg.cli.store_cmd import EndpointOpt, StoreLocation, StoreOpt, _progress
from ofsted_kg.site import CATEGORIES, DEFAULT_BASE_URL

if TYPE_CHECKING:
    from ofsted_kg.fetch import FetchResult


def fetch(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to download into, one sub-folder per "
                                         "authority, with manifest.jsonl.")] = Path("ofsted-documents"),
    authority: Annotated[list[str] | None, typer.Option("--authority", "-a", help="An authority's name or Ofsted "
                                                        "URN; repeat for several (default: every authority).")] = None,
    kind: Annotated[list[str] | None, typer.Option("--kind", "-k", help=f"{', '.join(CATEGORIES)}, or words of the "
                                                   "site's description ('joint targeted'); repeatable.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only documents the site dates on or after "
                                              "YYYY-MM-DD.")] = None,
    base_url: Annotated[str, typer.Option("--base-url", help="The reports site.")] = DEFAULT_BASE_URL,
    delay: Annotated[float, typer.Option("--delay", help="Seconds between requests.", min=0)] = 1.0,
    retries: Annotated[int, typer.Option("--retries", help="Retries of a request answered 429 or 5xx, or cut "
                                         "off, with exponential backoff.", min=0)] = 5,
    ingest: Annotated[bool, typer.Option("--ingest", help="Then ingest the fetched documents the store does not "
                                         "hold yet (new ones, or ones a failed ingest left out).")] = False,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    base: Annotated[str | None, typer.Option("--base", envvar="OFSTED_KG_BASE", help="Base IRI for instance data "
                                             "(with --ingest).")] = None,
    workers: Annotated[int | None, typer.Option("--workers", help="Processes for ingesting (with --ingest).")] = None,
) -> None:
    """Download letters and reports on local authorities' children's services from Ofsted's reports site.

    Only what the folder lacks is downloaded: a re-run fetches what is new. Prints each downloaded file.
    """
    from ofsted_kg.fetch import Client, FetchError
    from ofsted_kg.fetch import fetch as run_fetch
    from ofsted_kg.site import SiteChanged

    try:
        since_date = dt.date.fromisoformat(since) if since else None
    except ValueError:
        typer.echo(f"error: --since {since!r} is not a date (YYYY-MM-DD)", err=True)
        raise typer.Exit(2) from None
    try:
        with Client(delay=delay, retries=retries) as client, _progress() as progress:
            result = run_fetch(output, authority, kind, since_date, base_url, client, progress)
    except ValueError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    except (SiteChanged, FetchError) as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(1) from None
    for entry in result.downloaded:
        typer.echo(str(output / entry.path))
    report_problems(result.problems)
    failed = sum(p.fatal for p in result.problems)
    typer.echo(f"{result.providers} authorit{'y' if result.providers == 1 else 'ies'} read; "
               f"{len(result.downloaded)} document(s) downloaded, {len(result.present)} already there, "
               f"{failed} problem(s); {result.requests} request(s); manifest: {output / 'manifest.jsonl'}", err=True)
    if ingest:
        _ingest_new(result, output, store, endpoint, base, workers)
    if result.failed:
        raise typer.Exit(1)


def _ingest_new(result: FetchResult, output: Path, store: Path | None, endpoint: str | None, base: str | None,
                workers: int | None) -> None:
    from ofsted_kg.api import ingest as run_ingest
    from ofsted_kg.fetch import not_in_store
    from ofsted_kg.store import StoreError

    st = StoreLocation(store, endpoint).open()
    try:
        files = not_in_store(result.documents, output, st, base)
        if not files:
            typer.echo("nothing new to ingest", err=True)
            return
        with _progress() as progress:
            ingested = run_ingest(files, st, base=base, progress=progress, workers=workers)
    except StoreError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    report_problems(ingested.problems)
    typer.echo(f"ingest: {len(files)} new document(s); {len(ingested.loaded)} letter(s) loaded, "
               f"{len(ingested.quarantined)} quarantined; {ingested.triples_before} -> {ingested.triples_after} quads",
               err=True)
    if ingested.failed:
        raise typer.Exit(1)
