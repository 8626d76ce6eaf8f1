"""Reading inputs and writing outputs; every failure becomes an InputError with one line.

An input is read in the encoding `claimcheck.files.encodings` decides (or the one forced), refused
when it is binary or larger than `max_bytes`, and decoded strictly: a byte that does not fit
stops the run with its offset. Offsets in claims count code points of the decoded text, a
byte-order mark counting as one. Outputs are written by claimcheck.outputs.
"""

from __future__ import annotations

import codecs
import contextlib
import math
import os
import stat
import sys
from collections.abc import Iterator
from typing import BinaryIO

from claimcheck.errors import InputError, quoted
from claimcheck.files.encodings import HEAD, Decision, NotText, decide, describe
from claimcheck.files.walk import kind_of_mode, not_a_file

STDIN = "-"
DEFAULT_MAX_BYTES = 32 * 1024 * 1024
CHUNK = 1024 * 1024
_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3, "gb": 1024**3}
_LARGEST = 2**53  # bytes: 8 PiB, and still an exact float
_WIDE = ("utf-16", "utf-32")  # encodings in which a NUL byte is ordinary


def parse_size(text: str | int | None) -> int | None:
    """A byte count: 500000, 64k, 32M, 1G. 0 (or none) means no limit, returned as None."""
    if text is None or isinstance(text, int):
        return text or None
    written = text.strip().lower().replace(" ", "")
    number = written.rstrip("kmgb")
    unit = written[len(number) :]
    try:
        value = float(number)
    except ValueError:
        value = -1.0
    if unit not in _UNITS or not 0 <= value < math.inf:  # NaN fails both
        raise ValueError(f"cannot read {quoted(text)} as a size: write 500000, 64k, 32M or 1G (0: no limit)")
    if value * _UNITS[unit] > _LARGEST:
        raise ValueError(f"{quoted(text)} is larger than any file: write 0 for no limit")
    return int(value * _UNITS[unit]) or None


def _megabytes(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    return f"{size / 1024:.1f} KB" if size < 1024**2 else f"{size / 1024**2:.1f} MB"


def _never_read(mode: int) -> str | None:
    """What a device or socket is: reading /dev/zero never ends, nor does /dev/urandom.
    A named pipe is read, as standard input is (`<(command)` gives one)."""
    return kind_of_mode(mode) if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode) else None


def open_input(path: str) -> BinaryIO:
    """A file named by the user, opened for reading; every failure is an InputError, and a
    device or socket is refused before it is opened."""
    with contextlib.suppress(OSError):  # opening reports it
        what = _never_read(os.stat(path).st_mode)
        if what is not None:
            raise InputError(f"{path}: not a file to read: it is {what}")
    try:
        stream = open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{path}: {not_a_file(path) or 'no such file'}") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: {not_a_file(path) or f'cannot read: {exc.strerror}'}") from None
    what = _never_read(os.fstat(stream.fileno()).st_mode)  # it may have changed meanwhile
    if what is not None:
        stream.close()
        raise InputError(f"{path}: not a file to read: it is {what}")
    return stream


@contextlib.contextmanager
def _opened(path: str, max_bytes: int | None) -> Iterator[tuple[str, BinaryIO]]:
    if path == STDIN:
        yield "<stdin>", sys.stdin.buffer
        return
    with open_input(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        if max_bytes is not None and size > max_bytes:
            raise InputError(too_large(path, size, max_bytes))
        yield path, stream


def too_large(name: str, size: int | None, max_bytes: int, flag: str = "--max-bytes") -> str:
    """`size` is None when only what was read so far is known (standard input)."""
    what = f"{_megabytes(size)}, over" if size is not None else "more than"
    return f"{name}: {what} the limit of {_megabytes(max_bytes)}: raise {flag} (0 for no limit)"


def _read(
    stream: BinaryIO, name: str, size: int, total: int, max_bytes: int | None, flag: str = "--max-bytes"
) -> bytes:
    """Up to `size` bytes (-1: all), after `total` bytes read before."""
    if max_bytes is not None:
        size = max_bytes - total + 1 if size < 0 else min(size, max_bytes - total + 1)
    try:
        data = stream.read(size)
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror}") from None
    if max_bytes is not None and total + len(data) > max_bytes:
        raise InputError(too_large(name, None, max_bytes, flag))
    return data


