"""The formats of `claimcheck refs check`: each renderer takes the table read (with the series
its rows form) and returns the text."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, assert_never

from claimcheck.formats import RefsFormat

if TYPE_CHECKING:
    from claimcheck.verification.table_series import CheckedTable

Renderer = Callable[["CheckedTable"], str]


def renderer(fmt: RefsFormat) -> Renderer:
    """The renderer of `fmt`, its module loaded now (rich only for a table)."""
    match fmt:
        case "table":
            from claimcheck.render.refs import table as module
        case "json":
            from claimcheck.render.refs import json as module
        case _:
            assert_never(fmt)
    return module.render
