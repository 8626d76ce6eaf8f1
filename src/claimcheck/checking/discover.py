"""Which files `claimcheck check` reads: what claimcheck.files.drafts finds, with the config's
`include` and `exclude` for what folders give and what named files are left out."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from claimcheck.files.drafts import Selection
from claimcheck.files.drafts import expand as expand_drafts
from claimcheck.files.encodings import HEAD, not_text
from claimcheck.files.globs import Patterns
from claimcheck.files.walk import Found, walk
from claimcheck.files.word import is_word


def _binary(path: str, encoding: str | None) -> str | None:
    """What a file found in a directory is when it is not text (a PDF, an image…), else None;
    a Word draft is read for its text (a damaged one stops the run, as a bad byte does)."""
    if is_word(path):
        return None
    try:
        with open(path, "rb") as stream:
            return not_text(stream.read(HEAD), encoding)
    except OSError:
        return None  # reading it again reports the error


def _walk(directory: str, include: Patterns, exclude: Patterns) -> Iterator[Found]:
    """The files under `directory` that `include` wants and `exclude` does not (hidden
    folders and excluded ones not entered), each with what it is if not a regular file."""

    def keep_file(path: str, name: str) -> bool:
        return include.matches(Path(path), any_part=False) and not exclude.matches(Path(path))

    def keep_folder(path: str) -> bool:
        return not exclude.matches(Path(path))

    for found in walk(directory, keep_file, keep_folder):
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
    """Files to check, in the order given, each once; no path means `.`. Folders are walked
    (in the walk's order) for files matching `include`; a binary file found in one is left
    out and listed in `skipped` with what it looks like. `exclude`, and `named_include` when
    given, apply to files named explicitly too, so that pre-commit respects the config: such
    a file is left out and listed in `left_out` with the key that leaves it out ("exclude"
    or "include"); pass `left_out=None` to check every named file (--force)."""
    selection = Selection(
        folder=lambda folder: _walk(folder, include, exclude),
        left_out=lambda path: left_out_by(Path(path), named_include, exclude),
        binary=None if skipped is None else lambda path: _binary(path, encoding),
        sort=False,
        empty=False,
    )
    return expand_drafts(paths or ["."], selection, skipped, left_out=left_out, not_files=not_files)
