"""The table as read, as JSON: each row's value, unit, context and period, then the series found."""

from __future__ import annotations

from claimcheck.verification.table_series import CheckedTable


def render(references: CheckedTable) -> str:
    return references.model_dump_json(indent=2) + "\n"
