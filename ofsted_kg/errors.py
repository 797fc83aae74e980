"""The small error hierarchy: every error names the input and the problem."""

from __future__ import annotations

import re


class OfstedKgError(Exception):
    """Base class for errors a user can act on."""


class InputError(OfstedKgError):
    """A file could not be read as a document (missing, binary, encrypted, empty, ...)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class QueryError(OfstedKgError):
    """An unknown query name, a missing or unknown parameter, or an unreadable .rq file (raised by
    `ofsted_kg.queries.library`, and by `ofsted_kg.store.bind_values` for a bad parameter name)."""


def shown(name: str) -> str:
    """A file name as it can be printed on one line: bytes that are not UTF-8 (which Python keeps as
    lone surrogates) as \\xNN, control characters such as a newline as escapes, the rest as is."""
    if name.isprintable():
        return name
    out = []
    for ch in name:
        if "\udc80" <= ch <= "\udcff":  # a byte the file system gave that is not UTF-8
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif ch.isprintable() or ch == " ":
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape", "backslashreplace").decode("ascii"))
    return "".join(out)


_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)[^/?#@\s]*@")


def redact(text: str) -> str:
    """`text` with the credentials of every URL in it (`https://user:password@host/`) hidden:
    `https://***@host/`. Applied to every message that may hold an endpoint's address."""
    return _USERINFO.sub(r"\1***@", text)
