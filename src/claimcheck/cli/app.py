"""The command line: a thin layer over claimcheck's Python API, a module per command
(claimcheck.cli.extract, verify, refs, check, report) registered here.

Exit codes: 0 success, 1 a `check` that finds what fails the build, 2 usage or input error
or a failed write (one line on stderr, never a traceback), 3 internal error (claimcheck.cli.exits).
Heavy modules are imported inside the commands so that `claimcheck --help` starts fast.
Conventions shared by every command: docs/cli.md.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from claimcheck.cli import check, extract, lsp, report, verify
from claimcheck.cli.options import Color, Quiet
from claimcheck.cli.refs import refs_app
from claimcheck.cli.shared import display
from claimcheck.cli.typer_glue import Command, Group

app = typer.Typer(
    cls=Group,
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Find the checkable claims in news drafts: numbers, money, percentages, durations.",
    epilog="Example: claimcheck check drafts/ --refs references.csv   (docs/cli.md: flags, colour, exit codes)",
)

app.command(
    "extract",
    cls=Command,
    epilog="Example: claimcheck extract draft.md -f json -o claims.json   (or 'drafts/**/*.md' in quotes)",
)(extract.extract)
app.command("schema", cls=Command, epilog="Example: claimcheck schema > claims.schema.json")(extract.schema)
app.command(
    "verify",
    cls=Command,
    epilog="Example: claimcheck verify draft.md --refs q3.csv --refs q4.xlsx -f json",
)(verify.verify)
app.add_typer(refs_app, name="refs")
app.command(
    "check",
    cls=Command,
    epilog="Example: claimcheck check drafts/ --refs references.csv -f github   (settings: claimcheck.toml)",
)(check.check)
app.command("report", cls=Command, epilog="Example: claimcheck report draft.md --refs references.csv -o report.html")(
    report.report
)
app.command("lsp", cls=Command, epilog="Example: claimcheck lsp   (started by the editor: docs/lsp.md)")(lsp.lsp)


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
    display(quiet)


def main() -> None:
    """The console script: output in UTF-8 whatever the locale, and an exit code for every end."""
    from claimcheck.cli.exits import run, stopped_by_signal

    code = run(app)
    if stopped_by_signal(code):
        # The run is already cleaned up; the interpreter's own exit would still wake the
        # worker pool it tore down, and print that pool's traceback on stderr.
        os._exit(code)
    sys.exit(code)
