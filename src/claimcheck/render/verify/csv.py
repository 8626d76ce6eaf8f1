"""A flat table of verdicts for spreadsheets: the claim, its status, the row and the reason;
for a figure computed from other rows, the working (the computation_ columns, empty otherwise)."""

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
    "computation",
    "computation_rows",
    "computation_low",
    "computation_high",
    "computation_missing",
)


def render(report: VerifyReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for document in report.documents:
        for c in document.claims:
            v, row, working = c.verdict, c.verdict.reference, c.verdict.computation
            worked = working is not None and not working.missing  # a result only when no row was missing
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
                working and f"{working.operation}: {working.expression}",
                working and ", ".join(used.id for used in working.rows),
                working.low if worked else None,
                working.high if worked else None,
                working and ", ".join(working.missing),
            )
            writer.writerow([_cell(cell) for cell in cells])
    return out.getvalue()
