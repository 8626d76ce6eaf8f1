"""Fold text for comparison: Unicode (NFKC), case, and traditional → simplified Chinese.

The traditional → simplified map is OpenCC's own (`opencc-python-reimplemented`, t2s),
read once character by character. Character folding rather than OpenCC's phrase
conversion, because a fold must be a function of each character: a term folded alone
and the same term folded inside a sentence must come out the same, and phrase
segmentation depends on the neighbours.
"""

from __future__ import annotations

import unicodedata
from functools import cache

# The CJK blocks OpenCC's character table covers (Extension A and the Unified Ideographs);
# compatibility ideographs are folded by NFKC first.
_CJK_BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000))


@cache
def _to_simplified() -> dict[int, str]:
    from opencc import OpenCC

    characters = [chr(code) for start, end in _CJK_BLOCKS for code in range(start, end)]
    # One character a line: OpenCC splits on line breaks, so each is converted alone.
    converted = OpenCC("t2s").convert("\n".join(characters)).split("\n")
    if len(converted) != len(characters):
        raise RuntimeError("OpenCC t2s changed the number of characters")
    return {ord(t): s for t, s in zip(characters, converted, strict=True) if t != s}


def fold(text: str) -> str:
    """The form two texts are compared in: 小米汽車 and 小米汽车 fold alike, so do KM and km."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_to_simplified())


def is_traditional(text: str) -> bool:
    """True when the text has a character that simplifies (臺, 萬): written in traditional."""
    return text.translate(_to_simplified()) != text
