"""The command line: a thin layer over claimcheck's Python API.

Exit codes: 0 success, 1 a `check` that finds what fails the build, 2 usage or input error
or a failed write (one line on stderr, never a traceback), 3 internal error (claimcheck.cli.exits).
Heavy modules are imported inside the commands so that `claimcheck --help` starts fast.
Conventions shared by every command: docs/cli.md.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Annotated, TextIO

import typer

from claimcheck.cli.options import (
    FAIL_ON,
    Approx,
    Color,
    Config,
    Encoding,
    Jobs,
    Lang,
    MaxBytes,
    Output,
    Quiet,
    Refs,
    RefsEncoding,
    RefsMaxBytes,
    StdinFilename,
    format_option,
    lang_choices,
)
from claimcheck.cli.typer_glue import ChoiceError, Command, Group, choice
from claimcheck.formats import CHECK_FORMATS, EXTRACT_FORMATS, HUMAN_CHECK_FORMATS, REFS_FORMATS, VERIFY_FORMATS

app = typer.Typer(
    cls=Group,
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Find the checkable claims in news drafts: numbers, money, percentages, durations.",
    epilog="Example: claimcheck check drafts/ --refs references.csv   (docs/cli.md: flags, colour, exit codes)",
)


def _fail(message: str) -> typer.Exit:
    from claimcheck.files.read import terminal_safe
    from claimcheck.names import one_line

    print(f"claimcheck: {terminal_safe(one_line(message))}", file=sys.stderr)
    return typer.Exit(2)


def _choose(option: str, value: str, choices: tuple[str, ...]) -> str:
    try:
        return choice(option, value, choices)
    except ChoiceError as exc:
        raise _fail(str(exc)) from None


def _display(color: str | None, quiet: bool) -> None:
    """--quiet of a command, over the one given before it (claimcheck --quiet check); --color
    took effect as it was parsed."""
    from claimcheck.cli.terminal import set_quiet

    if quiet:
        set_quiet(True)


def _read_options(encoding: str | None, max_bytes: str) -> dict:
    """What --encoding and --max-bytes ask of files.read_text and the streamed reader."""
    from claimcheck.files.read import parse_size

    try:
        return {"encoding": encoding, "max_bytes": parse_size(max_bytes)}
    except ValueError as exc:
        raise _fail(f"--max-bytes: {exc}") from None


def _config_units(config: str | None) -> tuple[tuple[str, str], ...]:
    """The units the config's [units] table adds (the config named, else the nearest)."""
    from claimcheck.checking.config import discover

    return discover(config).keys.unit_pairs()


class _TerminalSafe:
    """stdout on a terminal: what a terminal would act on (escape sequences) is written out."""

    def write(self, text: str) -> None:
        from claimcheck.files.read import terminal_safe

        sys.stdout.write(terminal_safe(text))


def _stdout() -> _TerminalSafe | TextIO:
    return _TerminalSafe() if sys.stdout.isatty() else sys.stdout


def _write_stdout(text: str) -> None:
    _stdout().write(text)


def _drafts(paths: list[str]) -> list[str]:
    """The drafts the arguments name: a directory or a glob (in quotes) stands for the drafts in it."""
    from claimcheck.files.drafts import expand, names_many

    return expand(paths) if names_many(paths) else paths


def _table_limit(max_bytes: str) -> int | None:
    from claimcheck.files.read import parse_size

    try:
        return parse_size(max_bytes)
    except ValueError as exc:
        raise _fail(f"--refs-max-bytes: {exc}") from None


