"""Explain: every number read and not reported as a claim, with what set it aside (the cases
in tests/cases/explain/), and what holds on every fixture: the claims are those given
without explain, each listed number is the input's text at its offsets, none is inside a
claim, and each rule named is an entry of the file named."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from places import CASES, ROOT

import claimcheck
from claimcheck import rules

EXPLAIN_CASES = [
    pytest.param(case, id=case["name"])
    for case in tomllib.loads((CASES / "explain" / "rejected.toml").read_text(encoding="utf-8"))["case"]
]
FIXTURES = sorted((ROOT / "fixtures").glob("*.txt"))


@pytest.mark.parametrize("case", EXPLAIN_CASES)
def test_rejected(case):
    document = claimcheck.extract_document(case["text"], explain=True, min_checkworthy=case.get("min_checkworthy", 0.0))
    assert [claim.text for claim in document.claims] == case["claims"]
    found = [
        {"text": r.text, "reason": r.reason, **({"rule": f"{r.rule_file} {r.rule_entry}"} if r.rule_file else {})}
        for r in document.rejected
    ]
    assert found == case["rejected"]


def test_without_explain_nothing_is_listed():
    document = claimcheck.extract_document("618大促期間,銷量達618.5萬輛。")
    assert document.rejected is None
    assert "rejected" not in document.model_dump_json()


@pytest.fixture(scope="module", params=FIXTURES, ids=lambda path: path.name)
def explained(request):
    text = request.param.read_text(encoding="utf-8")
    return text, claimcheck.extract_document(text, explain=True)


def test_explain_changes_no_claim(explained):
    text, document = explained
    assert document.claims == claimcheck.extract_document(text).claims


# Numbers the engine leaves unread: a digit touching a trap's word (第一0), a code's later
# digits (1e1e1e), a number starting inside a date.
@pytest.mark.parametrize(
    "text",
    [
        "小米汽車0，銷量第一0，",
        "銷量第一1,000，",
        "引擎A320neo與1e1e1e共7架。",
        "2025年3月5日交付12輛",
        "銷量第一0和第二1",
    ],
)
def test_explain_changes_no_claim_where_numbers_are_left_unread(text):
    explained = claimcheck.extract_document(text, explain=True)
    assert explained.claims == claimcheck.extract_document(text).claims
    assert explained.rejected


def test_each_listed_number_is_the_input_at_its_offsets(explained):
    text, document = explained
    assert document.rejected, "every fixture sets some number aside"
    lines = text.split("\n")
    for number in document.rejected:
        assert text[number.start : number.end] == number.text
        assert lines[number.line - 1][number.column - 1 :].startswith(number.text.split("\n")[0])
    assert [(r.start, r.end) for r in document.rejected] == sorted((r.start, r.end) for r in document.rejected)


def test_no_listed_number_is_inside_a_claim(explained):
    _, document = explained
    for number in document.rejected:
        for claim in document.claims:
            assert not (number.start < claim.end and claim.start < number.end), (number.text, claim.text)


def test_each_rule_named_is_an_entry_of_its_file(explained):
    _, document = explained
    files = {
        f"{rules.folder(code).file(name).label}": (code, name)
        for code in (*rules.languages(), "common")
        for name in ("traps.toml", "periods.toml")
    }
    for number in document.rejected:
        if number.rule_file is None:
            continue
        code, name = files[number.rule_file]
        entry: object = tomllib.loads((Path(rules.folder(code).path) / name).read_text(encoding="utf-8"))
        for key in number.rule_entry.split("."):
            entry = entry[int(key)] if isinstance(entry, list) else entry[key]
        assert entry, number.rule_entry
