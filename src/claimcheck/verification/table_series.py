"""The series a reference table holds, as `refs check` shows them: the level rows of one
entity and metric at two periods or more, the periods they span and the months missing
inside a monthly run (a change, a cumulative figure or a streak over them cannot be computed).

The series are those the verifier computes from (claimcheck.verification.compute.levels):
what `refs check` lists is what `verify` will find.
"""

from __future__ import annotations

from collections import defaultdict

from pydantic import Field

from claimcheck.models import ReferenceRow
from claimcheck.records import Modality, Record
from claimcheck.references.tables import ReferenceTable
from claimcheck.rules.folding import fold
from claimcheck.verification.compute.levels import Levels
from claimcheck.verification.index import ReferenceIndex
from claimcheck.verification.series import Month, Series, Span, label, months_between, shifted


class FoundSeries(Record):
    """One series of a reference table."""

    name: str = Field(description="Its entity and metric (and keywords), as the rows write them: 远航汽车 · 交付.")
    unit: str | None = Field(description="The unit of its rows, as the first one writes it.")
    modality: Modality = Field(description="actual unless the rows say otherwise.")
    group: str | None = Field(description="The groups its rows carry (where each is ranked), if any.")
    first: str = Field(description="Its first period: 2024-10, 2025-01/2025-03 (a quarter), 2024-01/2024-12.")
    last: str = Field(description="Its last period.")
    periods: int = Field(ge=2, description="How many periods it has a row for.")
    gaps: list[str] = Field(
        description="Months with no row between its first and last month rows, in runs: 2025-09, 2025-01/2025-03."
    )
    rows: list[str] = Field(description="The ids of its rows, in period order.")


class CheckedTable(ReferenceTable):
    """A reference table as `refs check` reports it: the rows read, and the series they form."""

    series: list[FoundSeries] = Field(description="The series found, in the order of their first row in the table.")


def gaps(spans: list[Span]) -> list[str]:
    """The months missing between the first and last single-month spans, as runs."""
    months = sorted(first for first, last in spans if first == last)
    runs: list[str] = []
    for before, after in zip(months, months[1:], strict=False):
        missing = months_between(before, after) - 2
        if missing > 0:
            start: Month = shifted(before, 1)
            runs.append(label((start, shifted(start, missing - 1))))
    return runs


def found(series: Series) -> FoundSeries:
    spans, rows = series.spans, series.rows
    first = rows[0].ref
    words = [word for word in (first.subject, first.metric, *first.keywords) if word]
    return FoundSeries(
        name=" · ".join(words),
        unit=first.unit,
        modality=first.modality or "actual",
        group=", ".join(dict.fromkeys(row.ref.group for row in rows if row.ref.group)) or None,
        first=label(spans[0]),
        last=label(spans[-1]),
        periods=len(spans),
        gaps=gaps(spans),
        rows=[row.ref.id for row in rows],
    )


def _may_form_series(rows: list[ReferenceRow]) -> list[ReferenceRow]:
    """The rows whose subject (folded, as the index files it) has rows at two periods or more:
    the only ones a series can hold. Indexing a row costs; a table of one row per entity
    (100,000 ports) needs none indexed."""
    periods: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row.as_of:
            periods[fold(row.subject).strip() if row.subject else ""].add(row.as_of)
    several = {subject for subject, seen in periods.items() if len(seen) >= 2}
    return [row for row in rows if row.as_of and (fold(row.subject).strip() if row.subject else "") in several]


def table_series(table: ReferenceTable) -> list[FoundSeries]:
    candidates = _may_form_series(table.rows)
    if not candidates:
        return []
    levels = Levels(ReferenceIndex(candidates, table.units))
    several = [series for series in levels.series.values() if len(series.by_span) >= 2]
    several.sort(key=lambda series: min(row.order for row in series.by_span.values()))
    return [found(series) for series in several]


def checked_table(table: ReferenceTable) -> CheckedTable:
    """The table with its series, for `refs check` (the rows are not validated again)."""
    values = {name: getattr(table, name) for name in ReferenceTable.model_fields}
    return CheckedTable.model_construct(**values, series=table_series(table))
