"""`claimcheck refs`: reference tables on their own (`refs check`: validate one)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from claimcheck.cli.options import Color, Config, RefsMaxBytes, format_option
from claimcheck.cli.shared import choose, config_units, fail, stdout, table_limit
from claimcheck.cli.typer_glue import Command, Group
from claimcheck.formats import REFS_FORMATS

refs_app = typer.Typer(
    cls=Group, no_args_is_help=True, help="Reference tables: validate one before verifying against it."
)


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
    """Validate a reference table and show what was read: each row's value, unit, context and period,
    and the series the rows form (one entity and metric at several periods)."""
    from claimcheck.errors import ClaimcheckError
    from claimcheck.references.tables import load_references
    from claimcheck.verification.table_series import checked_table

    fmt = choose("--format", fmt, REFS_FORMATS)
    limit = table_limit(refs_max_bytes)
    try:
        table = load_references(path, encoding=refs_encoding, units=config_units(config), max_bytes=limit)
    except ClaimcheckError as exc:
        raise fail(str(exc)) from None
    references = checked_table(table)
    if fmt == "table" and sys.stdout.isatty():
        from claimcheck.cli.terminal import console
        from claimcheck.render.refs.table import show

        show(references, console())
        return
    from claimcheck.render.refs import renderer

    stdout().write(renderer(fmt)(references))
