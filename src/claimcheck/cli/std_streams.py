"""stdout and stderr of the command line: UTF-8 whatever the locale, and a write that fails
(a full disk, a closed stream) raises OutputError rather than a traceback, or rather than
nothing at all: Python drops what is printed to a stream that was closed when it started,
and sends what is printed to a closed stderr to stdout."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterator

from claimcheck.files.outputs import GuardedStream

NAMES = {"stdout": "standard output", "stderr": "standard error"}


class _Closed:
    """What a stream closed by the shell (`>&-`) is replaced with: writing to it fails."""

    encoding = "utf-8"
    errors = "backslashreplace"

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def write(self, text: str) -> int:
        if text:
            raise OSError(errno.EBADF, "it is closed")
        return 0

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self._fd


def _hold(fd: int) -> None:
    """Keep a closed descriptor taken, so that no file opened later (a temporary output)
    becomes `fd` and receives what is meant for the stream; writing to it fails."""
    try:
        os.fstat(fd)
    except OSError:
        null = os.open(os.devnull, os.O_RDONLY)
        if null != fd:
            os.dup2(null, fd, inheritable=False)
            os.close(null)


@contextlib.contextmanager
def guarded() -> Iterator[None]:
    """sys.stdout and sys.stderr guarded for the time of the block."""
    saved = {name: getattr(sys, name) for name in NAMES}
    for fd, name in enumerate(NAMES, start=1):
        stream = saved[name]
        if stream is None:
            _hold(fd)
            stream = _Closed(fd)
        elif hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
        setattr(sys, name, GuardedStream(stream, NAMES[name]))
    try:
        yield
    finally:
        for name, stream in saved.items():
            setattr(sys, name, stream)


def flush(name: str) -> None:
    """Flush the stream; OutputError when it fails. What it could not write is then dropped,
    so that Python's own flush at exit does not fail again."""
    stream = getattr(sys, name)
    try:
        stream.flush()
    except BaseException:
        stream._discard()
        raise
