"""A tiny, dependency-free writer of valid multi-page PDFs with a real text layer.

Each page is a list of text lines; every line becomes one ``Tj`` in Helvetica with WinAnsi encoding,
laid out top-down on an A4-wide page (taller when a page holds many lines). The file has a proper
cross-reference table, so strict readers open it without repairs. A page with no lines has an empty
content stream: a PDF "without a text layer", as a scanned page would be.
"""

from __future__ import annotations

__all__ = ["make_pdf", "pdf_escape"]

_FONT_SIZE = 10
_LEADING = 12
_MARGIN = 56
_WIDTH = 595
_MIN_HEIGHT = 842


def pdf_escape(line: str) -> bytes:
    """`line` as the bytes of a PDF literal string in WinAnsi (cp1252) encoding, brackets included.

    Characters WinAnsi lacks become ``?``.
    """
    raw = line.encode("cp1252", errors="replace")
    raw = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    raw = raw.replace(b"\r", b"\\r").replace(b"\n", b"\\n")
    return b"(" + raw + b")"


def _content(lines: list[str], height: int) -> bytes:
    if not lines:
        return b""
    out = [b"BT", f"/F1 {_FONT_SIZE} Tf".encode(), f"{_LEADING} TL".encode(),
           f"1 0 0 1 {_MARGIN} {height - _MARGIN} Tm".encode()]
    for i, line in enumerate(lines):
        if i:
            out.append(b"T*")
        out.append(pdf_escape(line) + b" Tj")
    out.append(b"ET")
    return b"\n".join(out) + b"\n"


def make_pdf(pages: list[list[str]]) -> bytes:
    """A PDF with one page per entry of `pages`, each showing its lines top to bottom."""
    if not pages:
        raise ValueError("a PDF needs at least one page")
    # Objects: 1 catalog, 2 page tree, 3 font, then (page, content) pairs.
    objects: list[bytes] = []
    kids = [4 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
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
