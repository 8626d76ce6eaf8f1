"""A flat table for spreadsheets. Cells that a spreadsheet would run as a formula are defused."""

from __future__ import annotations

import csv
import io

from claimcheck.models import Document

COLUMNS = (
    "source", "id", "kind", "text", "start", "end", "line", "column", "value", "value_max",
    "unit", "unit_canonical", "qualifier", "qualifier_text", "time", "sentence", "lang",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def render(documents: list[Document]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for document in documents:
        for c in document.claims:
            row = (
                document.source, c.id, c.kind, c.text, c.start, c.end, c.line, c.column, c.value,
                c.value_max, c.unit, c.unit_canonical, c.qualifier, c.qualifier_text,
                c.time.text if c.time else None, c.sentence.text, c.lang,
            )
            writer.writerow([_cell(v) for v in row])
    return out.getvalue()
