"""Reading real-world inputs: PDFs with a text layer, HTML, odd encodings, and bad files.

One seed letter (Warwickshire focused visit, 2018) is turned into a two-page PDF, an HTML page,
UTF-16 and cp1252 text files; each must give the same key facts, with evidence spans that point at
the document text. Bad inputs must each be reported on one stderr line without stopping the run.
"""

from __future__ import annotations

import html
import json
import random
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ofsted_kg.api import extract_letters
from ofsted_kg.cli.app import app
from ofsted_kg.extract.reading import Document, read_document
from ofsted_kg.extract.records import LetterRecord

from .conftest import EXAMPLES
from .pdfmaker import make_pdf

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "examples" / "letters" / "004_2067af35a111929a.txt"
TRUNCATION_SEED = HERE.parent / "examples" / "letters" / "000_5f08dc2b8cd356b2.txt"
FOOTER = "Focused visit to Warwickshire children's services {}"

INSPECTORS = ["Peter McEntee", "Pauline Higham"]
FIRST_REC = "Ensure children are allocated a frontline social worker"
LAST_REC = "Ensure that the audit process focuses on the quality of practice"

runner = CliRunner()


# --- building the seed letter in other formats ---------------------------------------------------


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def seed_paragraphs() -> list[str]:
    """The seed letter's paragraphs as a printed letter has them: no Markdown, no blank runs."""
    return [p.strip().replace("**", " ").replace("  ", " ").strip() for p in seed_text().splitlines() if p.strip()]


def wrapped_lines(width: int = 90) -> list[str]:
    """The seed letter hard-wrapped at `width` like a PDF text layer, "■" (not in WinAnsi) as "•"."""
    lines: list[str] = []
    for para in seed_text().replace("■", "•").replace("**", "").splitlines():
        lines.extend(textwrap.wrap(para, width) or [""])
    return lines


def two_pages() -> list[list[str]]:
    """The wrapped letter on two pages, broken inside the fifth recommendation, each page footed."""
    lines = wrapped_lines()
    cut = next(i for i, ln in enumerate(lines) if ln.startswith("- Independent reviewing officers")) + 1
    return [lines[:cut] + ["", FOOTER.format(1)], lines[cut:] + ["", FOOTER.format(2)]]


def letter_html() -> str:
    """The seed letter as an HTML page: <p> per paragraph, bullet runs as <ul><li>."""
    body: list[str] = []
    in_list = False
    for para in seed_paragraphs():
        m = re.match(r"^(?:-|■)\s+(.*)$", para)
        if m and not in_list:
            body.append("<ul>")
            in_list = True
        elif not m and in_list:
            body.append("</ul>")
            in_list = False
        body.append(f"<li>{html.escape(m.group(1))}</li>" if m else f"<p>{html.escape(para)}</p>")
    if in_list:
        body.append("</ul>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ofsted letter</title>"
            "<style>p { margin: 0 }</style></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n")


def windows_text(smart_quotes: bool) -> str:
    """The seed letter with CRLF line endings and a form feed at each page break (blank-line run)."""
    text = seed_text().replace("■", "•")
    if smart_quotes:
        text = text.replace("'", "\u2019")
    text = re.sub(r"\n{4,}", "\n\f", text)
    assert text.count("\f") >= 3
    return text.replace("\n", "\r\n")


# --- checks shared by the formats -----------------------------------------------------------------


def only_record(path: Path) -> LetterRecord:
    result = extract_letters(path)
    assert [p for p in result.problems if p.fatal] == []
    assert len(result.records) == 1, [r.to_dict()["span"] for r in result.records]
    return result.records[0]


def assert_key_facts(rec: LetterRecord) -> None:
    assert rec.authority == "Warwickshire"
    assert rec.visit_start == "2018-07-17"
    assert rec.inspectors == INSPECTORS
    assert len(rec.recommendations) == 6, rec.recommendations
    assert rec.recommendations[0].startswith(FIRST_REC)
    assert rec.recommendations[-1].startswith(LAST_REC)


