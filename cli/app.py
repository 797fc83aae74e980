"""`ofsted-kg` entry point. Commands import the library lazily so `--help` is instant."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ofsted_kg._version import __version__
from ofsted_kg.cli import extract_cmd, fetch_cmd, findings_cmd, graph_cmd, people_cmd, store_cmd
from ofsted_kg.cli.viz_cmd import viz as viz_command


def error_line(e: BaseException) -> str:
    """An error as the one line a user sees: `error: ...`, with any URL's credentials hidden."""
    from ofsted_kg.errors import redact, shown

    if isinstance(e, OSError) and e.filename is not None:
        text = f"{shown(str(e.filename))}: {e.strerror or e}"
    else:
        text = str(e)
    return "error: " + " ".join(redact(text).split())


class _ErrorEdge(TyperGroup):
    """The one place where the library's errors (`OfstedKgError`), and a file the system refused, become
    one line on stderr and exit 2, for every command."""

    # Any: older typer passes click's Context, newer ones (0.29) a Context of their own copy of click (typer._click)
    def invoke(self, ctx: Any) -> object:
        from ofsted_kg.errors import OfstedKgError

        try:
            return super().invoke(ctx)
        except (OfstedKgError, OSError) as e:
            if isinstance(e, OSError) and e.filename is None:
                raise  # not about a file the user named: a fault to see in full
            typer.echo(error_line(e), err=True)
            raise typer.Exit(2) from None


app = typer.Typer(
    cls=_ErrorEdge,
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


# command name -> the function behind it, in the order `--help` lists them
COMMANDS = {
    "extract": extract_cmd.extract, "eval": extract_cmd.evaluate, "build": graph_cmd.build,
    "validate": graph_cmd.validate, "people": people_cmd.people, "themes": findings_cmd.themes,
    "fetch": fetch_cmd.fetch, "ingest": store_cmd.ingest, "query": store_cmd.query, "export": store_cmd.export,
    "publish": store_cmd.publish, "quarantine": store_cmd.quarantine, "serve": store_cmd.serve, "viz": viz_command,
}
for _name, _command in COMMANDS.items():
    app.command(_name)(_command)


def main() -> None:
    """The console script: a library error that reached this far is one line and exit 2, never a traceback."""
    import sys

    from ofsted_kg.errors import OfstedKgError

    try:
        app()
    except OfstedKgError as e:
        typer.echo(error_line(e), err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
