"""The rule tables: they load, they are consistent, and a bad entry is named."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import regex
from opencc import OpenCC
from places import ROOT

from claimcheck import rules
from claimcheck.errors import RulesError
from claimcheck.rules.grammar import grammar
from claimcheck.rules.languages import read_language
from claimcheck.rules.load import Folder

FIXTURES = ROOT / "fixtures"
RULES = Path(rules.__file__).parent


def _word_lists(node, path=""):
    """Every list of plain words in a table (lists of regexes excluded)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in (
                "patterns",
                "multiple_of",
                "multiple_as",
                "subject_patterns",
                "without_figure",
                "change_nouns_after",
                "baseline_years",
            ):
                yield from _word_lists(value, f"{path}.{key}")
    elif isinstance(node, list):
        if all(isinstance(item, str) for item in node):
            yield path, node
        else:
            for index, item in enumerate(node):
                yield from _word_lists(item, f"{path}[{index}]")


def test_every_language_and_shared_table_loads():
    assert rules.languages() == ("zh", "en")
    for lang in rules.languages():
        assert rules.language(lang).unit
    assert rules.canonical_units()["km"] == ("length", 1000.0)
    assert rules.normalization().remove.pinyin_gloss
    assert grammar(("zh",)).units and grammar(("en",)).units


def test_chinese_lists_carry_the_simplified_form_of_every_traditional_entry():
    to_simplified = OpenCC("t2s")
    missing = {
        f"{path.name}{where}": [word for word in words if to_simplified.convert(word) not in set(words)]
        for path in sorted((RULES / "zh").glob("*.toml"))
        for where, words in _word_lists(tomllib.loads(path.read_text(encoding="utf-8")))
    }
    assert not {path: words for path, words in missing.items() if words}


def test_no_unit_form_means_two_things():
    for lang in rules.languages():
        meaning: dict[str, tuple] = {}
        for unit in rules.language(lang).unit:
            for form in unit.forms:
                key = (unit.kind, unit.canonical, unit.factor, unit.add)
                assert meaning.setdefault(form, key) == key, f"{lang}: {form!r} is listed with two meanings"


def test_every_canonical_unit_named_by_a_table_exists():
    known = rules.canonical_units()
    for lang in rules.languages():
        for unit in rules.language(lang).unit:
            assert unit.canonical is None or unit.canonical in known


# A bad rule file, what it holds, and the start of the message naming it and its entry.
BAD_RULE_FILES = {
    "unknown kind": ("units.toml", '[[unit]]\nkind = "weight"\nforms = ["kg"]', "units.toml: entry unit.0.kind"),
    "empty forms": ("units.toml", '[[unit]]\nkind = "quantity"\nforms = []', "units.toml: entry unit.0.forms"),
    "unknown key": (
        "qualifiers.toml",
        '[qualifiers]\nsometimes = ["偶爾"]',
        "qualifiers.toml: entry qualifiers.sometimes",
    ),
    "unit part of no unit": (
        "units.toml",
        '[[unit]]\nkind = "money"\nforms = ["元"]\n[[unit_part]]\nafter = ["元"]\nparts = { "分" = "分幣" }',
        "units.toml: entry unit_part.0 (分): '分幣' is no unit form",
    ),
    "a table in the wrong file": (
        "units.toml",
        '[traps.x]\npatterns = ["x"]',
        "units.toml: entry traps: belongs in traps.toml",
    ),
    "bad numerals": (
        "numerals.toml",
        "[numerals]\ndigits = 1",
        "numerals.toml: entry numerals.digits: Input should be",
    ),
    "bad TOML": ("numerals.toml", "half = [", "numerals.toml: "),
    "misspelt file": ("unit.toml", 'measure_words = ["x"]', "unit.toml: not a rule file"),
    "a relative word with no meaning": (
        "periods.toml",
        '[frame]\nwords = { "今年" = "this year" }',
        "periods.toml: entry frame.words.今年: String should match pattern",
    ),
    "a broken period pattern": (
        "periods.toml",
        '[frame]\npatterns = ["(今年"]',
        "periods.toml: entry frame.patterns.0: not a regular expression",
    ),
    "a document date table with an unknown key": (
        "periods.toml",
        '[document_date]\nmeta = ["date"]',
        "periods.toml: entry document_date.meta",
    ),
}


@pytest.mark.parametrize(("file", "text", "message"), BAD_RULE_FILES.values(), ids=BAD_RULE_FILES)
def test_a_bad_entry_is_named_with_its_file(file, text, message, tmp_path):
    (tmp_path / file).write_text(text, encoding="utf-8")
    with pytest.raises(RulesError, match=f"^tmp/xx/{re.escape(message)}"):
        read_language(Folder(tmp_path, "tmp/xx"), "han" if "numerals" in text else "digits")


def _every_table_word() -> list[str]:
    words = []
    for path in sorted(RULES.rglob("*.toml")):
        for _, listed in _word_lists(tomllib.loads(path.read_text(encoding="utf-8"))):
            words += listed
    return words


@pytest.mark.parametrize("languages", [("zh", "en"), ("zh",), ("en",)], ids=["auto", "zh", "en"])
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
