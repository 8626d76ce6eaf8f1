"""Reference tables too large to hold, workbooks that inflate or lie about their size, rows a
stale `<dimension>` hid, 100,000 rows for `refs check`, and cells too long to quote whole.
The large files are made here, in tmp_path; the long cells are in data/hostile/table-limits.toml."""

from __future__ import annotations

import io
import re
import struct
import tomllib
import zipfile
from pathlib import Path

import pytest
from cli_run import claimcheck as run
from places import DATA
from rich.console import Console

import claimcheck
from claimcheck.errors import ClaimcheckError

COLUMNS = ("row", "id", "value", "read as", "unit", "tolerance", "context terms", "as of", "source")
HOSTILE = DATA / "hostile"
LONG = tomllib.loads((HOSTILE / "table-limits.toml").read_text(encoding="utf-8"))["long"]
SHEET = "xl/worksheets/sheet1.xml"
ROWS = [("id", "subject", "value", "unit"), *((f"r{n}", "line", n, "km") for n in range(1, 6))]


def too_large(name: str, size: str, limit: str) -> str:
    return f"claimcheck: {name}: {size}, over the limit of {limit}: raise --refs-max-bytes (0 for no limit)\n"


@pytest.mark.parametrize("command", ["refs", "verify", "check"])
def test_a_table_over_the_limit_is_refused_before_it_is_read(tmp_path, command):
    (tmp_path / "draft.txt").write_text("The line is 5 km long.\n", encoding="utf-8")
    (tmp_path / "refs.csv").write_bytes(b"id,subject,value,unit\n" + b"a,line,5,km\n" * 200_000)
    arguments = {"refs": ["refs", "check"], "verify": ["verify", "draft.txt", "--refs"], "check": ["check", "--refs"]}
    result = run(*arguments[command], "refs.csv", "--refs-max-bytes", "1M", cwd=tmp_path)
    assert result.returncode == 2
    named = str(tmp_path / "refs.csv") if command == "check" else "refs.csv"  # check names tables in full
    assert result.stderr == too_large(named, "2.3 MB", "1.0 MB")


def test_the_default_limit_is_32_megabytes_and_none_lifts_it(tmp_path):
    path = tmp_path / "refs.json"
    path.write_bytes(b"[" + b" " * (32 * 1024 * 1024) + b"]")
    with pytest.raises(ClaimcheckError, match=r"refs\.json: 32\.0 MB, over the limit of 32\.0 MB: raise --refs-max"):
        claimcheck.load_references(path)
    with pytest.raises(ClaimcheckError, match=r"no `value` column \(headers: none\)"):
        claimcheck.load_references(path, max_bytes=None)  # read, then refused for what it holds


def test_the_limit_comes_from_the_config_too(tmp_path):
    (tmp_path / "claimcheck.toml").write_text('refs = "refs.csv"\nrefs-max-bytes = "1k"\n', encoding="utf-8")
    (tmp_path / "refs.csv").write_bytes(b"id,subject,value,unit\n" + b"a,line,5,km\n" * 100)
    (tmp_path / "draft.txt").write_text("The line is 5 km long.\n", encoding="utf-8")
    result = run("check", "draft.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == too_large(str(tmp_path / "refs.csv"), "1.2 KB", "1.0 KB")


def workbook(rows=ROWS) -> dict[str, bytes]:
    """The members of a small .xlsx openpyxl writes."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def save(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def declare(path: Path, member: str, size: int) -> None:
    """Make the archive's directory claim `size` bytes for `member` once uncompressed."""
    data = bytearray(path.read_bytes())
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length] == member.encode():
            struct.pack_into("<I", data, at + 24, size)
        at += 4
    path.write_bytes(bytes(data))


def test_a_workbook_that_inflates_past_the_limit_is_refused(tmp_path):
    members = workbook()
    sheet = members[SHEET].decode()
    members[SHEET] = sheet.replace("<sheetData>", "<sheetData>" + " " * (40 * 1024 * 1024)).encode()
    path = save(tmp_path / "bomb.xlsx", members)
    assert path.stat().st_size < 1024 * 1024  # 40 MB of XML in under 1 MB
    with pytest.raises(ClaimcheckError) as refused:
        claimcheck.load_references(path)
    message = f"{path}: once uncompressed: 40.0 MB, over the limit of 32.0 MB: raise --refs-max-bytes (0 for no limit)"
    assert str(refused.value) == message