def assert_spans_match(rec: LetterRecord, doc: Document) -> None:
    """Every evidence span's words are the document's text at its offsets, on the right page."""
    spans = [(name, s) for name, ss in rec.evidence.items() for s in ss]
    assert spans
    for name, s in spans:
        assert 0 <= s.start < s.end <= len(doc.text), (name, s)
        assert s.text == doc.text[s.start:s.end], (name, s)
        if "\f" in doc.text:  # pages are what the form feeds separate
            assert s.page == doc.text.count("\f", 0, s.start) + 1, (name, s)


# --- (a) a two-page PDF ---------------------------------------------------------------------------


def test_pdfmaker_text_layer_reads_back_in_order(tmp_path: Path) -> None:
    from pypdf import PdfReader

    pages = [["First (line) with \\ and £5", "", "Second line – café"], ["Page two, line one", "2"]]
    path = tmp_path / "t.pdf"
    path.write_bytes(make_pdf(pages))
    reader = PdfReader(path, strict=True)
    got = [p.extract_text().splitlines() for p in reader.pages]
    assert got == [[ln for ln in page if ln] for page in pages]


@pytest.fixture(scope="module")
def pdf_letter(tmp_path_factory: pytest.TempPathFactory) -> tuple[LetterRecord, Document]:
    path = tmp_path_factory.mktemp("pdf") / "warwickshire.pdf"
    path.write_bytes(make_pdf(two_pages()))
    doc = read_document(path)
    assert doc.media_type == "application/pdf"
    assert len(doc.page_starts) == 2
    assert FOOTER.format(2) in doc.text
    return only_record(path), doc


def test_pdf_letter_dates_authority_and_recommendations(pdf_letter: tuple[LetterRecord, Document]) -> None:
    rec, _ = pdf_letter
    assert rec.authority == "Warwickshire"
    assert rec.visit_start == "2018-07-17"
    assert rec.letter_date == "2018-08-09"
    assert len(rec.recommendations) == 6, rec.recommendations
    assert rec.recommendations[4].endswith("the purpose of a child protection plan."), rec.recommendations[4]
    assert not any("Focused visit to" in r for r in rec.recommendations), "page footer leaked into a fact"
    assert rec.complete and rec.warnings == []


def test_pdf_letter_inspectors(pdf_letter: tuple[LetterRecord, Document]) -> None:
    # The text layer is hard-wrapped: "... and Pauline\nHigham, Her Majesty's Inspector."
    rec, doc = pdf_letter
    assert "Pauline\nHigham" in doc.text
    assert rec.inspectors == INSPECTORS


def test_pdf_letter_evidence_has_page_numbers(pdf_letter: tuple[LetterRecord, Document]) -> None:
    rec, doc = pdf_letter
    assert_spans_match(rec, doc)
    spans = [s for ss in rec.evidence.values() for s in ss]
    assert all(s.page in (1, 2) for s in spans)
    assert {s.page for s in spans} == {1, 2}
    assert rec.evidence["authority"][0].page == 1
    assert [s.page for s in rec.evidence["recommendations"]][-1] == 2
    assert rec.to_dict()["evidence"]["recommendations"][-1]["page"] == 2


def test_pdf_letter_signatory_evidence_is_on_page_two(pdf_letter: tuple[LetterRecord, Document]) -> None:
    rec, doc = pdf_letter
    assert rec.signatory == "Peter McEntee"
    (span,) = rec.evidence["signatory"]
    assert span.text == "Peter McEntee", span
    assert span.start > doc.text.index("Yours sincerely")
    assert span.page == 2


# --- (b) HTML ------------------------------------------------------------------------------------


