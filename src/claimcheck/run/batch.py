"""Extracting many files: directories and globs expanded, files run in worker processes, and
each file's claims handed on together as soon as that file and every file before it are done,
so that the output is in input order and memory holds a few files, however many there are."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatch
from typing import TypeVar

from claimcheck.errors import InputError
from claimcheck.files.own_pages import LOOKS_LIKE as OWN_PAGE
from claimcheck.files.own_pages import is_own_page
from claimcheck.files.walk import glob_paths, not_a_file, walk
from claimcheck.models import Document, Skipped
from claimcheck.run.workers import worker_pool

DRAFTS = ("*.txt", "*.md", "*.markdown", "*.html")
STDIN = "-"
_GLOB = frozenset("*?[")
_END = object()
In = TypeVar("In")
Out = TypeVar("Out")


@dataclass(frozen=True)
class Settings:
    lang: str = "auto"
    min_checkworthy: float = 0.0
    jsonl: bool = False  # render in the worker: the parent then only writes text
    read_options: dict = field(default_factory=dict)  # passed on to files.read_text
    stdin_name: str = STDIN  # the source standard input is called by


@dataclass(frozen=True)
class Done:
    """One file's claims: rendered JSON Lines (`jsonl`) or the document."""

    path: str
    claims: int
    nbytes: int
    payload: str | Document
    skipped: list[Skipped]


def is_pattern(path: str) -> bool:
    return bool(_GLOB & set(path)) and not os.path.exists(path)


def wanted(paths: list[str]) -> bool:
    """Whether the paths name a batch: a directory or a glob among them."""
    return any(path != STDIN and (os.path.isdir(path) or is_pattern(path)) for path in paths)


def _drafts_under(directory: str, patterns: Iterable[str], skipped: list[tuple[str, str]]) -> Iterator[str]:
    """The drafts under `directory` (hidden entries left out); what is not a regular file
    (a FIFO, a device, a link to nothing) or is a page claimcheck wrote goes to `skipped`
    with what it is."""

    def wanted_name(path: str, name: str) -> bool:
        return not name.startswith(".") and any(fnmatch(name, p) for p in patterns)

    for found in walk(directory, wanted_name):
        if found.not_a_file is not None:
            skipped.append((found.path, found.not_a_file))
        elif is_own_page(found.path):
            skipped.append((found.path, OWN_PAGE))
        else:
            yield found.path


def _matched(matches: list[str], patterns: Iterable[str], skipped: list[tuple[str, str]]) -> list[str]:
    """What a glob matched: files as they are, directories walked for drafts."""
    files = []
    for match in matches:
        if os.path.isdir(match):
            files += _drafts_under(match, patterns, skipped)
        elif (what := not_a_file(match)) is not None:
            skipped.append((match, what))
        elif is_own_page(match):
            skipped.append((match, OWN_PAGE))
        else:
            files.append(match)
    return files


def expand(
    paths: list[str], patterns: Iterable[str] = DRAFTS, skipped: list[tuple[str, str]] | None = None
) -> list[str]:
    """Files in a deterministic order: the arguments in the order given, the files under each
    directory (hidden entries skipped) or glob sorted by path; a file named twice runs once.
    A FIFO, device or broken link met in a directory or a glob is left out, and listed in
    `skipped` with what it is, as is a page claimcheck wrote."""
    found: list[str] = []
    seen: set[str] = set()
    skipped = [] if skipped is None else skipped
    for given in paths:
        before = len(skipped)
        if given == STDIN:
            files = [STDIN]
        elif os.path.isdir(given):
            files = sorted(_drafts_under(given, patterns, skipped))
        elif is_pattern(given):
            matches = glob_paths(given)
            if not matches:
                raise InputError(f"{given}: no file matches")
            files = sorted(_matched(matches, patterns, skipped))
        elif os.path.exists(given):
            files = [given]
        else:
            raise InputError(f"{given}: {_missing(given)}")
        if not files and len(skipped) == before:
            kinds = ", ".join(p.lstrip("*") for p in patterns)
            raise InputError(f"{given}: is a directory with no draft in it ({kinds})")
        for file in files:
            key = file if file == STDIN else os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                found.append(file)
    return found


def _missing(path: str) -> str:
    what = not_a_file(path) if os.path.islink(path) else None
    return what or "no such file or directory"


def extract_file(job: tuple[str, str | None, Settings]) -> Done | str:
    """A file's claims, or the one-line error that stops the run. `text` is given for stdin."""
    from claimcheck.engine.extract import extract_document
    from claimcheck.errors import ClaimcheckError
    from claimcheck.files.read import read_text
    from claimcheck.render.extract.jsonl import render

    path, text, settings = job
    try:
        text = read_text(path, **settings.read_options) if text is None else text
    except ClaimcheckError as exc:
        return str(exc)
    source = settings.stdin_name if path == STDIN else path
    document = extract_document(text, source=source, lang=settings.lang, min_checkworthy=settings.min_checkworthy)
    payload = render([document]) if settings.jsonl else document
    return Done(path, len(document.claims), len(text.encode("utf-8")), payload, document.skipped)


def ordered(work: Callable[[In], Out], items: Iterable[In], jobs: int, window: int | None = None) -> Iterator[Out]:
    """work(item) for each item, in the items' order, by `jobs` processes (1: in this one).
    At most `window` items (default 2 × jobs) are in flight or finished but not yet taken."""
    if jobs <= 1:
        yield from map(work, items)
        return
    window = window or 2 * jobs
    items = iter(items)
    with worker_pool(jobs) as pool:  # stopped at once if the run ends early
        pending = deque(pool.submit(work, item) for _, item in zip(range(window), items, strict=False))
        while pending:
            result = pending.popleft().result()
            item = next(items, _END)
            if item is not _END:
                pending.append(pool.submit(work, item))
            yield result


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def results(files: list[str], settings: Settings, jobs: int | None = None) -> Iterator[Done]:
    """Each file's result in order; the first file that cannot be read stops the run."""
    from claimcheck.files.read import read_text

    text = {STDIN: read_text(STDIN, **settings.read_options)} if STDIN in files else {}
    jobs = min(jobs or default_jobs(), max(len(files), 1))
    for done in ordered(extract_file, ((path, text.get(path), settings) for path in files), jobs):
        if isinstance(done, str):
            raise InputError(done)
        yield done


def sizes(files: list[str]) -> int:
    """Bytes to read, for the progress bar (a file gone since it was listed counts 0)."""

    def size(path: str) -> int:
        try:
            return os.path.getsize(path)
        except OSError:
            return 0

    return sum(size(f) for f in files if f != STDIN)
