"""Run the case tables in tests/cases/*.toml against claimcheck.extract."""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import pytest

import claimcheck

CASES = Path(__file__).parent / "cases"


def _load():
    for path in sorted(CASES.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


def _actual(claim: claimcheck.Claim, field: str):
    if field == "time":
        return claim.time.text if claim.time else None
    return getattr(claim, field)


def _same(expected, actual) -> bool:
    if isinstance(expected, float) or isinstance(actual, float):
        return actual is not None and math.isclose(expected, actual, rel_tol=1e-9)
    return expected == actual


@pytest.mark.parametrize("case", list(_load()))
def test_case(case):
    text = case["text"]
    claims = claimcheck.extract(text, lang=case.get("lang"))
    found = [c.text for c in claims]
    assert len(claims) == len(case["expect"]), f"found {found}"
    for claim, expected in zip(claims, case["expect"], strict=True):
        assert text[claim.start : claim.end] == claim.text
        for field, value in expected.items():
            actual = _actual(claim, field)
            assert _same(value, actual), f"{claim.text}: {field} is {actual!r}, expected {value!r}"
