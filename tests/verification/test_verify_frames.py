"""Verification by frame: each slot as a table of cases (tests/cases/verify/frames.toml),
and what `verify(..., explain=True)` says about the rows it considered."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from places import CASES, ROOT

import claimcheck
from claimcheck.models import Frame, FramePeriod, TextSpan
from claimcheck.verification.periods import read_period
from claimcheck.verification.slots import Resolved, resolved_conflict

CASES = tomllib.loads((CASES / "verify" / "frames.toml").read_text(encoding="utf-8"))


def _span(draft: str, text: str) -> TextSpan:
    """Where `text` is in the draft; a name carried from elsewhere (a headline) lies after it."""
    start = draft.find(text)
    if start < 0:
        start = len(draft) + 1
    return TextSpan(text=text, start=start, end=start + len(text))


def _framed(draft: str, written: str, frame: dict) -> claimcheck.Claim:
    claims = [claim for claim in claimcheck.extract(draft) if claim.text == written]
    assert claims, f"{written!r} not extracted from {draft!r}: {[c.text for c in claimcheck.extract(draft)]}"
    period = None
    if "period" in frame:
        start, end = frame["period"]
        period = FramePeriod(start=start, end=end, how="written")
    elif "period_text" in frame:
        period = FramePeriod(span=_span(draft, frame["period_text"]), how="unresolved")
    entity = _span(draft, frame["entity"]) if "entity" in frame else None
    return claims[0].model_copy(
        update={
            "frame": Frame(
                entity=entity,
                entity_from="clause" if entity is not None else None,
                noun=frame.get("noun"),
                period=period,
                basis=frame.get("basis", "level"),
                modality=frame.get("modality", "actual"),
            )
        }
    )


def _table(tmp_path: Path, rows: list[dict]) -> claimcheck.ReferenceTable:
    path = tmp_path / "refs.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return claimcheck.load_references(path)


@pytest.mark.parametrize("case", CASES["case"], ids=lambda case: case["name"])
def test_a_row_backs_or_contradicts_a_claim_only_in_its_frame(case, tmp_path):
    claim = _framed(case["draft"], case["claim"], case.get("frame", {}))
    [verdict] = claimcheck.verify([claim], _table(tmp_path, case["rows"]))
    assert verdict.status == case["status"], verdict.reason
    if "reference" in case:
        assert verdict.reference is not None and verdict.reference.id == case["reference"]
    if verdict.status == "unsourced":
        assert verdict.reference is None and verdict.difference is None
    if "candidates" in case:
        assert verdict.candidates == case["candidates"]
    if "reason" in case:
        assert case["reason"] in verdict.reason
    assert "considered" not in json.loads(verdict.model_dump_json())
    # Explaining changes nothing of the verdict, and accounts for the row it names.
    [explained] = claimcheck.verify([claim], _table(tmp_path, case["rows"]), explain=True)
    assert explained.model_dump(exclude={"considered"}) == verdict.model_dump(exclude={"considered"})
    assert explained.considered is not None
    if verdict.reference is not None:
        [named] = [row for row in explained.considered if row.id == verdict.reference.id]
        assert named.outcome == ("backs" if verdict.status == "sourced" else "contradicts")


def _desk_claim(draft: str, written: str, **frame) -> claimcheck.Claim:
    return _framed(draft, written, frame)


def test_explain_lists_every_row_and_the_slot_that_ruled_it_out(tmp_path):
    rows = [
        {"id": "yoy", "subject": "宏晶", "metric": "營收", "as_of": "2025-11", "basis": "年增", "value": "16.8%"},
        {"id": "oct", "subject": "宏晶", "metric": "營收", "as_of": "2025-10", "basis": "月增", "value": "3.5%"},
        {"id": "nov", "subject": "宏晶", "metric": "營收", "as_of": "2025-11", "basis": "月增", "value": "3.9%"},
        {"id": "other", "subject": "遠翔航空", "metric": "營收", "as_of": "2025-11", "basis": "月增", "value": "3.2%"},
        {
            "id": "level",
            "subject": "宏晶",
            "metric": "營收",
            "as_of": "2025-11",
            "basis": "",
            "value": "2650.3億",
            "unit": "元",
        },
        {
            "id": "estimate",
            "subject": "宏晶",
            "metric": "營收",
            "as_of": "2025-11",
            "basis": "月增",
            "modality": "estimate",
            "value": "3.2%",
        },
        {"id": "capacity", "subject": "宏晶", "metric": "產能", "as_of": "2025-11", "basis": "月增", "value": "3.2%"},
    ]
    november = ["2025-11", "2025-11"]
    claim = _desk_claim("宏晶11月營收月增3.2%,高於遠翔航空。", "月增3.2%", entity="宏晶", basis="mom", period=november)
    [verdict] = claimcheck.verify([claim], _table(tmp_path, rows), explain=True)
    assert verdict.status == "mismatch" and verdict.reference.id == "nov"
    seen = {row.id: (row.outcome, row.slot) for row in verdict.considered}
    assert seen == {
        "yoy": ("ruled out", "basis"),
        "oct": ("ruled out", "period"),
        "nov": ("contradicts", None),
        "other": ("ruled out", "entity"),
        "level": ("ruled out", "unit"),
        "estimate": ("ruled out", "modality"),
        "capacity": ("ruled out", "metric"),
    }
    details = {row.id: row.detail for row in verdict.considered}
    assert details["oct"] == "參考表中這一行是 2025-10 的數據,本數字是 2025-11 的"
    assert [row.row for row in verdict.considered] == sorted(row.row for row in verdict.considered)
    dumped = json.loads(verdict.model_dump_json())
    assert set(dumped["considered"][0]) == {"id", "table", "row", "value_text", "outcome", "slot", "detail"}


def test_explain_names_the_factor_and_the_row_that_backs(tmp_path):
    rows = [
        {
            "id": "nov",
            "subject": "宏晶",
            "metric": "營收",
            "as_of": "2025-11",
            "value": "2650.3億",
            "unit": "元",
            "basis": "",
        },
    ]
    november = ["2025-11", "2025-11"]
    far = _desk_claim("宏晶11月營收265.03億元。", "265.03億元", entity="宏晶", period=november)
    right = _desk_claim("宏晶11月營收2650.3億元。", "2650.3億元", entity="宏晶", period=november)
    verdicts = claimcheck.verify([far, right], _table(tmp_path, rows), explain=True)
    outcomes = [(v.considered[0].outcome, v.considered[0].slot) for v in verdicts]
    assert outcomes == [("ruled out", "factor"), ("backs", None)]


@pytest.mark.parametrize("case", CASES["period"], ids=lambda case: f"{'/'.join(case['claim'])} vs {case['as_of']}")
def test_a_resolved_period_against_an_as_of(case):
    start, end = case["claim"]
    resolved = Resolved.of(FramePeriod(start=start, end=end, how="document date"))
    assert resolved_conflict(resolved, read_period(case["as_of"])) is case["conflict"]


def test_the_newsroom_desk_loads_in_the_frame_shape():
    """The desk's table in the frame's shape loads, and the frame rules hold on its rows."""
    table = claimcheck.load_references(ROOT / "fixtures/newsroom/wire/desk.csv")
    guidance = next(row for row in table.rows if row.id == "hp-guidance-2025")
    assert (guidance.value, guidance.value_max, guidance.modality) == (48600000000, 49000000000, "guidance")
    assert {row.basis for row in table.rows} == {"level", "yoy", "mom"}
