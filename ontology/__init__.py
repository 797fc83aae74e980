"""Package data: the project's ontology files, loaded by name."""

from __future__ import annotations

from ofsted_kg.resources import PackageData

_DATA = PackageData(__name__)
files, path, read = _DATA.files, _DATA.path, _DATA.read
