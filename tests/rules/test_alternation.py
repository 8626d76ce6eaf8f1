"""A word alternation (claimcheck.rules.patterns.alternation) is written as a trie, but it
matches as the plain one it stands for: the words one by one, the longest first, each with
its guards. Read left to right, and right to left ((?r)) when built for that."""

from __future__ import annotations

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.rules.patterns import alternation
from claimcheck.rules.word_patterns import NamedLists, is_latin


def one_by_one(words, *, ascii_boundary=True, case_insensitive_words=False) -> str:
    """What an alternation means: each word in turn, longest first."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        piece = regex.escape(word)
        if case_insensitive_words and len(word) >= 3 and word.islower():
            piece = f"(?i:{piece})"
        if ascii_boundary and word[:1].isascii() and word[:1].isalpha():
            piece = r"(?<![A-Za-z])" + piece
        if ascii_boundary and word[-1:].isascii() and word[-1:].isalpha():
            piece += r"(?![A-Za-z])"
        parts.append(piece)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


# A word, and what follows it in the pattern: a shorter word must be tried when the longer
# one leaves the rest unmatched, in the same order as one by one.
AROUND = ["{}", "({})", "({})x", "x({})", "({})[ ]?\\d"]


def found(pattern: str, text: str, reverse: bool) -> list:
    compiled = regex.compile(("(?r)" if reverse else "") + pattern)
    return [(m.span(), m.groups()) for m in compiled.finditer(text)]


CASES = [
    # words, text, what is found left to right
    (["over", "overall", "cover"], "overall, over and cover; overalls", ["overall", "over", "cover"]),
    (["m", "m2", "mm"], "5 m2, 3 mm, 2 m and 4 men", ["m2", "mm", "m"]),
    (["US$", "$", "U.S.$", "HK$"], "US$5, $6, U.S.$7 and HK$8", ["US$", "$", "U.S.$", "HK$"]),
    (["突破", "破", "超過", "超"], "突破萬人，破千，超過一半，超", ["突破", "破", "超過", "超"]),
]


@pytest.mark.parametrize(("words", "text", "expected"), CASES)
def test_the_longest_word_at_each_place(words, text, expected):
    assert [m.group() for m in regex.finditer(alternation(words), text)] == expected


@pytest.mark.parametrize(("words", "text", "expected"), CASES)
def test_read_right_to_left_the_longest_word_ending_at_each_place(words, text, expected):
    pattern = regex.compile("(?r)" + alternation(words, reverse=True))
    assert [m.group() for m in pattern.finditer(text)][::-1] == expected


def test_a_word_in_either_case_beside_one_written_as_is():
    words = ["million", "mln", "M", "Mn"]
    pattern = alternation(words, case_insensitive_words=True)
    assert [m.group() for m in regex.finditer(pattern, "5 MILLION, 6 Mln, 7 M, 8 Mn, 9 mn")] == [
        "MILLION",
        "Mln",
        "M",
        "Mn",
    ]


def test_no_words_match_nothing():
    assert regex.search(alternation([]), "anything") is None


_WORD = st.text(alphabet="abAB1$.萬万 ", min_size=1, max_size=4)
_TEXT = st.text(alphabet="abAB1$.萬万 x2", max_size=30)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_WORD, min_size=1, max_size=8),
    _TEXT,
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.sampled_from(AROUND),
)
def test_the_trie_matches_as_the_words_one_by_one(words, text, boundary, folded, reverse, around):
    options = {"ascii_boundary": boundary, "case_insensitive_words": folded}
    trie = around.format(alternation(words, reverse=reverse, **options))
    plain = around.format(one_by_one(words, **options))
    assert found(trie, text, reverse) == found(plain, text, reverse)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet="abAB1 萬万", min_size=1, max_size=4), min_size=1, max_size=8), _TEXT)
def test_a_word_list_matches_as_the_named_list_of_its_words(words, text):
    listed = NamedLists()
    trie = regex.compile(f"({listed('words', words)})x?")
    latin = sorted({w.lower() for w in words if is_latin(w)})
    other = sorted({w for w in words if not is_latin(w)})
    named = ["(?:\\b(?i:\\L<latin>)(?![A-Za-z]))"] if latin else []
    named += ["(?:\\L<other>)"] if other else []
    reference = regex.compile(f"((?:{'|'.join(named)}))x?", ignore_unused=True, latin=latin, other=other)
    assert found(trie.pattern, text, False) == [(m.span(), m.groups()) for m in reference.finditer(text)]
