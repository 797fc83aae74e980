"""Golden tests: letters in, hand-checked records out, compared field by field.

The five seed letters (examples/letters) must be extracted perfectly; the synthetic letters and
report openings in tests/golden (shapes the seeds lack) must reach the project's quality bar. The
synthetic inspection report PDFs (tests/report_pdfs.py, expected records pdf_*.json) are built at test
time and must be extracted exactly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ofsted_kg.api import extract_letters
from ofsted_kg.scoring import Tally, find_letter, score_record

from .conftest import EXAMPLES, GOLDEN
from .report_pdfs import REPORTS, write_reports

SEED_GOLD = sorted((GOLDEN / "seed-expected").glob("*.json"))
SYNTHETIC_GOLD = sorted((GOLDEN / "expected").glob("*.json"))
PDF_GOLD = [g for g in SYNTHETIC_GOLD if g.stem in REPORTS]


@pytest.fixture(scope="module")
def report_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the synthetic report PDFs are written to."""
    folder = tmp_path_factory.mktemp("report-pdfs")
    write_reports(folder)
    return folder


def _score(gold_file: Path, letters: Path, also: Path | None = None) -> Tally:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    letter = find_letter(letters, gold_file.stem) or (find_letter(also, gold_file.stem) if also else None)
    assert letter is not None, f"no letter for {gold_file.name}"
    result = extract_letters([letter])
    assert result.records, f"{letter}: nothing extracted ({result.problems})"
    t = Tally()
    score_record(t, gold, result.records[0].to_dict(), gold_file.stem)
    return t


def test_discovery_found_cases() -> None:
    assert len(SEED_GOLD) == 5
    assert len(SYNTHETIC_GOLD) >= 8
    assert sorted(g.stem for g in PDF_GOLD) == sorted(REPORTS)


@pytest.mark.parametrize("gold_file", SEED_GOLD, ids=lambda p: p.stem)
def test_seed_letters_are_extracted_exactly(gold_file: Path) -> None:
    t = _score(gold_file, EXAMPLES)
    assert not t.misses, "\n".join(t.misses)


def test_synthetic_letters_meet_the_bar(report_pdfs: Path) -> None:
    total = Tally()
    for gold_file in SYNTHETIC_GOLD:
        t = _score(gold_file, GOLDEN / "letters", report_pdfs)
        for name in t.fields():
            total.tp[name] += t.tp[name]
            total.fp[name] += t.fp[name]
            total.fn[name] += t.fn[name]
        total.misses.extend(t.misses)
    weak = {n: round(total.prf(n)[2], 3) for n in total.fields() if total.prf(n)[2] < 0.8}
    assert total.micro_f1 >= 0.9, f"micro-F1 {total.micro_f1:.3f}\n" + "\n".join(total.misses)
    assert not weak, f"fields below 0.8: {weak}\n" + "\n".join(total.misses)


LETTER_FIELDS = ("letter_date", "authority", "visit_type", "visit_start", "visit_end", "inspectors", "signatory")


@pytest.mark.parametrize("gold_file", [g for g in SYNTHETIC_GOLD if not g.stem.startswith(("report_", "pdf_"))],
                         ids=lambda p: p.stem)
def test_synthetic_letters_core_fields(gold_file: Path) -> None:
    """Dates, authority, kind of visit and people are right on every synthetic letter."""
    t = _score(gold_file, GOLDEN / "letters")
    misses = [m for m in t.misses if m.split(": ")[1].split(":")[0] in LETTER_FIELDS]
    assert not misses, "\n".join(misses)


@pytest.mark.parametrize("gold_file", PDF_GOLD, ids=lambda p: p.stem)
def test_report_pdfs_are_extracted_exactly(gold_file: Path, report_pdfs: Path) -> None:
    """Every scored field of each synthetic inspection report PDF, as pypdf reads it, is right."""
    t = _score(gold_file, report_pdfs)
    assert not t.misses, "\n".join(t.misses)


def test_report_pdf_evidence_quotes_the_text_layer_with_pages(report_pdfs: Path) -> None:
    from ofsted_kg.extract.reading import read_document

    result = extract_letters([report_pdfs])
    assert len(result.records) == len(REPORTS), result.problems
    for rec in result.records:
        doc = read_document(rec.source)
        for name, spans in rec.evidence.items():
            for span in spans:
                assert doc.text[span.start:span.end] == span.text, (rec.source, name, span)
                assert span.page == doc.text.count("\f", 0, span.start) + 1, (rec.source, name, span)


def test_every_evidence_span_quotes_the_source() -> None:
    """Each evidence span's text is exactly the source text at its offsets."""
    from ofsted_kg.extract.reading import read_document

    paths = sorted(EXAMPLES.glob("*.txt")) + sorted((GOLDEN / "letters").glob("*.txt"))
    result = extract_letters(paths)
    checked = 0
    for rec in result.records:
        doc = read_document(rec.source)
        for name, spans in rec.evidence.items():
            for span in spans:
                assert doc.text[span.start:span.end] == span.text, (rec.source, name, span)
                checked += 1
    assert checked > 100


@pytest.mark.parametrize("gold_file", SEED_GOLD, ids=lambda p: p.stem)
def test_seed_letters_hard_wrapped_like_pdf_text(gold_file: Path, tmp_path: Path) -> None:
    """Text as PDF extraction gives it (lines wrapped at 90 characters, no blank lines) reads the same."""
    import textwrap

    source = (EXAMPLES / f"{gold_file.stem}.txt").read_text(encoding="utf-8")
    lines = [w for para in source.split("\n") if para.strip() for w in textwrap.wrap(para, 90)]
    (tmp_path / f"{gold_file.stem}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    t = _score(gold_file, tmp_path)
    assert not t.misses, "\n".join(t.misses)


def test_synthetic_letters_hard_wrapped_like_pdf_text(tmp_path: Path) -> None:
    """The synthetic .txt letters as PDF text gives them (wrapped at 90 characters, no blank lines)."""
    import textwrap

    total = Tally()
    for gold_file in SYNTHETIC_GOLD:
        letter = GOLDEN / "letters" / f"{gold_file.stem}.txt"
        if not letter.exists():
            continue
        source = letter.read_text(encoding="utf-8")
        lines = [w for para in source.split("\n") if para.strip() for w in textwrap.wrap(para, 90)]
        (tmp_path / letter.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        t = _score(gold_file, tmp_path)
        for name in t.fields():
            total.tp[name] += t.tp[name]
            total.fp[name] += t.fp[name]
            total.fn[name] += t.fn[name]
        total.misses.extend(t.misses)
    assert total.micro_f1 >= 0.98, f"micro-F1 {total.micro_f1:.3f}\n" + "\n".join(total.misses)


MORE_GOLD = sorted((GOLDEN / "expected-more").glob("*.json"))


@pytest.mark.parametrize("gold_file", MORE_GOLD, ids=lambda p: p.name)
def test_later_records_of_documents_holding_several_letters(gold_file: Path) -> None:
    """tests/golden/expected-more/<stem>.<n>.json is the n-th record (document order) of letters/<stem>."""
    stem, n = gold_file.name.split(".")[0], int(gold_file.name.split(".")[1])
    letter = find_letter(GOLDEN / "letters", stem)
    assert letter is not None
    records = extract_letters([letter]).records
    assert len(records) >= n, f"{letter.name}: {len(records)} records, expected at least {n}"
    t = Tally()
    score_record(t, json.loads(gold_file.read_text(encoding="utf-8")), records[n - 1].to_dict(), gold_file.name)
    assert not t.misses, "\n".join(t.misses)
