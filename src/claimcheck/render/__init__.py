"""One renderer per output format. Each takes the documents and returns the text to print."""

from __future__ import annotations

import json
import math
from importlib import import_module

from claimcheck.models import Document

FORMATS = ("table", "json", "jsonl", "csv")


def render(documents: list[Document], fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return import_module(f"claimcheck.render.extract.{fmt}").render(documents)


def json_text(data: object, **options) -> str:
    """json.dumps that writes a number too large for a float (1e999 km) as null, as the
    records' own JSON does, rather than Infinity, which is not JSON."""
    try:
        return json.dumps(data, ensure_ascii=False, allow_nan=False, **options)
    except ValueError:
        return json.dumps(_finite(data), ensure_ascii=False, **options)


def _finite(data: object) -> object:
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_finite(value) for value in data]
    return data
