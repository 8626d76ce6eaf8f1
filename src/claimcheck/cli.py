"""The command line: a thin layer over claimcheck's Python API.

Exit codes: 0 success, 2 usage or input error (one line on stderr, never a traceback).
Heavy modules are imported inside the commands so that `claimcheck --help` starts fast.
"""

from __future__ import annotations

import contextlib
import os
import sys
from enum import Enum
from typing import Annotated, TextIO

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Find the checkable claims in news drafts: numbers, money, percentages, durations.",
)


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class Lang(str, Enum):
    auto = "auto"
    zh = "zh"
    en = "en"


def _fail(message: str) -> typer.Exit:
    from claimcheck.files import terminal_safe

    print(f"claimcheck: {terminal_safe(message)}", file=sys.stderr)
    return typer.Exit(2)


def _read_options(encoding: str | None, max_bytes: str) -> dict:
    """What --encoding and --max-bytes ask of files.read_text and the streamed reader."""
    from claimcheck.files import parse_size

    try:
        return {"encoding": encoding, "max_bytes": parse_size(max_bytes)}
    except ValueError as exc:
        raise _fail(f"--max-bytes: {exc}") from None


class _TerminalSafe:
    """stdout on a terminal: what a terminal would act on (escape sequences) is written out."""

    def write(self, text: str) -> None:
        from claimcheck.files import terminal_safe

        sys.stdout.write(terminal_safe(text))


def _stdout() -> _TerminalSafe | TextIO:
    return _TerminalSafe() if sys.stdout.isatty() else sys.stdout


def _write_stdout(text: str) -> None:
    _stdout().write(text)


Encoding = Annotated[
    str | None, typer.Option("--encoding", help="The drafts' encoding (default: UTF-8, GB18030 or Big5, detected).")
]
MaxBytes = Annotated[str, typer.Option("--max-bytes", help="Refuse a draft larger than this (64k, 32M; 0: no limit).")]


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, directories or globs (in quotes); - reads standard input.", metavar="PATH... | -"),
    ],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    lang: Annotated[Lang, typer.Option(help="Language rules: auto decides per sentence.")] = Lang.auto,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")
    ] = None,
    min_checkworthy: Annotated[
        float, typer.Option(min=0, max=1, help="Keep only claims at least this checkable (0–1).")
    ] = 0.0,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes for many files (default: cores).")
    ] = None,
    encoding: Encoding = None,
    max_bytes: MaxBytes = "32M",
) -> None:
    """List every checkable claim in each draft: figures, ranks, comparisons, superlatives."""
    from claimcheck import batch, batch_output
    from claimcheck.errors import ClaimcheckError
    from claimcheck.files import atomic_output, write_atomically
    from claimcheck.notices import say_skipped
    from claimcheck.render import render
    from claimcheck.stream import stream_document, write_jsonl

    read_options = _read_options(encoding, max_bytes)
    try:
        if jobs is not None or batch.wanted(paths):  # many files: in parallel, jsonl streamed
            options = {"lang": lang.value, "min_checkworthy": min_checkworthy, "jobs": jobs, "output": output}
            return batch_output.run_extract(paths, fmt.value, read_options=read_options, **options)
        if fmt is Format.jsonl:  # claims written as they are found: memory holds a block, not the file
            try:
                with atomic_output(output) if output else contextlib.nullcontext(_stdout()) as out:
                    write_jsonl(paths, out, lang=lang.value, min_checkworthy=min_checkworthy, **read_options)
            except BrokenPipeError:  # `| head`: the reader has all it wants
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return
        documents = [
            stream_document(path, lang=lang.value, min_checkworthy=min_checkworthy, **read_options) for path in paths
        ]
        for document in documents:
            say_skipped(document.source, document.skipped)
        if fmt is Format.table and output is None and sys.stdout.isatty():
            from rich.console import Console

            from claimcheck.render.table_format import table

            console = Console(highlight=False)
            for document in documents:
                console.print(table(document))
            return
        text = render(documents, fmt.value)
        if output is None:
            _write_stdout(text)
        else:
            write_atomically(output, text)
    except ClaimcheckError as exc:
        raise _fail(str(exc)) from None


@app.command()
def schema() -> None:
    """Print the JSON Schema of `extract --format json` output."""
    import json

    from claimcheck.models import Report

    print(json.dumps(Report.model_json_schema(), indent=2, ensure_ascii=False))


