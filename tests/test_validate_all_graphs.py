"""`validate` checks every graph it is given, not only letters' (issue 17, item 7), and reports each
broken value in words, without a traceback."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD

from ofsted_kg.api import build_letters

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "letters"
TIME = "http://www.w3.org/2006/time#"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("v") / "letters"
    folder.mkdir()
    for f in sorted(EXAMPLES.iterdir())[:4]:
        shutil.copy(f, folder / f.name)
    out = folder.parent / "built.trig"
    out.write_text(build_letters([folder], workers=1).serialize("trig"), encoding="utf-8")
    return out


def _validate(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from ofsted_kg.cli.app import main; main()", "validate", str(path)],
                          capture_output=True, text=True, timeout=600)


def test_build_output_conforms_with_every_graph_checked(built: Path) -> None:
    run = _validate(built)
    assert run.returncode == 0, run.stdout
    assert "other graphs conform" in run.stderr


def test_an_ill_formed_date_is_reported_as_ill_formed_without_a_traceback(built: Path, tmp_path: Path) -> None:
    text = built.read_text(encoding="utf-8")
    bad = tmp_path / "bad.trig"
    bad.write_text(re.sub(r'okg:startDate "[0-9-]+"\^\^xsd:date', 'okg:startDate "2021-13-45"^^xsd:date', text, count=1),
                   encoding="utf-8")
    run = _validate(bad)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout
    lines = run.stdout.splitlines()
    assert len(lines) == 1, lines
    assert "visit_start" in lines[0] and '"2021-13-45" is not a well-formed xsd:date' in lines[0]
    assert "not after its end date" not in run.stdout


def test_the_people_graphs_posts_are_checked(built: Path, tmp_path: Path) -> None:
    ds = Dataset()
    ds.parse(built, format="trig")
    people = next(g for g in ds.graphs() if str(g.identifier).endswith("/graph/people"))
    begin = next(s for s, o in people.subject_objects(URIRef(TIME + "inXSDDate")) if str(s).endswith("/beginning"))
    people.set((begin, URIRef(TIME + "inXSDDate"), Literal("2099-01-01", datatype=XSD.date)))
    bad = tmp_path / "bad.trig"
    ds.serialize(bad, format="trig")
    run = _validate(bad)
    assert run.returncode == 1, run.stderr
    assert "graphs " in run.stdout and "people" in run.stdout
    assert "interval begins on 2099-01-01, after it ends" in run.stdout
