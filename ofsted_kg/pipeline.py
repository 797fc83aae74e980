"""Per-letter work in a pool of processes: results in input order, bounded memory, shared context sent once.

`parallel_map(func, items, context)` calls `func(context, item)` for each item. The context (people
resolved across the corpus, the base IRI, ...) goes to each worker process once, when it starts, not
with every item: pickling it per item made the main process's cost grow with the corpus. At most a few
batches per worker are in flight, so a fast pool never piles up results the consumer has not taken.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_context: Any = None  # the context of the current worker process


def pool_size(workers: int | None, jobs: int) -> int:
    """How many processes to use: 1 when there is too little work to pay for starting a pool (~1 s)."""
    workers = workers or min(os.cpu_count() or 1, 8)
    return 1 if workers <= 1 or jobs < 8 * workers else workers


def _start(context: Any) -> None:
    global _context
    _context = context
    _die_with_parent()


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the process that started it dies (a killed `ingest` left its
    workers running); elsewhere a daemon thread notices the new parent and exits."""
    import signal
    import sys

    parent = os.getppid()
    if sys.platform == "linux":
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(1, signal.SIGKILL, 0, 0, 0) == 0:  # PR_SET_PDEATHSIG
                if os.getppid() != parent:  # the parent died before the request was made
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _run_batch(func: Callable[[Any, T], R], batch: Sequence[T]) -> list[R]:
    return [func(_context, item) for item in batch]


def parallel_map(func: Callable[[Any, T], R], items: Sequence[T], context: Any = None,
                 workers: int | None = None, batch: int = 8) -> Iterator[R]:
    """`func(context, item)` for each item, in order; `func` must be a module-level function."""
    size = pool_size(workers, len(items))
    if size == 1:
        for item in items:
            yield func(context, item)
        return
    batches = (items[i:i + batch] for i in range(0, len(items), batch))
    with ProcessPoolExecutor(size, initializer=_start, initargs=(context,)) as pool:
        pending: deque[Future[list[R]]] = deque(pool.submit(_run_batch, func, b) for b in islice(batches, 3 * size))
        while pending:
            done = pending.popleft().result()
            following = next(batches, None)
            if following is not None:
                pending.append(pool.submit(_run_batch, func, following))
            yield from done
