"""`ofsted-kg themes`: findings by theme, and the findings no theme rule matched."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from ofsted_kg.cli.output import report_problems
from ofsted_kg.output_formats import check_format


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
    findings = [(r.source, f) for r in result.records for f in r.findings]
    if explain:
        _explain(findings, format)
    elif unthemed:
        rows = [{"source": src, "section": f.section, "polarity": f.polarity, "text": f.text,
                 "start": f.span.start, "end": f.span.end} for src, f in findings if not f.themes]
        if format == "json":
            json.dump(rows, sys.stdout, indent=2)
            sys.stdout.write("\n")
        else:
            for row in rows:
                typer.echo(f"{row['source']}:{row['start']}: [{row['polarity']}] {row['text']}")
            typer.echo(f"{len(rows)} of {len(findings)} findings have no theme", err=True)
    else:
        counts: Counter[tuple[str, str]] = Counter()
        for _src, f in findings:
            for t in f.themes or ["(unthemed)"]:
                counts[(t, f.polarity)] += 1
        by_theme: dict[str, Counter[str]] = {}
        for (t, pol), n in counts.items():
            by_theme.setdefault(t, Counter())[pol] += n
        ordered = sorted(by_theme.items(), key=lambda kv: -sum(kv[1].values()))
        if format == "json":
            json.dump([{"theme": t, "findings": sum(c.values()), "by_polarity": dict(c)} for t, c in ordered],
                      sys.stdout, indent=2)
            sys.stdout.write("\n")
        else:
            for t, c in ordered:
                detail = ", ".join(f"{p} {n}" for p, n in c.most_common())
                typer.echo(f"{sum(c.values()):5}  {t}  ({detail})")
    report_problems(result.problems)
    if result.failed:
        raise typer.Exit(1)


def _explain(findings: list, format: str) -> None:
    """Print each finding with its themes' scores and the features behind them."""
    from ofsted_kg.findings_model import explain_themes

    rows = [{"source": src, "start": f.span.start, "section": f.section, "polarity": f.polarity, "text": f.text,
             "themes": explain_themes(f.text, f.section)} for src, f in findings]
    if format == "json":
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    for row in rows:
        typer.echo(f"{row['source']}:{row['start']}: [{row['polarity']}] {row['text']}")
        for t in row["themes"] or [{"theme": "(no theme)", "score": None, "features": [], "trigger": None}]:
            why = ", ".join(f"{name} +{w}" for name, w in t["features"])
            trigger = f'; trigger "{t["trigger"]}"' if t["trigger"] else ""
            score = f" {t['score']:.2f}" if t["score"] is not None else ""
            typer.echo(f"    {t['theme']}{score}: {why}{trigger}")
