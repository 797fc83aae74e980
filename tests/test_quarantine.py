"""Quarantine loses nothing: a letter that fails validation is kept apart in the store, listed with its
violations, cleared when its file validates again or is removed, and never seen by queries."""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import Graph
from typer.testing import CliRunner

from ofsted_kg.api import ingest, remove_letter
from ofsted_kg.cli.app import app
from ofsted_kg.graph.vocab import OKG
from ofsted_kg.quarantine import held_triples, quarantined
from ofsted_kg.store import OxigraphStore

from .conftest import EXAMPLES

runner = CliRunner()
GOOD = EXAMPLES / "004_2067af35a111929a.txt"
SEED = EXAMPLES / "000_5f08dc2b8cd356b2.txt"


def _undated(folder: Path) -> Path:
    """A seed letter without its visit dates, which the shapes reject (a visit needs a start date)."""
    bad = folder / "undated.txt"
    bad.write_text(SEED.read_text(encoding="utf-8").replace(" on 8 and 9 January 2019", ""), encoding="utf-8")
    return bad


def _letters(store: OxigraphStore) -> set[str]:
    rows = store.select("PREFIX okg: <https://w3id.org/ofsted-kg/ontology#> SELECT ?l WHERE { ?l a okg:Document }").rows
    return {r["l"] for r in rows}


def test_a_quarantined_letter_is_kept_apart_with_its_violations(tmp_path: Path) -> None:
    bad = _undated(tmp_path)
    store = OxigraphStore(tmp_path / "store")
    result = ingest([GOOD, bad], store)
    assert len(result.loaded) == 1 and len(result.quarantined) == 1
    letter = result.quarantined[0]
    assert letter not in _letters(store) and result.loaded[0] in _letters(store)  # queries never see it
    [entry] = quarantined(store)
    assert (entry.letter, entry.source) == (letter, str(bad))
    assert len(entry.violations) == 1 and entry.violations[0].startswith("visit_start:")
    held = Graph().parse(data=held_triples(store, letter), format="nt")  # nothing lost: the whole graph
    assert {str(o) for o in held.objects(None, OKG.name)} >= {"Worcestershire"}
    assert held_triples(store, result.loaded[0]) is None


def test_the_quarantine_command_lists_and_shows(tmp_path: Path) -> None:
    bad = _undated(tmp_path)
    store = tmp_path / "store"
    assert runner.invoke(app, ["ingest", "--store", str(store), str(GOOD), str(bad)]).exit_code == 1
    listed = runner.invoke(app, ["quarantine", "--store", str(store)])
    assert listed.exit_code == 0
    assert f"{bad}: " in listed.stdout and "  - visit_start:" in listed.stdout
    as_json = json.loads(runner.invoke(app, ["quarantine", "--store", str(store), "-f", "json"]).stdout)
    assert [sorted(e) for e in as_json] == [["letter", "quarantined", "source", "violations"]]
    assert as_json[0]["source"] == str(bad) and len(as_json[0]["violations"]) == 1
    shown = runner.invoke(app, ["quarantine", "--store", str(store), "--show", as_json[0]["letter"]])
    assert shown.exit_code == 0 and len(Graph().parse(data=shown.stdout, format="nt")) > 100
    missing = runner.invoke(app, ["quarantine", "--store", str(store), "--show", "urn:x:not-there"])
    assert missing.exit_code == 2 and "urn:x:not-there: not quarantined" in missing.stderr


def test_a_fixed_or_removed_file_leaves_quarantine(tmp_path: Path) -> None:
    bad = _undated(tmp_path)
    store = OxigraphStore(tmp_path / "store")
    ingest([bad], store)
    assert len(quarantined(store)) == 1
    bad.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")  # the user mends the file
    fixed = ingest([bad], store)
    assert len(fixed.loaded) == 1 and quarantined(store) == []
    _undated(tmp_path)
    broken = ingest([bad], store)
    assert [e.letter for e in quarantined(store)] == broken.quarantined
    assert remove_letter(store, str(bad)) == broken.quarantined  # the file's current letter, released
    assert quarantined(store) == []


def test_exports_leave_quarantine_out_unless_asked(tmp_path: Path) -> None:
    store = tmp_path / "store"
    runner.invoke(app, ["ingest", "--store", str(store), str(GOOD), str(_undated(tmp_path))])
    plain = runner.invoke(app, ["export", "--store", str(store), "-f", "nquads"]).stdout
    full = runner.invoke(app, ["export", "--store", str(store), "-f", "nquads", "--include-internal"]).stdout
    assert "/quarantine> ." not in plain and "ontology#heldTriples> \"" not in plain
    assert "ontology#heldTriples> \"" in full
    assert "/quarantine> ." in full


def test_a_report_that_prints_no_inspector_or_dates_loads_with_warnings(tmp_path: Path) -> None:
    """True to its source: a report (here a 2009-2012 cover with its opening) that names no inspector and
    gives no visit dates loads, and the user is told, where a letter about a visit without them is
    quarantined (the test above)."""
    report = tmp_path / "report.txt"
    report.write_text(
        "Inspection of progress made in the provision\nof safeguarding services in Camden\n\n"
        "Age group: All\nPublished: 9 October 2009\nReference no: 412\n\n"
        "Overall judgement on progress\n1. The council has made limited progress overall. Supervision is "
        "not yet consistently recorded on files.\n", encoding="utf-8")
    store = tmp_path / "store"
    result = runner.invoke(app, ["ingest", "--store", str(store), str(report)])
    assert result.exit_code == 0, result.output
    assert "1 letter(s) loaded, 0 quarantined" in result.output
    assert f"warning: {report}: inspectors: the document names no inspector" in result.stderr
    assert f"warning: {report}: visit_start: the document gives no visit dates" in result.stderr
    assert json.loads(runner.invoke(app, ["quarantine", "--store", str(store), "-f", "json"]).stdout) == []
