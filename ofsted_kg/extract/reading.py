"""Reading documents (.txt, .md, .pdf, .html) into text, keeping page boundaries.

Offsets reported anywhere in ofsted-kg index `Document.text`: the decoded text of a .txt/.md file
exactly as stored (line endings included), the text layer of a PDF with pages joined by form feeds,
or the visible text of an HTML page.
"""

from __future__ import annotations

import bisect
import hashlib
import html
import os
import re
import stat
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from ofsted_kg.errors import InputError, shown
from ofsted_kg.limits import Limits

if TYPE_CHECKING:
    from pypdf import PageObject

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES


@dataclass
class Document:
    """A source document's text and what is known about where it came from."""

    path: str
    text: str
    sha256: str
    media_type: str
    encoding: str | None = None
    page_starts: list[int] = field(default_factory=lambda: [0])
    warnings: list[str] = field(default_factory=list)  # e.g. an encoding that had to be guessed

    def page_of(self, offset: int) -> int:
        """1-based page number holding character `offset`."""
        return bisect.bisect_right(self.page_starts, offset)


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand files and folders (recursively) into the document files they hold, sorted per folder.

    A path that does not exist is yielded as is, so the caller reports it; so are a subfolder that
    cannot be listed and a FIFO, device or socket with a document's suffix (`read_document` says why
    each gives nothing). Links to folders are not followed.
    """
    for p in paths:
        path = Path(p)
        if not path.is_dir():
            yield path
            continue
        yield from sorted(_walk(path))


def _walk(path: Path) -> list[Path]:
    """The files with a document's suffix under `path`, and the folders that could not be listed."""
    found: list[Path] = []

    def unlisted(e: OSError) -> None:
        if e.filename is not None:
            found.append(Path(e.filename))

    for folder, _dirs, names in os.walk(path, onerror=unlisted):
        found.extend(Path(folder, n) for n in names if Path(n).suffix.lower() in SUPPORTED_SUFFIXES)
    return found


def read_document(path: str | Path, limits: Limits | None = None) -> Document:
    """Read one file into a `Document`; raise `InputError` naming the problem.

    Only regular files are read (a FIFO would block forever), and none larger than `limits.max_mb`.
    The document's `path` is the name as it can be printed (see `ofsted_kg.errors.shown`).
    """
    p = Path(path)
    name = shown(str(path))
    data = _read_bytes(p, name, limits or Limits())
    if not data.strip():
        raise InputError(name, "is empty")
    digest = hashlib.sha256(data).hexdigest()
    suffix = p.suffix.lower()
    if suffix in PDF_SUFFIXES and b"%PDF-" not in data[:1024]:
        # archived "PDFs" are sometimes the site's web pages (an error page, a redirect) under a .pdf name
        if _looks_like_html(data[:4096].decode("latin-1")):
            text, encoding, warning = _decode(name, data)
            return _html_document(name, text, digest, encoding, warning)
        raise InputError(name, "has a .pdf name but is not a PDF (no %PDF- header)")
    if suffix in PDF_SUFFIXES or data[:5] == b"%PDF-":
        text, starts = _pdf_text(name, data)
        return Document(name, text, digest, "application/pdf", None, starts)
    text, encoding, warning = _decode(name, data)
    if suffix in HTML_SUFFIXES or _looks_like_html(text):
        return _html_document(name, text, digest, encoding, warning)
    media = "text/markdown" if suffix in {".md", ".markdown"} else "text/plain"
    return Document(name, text, digest, media, encoding, _form_feed_starts(text), _listed(warning))


def _html_document(name: str, markup: str, digest: str, encoding: str, warning: str | None) -> Document:
    text = html_to_text(markup)
    return Document(name, text, digest, "text/html", encoding, _form_feed_starts(text), _listed(warning))


def _listed(warning: str | None) -> list[str]:
    return [warning] if warning else []


