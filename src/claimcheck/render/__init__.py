"""One renderer per output format. Each takes the documents and returns the text to print."""

from __future__ import annotations

from importlib import import_module

from claimcheck.models import Document

FORMATS = ("table", "json", "jsonl", "csv")


def render(documents: list[Document], fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return import_module(f"claimcheck.render.{fmt}_format").render(documents)
