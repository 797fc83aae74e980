"""Printing extraction records as JSON, JSON Lines or a terminal table."""

from __future__ import annotations

import json
import sys
from typing import Any


def report_problems(problems: list[Any]) -> None:
    """One stderr line per problem, naming the file: 'error: PATH: ...' or 'warning: PATH: ...'."""
    import typer

    for p in problems:
        typer.echo(f"{'error' if p.fatal else 'warning'}: {p}", err=True)


def print_records(records: list[dict[str, Any]], fmt: str) -> None:
    out = sys.stdout
    if fmt == "json":
        json.dump(records, out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif fmt == "jsonl":
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    else:
        _table(records)


def _table(records: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("source", "date", "authority", "visit", "dates", "inspectors", "recipient", "recs"):
        table.add_column(col, overflow="fold")
    for r in records:
        dates = r["visit_start"] or ""
        if r["visit_end"] and r["visit_end"] != r["visit_start"]:
            dates += f" – {r['visit_end']}"
        visit = r["visit_type"] or ""
        if r["visit_sequence"]:
            visit += f" #{r['visit_sequence']}"
        recipient = (r.get("recipient") or {}).get("name") or ""
        table.add_row(r["source"].rsplit("/", 1)[-1], r["letter_date"] or "", r["authority"] or "", visit, dates,
                      ", ".join(r["inspectors"]), recipient, str(len(r["recommendations"])))
    console = Console()
    if not console.is_terminal:  # piped: do not fold cells to an 80-column default
        console = Console(width=220)
    console.print(table)
