"""The command line: a thin layer over claimcheck's Python API.

Exit codes: 0 success, 2 usage or input error (one line on stderr, never a traceback).
Heavy modules are imported inside the commands so that `claimcheck --help` starts fast.
"""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

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
    print(f"claimcheck: {message}", file=sys.stderr)
    return typer.Exit(2)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files to read; - reads standard input.", metavar="PATH... | -")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    lang: Annotated[Lang, typer.Option(help="Language rules: auto decides per sentence.")] = Lang.auto,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")
    ] = None,
) -> None:
    """List every checkable figure in each draft, with its position, value and unit."""
    from claimcheck.errors import ClaimcheckError
    from claimcheck.extract import extract_document
    from claimcheck.files import read_text, write_atomically
    from claimcheck.render import render

    try:
        documents = [
            extract_document(read_text(path), source=path, lang=lang.value)
            for path in paths
        ]
        if fmt is Format.table and output is None and sys.stdout.isatty():
            from rich.console import Console

            from claimcheck.render.table_format import table

            console = Console(highlight=False)
            for document in documents:
                console.print(table(document))
            return
        text = render(documents, fmt.value)
        if output is None:
            sys.stdout.write(text)
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


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        from claimcheck import __version__

        print(__version__)
        raise typer.Exit(0)


def main() -> None:
    app()
