"""Output: a folder per command (extract, verify, check, refs), one module per format in it
and the command's registry (`renderer`) in its __init__; report, the editor's page. Renderers
are given documents and reports: they read no file and run no part of the pipeline."""

from __future__ import annotations

import json
import math


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
