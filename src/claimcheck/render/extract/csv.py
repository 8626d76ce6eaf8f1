"""A flat table for spreadsheets. Cells that a spreadsheet would run as a formula are defused."""

from __future__ import annotations

import csv
import io

from claimcheck.models import Document, TextSpan
from claimcheck.names import shown

# fmt: off
COLUMNS = (
    "source", "id", "kind", "text", "start", "end", "line", "column", "value", "value_max",
    "unit", "unit_canonical", "qualifier", "qualifier_text", "time", "sentence", "lang",
    "figure", "subject", "metric", "direction", "baseline", "related", "checkworthy", "checkworthy_reason",
)
# fmt: on
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def _text(span: TextSpan | None) -> str | None:
    return span.text if span else None


def render(documents: list[Document]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for document in documents:
        for c in document.claims:
            # fmt: off
            row = (
                shown(document.source), c.id, c.kind, c.text, c.start, c.end, c.line, c.column, c.value,
                c.value_max, c.unit, c.unit_canonical, c.qualifier, c.qualifier_text,
                _text(c.time), c.sentence.text, c.lang, _text(c.figure), _text(c.subject), _text(c.metric),
                c.direction, _text(c.baseline), ";".join(c.related), c.checkworthy, c.checkworthy_reason,
            )
            # fmt: on
            writer.writerow([_cell(v) for v in row])
    return out.getvalue()
