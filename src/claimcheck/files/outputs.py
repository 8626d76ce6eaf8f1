"""Where every command writes: `-o PATH` (a report, a page, a baseline), and what a failed
write becomes (one line, exit 2, never a traceback or a silent success).

A regular file, or a new one, is written to a temporary file beside it and renamed over it
only when the writing ended without error: it is never half written, and an interrupted run
leaves the old one as it was. The file keeps its permission mode (and its owner, when that
is allowed); a new one gets the mode the umask leaves, as `>` would give it. A symbolic link
is followed: the file it names is replaced and the link stays. A device, FIFO or socket is
opened and written as it is: renaming a file over it would replace it. `/dev/stdout`,
`/dev/fd/N` and `/proc/self/fd/N` are the descriptors themselves. A directory, or a file
that is one of the command's inputs, is refused before anything is read or written.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO

from claimcheck.errors import ClaimcheckError, InputError
from claimcheck.files.read import STDIN

# The process's own descriptors: `-o /dev/stdout` is "where stdout goes", even a regular file the
# shell opened; written through a copy of the descriptor, so that what the shell writes after
# follows (renamed over, or opened anew, the file would be replaced or written from its start).
_DESCRIPTOR = re.compile(r"/dev/(?:std(?P<std>out|err)|fd/(?P<fd>\d+))|/proc/self/fd/(?P<proc>\d+)")


class OutputError(ClaimcheckError):
    """A write failed: a full disk, a closed stream, a pipe or device that refused the data."""


def _cannot_write(name: str, exc: OSError) -> OutputError:
    return OutputError(f"{name}: cannot write: {exc.strerror or exc}")


class GuardedStream:
    """A text stream whose failed writes raise OutputError naming `name`. A reader that went
    away (`| head`) is a BrokenPipeError, the quiet end of the run (it carries no errno, so
    that typer does not turn it into exit code 1); what is written after it goes nowhere."""

    def __init__(self, stream: TextIO, name: str) -> None:
        self._stream = stream
        self._name = name

    def write(self, text: str) -> int:
        return self._guard(self._stream.write, text)

    def flush(self) -> None:
        self._guard(self._stream.flush)

    def _guard(self, action: Callable, *args):
        try:
            return action(*args)
        except BrokenPipeError:
            self._discard()
            raise BrokenPipeError("the reader has gone") from None
        except OSError as exc:
            raise _cannot_write(self._name, exc) from None

    def _discard(self) -> None:
        """What is written from now on goes nowhere: the reader has gone."""
        with contextlib.suppress(OSError, ValueError, AttributeError):
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self._stream.fileno())
            os.close(null)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def refuse(path: str | None, inputs: Iterable[str] = ()) -> None:
    """Raise InputError when `path` cannot be written as an output: it is a directory, or
    it is one of `inputs` (compared as files, so a link to an input is one)."""
    if path is None:
        return
    try:
        found = os.stat(path)
    except OSError:
        return  # a new file; opening it reports what is wrong
    if stat.S_ISDIR(found.st_mode):
        raise InputError(f"{path}: is a directory; give a file name")
    if not stat.S_ISREG(found.st_mode):
        return  # a device or FIFO is written to, not replaced
    for given in inputs:
        try:
            same = given != STDIN and os.path.samestat(found, os.stat(given))
        except OSError:
            continue
        if same:
            named = "" if os.path.abspath(given) == os.path.abspath(path) else f" ({given})"
            raise InputError(f"{path}: is one of the inputs{named}; write the output to another file")


@contextlib.contextmanager
def output_file(path: str, inputs: Iterable[str] = ()) -> Iterator[TextIO]:
    """A UTF-8 text stream that ends up at `path` when the block ends without an error."""
    refuse(path, inputs)
    descriptor = _descriptor(path)
    if descriptor is not None:
        with _written_in_place(path, descriptor) as stream:
            yield stream
        return
    try:
        found = os.stat(path)
    except FileNotFoundError:
        found = None
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    if found is not None and not stat.S_ISREG(found.st_mode):
        with _written_in_place(path) as stream:
            yield stream
        return
    target = os.path.realpath(path) if os.path.islink(path) else path
    with _replaced(target, found, shown=path) as stream:
        yield stream


def write_output(path: str, content: str, inputs: Iterable[str] = ()) -> None:
    with output_file(path, inputs) as stream:
        stream.write(content)


def _descriptor(path: str) -> int | None:
    named = _DESCRIPTOR.fullmatch(os.path.abspath(path))
    if named is None:
        return None
    if named["std"]:
        return 1 if named["std"] == "out" else 2
    return int(named["fd"] or named["proc"])


@contextlib.contextmanager
def _written_in_place(path: str, descriptor: int | None = None) -> Iterator[TextIO]:
    try:
        if descriptor is None:
            stream = open(path, "w", encoding="utf-8", newline="")
        else:
            stream = os.fdopen(os.dup(descriptor), "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        yield GuardedStream(stream, path)
        _finish(stream.close, path)
    finally:
        _close_quietly(stream)


@contextlib.contextmanager
def _replaced(target: str, found: os.stat_result | None, shown: str) -> Iterator[TextIO]:
    handle, temporary = _temporary_beside(target, shown)
    stream = None
    try:
        if found is not None:
            _keep_owner_and_mode(handle, found)
        stream = os.fdopen(handle, "w", encoding="utf-8", newline="")
        yield GuardedStream(stream, shown)
        _finish(stream.close, shown)
        _finish(lambda: os.replace(temporary, target), shown)
    except BaseException:
        if stream is None:
            os.close(handle)
        else:
            _close_quietly(stream)
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _temporary_beside(target: str, shown: str) -> tuple[int, str]:
    """A new file `.NAME.XXXXXXXX` in the target's folder. Created with mode 0666 so that the
    kernel applies the umask, as it does for any file a shell redirection creates."""
    directory, name = os.path.split(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        temporary = os.path.join(directory, f".{name}.{secrets.token_hex(4)}")
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
        except OSError as exc:
            raise _cannot_write(shown, exc) from None


def _keep_owner_and_mode(handle: int, found: os.stat_result) -> None:
    if hasattr(os, "fchown"):
        with contextlib.suppress(OSError):  # only root may give a file away
            os.fchown(handle, found.st_uid, found.st_gid)
    if hasattr(os, "fchmod"):
        os.fchmod(handle, stat.S_IMODE(found.st_mode))


def _finish(action: Callable[[], object], shown: str) -> None:
    try:
        action()
    except OSError as exc:
        raise _cannot_write(shown, exc) from None


def _close_quietly(stream: TextIO) -> None:
    with contextlib.suppress(OSError, ValueError):
        stream.close()
