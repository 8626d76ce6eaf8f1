"""Figures computed from the table's level rows (tests/cases/verify/computed.toml): each
operation, each basis, precision through the arithmetic, ranks with and without a group,
streaks, cumulative sums with a month missing, and a direct row that still decides."""

from __future__ import annotations

import datetime
import json
import tomllib
from pathlib import Path

import pytest
from places import CASES

import claimcheck

CASES = tomllib.loads((CASES / "verify" / "computed.toml").read_text(encoding="utf-8"))["case"]
_OPTIONAL = ("modality", "group", "tolerance")


def _rows(case: dict) -> list[dict]:
    rows = []
    for series in case.get("series", []):
        for period, value in series["values"].items():
            row = {key: series[key] for key in ("subject", "metric", "unit")}
            row |= {key: series.get(key, "") for key in _OPTIONAL}
            rows.append(row | {"id": f"{series['id']}-{period}", "as_of": period, "value": value, "basis": ""})
    for row in case.get("rows", []):
        rows.append({key: "" for key in (*_OPTIONAL, "basis")} | row)
    return rows


def _table(tmp_path: Path, case: dict) -> claimcheck.ReferenceTable:
    path = tmp_path / "levels.json"
    path.write_text(json.dumps(_rows(case), ensure_ascii=False), encoding="utf-8")
    return claimcheck.load_references(path)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["name"])
def test_a_figure_the_table_does_not_hold_is_computed_from_rows_it_does(case, tmp_path):
    claims = claimcheck.extract(case["draft"], date=datetime.date.fromisoformat(case["date"]))
    texts = [claim.text for claim in claims]
    assert case["claim"] in texts, texts
    verdicts = claimcheck.verify(claims, _table(tmp_path, case))
    [verdict] = [v for c, v in zip(claims, verdicts, strict=True) if c.text == case["claim"]]
    assert verdict.status == case["status"], verdict.reason
    computation = verdict.computation
    if case.get("computed") is False:
        assert computation is None, computation
    if "reference" in case:
        assert verdict.reference is not None and verdict.reference.id == case["reference"]
    elif computation is not None:
        assert verdict.reference is None
    if "operation" in case:
        assert computation is not None and computation.operation == case["operation"], verdict.reason
    if "used" in case:
        assert {row.id for row in computation.rows} == set(case["used"])
    if "result" in case:
        assert computation.result == pytest.approx(case["result"], abs=0.01)
    if computation is not None and not computation.missing and computation.operation not in ("streak",):
        assert computation.low <= computation.result <= computation.high
    if "reason" in case:
        assert case["reason"] in verdict.reason
    if verdict.status == "mismatch" and verdict.reference is None:
        assert computation is not None and verdict.difference is not None


def test_the_computation_is_in_the_json_only_when_there_is_one(tmp_path):
    case = next(case for case in CASES if case["operation" if "operation" in case else "name"] == "relative change")
    claims = claimcheck.extract(case["draft"], date=datetime.date.fromisoformat(case["date"]))
    verdicts = claimcheck.verify(claims, _table(tmp_path, case))
    shown = [json.loads(verdict.model_dump_json()) for verdict in verdicts]
    assert [("computation" in record) for record in shown] == [v.computation is not None for v in verdicts]
    computed = next(record for record in shown if "computation" in record)
    assert computed["computation"]["operation"] == "relative change"
    assert [row["id"] for row in computed["computation"]["rows"]] == ["yh-2025-11", "yh-2024-11"]
