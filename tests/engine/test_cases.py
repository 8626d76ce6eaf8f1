"""Run the case tables in tests/cases/*.toml against claimcheck.extract."""

from __future__ import annotations

import math
import tomllib

import pytest
from places import CASES

import claimcheck

NONE = "__none__"  # TOML has no null: a case writes this for a field that must be empty


def _load():
    for path in sorted(CASES.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


def field_as_written(claim: claimcheck.Claim, field: str, claims: list[claimcheck.Claim]):
    """A field as a case writes it: spans by their text, related claims by theirs."""
    if field == "related":
        by_id = {c.id: c.text for c in claims}
        return [by_id[i] for i in claim.related]
    value = getattr(claim, field)
    return value.text if isinstance(value, claimcheck.TextSpan) else value


def same(expected, actual) -> bool:
    if expected == NONE:
        return actual is None
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
            actual = field_as_written(claim, field, claims)
            assert same(value, actual), f"{claim.text}: {field} is {actual!r}, expected {value!r}"