@app.command("verify")
def verify_command(
    paths: Annotated[list[str], typer.Argument(help="Drafts to check; - reads standard input.", metavar="DRAFT...")],
    refs: Annotated[
        list[str], typer.Option("--refs", help="A reference table (.csv .tsv .json .jsonl .xlsx); repeatable.")
    ],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    approx: Annotated[
        str | None, typer.Option(help="Slack of an approximate claim (約, nearly), e.g. 5% (the default).")
    ] = None,
    refs_encoding: Annotated[
        str | None, typer.Option("--refs-encoding", help="Encoding of the tables (gb18030, big5) if not UTF-8.")
    ] = None,
    lang: Annotated[Lang, typer.Option(help="Language rules: auto decides per sentence.")] = Lang.auto,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")
    ] = None,
    encoding: Encoding = None,
    max_bytes: MaxBytes = "32M",
) -> None:
    """Check each claim of the drafts against reference tables: sourced, mismatch or unsourced."""
    from importlib import import_module

    from claimcheck.errors import ClaimcheckError
    from claimcheck.files import write_atomically
    from claimcheck.intervals import parse_approximation
    from claimcheck.references import load_references
    from claimcheck.stream import stream_document
    from claimcheck.verify_report import verify_documents

    read_options = _read_options(encoding, max_bytes)
    try:
        approximation = parse_approximation(approx)
    except ValueError as exc:
        raise _fail(f"--approx: {exc}") from None
    try:
        tables = [load_references(path, encoding=refs_encoding) for path in refs]
        documents = [stream_document(path, lang=lang.value, **read_options) for path in paths]
        report = verify_documents(documents, tables, table_paths=refs, approximation=approximation)
        if fmt is Format.table and output is None and sys.stdout.isatty():
            from rich.console import Console

            from claimcheck.render.verify_table import show

            show(report, Console(highlight=False))
            return
        text = import_module(f"claimcheck.render.verify_{fmt.value}").render(report)
        if output is None:
            _write_stdout(text)
        else:
            write_atomically(output, text)
    except ClaimcheckError as exc:
        raise _fail(str(exc)) from None


refs_app = typer.Typer(no_args_is_help=True, help="Reference tables: validate one before verifying against it.")
app.add_typer(refs_app, name="refs")


class RefsFormat(str, Enum):
    table = "table"
    json = "json"


@refs_app.command("check")
def refs_check(
    path: Annotated[str, typer.Argument(help="The reference table to validate.", metavar="TABLE")],
    refs_encoding: Annotated[
        str | None, typer.Option("--refs-encoding", help="Its encoding (gb18030, big5) if not UTF-8.")
    ] = None,
    fmt: Annotated[RefsFormat, typer.Option("--format", "-f", help="Output format.")] = RefsFormat.table,
) -> None:
    """Validate a reference table and show what was read: each row's value, unit, context and period."""
    from claimcheck.errors import ClaimcheckError
    from claimcheck.references import load_references

    try:
        references = load_references(path, encoding=refs_encoding)
    except ClaimcheckError as exc:
        raise _fail(str(exc)) from None
    if fmt is RefsFormat.json:
        _write_stdout(references.model_dump_json(indent=2) + "\n")
        return
    from claimcheck.render import refs_table

    if sys.stdout.isatty():
        from rich.console import Console

        refs_table.show(references, Console(highlight=False))
    else:
        _write_stdout(refs_table.render(references))


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"
    html = "html"


class FailOn(str, Enum):
    mismatch = "mismatch"
    unsourced = "unsourced"
    any = "any"
    none = "none"


