"""The formats of `claimcheck check`: each renderer takes the check report and returns the text
to write; `html` writes a folder of pages and returns the line that names its index."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import assert_never

from claimcheck.checking.results import CheckReport
from claimcheck.formats import CheckFormat

Renderer = Callable[[CheckReport], str]


def renderer(fmt: CheckFormat, *, color: bool = False, folder: str | None = None) -> Renderer:
    """The renderer of `fmt`: `color` for text (escape sequences), `folder` for html (needed)."""
    match fmt:
        case "text":
            from claimcheck.render.check import text

            return partial(text.render, color=color)
        case "json":
            from claimcheck.render.check import json as module
        case "github":
            from claimcheck.render.check import github as module
        case "sarif":
            from claimcheck.render.check import sarif as module
        case "junit":
            from claimcheck.render.check import junit as module
        case "html":
            from claimcheck.render.check import html

            if folder is None:
                raise ValueError("--format html writes a folder of pages: give the folder")
            return partial(html.render, folder=folder)
        case _:
            assert_never(fmt)
    return module.render
