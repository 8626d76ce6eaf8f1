"""`claimcheck extract` over many files: JSON Lines streamed as files finish (to stdout, or to
`-o` as claimcheck.files.outputs writes it), other formats once all are done, and a progress bar
when a person watches stderr."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from claimcheck.cli.notices import say_not_files, say_skipped
from claimcheck.cli.terminal import quiet
from claimcheck.files.drafts import expand
from claimcheck.files.outputs import output_file, refuse
from claimcheck.files.read import STDIN
from claimcheck.render.extract import renderer
from claimcheck.run.batch import Done, Settings, results, sizes


class _TerminalSafe:
    """stdout on a terminal: what the terminal would act on (escape sequences) is written out."""

    def write(self, text: str) -> None:
        from claimcheck.files.read import terminal_safe

        sys.stdout.write(terminal_safe(text))

    def flush(self) -> None:
        sys.stdout.flush()


@contextmanager
def output_stream(path: str | None) -> Iterator[TextIO]:
    """stdout, or the output file `path` (complete when the block ends without error)."""
    if path is None:
        yield _TerminalSafe() if sys.stdout.isatty() else sys.stdout
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


def show_progress(fmt: str, output: str | None) -> bool:
    """For a person only: stderr is a terminal, this is not CI, and the claims themselves are
    not being printed on that terminal."""
    to_terminal = output is None and sys.stdout.isatty()
    return sys.stderr.isatty() and not os.environ.get("CI") and not to_terminal and not quiet()


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
) -> None:
    """Claims of every file under `paths` in `fmt`; `jobs` processes (default: the cores)."""
    not_files: list[tuple[str, str]] = []
    files = expand(paths, skipped=not_files)
    say_not_files(not_files)
    refuse(output, files)
    in_worker = renderer("jsonl") if fmt == "jsonl" else None
    settings = Settings(lang, min_checkworthy, in_worker, read_options or {}, stdin_name)
    try:
        with progress(files, show_progress(fmt, output)) as advance:
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
    _write(documents, fmt, output)


def _write(documents: list, fmt: str, output: str | None) -> None:
    from claimcheck.files.outputs import write_output

    if fmt == "table" and output is None and sys.stdout.isatty():
        from claimcheck.cli.terminal import console
        from claimcheck.render.extract.table import table

        out = console()
        for document in documents:
            out.print(table(document))
        return
    text = renderer(fmt)(documents)
    if output is None:
        (_TerminalSafe() if sys.stdout.isatty() else sys.stdout).write(text)
    else:
        write_output(output, text)
