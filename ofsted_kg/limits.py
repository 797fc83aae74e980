"""Bounds on the work one input file may cost, so that no file can stall a batch.

Three limits, each with an environment variable to change it:

- `max_mb` (OFSTED_KG_MAX_FILE_MB, default 20): a file larger than this is not read at all;
- `max_chars` (OFSTED_KG_MAX_CHARS, default 1,500,000): a document whose text is longer is not
  extracted (a letter is about 11,000 characters; extraction reads about 170,000 a second here);
- `seconds` (OFSTED_KG_FILE_SECONDS, default 60): reading and extracting one file is stopped after
  this long. A backstop: the two limits above already bound the work of every input we know of.

Zero turns a limit off.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ofsted_kg.errors import OfstedKgError

ENV_MAX_MB = "OFSTED_KG_MAX_FILE_MB"
ENV_MAX_CHARS = "OFSTED_KG_MAX_CHARS"
ENV_SECONDS = "OFSTED_KG_FILE_SECONDS"


class LimitError(OfstedKgError):
    """A limit given in the environment is not a number."""


class TimeLimitExceeded(Exception):  # noqa: N818 (raised from a signal handler; never shown as is)
    """Raised inside the work on one file when its time is up."""


@dataclass(frozen=True)
class Limits:
    """Per-file limits (0 = none)."""

    max_mb: float = 20
    max_chars: int = 1_500_000
    seconds: float = 60

    @classmethod
    def from_env(cls) -> Limits:
        """The defaults, overridden by OFSTED_KG_MAX_FILE_MB, OFSTED_KG_MAX_CHARS, OFSTED_KG_FILE_SECONDS."""
        d = cls()
        return cls(_number(ENV_MAX_MB, d.max_mb), int(_number(ENV_MAX_CHARS, d.max_chars)),
                   _number(ENV_SECONDS, d.seconds))

    def too_big(self, size: int) -> str | None:
        """Why a file of `size` bytes is refused, or None."""
        if self.max_mb and size > self.max_mb * 1_000_000:
            return (f"is {size / 1_000_000:.1f} MB, over the limit of {self.max_mb:g} MB a file "
                    f"(set {ENV_MAX_MB} to raise it); not read")
        return None

    def too_long(self, chars: int) -> str | None:
        """Why a document whose text has `chars` characters is not extracted, or None."""
        if self.max_chars and chars > self.max_chars:
            return (f"holds {chars:,} characters of text, over the limit of {self.max_chars:,} "
                    f"(set {ENV_MAX_CHARS} to raise it); not extracted")
        return None

    def too_slow(self) -> str:
        return f"took more than {self.seconds:g} s to read and extract (set {ENV_SECONDS} to raise it); skipped"


def _number(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise LimitError(f"{name}={raw!r}: not a number") from None
    if value < 0:
        raise LimitError(f"{name}={raw!r}: must be 0 (no limit) or more")
    return value


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `TimeLimitExceeded` in this block after `seconds` (wall clock).

    Works in a process's main thread (a signal timer; regular expressions check for signals as they
    run); elsewhere, or with `seconds` 0, the block runs unbounded.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeLimitExceeded()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
