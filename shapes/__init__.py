"""Package data: the project's shapes files, loaded by name."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def files() -> list[str]:
    """Names of the shipped files."""
    return sorted(p.name for p in resources.files(__name__).iterdir() if not p.name.startswith(("_", ".")))


def path(name: str) -> Traversable:
    """The shipped file called `name`; raises FileNotFoundError listing the known ones."""
    f = resources.files(__name__).joinpath(name)
    if not f.is_file():
        raise FileNotFoundError(f"no {name!r} in shapes/; known: {', '.join(files()) or 'none'}")
    return f


def read(name: str) -> str:
    return path(name).read_text(encoding="utf-8")
