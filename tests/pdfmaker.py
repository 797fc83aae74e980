"""A tiny, dependency-free writer of valid multi-page PDFs with a real text layer.

Each page is a list of lines, laid out top-down on an A4-wide page (taller when a page holds many
lines) in Helvetica with WinAnsi encoding. A line is either a string (one ``Tj``) or a list of text
runs set on the same baseline, as a table row or a footer with its page number at the right margin
is: each run is ``(x, text)`` or ``(x, text, dy)``, with ``x`` in points from the left margin and
``dy`` in lines (positive moves the run up, as a grade cell centred beside a two-line label is).
Runs are written in the order given, so a text layer whose order differs from the reading order can
be made. The file has a proper cross-reference table, so strict readers open it without repairs. A
page with no lines has an empty content stream: a PDF "without a text layer", as a scanned page
would be.

The font's encoding maps a few unused WinAnsi codes to glyphs WinAnsi lacks, as real documents'
embedded fonts do: the ligatures "ﬁ" and "ﬂ" and the Wingdings and Symbol bullets U+F0A7 and U+F0B7
come back from the text layer as those characters.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["make_pdf", "pdf_escape"]

_FONT_SIZE = 10
_LEADING = 12
_MARGIN = 56
_WIDTH = 595
_MIN_HEIGHT = 842
# extra glyphs on WinAnsi codes that are undefined in cp1252: (character, code, glyph name)
_EXTRA_GLYPHS = [("\ufb01", 0x81, "fi"), ("\ufb02", 0x8D, "fl"), ("\uf0a7", 0x8F, "uniF0A7"),
                 ("\uf0b7", 0x90, "uniF0B7")]

Run = tuple[float, str] | tuple[float, str, float]
Line = str | Sequence[Run]


def pdf_escape(line: str) -> bytes:
    """`line` as the bytes of a PDF literal string in WinAnsi (cp1252) encoding, brackets included.

    Characters WinAnsi lacks become ``?``, except the few extra glyphs the font maps.
    """
    raw = bytearray()
    for ch in line:
        extra = next((code for c, code, _ in _EXTRA_GLYPHS if c == ch), None)
        raw += bytes([extra]) if extra is not None else ch.encode("cp1252", errors="replace")
    out = bytes(raw).replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    out = out.replace(b"\r", b"\\r").replace(b"\n", b"\\n")
    return b"(" + out + b")"


def _content(lines: Sequence[Line], height: int) -> bytes:
    if not lines:
        return b""
    out = [b"BT", f"/F1 {_FONT_SIZE} Tf".encode()]
    top = height - _MARGIN
    for i, line in enumerate(lines):
        runs: Sequence[Run] = [(0, line)] if isinstance(line, str) else line
        for run in runs:
            x, text = run[0], run[1]
            dy = run[2] if len(run) > 2 else 0  # type: ignore[misc]
            y = top - _LEADING * (i - dy)
            out.append(f"1 0 0 1 {_MARGIN + x:g} {y:g} Tm".encode())
            out.append(pdf_escape(text) + b" Tj")
    out.append(b"ET")
    return b"\n".join(out) + b"\n"


def make_pdf(pages: Sequence[Sequence[Line]]) -> bytes:
    """A PDF with one page per entry of `pages`, each showing its lines top to bottom."""
    if not pages:
        raise ValueError("a PDF needs at least one page")
    # Objects: 1 catalog, 2 page tree, 3 font, then (page, content) pairs.
    objects: list[bytes] = []
    kids = [4 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(pages)} >>".encode())
    differences = " ".join(f"{code} /{name}" for _, code, name in _EXTRA_GLYPHS)
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
                   b"/BaseEncoding /WinAnsiEncoding /Differences [" + differences.encode() + b"] >> >>")
    for i, lines in enumerate(pages):
        height = max(_MIN_HEIGHT, 2 * _MARGIN + _LEADING * len(lines))
        stream = _content(lines, height)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {_WIDTH} {height}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {kids[i] + 1} 0 R >>".encode())
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"endstream")

    body = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += f"{num} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n".encode()
    body += b"0000000000 65535 f \n"
    for off in offsets:
        body += f"{off:010d} 00000 n \n".encode()
    body += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(body)
