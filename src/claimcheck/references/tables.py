"""Load and validate a newsroom's reference table into ReferenceRow records.

The table is read once and checked whole: a bad row is reported with its file, row number
and column, and the table is refused rather than half used. Column names are matched
after folding (VALUE, 數值 and 数值 are all `value`); the names are data, in
rules/references.toml. Columns claimcheck does not know are kept in each row's `extra`.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from claimcheck.errors import InputError, clipped, quoted
from claimcheck.models import FileName, ReferenceRow
from claimcheck.names import shown
from claimcheck.references.formats import DEFAULT_TABLE_BYTES, RawTable, read_raw_table
from claimcheck.references.values import (
    Units,
    read_basis,
    read_figure,
    read_modality,
    read_tolerance,
    with_unit_column,
)
from claimcheck.rules.folding import fold
from claimcheck.rules.reference_rules import reference_rules

_LISTED = 8  # headers a message names


class TableError(InputError):
    """A reference table cannot be used; the message names the file, row and column."""


class ReferenceTable(BaseModel):
    """A reference table as claimcheck understood it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: FileName
    format: Literal["csv", "tsv", "json", "jsonl", "xlsx"]
    encoding: str | None = Field(description="The text encoding it was read in (None for .xlsx).")
    columns: dict[str, str] = Field(description="Each header as written → the field it fills, or `extra`.")
    rows: list[ReferenceRow]
    units: Units = Field(default=(), exclude=True, description="The units the config adds, that rows may name.")


def _columns(raw: RawTable, path: str) -> dict[str, str]:
    known = reference_rules().column_of
    columns: dict[str, str] = {}
    taken: dict[str, str] = {}
    for header in raw.headers:
        field = known.get(fold(header).strip(), "extra")
        if field != "extra" and field in taken:
            raise TableError(f"{path}: columns {quoted(taken[field])} and {quoted(header)} both name `{field}`")
        if field != "extra":
            taken[field] = header
        columns[header] = field
    if "value" not in taken:
        names = ", ".join(quoted(h) for h in raw.headers[:_LISTED]) or "none"
        names += f", … ({len(raw.headers)} in all)" if len(raw.headers) > _LISTED else ""
        accepted = ", ".join(reference_rules().rules.columns.value[:4])
        raise TableError(f"{path}: no `value` column (headers: {names}): name the column of figures {accepted}, …")
    return columns


def _row(
    path: str, number: int, cells: dict[str, str], header: dict[str, str], extra: list[str], units: Units
) -> ReferenceRow:
    """One row, validated; `header` maps each known field to its column's name."""
    text = {field: cells.get(name, "").strip() for field, name in header.items()}
    current = "value"
    try:
        figure = read_figure(text["value"])
        if text.get("unit"):
            current = "unit"
            figure = with_unit_column(figure, text["unit"], units)
        if text.get("tolerance"):
            current = "tolerance"
            read_tolerance(text["tolerance"], figure.unit, units)
        # A table without the column leaves the slot unknown (None); an empty cell is a level
        # or an actual figure.
        current = "basis"
        basis = read_basis(text["basis"], text.get("as_of")) if "basis" in text else None
        current = "modality"
        modality = read_modality(text["modality"]) if "modality" in text else None
    except ValueError as exc:
        raise TableError(f"{path}: row {number}, column {clipped(header[current])}: {exc}") from None
    if figure.unit is None and not (text.get("subject") or text.get("metric") or text.get("keywords")):
        raise TableError(
            f"{path}: row {number}, column {clipped(header['value'])}: "
            "a row with neither a unit nor a subject, metric or keyword would match every figure"
        )
    keywords = reference_rules().keyword_split.split(text.get("keywords", ""))
    return ReferenceRow(
        id=text.get("id") or f"{shown(Path(path).name)}:{number}",
        table=path,
        row=number,
        value=figure.value,
        value_max=figure.value_max,
        value_text=text["value"],
        unit=figure.unit,
        unit_canonical=figure.unit_canonical,
        subject=text.get("subject") or None,
        metric=text.get("metric") or None,
        keywords=[word.strip() for word in keywords if word.strip()],
        as_of=text.get("as_of") or None,
        source=text.get("source") or None,
        tolerance=text.get("tolerance") or None,
        note=text.get("note") or None,
        extra={name: cells.get(name, "") for name in extra},
        basis=basis,
        modality=modality,
        group=text.get("group") or None,
    )


def load_references(
    path: str | Path,
    *,
    encoding: str | None = None,
    units: Units = (),
    max_bytes: int | None = DEFAULT_TABLE_BYTES,
) -> ReferenceTable:
    """Read and validate a reference table; raise TableError (one line) if any row is bad.
    `units`: what the config's [units] table adds to the units the rules know. A file larger
    than `max_bytes` (None: no limit) is refused before it is read."""
    path = str(path)
    try:
        return _load(path, encoding, max_bytes, units)
    except MemoryError:
        raise TableError(f"{path}: too large to read in the memory there is: give a smaller table") from None


def _load(path: str, encoding: str | None, max_bytes: int | None, units: Units) -> ReferenceTable:
    collecting = gc.isenabled()
    gc.disable()  # thousands of small records and no cycles: skip the rescans
    try:
        raw = read_raw_table(path, encoding, max_bytes)
        columns = _columns(raw, path)
        header = {field: name for name, field in columns.items() if field != "extra"}
        extra = [name for name, field in columns.items() if field == "extra"]
        rows = []
        seen: dict[str, int] = {}
        for number, cells in raw.rows:
            row = _row(path, number, cells, header, extra, units)
            if "id" in header and row.id in seen:
                where = f"{path}: row {number}, column {clipped(header['id'])}"
                raise TableError(f"{where}: id {quoted(row.id)} is also row {seen[row.id]}")
            seen[row.id] = number
            rows.append(row)
        return ReferenceTable(
            path=path, format=raw.format, encoding=raw.encoding, columns=columns, rows=rows, units=units
        )
    finally:
        if collecting:
            gc.enable()
