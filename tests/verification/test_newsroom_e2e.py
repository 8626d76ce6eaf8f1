"""The newsroom wire set end to end: every claim of every draft gets the verdict a
fact-checker expects (fixtures/newsroom/wire/e2e_*.toml), and the set as a whole meets the
gate's targets. Scored by scripts/newsroom.py, which also prints the figures for the docs."""

from __future__ import annotations

import importlib.util
import sys

import pytest
from places import ROOT

_spec = importlib.util.spec_from_file_location("newsroom", ROOT / "scripts" / "newsroom.py")
newsroom = importlib.util.module_from_spec(_spec)
sys.modules["newsroom"] = newsroom  # its dataclasses look their module up
_spec.loader.exec_module(newsroom)

EXPECTED = [entry for entries in newsroom.expectations().values() for entry in entries]


@pytest.fixture(scope="module")
def score():
    return newsroom.score()


@pytest.mark.parametrize("entry", EXPECTED, ids=lambda e: f"{e.draft}:{e.line}:{e.text}")
def test_each_claim_gets_the_expected_verdict(score, entry, request):
    outcome = next(o for o in score.outcomes if o.expected == entry)
    if entry.xfail:
        request.applymarker(pytest.mark.xfail(reason=entry.xfail, strict=True))
    assert outcome.agrees, newsroom._describe(outcome)


def test_every_claim_reported_is_expected(score):
    assert [newsroom._describe(o) for o in score.unexpected] == []


def test_the_gate_does_not_cry_wolf(score):
    assert len(score.false_mismatches) <= score.claims / 100, [newsroom._describe(o) for o in score.false_mismatches]


def test_planted_errors_are_caught(score):
    missed = [newsroom._describe(o) for o in score.planted if o not in score.planted_caught]
    assert len(score.planted_caught) >= 0.95 * len(score.planted), missed


def test_no_claim_is_sourced_by_a_row_of_another_frame(score):
    assert [newsroom._describe(o) for o in score.other_frame_sourced] == []
