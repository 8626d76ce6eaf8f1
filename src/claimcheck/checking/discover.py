"""Which files `claimcheck check` reads: the files named, and the drafts under each directory."""

from __future__ import annotations

import glob
import os
from pathlib import Path

from claimcheck.batch import is_pattern
from claimcheck.checking.globs import Patterns
from claimcheck.encodings import HEAD, not_text
from claimcheck.errors import InputError

STDIN = "-"


def _binary(path: str, encoding: str | None) -> str | None:
    """What a file found in a directory is when it is not text (a PDF, an image…), else None."""
    try:
        with open(path, "rb") as stream:
            return not_text(stream.read(HEAD), encoding)
    except OSError:
        return None  # reading it again reports the error


def _walk(directory: Path, include: Patterns, exclude: Patterns):
    for root, dirs, names in os.walk(directory):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not exclude.matches(here / d))
        for name in sorted(names):
            path = here / name
            if include.matches(path, any_part=False) and not exclude.matches(path):
                yield os.path.normpath(path)


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
) -> list[str]:
    """Files to check, in the order given, each once. Directories are walked recursively
    (hidden ones skipped) for files matching `include`; a glob (in quotes) stands for the
    files and directories it matches. `exclude`, and `named_include` when given, apply to
    files named explicitly too, so that pre-commit respects the config: such a file is left
    out and listed in `left_out` with the key that leaves it out ("exclude" or "include");
    pass `left_out=None` to check every named file (--force). No path means `.`.
    A binary file found in a directory is left out, and listed in `skipped` with what it
    looks like; one named explicitly is kept, for reading it to refuse it."""
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
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                raise InputError(f"{given}: no file matches")
        else:
            matches = [given]
        for match in matches:
            path = Path(match)
            if path.is_dir():
                for file in _walk(path, include, exclude):
                    what = _binary(file, encoding) if skipped is not None else None
                    if what is None:
                        add(file)
                    else:
                        skipped.append((file, what))
            elif path.exists():
                add_named(match)
            else:
                raise InputError(f"{given}: no such file or directory")
    return found