@app.command(
    cls=Command,
    epilog="Example: claimcheck extract draft.md -f json -o claims.json   (or 'drafts/**/*.md' in quotes)",
)
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, directories or globs (in quotes); - reads standard input.", metavar="PATH..."),
    ],
    fmt: Annotated[str, format_option(EXTRACT_FORMATS)] = "table",
    lang: Lang = "auto",
    output: Output = None,
    min_checkworthy: Annotated[
        float, typer.Option(min=0, max=1, metavar="SCORE", help="Keep only claims at least this checkable (0–1).")
    ] = 0.0,
    jobs: Jobs = None,
    encoding: Encoding = None,
    max_bytes: MaxBytes = "32M",
    stdin_filename: StdinFilename = None,
    quiet: Quiet = False,
    color: Color = None,
) -> None:
    """List every checkable claim in each draft: figures, ranks, comparisons, superlatives."""
    from claimcheck.cli import extract_many as batch_output
    from claimcheck.cli.notices import say_skipped
    from claimcheck.errors import ClaimcheckError
    from claimcheck.files.drafts import names_many
    from claimcheck.files.outputs import output_file, refuse, write_output
    from claimcheck.render.extract import renderer
    from claimcheck.run.document import Source, read_document

    _display(color, quiet)
    fmt, lang = _choose("--format", fmt, EXTRACT_FORMATS), _choose("--lang", lang, lang_choices())
    read_options = _read_options(encoding, max_bytes)
    stdin_name = stdin_filename or "-"
    try:
        if jobs is not None or names_many(paths):  # many files: in parallel, jsonl streamed
            options = {"lang": lang, "min_checkworthy": min_checkworthy, "jobs": jobs, "output": output}
            return batch_output.run_extract(paths, fmt, read_options=read_options, stdin_name=stdin_name, **options)
        refuse(output, paths)
        options = {"lang": lang, "min_checkworthy": min_checkworthy}
        if fmt == "jsonl":  # claims written as they are found: memory holds a batch, not the file
            try:
                with output_file(output) if output else contextlib.nullcontext(_stdout()) as out:
                    _write_jsonl(paths, out, stdin_name, read_options, options)
            except BrokenPipeError:  # `| head`: the reader has all it wants
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return
        documents = [
            read_document(Source.file(path, stdin_name=stdin_name, **read_options), **options).document
            for path in paths
        ]
        for document in documents:
            say_skipped(document.source, document.skipped)
        if fmt == "table" and output is None and sys.stdout.isatty():
            from claimcheck.cli.terminal import console
            from claimcheck.render.extract.table import table

            out = console()
            for document in documents:
                out.print(table(document))
            return
        text = renderer(fmt)(documents)
        if output is None:
            _write_stdout(text)
        else:
            write_output(output, text)
    except ClaimcheckError as exc:
        raise _fail(str(exc)) from None


def _write_jsonl(paths: list[str], out, stdin_name: str, limits: dict, options: dict) -> None:
    """Each file's claims written a batch at a time, as they are found."""
    from claimcheck.cli.notices import say_skipped
    from claimcheck.models import Document
    from claimcheck.render.extract import renderer
    from claimcheck.run.document import Source, read_document

    render = renderer("jsonl")
    for path in paths:
        source = Source.file(path, stdin_name=stdin_name, **limits)

        def each(claims: list, name: str = source.name) -> None:
            out.write(render([Document.model_construct(source=name, language="unknown", claims=claims)]))

        read = read_document(source, each=each, **options)
        say_skipped(source.name, read.document.skipped)


@app.command(cls=Command, epilog="Example: claimcheck schema > claims.schema.json")
def schema() -> None:
    """Print the JSON Schema of `extract --format json` output."""
    import json

    from claimcheck.models import Report

    print(json.dumps(Report.model_json_schema(), indent=2, ensure_ascii=False))