def read_bytes(path: str, max_bytes: int | None, flag: str) -> bytes:
    """All of a file named by the user (a table), refused when larger than `max_bytes`;
    `flag` is the option that raises the limit."""
    with open_input(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        if max_bytes is not None and size > max_bytes:
            raise InputError(too_large(path, size, max_bytes, flag))
        return _read(stream, path, -1, 0, max_bytes, flag)


_WHY = {
    "given": "not valid {encoding} at byte {offset} (the encoding given)",
    "byte-order mark": "not valid {encoding} at byte {offset}, though it starts with its byte-order mark",
    "UTF-8": "not valid UTF-8 at byte {offset}: give --encoding if it is in another one",
    "detected": "not valid {encoding} (detected from its start) at byte {offset}: give --encoding",
}


def _bad_byte(name: str, decision: Decision, offset: int) -> InputError:
    return InputError(f"{name}: " + _WHY[decision.how].format(encoding=describe(decision), offset=offset))


def _check_nul(name: str, decision: Decision, data: bytes, offset: int) -> None:
    if decision.how != "given" and not decision.encoding.startswith(_WIDE) and b"\x00" in data:
        raise NotText(f"{name}: not text: a NUL byte at byte {offset + data.index(0)}")


def text_chunks(
    path: str = STDIN, *, encoding: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> Iterator[str]:
    """The input decoded piece by piece, in pieces of about CHUNK bytes."""
    with _opened(path, max_bytes) as (name, stream):
        data = _read(stream, name, HEAD, 0, max_bytes)
        decision = decide(data, name, forced=encoding, complete=len(data) < HEAD)
        decoder = codecs.getincrementaldecoder(decision.encoding)("strict")
        fed = 0
        while True:
            final = not data
            _check_nul(name, decision, data, fed)
            pending = len(decoder.getstate()[0])
            try:
                text = decoder.decode(data, final=final)
            except UnicodeDecodeError as exc:
                raise _bad_byte(name, decision, fed - pending + exc.start) from None
            fed += len(data)
            if text:
                yield text
            if final:
                return
            data = _read(stream, name, CHUNK, fed, max_bytes)


def read_raw(path: str = STDIN, max_bytes: int | None = DEFAULT_MAX_BYTES) -> tuple[str, bytes]:
    """The whole input's bytes, with the name messages call it by (<stdin>)."""
    with _opened(path, max_bytes) as (name, stream):
        return name, _read(stream, name, -1, 0, max_bytes)


def read_text(path: str = STDIN, *, encoding: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES) -> str:
    """The whole input, decoded (a byte-order mark stays as its own character)."""
    name, data = read_raw(path, max_bytes)
    return decode(data, name, encoding=encoding)


def decode(data: bytes, name: str, *, encoding: str | None = None, max_bytes: int | None = None) -> str:
    """Bytes read elsewhere (a URL) decoded as a file is: `name` is what messages call them."""
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(too_large(name, None, max_bytes))  # what was read may be a part
    decision = decide(data[:HEAD], name, forced=encoding, complete=len(data) <= HEAD)
    _check_nul(name, decision, data, 0)
    try:
        return data.decode(decision.encoding)
    except UnicodeDecodeError as exc:
        raise _bad_byte(name, decision, exc.start) from None


# C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional overrides that
# make a terminal show text in another order than it is stored.
_UNSAFE = [*range(0, 9), *range(11, 32), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_VISIBLE = {code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" for code in _UNSAFE}


def terminal_safe(text: str) -> str:
    """`text` with every character that a terminal would act on written out visibly (\\x1b)."""
    return text.translate(_VISIBLE)
