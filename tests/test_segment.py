"""Finding letters inside larger documents, and refusing documents that hold none."""

from __future__ import annotations

from ofsted_kg.api import extract_letters, extract_text

from .conftest import EXAMPLES

LETTER = (EXAMPLES / "004_2067af35a111929a.txt").read_text(encoding="utf-8")


def test_agenda_wrapped_letter_yields_only_the_letter() -> None:
    result = extract_letters([EXAMPLES / "002_a2bb1c2b670b0846.txt"])
    assert len(result.records) == 1
    rec = result.records[0]
    names = set(rec.inspectors) | {rec.signatory or ""} | {(rec.recipient.name if rec.recipient else "") or ""}
    for councillor in ("Oborski", "Potter", "Agar", "Baker-Price", "Allbut", "Richardson", "Grice", "Morris"):
        assert not any(councillor in n for n in names), councillor
    assert rec.span is not None and rec.span.start > 1000  # the agenda before the letter is left out


def test_two_letters_in_one_document_give_two_records() -> None:
    agenda = "Agenda\n\nItem 4: Ofsted letters\n\nCouncillors: Mrs A Smith (Chair), Mr B Jones\n\n"
    minutes = "\n\nMinutes\n\nThe panel noted the letters. Cllr Jane Doe thanked officers.\n"
    second = (EXAMPLES / "000_5f08dc2b8cd356b2.txt").read_text(encoding="utf-8")
    records = extract_text(agenda + LETTER + "\n\nThis page is intentionally left blank\n\n" + second + minutes)
    assert [r.authority for r in records] == ["Warwickshire", "Worcestershire"]
    assert records[0].inspectors == ["Peter McEntee", "Pauline Higham"]
    assert records[1].inspectors == ["Andrew Waugh", "Alison Smale"]
    assert all(r.complete for r in records)


def test_document_without_a_letter_is_a_problem_not_a_record(tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "minutes.txt"
    p.write_text("Minutes of the Planning Committee\n\nDear residents,\n\nThe bins are collected on Tuesdays.\n")
    result = extract_letters([p])
    assert result.records == []
    assert result.failed and "no Ofsted letter or report" in result.problems[0].message


def test_truncated_letter_still_gives_a_record_with_a_warning() -> None:
    records = extract_text(LETTER[: len(LETTER) // 2], "half.txt")
    assert len(records) == 1
    assert records[0].authority == "Warwickshire" and not records[0].complete
    assert any("truncated" in w for w in records[0].warnings)


def test_a_misprinted_sign_off_still_ends_the_letter() -> None:
    from ofsted_kg.extract.segment import SIGN_OFF
    assert SIGN_OFF.search("next inspection or visit.\nYour sincerely\n\nVictoria Horsefield\n")
