"""A lead (claimcheck.rules.lead) is a lookahead of what every match of a pattern that opens
with a lookbehind starts with: it changes no match, only where the lookbehind is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import rules
from claimcheck.engine.pattern_claims import pattern_matches
from claimcheck.rules import relations_grammar as relations_module
from claimcheck.rules.lead import lead
from claimcheck.rules.relations_grammar import relation_grammar

CASES = [
    # pattern, the lead set before it
    (r"(?<=\bthe\s)(?:rose|fell)\s\d+", "(?=(?:(?:fell|rose)))"),
    (r"(?i:(?<!\bnot\s)(?:continues?\sto\srise|climbed))", "(?=(?:(?i:c(?:limbed|ontinue))))"),
    (r"(?<=連續)(?:上升|下降)", "(?=(?:(?:上升|下降)))"),
    (r"(?<![\d.])[(（]0\d", "(?=(?:(?:\\(0|（0)))"),
    # a lookbehind of varying width, which Python's parser does not read, and a "]" or "(" in a class
    (r"(?<=\b(?:cost|debt)[^.(]{0,80}?\s)(?<![)\]])(?:rose|fell)", "(?=(?:(?:fell|rose)))"),
    # groups that share a name, as the up and down of a change verb do
    (
        r"(?<=\bcosts\s)(?:(?P<up>rose|grew)|(?P<down>fell)|continued\sto\s(?P<up>rise))",
        "(?=(?:(?:continue|fell|grew|rose)))",
    ),
    # no lookbehind first: the engine is as quick without one
    (r"\b(?:rose|fell)\s\d+", ""),
    # a single character, or nothing known, is no lead
    (r"(?<=\s)[a-z]+", ""),
    (r"(?<=\s)\d+\s(?:years|months)", ""),
    (r"(?<=\s)(?:a|an)\s\w+", ""),
    # a syntax of `regex` Python's parser does not read
    (r"(?r)(?<=x)abc", ""),
]


@pytest.mark.parametrize(("pattern", "expected"), CASES)
def test_the_lead_of_a_pattern(pattern, expected):
    assert lead(pattern) == expected


FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_claim_patterns_find_with_their_leads_what_they_find_without(monkeypatch):
    # Claim patterns are tried on a window around each anchor, where a lookbehind read at every
    # position costs most; they carry a lead. Over the whole text and around the anchors, as
    # pattern_matches reads them, they find what the patterns as written find.
    text = "\n".join(f.read_text(encoding="utf-8") for f in sorted(FIXTURES.glob("*.txt")))
    languages = tuple(rules.languages())
    led = relation_grammar.__wrapped__(languages)
    monkeypatch.setattr(relations_module, "with_lead", lambda pattern: pattern)
    written = relation_grammar.__wrapped__(languages)
    pairs = list(zip(led.claim_patterns, written.claim_patterns, strict=True))
    assert sum(a.pattern != b.pattern for (a, _), (b, _) in pairs) >= 5, "the leads are not set"
    for (a, _), (b, _) in pairs:
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)], b.pattern
    found = [(i, m.span()) for i, m in pattern_matches(text, led)]
    assert found
    assert found == [(i, m.span()) for i, m in pattern_matches(text, written)]
