"""Checking files: one file end to end (read, prose, extract, verify, suppress), and many
files in parallel worker processes, each holding the reference tables it loaded once."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed

from claimcheck import data_blocks
from claimcheck.checking.config import Settings
from claimcheck.checking.discover import STDIN
from claimcheck.checking.positions import anchor
from claimcheck.checking.prose import format_of, mask
from claimcheck.checking.results import Checked, FileResult, fails
from claimcheck.checking.suppress import Silenced, suppressed_spans
from claimcheck.errors import ClaimcheckError
from claimcheck.models import Claim, Verdict

Job = tuple[str, Settings]
_tables: dict[str, object] = {}


def reference_table(path: str):
    """The table at `path`, loaded and indexed once per process."""
    if path not in _tables:
        from claimcheck.references import load_references
        from claimcheck.verify import index_references

        _tables[path] = index_references(load_references(path))
    return _tables[path]


def _verdicts(claims: list[Claim], settings: Settings) -> list[Verdict]:
    """One verdict per claim, in order."""
    from claimcheck.verify import verify

    if not claims or not settings.refs:
        return []
    return verify(claims, reference_table(settings.refs), approximation=settings.approx)


def _why_deceptive(claim: Claim) -> str:
    from claimcheck.reasons import deceptive

    return deceptive(claim)


def _wanted(claim: Claim, settings: Settings) -> bool:
    kind_ok = settings.kinds is None or claim.kind in settings.kinds
    return kind_ok and claim.checkworthy >= settings.min_checkworthy


def check_text(path: str, text: str, settings: Settings) -> FileResult:
    from claimcheck.extract import extract

    fmt = "text" if path == STDIN else format_of(path)
    masked = mask(text, fmt)
    lang = None if settings.lang == "auto" else settings.lang
    claims = [c for c in anchor(extract(masked.text, lang=lang), text, masked) if _wanted(c, settings)]
    silenced = Silenced(suppressed_spans(text, fmt))
    checked = []
    for claim, verdict in zip(claims, _verdicts(claims, settings), strict=True):
        found = verdict.status != "sourced" or claim.deceptive is not None
        suppressed = "inline" if found and claim.start in silenced else None
        deceptive = _why_deceptive(claim) if claim.deceptive is not None else None
        checked.append(
            Checked(
                claim=claim,
                verdict=verdict,
                suppressed=suppressed,
                fails=fails(verdict.status, settings.fail_on, suppressed)
                or (deceptive is not None and fails("deceptive", settings.fail_on, suppressed)),
                deceptive=deceptive,
            )
        )
    not_read = [  # lines counted in the original: the prose copy of an HTML file has none
        part.model_copy(update={"line": text.count("\n", 0, part.start) + 1})
        for part in data_blocks.skipped(masked.text)
    ]
    return FileResult(path=path, format=fmt, fail_on=settings.fail_on, claims=checked, not_read=not_read)


def check_file(job: Job) -> FileResult | str:
    """The file's result, or the one-line error that stops the run (unreadable, bad table)."""
    from claimcheck.files import read_text

    path, settings = job
    try:
        text = read_text(path, encoding=settings.encoding, max_bytes=settings.max_bytes or None)
        return check_text(path, text, settings)
    except ClaimcheckError as exc:
        return str(exc)


def _check_batch(batch: list[Job]) -> list[FileResult | str]:
    return [check_file(job) for job in batch]


def _warm(tables: list[str]) -> None:
    for path in tables:
        reference_table(path)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_jobs(
    jobs: list[Job], workers: int, tables: list[str], advance: Callable[[int], None] = lambda n: None
) -> list[FileResult | str]:
    """Results in the order of `jobs`; with more than one worker, files go out in small batches."""
    if workers <= 1 or len(jobs) < 2:
        results = []
        for job in jobs:
            results.append(check_file(job))
            advance(1)
        return results
    workers = min(workers, len(jobs))
    size = max(1, min(16, len(jobs) // (workers * 8)))
    batches = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    out: list[list[FileResult | str]] = [[] for _ in batches]
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm, initargs=(tables,)) as pool:
        pending = {pool.submit(_check_batch, batch): i for i, batch in enumerate(batches)}
        for future in as_completed(pending):
            out[pending[future]] = future.result()
            advance(len(out[pending[future]]))
    return [result for batch in out for result in batch]


def show_progress() -> bool:
    """A progress bar only for a person: stderr is a terminal and this is not CI."""
    return sys.stderr.isatty() and not os.environ.get("CI")
