"""Text forms of a PDF as other tools print them, to check that extraction does not depend on pypdf.

Users often hold a letter as text another converter made (the sample letters are such text: a PDF
converted to plain text or Markdown). `text_form` runs one converter on one PDF:

- "pdftotext": poppler's pdftotext in reading order (Debian's poppler-utils);
- "layout": pdftotext -layout (columns kept side by side);
- "pdfminer": pdfminer.six's extract_text (the engine of markitdown and many pipelines);
- "md": pymupdf4llm's Markdown (tables as Markdown tables, headings as #).

A converter that is not installed raises `ConverterMissing`, naming what to install.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
from pathlib import Path

CONVERTERS = ("pdftotext", "layout", "pdfminer", "md")


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
    if converter == "pdfminer":
        try:
            high_level = importlib.import_module("pdfminer.high_level")
        except ImportError as e:
            raise ConverterMissing("pdfminer.six is not installed (pip install pdfminer.six)") from e
        return str(high_level.extract_text(str(pdf)))
    if converter == "md":
        try:
            to_md = importlib.import_module("pymupdf4llm")
        except ImportError as e:
            raise ConverterMissing("pymupdf4llm is not installed (pip install pymupdf4llm)") from e
        return str(to_md.to_markdown(str(pdf)))
    raise ValueError(f"unknown converter {converter!r}; one of {', '.join(CONVERTERS)}")
