"""Writing files that stay inside their folder: whole or not at all, never through a link.

`atomic_output(path)` writes a fresh temporary file beside `path` (created exclusively, so an existing
file or symbolic link of that name is never opened) and renames it onto `path` when the block ends
without an error. A rename replaces a symbolic link at `path` itself instead of writing to what it
points at, and a failed or killed write leaves `path` as it was.

`refuse_links_out(folder)` is the check a command that writes many files runs first: a symbolic link
already inside the folder that leads out of it is an error, not a place to write.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ofsted_kg.errors import OfstedKgError, shown


class OutputError(OfstedKgError):
    """A file or folder cannot be written where the user asked."""


def check_folder(folder: Path, what: str = "folder") -> None:
    """`folder` must be a folder that exists (one line naming it otherwise)."""
    if not folder.exists():
        raise OutputError(f"{shown(str(folder))}: no such {what} (create it first)")
    if not folder.is_dir():
        raise OutputError(f"{shown(str(folder))}: is not a folder")


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """A binary file handle whose content becomes `path` when the block succeeds (see the module)."""
    path = Path(path)
    check_folder(path.parent if str(path.parent) else Path("."))
    if path.is_dir() and not path.is_symlink():
        raise OutputError(f"{shown(str(path))}: is a folder, not a file to write")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write `data` (text as UTF-8) to `path` with `atomic_output`."""
    with atomic_output(path) as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def refuse_links_out(folder: Path) -> None:
    """Raise `OutputError` if `folder` (when it exists) holds a symbolic link, at any depth, that leads
    outside it: files written there would land elsewhere."""
    if not folder.exists():
        return
    root = folder.resolve()
    for dirpath, dirnames, filenames in os.walk(root):
        for name in [*dirnames, *filenames]:
            entry = Path(dirpath) / name
            if not entry.is_symlink():
                continue
            target = entry.resolve()
            if target != root and root not in target.parents:
                raise OutputError(f"{shown(str(folder / entry.relative_to(root)))}: is a symbolic link out of the "
                                  f"folder (to {shown(str(target))}); nothing is written through it (remove it)")
