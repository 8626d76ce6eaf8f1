"""Read a reference table file into header names and rows of text cells.

CSV and TSV (UTF-8 with or without BOM; GB18030 or Big5 when asked for or detected), JSON
(a list of objects), JSON Lines, and .xlsx when openpyxl is installed. Row numbers are the
ones an editor sees: the header is row 1 of a CSV or a sheet, a JSON object's row is its
place in the list, a JSON Lines row its line.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from claimcheck.errors import InputError, clipped, quoted
from claimcheck.files.encodings import HEAD, not_text, text_codec
from claimcheck.files.read import read_bytes
from claimcheck.references.checks import (
    JsonConstant,
    check_formulas,
    check_object,
    check_width,
    csv_records,
    json_integer,
    json_object,
    named_rows,
)

FORMATS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xlsx": "xlsx",
}
_LEGACY_ENCODINGS = ("gb18030", "big5")
_JSON_HOOKS = {"object_pairs_hook": json_object, "parse_constant": JsonConstant, "parse_int": json_integer}
DEFAULT_TABLE_BYTES = 32 * 1024 * 1024  # a table takes some 60 times its size in memory once read
MAX_BYTES_FLAG = "--refs-max-bytes"


@dataclass(frozen=True, slots=True)
class RawTable:
    format: str
    encoding: str | None
    headers: list[str]
    rows: list[tuple[int, dict[str, str]]]


def table_format(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        raise InputError(f"{path}: unknown table format {quoted(suffix or '(no extension)')}: use {known}")
    return FORMATS[suffix]


def _read_bytes(path: str, max_bytes: int | None) -> bytes:
    return read_bytes(path, max_bytes, MAX_BYTES_FLAG)


def _decode(path: str, encoding: str | None, max_bytes: int | None) -> tuple[str, str]:
    """The text and the encoding it was read in."""
    if encoding is not None:
        try:
            text_codec(encoding)
        except ValueError as exc:
            raise InputError(f"{path}: {exc}") from None
    data = _read_bytes(path, max_bytes)
    what = not_text(data[:HEAD], encoding)
    if what is not None:
        raise InputError(f"{path}: not a table but {what}")
    if encoding is not None:
        try:
            return data.decode(encoding).removeprefix("\ufeff"), encoding
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not valid {encoding} at byte {exc.start}") from None
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    decoded = []
    for candidate in _LEGACY_ENCODINGS:
        try:
            decoded.append((data.decode(candidate), candidate))
        except UnicodeDecodeError:
            continue
    if len(decoded) == 2:
        decoded.sort(key=lambda pair: -_plausibility(pair[0], pair[1]))
    if decoded:
        return decoded[0]
    raise InputError(f"{path}: not valid UTF-8 at byte {utf8_error}, nor GB18030 or Big5: give --refs-encoding")


def _plausibility(text: str, encoding: str) -> float:
    """How much of the non-ASCII text is common in the script `encoding` is made for.

    Big5 bytes often decode as GB18030 too, into rare characters and private-use ones;
    real GB18030 text is mostly in GB2312's common set.
    """
    wide = [char for char in text if not char.isascii()]
    if not wide:
        return 0.0
    common_encoding = "gb2312" if encoding == "gb18030" else "big5"
    common = 0
    for char in wide:
        try:
            char.encode(common_encoding)
            common += 1
        except UnicodeEncodeError:
            pass
    tie_breaker = 0.001 if encoding == "gb18030" else 0.0
    return common / len(wide) + tie_breaker


def _delimited(text: str, fmt: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if fmt == "tsv" else ","
    if fmt == "csv" and first_line.count(",") == 0:
        delimiter = max(("\t", ";"), key=first_line.count) if first_line.strip() else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records = csv_records(reader)
    if not records:
        return [], []
    headers = [name.strip() for name in records[0]]
    numbered = []
    for number, cells in enumerate(records[1:], start=2):
        if any(cell.strip() for cell in cells):
            check_width(number, cells, headers)
            numbered.append((number, cells))
    return named_rows(headers, numbered)


def _cell(value: object, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, JsonConstant):
        raise InputError(f"{where}: {value} is not a figure a table can hold")
    if isinstance(value, bool):
        raise InputError(f"{where}: true/false is not a figure or a text")
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    if isinstance(value, int | float | str):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()[:10] if isinstance(value, datetime) and not value.time() else value.isoformat()
    if isinstance(value, list) and all(isinstance(item, str | int | float) for item in value):
        return ";".join(str(item) for item in value)  # keywords given as a list
    raise InputError(f"{where}: a nested value; give text or a number")


def _objects(items: list[tuple[int, object]]) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    headers: dict[str, None] = {}
    rows = []
    for number, item in items:
        if not isinstance(item, dict):
            raise InputError(f"row {number}: not an object with named columns")
        check_object(number, item)
        cells = {
            str(key).strip(): _cell(value, f"row {number}, column {clipped(str(key))}") for key, value in item.items()
        }
        headers.update(dict.fromkeys(cells))
        rows.append((number, cells))
    return list(headers), rows


def _json(text: str, fmt: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    if fmt == "jsonl":
        items = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    items.append((number, json.loads(line, **_JSON_HOOKS)))
                except json.JSONDecodeError as exc:
                    raise InputError(f"row {number}: not JSON: {exc.msg}") from None
                except RecursionError:
                    raise InputError(f"row {number}: not JSON a table can hold: nested too deeply") from None
                except InputError as exc:
                    raise InputError(f"row {number}: {exc}") from None
        return _objects(items)
    try:
        data = json.loads(text, **_JSON_HOOKS)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg} at line {exc.lineno}") from None
    except RecursionError:
        raise InputError("not JSON a table can hold: nested too deeply") from None
    if not isinstance(data, list):
        raise InputError("a JSON table is a list of objects, one a row")
    return _objects(list(enumerate(data, start=1)))


def read_raw_table(path: str, encoding: str | None = None, max_bytes: int | None = DEFAULT_TABLE_BYTES) -> RawTable:
    """The table's headers and rows; `max_bytes` (None: no limit) bounds the file and, for
    .xlsx, what it holds once uncompressed."""
    fmt = table_format(path)
    try:
        if fmt == "xlsx":
            from claimcheck.references.xlsx import read_xlsx

            headers, rows = read_xlsx(path, _read_bytes(path, max_bytes), max_bytes, _cell)
            return RawTable(fmt, None, headers, rows)
        text, used = _decode(path, encoding, max_bytes)
        reader = _json if fmt in ("json", "jsonl") else _delimited
        headers, rows = reader(text, fmt)
        check_formulas(rows)
    except InputError as exc:
        message = str(exc)
        raise InputError(message if message.startswith(path) else f"{path}: {message}") from None
    return RawTable(fmt, used, headers, rows)
