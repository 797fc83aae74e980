"""`ofsted-kg people`: who is who across letters, and why names were merged."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from ofsted_kg.cli.output import report_problems
from ofsted_kg.output_formats import check_format


def people(
    paths: Annotated[list[Path], typer.Argument(help="Letter files or folders.")],
    overrides: Annotated[Path | None, typer.Option(
        "--overrides", help="CSV with columns name, role, authority, person: force a merge or a split.")] = None,
    role: Annotated[str | None, typer.Option(help="Only 'inspector' or 'director'.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """List each person with the name variants merged into them and the reasons."""
    from ofsted_kg.api import extract_letters
    from ofsted_kg.errors import InputError
    from ofsted_kg.people import load_overrides, people_in

    check_format("people", format)
    result = extract_letters(paths)
    try:
        rules = load_overrides(overrides) if overrides else []
    except InputError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    found = people_in(result.records, rules, role)
    if format == "json":
        json.dump([{"key": p.key, "role": p.role, "name": p.preferred_name, "authority": p.authority,
                    "variants": dict(p.variants), "letters": p.letters,
                    "first_seen": p.first_seen, "last_seen": p.last_seen, "interim": p.interim,
                    "reasons": p.reasons} for p in found], sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table()
        for col in ("person", "role", "authority", "variants", "letters", "seen", "why"):
            table.add_column(col, overflow="fold")
        for p in found:
            seen = p.first_seen or ""
            if p.last_seen and p.last_seen != p.first_seen:
                seen += f" – {p.last_seen}"
            table.add_row(p.preferred_name, p.role + (" (interim)" if p.interim else ""), p.authority or "",
                          ", ".join(f"{v} ×{n}" for v, n in sorted(p.variants.items())),
                          str(len(p.letters)), seen, "; ".join(p.reasons))
        console = Console()
        Console(width=200).print(table) if not console.is_terminal else console.print(table)
    report_problems(result.problems)
