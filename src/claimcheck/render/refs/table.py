"""What `claimcheck refs check` prints: the table as claimcheck understood it, row by row,
so an editor can see each value read, each unit resolved and each period recognised; then
the series the rows form (one entity and metric at several periods), when there are any,
with the months missing inside each.

On a terminal a rich table shows the first SHOWN rows (and says how many more there are);
piped or redirected, every row is written as plain aligned text, which takes a second for
100,000 rows where a rich table took over a minute.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from claimcheck.models import ReferenceRow
from claimcheck.names import one_line
from claimcheck.references.tables import ReferenceTable
from claimcheck.render.extract.table import readable
from claimcheck.verification.index import ANY, dimension_of
from claimcheck.verification.periods import read_period
from claimcheck.verification.table_series import CheckedTable, FoundSeries

COLUMNS = ("row", "id", "value", "read as", "unit", "tolerance", "context terms", "as of", "source")
SERIES_COLUMNS = ("series", "unit", "modality", "group", "periods", "count", "gaps")
SHOWN = 500  # rows a terminal shows
_WIDEST = 40  # a plain column is padded to its widest cell, up to this many cells


def _clean(text: str | None) -> str:
    """One line of printable text: a control character (a line break, an escape) is a space."""
    if not text:
        return ""
    return text if text.isprintable() else "".join(ch if ch.isprintable() else " " for ch in text)


def _unit(row: ReferenceRow) -> str:
    if row.unit is None:
        return f"— ({ANY} unit)"
    if row.unit_canonical is None:
        return f"{_clean(row.unit)} → a count"
    dimension, _ = dimension_of(row.unit_canonical)
    return f"{_clean(row.unit)} → {row.unit_canonical} ({dimension})"


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
    return f"{_clean(as_of)} → {', '.join(parts) or 'not read: never conflicts'}"


def cells(row: ReferenceRow) -> tuple[str, ...]:
    """The row's cells under COLUMNS, as plain one-line text."""
    value = readable(row.value) + (f" – {readable(row.value_max)}" if row.value_max is not None else "")
    terms = " + ".join(_clean(term) for term in (row.subject, row.metric, *row.keywords) if term)
    return (
        str(row.row),
        _clean(row.id),
        _clean(row.value_text),
        value,
        _unit(row),
        _clean(row.tolerance),
        terms or "(none: matched by unit and value alone)",
        _period(row.as_of),
        _clean(row.source),
    )


def series_cells(series: FoundSeries) -> tuple[str, ...]:
    """The series' cells under SERIES_COLUMNS, as plain one-line text."""
    periods = series.first if series.first == series.last else f"{series.first}…{series.last}"
    return (
        _clean(series.name),
        _clean(series.unit) or "—",
        series.modality,
        _clean(series.group),
        periods,
        str(series.periods),
        ", ".join(series.gaps) or "none",
    )


def series_title(references: CheckedTable) -> str:
    found = len(references.series)
    return f"{found} series (rows of one entity and metric at several periods)"


def title(references: ReferenceTable) -> str:
    encoding = f", {references.encoding}" if references.encoding else ""
    return f"{one_line(references.path)} — {len(references.rows)} rows ({references.format}{encoding})"


def table(references: ReferenceTable, limit: int | None = None) -> Table:
    grid = Table(title=escape(title(references)), title_justify="left")
    for column in COLUMNS:
        grid.add_column(column, overflow="fold", no_wrap=column in ("row", "read as"))
    for row in references.rows[:limit]:
        grid.add_row(*(escape(cell) for cell in cells(row)))
    return grid


def columns_line(references: ReferenceTable) -> str:
    known = [f"{_clean(header)} → {field}" for header, field in references.columns.items() if field != "extra"]
    extra = [_clean(header) for header, field in references.columns.items() if field == "extra"]
    line = "columns: " + ", ".join(known)
    return line + (f"; kept as they are: {', '.join(extra)}" if extra else "")


def series_table(references: CheckedTable, limit: int | None = None) -> Table:
    grid = Table(title=escape(series_title(references)), title_justify="left")
    for column in SERIES_COLUMNS:
        grid.add_column(column, overflow="fold", no_wrap=column in ("periods", "count"))
    for series in references.series[:limit]:
        grid.add_row(*(escape(cell) for cell in series_cells(series)))
    return grid


def show(references: CheckedTable, console: Console) -> None:
    """On a terminal: the first SHOWN rows as a rich table, then the first SHOWN series."""
    console.print(escape(columns_line(references)), soft_wrap=True)
    console.print(table(references, SHOWN))
    more = len(references.rows) - SHOWN
    if more > 0:
        console.print(f"… and {more:,} rows more: redirect the output to a file to see every row", soft_wrap=True)
    if references.series:
        console.print(series_table(references, SHOWN))
        more = len(references.series) - SHOWN
        if more > 0:
            console.print(f"… and {more:,} series more: redirect the output to a file to see them all", soft_wrap=True)


def _aligned(rows: list[tuple[str, ...]]) -> Iterator[str]:
    widths = [min(_WIDEST, max(cell_len(row[i]) for row in rows)) for i in range(len(rows[0]))]
    for row in rows:
        padded = (cell + " " * (width - cell_len(cell)) for cell, width in zip(row, widths, strict=True))
        yield "  ".join(padded).rstrip()


def _with_header(columns: tuple[str, ...], rows: Iterator[tuple[str, ...]]) -> list[tuple[str, ...]]:
    return [columns, tuple("-" * len(name) for name in columns), *rows]


def render(references: CheckedTable) -> str:
    """Every row as plain text, in aligned columns; then every series, when there are any."""
    rows = _with_header(COLUMNS, (cells(row) for row in references.rows))
    lines = [columns_line(references), title(references), *_aligned(rows)]
    if references.series:
        found = _with_header(SERIES_COLUMNS, (series_cells(series) for series in references.series))
        lines += ["", series_title(references), *_aligned(found)]
    return "".join(line + "\n" for line in lines)


def render_rich(references: CheckedTable) -> str:
    """The terminal's view as text (for tests)."""
    buffer = io.StringIO()
    show(references, Console(file=buffer, width=160, color_system=None, highlight=False))
    return buffer.getvalue()