def test_html_letter_gives_the_same_facts(tmp_path: Path) -> None:
    path = tmp_path / "warwickshire.html"
    path.write_text(letter_html(), encoding="utf-8")
    rec = only_record(path)
    assert_key_facts(rec)
    assert rec.letter_date == "2018-08-09"
    assert rec.signatory == "Peter McEntee"
    assert "children's" in rec.recommendations[-1]  # &#x27; unescaped
    assert_spans_match(rec, read_document(path))


# --- (c) UTF-16, cp1252, CRLF and form feeds -----------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "smart_quotes"),
    [("utf-16", False), ("utf-16", True), ("cp1252", False), ("cp1252", True)],
)
def test_encoded_crlf_letter_gives_the_same_facts(tmp_path: Path, encoding: str, smart_quotes: bool) -> None:
    path = tmp_path / f"warwickshire-{encoding}.txt"
    path.write_bytes(windows_text(smart_quotes).encode(encoding))
    doc = read_document(path)
    assert "\r\n" in doc.text and "\f" in doc.text
    assert len(doc.page_starts) == doc.text.count("\f") + 1 >= 4
    rec = only_record(path)
    assert_key_facts(rec)
    assert rec.letter_date == "2018-08-09"
    assert_spans_match(rec, doc)
    assert {s.page for s in rec.evidence["recommendations"]} == {3}


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252"])
def test_encoded_letter_with_typographic_quotes_decodes_exactly(tmp_path: Path, encoding: str) -> None:
    text = windows_text(smart_quotes=True)
    path = tmp_path / f"warwickshire-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_document(path)
    assert doc.text == text, (doc.encoding, doc.text[-40:])


def test_signatory_evidence_points_at_the_sign_off(tmp_path: Path) -> None:
    path = tmp_path / "warwickshire.txt"
    path.write_bytes(windows_text(False).encode("cp1252"))
    doc = read_document(path)
    rec = only_record(path)
    (span,) = rec.evidence["signatory"]
    assert span.text == "Peter McEntee", span
    assert span.start > doc.text.index("Yours sincerely")


# --- (d) bad inputs through the command line -----------------------------------------------------


SHOPPING_LIST = "Shopping list\n\n- milk\n- eggs\n- bread\n- 2 tins of tomatoes\n- washing-up liquid\n"
MINUTES = """Minutes of the meeting of the Children and Young People Scrutiny Committee
held at County Hall on 4 March 2019 at 10am

Present: Councillor J Smith (Chair), Councillor A Patel, Councillor R Jones

1. Apologies for absence
Apologies were received from Councillor M Brown.

2. Minutes of the previous meeting
The minutes of the meeting held on 14 January 2019 were agreed as a correct record.

3. Ofsted focused visit update
The Director of Children's Services reported on progress against the improvement plan and
noted that the next monitoring visit was expected in the summer. Members asked about caseloads.

4. Date of next meeting
The next meeting will be held on 6 May 2019.
"""


def bad_and_good_files(folder: Path) -> tuple[list[Path], Path]:
    """(bad inputs, one good letter) written into `folder`; the last bad one does not exist."""
    good_pdf = make_pdf(two_pages())
    rng = random.Random(1234)
    files = {
        "empty.txt": b"",
        "random.txt": b"\x00\x01" + rng.randbytes(4096),
        "truncated.pdf": good_pdf[:300],
        "scanned.pdf": make_pdf([[]]),
        "shopping.txt": SHOPPING_LIST.encode(),
        "minutes.txt": MINUTES.encode(),
    }
    bad = []
    for name, data in files.items():
        (folder / name).write_bytes(data)
        bad.append(folder / name)
    bad.append(folder / "no-such-letter.txt")
    good = folder / "good.txt"
    good.write_text(seed_text(), encoding="utf-8")
    return bad, good


