"""The whole development corpus of real PDFs (../shared/corpus): every file gives a record or one clear
line saying why, and no place, council or agency is ever taken for an inspector.

The corpus is the 120 real documents every developer and CI run has beside the project. Its counts
are printed (pytest -s) so a run shows what it read.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ofsted_kg.api import Extraction, extract_letters
from ofsted_kg.extract.authorities import find_authorities, match_authority

from .conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside the project")

# words that make a "name" an organisation, a service or a place
_ORG_WORD = re.compile(
    r"\b(?:Council|Borough|County|City|Trust|NHS|Police|Constabulary|Hospital|Foundation|Service|Services|"
    r"Team|Hub|Board|Partnership|Commission|Inspectorate|Ofsted|CQC|Probation|Authority|Partners|"
    r"Care|Children|Safeguarding|Agency|Group|School|College|Academy|Centre|Unit|Office|Department)\b")


@pytest.fixture(scope="module")
def corpus() -> Extraction:
    return extract_letters(sorted(CORPUS.glob("*.pdf")), workers=2)


def test_every_file_gives_a_record_or_says_why(corpus: Extraction) -> None:
    files = sorted(CORPUS.glob("*.pdf"))
    with_records = {r.source for r in corpus.records}
    explained = {p.path for p in corpus.problems if p.fatal}
    print(f"\ncorpus: {len(files)} files, {len(corpus.records)} records from {len(with_records)} files, "
          f"{len(explained)} files with a problem")
    for p in corpus.problems:
        print(f"  {p}")
    silent = [f.name for f in files if str(f) not in with_records and str(f) not in explained]
    assert not silent, f"files that gave neither a record nor a reason: {silent}"
    assert all(p.message and "Traceback" not in p.message for p in corpus.problems)
    assert len(with_records) >= len(files) - 5  # a few are not letters or reports on children's services


def test_no_place_council_or_agency_is_an_inspector(corpus: Extraction) -> None:
    bad = []
    for rec in corpus.records:
        for name in [*rec.inspectors, *([rec.signatory] if rec.signatory else [])]:
            places = find_authorities(name)
            if (_ORG_WORD.search(name) or match_authority(name) is not None
                    or any(a == 0 for _, a, _ in places) or len(name.split()) < 2):
                bad.append(f"{Path(rec.source).name}: {name!r}")
    assert not bad, "\n".join(bad)


def test_every_inspector_has_a_team_entry(corpus: Extraction) -> None:
    for rec in corpus.records:
        assert [m.name for m in rec.inspection_team] == rec.inspectors, rec.source
