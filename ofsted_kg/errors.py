"""The small error hierarchy: every error names the input and the problem."""

from __future__ import annotations


class OfstedKgError(Exception):
    """Base class for errors a user can act on."""


class InputError(OfstedKgError):
    """A file could not be read as a document (missing, binary, encrypted, empty, ...)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
