"""A flat table of verdicts for spreadsheets: the claim, its status, the row and the reason."""

from __future__ import annotations

import csv
import io

from claimcheck.names import shown
from claimcheck.render.extract.csv import _cell
from claimcheck.verification.report import VerifyReport

COLUMNS = (
    "source",
    "id",
    "kind",
    "text",
    "line",
    "column",
    "value",
    "value_max",
    "unit",
    "unit_canonical",
    "qualifier",
    "time",
    "status",
    "reason",
    "reference_id",
    "reference_table",
    "reference_row",
    "reference_value",
    "reference_unit",
    "reference_source",
    "difference",
    "relative_difference",
    "candidates",
)


def render(report: VerifyReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for document in report.documents:
        for c in document.claims:
            v, row = c.verdict, c.verdict.reference
            cells = (
                shown(document.source),
                c.id,
                c.kind,
                c.text,
                c.line,
                c.column,
                c.value,
                c.value_max,
                c.unit,
                c.unit_canonical,
                c.qualifier,
                c.time.text if c.time else None,
                v.status,
                v.reason,
                row and row.id,
                row and shown(row.table),
                row and row.row,
                row and row.value_text,
                row and row.unit,
                row and row.source,
                v.difference,
                v.relative_difference,
                v.candidates,
            )
            writer.writerow([_cell(cell) for cell in cells])
    return out.getvalue()
