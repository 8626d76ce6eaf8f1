"""Refusals of a reference table that is broken as a file, before any cell is read as a
figure: a quote never closed, a row with too few or too many cells, two columns of one
name, a key given twice in a JSON object, a spreadsheet formula where a value belongs.

Each raises InputError naming the row and, where there is one, the column; the caller
puts the file's name in front.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable

from claimcheck.errors import InputError, clipped, quoted

# What the csv module's strict reader says, in an editor's words.
_CSV_ERRORS = {
    "unexpected end of data": "a quoted cell is never closed",
    "',' expected after '\"'": "text after the closing quote of a cell",
    "'\\t' expected after '\"'": "text after the closing quote of a cell",
    "';' expected after '\"'": "text after the closing quote of a cell",
    "field larger than field limit": "a cell longer than the limit (a quote never closed?)",
}


def csv_records(reader: Iterable[list[str]]) -> list[list[str]]:
    """Every record of a strict csv reader; a malformed one is refused with its row."""
    records: list[list[str]] = []
    try:
        for record in reader:
            records.append(record)
    except csv.Error as exc:
        message = str(exc)
        why = next((text for start, text in _CSV_ERRORS.items() if message.startswith(start)), message)
        raise InputError(f"row {len(records) + 1}: not valid CSV: {why}") from None
    return records


def check_width(number: int, cells: list[str], headers: list[str]) -> None:
    if len(cells) != len(headers):
        raise InputError(f"row {number}: {len(cells)} cells but the header names {len(headers)} columns")


def named_rows(headers: list[str], numbered: list[tuple[int, list[str]]]) -> tuple[list[str], list[tuple[int, dict]]]:
    """The named headers, and each row as {column name: cell}. Two columns of one name would
    lose one of them; a column without a name may stay only while empty (a trailing comma)."""
    seen: dict[str, int] = {}
    for place, name in enumerate(headers, start=1):
        if name and name in seen:
            raise InputError(f"row 1: columns {seen[name]} and {place} are both named {quoted(name)}")
        seen.setdefault(name, place)
        for number, cells in numbered if not name else ():
            if place <= len(cells) and cells[place - 1].strip():
                raise InputError(
                    f"row {number}, column {place}: {quoted(cells[place - 1].strip())} is in a column with no name"
                )
    rows = [(number, {h: c for h, c in zip(headers, cells, strict=False) if h}) for number, cells in numbered]
    return [h for h in headers if h], rows


def check_formulas(rows: list[tuple[int, dict[str, str]]]) -> None:
    """A cell that starts with = is a formula a spreadsheet would run, not the value it shows."""
    for number, cells in rows:
        for name, cell in cells.items():
            if cell.strip().startswith("="):
                where, formula = f"row {number}, column {clipped(name)}", quoted(cell.strip(), 40)
                raise InputError(f"{where}: {formula} is a spreadsheet formula: paste its value")


class JsonObject(dict):
    """A JSON object that remembers the keys written twice in it (json keeps only the last)."""

    twice: list[str]


def json_object(pairs: list[tuple[str, object]]) -> JsonObject:
    found = JsonObject(pairs)
    found.twice = [key for key, count in Counter(key for key, _ in pairs).items() if count > 1]
    return found


def json_integer(digits: str) -> int:
    try:
        return int(digits)
    except ValueError:  # longer than Python converts (4,300 digits)
        raise InputError(f"not JSON a table can hold: a number of {len(digits.lstrip('-')):,} digits") from None


class JsonConstant(str):
    """NaN, Infinity or -Infinity, which JSON allows in Python but no table can mean."""


def check_object(number: int, item: object) -> None:
    twice = getattr(item, "twice", None)
    if twice:
        raise InputError(f"row {number}, column {clipped(twice[0])}: the key is given twice in the object")
