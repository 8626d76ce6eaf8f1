"""Which files `claimcheck check` reads: the files named, and the drafts under each directory."""

from __future__ import annotations

import os
from pathlib import Path

from claimcheck.checking.globs import Patterns
from claimcheck.encodings import HEAD, not_text
from claimcheck.errors import InputError
from claimcheck.own_pages import LOOKS_LIKE as OWN_PAGE
from claimcheck.own_pages import is_own_page

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


def expand(
    paths: list[str],
    include: Patterns,
    exclude: Patterns,
    skipped: list[tuple[str, str]] | None = None,
    encoding: str | None = None,
) -> list[str]:
    """Files to check, in the order given, each once. Directories are walked recursively
    (hidden ones skipped) for files matching `include`; `exclude` applies to every path,
    a file named explicitly too, so that pre-commit respects it. No path means `.`.
    A binary file found in a directory is left out, and listed in `skipped` with what it
    looks like; one named explicitly is kept, for reading it to refuse it. So is a page
    claimcheck wrote (its report beside the draft)."""
    found: list[str] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = path if path == STDIN else os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            found.append(path)

    for given in paths or ["."]:
        path = Path(given)
        if given == STDIN:
            add(STDIN)
        elif path.is_dir():
            for file in _walk(path, include, exclude):
                if is_own_page(file):
                    what = OWN_PAGE
                else:
                    what = _binary(file, encoding) if skipped is not None else None
                if what is None:
                    add(file)
                elif skipped is not None:
                    skipped.append((file, what))
        elif path.exists():
            if not exclude.matches(path):
                add(given)
        else:
            raise InputError(f"{given}: no such file or directory")
    return found
