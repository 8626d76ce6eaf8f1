"""The verifier's rules as tables: intervals, periods and matching (tests/cases/verify/)."""

from __future__ import annotations

import json
import math
import tomllib

import pytest
from places import CASES

import claimcheck
from claimcheck.verification.intervals import claim_interval, parse_approximation
from claimcheck.verification.periods import conflict, read_period

CASES = CASES / "verify"


def _cases(name: str) -> list[dict]:
    return tomllib.loads((CASES / name).read_text(encoding="utf-8"))["case"]


def _claim(draft: str, written: str) -> claimcheck.Claim:
    claims = [claim for claim in claimcheck.extract(draft) if claim.text == written]
    assert claims, f"{written!r} not extracted from {draft!r}: {[c.text for c in claimcheck.extract(draft)]}"
    return claims[0]


@pytest.mark.parametrize("case", _cases("intervals.toml"), ids=lambda case: case["claim"])
def test_claim_interval(case):
    claim = _claim(case["draft"], case["claim"])
    interval = claim_interval(claim, case.get("approximation", 0.05))
    low, high = case["interval"]
    assert math.isclose(interval.low, low, rel_tol=1e-9) or interval.low == low, str(interval)
    assert math.isclose(interval.high, high, rel_tol=1e-9) or interval.high == high, str(interval)
    assert [interval.low_closed, interval.high_closed] == case["closed"], str(interval)


@pytest.mark.parametrize("case", _cases("periods.toml"), ids=lambda case: f"{case['as_of']} vs {case['time']}")
def test_period_conflict(case):
    assert conflict(read_period(case["as_of"]), read_period(case["time"])) is case["conflict"]
    assert conflict(read_period(case["time"]), read_period(case["as_of"])) is case["conflict"]


@pytest.mark.parametrize("case", _cases("matching.toml"), ids=lambda case: case["name"])
def test_matching_rule(case, tmp_path):
    table = tmp_path / "refs.json"
    table.write_text(json.dumps(case["rows"], ensure_ascii=False), encoding="utf-8")
    references = claimcheck.load_references(table)
    claim = _claim(case["draft"], case["claim"])
    [verdict] = claimcheck.verify([claim], references, approximation=case.get("approximation"))
    assert verdict.claim_id == claim.id
    assert verdict.status == case["status"], verdict.reason
    if "reference" in case:
        assert verdict.reference is not None and verdict.reference.id == case["reference"]
    if verdict.status == "unsourced":
        assert verdict.reference is None and verdict.difference is None
    else:
        assert verdict.reference is not None
    if "difference" in case:
        assert verdict.difference is not None and math.isclose(verdict.difference, case["difference"], rel_tol=1e-6)
    if "relative" in case:
        assert math.isclose(verdict.relative_difference, case["relative"], rel_tol=1e-4)
    if "candidates" in case:
        assert verdict.candidates == case["candidates"]
    if "reason" in case:
        assert case["reason"] in verdict.reason


def test_a_claim_without_a_figure_is_unsourced_and_says_so():
    claim = _claim("藍峰汽車十月售出33,662輛新車。", "33,662輛").model_copy(update={"value": None})
    [verdict] = claimcheck.verify([claim], [])
    assert verdict.status == "unsourced" and verdict.reason == "沒有可比較的數字"


def test_verdicts_come_in_the_order_of_the_claims():
    claims = claimcheck.extract("藍峰汽車十月售出33,662輛新車,營收86億元。Eastport handled 240,000 containers.")
    verdicts = claimcheck.verify(claims, [])
    assert [v.claim_id for v in verdicts] == [c.id for c in claims]
    assert {v.status for v in verdicts} == {"unsourced"}


@pytest.mark.parametrize(
    ("written", "expected"),
    [(None, 0.05), ("5%", 0.05), ("2.5%", 0.025), ("0.1", 0.1), (0.03, 0.03), ("0%", 0.0)],
)
def test_approximation_is_read_as_a_fraction(written, expected):
    assert math.isclose(parse_approximation(written), expected)


@pytest.mark.parametrize("written", ["five", "100%", "-1%", "1.5"])
def test_a_bad_approximation_is_refused(written):
    with pytest.raises(ValueError, match="approximation"):
        parse_approximation(written)


def test_the_traditional_reasons_say_what_the_simplified_ones_say():
    from claimcheck.rules.folding import fold
    from claimcheck.rules.reference_rules import reference_rules

    reasons = reference_rules().reasons
    hans, hant = reasons["zh"].model_dump(), reasons["zh/traditional"].model_dump()
    assert hans != hant
    assert {key: fold(text) for key, text in hant.items()} == {key: fold(text) for key, text in hans.items()}
