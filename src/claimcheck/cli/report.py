"""`claimcheck report`: the editor's page of one draft (claimcheck.render.report)."""

from __future__ import annotations

from typing import Annotated

import typer

from claimcheck.cli.options import (
    Approx,
    Config,
    DocumentDate,
    Lang,
    RefsEncoding,
    RefsMaxBytes,
    StdinFilename,
    lang_choices,
)
from claimcheck.cli.shared import approximation, choose, config_units, document_date, fail, table_limit
from claimcheck.files.read import STDIN


def report(
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
    date: DocumentDate = None,
) -> None:
    """Write the editor's report: the draft as one HTML page, every claim highlighted by its verdict."""
    from claimcheck.errors import ClaimcheckError
    from claimcheck.files.outputs import refuse, write_output
    from claimcheck.names import one_line
    from claimcheck.references.tables import load_references
    from claimcheck.render.report.draft import draft_page
    from claimcheck.run.document import Source, read_document

    lang = choose("--lang", lang, lang_choices())
    if output is None and path == STDIN:
        raise fail("report: a draft from standard input needs --output FILE")
    approximate = approximation(approx)
    target = output or f"{path}.html"
    try:
        [path] = _one_draft(path)
        target = output or f"{path}.html"
        refuse(target, [path, *(refs or [])])
        units = config_units(config)
        limit = table_limit(refs_max_bytes)
        tables = [load_references(table, encoding=refs_encoding, units=units, max_bytes=limit) for table in refs or []]
        index = None
        if tables:
            from claimcheck.verification.verifier import index_references

            index = index_references(tables)
        source = Source.file(path, stdin_name=stdin_filename or STDIN)
        options = {"lang": lang, "references": index, "approximation": approximate, "date": document_date(date)}
        read = read_document(source, prose=True, keep_text=True, **options)
        write_output(target, draft_page(read, refs or []))
    except ClaimcheckError as exc:
        raise fail(str(exc)) from None
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
