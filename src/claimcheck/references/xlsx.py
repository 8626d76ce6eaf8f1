"""Reading the first sheet of an .xlsx reference table, with openpyxl, without trusting the file.

An .xlsx is a ZIP archive of XML. Before openpyxl opens it, the sizes its members declare once
uncompressed are added up and held to the table limit: a 3 MB file can declare 3 GB of XML,
and Python's ZIP reader never inflates a member past the size it declares (it stops there and
fails on the checksum), so the declared total bounds what reading can cost. The sheet's
`<dimension>` (the range it claims to span) is ignored: a stale one made openpyxl's streaming
reader stop before the last rows, silently, or pad a million empty ones.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from claimcheck.errors import InputError
from claimcheck.files.read import too_large
from claimcheck.references.checks import named_rows

Rows = list[tuple[int, dict[str, str]]]


def _check_inflated(path: str, data: bytes, max_bytes: int | None) -> None:
    """Refuse a workbook whose members declare more than `max_bytes` once uncompressed."""
    if max_bytes is None:
        return
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a workbook at all: openpyxl says so below
    if inflated > max_bytes:
        raise InputError(too_large(f"{path}: once uncompressed", inflated, max_bytes, "--refs-max-bytes"))


def read_xlsx(
    path: str, data: bytes, max_bytes: int | None, read_cell: Callable[[object, str], str]
) -> tuple[list[str], Rows]:
    """The headers (row 1) and the rows of the first sheet; `read_cell` turns a value into text."""
    try:
        import openpyxl
    except ImportError:
        raise InputError(f"{path}: reading .xlsx needs openpyxl: install claimcheck[xlsx]") from None
    _check_inflated(path, data, max_bytes)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise InputError(f"{path}: cannot read as .xlsx: {exc}") from None
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # read every row there is, not the range the file claims
        headers: list[str] = []
        numbered = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [read_cell(value, f"row {number}") for value in values]
            if not headers:
                headers = [cell.strip() for cell in cells]
            elif any(cell.strip() for cell in cells):
                numbered.append((number, cells))
    except InputError:
        raise
    except Exception as exc:  # a member that fails its checksum, XML that breaks off
        raise InputError(f"{path}: cannot read as .xlsx: {exc}") from None
    finally:
        workbook.close()
    widest = max((len(cells) for _, cells in numbered), default=0)
    headers += [""] * (widest - len(headers))  # a cell right of the last header has no column name
    return named_rows(headers, numbered)
