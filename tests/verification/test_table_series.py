"""The series `refs check` lists: the level rows of one entity and metric at two periods or
more, their first and last period, how many, and the months missing inside a monthly run."""

from __future__ import annotations

import json

import pytest
from cli_run import claimcheck as run
from places import ROOT

from claimcheck.references.tables import load_references
from claimcheck.verification.table_series import checked_table, gaps, table_series

DEMO = ROOT / "fixtures" / "series-demo"
HEADER = "id,subject,metric,as_of,basis,modality,group,value,unit\n"


def series_of(tmp_path, rows: str):
    (tmp_path / "t.csv").write_text(HEADER + rows, encoding="utf-8")
    return table_series(load_references(str(tmp_path / "t.csv")))


@pytest.mark.parametrize(
    ("spans", "missing"),
    [
        ([((2025, 1), (2025, 1)), ((2025, 2), (2025, 2))], []),
        ([((2025, 1), (2025, 1)), ((2025, 3), (2025, 3))], ["2025-02"]),
        ([((2024, 11), (2024, 11)), ((2025, 3), (2025, 3))], ["2024-12/2025-02"]),
        ([((2025, 1), (2025, 1)), ((2025, 3), (2025, 3)), ((2025, 6), (2025, 6))], ["2025-02", "2025-04/2025-05"]),
        # a quarter or a year among the months is a period of its own, no month of a run
        ([((2025, 1), (2025, 1)), ((2025, 1), (2025, 3)), ((2025, 2), (2025, 2))], []),
        ([((2024, 1), (2024, 12)), ((2025, 1), (2025, 12))], []),
        ([((2025, 5), (2025, 5))], []),
    ],
)
def test_gaps_are_the_months_missing_between_the_first_and_last_month(spans, missing):
    assert gaps(spans) == missing


def test_the_demo_table_holds_two_series_with_their_gaps():
    found = table_series(load_references(str(DEMO / "references.csv")))
    assert [(s.name, s.unit, s.group, s.first, s.last, s.periods, s.gaps) for s in found] == [
        ("远航汽车 · 交付", "辆", "新势力", "2024-10", "2025-11", 5, ["2024-12/2025-07", "2025-09"]),
        ("Harbor Pine · revenue", "million dollars", None, "2024-11", "2025-11", 3, ["2024-12/2025-09"]),
    ]
    assert found[0].rows == ["yh-2024-10", "yh-2024-11", "yh-2025-08", "yh-2025-10", "yh-2025-11"]


def test_a_row_at_one_period_a_change_row_and_a_row_without_a_period_form_no_series(tmp_path):
    rows = (
        "a1,Acme,revenue,2025-01,level,,,10,亿元\n"
        "b1,Bolt,revenue,2025-01,,,,12,亿元\n"
        "a2,Acme,revenue,2025-02,yoy,,,5,%\n"
        "a3,Acme,revenue,,level,,,11,亿元\n"
    )
    assert series_of(tmp_path, rows) == []


def test_spellings_that_fold_alike_are_one_series_and_units_apart_are_two(tmp_path):
    rows = (
        "a1,小米汽車,交付,2025-01,,,,10,辆\n"
        "a2,小米汽车,交付,2025-02,,,,11,辆\n"
        "a3,小米汽车,交付,2025-01,,,,40,%\n"
        "a4,小米汽车,交付,2025-03,,,,41,%\n"
    )
    found = series_of(tmp_path, rows)
    assert [(s.name, s.unit, s.rows) for s in found] == [
        ("小米汽車 · 交付", "辆", ["a1", "a2"]),
        ("小米汽车 · 交付", "%", ["a3", "a4"]),
    ]
    assert found[1].gaps == ["2025-02"]


def test_modality_and_group_keep_series_apart(tmp_path):
    rows = (
        "t1,Acme,deliveries,2025-01,,target,EV makers,100,units\n"
        "t2,Acme,deliveries,2025-02,,target,EV makers,110,units\n"
        "r1,Acme,deliveries,2025-01,,,,90,units\n"
        "r2,Acme,deliveries,2025-02,,,,95,units\n"
    )
    found = series_of(tmp_path, rows)
    assert [(s.modality, s.group, s.rows) for s in found] == [
        ("target", "EV makers", ["t1", "t2"]),
        ("actual", None, ["r1", "r2"]),
    ]


def test_the_json_of_a_table_keeps_its_fields_and_adds_the_series_last():
    table = load_references(str(DEMO / "references.csv"))
    before = json.loads(table.model_dump_json())
    after = json.loads(checked_table(table).model_dump_json())
    assert list(after) == [*before, "series"]
    assert {key: after[key] for key in before} == before


def test_refs_check_lists_the_series_after_the_rows():
    result = run("refs", "check", "references.csv", cwd=DEMO)
    assert result.returncode == 0, result.stderr
    tail = result.stdout.split("\n\n", 1)[1].splitlines()
    assert tail[0] == "2 series (rows of one entity and metric at several periods)"
    assert tail[1].split() == ["series", "unit", "modality", "group", "periods", "count", "gaps"]
    assert tail[3].split("  ")[0] == "远航汽车 · 交付"
    assert tail[3].endswith("2024-10…2025-11  5      2024-12/2025-07, 2025-09")


def test_refs_check_json_has_the_series(tmp_path):
    result = run("refs", "check", "references.csv", "-f", "json", cwd=DEMO)
    series = json.loads(result.stdout)["series"]
    assert [s["name"] for s in series] == ["远航汽车 · 交付", "Harbor Pine · revenue"]
    assert series[1] == {
        "name": "Harbor Pine · revenue",
        "unit": "million dollars",
        "modality": "actual",
        "group": None,
        "first": "2024-11",
        "last": "2025-11",
        "periods": 3,
        "gaps": ["2024-12/2025-09"],
        "rows": ["hp-2024-11", "hp-2025-10", "hp-2025-11"],
    }


def test_a_table_without_series_prints_no_series_section(tmp_path):
    (tmp_path / "t.csv").write_text(HEADER + "a1,Acme,revenue,2025-01,,,,10,亿元\n", encoding="utf-8")
    result = run("refs", "check", "t.csv", cwd=tmp_path)
    assert "series" not in result.stdout
    assert json.loads(run("refs", "check", "t.csv", "-f", "json", cwd=tmp_path).stdout)["series"] == []


def test_a_terminal_is_shown_the_series_as_a_table_after_the_rows():
    from claimcheck.render.refs.table import render_rich

    shown = render_rich(checked_table(load_references(str(DEMO / "references.csv"))))
    after = shown.split("2 series (rows of one entity and metric at several periods)", 1)[1]
    assert "│ 远航汽车 · 交付" in after and "│ 2024-10…2025-11 │ 5     │ 2024-12/2025-07, 2025-09 │" in after
    assert "│ yh-2024-10" not in after  # the rows come before
