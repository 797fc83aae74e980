"""Exact golden records: each seed and golden letter in, its records out, compared field by field.

Apart from the lenient quality scorer (tests/test_golden.py): any change to a value or its evidence
fails here. After a deliberate change, rewrite the expectations with
``pytest tests/test_golden_exact.py --update-golden`` and review the diff of tests/golden/exact.
Findings (the model's polarity and theme scores) are left to the findings tests.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ofsted_kg.api import extract_letters

from .conftest import EXAMPLES, GOLDEN

EXACT = GOLDEN / "exact"
CASES = sorted([*EXAMPLES.glob("*.txt"), *(p for p in (GOLDEN / "letters").iterdir() if p.is_file())])
LEFT_OUT = ("source", "findings")  # the path differs by checkout; findings have their own tests


def _records(path: Path) -> list[dict[str, Any]]:
    result = extract_letters([path])
    return [{k: v for k, v in r.to_dict().items() if k not in LEFT_OUT} for r in result.records]


def _expected_file(path: Path) -> Path:
    return EXACT / f"{path.parent.name}--{path.name}.json"


def test_discovery_found_cases() -> None:
    assert len([p for p in CASES if p.parent == EXAMPLES]) == 5
    assert len(CASES) >= 70


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_records_are_extracted_exactly(path: Path, update_golden: bool) -> None:
    got = json.loads(json.dumps(_records(path)))  # tuples as lists, as the file holds them
    expected_file = _expected_file(path)
    if update_golden:
        EXACT.mkdir(exist_ok=True)
        expected_file.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return
    assert expected_file.exists(), f"no {expected_file.name}: run pytest {__file__} --update-golden"
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert len(got) == len(expected), f"{path.name}: {len(got)} records, expected {len(expected)}"
    for i, (want, have) in enumerate(zip(expected, got, strict=True)):
        wrong = sorted(k for k in want.keys() | have.keys() if want.get(k) != have.get(k))
        assert not wrong, f"{path.name} record {i}:\n" + "\n".join(
            f"  {k}: expected {json.dumps(want.get(k), ensure_ascii=False)}\n"
            f"  {' ' * len(k)}  got      {json.dumps(have.get(k), ensure_ascii=False)}" for k in wrong)
