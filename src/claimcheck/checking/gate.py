"""`claimcheck check` from request to report: config, files, parallel checking, baseline."""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from claimcheck.checking.baseline import Entry, file_key, load_baseline, write_baseline
from claimcheck.checking.config import Options, Resolver, discover
from claimcheck.checking.discover import expand
from claimcheck.checking.jobs import Job, Tables, check_source, reference_table, run_jobs, tables_of
from claimcheck.checking.results import CheckReport, FileResult, SkippedFile, summarize
from claimcheck.errors import ClaimcheckError, InputError
from claimcheck.files.outputs import refuse
from claimcheck.files.own_pages import LOOKS_LIKE as OWN_PAGE
from claimcheck.files.read import STDIN
from claimcheck.run.document import Source
from claimcheck.run.workers import default_jobs


class UsageError(ClaimcheckError):
    """The command cannot run as asked (no reference table, a baseline flag without a file)."""


@dataclass(frozen=True)
class Request:
    paths: list[str]
    flags: Options = Options()
    config: str | None = None
    include: list[str] | None = None
    exclude: list[str] | None = None
    baseline: str | None = None
    update_baseline: bool = False
    jobs: int | None = None
    progress: bool = False
    stdin_name: str | None = None  # what standard input is called in the report and the config
    force: bool = False  # check the files named even when the config's include/exclude leave them out
    allow_empty: bool = False  # a run with no draft to check passes rather than stops
    note: Callable[[str], None] = lambda message: None  # said to the person running the command
    output: str | None = None  # where the report goes: refused before any draft is read if it is one
    keep_text: bool = False  # each result carries its draft's text, for pages that show it


@contextlib.contextmanager
def _progress_bar(total: int, enabled: bool) -> Iterator[Callable[[int], None]]:
    if not enabled or total < 2:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("check", total=total)
        yield lambda n: progress.advance(task, n)


def _check_all(jobs: list[Job], request: Request, tables: list[Tables]) -> list[FileResult]:
    stdin_name = request.stdin_name or STDIN
    stdin = [settings for path, settings in jobs if path == STDIN]
    from_stdin = None
    if stdin:  # read before the files, as it comes
        limits = {"encoding": stdin[0].encoding, "max_bytes": stdin[0].max_bytes or None}
        source = Source.file(STDIN, stdin_name=stdin_name, **limits)
        from_stdin = check_source(source, stdin[0], keep_text=request.keep_text)
    files = [job for job in jobs if job[0] != STDIN]
    with _progress_bar(len(files), request.progress) as advance:
        workers = request.jobs or default_jobs()
        checked = run_jobs(files, workers, tables, advance, keep_text=request.keep_text)
    errors = [result for result in checked if isinstance(result, str)]
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise InputError(errors[0] + more)
    by_path = {result.path: result for result in checked if isinstance(result, FileResult)}
    return [from_stdin if path == STDIN else by_path[path] for path, _ in jobs]  # type: ignore[misc]


def _apply_baseline(results: list[FileResult], accepted: set, baseline: str) -> list[FileResult]:
    out = []
    for result in results:
        key = file_key(result.path, baseline)
        claims = [
            c.model_copy(update={"suppressed": "baseline", "fails": False})
            if c.is_finding
            and c.suppressed is None
            and all((key, c.claim.id, finding) in accepted for finding in c.findings())
            else c
            for c in result.claims
        ]
        out.append(result.model_copy(update={"claims": claims}))
    return out


def _entries(results: list[FileResult], baseline: str) -> list[Entry]:
    return [
        Entry(
            path=file_key(r.path, baseline),
            id=c.claim.id,
            status=finding,
            kind=c.claim.kind,
            text=c.claim.text,
        )
        for r in results
        for c in r.claims
        if c.is_finding and c.suppressed is None
        for finding in c.findings()
    ]


@contextlib.contextmanager
def _no_garbage_collection() -> Iterator[None]:
    """A run builds (and unpickles) hundreds of thousands of records and no cycles; the
    collector would rescan them again and again (7 s of 20 for 1,000 drafts). Forked
    workers inherit the setting."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def gate(request: Request) -> CheckReport:
    with _no_garbage_collection():
        return _gate(request)


_LEFT_OUT = {
    "exclude": "left out: the config's exclude matches it (--force checks it)",
    "include": "left out: not among the files the config's include takes (--force checks it)",
}


def _files(request: Request, resolver: Resolver, skipped: list[tuple[str, str]], not_files: list[str]) -> list[Job]:
    """Each file to check with its settings; says which named files the config leaves out,
    and stops a run that has nothing to check (a typo in `include`) unless it may be empty."""
    include, exclude = resolver.include(request.include), resolver.exclude(request.exclude)
    named_include = include if resolver.include_is_set(request.include) else None
    left_out: list[tuple[str, str]] | None = None if request.force else []
    encoding = resolver.settings_for(".").encoding
    paths = expand(
        request.paths,
        include,
        exclude,
        skipped,
        encoding,
        not_files=not_files,
        named_include=named_include,
        left_out=left_out,
    )
    for path, why in left_out or []:
        request.note(f"{path}: {_LEFT_OUT[why]}")
    if not paths and not left_out and not request.allow_empty:
        where = " ".join(request.paths) or "."
        found = f"; {len(skipped)} binary files skipped" if skipped else ""
        raise UsageError(
            f"no draft to check in {where}: no file matches include ({', '.join(include.patterns)}){found}; "
            "--allow-empty lets such a run pass"
        )
    stdin_name = request.stdin_name or STDIN
    return [(path, resolver.settings_for(stdin_name if path == STDIN else path)) for path in paths]


def _gate(request: Request) -> CheckReport:
    started = time.perf_counter()
    resolver = Resolver(discover(request.config), request.flags)
    skipped: list[tuple[str, str]] = []
    not_files: list[str] = []
    jobs = _files(request, resolver, skipped, not_files)
    unsourced = [path for path, settings in jobs if not settings.refs]
    if unsourced:
        raise UsageError(f"no reference table for {unsourced[0]}: pass --refs FILE or set refs in the config")
    tables = list(dict.fromkeys(tables_of(settings) for _, settings in jobs if settings.refs))
    for table in tables:
        reference_table(table)  # a bad table stops the run before any draft is read
    baseline = resolver.baseline(request.baseline)
    if request.update_baseline and not baseline:
        raise UsageError("--update-baseline needs --baseline FILE (or baseline in the config)")
    table_paths = [table for paths, *_ in tables for table in paths]
    config_path = [str(resolver.config.path)] if resolver.config.path else []
    inputs = [*(path for path, _ in jobs), *table_paths, *config_path]
    refuse(request.output, [*inputs, *([baseline] if baseline else [])])
    if request.update_baseline:
        refuse(baseline, inputs)
    accepted = load_baseline(baseline) if baseline and not request.update_baseline else set()
    results = _check_all(jobs, request, tables)
    if request.update_baseline and baseline:
        entries = _entries(results, baseline)
        write_baseline(baseline, entries)
        accepted = {(e.path, e.id, e.status) for e in entries}
    if baseline:
        results = _apply_baseline(results, accepted, baseline)
    seconds = time.perf_counter() - started
    pages = sum(what == OWN_PAGE for _, what in skipped)
    binary = len(skipped) - len(not_files) - pages
    summary = summarize(results, seconds, binary, special=len(not_files), own_pages=pages)
    not_text = [SkippedFile(path=path, looks_like=what) for path, what in skipped]
    return CheckReport(summary=summary, files=results, skipped=not_text)