def test_a_workbook_that_declares_gigabytes_is_refused_without_inflating(tmp_path):
    path = save(tmp_path / "liar.xlsx", workbook())
    declare(path, SHEET, 3 * 1024**3)
    with pytest.raises(ClaimcheckError, match=r"liar\.xlsx: once uncompressed: 3072\.0 MB, over the limit of 32\.0 MB"):
        claimcheck.load_references(path)


def test_a_stale_dimension_loses_no_row(tmp_path):
    members = workbook()
    sheet = members[SHEET].decode()
    assert '<dimension ref="A1:D6" />' in sheet
    members[SHEET] = sheet.replace('<dimension ref="A1:D6" />', '<dimension ref="A1:D2" />').encode()
    rows = claimcheck.load_references(save(tmp_path / "stale.xlsx", members)).rows
    assert [row.id for row in rows] == ["r1", "r2", "r3", "r4", "r5"]


def test_a_dimension_of_a_million_rows_adds_none(tmp_path):
    members = workbook()
    sheet = members[SHEET].decode()
    members[SHEET] = sheet.replace('<dimension ref="A1:D6" />', '<dimension ref="A1:XFD1048576" />').encode()
    rows = claimcheck.load_references(save(tmp_path / "wide.xlsx", members)).rows
    assert len(rows) == 5


def test_a_cell_right_of_the_last_header_is_refused(tmp_path):
    rows = [*ROWS[:3], ("r3", "line", 3, "km", "stray"), *ROWS[4:]]
    path = save(tmp_path / "stray.xlsx", workbook(rows))
    with pytest.raises(ClaimcheckError) as refused:
        claimcheck.load_references(path)
    assert str(refused.value) == f"{path}: row 4, column 5: 'stray' is in a column with no name"


@pytest.fixture(scope="module")
def hundred_thousand(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "refs.csv"
    lines = ["id,subject,metric,value,unit,as_of,source"]
    lines += [f"r{n},Port {n},throughput,{n * 7},km,2024-0{1 + n % 9},desk" for n in range(100_000)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.hostile
def test_refs_check_writes_100_000_rows_as_plain_text(hundred_thousand):
    result = run("refs", "check", str(hundred_thousand), timeout=300)  # a hang guard: it takes seconds
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 4 + 100_000
    assert lines[1] == f"{hundred_thousand} — 100000 rows (csv, utf-8)"
    assert re.split(r"  +", lines[2]) == [
        "row",
        "id",
        "value",
        "read as",
        "unit",
        "tolerance",
        "context terms",
        "as of",
        "source",
    ]
    last = (
        r"100001 +r99999 +699993 +699,993 +km → km \(length\) +Port 99999 \+ throughput +2024-01 → 2024, month 1 +desk"
    )
    assert re.fullmatch(last, lines[-1])
    assert not set("┏┃│└") & set(result.stdout)


@pytest.mark.hostile
def test_a_terminal_is_shown_the_first_rows_and_told_how_many_more(hundred_thousand):
    from claimcheck.render.refs import table as refs_table
    from claimcheck.verification.table_series import checked_table

    buffer = io.StringIO()
    table = checked_table(claimcheck.load_references(hundred_thousand))
    refs_table.show(table, Console(file=buffer, width=200, color_system=None))
    shown = buffer.getvalue()
    assert f"│ {refs_table.SHOWN + 1} " in shown and f"│ {refs_table.SHOWN + 2} " not in shown
    more = 100_000 - refs_table.SHOWN
    assert shown.splitlines()[-1] == f"… and {more:,} rows more: redirect the output to a file to see every row"


def long_table(case: dict) -> str:
    body = case["repeat"] * case["times"] + case.get("after", "")
    return case.get("before", "") + body * (2 if case.get("twice") else 1) + case.get("end", "")


@pytest.mark.hostile
@pytest.mark.parametrize("case", LONG, ids=lambda case: case["name"])
def test_a_message_quotes_at_most_60_characters_of_a_cell(tmp_path, case):
    (tmp_path / case["name"]).write_text(long_table(case), encoding="utf-8")
    result = run("refs", "check", case["name"], cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"claimcheck: {case['name']}: {case['error']}\n"


def test_a_message_names_a_few_headers_and_how_many_there_are(tmp_path):
    (tmp_path / "wide.csv").write_text(",".join(f"h{n}" for n in range(1000)) + "\n", encoding="utf-8")
    result = run("refs", "check", "wide.csv", cwd=tmp_path)
    assert result.returncode == 2
    headers = ", ".join(f"'h{n}'" for n in range(8))
    assert result.stderr == (
        f"claimcheck: wide.csv: no `value` column (headers: {headers}, … (1000 in all)): "
        "name the column of figures value, 數值, 数值, 值, …\n"
    )
