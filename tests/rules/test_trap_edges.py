"""A trap never matches inside a larger number: for every pattern of every trap table, a
sample it matches (tests/data/trap_samples.toml, or the table's own literals and words) is
given digits on the side where it starts or ends with one, written as a larger number
(4,618 / 7,618,000 / 0.618 / 618.5 / 10 618 / 6180), and the trap, as the engine runs it,
must then leave that number whole: match all of it or none of it."""

from __future__ import annotations

import tomllib

import pytest
import regex
from places import DATA

from claimcheck import rules
from claimcheck.rules.grammar import grammar
from claimcheck.rules.patterns import ARABIC

SAMPLES = tomllib.loads((DATA / "trap_samples.toml").read_text(encoding="utf-8"))["sample"]
# What is written before a sample that starts with a digit, and after one that ends with one.
BEFORE = ("1", "4,", "0.", "4 ", "7,000,")
AFTER = ("0", ",000", ".5", " 000", ",000,000")
NUMBER = regex.compile(ARABIC)


def _trap_rules() -> dict[str, object]:
    g = grammar()
    return {f"{rule.file} {rule.entry}": rule for rule in (*g.traps, *g.times) if rule.trap}


RULES = _trap_rules()


def _table_samples() -> list[dict]:
    """A sample per literal and per word before a number, from the tables themselves."""
    found = []
    for code in (*rules.languages(), "common"):
        label = rules.folder(code).file("traps.toml").label
        for name, trap in rules.language(code).traps.items():
            found += [{"entry": f"{label} traps.{name}.literals", "match": word} for word in trap.literals]
            entry = f"{label} traps.{name}.words_before_number"
            found += [{"entry": entry, "before": f"{word} ", "match": "618"} for word in trap.words_before_number]
    return found


ALL_SAMPLES = SAMPLES + _table_samples()


def test_every_pattern_has_a_sample():
    sampled = {sample["entry"] for sample in ALL_SAMPLES}
    assert set(RULES) - sampled == set(), "patterns without a sample in tests/data/trap_samples.toml"
    assert sampled - set(RULES) == set(), "samples of patterns that are no longer in the tables"


@pytest.mark.parametrize("sample", ALL_SAMPLES, ids=lambda s: f"{s['entry']} {s['match']}")
def test_the_sample_is_matched(sample):
    before, match = sample.get("before", ""), sample["match"]
    text = before + match + sample.get("after", "")
    assert (len(before), len(before) + len(match)) in set(RULES[sample["entry"]].spans(text))


def _widened() -> list:
    """Each sample with digits written against each edge of its match that is a digit."""
    cases = []
    for sample in ALL_SAMPLES:
        before, match, after = sample.get("before", ""), sample["match"], sample.get("after", "")
        widen = []
        if match[0].isdigit():
            widen += [(before + more, match, after) for more in BEFORE]
        if match[-1].isdigit():
            widen += [(before, match, more + after) for more in AFTER]
        for parts in widen:
            cases.append(pytest.param(sample["entry"], *parts, id=f"{sample['entry']} {''.join(parts)}"))
    return cases


def _number_across(text: str, edge: int) -> tuple[int, int] | None:
    """The number written in digits that runs across `edge`, read from the start of the text."""
    for match in NUMBER.finditer(text):
        if match.start() < edge < match.end():
            return match.span()
    return None


@pytest.mark.parametrize(("entry", "before", "match", "after"), _widened())
def test_no_trap_inside_a_larger_number(entry, before, match, after):
    text = before + match + after
    edges = [len(before), len(before) + len(match)]
    numbers = [span for edge in edges if (span := _number_across(text, edge))]
    if not numbers:
        pytest.skip("the digits written against it make no larger number here")
    for start, end in RULES[entry].spans(text):
        for first, last in numbers:
            cut = start < last and first < end and not (start <= first and last <= end)
            assert not cut, f"{text[start:end]!r} matched inside the number {text[first:last]!r}"
