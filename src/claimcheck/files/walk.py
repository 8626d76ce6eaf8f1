"""Walking folders for drafts, for `extract` and `check` alike.

The walk keeps a list of folders still to visit instead of recursing, so a tree thousands of
folders deep is walked like a flat one. It visits a folder's files (sorted) before its
subfolders (sorted, each walked whole before the next), leaves out hidden folders, and never
follows a link to a folder, so no link makes it loop. A file that is not a regular file — a
FIFO (reading it would wait for a writer forever), a socket, a device, a link to nothing or a
loop of links — is not read: it comes out with what it is, for the caller to note and skip.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)
_MAGIC = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Found:
    path: str
    not_a_file: str | None = None  # what it is when it is no regular file to read
    folder: bool = False  # a folder that could not be listed


def kind_of_mode(mode: int) -> str | None:
    """What a file of this mode is when it is not a regular file; None for a regular one."""
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in _KINDS if test(mode)), "not a regular file")


def not_a_file(path: str) -> str | None:
    """What `path` is when reading it as a file would hang or fail: a FIFO, a socket, a
    device, a folder, a link to nothing or a loop of links. None for a regular file (or a
    link to one), and for an error reading it will report better (permission denied)."""
    try:
        return kind_of_mode(os.stat(path).st_mode)
    except FileNotFoundError:
        return "a symbolic link to nothing" if os.path.islink(path) else None
    except OSError as exc:
        return "a loop of symbolic links" if exc.errno == errno.ELOOP else None


def walk(
    top: str,
    keep_file: Callable[[str, str], bool],
    keep_folder: Callable[[str], bool] = lambda path: True,
) -> Iterator[Found]:
    """The files under `top` that `keep_file(path, name)` wants; hidden folders, and those
    `keep_folder(path)` refuses, are not entered. A folder that cannot be listed comes out
    as a Found of its own, with why."""
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError as exc:
            yield Found(folder, f"a folder that cannot be listed ({exc.strerror})", folder=True)
            continue
        files, folders = [], []
        for entry in entries:
            (folders if _is_folder(entry) else files).append(entry)
        for entry in sorted(files, key=lambda e: e.name):
            path = os.path.join(folder, entry.name)
            if keep_file(path, entry.name):
                yield Found(path, None if _is_regular(entry) else not_a_file(path))
        inside = [
            os.path.join(folder, entry.name)
            for entry in sorted(folders, key=lambda e: e.name)
            if not entry.name.startswith(".") and not entry.is_symlink()
        ]
        pending.extend(reversed([path for path in inside if keep_folder(path)]))


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()  # a link to a folder counts as one (and is then not entered)
    except OSError:
        return False


def _is_regular(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def glob_paths(pattern: str) -> list[str]:
    """What a glob names, files and folders (hidden ones left out). A pattern with `**`
    walks its folder as above rather than through `glob`, which recurses once a folder
    (and fails about 1,000 deep) and follows links to folders."""
    if "**" not in pattern:
        return glob.glob(pattern)
    from claimcheck.files.globs import compiled

    parts = pattern.split("/")
    fixed = 0
    while fixed < len(parts) - 1 and not _MAGIC & set(parts[fixed]):
        fixed += 1
    top = "/".join(parts[:fixed]) or ("/" if fixed else ".")
    matcher = compiled("/".join(parts[fixed:]))
    skip = 2 if top == "." else len(top) + (0 if top.endswith("/") else 1)
    found: list[str] = []

    def as_written(path: str) -> str:
        return path[skip:] if top == "." else path

    def keep_file(path: str, name: str) -> bool:
        return not name.startswith(".") and matcher.match(path[skip:])

    def keep_folder(path: str) -> bool:
        if matcher.match(path[skip:]):
            found.append(as_written(path))
        return True

    if os.path.isdir(top):
        found += [as_written(f.path) for f in walk(top, keep_file, keep_folder) if not f.folder]
    return found
