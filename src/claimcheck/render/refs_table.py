"""What `claimcheck refs check` prints: the table as claimcheck understood it, row by row,
so an editor can see each value read, each unit resolved and each period recognised."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from claimcheck.periods import read_period
from claimcheck.reference_index import ANY, dimension_of
from claimcheck.references import ReferenceTable
from claimcheck.render.table_format import _safe, readable


def _unit(row) -> str:
    if row.unit is None:
        return f"— ({ANY} unit)"
    if row.unit_canonical is None:
        return f"{_safe(row.unit)} → a count"
    dimension, _ = dimension_of(row.unit_canonical)
    return f"{_safe(row.unit)} → {row.unit_canonical} ({dimension})"


def _period(as_of: str | None) -> str:
    if not as_of:
        return ""
    period = read_period(as_of)
    parts = []
    if period.years:
        years = period.years
        parts.append(str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}")
    if period.months:
        months = period.months
        parts.append(f"month {months[0]}" if months[0] == months[1] else f"months {months[0]}–{months[1]}")
    if period.day:
        parts.append(f"day {period.day}")
    return f"{_safe(as_of)} → {', '.join(parts) or 'not read: never conflicts'}"


def table(references: ReferenceTable) -> Table:
    title = (
        f"{_safe(references.path)} — {len(references.rows)} rows ({references.format}"
        f"{', ' + references.encoding if references.encoding else ''})"
    )
    grid = Table(title=title, title_justify="left")
    for column in ("row", "id", "value", "read as", "unit", "tolerance", "context terms", "as of", "source"):
        grid.add_column(column, overflow="fold", no_wrap=column in ("row", "read as"))
    for row in references.rows:
        value = readable(row.value) + (f" – {readable(row.value_max)}" if row.value_max is not None else "")
        terms = " + ".join(_safe(term) for term in (row.subject, row.metric, *row.keywords) if term)
        grid.add_row(
            str(row.row),
            _safe(row.id),
            _safe(row.value_text),
            value,
            _unit(row),
            _safe(row.tolerance),
            terms or "(none: matched by unit and value alone)",
            _period(row.as_of),
            _safe(row.source),
        )
    return grid


def columns_line(references: ReferenceTable) -> str:
    known = [f"{_safe(header)} → {field}" for header, field in references.columns.items() if field != "extra"]
    extra = [_safe(header) for header, field in references.columns.items() if field == "extra"]
    line = "columns: " + ", ".join(known)
    return line + (f"; kept as they are: {', '.join(extra)}" if extra else "")


def show(references: ReferenceTable, console: Console) -> None:
    console.print(columns_line(references), soft_wrap=True)
    console.print(table(references))


def render(references: ReferenceTable) -> str:
    buffer = io.StringIO()
    show(references, Console(file=buffer, width=160, color_system=None, highlight=False))
    return buffer.getvalue()
