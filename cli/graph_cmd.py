"""`ofsted-kg build` and `ofsted-kg validate`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ofsted_kg.cli.output import report_problems
from ofsted_kg.output_formats import check_format, formats

FormatOpt = Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(formats('build'))}.")]
BaseOpt = Annotated[str | None, typer.Option("--base", envvar="OFSTED_KG_BASE",
                                             help="Base IRI for instance data (default https://w3id.org/ofsted-kg/id/).")]


def build(
    paths: Annotated[list[Path], typer.Argument(help="Letter files or folders.")],
    format: FormatOpt = "trig",
    base: BaseOpt = None,
    validate: Annotated[bool, typer.Option("--validate/--no-validate",
                                           help="Check each letter against the SHACL shapes; leave out those that fail.")] = True,
    overrides: Annotated[Path | None, typer.Option(
        "--overrides", help="CSV of people merges/splits (see `ofsted-kg people`).")] = None,
) -> None:
    """Print the letters' RDF (named graphs in the quad formats) without any store."""
    from ofsted_kg.api import build_letters

    fmt = check_format("build", format)
    result = build_letters(paths, base=base, validate=validate, overrides=overrides)
    sys.stdout.write(result.serialize(fmt))
    report_problems(result.problems)
    if result.failed:
        raise typer.Exit(1)


def validate(
    source: Annotated[Path, typer.Argument(help="An RDF file (turtle, trig, nquads, ntriples, jsonld, rdfxml) or a folder of letters.")],
    format: Annotated[str, typer.Option("--format", "-f", help="'text' (readable lines) or 'turtle' (the SHACL report graph).")] = "text",
    inference: Annotated[bool, typer.Option("--rdfs/--no-rdfs", help="RDFS inference before validating (slower).")] = False,
) -> None:
    """Validate letters' graphs against the SHACL shapes, one letter at a time.

    Exit 0 when everything conforms, 1 on violations, 2 on input errors.
    """
    from ofsted_kg.api import validate_source
    from ofsted_kg.errors import OfstedKgError

    check_format("validate", format)
    try:
        report = validate_source(source, inference=inference)
    except OfstedKgError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    if format == "turtle":
        sys.stdout.write(report.report_graph().serialize(format="turtle"))
    else:
        for line in report.lines():
            typer.echo(line)
        typer.echo(report.summary(), err=True)
    raise typer.Exit(0 if report.conforms else 1)
