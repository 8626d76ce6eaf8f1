"""A flat table for spreadsheets. Cells that a spreadsheet would run as a formula are defused.

With explain, three columns more, and a row after a document's claims for each number read
and not reported: its text, offsets, line and column, `rejected_because` and the rule."""

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
EXPLAIN_COLUMNS = ("rejected_because", "rule_file", "rule_entry")
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
    explained = any(document.rejected is not None for document in documents)
    more = ("",) * len(EXPLAIN_COLUMNS) if explained else ()
    writer.writerow(COLUMNS + (EXPLAIN_COLUMNS if explained else ()))
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
            writer.writerow([_cell(v) for v in row + more])
        for r in document.rejected or ():
            placed = {"source": shown(document.source), "text": r.text, "start": r.start, "end": r.end}
            placed |= {"line": r.line, "column": r.column}
            row = tuple(placed.get(name) for name in COLUMNS) + (r.reason, r.rule_file, r.rule_entry)
            writer.writerow([_cell(v) for v in row])
    return out.getvalue()
