"""The real golden set (tests/golden/real): 61 published Ofsted PDFs and the records readers wrote for
them before the extractor ran. Scored with the reference scorer's rules (ofsted_kg.scoring), plus the
keys the reference scorer does not read: fieldwork blocks, framework versions and inspection teams.

The set is not yet extracted perfectly; the bar below is what the extractor reaches now, so a change
that loses ground on real documents fails here. The remaining misses are listed in the README.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ofsted_kg.api import Extraction, extract_letters
from ofsted_kg.extract.names import same_person
from ofsted_kg.scoring import Tally, score_record

from .conftest import GOLDEN

REAL = GOLDEN / "real"
GOLD = sorted((REAL / "expected").glob("*.json"))
# tests/golden/heldout: 21 even-numbered corpus documents read later by a reader blind to the extractor;
# first pass 0.954, 0.972 after the fixes they led to; 0.997 once its 2009 progress inspection (the
# publication template's cover, a report that grades nothing) gave a record
# tests/golden/heldout-2: 15 more, read the same way; first pass 0.978, 0.992 after the fixes they led to
# (0.994 after those of heldout-3).
# tests/golden/heldout-3: the 23 corpus documents left, read the same way; first pass 0.972, then 0.997.
# (set, documents, documents that give no record, the bar)
HELDOUT_SETS = [("heldout", 21, set(), 0.99), ("heldout-2", 15, set(), 0.99), ("heldout-3", 23, set(), 0.99)]


@pytest.fixture(scope="module")
def extracted() -> dict[str, dict]:
    result: Extraction = extract_letters(sorted((REAL / "documents").glob("*.pdf")), workers=2)
    by_stem: dict[str, dict] = {}
    for rec in result.records:
        by_stem.setdefault(Path(rec.source).stem, rec.to_dict())
    return by_stem


def test_the_set_is_what_the_readme_says() -> None:
    kinds = [json.loads(g.read_text(encoding="utf-8"))["kind_of_document"] for g in GOLD]
    assert len(GOLD) >= 60
    for kind in ("report", "focused visit letter", "joint inspection letter"):
        assert kinds.count(kind) >= 13, kind
    assert {g.stem for g in GOLD} == {p.stem for p in (REAL / "documents").glob("*.pdf")}


def test_every_real_document_gives_a_record(extracted: dict[str, dict]) -> None:
    assert sorted(extracted) == sorted(g.stem for g in GOLD)


def test_real_documents_reach_the_bar(extracted: dict[str, dict]) -> None:
    total = Tally()
    for g in GOLD:
        score_record(total, json.loads(g.read_text(encoding="utf-8")), extracted.get(g.stem, {}), g.stem)
    low = {n: round(total.prf(n)[2], 3) for n in total.fields() if total.prf(n)[2] < 0.95}
    print("\n" + total.table())
    assert total.micro_f1 >= 0.999, f"micro-F1 {total.micro_f1:.4f}\n" + "\n".join(total.misses)
    assert not low, f"fields below 0.95: {low}\n" + "\n".join(total.misses)


@pytest.mark.parametrize("name, count, no_record, bar", HELDOUT_SETS)
def test_the_held_out_set_keeps_its_score(name: str, count: int, no_record: set[str], bar: float) -> None:
    heldout = GOLDEN / name
    gold = sorted((heldout / "expected").glob("*.json"))
    assert {g.stem for g in gold} == {p.stem for p in (heldout / "documents").glob("*.pdf")} and len(gold) == count
    result = extract_letters(sorted((heldout / "documents").glob("*.pdf")), workers=2)
    by_stem = {Path(r.source).stem: r.to_dict() for r in result.records}
    assert set(by_stem) == {g.stem for g in gold} - no_record
    assert [Path(p.path).stem for p in result.problems] == sorted(no_record)
    total = Tally()
    for g in gold:
        score_record(total, json.loads(g.read_text(encoding="utf-8")), by_stem.get(g.stem, {}), g.stem)
    print("\n" + total.table())
    assert total.micro_f1 >= bar, f"micro-F1 {total.micro_f1:.4f}\n" + "\n".join(total.misses)


def test_fieldwork_blocks_framework_versions_and_teams(extracted: dict[str, dict]) -> None:
    periods = versions = members = 0
    misses: list[str] = []
    for g in GOLD:
        gold, pred = json.loads(g.read_text(encoding="utf-8")), extracted.get(g.stem, {})
        if gold.get("visit_periods") and gold["visit_periods"] != pred.get("visit_periods"):
            misses.append(f"{g.stem}: visit_periods {gold['visit_periods']} != {pred.get('visit_periods')}")
        periods += 1
        if gold.get("framework_version") and gold["framework_version"] != pred.get("framework_version"):
            misses.append(f"{g.stem}: framework_version {gold['framework_version']} != {pred.get('framework_version')}")
        versions += bool(gold.get("framework_version"))
        for m in gold.get("inspection_team") or []:
            members += 1
            found = next((p for p in pred.get("inspection_team") or [] if same_person(p["name"], m["name"])), None)
            if found is None or (m.get("organisation") and found["organisation"] != m["organisation"]):
                misses.append(f"{g.stem}: team member {m} vs {found}")
    assert periods >= 60 and versions >= 20 and members >= 150
    assert len(misses) <= 3, "\n".join(misses)
