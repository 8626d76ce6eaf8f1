"""The formats of `claimcheck extract`: each renderer takes the documents and returns the text."""

from __future__ import annotations

from collections.abc import Callable
from typing import assert_never

from claimcheck.formats import ExtractFormat
from claimcheck.models import Document

Renderer = Callable[[list[Document]], str]


def renderer(fmt: ExtractFormat) -> Renderer:
    """The renderer of `fmt`, its module loaded now (rich only for a table)."""
    match fmt:
        case "table":
            from claimcheck.render.extract import table as module
        case "json":
            from claimcheck.render.extract import json as module
        case "jsonl":
            from claimcheck.render.extract import jsonl as module
        case "csv":
            from claimcheck.render.extract import csv as module
        case _:
            assert_never(fmt)
    return module.render
