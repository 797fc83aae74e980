"""`ofsted-kg` entry point. Commands import the library lazily so `--help` is instant."""

from __future__ import annotations

from typing import Annotated

import typer

from ofsted_kg._version import __version__
from ofsted_kg.cli import extract_cmd, fetch_cmd, findings_cmd, graph_cmd, people_cmd, store_cmd
from ofsted_kg.cli.viz_cmd import viz as viz_command

app = typer.Typer(
    name="ofsted-kg",
    help="Turn Ofsted inspection letters on children's services into linked data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ofsted-kg {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Turn Ofsted inspection letters on children's services into linked data."""


app.command("extract")(extract_cmd.extract)
app.command("eval")(extract_cmd.evaluate)
app.command("build")(graph_cmd.build)
app.command("validate")(graph_cmd.validate)
app.command("people")(people_cmd.people)
app.command("themes")(findings_cmd.themes)
app.command("fetch")(fetch_cmd.fetch)
app.command("ingest")(store_cmd.ingest)
app.command("query")(store_cmd.query)
app.command("export")(store_cmd.export)
app.command("publish")(store_cmd.publish)
app.command("quarantine")(store_cmd.quarantine)
app.command("serve")(store_cmd.serve)
app.command("viz")(viz_command)


def main() -> None:
    """The console script: a library error that reached this far is one line and exit 2, never a traceback."""
    import sys

    from ofsted_kg.errors import OfstedKgError

    try:
        app()
    except OfstedKgError as e:
        typer.echo(f"error: {e}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
