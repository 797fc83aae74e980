"""`ofsted-kg viz`: draw a network view of the store as HTML, PNG, SVG, GraphML or GEXF."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ofsted_kg.cli.store_cmd import EndpointOpt, StoreLocation, StoreOpt
from ofsted_kg.graph.viz import FORMATS, VIEWS  # the registries only: no networkx or matplotlib here
from ofsted_kg.output_formats import check_format

_VIEWS_HELP = "; ".join(f"{v.name}: {v.help.rstrip('.')}" for v in VIEWS.values())
_FORMATS_HELP = ", ".join(f"{f.name} ({f.help})" for f in FORMATS.values())


def viz(
    name: Annotated[str, typer.Argument(help=f"The view. {_VIEWS_HELP}.", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.", show_default=False)],
    format: Annotated[str | None, typer.Option("--format", "-f", help=f"{_FORMATS_HELP}. Default: from the "
                                               "output's suffix.")] = None,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    from_year: Annotated[int | None, typer.Option("--from", help="First year of visits to include.")] = None,
    to_year: Annotated[int | None, typer.Option("--to", help="Last year of visits to include.")] = None,
    authority: Annotated[list[str] | None, typer.Option("--authority", "-a", help="Only visits to this authority "
                                                        "(repeatable; authority-timeline takes one).")] = None,
) -> None:
    """Draw a network of inspectors, authorities, directors and judgements from the store."""
    from ofsted_kg.graph.viz import VizError, build_view, get_format, get_view, write
    from ofsted_kg.store import StoreError

    if format is not None:
        check_format("viz", format)
    try:
        get_view(name)
        get_format(format, output)  # fail on a bad name or suffix before opening the store
    except VizError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    st = StoreLocation(store, endpoint).open(read_only=True)
    try:
        graph = build_view(name, st, from_year, to_year, authority or [])
        fmt = write(graph, output, format)
    except (VizError, StoreError) as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    if graph.number_of_nodes() == 0:
        typer.echo("warning: nothing matched (check --authority, --from/--to, or ingest letters first)", err=True)
    typer.echo(f"{output}: {fmt.name}, {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges", err=True)
