"""Text forms of a PDF as other tools print them, to check that extraction does not depend on pypdf.

Users often hold a letter as text another converter made (the sample letters are such text: a PDF
converted to plain text or Markdown). `text_form` runs one converter on one PDF:

- "pdftotext": poppler's pdftotext in reading order (Debian's poppler-utils);
- "layout": pdftotext -layout (columns kept side by side);
- "pdfminer": pdfminer.six's extract_text (the engine of markitdown and many pipelines);
- "md": pymupdf4llm's Markdown (tables as Markdown tables, headings as #);
- "html": poppler's pdftohtml as one HTML page (each line of text a positioned paragraph);
- "paragraphs": pdfminer.six's text boxes, each box's lines joined into one line (a bullet item starting a
  line of its own), boxes parted by blank lines: text whose line breaks were lost within paragraphs, as
  a web page's, a block-level extractor's or a text copied from a PDF viewer has it (the sample
  letters are mostly such text: an address block or a signature on one line);
- "blocks": PyMuPDF's text blocks (`page.get_text("blocks")`, in the order the page draws them), joined
  the same way: another block-level extractor's paragraph-per-line text;
- "flat": pdftotext's text with every run of whitespace one space: the whole document on one line, as a
  scraper that collapsed whitespace, a transcription site's page text or a news page's pasted letter
  gives it;
- "ocr": the pages as images (pdftoppm, 300 dpi) read back by Tesseract OCR (Debian's tesseract-ocr), as
  a scanned letter or a letter printed and scanned by a council would be: real OCR noise.

A converter that is not installed raises `ConverterMissing`, naming what to install.
"""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

CONVERTERS = ("pdftotext", "layout", "pdfminer", "paragraphs", "blocks", "md", "html", "flat", "ocr")
# the file suffix a form's text is saved under, so that it is read as what it is
SUFFIX = {"md": ".md", "html": ".html"}


def suffix(converter: str) -> str:
    """".md", ".html" or ".txt": the suffix of a file holding `converter`'s text."""
    return SUFFIX.get(converter, ".txt")


class ConverterMissing(RuntimeError):
    """The converter's program or library is not installed."""


def text_form(pdf: Path, converter: str) -> str:
    """The text `converter` makes of `pdf`."""
    if converter in ("pdftotext", "layout"):
        exe = shutil.which("pdftotext")
        if exe is None:
            raise ConverterMissing("pdftotext is not installed (Debian: poppler-utils)")
        args = [exe, "-enc", "UTF-8", *(["-layout"] if converter == "layout" else []), str(pdf), "-"]
        return subprocess.run(args, check=True, capture_output=True, timeout=120).stdout.decode("utf-8")
    if converter == "flat":
        return re.sub(r"\s+", " ", text_form(pdf, "pdftotext")).strip() + "\n"
    if converter == "pdfminer":
        return str(_module("pdfminer.high_level", "pdfminer.six").extract_text(str(pdf)))
    if converter == "paragraphs":
        return _paragraphs(pdf)
    if converter == "blocks":
        with _module("pymupdf", "pymupdf").open(str(pdf)) as doc:
            return _one_line_boxes(b[4] for page in doc for b in page.get_text("blocks") if b[6] == 0)
    if converter == "md":
        return str(_module("pymupdf4llm", "pymupdf4llm").to_markdown(str(pdf)))
    if converter == "html":
        exe = shutil.which("pdftohtml")
        if exe is None:
            raise ConverterMissing("pdftohtml is not installed (Debian: poppler-utils)")
        args = [exe, "-s", "-i", "-noframes", "-stdout", "-q", str(pdf)]
        return subprocess.run(args, check=True, capture_output=True, timeout=120).stdout.decode("utf-8")
    if converter == "ocr":
        return _ocr(pdf)
    raise ValueError(f"unknown converter {converter!r}; one of {', '.join(CONVERTERS)}")


_BULLET_START = re.compile(r"\s*[•◼■▪●\u25aa\u25a0\uf0a7\uf0b7\uf06e]")


def _paragraphs(pdf: Path) -> str:
    """pdfminer's text boxes, one line each (bullet items apart), boxes parted by blank lines."""
    layout = _module("pdfminer.layout", "pdfminer.six")
    pages = _module("pdfminer.high_level", "pdfminer.six").extract_pages(str(pdf))
    return _one_line_boxes(box.get_text() for page in pages for box in page if isinstance(box, layout.LTTextContainer))


def _one_line_boxes(boxes: Iterable[str]) -> str:
    """Each text box's lines joined into one line (a bullet item starting a line of its own), boxes parted by
    blank lines."""
    out: list[str] = []
    for box in boxes:
        items: list[list[str]] = []
        for line in box.splitlines():
            if not line.strip():
                continue
            if not items or _BULLET_START.match(line):
                items.append([])
            items[-1].append(line.strip())
        if items:
            out.append("\n".join(re.sub(r"\s+", " ", " ".join(item)) for item in items))
    return "\n\n".join(out) + "\n"


def _ocr(pdf: Path) -> str:
    """Tesseract's reading of each page rendered at 300 dpi, pages parted by form feeds."""
    render, ocr = shutil.which("pdftoppm"), shutil.which("tesseract")
    if render is None or ocr is None:
        raise ConverterMissing("pdftoppm and tesseract are not installed (Debian: poppler-utils, tesseract-ocr)")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([render, "-r", "300", "-gray", "-png", str(pdf), f"{tmp}/page"], check=True,
                       capture_output=True, timeout=600)
        pages = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return "\f".join(subprocess.run([ocr, str(p), "-"], check=True, capture_output=True, timeout=300)
                          .stdout.decode("utf-8") for p in pages)


def _module(name: str, package: str) -> Any:
    """Import a converter's library, or say which package to install."""
    try:
        return importlib.import_module(name)
    except ImportError as e:
        raise ConverterMissing(f"{package} is not installed (pip install {package})") from e
