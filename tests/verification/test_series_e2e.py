"""The newsroom series set itself (fixtures/newsroom/series/): a table of levels in the series
shape, expectations that name rows it holds, and the rule by which scripts/newsroom.py scores a
computed expectation. Its claims are run against their expectations with the wire set's, in
test_newsroom_e2e.py."""

from __future__ import annotations

import csv
import importlib.util
import sys

import pytest
from places import ROOT

_spec = importlib.util.spec_from_file_location("newsroom", ROOT / "scripts" / "newsroom.py")
newsroom = importlib.util.module_from_spec(_spec)
sys.modules["newsroom"] = newsroom  # its dataclasses look their module up
_spec.loader.exec_module(newsroom)

SERIES = newsroom.SETS / "series"
EXPECTED = [entry for entries in newsroom.expectations(SERIES).values() for entry in entries]
OPERATIONS = {"relative change", "change", "multiple", "points", "share", "sum", "rank", "streak"}


# The set itself: a table in the series shape, expectations that name rows it holds.

TABLE = list(csv.DictReader((SERIES / "series.csv").open(encoding="utf-8")))
IDS = {row["id"] for row in TABLE}


def test_the_table_holds_levels_and_one_direct_change():
    assert [row["id"] for row in TABLE if row["basis"]] == ["yc-rev-yoy-2025-11"]
    assert len(IDS) == len(TABLE)


def test_series_groups_and_a_target_are_in_the_table():
    months = [row for row in TABLE if row["subject"] == "驰远汽车" and row["metric"] == "交付" and not row["modality"]]
    quarters = [row for row in TABLE if row["subject"] == "Quillon Devices" and row["metric"] == "revenue"]
    assert len(months) >= 14 and len([row for row in quarters if not row["modality"]]) >= 5
    assert {row["group"] for row in TABLE} >= {"台股", "A股汽车板块", "Nasdaq 100"}
    assert [row["id"] for row in TABLE if row["modality"] == "target"] == ["cy-deliveries-target-2025"]


@pytest.mark.parametrize("entry", [e for e in EXPECTED if e.operation], ids=lambda e: f"{e.draft}:{e.line}:{e.text}")
def test_a_computed_expectation_names_an_operation_and_rows_of_the_table(entry):
    assert entry.operation in OPERATIONS
    assert entry.rows and set(entry.rows) <= IDS, set(entry.rows) - IDS
    assert entry.status in ("sourced", "mismatch") and entry.note


def test_the_set_plants_errors_and_leaves_rows_missing():
    planted = {e.operation for e in EXPECTED if e.planted}
    assert planted >= {"relative change", "points", "streak", "multiple", "rank", "sum"}
    assert len([e for e in EXPECTED if e.note.startswith("row missing")]) >= 3


# The scoring rule for a computed expectation.

_WANT = newsroom.Expected("d.md", 1, "5%", "sourced", operation="relative change", rows=["a-2025", "a-2024"])


@pytest.mark.parametrize(
    ("status", "row", "operation", "rows", "agrees"),
    [
        ("sourced", None, "relative change", ["a-2024", "a-2025"], True),  # the rows in any order
        ("sourced", None, None, [], False),  # a verdict without a computation
        ("sourced", None, "multiple", ["a-2025", "a-2024"], False),
        ("sourced", None, "relative change", ["a-2025", "a-2023"], False),
        ("sourced", None, "relative change", ["a-2025"], False),
        ("mismatch", None, "relative change", ["a-2025", "a-2024"], False),
        ("sourced", "a-yoy-2025", "relative change", ["a-2025", "a-2024"], False),  # expected from levels alone
    ],
)
def test_a_computed_expectation_agrees_only_with_its_computation(status, row, operation, rows, agrees):
    assert newsroom.Outcome(_WANT, status, row, operation=operation, rows=rows).agrees is agrees


def test_a_direct_row_with_its_cross_check_agrees_and_is_not_another_frame():
    want = newsroom.Expected("d.md", 1, "5%", "sourced", row="a-yoy", operation="relative change", rows=["a-2", "a-1"])
    without = newsroom.Outcome(want, "sourced", "a-yoy")
    assert not without.agrees and without.same_figure
    assert newsroom.Outcome(want, "sourced", "a-yoy", operation="relative change", rows=["a-1", "a-2"]).agrees


def test_a_set_is_a_folder_of_e2e_files():
    assert newsroom.table_of(newsroom.WIRE) == "desk.csv" and newsroom.table_of(SERIES) == "series.csv"
    with pytest.raises(RuntimeError, match="no set named"):
        newsroom.set_folder("..")
    assert newsroom.main(["--set", "no-such-set"]) == 2