@app.command(
    "verify",
    cls=Command,
    epilog="Example: claimcheck verify draft.md --refs q3.csv --refs q4.xlsx -f json",
)
def verify_command(
    paths: Annotated[
        list[str],
        typer.Argument(help="Drafts, directories or globs (in quotes); - reads standard input.", metavar="DRAFT..."),
    ],
    refs: Refs,
    fmt: Annotated[str, format_option(VERIFY_FORMATS)] = "table",
    approx: Approx = None,
    refs_encoding: RefsEncoding = None,
    config: Config = None,
    lang: Lang = "auto",
    output: Output = None,
    encoding: Encoding = None,
    max_bytes: MaxBytes = "32M",
    stdin_filename: StdinFilename = None,
    quiet: Quiet = False,
    color: Color = None,
    refs_max_bytes: RefsMaxBytes = "32M",
) -> None:
    """Check each claim of the drafts against reference tables: sourced, mismatch or unsourced."""
    from claimcheck.cli.notices import say_skipped
    from claimcheck.errors import ClaimcheckError
    from claimcheck.files.outputs import refuse, write_output
    from claimcheck.references.tables import load_references
    from claimcheck.render.verify import renderer
    from claimcheck.run.document import Source, read_document
    from claimcheck.verification.intervals import parse_approximation
    from claimcheck.verification.report import verified_document, verify_report
    from claimcheck.verification.verifier import index_references

    _display(color, quiet)
    fmt, lang = _choose("--format", fmt, VERIFY_FORMATS), _choose("--lang", lang, lang_choices())
    read_options = _read_options(encoding, max_bytes)
    try:
        approximation = parse_approximation(approx)
    except ValueError as exc:
        raise _fail(f"--approx: {exc}") from None
    try:
        refuse(output, [*paths, *refs])
        units = _config_units(config)
        limit = _table_limit(refs_max_bytes)
        tables = [load_references(p, encoding=refs_encoding, units=units, max_bytes=limit) for p in refs]
        index = index_references(tables)
        stdin_name = stdin_filename or "-"
        sources = [Source.file(path, stdin_name=stdin_name, **read_options) for path in _drafts(paths)]
        reads = [
            read_document(s, prose=True, lang=lang, references=index, approximation=approximation) for s in sources
        ]
        for read in reads:
            say_skipped(read.document.source, read.document.skipped)
        verified = [verified_document(read.document, read.verdicts or []) for read in reads]
        report = verify_report(verified, table_paths=refs)
        if fmt == "table" and output is None and sys.stdout.isatty():
            from claimcheck.cli.terminal import console
            from claimcheck.render.verify.table import show

            show(report, console())
            return
        text = renderer(fmt)(report)
        if output is None:
            _write_stdout(text)
        else:
            write_output(output, text)
    except ClaimcheckError as exc:
        raise _fail(str(exc)) from None


refs_app = typer.Typer(
    cls=Group, no_args_is_help=True, help="Reference tables: validate one before verifying against it."
)
app.add_typer(refs_app, name="refs")


@refs_app.command("check", cls=Command, epilog="Example: claimcheck refs check references.csv -f json")
def refs_check(
    path: Annotated[str, typer.Argument(help="The reference table to validate.", metavar="TABLE")],
    refs_encoding: Annotated[
        str | None,
        typer.Option("--refs-encoding", metavar="ENC", help="Its encoding (gb18030, big5) if not UTF-8."),
    ] = None,
    fmt: Annotated[str, format_option(REFS_FORMATS)] = "table",
    config: Config = None,
    color: Color = None,
    refs_max_bytes: RefsMaxBytes = "32M",
) -> None:
    """Validate a reference table and show what was read: each row's value, unit, context and period."""
    from claimcheck.errors import ClaimcheckError
    from claimcheck.references.tables import load_references

    _display(color, False)
    fmt = _choose("--format", fmt, REFS_FORMATS)
    limit = _table_limit(refs_max_bytes)
    try:
        references = load_references(path, encoding=refs_encoding, units=_config_units(config), max_bytes=limit)
    except ClaimcheckError as exc:
        raise _fail(str(exc)) from None
    if fmt == "table" and sys.stdout.isatty():
        from claimcheck.cli.terminal import console
        from claimcheck.render.refs.table import show

        show(references, console())
        return
    from claimcheck.render.refs import renderer

    _write_stdout(renderer(fmt)(references))


