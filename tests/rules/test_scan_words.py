"""The words of a trigger pass written in no Latin letters (claimcheck.rules.word_patterns.scan_words)
are found as the named lists find them: the longest word at each place, one after the other."""

from __future__ import annotations

import re

import pytest

from claimcheck import rules
from claimcheck.rules.relations_grammar import relation_grammar
from claimcheck.rules.word_patterns import literal, scan_words

WORDS = ["新高", "歷史新高", "歷史新低", "歷史", "翻了一番", "翻了兩番", "一番"]
TEXTS = ["創歷史新高，翻了一番", "歷史新歷史新低新高新", "翻了兩番一番番", ""]


@pytest.mark.parametrize("text", TEXTS)
def test_the_longest_word_at_each_place(text):
    assert [m.span() for m in scan_words(WORDS).finditer(text)] == [m.span() for m in re.finditer(literal(WORDS), text)]


def test_no_words_find_nothing():
    assert scan_words([]).search("歷史新高") is None


@pytest.mark.parametrize("languages", [(lang,) for lang in rules.languages()] + [tuple(rules.languages())])
def test_the_trigger_words_of_every_language(languages):
    pattern = relation_grammar(languages).triggers[1]
    words = [w for w in relation_grammar(languages).roles if re.fullmatch(pattern, w)]
    text = "，".join(words) + "".join(words)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in re.finditer(literal(words), text)]
