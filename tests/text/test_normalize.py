"""The normalizer: what it cleans, and that every clean offset maps back exactly."""

from __future__ import annotations

import unicodedata

import pytest
import regex

from claimcheck import rules
from claimcheck.text.normalize import _translation, normalize, translate

CLEANED = [
    ("pinyin gloss after a character", "環(huán)境很好", "環境很好"),
    ("gloss inside a real parenthesis", "問界(參數(shù)丨圖片)", "問界(參數丨圖片)"),
    ("gloss with a tone number", "結(jie2)果", "結果"),
    ("image placeholder", "上文\n![]()\n下文", "上文\n\n下文"),
    ("image with alt text and url", "看![圖](http://x.y/a.png)這裡", "看這裡"),
    ("full-width digits and separators", "３３，６６２．５輛", "33,662.5輛"),
    ("full-width percent and parentheses", "（１２％）", "(12%)"),
    ("byte-order mark", "\ufeff50萬臺", "50萬臺"),
    ("zero-width space", "50\u200b萬", "50萬"),
    ("no-break and thin spaces", "10\u00a0km 5\u2009kg", "10 km 5 kg"),
    ("CRLF keeps its length", "a\r\nb", "a\n\nb"),
    ("Latin in parentheses after Han is kept", "公里(km)和(SUV)", "公里(km)和(SUV)"),
    ("spaces inside a Chinese numeral", "兩千 三百 餘 萬", "兩千三百餘萬"),
    ("an Arabic number and its scale", "500  億 元", "500億 元"),
    ("spaced 百分之", "百 分 之 ３", "百分之3"),
    ("Arabic numbers in a row stay apart", "7 8 9 和 2024 年", "7 8 9 和 2024 年"),
    ("an Arabic number is not joined to a Chinese digit", "第 3 五", "第 3 五"),
    ("Arabic-Indic digits and separators", "\u0663\u066c\u0665\u0660\u0660\u066b\u0665\u066a", "3,500.5%"),
    ("Devanagari and mathematical digits", "\u0969\u096b \U0001d7d1\U0001d7d3", "35 35"),
    ("a direction mark inside a number", "1\u200f2", "12"),
    ("an override and its pop", "\u202e003\u202c萬", "003萬"),
]


@pytest.mark.parametrize(("name", "original", "clean"), CLEANED, ids=[c[0] for c in CLEANED])
def test_cleaned_text_and_its_map_back(name, original, clean):
    norm = normalize(original)
    assert norm.text == clean
    for i, char in enumerate(norm.text):
        start, end = norm.to_original(i, i + 1)
        assert end == start + 1
        # the original character, cleaned on its own, is the clean character
        assert normalize(original[start]).text == char


def test_span_across_a_removed_gloss_covers_it_in_the_original():
    original = "超2.61億(yì)公里"
    norm = normalize(original)
    start, end = norm.to_original(0, len(norm.text))
    assert original[start:end] == original


def test_replacement_runs_give_what_a_full_translate_gives():
    """Only the runs of replaced characters are translated: the text must come out as if every
    character had been looked up, whatever stands between them."""
    replaced = "".join(chr(code) for code in _translation())
    text = "".join(f"{c}價格{c}{c}x1\n" for c in replaced) + "銷量１２萬，增長3％" + replaced[::-1]
    assert translate(text) == text.translate(_translation())
    assert translate("沒有要換的字 plain") == "沒有要換的字 plain"


@pytest.mark.parametrize(
    ("original", "clean", "number"),
    [
        ("共有3\ufe0f\u20e30\ufe0f\u20e30\ufe0f\u20e3人", "共有300人", "3\ufe0f\u20e30\ufe0f\u20e30\ufe0f\u20e3"),
        ("5\ufe0f萬", "5萬", "5\ufe0f"),
        ("sold 3\u0301 cars", "sold 3 cars", "3\u0301"),
    ],
)
def test_marks_on_a_digit_are_removed_and_kept_by_a_span_ending_at_it(original, clean, number):
    norm = normalize(original)
    assert norm.text == clean
    digits = regex.search(r"\d+", clean)
    start, end = norm.to_original(*digits.span())
    assert original[start:end] == number


def test_marks_are_removed_only_after_a_digit():
    assert normalize("e\u0301 \u2764\ufe0f").text == "e\u0301 \u2764\ufe0f"


def test_the_offsets_of_removed_bidirectional_controls_are_kept():
    original = "a\u202e12\u202c b \u200f\u2067c"
    assert normalize(original).bidi == (1, 4, 8, 9)
    assert normalize("no controls").bidi == ()


def test_the_digit_table_holds_every_script_s_zero_and_nothing_else():
    zeros = rules.normalization().replace.digits
    for script, zero in zeros.items():
        for value in range(10):
            digit = chr(ord(zero) + value)
            assert regex.fullmatch(rf"[\p{{Nd}}&&\p{{Numeric_Value={value}}}]", digit, flags=regex.V1), (script, value)
    listed = set(zeros.values())
    known = {chr(c) for c in range(0x110000) if unicodedata.decimal(chr(c), None) == 0 and c != ord("0")}
    assert known <= listed, sorted(f"U+{ord(c):04X} {unicodedata.name(c)}" for c in known - listed)
