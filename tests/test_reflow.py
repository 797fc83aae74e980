"""A whole letter joined into one line gets its lines back (ofsted_kg/extract/reflow.py). Figures for the
whole real golden set in this form: tests/test_text_forms.py and benchmarks/text_forms.py ("flat")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ofsted_kg.api import extract_text
from ofsted_kg.extract.normalise import normalise
from ofsted_kg.extract.reading import read_document
from ofsted_kg.extract.reflow import FLAT_MIN, is_flat, reflow
from ofsted_kg.text_forms import text_form

from .conftest import GOLDEN

REAL = GOLDEN / "real" / "documents"


def _flat(pdf: Path) -> str:
    """The PDF's text with every run of whitespace one space, as a scraper that collapsed it gives it."""
    return re.sub(r"\s+", " ", read_document(pdf).text).strip()


def test_a_long_paragraph_or_a_short_letter_line_is_left_alone() -> None:
    paragraph = "Social workers visit children regularly and know them well. " * 40
    assert len(paragraph) > FLAT_MIN and not is_flat(paragraph, 0, len(paragraph))
    short = "Dear Ms Gent Focused visit to Blackpool children's services. Yours sincerely Jo Smith"
    assert not is_flat(short, 0, len(short))


@pytest.mark.parametrize("stem", ["focused-visit-003", "ilacs-013", "jtai-005"])
def test_reflow_breaks_only_at_whitespace_and_loses_nothing(stem: str) -> None:
    text = _flat(REAL / f"{stem}.pdf")
    assert is_flat(text, 0, len(text))
    spans = reflow(text, 0, len(text))
    assert len(spans) > 50
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (_, end, _), (start, _, _) in zip(spans, spans[1:], strict=False):
        assert end <= start and not text[end:start].strip()  # a gap between lines is whitespace only
    assert "".join(text[s:e] for s, e, _ in spans).replace(" ", "") == text.replace(" ", "")


def test_a_flattened_letter_gets_its_lines_and_paragraphs_back() -> None:
    lines = normalise(_flat(REAL / "focused-visit-003.pdf")).text.split("\n")
    for line in ("6 November 2025", "Dear Ms Gent", "Focused visit to Blackpool children's services",
                 "Headline findings", "Main findings", "Yours sincerely"):
        assert line in lines, line
    at = lines.index("Headline findings")
    assert lines[at - 1] == "" and lines[at + 1] == ""  # a heading is a paragraph of its own
    items = [x for x in lines if x.startswith("- ")]
    assert len(items) == 3 and all(x.startswith("- The ") for x in items)


def test_a_joint_letters_signature_block_gives_each_signer() -> None:
    """Four signers of four inspectorates, names and titles run together after 'Yours sincerely'."""
    (rec,) = extract_text(_flat(REAL / "jtai-005.pdf"), source="jtai-005.txt")
    assert rec.inspectors == ["Yvette Stanley", "Ursula Gallagher", "Wendy Williams", "Helen Davies"]
    assert rec.signatory == "Yvette Stanley"


def test_a_flattened_reports_numbered_recommendations_are_one_each() -> None:
    """Items numbered 1 to 21 under sub-headings ("Safeguarding children 6. Ensure ..."), a page number
    between two of them."""
    (rec,) = extract_text(_flat(REAL / "ilacs-013.pdf"), source="ilacs-013.txt")
    assert rec.recommendations[0].startswith("Review all those care leavers")
    assert not any(re.search(r"\s\d{1,3}\.\s+[A-Z]", r) for r in rec.recommendations)


def _flat_sample(name: str) -> str:
    return re.sub(r"\s+", " ", (Path(__file__).parent.parent / "examples" / "letters" / name).read_text(encoding="utf-8"))


def test_a_letter_inside_a_flattened_council_agenda_keeps_its_head() -> None:
    """The agenda's own dates and addresses come first; the letter's head is what lies between the Ofsted
    letterhead and the salutation."""
    (rec,) = extract_text(_flat_sample("002_a2bb1c2b670b0846.txt"), source="agenda.txt")
    assert rec.recipient is not None and rec.recipient.name == "Catherine Driscoll"
    assert str(rec.letter_date) == "2018-05-14"


def test_a_hyphen_list_after_a_colon_is_one_item_each() -> None:
    (rec,) = extract_text(_flat_sample("001_86c9a5ce8fa1226d.txt"), source="fv.txt")
    assert len(rec.focus_areas) == 3 and rec.focus_areas[1].startswith("experiences and progress of disabled")


def test_a_letters_opening_on_one_line_however_short_gets_its_lines_back() -> None:
    text = _flat(REAL / "focused-visit-003.pdf")
    opening = text[: text.index("Headline findings")]
    assert len(opening) < FLAT_MIN and is_flat(opening, 0, len(opening))
    (rec,) = extract_text(opening, source="opening.txt")
    assert rec.recipient is not None and rec.recipient.name == "Victoria Gent"
    assert str(rec.letter_date) == "2025-11-06" and rec.inspectors == ["Rachel Fairhurst", "Rebekah Tucker"]


def test_a_joint_letters_two_column_signature_block_gives_each_signer() -> None:
    """Names and titles of two columns interleaved ("Yvette Stanley Ursula Gallagher National Director, Social
    Care Deputy Chief Inspector HMI Constabulary and Fire & Rescue HMI Probation Services Wendy Williams ...")."""
    text = re.sub(r"\s+", " ", text_form(REAL / "jtai-021.pdf", "pdftotext"))
    (rec,) = extract_text(text, source="jtai-021.txt")
    assert rec.inspectors == ["Yvette Stanley", "Ursula Gallagher", "Wendy Williams", "Helen Davies"]
    assert rec.signatory == "Yvette Stanley"


def test_a_joint_letters_inspection_team_list_gives_each_member() -> None:
    """"Inspection team Ofsted Joanna Walters, Ofsted lead inspector Una Buckley, Ofsted HMI ... Care Quality
    Commission Lesley Perry, CQC lead inspector ...": each inspectorate and each member apart."""
    members = ["Andrea Crosby-Josephs", "Janet Fraser", "Joanna Walters", "Lesley Perry", "Una Buckley"]
    for text in (_flat(REAL / "jtai-017.pdf"), re.sub(r"\s+", " ", text_form(REAL / "jtai-017.pdf", "pdftotext"))):
        (rec,) = extract_text(text, source="jtai-017.txt")  # pypdf reads the two columns row by row, pdftotext each whole
        assert sorted(rec.inspectors) == members