@app.command(
    cls=Command,
    epilog="Example: claimcheck check drafts/ --refs references.csv -f github   (settings: claimcheck.toml)",
)
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Drafts, directories (walked for drafts) or globs (in quotes); - reads stdin. Default: .",
            metavar="[PATH]...",
        ),
    ] = None,
    refs: Annotated[
        list[str] | None,
        typer.Option(
            "--refs", metavar="TABLE", help="The reference table (CSV, TSV, JSON, JSON Lines, xlsx); repeatable."
        ),
    ] = None,
    refs_encoding: RefsEncoding = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="WHICH",
            help=(
                "Which findings fail: mismatch, unsourced, any (the default: both) or none; "
                "a deceptive figure fails unless none."
            ),
        ),
    ] = None,
    min_checkworthy: Annotated[
        float | None, typer.Option("--min-checkworthy", min=0, max=1, metavar="SCORE", help="Skip claims scored lower.")
    ] = None,
    kinds: Annotated[
        str | None, typer.Option(metavar="KINDS", help="Only these kinds, comma-separated (money,percent).")
    ] = None,
    approx: Approx = None,
    lang: Annotated[
        str | None,
        typer.Option("--lang", metavar="LANG", help="Language rules: auto (decides per sentence), zh or en."),
    ] = None,
    glob: Annotated[
        list[str] | None,
        typer.Option("--glob", "--include", metavar="GLOB", help="Files to take from directories (repeatable)."),
    ] = None,
    exclude: Annotated[list[str] | None, typer.Option(metavar="GLOB", help="Paths to leave out (repeatable).")] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Check the files named even when the config's include/exclude leave them out."),
    ] = False,
    allow_empty: Annotated[
        bool, typer.Option("--allow-empty", help="Pass when no draft matches, rather than stop with exit code 2.")
    ] = False,
    baseline: Annotated[
        str | None, typer.Option(metavar="FILE", help="Findings accepted earlier: only new ones fail.")
    ] = None,
    update_baseline: Annotated[
        bool, typer.Option("--update-baseline", help="Write every current finding to the baseline.")
    ] = False,
    fmt: Annotated[str, format_option(CHECK_FORMATS)] = "text",
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the report here (atomically); html: a folder."),
    ] = None,
    jobs: Jobs = None,
    config: Config = None,
    encoding: Encoding = None,
    max_bytes: Annotated[
        str | None,
        typer.Option("--max-bytes", metavar="SIZE", help="Refuse a draft larger than this (default 32M; 0: no limit)."),
    ] = None,
    stdin_filename: StdinFilename = None,
    quiet: Quiet = False,
    color: Color = None,
    refs_max_bytes: Annotated[
        str | None,
        typer.Option(
            "--refs-max-bytes",
            metavar="SIZE",
            help="Refuse a larger table, .xlsx uncompressed (default 32M; 0: no limit).",
        ),
    ] = None,
) -> None:
    """Gate drafts in CI: exit 1 when a figure is contradicted by, or missing from, the table."""
    from pydantic import ValidationError

    from claimcheck.checking.config import Options
    from claimcheck.checking.gate import Request, gate
    from claimcheck.checking.results import summary_line
    from claimcheck.cli.notices import note
    from claimcheck.cli.terminal import colour, progress_wanted
    from claimcheck.cli.terminal import quiet as is_quiet
    from claimcheck.errors import ClaimcheckError
    from claimcheck.files.outputs import write_output
    from claimcheck.render.check import renderer

    _display(color, quiet)
    fmt = _choose("--format", fmt, CHECK_FORMATS)
    fail_on = fail_on and _choose("--fail-on", fail_on, FAIL_ON)
    lang = lang and _choose("--lang", lang, lang_choices())
    flags = {"refs": refs, "refs-encoding": refs_encoding, "fail-on": fail_on, "approx": approx, "lang": lang}
    flags |= {"min-checkworthy": min_checkworthy, "kinds": kinds and [k.strip() for k in kinds.split(",") if k.strip()]}
    flags |= {"encoding": encoding, "max-bytes": max_bytes, "refs-max-bytes": refs_max_bytes}
    try:
        options = Options.model_validate({key: value for key, value in flags.items() if value is not None})
    except ValidationError as exc:
        error = exc.errors()[0]
        raise _fail(f"--{error['loc'][0]}: {error['msg'].removeprefix('Value error, ')}") from None
    if fmt == "html" and output is None:
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
        progress=progress_wanted(),
        stdin_name=stdin_filename,
        force=force,
        allow_empty=allow_empty,
        note=note,
        output=None if fmt == "html" else output,
        keep_text=fmt == "html",
    )
    try:
        report = gate(request)
        coloured = fmt == "text" and output is None and colour(sys.stdout)
        text = renderer(fmt, color=coloured, folder=output)(report)
        if fmt == "html":
            output = None  # a folder of pages rather than one stream: print where the index is
        if output is None and coloured:
            sys.stdout.write(text)  # its own colours; the drafts' text in it is cleaned of controls
        elif output is None:
            _write_stdout(text)
        else:
            write_output(output, text)  # refused by the gate already when it is one of the inputs
    except BrokenPipeError:  # `| head`: the gate's verdict still decides the exit code
        pass
    except ClaimcheckError as exc:
        raise _fail(str(exc)) from None
    on_stdout = fmt in HUMAN_CHECK_FORMATS and output is None
    with contextlib.suppress(BrokenPipeError):  # `| head`: the verdict still decides the exit code
        if update_baseline:
            note(f"baseline: {report.summary.baselined} findings written")
        if not is_quiet():
            print(summary_line(report.summary), file=sys.stdout if on_stdout else sys.stderr)
    raise typer.Exit(report.exit_code)


