"""The command line: help, version, output formats, eval, and the installed package's layout."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from ofsted_kg import __version__
from ofsted_kg.cli.app import app

from .conftest import EXAMPLES, GOLDEN, ROOT

runner = CliRunner()


def test_help_lists_commands_and_version() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("extract", "eval"):
        assert command in result.output
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def readme_commands(text: str) -> set[str]:
    """The commands the README shows: `ofsted-kg NAME` in its code blocks and inline code."""
    named = set(re.findall(r"`ofsted-kg ([a-z][a-z-]*)", text))
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", text, re.M | re.S)
    for block in blocks:
        named |= set(re.findall(r"(?:^|[\s$;|&(])ofsted-kg ([a-z][a-z-]*)", block, re.M))
    return named


def test_every_command_has_help_and_the_readme_shows_only_real_commands() -> None:
    from ofsted_kg.cli.app import COMMANDS

    listed = runner.invoke(app, ["--help"]).output
    for name in COMMANDS:
        assert f" {name} " in listed, name
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert f"Usage: ofsted-kg {name} [OPTIONS]" in result.output, name
    shown = readme_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    assert shown - set(COMMANDS) == set(), "README shows commands that do not exist"
    assert len(shown) >= 10  # the quick reference and the sections: the pattern still finds them
    assert readme_commands("```sh\nofsted-kg nope x\n$ ofsted-kg ingest a\n```\nsee `ofsted-kg serve`, "
                           "the ofsted-kg contributors") == {"nope", "ingest", "serve"}


def test_help_does_not_import_heavy_modules() -> None:
    code = ("import sys; from ofsted_kg.cli.app import app; "
            "print(sorted(m for m in ('rdflib', 'pyshacl', 'owlready2', 'networkx', 'pypdf') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_extract_json_has_the_gold_keys() -> None:
    result = runner.invoke(app, ["extract", "--format", "json", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert len(records) == 5
    keys = {"source", "letter_date", "authority", "visit_type", "visit_start", "visit_end", "visit_sequence",
            "previous_judgement", "inspectors", "signatory", "recipient", "copied_to", "ofsted_office",
            "focus_areas", "recommendations", "judgements", "evidence"}
    for rec in records:
        assert keys <= set(rec)
        assert rec["evidence"]["authority"][0]["text"].startswith(rec["authority"])


def test_extract_jsonl_and_table() -> None:
    result = runner.invoke(app, ["extract", "--format", "jsonl", str(EXAMPLES / "004_2067af35a111929a.txt")])
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["authority"] == "Warwickshire"
    result = runner.invoke(app, ["extract", "--format", "table", str(EXAMPLES)])
    assert result.exit_code == 0 and "Warwickshire" in result.stdout and "Worcestershire" in result.stdout


def _micro(output: str) -> float:
    m = re.search(r"F1=([0-9.]+)", output.strip().splitlines()[-1])
    assert m, output
    return float(m.group(1))


def test_eval_agrees_with_the_reference_scorer(cli_path: str) -> None:
    for gold, letters in ((GOLDEN / "seed-expected", EXAMPLES), (GOLDEN / "expected", GOLDEN / "letters")):
        ours = runner.invoke(app, ["eval", str(gold), str(letters)])
        assert ours.exit_code == 0, ours.output
        ref = subprocess.run([sys.executable, str(Path(__file__).parent / "reference" / "score_extract.py"),
                              str(gold), str(letters), "--cli", cli_path], capture_output=True, text=True)
        assert ref.returncode == 0, ref.stderr
        assert _micro(ours.stdout) == _micro(ref.stdout)
        ours_rows = [ln for ln in ours.stdout.splitlines() if re.match(r"^[a-z_.]+\s+\d", ln)]
        ref_rows = [ln for ln in ref.stdout.splitlines() if re.match(r"^[a-z_.]+\s+\d", ln)]
        assert ours_rows == ref_rows


def test_eval_rejects_missing_folders(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(tmp_path / "nope"), str(EXAMPLES)])
    assert result.exit_code == 2


def test_installed_package_has_no_generic_top_level_names(tmp_path: Path) -> None:
    code = ("import importlib.util as u, json; "
            "print(json.dumps({n: u.find_spec(n) is not None for n in "
            "('graph', 'cli', 'ontology', 'shapes', 'queries', 'ofsted_kg', 'ofsted_kg.graph', 'ofsted_kg.cli')}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    found = json.loads(out.stdout)
    assert found == {"graph": False, "cli": False, "ontology": False, "shapes": False, "queries": False,
                     "ofsted_kg": True, "ofsted_kg.graph": True, "ofsted_kg.cli": True}
    assert (ROOT / "graph" / "__init__.py").exists()  # the folders map into the one package


def test_package_data_is_loaded_by_name() -> None:
    import pytest

    from ofsted_kg import queries
    from ofsted_kg.extract.authorities import gazetteer

    assert len(gazetteer()) == 156
    with pytest.raises(FileNotFoundError, match="no 'nope.rq'"):
        queries.path("nope.rq")


# the arguments each command with a --format needs to reach its format check (no store is opened first)
FORMAT_ARGS = {
    "extract": [str(EXAMPLES)], "build": [str(EXAMPLES)], "validate": [str(EXAMPLES)], "people": [str(EXAMPLES)],
    "themes": [str(EXAMPLES)], "query": ["letters"], "export": [], "quarantine": [],
    "viz": ["co-inspectors", "--output", "net.html"],
}


def _format_commands() -> set[str]:
    """The commands that have a --format option, as the command line builds them."""
    import typer.main

    group = typer.main.get_command(app)
    return {name for name, command in group.commands.items()  # type: ignore[attr-defined]
            if any("--format" in getattr(p, "opts", ()) for p in command.params)}


def test_every_format_option_goes_through_the_registry() -> None:
    from ofsted_kg.output_formats import COMMAND_FORMATS, MEDIA_TYPES

    assert _format_commands() == set(COMMAND_FORMATS) == set(FORMAT_ARGS)
    for command, names in COMMAND_FORMATS.items():
        assert names and all(name in MEDIA_TYPES for name in names), command


def test_an_unknown_format_is_one_error_line_naming_the_known_ones(tmp_path: Path) -> None:
    import pytest

    from ofsted_kg.output_formats import UnknownFormat, check_format, formats

    for command, args in FORMAT_ARGS.items():
        store = [] if command in ("extract", "build", "validate", "people", "themes") else ["--store", str(tmp_path / "st")]
        result = runner.invoke(app, [command, *args, *store, "--format", "bogus"])
        assert result.exit_code == 2, (command, result.output)
        assert result.stdout == ""
        assert result.stderr == f"error: unknown --format 'bogus'; known: {', '.join(formats(command))}\n", command
    assert not (tmp_path / "st").exists()  # refused before any store is opened
    assert formats("export") == ("turtle", "trig", "nquads", "ntriples", "rdfxml", "jsonld")  # the order users saw
    assert check_format("query", "tsv") == "tsv"
    with pytest.raises(UnknownFormat, match="known: table, json"):
        check_format("people", "JSON")  # names are matched exactly


def test_query_list_refuses_an_unknown_format_as_every_command_does(tmp_path: Path) -> None:
    from ofsted_kg.output_formats import formats

    result = runner.invoke(app, ["query", "--list", "--store", str(tmp_path / "st"), "--format", "bogus"])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == f"error: unknown --format 'bogus'; known: {', '.join(formats('query'))}\n"
    listed = runner.invoke(app, ["query", "--list", "--store", str(tmp_path / "st"), "--format", "csv"])
    assert listed.exit_code == 0 and "inspectors-of-authority" in listed.stdout  # a known format still lists