def check_bad_run(exit_code: int, stdout: str, stderr: str, bad: list[Path], good: Path) -> None:
    assert exit_code == 1, (stdout[-500:], stderr)
    assert "Traceback" not in stdout and "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == len(bad), stderr
    for path in bad:
        naming = [ln for ln in lines if f" {path}: " in ln]
        assert len(naming) == 1, (path, stderr)
        assert naming[0].startswith(f"error: {path}: "), naming[0]
    assert not any(f" {good}: " in ln for ln in lines), stderr
    records: list[dict[str, Any]] = json.loads(stdout)
    assert [r["source"] for r in records] == [str(good)]
    assert records[0]["authority"] == "Warwickshire"
    assert records[0]["visit_start"] == "2018-07-17"


def test_bad_inputs_are_reported_one_line_each(tmp_path: Path) -> None:
    bad, good = bad_and_good_files(tmp_path)
    args = [str(p) for p in bad[:3]] + [str(good)] + [str(p) for p in bad[3:]]
    result = runner.invoke(app, ["extract", "--format", "json", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    check_bad_run(result.exit_code, result.stdout, result.stderr, bad, good)


def test_bad_inputs_through_the_installed_script(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "ofsted-kg"
    assert script.exists(), script
    bad, good = bad_and_good_files(tmp_path)
    proc = subprocess.run([str(script), "extract", "--format", "json", *map(str, bad), str(good)],
                          capture_output=True, text=True, encoding="utf-8", timeout=60, cwd=tmp_path)
    check_bad_run(proc.returncode, proc.stdout, proc.stderr, bad, good)


def test_truncated_letter_gives_a_record_and_a_warning(tmp_path: Path) -> None:
    text = TRUNCATION_SEED.read_text(encoding="utf-8")
    path = tmp_path / "truncated.txt"
    path.write_text(text[: int(len(text) * 0.4)], encoding="utf-8")
    result = runner.invoke(app, ["extract", "--format", "json", str(path)])
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    assert len(records) == 1
    assert records[0]["source"] == str(path)
    assert records[0]["authority"] == "Worcestershire"
    assert records[0]["complete"] is False
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"warning: {path}: "), lines[0]
    assert "truncated" in lines[0]


def test_a_page_pypdf_cannot_decode_leaves_the_others_readable(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PageObject

    real = PageObject.extract_text
    calls = {"n": 0}

    def flaky(self: PageObject, *args: object, **kwargs: object) -> str:
        calls["n"] += 1
        if calls["n"] == 1:
            raise KeyError("/Widths")  # as pypdf does on a damaged font
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(PageObject, "extract_text", flaky)
    path = tmp_path / "damaged.pdf"
    path.write_bytes(make_pdf(two_pages()))
    doc = read_document(path)
    assert len(doc.page_starts) == 2 and doc.text.startswith("\f")
    assert FOOTER.format(2) in doc.text


def test_a_web_page_under_a_pdf_name_is_named_as_such(tmp_path: Path) -> None:
    page = tmp_path / "children's services inspection - 1 may 2019.pdf"
    page.write_text("<!DOCTYPE html><html><head><title>Page not found</title></head>"
                    "<body><h1>Sorry, we cannot find that page</h1></body></html>", encoding="utf-8")
    broken = tmp_path / "b.pdf"
    broken.write_bytes(b"\x00\x01 not a pdf at all")
    result = extract_letters([tmp_path])
    problems = {Path(p.path).name: p.message for p in result.problems}
    assert problems[page.name].startswith("is a web page saved under a .pdf name")
    assert problems["b.pdf"] == "has a .pdf name but is not a PDF (no %PDF- header)"


def test_a_letter_saved_as_html_under_a_pdf_name_is_read(tmp_path: Path) -> None:
    letter = (EXAMPLES / sorted(p.name for p in EXAMPLES.glob("*.txt"))[0]).read_text(encoding="utf-8")
    body = "".join(f"<p>{html.escape(line)}</p>" for line in letter.splitlines())
    (tmp_path / "letter.pdf").write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    result = extract_letters([tmp_path / "letter.pdf"])
    assert result.records and not result.problems
    assert result.records[0].authority
