"""End to end: every claim of an article against a reference table written for it."""

from __future__ import annotations

import math
import tomllib

import pytest
from places import ROOT

import claimcheck

CASES = ROOT / "tests" / "cases" / "verify"


def _verdicts(case: dict) -> list[list]:
    text = (ROOT / case["article"]).read_text(encoding="utf-8")
    claims = claimcheck.extract(text)
    verdicts = claimcheck.verify(claims, claimcheck.load_references(ROOT / case["table"]))
    return [
        [c.kind, c.text, v.status, v.reference.id if v.reference else "", v.difference or 0]
        for c, v in zip(claims, verdicts, strict=True)
    ]


def _compare(actual: list[list], expected: list[list]) -> None:
    seen = [row[:4] for row in actual]
    wanted = [row[:4] for row in expected]
    assert seen == wanted, "claims or verdicts changed: update the case file after checking each one"
    for got, want in zip(actual, expected, strict=True):
        assert math.isclose(got[4], want[4], abs_tol=1e-6), got


@pytest.mark.parametrize("name", ["e2e_zh_hant_ev_market.toml"])
def test_every_claim_of_a_fixture_article(name):
    case = tomllib.loads((CASES / name).read_text(encoding="utf-8"))
    actual = _verdicts(case)
    _compare(actual, case["claims"])
    statuses = {row[2] for row in actual}
    assert statuses == {"sourced", "mismatch", "unsourced"}


def test_every_claim_of_the_seed_article():
    case = tomllib.loads((CASES / "e2e_seed.toml").read_text(encoding="utf-8"))
    if not (ROOT / case["article"]).exists():
        pytest.skip("shared seed article not present")
    _compare(_verdicts(case), case["claims"])
