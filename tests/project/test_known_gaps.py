"""A case row marked `xfail` (tests/known_gaps.py) is a strict expected failure: closing the
gap fails the run until the mark is removed, and an error other than a failed assertion is
never taken for the gap."""

from __future__ import annotations

import re
import tomllib

from places import ROOT

TABLE = """
import pytest

ROWS = [
    {"name": "gap", "xfail": "not read yet", "right": False},
    {"name": "closed gap", "xfail": "not read yet", "right": True},
    {"name": "broken row", "xfail": "not read yet"},
    {"name": "plain", "right": True},
]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["name"])
def test_row(row):
    assert row["right"]
"""


def test_a_closed_gap_and_a_broken_row_fail_the_run(pytester):
    pytester.makepyfile(test_table=TABLE)
    result = pytester.runpytest("-p", "known_gaps", "-rxX")
    result.assert_outcomes(passed=1, xfailed=1, failed=2)
    failures = ["*test_row?closed gap?*", "*XPASS(strict)*not read yet", "*test_row?broken row?*", "*KeyError*"]
    result.stdout.fnmatch_lines(failures)


def test_the_row_docs_show_is_a_row_of_the_tables():
    [shown] = re.findall(r"```toml\n(.*?)```", (ROOT / "docs" / "testing.md").read_text(encoding="utf-8"), re.S)
    [row] = tomllib.loads(shown)["case"]
    tables = (ROOT / "tests" / "cases").glob("*.toml")
    assert any(row in tomllib.loads(table.read_text(encoding="utf-8"))["case"] for table in tables)
