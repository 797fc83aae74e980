"""`ofsted-kg themes`: findings by theme, and the findings no theme rule matched."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ofsted_kg.cli.output import report_problems
from ofsted_kg.output_formats import check_format

if TYPE_CHECKING:
    from ofsted_kg.extract.records import LetterRecord


def themes(
    paths: Annotated[list[Path], typer.Argument(help="Letter files or folders.")],
    unthemed: Annotated[bool, typer.Option("--unthemed", help="List the findings no theme rule matched.")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Each finding with its themes, their scores and "
                                          "the words that decided them.")] = False,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Count findings per theme and polarity, or list the unthemed ones so the scheme can grow."""
    from ofsted_kg.api import extract_letters

    check_format("themes", format)
    result = extract_letters(paths)
    if explain:
        _explain(result.records, format)
    elif unthemed:
        _unthemed(result.records, format)
    else:
        _counts(result.records, format)
    report_problems(result.problems)
    if result.failed:
        raise typer.Exit(1)


def _json(rows: list) -> None:
    json.dump(rows, sys.stdout, indent=2)
    sys.stdout.write("\n")


def _counts(records: list[LetterRecord], format: str) -> None:
    """Print the findings per theme and polarity."""
    from ofsted_kg.themes import theme_counts

    counts = theme_counts(records)
    if format == "json":
        _json([{"theme": c.theme, "findings": c.findings, "by_polarity": dict(c.by_polarity)} for c in counts])
        return
    for c in counts:
        detail = ", ".join(f"{p} {n}" for p, n in c.by_polarity.most_common())
        typer.echo(f"{c.findings:5}  {c.theme}  ({detail})")


def _unthemed(records: list[LetterRecord], format: str) -> None:
    """Print the findings no theme rule matched."""
    from ofsted_kg.themes import letter_findings, unthemed_findings

    missing = unthemed_findings(records)
    if format == "json":
        _json([{"source": m.source, "section": m.finding.section, "polarity": m.finding.polarity,
                "text": m.finding.text, "start": m.finding.span.start, "end": m.finding.span.end} for m in missing])
        return
    for m in missing:
        typer.echo(f"{m.source}:{m.finding.span.start}: [{m.finding.polarity}] {m.finding.text}")
    typer.echo(f"{len(missing)} of {len(letter_findings(records))} findings have no theme", err=True)


def _explain(records: list[LetterRecord], format: str) -> None:
    """Print each finding with its themes' scores and the features behind them."""
    from ofsted_kg.findings_model import explain_findings

    explained = explain_findings(records)
    if format == "json":
        _json([{"source": e.source, "start": e.finding.span.start, "section": e.finding.section,
                "polarity": e.finding.polarity, "text": e.finding.text, "themes": e.themes} for e in explained])
        return
    for e in explained:
        typer.echo(f"{e.source}:{e.finding.span.start}: [{e.finding.polarity}] {e.finding.text}")
        for t in e.themes or [{"theme": "(no theme)", "score": None, "features": [], "trigger": None}]:
            why = ", ".join(f"{name} +{w}" for name, w in t["features"])
            trigger = f'; trigger "{t["trigger"]}"' if t["trigger"] else ""
            score = f" {t['score']:.2f}" if t["score"] is not None else ""
            typer.echo(f"    {t['theme']}{score}: {why}{trigger}")
