"""A lead (claimcheck.rules.lead) is a lookahead of what every match of a pattern that opens
with a lookbehind starts with: it changes no match, only where the lookbehind is read."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from claimcheck import rules
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


def test_every_led_claim_pattern_finds_what_it_finds_without():
    # Claim patterns are the ones tried around their anchors, where a lookbehind read at every
    # position costs most; they carry a lead.
    text = "\n".join(f.read_text(encoding="utf-8") for f in sorted(FIXTURES.glob("*.txt")))
    claim_patterns = relation_grammar(tuple(rules.languages())).claim_patterns
    led = [p for p, _ in claim_patterns if p.pattern.startswith("(?=(?:")]
    assert led, "no claim pattern has a lead: the lead is not set"
    for compiled in led:
        plain = regex.compile(_without_lead(compiled.pattern), flags=compiled.flags, **compiled.named_lists)
        assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in plain.finditer(text)], plain.pattern


def _without_lead(source: str) -> str:
    """The pattern a lead was set before: the rest of the source whose lead is the start."""
    for end in (i + 2 for i in range(len(source)) if source.startswith("))", i)):
        if lead(source[end:]) == source[:end]:
            return source[end:]
    raise AssertionError(f"no lead found before {source[:80]}")
