"""Checking files: one file through claimcheck.run.document (read, prose, extract, verify),
then the gate's policy (markers that silence, what fails), and many files in parallel worker
processes, each holding the reference tables it loaded once."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from claimcheck.checking.config import Settings
from claimcheck.checking.results import Checked, FileResult, fails
from claimcheck.checking.suppress import Silenced, suppressed_spans
from claimcheck.errors import ClaimcheckError
from claimcheck.models import Claim
from claimcheck.run.document import Source
from claimcheck.run.workers import ordered

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


def _why_deceptive(claim: Claim) -> str:
    from claimcheck.verification.reasons import deceptive

    return deceptive(claim)


def check_source(source: Source, settings: Settings, *, keep_text: bool = False) -> FileResult:
    """The file's claims, verdicts and what the gate makes of them; `keep_text`: the result
    carries the text as it was read, for a page that shows it."""
    from claimcheck.run.document import read_document

    tables = tables_of(settings)
    read = read_document(
        source,
        prose=True,
        lang=settings.lang,
        min_checkworthy=settings.min_checkworthy,
        kinds=settings.kinds,
        references=reference_table(tables) if tables else None,
        approximation=settings.approx,
        keep_text=True,
        date=settings.date,
    )
    assert read.text is not None and read.verdicts is not None
    silenced = Silenced(suppressed_spans(read.text, read.format))
    checked = []
    for claim, verdict in zip(read.document.claims, read.verdicts, strict=True):
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
    result = FileResult(
        path=source.name,
        format=read.format,
        fail_on=settings.fail_on,
        claims=checked,
        not_read=read.document.skipped,
    )
    if keep_text:
        result.keep_text(read.text, read.dimmed())
    return result


def check_file(job: Job, keep_text: bool = False) -> FileResult | str:
    """The file's result, or the one-line error that stops the run (unreadable, bad table)."""
    path, settings = job
    source = Source.file(path, encoding=settings.encoding, max_bytes=settings.max_bytes or None)
    try:
        return check_source(source, settings, keep_text=keep_text)
    except ClaimcheckError as exc:
        return str(exc)


def _check_batch(batch: list[Job], keep_text: bool = False) -> list[FileResult | str]:
    return [check_file(job, keep_text) for job in batch]


def _warm(tables: list[Tables]) -> None:
    for each in tables:
        reference_table(each)


def run_jobs(
    jobs: list[Job],
    workers: int,
    tables: list[Tables],
    advance: Callable[[int], None] = lambda n: None,
    *,
    keep_text: bool = False,
) -> list[FileResult | str]:
    """Results in the order of `jobs`; with more than one worker, files go out in small batches,
    all at once (every result is kept: holding them back saves no memory)."""
    workers = min(workers, len(jobs))
    size = 1 if workers <= 1 else max(1, min(16, len(jobs) // (workers * 8)))
    batches = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    work = partial(_check_batch, keep_text=keep_text)
    results: list[FileResult | str] = []
    for batch in ordered(work, batches, workers, window=len(batches), prepare=_warm, args=(tables,)):
        results += batch
        advance(len(batch))
    return results
