"""`claimcheck extract` (one draft at a time, or many through claimcheck.cli.extract_many) and
`claimcheck schema`."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Annotated

import typer

from claimcheck.cli.options import (
    Color,
    DocumentDate,
    Encoding,
    ExplainNumbers,
    Jobs,
    Lang,
    MaxBytes,
    Output,
    Quiet,
    StdinFilename,
    format_option,
    lang_choices,
)
from claimcheck.cli.shared import choose, display, document_date, fail, read_options, stdout
from claimcheck.files.read import STDIN
from claimcheck.formats import EXTRACT_FORMATS


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
    date: DocumentDate = None,
    explain: ExplainNumbers = False,
) -> None:
    """List every checkable claim in each draft: figures, ranks, comparisons, superlatives."""
    from claimcheck.cli import extract_many as batch_output
    from claimcheck.cli.notices import say_skipped
    from claimcheck.errors import ClaimcheckError
    from claimcheck.files.drafts import names_many
    from claimcheck.files.outputs import output_file, refuse
    from claimcheck.run.document import Source, read_document

    display(quiet)
    fmt, lang = choose("--format", fmt, EXTRACT_FORMATS), choose("--lang", lang, lang_choices())
    limits = read_options(encoding, max_bytes)
    when = document_date(date)
    stdin_name = stdin_filename or STDIN
    try:
        if jobs is not None or names_many(paths):  # many files: in parallel, jsonl streamed
            options = {"lang": lang, "min_checkworthy": min_checkworthy, "jobs": jobs, "output": output, "date": when}
            options["explain"] = explain
            return batch_output.run_extract(paths, fmt, read_options=limits, stdin_name=stdin_name, **options)
        refuse(output, paths)
        options = {"lang": lang, "min_checkworthy": min_checkworthy, "date": when, "explain": explain}
        # JSON Lines: claims written as they are found, memory holds a batch, not the file (with
        # --explain, the file's numbers not reported follow its claims: it is read whole).
        if fmt == "jsonl" and not explain:
            try:
                with output_file(output) if output else contextlib.nullcontext(stdout()) as out:
                    _write_jsonl(paths, out, stdin_name, limits, options)
            except BrokenPipeError:  # `| head`: the reader has all it wants
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return
        sources = [Source.file(path, stdin_name=stdin_name, **limits) for path in paths]
        documents = [read_document(source, **options).document for source in sources]
        for document in documents:
            say_skipped(document.source, document.skipped)
        batch_output.write_documents(documents, fmt, output)
    except ClaimcheckError as exc:
        raise fail(str(exc)) from None


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


def schema() -> None:
    """Print the JSON Schema of `extract --format json` output."""
    import json

    from claimcheck.models import Report

    print(json.dumps(Report.model_json_schema(), indent=2, ensure_ascii=False))
