"""Package data loaded by name: one loader for the shipped ontology, shapes and queries folders."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable


@dataclass(frozen=True)
class PackageData:
    """The files shipped in one package folder (``ofsted_kg.queries`` holds ``queries/``)."""

    package: str

    def files(self) -> list[str]:
        """Names of the shipped files."""
        return sorted(p.name for p in resources.files(self.package).iterdir() if not p.name.startswith(("_", ".")))

    def path(self, name: str) -> Traversable:
        """The shipped file called `name`; raises FileNotFoundError listing the known ones."""
        f = resources.files(self.package).joinpath(name)
        if not f.is_file():
            folder = self.package.rsplit(".", 1)[-1]
            raise FileNotFoundError(f"no {name!r} in {folder}/; known: {', '.join(self.files()) or 'none'}")
        return f

    def read(self, name: str) -> str:
        """The text of the shipped file called `name`."""
        return self.path(name).read_text(encoding="utf-8")


def read_text(package: str, name: str) -> str:
    """The text of file `name` shipped in `package`."""
    return PackageData(package).read(name)
