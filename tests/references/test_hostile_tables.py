"""A broken reference table is refused whole, with its file, row and column, by every command."""

from __future__ import annotations

import re
import shutil
import tomllib

import pytest
from cli_run import claimcheck as run
from places import DATA

import claimcheck
from claimcheck.errors import ClaimcheckError

HOSTILE = DATA / "hostile"
TABLES = tomllib.loads((HOSTILE / "tables.toml").read_text(encoding="utf-8"))["table"]


@pytest.mark.parametrize("case", TABLES, ids=lambda case: case["file"])
def test_each_broken_table_is_refused_with_row_and_column(case):
    path = HOSTILE / "tables" / case["file"]
    with pytest.raises(ClaimcheckError) as raised:
        claimcheck.load_references(path)
    message = str(raised.value)
    assert "\n" not in message
    assert re.fullmatch(rf"{re.escape(str(path))}: {case['error']}", message), message


@pytest.mark.parametrize("command", ["refs", "verify", "check"])
def test_every_command_says_the_same_one_line(tmp_path, command):
    (tmp_path / "tables").mkdir()
    shutil.copy(HOSTILE / "tables" / "formula-value.csv", tmp_path / "tables")
    (tmp_path / "draft.txt").write_text("The line is 1.9 million km long.\n", encoding="utf-8")
    table = "tables/formula-value.csv"
    arguments = {
        "refs": ["refs", "check", table],
        "verify": ["verify", "draft.txt", "--refs", table],
        "check": ["check", "draft.txt", "--refs", table],
    }[command]
    result = run(*arguments, cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("claimcheck: ") and result.stderr.count("\n") == 1
    assert result.stderr.endswith(
        "tables/formula-value.csv: row 2, column value: '=1+2' is a spreadsheet formula: paste its value\n"
    )


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("long.csv", 'id,value,unit\na,"' + "x" * 200_000 + '",km\n', r"row 2: not valid CSV: a cell longer than"),
        ("deep.json", "[" * 100_000, r"not JSON a table can hold: nested too deeply"),
        ("deep.jsonl", "[" * 100_000 + "\n", r"row 1: not JSON a table can hold: nested too deeply"),
        ("after-quote.csv", 'id,value,unit\na,"5"0,km\n', r"row 2: not valid CSV: text after the closing quote"),
        ("huge.csv", "id,value,unit\na,1e999,km\n", r"row 2, column value: cannot read '1e999' as a figure"),
    ],
)
def test_generated_broken_tables(tmp_path, name, content, error):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ClaimcheckError, match=error):
        claimcheck.load_references(path)


def test_a_trailing_comma_and_a_minus_sign_are_fine(tmp_path):
    path = tmp_path / "refs.csv"
    path.write_text("id,subject,value,unit,\na,Port,-12%,,\nb,Port,+5,km,\n", encoding="utf-8")
    rows = claimcheck.load_references(path).rows
    assert [(row.id, row.value, row.unit) for row in rows] == [("a", -12, "%"), ("b", 5, "km")]
