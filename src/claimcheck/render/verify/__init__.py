"""The formats of `claimcheck verify`: each renderer takes the verify report and returns the text."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, assert_never

from claimcheck.formats import VerifyFormat

if TYPE_CHECKING:
    from claimcheck.verification.report import VerifyReport

Renderer = Callable[["VerifyReport"], str]


def renderer(fmt: VerifyFormat) -> Renderer:
    """The renderer of `fmt`, its module loaded now (rich only for a table)."""
    match fmt:
        case "table":
            from claimcheck.render.verify import table as module
        case "json":
            from claimcheck.render.verify import json as module
        case "jsonl":
            from claimcheck.render.verify import jsonl as module
        case "csv":
            from claimcheck.render.verify import csv as module
        case _:
            assert_never(fmt)
    return module.render
