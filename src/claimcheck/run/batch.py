"""Extracting many files: each file read through claimcheck.run.document in worker processes
(claimcheck.run.workers), and each file's claims handed on together as soon as that file and
every file before it are done, so that the output is in input order and memory holds a few
files, however many there are."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from claimcheck.errors import ClaimcheckError, InputError
from claimcheck.files.read import STDIN
from claimcheck.models import Document, Skipped
from claimcheck.run.document import Source
from claimcheck.run.workers import default_jobs, ordered


@dataclass(frozen=True)
class Settings:
    lang: str = "auto"
    min_checkworthy: float = 0.0
    # Renders a file's documents in the worker, so that the parent only writes text (JSON
    # Lines); None: the documents come back as they are.
    render: Callable[[list[Document]], str] | None = None
    read_options: dict = field(default_factory=dict)  # encoding and max_bytes of the files
    stdin_name: str = STDIN  # the source standard input is called by
    date: datetime.date | None = None  # the drafts' date (--date)
    explain: bool = False  # each document lists the numbers read and not reported (--explain)


@dataclass(frozen=True)
class Done:
    """One file's claims: rendered (`Settings.render`) or the document."""

    path: str
    claims: int
    nbytes: int
    payload: str | Document
    skipped: list[Skipped]


def extract_file(job: tuple[str, str | None, Settings]) -> Done | str:
    """A file's claims, or the one-line error that stops the run. `text` is given for stdin."""
    from claimcheck.run.document import read_document

    path, text, settings = job
    if text is None:
        source = Source.file(path, **settings.read_options)
    else:
        source = Source.of_text(text, settings.stdin_name if path == STDIN else path)
    try:
        options = {"lang": settings.lang, "min_checkworthy": settings.min_checkworthy, "date": settings.date}
        options["explain"] = settings.explain
        # Whole: the document keeps every claim, which take far more memory than the text.
        document = read_document(source, whole=True, **options).document
    except ClaimcheckError as exc:
        return str(exc)
    payload = settings.render([document]) if settings.render is not None else document
    return Done(path, len(document.claims), _size(path, text), payload, document.skipped)


def _size(path: str, text: str | None) -> int:
    if text is not None:
        return len(text.encode("utf-8", "surrogatepass"))
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def results(files: list[str], settings: Settings, jobs: int | None = None) -> Iterator[Done]:
    """Each file's result in order; the first file that cannot be read stops the run."""
    # Standard input is read here, once: a worker is handed its text.
    text = {STDIN: Source.file(STDIN, **settings.read_options).read()} if STDIN in files else {}
    jobs = min(jobs or default_jobs(), max(len(files), 1))
    for done in ordered(extract_file, ((path, text.get(path), settings) for path in files), jobs):
        if isinstance(done, str):
            raise InputError(done)
        yield done


def sizes(files: list[str]) -> int:
    """Bytes to read, for the progress bar (a file gone since it was listed counts 0)."""
    return sum(_size(f, None) for f in files if f != STDIN)
