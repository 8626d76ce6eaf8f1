"""The fixture articles: claims found in context, with values, and traps left alone."""

from __future__ import annotations

import math
import tomllib

import pytest
from places import ROOT

import claimcheck

FIXTURES = tomllib.loads((ROOT / "tests" / "fixture_claims.toml").read_text(encoding="utf-8"))["fixture"]


def _extract(name: str) -> tuple[str, list[claimcheck.Claim]]:
    text = (ROOT / "fixtures" / name).read_text(encoding="utf-8")
    return text, claimcheck.extract(text)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f["file"] for f in FIXTURES])
def test_fixture_claims(fixture):
    text, claims = _extract(fixture["file"])
    by_text = {}
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        by_text.setdefault(claim.figure.text if claim.figure else claim.text, claim)
    missing = [expected[0] for expected in fixture["claims"] if expected[0] not in by_text]
    assert not missing, f"not found: {missing}"
    for written, value, unit, qualifier in fixture["claims"]:
        claim = by_text[written]
        assert math.isclose(claim.value, value, rel_tol=1e-9), written
        assert (claim.unit_canonical or "", claim.qualifier) == (unit, qualifier), written


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f["file"] for f in FIXTURES])
def test_fixture_traps(fixture):
    text, claims = _extract(fixture["file"])
    for trap in fixture["not_claims"]:
        start = text.find(trap)
        assert start >= 0, f"{trap!r} is not in the fixture"
        end = start + len(trap)
        figures = [c.figure for c in claims if c.figure]  # ranks and superlatives are found in their own tests
        overlapping = [f.text for f in figures if f.start < end and start < f.end]
        assert not overlapping, f"{trap!r} gave {overlapping}"
