"""Which files the paths on a command line name: standard input, files, folders walked for
drafts (claimcheck.files.walk), globs in quotes. One way for every command; what differs
between them (which files a folder gives, which named ones the config leaves out, the
order) is a Selection.

What is no file to read (a FIFO, a device, a link to nothing) or is a page claimcheck wrote
is left out when a folder or a glob meets it, and listed in `skipped` with what it is; named
on the command line it is kept, for reading it to refuse it. A file reached twice is taken
once, where it came first.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatch

from claimcheck.errors import InputError
from claimcheck.files.own_pages import LOOKS_LIKE as OWN_PAGE
from claimcheck.files.own_pages import is_own_page
from claimcheck.files.read import STDIN
from claimcheck.files.walk import Found, glob_paths, not_a_file, walk

DRAFTS = ("*.txt", "*.md", "*.markdown", "*.html", "*.docx")  # what a folder holds that is a draft, by default
_GLOB = frozenset("*?[")


@dataclass(frozen=True)
class Selection:
    """What a folder gives and how the files found are taken.

    folder(path): the files under a folder that are wanted, as the walk finds them.
    left_out(path): why a file named (or matched by a glob) is left out, or None to take it.
    binary(path): what a file found in a folder looks like when it is not text, or None.
    sort: the files of a folder or glob in order of their paths (else as the walk finds them).
    empty: a folder or glob that gives no file, and leaves none out, is an error.
    """

    folder: Callable[[str], Iterator[Found]]
    left_out: Callable[[str], str | None] | None = None
    binary: Callable[[str], str | None] | None = None
    sort: bool = True
    empty: bool = True
    patterns: tuple[str, ...] = DRAFTS  # named in the message of an empty folder


def is_draft(name: str, patterns: tuple[str, ...] = DRAFTS) -> bool:
    """Whether a file of this name, found in a folder, is a draft: it matches `patterns` and is
    not hidden."""
    return not name.startswith(".") and any(fnmatch(name, pattern) for pattern in patterns)


def by_name(patterns: tuple[str, ...] = DRAFTS) -> Selection:
    """Files whose names match `patterns`, hidden ones left out, in order of their paths."""
    return Selection(lambda folder: walk(folder, lambda path, name: is_draft(name, patterns)), patterns=patterns)


def is_pattern(path: str) -> bool:
    """Whether `path` is a glob (in quotes, so the shell left it) rather than a file's name."""
    return bool(_GLOB & set(path)) and not os.path.exists(path)


def names_many(paths: list[str]) -> bool:
    """Whether the paths name a batch: a folder or a glob among them."""
    return any(path != STDIN and (os.path.isdir(path) or is_pattern(path)) for path in paths)


def expand(
    paths: list[str],
    selection: Selection | None = None,
    skipped: list[tuple[str, str]] | None = None,
    *,
    left_out: list[tuple[str, str]] | None = None,
    not_files: list[str] | None = None,
) -> list[str]:
    """The files the paths name, in the order given, each once. `skipped` gets what a folder
    or glob met and left out, with what it is (`not_files` the paths of those that are no
    files); `left_out` the files named that the selection leaves out, with why."""
    selection = selection or by_name()
    skipped = [] if skipped is None else skipped
    found: list[str] = []
    seen: set[str] = set()
    for given in paths:
        before = len(skipped) + len(left_out or ())
        if given == STDIN:
            files = [STDIN]
        elif os.path.isdir(given):
            files = _folder(given, selection, skipped, not_files)
        elif is_pattern(given):
            files = _matched(given, selection, skipped, not_files, left_out)
        elif os.path.exists(given):
            files = _named(given, selection, left_out)
        else:
            what = not_a_file(given) if os.path.islink(given) else None
            raise InputError(f"{given}: {what or 'no such file or directory'}")
        if selection.empty and not files and len(skipped) + len(left_out or ()) == before:
            kinds = ", ".join(pattern.lstrip("*") for pattern in selection.patterns)
            raise InputError(f"{given}: is a directory with no draft in it ({kinds})")
        for file in files:
            key = file if file == STDIN else os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                found.append(file)
    return found


def _folder(
    folder: str, selection: Selection, skipped: list[tuple[str, str]], not_files: list[str] | None
) -> list[str]:
    files = []
    for entry in selection.folder(folder):
        what = entry.not_a_file or (OWN_PAGE if is_own_page(entry.path) else None)
        if what is None and selection.binary is not None:
            what = selection.binary(entry.path)
        if what is None:
            files.append(entry.path)
            continue
        skipped.append((entry.path, what))
        if entry.not_a_file and not_files is not None:
            not_files.append(entry.path)
    return sorted(files) if selection.sort else files


def _named(path: str, selection: Selection, left_out: list[tuple[str, str]] | None) -> list[str]:
    why = selection.left_out(path) if selection.left_out is not None and left_out is not None else None
    if why is None:
        return [path]
    assert left_out is not None
    left_out.append((path, why))
    return []


def _matched(
    pattern: str,
    selection: Selection,
    skipped: list[tuple[str, str]],
    not_files: list[str] | None,
    left_out: list[tuple[str, str]] | None,
) -> list[str]:
    """What a glob matched: folders walked, files taken as if named, but for what is no file
    or is a page claimcheck wrote."""
    matches = glob_paths(pattern)
    if not matches:
        raise InputError(f"{pattern}: no file matches")
    files = []
    for match in matches:
        if os.path.isdir(match):
            files += _folder(match, selection, skipped, not_files)
        elif (what := not_a_file(match) or (OWN_PAGE if is_own_page(match) else None)) is not None:
            skipped.append((match, what))
            if what != OWN_PAGE and not_files is not None:
                not_files.append(match)
        else:
            files += _named(match, selection, left_out)
    return sorted(files) if selection.sort else files
