"""The normalizer: what it cleans, and that every clean offset maps back exactly."""

from __future__ import annotations

import pytest

from claimcheck.normalize import _translate, _translation, normalize

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
    assert _translate(text) == text.translate(_translation())
    assert _translate("沒有要換的字 plain") == "沒有要換的字 plain"