@app.command()
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Drafts and directories (walked for drafts); - reads stdin. Default: .", metavar="PATH"),
    ] = None,
    refs: Annotated[str | None, typer.Option(help="The reference table (CSV, TSV, JSON, JSON Lines, xlsx).")] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Which findings fail: any (default) is mismatch and unsourced; a deceptive figure fails unless none.",
        ),
    ] = None,
    min_checkworthy: Annotated[
        float | None, typer.Option("--min-checkworthy", min=0, max=1, help="Skip claims scored lower.")
    ] = None,
    kinds: Annotated[str | None, typer.Option(help="Only these kinds, comma-separated (money,percent).")] = None,
    approx: Annotated[str | None, typer.Option(help="Slack of an approximate claim: 5% or 0.05.")] = None,
    lang: Annotated[Lang | None, typer.Option(help="Language rules: auto decides per sentence.")] = None,
    glob: Annotated[
        list[str] | None, typer.Option("--glob", "--include", help="Files to take from directories (repeatable).")
    ] = None,
    exclude: Annotated[list[str] | None, typer.Option(help="Paths to leave out (repeatable).")] = None,
    baseline: Annotated[str | None, typer.Option(help="Findings accepted earlier: only new ones fail.")] = None,
    update_baseline: Annotated[
        bool, typer.Option("--update-baseline", help="Write every current finding to the baseline.")
    ] = False,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.text,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write the report here (atomically); html: a folder.")
    ] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Parallel workers (default: cores).")] = None,
    config: Annotated[str | None, typer.Option(help="Config file (default: nearest claimcheck.toml).")] = None,
    encoding: Encoding = None,
    max_bytes: Annotated[
        str | None, typer.Option("--max-bytes", help="Refuse a draft larger than this (default 32M; 0: no limit).")
    ] = None,
) -> None:
    """Gate drafts in CI: exit 1 when a figure is contradicted by, or missing from, the table."""
    import os
    from importlib import import_module

    from pydantic import ValidationError

    from claimcheck.checking.config import Options
    from claimcheck.checking.gate import Request, gate
    from claimcheck.checking.results import HUMAN_FORMATS, summary_line
    from claimcheck.checking.run import show_progress
    from claimcheck.errors import ClaimcheckError
    from claimcheck.files import write_atomically

    flags = {"refs": refs, "fail-on": fail_on and fail_on.value, "approx": approx, "lang": lang and lang.value}
    flags |= {"min-checkworthy": min_checkworthy, "kinds": kinds and [k.strip() for k in kinds.split(",") if k.strip()]}
    flags |= {"encoding": encoding, "max-bytes": max_bytes}
    try:
        options = Options.model_validate({key: value for key, value in flags.items() if value is not None})
    except ValidationError as exc:
        error = exc.errors()[0]
        raise _fail(f"--{error['loc'][0]}: {error['msg'].removeprefix('Value error, ')}") from None
    if fmt is CheckFormat.html and output is None:
        raise _fail("--format html writes a folder of pages (index.html and one per draft): give it with --output DIR")
    request = Request(
        paths=paths or [],
        flags=options,
        config=config,
        include=glob,
        exclude=exclude,
        baseline=baseline,
        update_baseline=update_baseline,
        jobs=jobs,
        progress=show_progress(),
    )
    try:
        report = gate(request)
        renderer = import_module(f"claimcheck.render.check_{fmt.value}")
        if fmt is CheckFormat.html:
            # A folder of pages rather than one stream: write them, then print where the index is.
            text, output = renderer.write(report, output) + "\n", None
        elif fmt is CheckFormat.text:
            color = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
            text = renderer.render(report, color=color)
        else:
            text = renderer.render(report)
        if output is None:
            _write_stdout(text)
        else:
            write_atomically(output, text)
    except ClaimcheckError as exc:
        raise _fail(str(exc)) from None
    on_stdout = fmt.value in HUMAN_FORMATS and output is None
    if update_baseline:
        print(f"baseline: {report.summary.baselined} findings written", file=sys.stderr)
    print(summary_line(report.summary), file=sys.stdout if on_stdout else sys.stderr)
    raise typer.Exit(report.exit_code)


@app.command("report")
def report_command(
    path: Annotated[str, typer.Argument(help="The draft; - reads standard input.", metavar="DRAFT")],
    refs: Annotated[
        list[str] | None,
        typer.Option("--refs", help="A reference table (.csv .tsv .json .jsonl .xlsx); repeatable. Default: none."),
    ] = None,
    approx: Annotated[str | None, typer.Option(help="Slack of an approximate claim (約, nearly), e.g. 5%.")] = None,
    refs_encoding: Annotated[
        str | None, typer.Option("--refs-encoding", help="Encoding of the tables (gb18030, big5) if not UTF-8.")
    ] = None,
    lang: Annotated[Lang, typer.Option(help="Language rules: auto decides per sentence.")] = Lang.auto,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="The HTML file to write (default: the draft's path + .html).")
    ] = None,
) -> None:
    """Write the editor's report: the draft as one HTML page, every claim highlighted by its verdict."""
    from claimcheck.errors import ClaimcheckError
    from claimcheck.files import read_text, write_atomically
    from claimcheck.intervals import parse_approximation
    from claimcheck.references import load_references
    from claimcheck.render.report_draft import draft_report

    if output is None and path == "-":
        raise _fail("report: a draft from standard input needs --output FILE")
    try:
        approximation = parse_approximation(approx)
    except ValueError as exc:
        raise _fail(f"--approx: {exc}") from None
    try:
        tables = [load_references(table, encoding=refs_encoding) for table in refs or []]
        page = draft_report(
            path,
            read_text(path),
            tables=tables,
            table_paths=refs or [],
            lang=None if lang is Lang.auto else lang.value,
            approximation=approximation,
        )
        target = output or f"{path}.html"
        write_atomically(target, page)
    except ClaimcheckError as exc:
        raise _fail(str(exc)) from None
    print(target)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        from claimcheck import __version__

        print(__version__)
        raise typer.Exit(0)


def main() -> None:
    for stream in (sys.stdout, sys.stderr):  # output is UTF-8 whatever the locale says
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    app()