def _read_bytes(p: Path, name: str, limits: Limits) -> bytes:
    if p.is_dir():
        try:
            os.scandir(p).close()
        except OSError as e:
            raise InputError(name, f"is a folder that cannot be read ({e.strerror or e}); its letters were not read") from None
        raise InputError(name, "is a folder, not a document")
    try:
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK)  # non-blocking: opening a FIFO must not wait for a writer
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except OSError as e:
        raise InputError(name, f"cannot be read ({e.strerror or e})") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, "is not a regular file (a FIFO, device or socket); not read")
        too_big = limits.too_big(info.st_size)
        if too_big:
            raise InputError(name, too_big)
        try:
            data = fh.read(int(limits.max_mb * 1_000_000) + 1 if limits.max_mb else -1)
        except OSError as e:
            raise InputError(name, f"cannot be read ({e.strerror or e})") from None
    too_big = limits.too_big(len(data))  # grown since it was looked at
    if too_big:
        raise InputError(name, too_big)
    return data


def decode_bytes(name: str, data: bytes) -> tuple[str, str]:
    """Decode bytes to text: UTF-8 (with or without BOM) first, then a detected encoding."""
    text, encoding, _ = _decode(name, data)
    return text, encoding


def _decode(name: str, data: bytes) -> tuple[str, str, str | None]:
    """(text, encoding, a warning when the encoding was guessed or bytes were replaced)."""
    if _is_binary(data):
        raise InputError(name, "is a binary file, not a text, PDF or HTML document")
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
        return text, "utf-8-sig", _replaced(text, data[3:])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
        return text, "utf-16", ("holds bytes that are not UTF-16, read as U+FFFD" if "\ufffd" in text else None)
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = sum(1 for c in text if c > "\x7f") - text.count("\ufffd")
    # UTF-8 with a stray byte: more valid multi-byte characters than broken ones (a cp1252 reading
    # would turn each "■" into "â– " without a word)
    if 0 < bad <= good:
        return text, "utf-8", _replaced(text, data)
    try:
        # English letters that are not UTF-8 are nearly always Windows-1252; its undefined bytes make
        # this fail for other encodings, which are then detected.
        return data.decode("cp1252"), "cp1252", "is not UTF-8; read as Windows-1252 (cp1252), a guess"
    except UnicodeDecodeError:
        pass
    if bad * 1000 <= len(data):  # a few stray bytes that no single-byte reading explains better
        return text, "utf-8", _replaced(text, data)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding, f"is not UTF-8; read as {best.encoding}, a guess (check the text)"
    return (data.decode("cp1252", errors="replace"), "cp1252",
            "is not UTF-8 and its encoding could not be detected; read as Windows-1252 with bytes replaced")


def _replaced(text: str, data: bytes) -> str | None:
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    return f"is not valid UTF-8: {bad} byte(s) read as U+FFFD" if bad > 0 else None


def _is_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05


def _form_feed_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\f", text)]


def _pdf_text(name: str, data: bytes) -> tuple[str, list[int]]:
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:
                raise InputError(name, "is an encrypted PDF that cannot be opened") from None
        pages = [_page_text(page) for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AssertionError, IndexError) as e:
        raise InputError(name, f"is not a readable PDF ({type(e).__name__}: {e})") from None
    except Exception as e:  # pypdf raises many types on damaged files
        raise InputError(name, f"is not a readable PDF ({type(e).__name__})") from None
    if not any(p.strip() for p in pages):
        raise InputError(name, "is a PDF without a text layer (scanned? run OCR first)")
    starts, pos = [], 0
    for page in pages:
        starts.append(pos)
        pos += len(page) + 1
    return "\f".join(pages), starts


def _page_text(page: PageObject) -> str:
    """One page's text layer; a page pypdf cannot decode (a damaged font or content stream) is left
    empty so that the other pages are still read."""
    try:
        return page.extract_text() or ""
    except Exception:  # pypdf raises many types on damaged pages
        return ""


def _looks_like_html(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "pre", "hr", "address", "dt", "dd",
}
# tags whose line break is made when they open: closing them (or a self-closing <br/>) adds no
# second break, so table rows and <br/> lines stay consecutive lines of one block
_OPEN_ONLY_TAGS = {"li", "br", "tr"}
_SKIP_TAGS = {"script", "style", "head", "noscript", "template", "svg"}


@dataclass
class _Placed:
    """A text block that a PDF-to-HTML converter placed on its page (pdftohtml: `<p style="position:
    absolute;top:717px;left:108px" class="ft111">`, lines parted by `<br/>`)."""

    top: float
    lines: int
    line_height: float
    start: int  # index in the parts list of the separator put before it
    blank: bool = True


