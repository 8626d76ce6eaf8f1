"""`claimcheck verify`: each claim of the drafts against reference tables."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from claimcheck.cli.claimreview import Author, DatePublished, ReviewUrl, review_settings, row_sources
from claimcheck.cli.options import (
    Approx,
    Color,
    Config,
    DocumentDate,
    Encoding,
    Explain,
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
from claimcheck.cli.shared import (
    approximation,
    choose,
    config_units,
    display,
    document_date,
    drafts,
    fail,
    read_options,
    table_limit,
    write,
)
from claimcheck.files.read import STDIN
from claimcheck.formats import VERIFY_FORMATS


def verify(
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
    date: DocumentDate = None,
    explain: Explain = False,
    author: Author = None,
    review_url: ReviewUrl = None,
    date_published: DatePublished = None,
) -> None:
    """Check each claim of the drafts against reference tables: sourced, mismatch or unsourced."""
    from claimcheck.cli.notices import say_skipped
    from claimcheck.errors import ClaimcheckError
    from claimcheck.files.outputs import refuse
    from claimcheck.references.tables import load_references
    from claimcheck.render.verify import renderer
    from claimcheck.run.document import Source, read_document
    from claimcheck.verification.report import verified_document, verify_report
    from claimcheck.verification.verifier import index_references

    display(quiet)
    fmt, lang = choose("--format", fmt, VERIFY_FORMATS), choose("--lang", lang, lang_choices())
    limits = read_options(encoding, max_bytes)
    approximate = approximation(approx)
    when = document_date(date)
    review = review_settings(fmt, config, author=author, url=review_url, date_published=date_published)
    try:
        refuse(output, [*paths, *refs])
        units = config_units(config)
        limit = table_limit(refs_max_bytes)
        tables = [load_references(p, encoding=refs_encoding, units=units, max_bytes=limit) for p in refs]
        index = index_references(tables)
        stdin_name = stdin_filename or STDIN
        sources = [Source.file(path, stdin_name=stdin_name, **limits) for path in drafts(paths)]
        options = {"lang": lang, "references": index, "approximation": approximate, "date": when, "explain": explain}
        reads = [read_document(s, prose=True, **options) for s in sources]
        for read in reads:
            say_skipped(read.document.source, read.document.skipped)
        verified = [verified_document(read.document, read.verdicts or []) for read in reads]
        report = verify_report(verified, table_paths=refs)
        if fmt == "table" and output is None and sys.stdout.isatty():
            from claimcheck.cli.terminal import console
            from claimcheck.render.verify.table import show

            show(report, console())
            return
        sources = row_sources(tables) if review else None
        write(renderer(fmt, review=review, sources=sources)(report), output)
    except ClaimcheckError as exc:
        raise fail(str(exc)) from None
