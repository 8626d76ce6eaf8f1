"""Worker processes for runs over many files (`extract` and `check` with --jobs), so that none
outlives its run: Ctrl-C, SIGTERM or an error in the parent stops them at once instead of
letting them finish the queued work (or wait forever for more, orphaned).

Ctrl-C reaches every process of the terminal's group; the workers ignore it and leave it to
the parent, which stops them, so that the user sees no traceback from each. SIGTERM is left
to its default in the workers: the parent's handler (claimcheck.cli.exits) only unwinds the
parent, and the parent terminates the workers on the way out.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

_STOP_WAIT = 5.0  # seconds to wait for a terminated worker to be gone
_HELD = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))
_END = object()
In = TypeVar("In")
Out = TypeVar("Out")


def default_jobs() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def ordered(
    work: Callable[[In], Out],
    items: Iterable[In],
    jobs: int,
    window: int | None = None,
    prepare: Callable[..., None] | None = None,
    args: tuple = (),
) -> Iterator[Out]:
    """work(item) for each item, in the items' order, by `jobs` processes (1: in this one, after
    prepare(*args)). At most `window` items (default 2 × jobs) are in flight or finished but
    not yet taken; each worker runs prepare(*args) once when it starts."""
    if jobs <= 1:
        if prepare is not None:
            prepare(*args)
        yield from map(work, items)
        return
    window = window or 2 * jobs
    items = iter(items)
    with worker_pool(jobs, prepare, args) as pool:  # stopped at once if the run ends early
        pending = deque(pool.submit(work, item) for _, item in zip(range(window), items, strict=False))
        while pending:
            result = pending.popleft().result()
            item = next(items, _END)
            if item is not _END:
                pending.append(pool.submit(work, item))
            yield result


@contextlib.contextmanager
def worker_pool(
    workers: int, prepare: Callable[..., None] | None = None, args: tuple = ()
) -> Iterator[ProcessPoolExecutor]:
    """A pool of `workers` processes, each running `prepare(*args)` once when it starts. When
    the block ends with an exception (KeyboardInterrupt and SIGTERM's included) or the
    generator holding it is closed, the work not started is cancelled and the workers are
    terminated; otherwise they finish and are joined."""
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(prepare, args))
    try:
        with _signals_held():  # every worker is born here, before it sets its own handling
            for _ in range(workers):
                pool.submit(_nothing)
        yield pool
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _nothing() -> None:
    pass


def _start_worker(prepare: Callable[..., None] | None, args: tuple) -> None:
    """Ctrl-C ignored; SIGTERM and SIGHUP back to their default (a forked worker inherits the
    parent's handlers, which would only raise an exception in it); then the signals held
    while it was born are let through: one that came meanwhile ends it now."""
    for number in _HELD:
        signal.signal(number, signal.SIG_IGN if number == signal.SIGINT else signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, set(_HELD))
    if prepare is not None:
        prepare(*args)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and terminate the workers, waiting a little for them."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(_STOP_WAIT)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP held back while workers are born; the parent gets one
    that came meanwhile when the block ends."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, set(_HELD))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
