"""The flags of `verify --format claimreview`: who publishes the reviews, on which page, on
which date. They win over the config's [claimreview] table; with another format they are refused."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from claimcheck.cli.shared import fail

if TYPE_CHECKING:
    from claimcheck.checking.claimreview import ReviewSettings
    from claimcheck.references.tables import ReferenceTable

Author = Annotated[
    str | None,
    typer.Option("--author", metavar="NAME", help="claimreview: the organization publishing the reviews."),
]
ReviewUrl = Annotated[
    str | None,
    typer.Option("--review-url", metavar="URL", help="claimreview: the page the reviews are published on."),
]
DatePublished = Annotated[
    str | None,
    typer.Option("--date-published", metavar="YYYY-MM-DD", help="claimreview: the reviews' date (default: today)."),
]


def review_settings(
    fmt: str, config: str | None, *, author: str | None, url: str | None, date_published: str | None
) -> ReviewSettings | None:
    """The settings of --format claimreview (config, then flags); None for another format.
    A flag of claimreview with another format, or anything missing or bad: one line, exit 2."""
    flags = {"--author": author, "--review-url": url, "--date-published": date_published}
    if fmt != "claimreview":
        given = next((name for name, value in flags.items() if value is not None), None)
        if given:
            raise fail(f"{given} goes with --format claimreview")
        return None
    from claimcheck.checking import claimreview
    from claimcheck.checking.config import discover
    from claimcheck.errors import ClaimcheckError

    try:
        table = discover(config).keys.claimreview
        return claimreview.review_settings(table, author=author, url=url, date_published=date_published)
    except ClaimcheckError as exc:
        raise fail(str(exc)) from None


def row_sources(tables: list[ReferenceTable]) -> dict[tuple[str, int], str]:
    """Each row's source by (table, row number), for the rows a computed figure used."""
    return {(row.table, row.row): row.source for table in tables for row in table.rows if row.source}
