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
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor

_STOP_WAIT = 5.0  # seconds to wait for a terminated worker to be gone
_HELD = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


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
