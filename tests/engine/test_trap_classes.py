"""The trap classes, a table per language (tests/cases/trap_classes/): each case names the
trap table it is about and the claims left. A case where the trap fires lists under
`rejected` the numbers that table sets aside (as extract --explain names them), or under
`covered` the words it covers (a trap over "the first step" leaves no superlative); a near
miss, text that looks like the class but states a figure, lists neither."""

from __future__ import annotations

import tomllib

import pytest
from places import CASES

import claimcheck
from claimcheck import rules
from claimcheck.rules.grammar import grammar

TABLES = sorted((CASES / "trap_classes").glob("*.toml"))
CASES_ = [
    pytest.param(case, id=f"{path.stem}: {case['trap']}: {case['text'][:40]}")
    for path in TABLES
    for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]
]
TRAP_NAMES = {name for code in (*rules.languages(), "common") for name in rules.language(code).traps}


@pytest.mark.parametrize("case", CASES_)
def test_trap_class(case):
    assert case["trap"] in TRAP_NAMES, f"no trap table is named {case['trap']!r}"
    document = claimcheck.extract_document(case["text"], lang=case.get("lang"), explain=True)
    assert [claim.text for claim in document.claims] == case["claims"]
    set_aside = [number.text for number in document.rejected if number.reason == case["trap"]]
    assert set_aside == case.get("rejected", [])
    spans = [span for rule in grammar().traps if rule.name == case["trap"] for span in rule.spans(case["text"])]
    for words in case.get("covered", []):
        start = case["text"].index(words)
        assert any(s <= start and start + len(words) <= e for s, e in spans), f"{words!r} is not covered"


def test_each_table_has_cases_both_ways():
    """Every class named here has a case where it fires and a near miss where it must not."""

    def fires(case):
        return bool(case.get("rejected") or case.get("covered"))

    fired = {case.values[0]["trap"] for case in CASES_ if fires(case.values[0])}
    missed = {case.values[0]["trap"] for case in CASES_ if not fires(case.values[0])}
    assert fired - missed == set(), "classes without a near miss"
