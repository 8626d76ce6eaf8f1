"""Checking files: one file end to end (read, prose, extract, verify, suppress), and many
files in parallel worker processes, each holding the reference tables it loaded once."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from claimcheck.checking.config import Settings
from claimcheck.checking.results import Checked, FileResult, fails
from claimcheck.checking.suppress import Silenced, suppressed_spans
from claimcheck.errors import ClaimcheckError
from claimcheck.files.read import STDIN
from claimcheck.models import Claim, Verdict
from claimcheck.run.document import not_read, prose_claims
from claimcheck.run.workers import ordered
from claimcheck.text.prose import format_of

Job = tuple[str, Settings]
# The tables a file is checked against: their paths (rows taken together), encoding, the
# units of the config, and the size limit (0: none, None: the default).
Tables = tuple[tuple[str, ...], str | None, tuple[tuple[str, str], ...], int | None]
_tables: dict[Tables, object] = {}


def tables_of(settings: Settings) -> Tables | None:
    if not settings.refs:
        return None
    return (settings.refs, settings.refs_encoding, settings.units, settings.refs_max_bytes)


def reference_table(tables: Tables):
    """The tables' rows in one index, loaded and indexed once per process."""
    if tables not in _tables:
        from claimcheck.references.formats import DEFAULT_TABLE_BYTES
        from claimcheck.references.tables import load_references
        from claimcheck.verification.verifier import index_references

        paths, encoding, units, max_bytes = tables
        limit = DEFAULT_TABLE_BYTES if max_bytes is None else max_bytes or None
        loaded = [load_references(p, encoding=encoding, units=units, max_bytes=limit) for p in paths]
        _tables[tables] = index_references(loaded)
    return _tables[tables]


def _verdicts(claims: list[Claim], settings: Settings) -> list[Verdict]:
    """One verdict per claim, in order."""
    from claimcheck.verification.verifier import verify

    if not claims or not settings.refs:
        return []
    return verify(claims, reference_table(tables_of(settings)), approximation=settings.approx)


def _why_deceptive(claim: Claim) -> str:
    from claimcheck.verification.reasons import deceptive

    return deceptive(claim)


def _wanted(claim: Claim, settings: Settings) -> bool:
    kind_ok = settings.kinds is None or claim.kind in settings.kinds
    return kind_ok and claim.checkworthy >= settings.min_checkworthy


def check_text(path: str, text: str, settings: Settings) -> FileResult:
    fmt = "text" if path == STDIN else format_of(path)
    lang = None if settings.lang == "auto" else settings.lang
    found, masked = prose_claims(text, fmt, lang)
    claims = [c for c in found if _wanted(c, settings)]
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
    return FileResult(path=path, format=fmt, fail_on=settings.fail_on, claims=checked, not_read=not_read(text, masked))


def check_file(job: Job) -> FileResult | str:
    """The file's result, or the one-line error that stops the run (unreadable, bad table)."""
    from claimcheck.files.read import read_text

    path, settings = job
    try:
        text = read_text(path, encoding=settings.encoding, max_bytes=settings.max_bytes or None)
        return check_text(path, text, settings)
    except ClaimcheckError as exc:
        return str(exc)


def _check_batch(batch: list[Job]) -> list[FileResult | str]:
    return [check_file(job) for job in batch]


def _warm(tables: list[Tables]) -> None:
    for each in tables:
        reference_table(each)


def run_jobs(
    jobs: list[Job], workers: int, tables: list[Tables], advance: Callable[[int], None] = lambda n: None
) -> list[FileResult | str]:
    """Results in the order of `jobs`; with more than one worker, files go out in small batches,
    all at once (every result is kept: holding them back saves no memory)."""
    workers = min(workers, len(jobs))
    size = 1 if workers <= 1 else max(1, min(16, len(jobs) // (workers * 8)))
    batches = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    results: list[FileResult | str] = []
    for batch in ordered(_check_batch, batches, workers, window=len(batches), prepare=_warm, args=(tables,)):
        results += batch
        advance(len(batch))
    return results


def show_progress() -> bool:
    """A progress bar only for a person: stderr is a terminal, this is not CI, nor --quiet."""
    from claimcheck.cli.terminal import quiet

    return sys.stderr.isatty() and not os.environ.get("CI") and not quiet()
