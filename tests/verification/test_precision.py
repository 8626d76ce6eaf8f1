"""Written precision, read from the claim's text: tests/cases/verify/precision.toml."""

from __future__ import annotations

import math
import tomllib
import unicodedata

import pytest
from places import CASES

from claimcheck.rules.grammar import grammar
from claimcheck.verification.precision import _by_grammar, _simple, claim_step

CASES = tomllib.loads((CASES / "verify" / "precision.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["case"], ids=[case["text"] for case in CASES["case"]])
def test_step_of_a_written_figure(case):
    step = claim_step(case["text"], case["value"])
    if case["step"] == "none":
        assert step is None
    else:
        assert step is not None and math.isclose(step, case["step"], rel_tol=1e-9), f"step {step}"


FAST_PATH_TEXTS = [case["text"] for case in CASES["case"]] + [
    "about 2,300 jobs",
    "more than 300 vehicles",
    "$4.50",
    "2,671 km",
    "nearly 40%",
    "6 per cent",
    "約為86.4億元人民幣",
    "不到45分鐘",
    "３３，６６２輛",
    "1萬5千",
    "1.5 million",
    "10m",
    "€450m",
    "5000元至8000元",
    "Q3 2,000",
]


@pytest.mark.parametrize("text", FAST_PATH_TEXTS)
def test_the_fast_path_reads_what_the_grammar_reads(text):
    """Most figures skip the grammar; where they do, the answer must be the grammar's."""
    g = grammar()
    clean = unicodedata.normalize("NFKC", text)
    fast = _simple(clean, g)
    if fast is not None:
        assert fast == _by_grammar(clean, g)


def test_the_fast_path_takes_the_common_figures():
    g = grammar()
    taken = [text for text in ("33,662輛", "超2.61億公里", "about 2,300 jobs", "12%") if _simple(text, g) is not None]
    assert len(taken) == 4
    assert _simple("1.5 million", g) is None and _simple("10至15萬元", g) is None
