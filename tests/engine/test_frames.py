"""Run the frame tables in tests/cases/frames/*.toml: a text, and for the claims named by their
text, the slots of their frame (entity, entity_from, metric, noun, basis, modality) and the
claim fields a case gives (qualifier, value, value_max). `claims` lists every claim's text
where a case says how the text is split into claims (ranges)."""

from __future__ import annotations

import tomllib

import pytest
from places import CASES
from test_cases import same

import claimcheck

FRAMES = CASES / "frames"
FRAME_SLOTS = ("entity", "entity_from", "metric", "noun", "basis", "modality")


def _load():
    for path in sorted(FRAMES.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


def _written(value):
    return value.text if isinstance(value, claimcheck.TextSpan) else value


@pytest.mark.parametrize("case", list(_load()))
def test_frame(case):
    claims = claimcheck.extract(case["text"], lang=case.get("lang"))
    texts = [c.text for c in claims]
    if "claims" in case:
        assert texts == case["claims"]
    for expected in case["expect"]:
        nth = expected.get("nth", 1)
        found = [c for c in claims if c.text == expected["text"]]
        assert len(found) >= nth, f"no claim {expected['text']!r} in {texts}"
        claim = found[nth - 1]
        assert claim.frame is not None
        for field, value in expected.items():
            if field in ("text", "nth"):
                continue
            source = claim.frame if field in FRAME_SLOTS else claim
            actual = _written(getattr(source, field))
            assert same(value, actual), f"{claim.text}: {field} is {actual!r}, expected {value!r}"
