"""Hostile and clumsy input (issue 21): no file stalls a batch, no name or stray byte aborts a folder.

Each case checks what comes back, never how fast: `benchmarks/bench_hostile.py` measures the times on
the same inputs (at their full sizes) in child processes with a deadline.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ofsted_kg import api
from ofsted_kg.api import extract_letters, extract_text
from ofsted_kg.cli.app import app
from ofsted_kg.errors import shown
from ofsted_kg.limits import Limits, TimeLimitExceeded, time_limit
from ofsted_kg.store import OxigraphStore

from .conftest import EXAMPLES

SEED = EXAMPLES / "004_2067af35a111929a.txt"
FIRST_REC = "Ensure children are allocated a frontline social worker"
runner = CliRunner()


def seed() -> str:
    return SEED.read_text(encoding="utf-8")


def letter_html(tail: str) -> str:
    body = "".join(f"<p>{line}</p>\n" for line in seed().splitlines() if line.strip())
    return f"<!DOCTYPE html><html><body>\n{body}{tail}</body></html>\n"


def the_letter(path: Path, limits: Limits | None = None) -> None:
    result = extract_letters(path, limits=limits)
    assert [str(p) for p in result.problems if p.fatal] == []
    assert [r.authority for r in result.records] == ["Warwickshire"]
    assert result.records[0].recommendations[0].startswith(FIRST_REC)


# --- bounded work per file ------------------------------------------------------------------------

@pytest.mark.parametrize("name,content", [
    ("br.html", letter_html("<br>" * 60_000)),  # the newline-run pattern took 46 s on this
    ("div.html", letter_html("<div>" * 200_000)),
    ("table.html", letter_html("<table><tr><td>" * 50_000)),
    ("spaces.html", letter_html("<td>" * 50_000)),
    ("stars.md", seed() + "*" * 30_000 + "\n"),  # "**" cut out one at a time: 6 s
    ("underscores.md", seed() + "_" * 30_000 + "\n"),
    ("indent.txt", seed() + " " * 30_000 + "x\n"),
    ("newlines.txt", seed() + "\n" * 60_000 + "- x\n"),
])
def test_hostile_markup_still_gives_the_letter(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    # a generous time limit: a return to quadratic work shows here as a "took more than" problem
    the_letter(path, Limits(seconds=60))


def test_a_file_over_the_size_limit_is_one_line_and_the_others_are_read(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(seed() + "x" * 3000, encoding="utf-8")
    (tmp_path / "letter.txt").write_text(seed(), encoding="utf-8")
    result = extract_letters(tmp_path, limits=Limits(max_mb=len(seed()) / 1e6 + 0.001))
    assert [r.source for r in result.records] == [str(tmp_path / "letter.txt")]
    assert [str(p) for p in result.problems] == [
        f"{tmp_path / 'big.txt'}: is 0.0 MB, over the limit of {len(seed()) / 1e6 + 0.001:g} MB a file "
        "(set OFSTED_KG_MAX_FILE_MB to raise it); not read"]


def test_a_text_over_the_length_limit_is_not_extracted(tmp_path: Path) -> None:
    path = tmp_path / "long.html"
    path.write_text(letter_html("<p>" + "word " * 4000 + "</p>"), encoding="utf-8")
    result = extract_letters(path, limits=Limits(max_chars=20_000))
    assert result.records == []
    assert len(result.problems) == 1
    assert re.fullmatch(r".*: holds [\d,]+ characters of text, over the limit of 20,000 \(set OFSTED_KG_MAX_CHARS "
                        r"to raise it\); not extracted", str(result.problems[0]))
    the_letter(path, Limits(max_chars=0))  # 0: no limit


def test_limits_come_from_the_environment_and_a_bad_one_is_one_line(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "letter.txt").write_text(seed(), encoding="utf-8")
    monkeypatch.setenv("OFSTED_KG_MAX_FILE_MB", "0.001")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "over the limit of 0.001 MB" in result.stderr
    monkeypatch.setenv("OFSTED_KG_MAX_FILE_MB", "lots")
    from ofsted_kg.limits import LimitError

    with pytest.raises(LimitError, match=r"^OFSTED_KG_MAX_FILE_MB='lots': not a number$"):
        Limits.from_env()


def test_the_time_limit_stops_one_file_and_the_batch_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a-slow.txt").write_text(seed(), encoding="utf-8")
    (tmp_path / "b-letter.txt").write_text(seed(), encoding="utf-8")
    real = api.extract_document

    def stalls_on_a(doc: api.Document) -> list[api.LetterRecord]:
        if doc.path.endswith("a-slow.txt"):
            time.sleep(30)
        return real(doc)

    monkeypatch.setattr(api, "extract_document", stalls_on_a)
    result = extract_letters(tmp_path, limits=Limits(seconds=0.5))
    assert [Path(r.source).name for r in result.records] == ["b-letter.txt"]
    assert [str(p) for p in result.problems] == [
        f"{tmp_path / 'a-slow.txt'}: took more than 0.5 s to read and extract (set OFSTED_KG_FILE_SECONDS "
        "to raise it); skipped"]


def test_the_time_limit_interrupts_a_regular_expression() -> None:
    with pytest.raises(TimeLimitExceeded), time_limit(0.3):
        re.match(r"(a+)+$", "a" * 40 + "b")  # exponential backtracking, inside the regex engine


def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.txt")
    (tmp_path / "letter.txt").write_text(seed(), encoding="utf-8")
    for target in (tmp_path, tmp_path / "x.txt"):  # in a folder, and named as an argument
        result = extract_letters(target)
        assert [str(p) for p in result.problems] == [
            f"{tmp_path / 'x.txt'}: is not a regular file (a FIFO, device or socket); not read"]
    assert len(extract_letters(tmp_path).records) == 1


# --- names and bytes ------------------------------------------------------------------------------

def bad_name(folder: Path) -> Path:
    """A file whose name is Latin-1, not UTF-8, as Windows archives unpack."""
    return Path(os.fsdecode(os.fsencode(folder) + b"/lettre-\xe9t\xe9.txt"))


def test_a_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path: Path) -> None:
    bad_name(tmp_path).write_text(seed(), encoding="utf-8")
    (tmp_path / "other.txt").write_bytes(b"\x00\x01binary")
    result = extract_letters(tmp_path)
    assert [r.source for r in result.records] == [f"{tmp_path}/lettre-\\xe9t\\xe9.txt"]
    json.dumps([r.to_dict() for r in result.records], ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("command", ["build", "ingest"])
def test_build_and_ingest_load_the_letters_beside_a_bad_name(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    bad_name(folder).write_text(seed(), encoding="utf-8")
    (folder / "good.txt").write_text(seed().replace("Warwickshire", "Worcestershire"), encoding="utf-8")
    args = ["build", "--format", "nquads", str(folder)] if command == "build" else \
        ["ingest", "--store", str(tmp_path / "store"), "--workers", "1", str(folder)]
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 0, result.stderr
    if command == "build":
        assert "lettre-\\\\xe9t\\\\xe9.txt" in result.stdout  # the escaped name, as an N-Quads literal
    else:
        assert "2 letter(s) loaded" in result.stderr
        assert len([g for g in OxigraphStore(tmp_path / "store").graphs() if g.endswith("/provenance")]) == 2


def test_a_newline_in_a_name_cannot_forge_a_line(tmp_path: Path) -> None:
    (tmp_path / "x\nerror: all is well.txt").write_bytes(b"\x00binary")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.stderr.splitlines() == [
        f"error: {tmp_path}/x\\nerror: all is well.txt: is a binary file, not a text, PDF or HTML document"]


def test_shown_names() -> None:
    assert shown("plain café.txt") == "plain café.txt"
    assert shown("a\tb\x1b[31m.txt") == "a\\tb\\x1b[31m.txt"
    assert shown(os.fsdecode(b"\xff.txt")) == "\\xff.txt"


def test_lone_surrogates_never_crash() -> None:
    records = extract_text(seed().replace("Dear", "Dear \ud800", 1).replace("Yours", "\udfff Yours"))
    assert [r.authority for r in records] == ["Warwickshire"]
    json.dumps([r.to_dict() for r in records], ensure_ascii=False).encode("utf-8")


def test_a_stray_byte_keeps_utf8_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "stray.txt"
    path.write_bytes(seed().encode("utf-8").replace(b"Dear", b"Dear\x81", 1))
    result = extract_letters(path)
    [rec] = result.records
    assert all("Ō" not in r for r in rec.recommendations)  # no cp775 reading
    assert rec.recommendations[0].startswith(FIRST_REC)
    assert [str(p) for p in result.problems] == [f"{path}: is not valid UTF-8: 1 byte(s) read as U+FFFD"]


def test_a_stray_byte_among_utf8_bullets_is_not_read_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "stray.txt"
    path.write_bytes(seed().encode("utf-8").replace(b"Dear", b"Dear\x92", 1))  # 0x92 is cp1252's ’
    result = extract_letters(path)
    assert all("â" not in r for r in result.records[0].recommendations)
    assert [p.message for p in result.problems] == ["is not valid UTF-8: 1 byte(s) read as U+FFFD"]


def test_a_cp1252_reading_is_reported_as_a_guess(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_bytes(seed().replace("■", "-").replace("'", "\u2019").encode("cp1252"))
    result = extract_letters(path)
    assert result.records[0].authority == "Warwickshire"
    assert [p.message for p in result.problems] == ["is not UTF-8; read as Windows-1252 (cp1252), a guess"]
    assert not result.failed


def test_an_unreadable_subfolder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "letter.txt").write_text(seed(), encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "hidden.txt").write_text(seed(), encoding="utf-8")
    real = os.scandir

    def denied(path: object = ".") -> object:  # the tests run as root, whom chmod 000 does not stop
        if str(path) == str(tmp_path / "b"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", denied)
    result = extract_letters(tmp_path)
    assert [Path(r.source).name for r in result.records] == ["letter.txt"]
    assert [str(p) for p in result.problems] == [
        f"{tmp_path / 'b'}: is a folder that cannot be read (Permission denied); its letters were not read"]
    assert result.failed


def test_a_stray_byte_in_plain_ascii_keeps_utf8(tmp_path: Path) -> None:
    path = tmp_path / "stray.txt"
    path.write_bytes(seed().replace("■", "-").encode("ascii", "replace").replace(b"Dear", b"Dear\x81", 1))
    result = extract_letters(path)
    assert result.records[0].authority == "Warwickshire"
    assert [p.message for p in result.problems] == ["is not valid UTF-8: 1 byte(s) read as U+FFFD"]