@app.command("report", cls=Command, epilog="Example: claimcheck report draft.md --refs references.csv -o report.html")
def report_command(
    path: Annotated[str, typer.Argument(help="The draft; - reads standard input.", metavar="DRAFT")],
    refs: Annotated[
        list[str] | None,
        typer.Option(
            "--refs",
            metavar="TABLE",
            help="A reference table (.csv .tsv .json .jsonl .xlsx); repeatable. Default: none.",
        ),
    ] = None,
    approx: Approx = None,
    refs_encoding: RefsEncoding = None,
    config: Config = None,
    lang: Lang = "auto",
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="The HTML file to write (default: the draft's path + .html)."
        ),
    ] = None,
    stdin_filename: StdinFilename = None,
    refs_max_bytes: RefsMaxBytes = "32M",
) -> None:
    """Write the editor's report: the draft as one HTML page, every claim highlighted by its verdict."""
    from claimcheck.errors import ClaimcheckError
    from claimcheck.files.outputs import refuse, write_output
    from claimcheck.names import one_line
    from claimcheck.references.tables import load_references
    from claimcheck.render.report.draft import draft_page
    from claimcheck.run.document import Source, read_document
    from claimcheck.verification.intervals import parse_approximation

    lang = _choose("--lang", lang, lang_choices())
    if output is None and path == "-":
        raise _fail("report: a draft from standard input needs --output FILE")
    try:
        approximation = parse_approximation(approx)
    except ValueError as exc:
        raise _fail(f"--approx: {exc}") from None
    target = output or f"{path}.html"
    try:
        [path] = _one_draft(path)
        target = output or f"{path}.html"
        refuse(target, [path, *(refs or [])])
        units = _config_units(config)
        limit = _table_limit(refs_max_bytes)
        tables = [load_references(table, encoding=refs_encoding, units=units, max_bytes=limit) for table in refs or []]
        index = None
        if tables:
            from claimcheck.verification.verifier import index_references

            index = index_references(tables)
        source = Source.file(path, stdin_name=stdin_filename or "-")
        read = read_document(
            source, prose=True, lang=lang, references=index, approximation=approximation, keep_text=True
        )
        write_output(target, draft_page(read, refs or []))
    except ClaimcheckError as exc:
        raise _fail(str(exc)) from None
    print(one_line(target))


def _one_draft(path: str) -> list[str]:
    """The one file a glob (in quotes) stands for."""
    from claimcheck.errors import InputError
    from claimcheck.files.drafts import expand, is_pattern

    if not is_pattern(path):
        return [path]
    found = expand([path])
    if len(found) != 1:
        raise InputError(f"{path}: matches {len(found)} drafts; report writes the page of one")
    return found


def _print_version(value: bool) -> None:
    if value:
        from claimcheck.version import __version__

        print(__version__)
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_print_version, help="Print the version and exit.")
    ] = False,
    quiet: Quiet = False,
    color: Color = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    if debug:
        from claimcheck.cli.exits import show_tracebacks

        show_tracebacks()
    _display(color, quiet)


def main() -> None:
    """The console script: output in UTF-8 whatever the locale, and an exit code for every end."""
    from claimcheck.cli.exits import run

    sys.exit(run(app))
