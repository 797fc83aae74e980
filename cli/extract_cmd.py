"""`ofsted-kg extract` and `ofsted-kg eval`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from ofsted_kg.cli.output import report_problems
from ofsted_kg.output_formats import check_format, formats


def extract(
    paths: Annotated[list[Path], typer.Argument(help="Letter files (.txt .md .pdf .html) or folders (recursive).")],
    format: Annotated[str, typer.Option("--format", "-f", metavar=f"<{'|'.join(formats('extract'))}>",
                                        help="Output format.")] = "json",
    evidence: Annotated[bool, typer.Option("--evidence/--no-evidence", help="Include evidence spans.")] = True,
) -> None:
    """Extract the facts of every letter and report found in PATHS.

    Problems (unreadable files, documents with no Ofsted letter) are reported on stderr, one line each;
    the other files are still processed and the exit code is 1 if any file failed.
    """
    from ofsted_kg.api import extract_letters
    from ofsted_kg.cli.output import print_records

    check_format("extract", format)
    result = extract_letters(paths)
    records = [r.to_dict() for r in result.records]
    if not evidence:
        for r in records:
            r.pop("evidence", None)
    print_records(records, format)
    report_problems(result.problems)
    if result.failed:
        raise typer.Exit(1)


def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold NAME.json records.")],
    letters_dir: Annotated[Path, typer.Argument(help="Folder holding NAME.txt/.md/.pdf/.html letters.")],
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every miss.")] = False,
    min_f1: Annotated[float, typer.Option(help="Exit 1 if micro-F1 is below this.")] = 0.0,
    json_out: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Per-field precision, recall and F1 of extraction against gold records (same rules as the reference scorer)."""
    from ofsted_kg.scoring import score_dirs

    if not gold_dir.is_dir() or not letters_dir.is_dir():
        typer.echo(f"error: {gold_dir if not gold_dir.is_dir() else letters_dir}: not a folder", err=True)
        raise typer.Exit(2)
    report = score_dirs(gold_dir, letters_dir)
    if json_out:
        json.dump(report.as_dict(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        typer.echo(report.table(verbose))
    if report.micro_f1 < min_f1:
        raise typer.Exit(1)
