"""ofsted-kg: turn Ofsted inspection letters on children's services into linked data.

    >>> from ofsted_kg import extract_letters
    >>> result = extract_letters("examples/letters")
    >>> [r.authority for r in result.records]

Heavy modules load on first use so that importing the package (and ``ofsted-kg --help``) stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ofsted_kg._version import __version__

if TYPE_CHECKING:
    from ofsted_kg.api import (
        Extraction,
        Problem,
        extract_document,
        extract_file,
        extract_letters,
        extract_text,
    )
    from ofsted_kg.extract.records import LetterRecord

__all__ = [
    "Extraction", "LetterRecord", "Problem", "__version__", "extract_document", "extract_file",
    "extract_letters", "extract_text",
]

_LAZY = {
    "Extraction": "ofsted_kg.api", "Problem": "ofsted_kg.api", "extract_document": "ofsted_kg.api",
    "extract_file": "ofsted_kg.api", "extract_letters": "ofsted_kg.api", "extract_text": "ofsted_kg.api",
    "LetterRecord": "ofsted_kg.extract.records",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'ofsted_kg' has no attribute {name!r}")
