"""The rule tables: they load, they are consistent, and a bad entry is named."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

import pytest
import regex
from opencc import OpenCC

from claimcheck import rules
from claimcheck.errors import RulesError
from claimcheck.rules.grammar import grammar

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _word_lists(node, path=""):
    """Every list of plain words in a table (regex `patterns` excluded)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key != "patterns":
                yield from _word_lists(value, f"{path}.{key}")
    elif isinstance(node, list):
        if all(isinstance(item, str) for item in node):
            yield path, node
        else:
            for index, item in enumerate(node):
                yield from _word_lists(item, f"{path}[{index}]")


def test_every_language_and_shared_table_loads():
    for lang in rules.LANGUAGES:
        assert rules.language(lang).unit
    assert rules.canonical_units()["km"] == ("length", 1000.0)
    assert rules.normalization().remove.pinyin_gloss
    assert grammar(("zh",)).units and grammar(("en",)).units


def test_chinese_lists_carry_the_simplified_form_of_every_traditional_entry():
    to_simplified = OpenCC("t2s")
    table = tomllib.loads(resources.files("claimcheck.rules").joinpath("zh.toml").read_text(encoding="utf-8"))
    missing = {
        path: [word for word in words if to_simplified.convert(word) not in set(words)]
        for path, words in _word_lists(table)
    }
    assert not {path: words for path, words in missing.items() if words}


def test_no_unit_form_means_two_things():
    for lang in rules.LANGUAGES:
        meaning: dict[str, tuple] = {}
        for unit in rules.language(lang).unit:
            for form in unit.forms:
                key = (unit.kind, unit.canonical, unit.factor, unit.add)
                assert meaning.setdefault(form, key) == key, f"{lang}: {form!r} is listed with two meanings"


def test_every_canonical_unit_named_by_a_table_exists():
    known = rules.canonical_units()
    for lang in rules.LANGUAGES:
        for unit in rules.language(lang).unit:
            assert unit.canonical is None or unit.canonical in known


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"unit": [{"kind": "weight", "forms": ["kg"]}]}, "unit.0.kind"),
        ({"unit": [{"kind": "quantity", "forms": []}]}, "unit.0.forms"),
        ({"qualifiers": {"over": ["超"], "sometimes": ["偶爾"]}}, "qualifiers.sometimes"),
    ],
    ids=["unknown kind", "empty forms", "unknown key"],
)
def test_a_bad_entry_is_named_with_its_file(data, message):
    base = tomllib.loads(resources.files("claimcheck.rules").joinpath("en.toml").read_text(encoding="utf-8"))
    with pytest.raises(RulesError, match=rf"rules/en\.toml: entry {message}"):
        rules._validated(rules.LanguageRules, "en.toml", {**base, **data})


def test_a_unit_part_must_stand_for_a_unit_form_of_its_table():
    base = tomllib.loads(resources.files("claimcheck.rules").joinpath("zh.toml").read_text(encoding="utf-8"))
    table = rules._validated(
        rules.LanguageRules, "zh.toml", {**base, "unit_part": [{"after": ["元"], "parts": {"分": "分幣"}}]}
    )
    with pytest.raises(RulesError, match=r"rules/zh\.toml: entry unit_part\.0 \(分\)"):
        rules._check_units(table, "zh.toml")


def _every_table_word() -> list[str]:
    words = []
    for path in resources.files("claimcheck.rules").iterdir():
        if path.name.endswith(".toml"):
            for _, listed in _word_lists(tomllib.loads(path.read_text(encoding="utf-8"))):
                words += listed
    return words


@pytest.mark.parametrize("languages", [rules.LANGUAGES, ("zh",), ("en",)], ids=["auto", "zh", "en"])
def test_the_scan_lookahead_lets_through_every_number_the_scan_reads(languages):
    """The scan opens with a lookahead of the characters a number can start with, for speed
    alone: taking it off must not find a single number more."""
    words = _every_table_word()
    probe = " ".join(f"{w} 3 {w.title()} {w.upper()}, 3{w} 四{w}" for w in words)
    digits = "٣٤ ３ ৫০ ½ -7 +8 .5 ⅓"
    articles = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    text = "\n".join([probe, digits, *articles])
    scan = grammar(languages).scan
    lookahead = regex.match(r"\(\?=\[(?:\\.|[^\]\\])*\]\)", scan.pattern)
    assert lookahead, "the scan opens with a lookahead of its first characters"
    unguarded = regex.compile(scan.pattern[lookahead.end() :], scan.flags, ignore_unused=True, **scan.named_lists)
    assert [m.span() for m in scan.finditer(text)] == [m.span() for m in unguarded.finditer(text)]
