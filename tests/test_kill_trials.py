"""Kill-at-random over the four write paths (issue 21, item 3), CI-sized: two kills per path with
`benchmarks/kill_trials.py`, each leaving a store that equals a clean ingest, lacks whole letters only,
or reports every damaged letter. `python benchmarks/kill_trials.py` runs 50 (benchmarks/README.md)."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from .conftest import ROOT


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kill_trials", ROOT / "benchmarks" / "kill_trials.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["kill_trials"] = module
    spec.loader.exec_module(module)
    return module


kt = _load()


def test_the_verdicts_can_fail() -> None:
    ref = {"urn:l/1": "a\n", "urn:l/1/provenance": "p\n", "urn:l/1/listing": "x\n",
           "urn:l/2": "b\n", "urn:l/2/provenance": "q\n", "urn:l/2/listing": "y\n"}
    assert kt.classify(ref, dict(ref), set(), True).verdict == "equal"
    first = {g: nt for g, nt in ref.items() if g.startswith("urn:l/1")}
    assert kt.classify(ref, first, set(), True).verdict == "incomplete"
    lost_listing = {g: nt for g, nt in ref.items() if g != "urn:l/2/listing"}
    out = kt.classify(ref, lost_listing, set(), True)
    assert (out.verdict, out.damaged) == ("UNREPORTED", ["urn:l/2"])
    assert kt.classify(ref, lost_listing, {"urn:l/2"}, True).verdict == "reported"
    assert kt.classify(ref, {**ref, "urn:l/1": "changed\n"}, set(), True).verdict == "UNREPORTED"


@pytest.fixture(scope="module")
def trials(tmp_path_factory: pytest.TempPathFactory) -> object:
    return kt.Trials(tmp_path_factory.mktemp("kill"))


@pytest.mark.parametrize("path", kt.PATHS)
def test_a_killed_ingest_leaves_whole_letters_or_says_which(trials: object, path: str) -> None:
    duration = trials.duration(path)  # type: ignore[attr-defined]
    for share in (0.35, 0.75):  # two moments of a clean run's length: early (extracting), late (loading)
        out = trials.trial(path, share * duration)  # type: ignore[attr-defined]
        assert out.verdict in ("equal", "incomplete", "reported"), (path, share, out)
