"""Names as letters print them: a query parameter in any printed form finds the person, and accents
are kept in the name the graph shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ofsted_kg.api import ingest
from ofsted_kg.cli.app import app
from ofsted_kg.extract.names import name_tokens, same_person
from ofsted_kg.people import Mention, resolve
from ofsted_kg.queries.library import QueryError, resolve_person_params
from ofsted_kg.store import OxigraphStore

from .conftest import EXAMPLES

runner = CliRunner()
OKG = "https://w3id.org/ofsted-kg/ontology#"


def test_accents_fold_into_one_word_and_survive_in_the_shown_name() -> None:
    assert name_tokens("Máire Atherton") == ("maire", "atherton")  # not ("m", "ire", ...): no false initial
    assert not same_person("Máire Atherton", "Mark Atherton")
    people = resolve([Mention("Maire Atherton", "inspector", "a.txt", None, None),
                      Mention("Maire Atherton", "inspector", "b.txt", None, None),
                      Mention("Máire Atherton", "inspector", "c.txt", None, None)])
    assert [p.preferred_name for p in people.people] == ["Máire Atherton"]


def _people_store(path: Path, names: list[str]) -> OxigraphStore:
    store = OxigraphStore(path)
    nt = "".join(f'<urn:p:{i}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{OKG}Person> .\n'
                 f'<urn:p:{i}> <{OKG}name> "{n}" .\n' for i, n in enumerate(names))
    store.replace_graph("urn:g:people", nt)
    return store


def test_a_printed_form_is_bound_to_the_name_the_graph_shows(tmp_path: Path) -> None:
    store = _people_store(tmp_path / "s", ["Andrew Waugh", "Máire Atherton", "Alison Smith", "Adam Smith"])
    bind = lambda v: resolve_person_params({"inspector": v, "authority": "x"}, store)["inspector"]  # noqa: E731
    assert bind("Andy Waugh") == "Andrew Waugh"
    assert bind("Maire Atherton") == "Máire Atherton"
    assert bind("Waugh") == "Waugh"  # part of a shown name: left to the query's own matching
    assert bind("Nobody Here") == "Nobody Here"
    with pytest.raises(QueryError, match="fits 2 people: Adam Smith, Alison Smith"):
        bind("A Smith")
    assert resolve_person_params({"authority": "Andy Waugh"}, store) == {"authority": "Andy Waugh"}


def test_query_command_takes_a_nickname(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    ingest([EXAMPLES / "000_5f08dc2b8cd356b2.txt"], store)  # "Her Majesty's Inspectors Andrew Waugh and ..."
    del store
    r = runner.invoke(app, ["query", "authorities-of-inspector", "-p", "inspector=Andy Waugh",
                            "--store", str(tmp_path / "store"), "-f", "csv"])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[1:] == ["Andrew Waugh,Worcestershire,monitoring_visit,2019-01-08"]