_PLACED = re.compile(r"position\s*:\s*absolute.*?\btop\s*:\s*(-?[\d.]+)px", re.I | re.S)
_CSS_CLASS = re.compile(r"\.([\w-]+)\s*\{([^}]*)\}")
_CSS_PX = re.compile(r"(font-size|line-height)\s*:\s*([\d.]+)px")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.css: list[str] = []
        self.heights: dict[str, float] | None = None
        self.placed: _Placed | None = None  # the placed block open or last closed on this page
        self.open_placed = False
        self.pages = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif self.skip:
            return
        elif tag == "a" and attr.get("name") == "outline":
            self.skip += 1  # pdftohtml's "Document Outline" closes the page: every heading again, as links
        elif tag == "p" and (at := _PLACED.search(attr.get("style") or "")):
            self._start_placed(float(at.group(1)), attr.get("class") or "")
        elif tag == "div" and re.fullmatch(r"page\d+-div", attr.get("id") or ""):
            self.pages += 1
            self.placed = None
            self.parts.append("\n\f" if self.pages > 1 else "\n")  # pdftohtml's page: a page break
        elif tag == "li":
            self.parts.append("\n- ")  # list items stay one list: no blank line between them
        elif tag in _BLOCK_TAGS:
            if tag == "br" and self.open_placed and self.placed:
                self.placed.lines += 1
            self.parts.append("\n\n" if tag in {"p", "h1", "h2", "h3", "h4", "h5", "h6", "table"} else "\n")
        elif tag in {"td", "th"}:
            self.parts.append("  ")

    def _start_placed(self, top: float, cls: str) -> None:
        """A placed block shares the line of the block above when it starts at the height of that block's
        last line (a bullet glyph and its text, a line broken into two blocks), continues its paragraph
        when it starts where that block's next line would (a converter starts a new block mid-sentence),
        and starts a paragraph otherwise."""
        if self.heights is None or cls not in self.heights:  # each page's classes are defined on that page
            self.heights = _line_heights("".join(self.css))
        # a class the converter never defined (pdftohtml -s on later pages): the body text's line height
        height = self.heights.get(cls) or Counter(self.heights.values()).most_common(1)[0][0] if self.heights else 0.0
        prev = self.placed
        sep = "\n\n"
        if prev is not None and not prev.blank:
            step = prev.line_height
            last = prev.top + (prev.lines - 1) * step  # the top of its last line
            if abs(top - last) <= max(3.0, 0.3 * step):
                sep = "  "
            elif step and -0.3 * step <= top - (last + step) <= 0.5 * step:
                sep = "\n"
        self.placed = _Placed(top, 1, height, len(self.parts))
        self.open_placed = True
        self.parts.append(sep)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif self.skip:
            return
        elif tag == "p" and self.open_placed:
            self.open_placed = False
            if self.placed and self.placed.blank:  # an empty line of the page: a paragraph break
                self.parts[self.placed.start] = "\n\n"
        elif tag in _BLOCK_TAGS and tag not in _OPEN_ONLY_TAGS:
            self.parts.append("\n\n" if tag in {"ul", "ol", "p", "table"} else "\n")

    def handle_data(self, data: str) -> None:
        if self.skip:
            if self.lasttag == "style":
                self.css.append(data)
            return
        if self.open_placed and self.placed and data.strip(" \t\r\n\xa0"):
            self.placed.blank = False
        self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def _line_heights(css: str) -> dict[str, float]:
    """Each CSS class's line height in px: its line-height, else 1.2 times its font size."""
    out = {}
    for m in _CSS_CLASS.finditer(css):
        px = dict(_CSS_PX.findall(m.group(2)))
        if "line-height" in px:
            out[m.group(1)] = float(px["line-height"])
        elif "font-size" in px:
            out[m.group(1)] = 1.2 * float(px["font-size"])
    return out


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, one block per line, list items as '- ' bullets."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    # Each pattern below is linear in the text: no match starts inside a run it already looked at. (A
    # run of 60,000 <br> took 46 s with "\n(?:\n)+(?=- )", tried again from every newline of the run.)
    text = "\n".join(line.strip(" \t") for line in text.split("\n"))
    text = _LIST_GAP.sub(lambda m: "\n" if m.string[max(0, m.start() - 200):m.start()].rfind("\n- ") >= 0 else m.group(0), text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


# blank lines before a list item (the start of the run only: a possessive run, never a match from inside it)
_LIST_GAP = re.compile(r"(?<!\n)\n\n++(?=- )")
