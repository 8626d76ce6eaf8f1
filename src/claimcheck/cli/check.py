"""`claimcheck check`: the gate for CI (claimcheck.checking.gate), its report in the format asked,
the summary line, and the exit code."""

from __future__ import annotations

import contextlib
import sys
from typing import Annotated

import typer

from claimcheck.cli.options import (
    FAIL_ON,
    Approx,
    Color,
    Config,
    DocumentDate,
    Encoding,
    Jobs,
    Quiet,
    RefsEncoding,
    StdinFilename,
    format_option,
    lang_choices,
)
from claimcheck.cli.shared import choose, display, fail, write
from claimcheck.formats import CHECK_FORMATS, HUMAN_CHECK_FORMATS


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
    date: DocumentDate = None,
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
    from claimcheck.render.check import renderer

    display(quiet)
    fmt = choose("--format", fmt, CHECK_FORMATS)
    fail_on = fail_on and choose("--fail-on", fail_on, FAIL_ON)
    lang = lang and choose("--lang", lang, lang_choices())
    flags = {"refs": refs, "refs-encoding": refs_encoding, "fail-on": fail_on, "approx": approx, "lang": lang}
    flags |= {"min-checkworthy": min_checkworthy, "kinds": kinds and [k.strip() for k in kinds.split(",") if k.strip()]}
    flags |= {"encoding": encoding, "max-bytes": max_bytes, "refs-max-bytes": refs_max_bytes, "date": date}
    try:
        options = Options.model_validate({key: value for key, value in flags.items() if value is not None})
    except ValidationError as exc:
        error = exc.errors()[0]
        raise fail(f"--{error['loc'][0]}: {error['msg'].removeprefix('Value error, ')}") from None
    if fmt == "html" and output is None:
        raise fail("--format html writes a folder of pages (index.html and one per draft): give it with --output DIR")
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
        else:
            write(text, output)  # refused by the gate already when it is one of the inputs
    except BrokenPipeError:  # `| head`: the gate's verdict still decides the exit code
        pass
    except ClaimcheckError as exc:
        raise fail(str(exc)) from None
    on_stdout = fmt in HUMAN_CHECK_FORMATS and output is None
    with contextlib.suppress(BrokenPipeError):  # `| head`: the verdict still decides the exit code
        if update_baseline:
            note(f"baseline: {report.summary.baselined} findings written")
        if not is_quiet():
            print(summary_line(report.summary), file=sys.stdout if on_stdout else sys.stderr)
    raise typer.Exit(report.exit_code)
