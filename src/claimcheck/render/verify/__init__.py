"""The formats of `claimcheck verify`: each renderer takes the verify report and returns the text;
claimreview is given what the desk publishes its reviews as (checking/claimreview.py)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, assert_never

from claimcheck.formats import VerifyFormat

if TYPE_CHECKING:
    from claimcheck.checking.claimreview import ReviewSettings
    from claimcheck.render.verify.claimreview import Sources
    from claimcheck.verification.report import VerifyReport

Renderer = Callable[["VerifyReport"], str]


def renderer(fmt: VerifyFormat, *, review: ReviewSettings | None = None, sources: Sources | None = None) -> Renderer:
    """The renderer of `fmt`, its module loaded now (rich only for a table). claimreview needs
    `review`; `sources` names the source of each row, for the rows a computed figure used."""
    match fmt:
        case "table":
            from claimcheck.render.verify import table as module
        case "json":
            from claimcheck.render.verify import json as module
        case "jsonl":
            from claimcheck.render.verify import jsonl as module
        case "csv":
            from claimcheck.render.verify import csv as module
        case "claimreview":
            from claimcheck.render.verify import claimreview

            if review is None:
                raise ValueError("--format claimreview needs the publisher, the page and the rating scale")
            return partial(claimreview.render, settings=review, sources=sources)
        case _:
            assert_never(fmt)
    return module.render
