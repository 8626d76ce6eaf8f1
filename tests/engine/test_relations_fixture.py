"""Ranks, comparisons and superlatives in the fixture articles, with their context."""

from __future__ import annotations

import tomllib

import pytest
from places import ROOT
from test_cases import field_as_written, same

import claimcheck

FIXTURES = tomllib.loads((ROOT / "tests" / "fixture_relations.toml").read_text(encoding="utf-8"))["fixture"]
RELATIONS = ("rank", "comparison", "superlative")


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f["file"] for f in FIXTURES])
def test_relations_in_context(fixture):
    text = (ROOT / "fixtures" / fixture["file"]).read_text(encoding="utf-8")
    claims = claimcheck.extract(text)
    by_text = {c.text: c for c in claims}
    missing = [e["text"] for e in fixture["claims"] if e["text"] not in by_text]
    assert not missing, f"not found: {missing}"
    for expected in fixture["claims"]:
        claim = by_text[expected["text"]]
        for name, value in expected.items():
            actual = field_as_written(claim, name, claims)
            assert same(value, actual), f"{claim.text}: {name} is {actual!r}, expected {value!r}"


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f["file"] for f in FIXTURES])
def test_no_relation_where_there_is_none(fixture):
    text = (ROOT / "fixtures" / fixture["file"]).read_text(encoding="utf-8")
    relations = [c for c in claimcheck.extract(text) if c.kind in RELATIONS]
    for phrase in fixture["not_relations"]:
        start = text.index(phrase)
        end = start + len(phrase)
        assert not [c.text for c in relations if c.start < end and start < c.end], phrase


def test_figures_only_skips_relations_and_context():
    text = (ROOT / "fixtures" / "en-rankings.txt").read_text(encoding="utf-8")
    figures = claimcheck.extract(text, figures_only=True)
    assert figures and all(c.kind not in RELATIONS for c in figures)
    assert all(c.subject is None and c.metric is None for c in figures)
    assert "12.4%" in [c.text for c in figures]  # the figure of "up 12.4%", read alone
