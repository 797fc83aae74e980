"""Shared fixtures and paths for the test suite."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "letters"
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="session")
def cli_path() -> str:
    """The installed `ofsted-kg` console script of the interpreter running the tests."""
    found = Path(sys.executable).parent / "ofsted-kg"
    if found.exists():
        return str(found)
    which = shutil.which("ofsted-kg")
    assert which, "the ofsted-kg console script is not installed (pip install -e .)"
    return which


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the exact golden records (tests/golden/exact) from what extraction gives now")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite the exact golden records on purpose."""
    return bool(request.config.getoption("--update-golden"))
