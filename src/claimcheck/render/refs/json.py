"""The table as read, as JSON: each row's value, unit, context and period."""

from __future__ import annotations

from claimcheck.references.tables import ReferenceTable


def render(references: ReferenceTable) -> str:
    return references.model_dump_json(indent=2) + "\n"
