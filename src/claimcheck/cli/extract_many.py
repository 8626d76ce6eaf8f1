"""`claimcheck extract` over many files: JSON Lines streamed as files finish (to stdout, or to
`-o` as claimcheck.files.outputs writes it), other formats once all are done, and a progress bar
when a person watches stderr."""

from __future__ import annotations

import datetime
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from claimcheck.cli.notices import say_not_files, say_skipped
from claimcheck.cli.shared import stdout, write
from claimcheck.cli.terminal import progress_wanted
from claimcheck.files.drafts import expand
from claimcheck.files.outputs import output_file, refuse
from claimcheck.files.read import STDIN
from claimcheck.render.extract import renderer
from claimcheck.run.batch import Done, Settings, results, sizes


@contextmanager
def output_stream(path: str | None) -> Iterator[TextIO]:
    """stdout, or the output file `path` (complete when the block ends without error)."""
    if path is None:
        yield stdout()
        return
    with output_file(path) as stream:
        yield stream


@contextmanager
def progress(files: list[str], show: bool) -> Iterator[Callable[[Done], None]]:
    """A callback to report each finished file: a bar of bytes on stderr with files, claims
    and MB/s, or nothing."""
    if not show:
        yield lambda done: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TransferSpeedColumn

    columns = (
        TextColumn("{task.fields[files]:,}/{task.fields[of]:,} files"),
        BarColumn(),
        TextColumn("{task.fields[claims]:,} claims"),
        TransferSpeedColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), redirect_stdout=False) as bar:
        task = bar.add_task("extract", total=sizes(files) or None, files=0, of=len(files), claims=0)
        counts = {"files": 0, "claims": 0}

        def advance(done: Done) -> None:
            counts["files"] += 1
            counts["claims"] += done.claims
            bar.update(task, advance=done.nbytes, **counts)

        yield advance


def run_extract(
    paths: list[str],
    fmt: str,
    *,
    lang: str = "auto",
    min_checkworthy: float = 0.0,
    jobs: int | None = None,
    output: str | None = None,
    read_options: dict | None = None,
    stdin_name: str = STDIN,
    date: datetime.date | None = None,
    explain: bool = False,
) -> None:
    """Claims of every file under `paths` in `fmt`; `jobs` processes (default: the cores)."""
    not_files: list[tuple[str, str]] = []
    files = expand(paths, skipped=not_files)
    say_not_files(not_files)
    refuse(output, files)
    in_worker = renderer("jsonl") if fmt == "jsonl" else None
    settings = Settings(lang, min_checkworthy, in_worker, read_options or {}, stdin_name, date, explain)
    try:
        # For a person only, and not when the claims themselves are printed on the terminal.
        with progress(files, progress_wanted(output is None and sys.stdout.isatty())) as advance:
            if fmt == "jsonl":
                with output_stream(output) as stream:
                    for done in results(files, settings, jobs):
                        stream.write(done.payload)
                        stream.flush()  # a reader downstream sees each file as soon as it is done
                        say_skipped(done.path, done.skipped)
                        advance(done)
                return
            documents = []
            for done in results(files, settings, jobs):
                documents.append(done.payload)
                say_skipped(done.path, done.skipped)
                advance(done)
    except BrokenPipeError:  # `| head`: the reader has all it wants
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    write_documents(documents, fmt, output)


def write_documents(documents: list, fmt: str, output: str | None) -> None:
    """The documents in `fmt`: a table on a terminal drawn by rich, else the text written."""
    if fmt == "table" and output is None and sys.stdout.isatty():
        from claimcheck.cli.terminal import console
        from claimcheck.render.extract.table import tables

        out = console()
        for document in documents:
            for grid in tables(document):
                out.print(grid)
        return
    write(renderer(fmt)(documents), output)
