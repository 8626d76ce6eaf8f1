"""Which files `claimcheck check` reads: the files named, and the drafts under each directory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.files.encodings import HEAD, not_text
from claimcheck.files.globs import Patterns
from claimcheck.files.own_pages import LOOKS_LIKE as OWN_PAGE
from claimcheck.files.own_pages import is_own_page
from claimcheck.files.walk import Found, glob_paths, not_a_file, walk
from claimcheck.run.batch import is_pattern

STDIN = "-"


def _binary(path: str, encoding: str | None) -> str | None:
    """What a file found in a directory is when it is not text (a PDF, an image…), else None."""
    try:
        with open(path, "rb") as stream:
            return not_text(stream.read(HEAD), encoding)
    except OSError:
        return None  # reading it again reports the error


def _walk(directory: Path, include: Patterns, exclude: Patterns) -> Iterator[Found]:
    """The files under `directory` that `include` wants and `exclude` does not (hidden
    folders and excluded ones not entered), each with what it is if not a regular file."""

    def keep_file(path: str, name: str) -> bool:
        return include.matches(Path(path), any_part=False) and not exclude.matches(Path(path))

    def keep_folder(path: str) -> bool:
        return not exclude.matches(Path(path))

    for found in walk(str(directory), keep_file, keep_folder):
        yield Found(os.path.normpath(found.path), found.not_a_file, found.folder)


def left_out_by(path: Path, include: Patterns | None, exclude: Patterns) -> str | None:
    """Why the config leaves out a file named on the command line, or None."""
    if exclude.matches(path):
        return "exclude"
    if include is not None and not include.matches(path, any_part=False):
        return "include"
    return None


def expand(
    paths: list[str],
    include: Patterns,
    exclude: Patterns,
    skipped: list[tuple[str, str]] | None = None,
    encoding: str | None = None,
    *,
    named_include: Patterns | None = None,
    left_out: list[tuple[str, str]] | None = None,
    not_files: list[str] | None = None,
) -> list[str]:
    """Files to check, in the order given, each once. Directories are walked recursively
    (hidden ones skipped) for files matching `include`; a glob (in quotes) stands for the
    files and directories it matches. `exclude`, and `named_include` when given, apply to
    files named explicitly too, so that pre-commit respects the config: such a file is left
    out and listed in `left_out` with the key that leaves it out ("exclude" or "include");
    pass `left_out=None` to check every named file (--force). No path means `.`.
    A binary file found in a directory is left out, and listed in `skipped` with what it
    looks like, as is a FIFO, socket, device or broken link (reading one could wait forever),
    whose path also goes to `not_files`, and a page claimcheck wrote (its report beside the
    draft); one named explicitly is kept, for reading it to refuse it."""
    found: list[str] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = path if path == STDIN else os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            found.append(path)

    def add_named(given: str) -> None:
        why = left_out_by(Path(given), named_include, exclude) if left_out is not None else None
        if why is None:
            add(given)
        elif left_out is not None:
            left_out.append((given, why))

    for given in paths or ["."]:
        if given == STDIN:
            add(STDIN)
            continue
        if is_pattern(given):
            matches = glob_paths(given)
            if not matches:
                raise InputError(f"{given}: no file matches")
        else:
            matches = [given]
        for match in matches:
            path = Path(match)
            if path.is_dir():
                for entry in _walk(path, include, exclude):
                    what = entry.not_a_file or (OWN_PAGE if is_own_page(entry.path) else None)
                    if what is None and skipped is not None:
                        what = _binary(entry.path, encoding)
                    if what is None:
                        add(entry.path)
                    elif skipped is not None:
                        skipped.append((entry.path, what))
                        if entry.not_a_file and not_files is not None:
                            not_files.append(entry.path)
            elif path.exists():
                add_named(match)
            else:
                broken = not_a_file(match) if path.is_symlink() else None
                raise InputError(f"{given}: {broken or 'no such file or directory'}")
    return found
