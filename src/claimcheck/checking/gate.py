"""`claimcheck check` from request to report: config, files, parallel checking, baseline."""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from claimcheck.checking.baseline import Entry, file_key, load_baseline, write_baseline
from claimcheck.checking.config import Options, Resolver, discover
from claimcheck.checking.discover import STDIN, expand
from claimcheck.checking.results import CheckReport, FileResult, SkippedFile, summarize
from claimcheck.checking.run import Job, check_text, default_jobs, reference_table, run_jobs
from claimcheck.errors import ClaimcheckError, InputError


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


def _check_all(jobs: list[Job], request: Request, tables: list[str]) -> list[FileResult]:
    from claimcheck.files import read_text

    stdin = [settings for path, settings in jobs if path == STDIN]
    stdin_text = read_text(STDIN, encoding=stdin[0].encoding, max_bytes=stdin[0].max_bytes or None) if stdin else ""
    files = [job for job in jobs if job[0] != STDIN]
    with _progress_bar(len(files), request.progress) as advance:
        checked = run_jobs(files, request.jobs or default_jobs(), tables, advance)
    errors = [result for result in checked if isinstance(result, str)]
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise InputError(errors[0] + more)
    by_path = {result.path: result for result in checked if isinstance(result, FileResult)}
    return [check_text(path, stdin_text, settings) if path == STDIN else by_path[path] for path, settings in jobs]


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


def _gate(request: Request) -> CheckReport:
    started = time.perf_counter()
    resolver = Resolver(discover(request.config), request.flags)
    skipped: list[tuple[str, str]] = []
    include, exclude = resolver.include(request.include), resolver.exclude(request.exclude)
    paths = expand(request.paths, include, exclude, skipped, resolver.settings_for(".").encoding)
    jobs = [(path, resolver.settings_for(path)) for path in paths]
    unsourced = [path for path, settings in jobs if not settings.refs]
    if unsourced:
        raise UsageError(f"no reference table for {unsourced[0]}: pass --refs FILE or set refs in the config")
    tables = sorted({settings.refs for _, settings in jobs if settings.refs})
    for table in tables:
        reference_table(table)  # a bad table stops the run before any draft is read
    baseline = resolver.baseline(request.baseline)
    if request.update_baseline and not baseline:
        raise UsageError("--update-baseline needs --baseline FILE (or baseline in the config)")
    accepted = load_baseline(baseline) if baseline and not request.update_baseline else set()
    results = _check_all(jobs, request, tables)
    if request.update_baseline and baseline:
        entries = _entries(results, baseline)
        write_baseline(baseline, entries)
        accepted = {(e.path, e.id, e.status) for e in entries}
    if baseline:
        results = _apply_baseline(results, accepted, baseline)
    summary = summarize(results, time.perf_counter() - started, len(skipped))
    not_text = [SkippedFile(path=path, looks_like=what) for path, what in skipped]
    return CheckReport(summary=summary, files=results, skipped=not_text)
