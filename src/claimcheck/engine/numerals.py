"""The value of a written number core, read with the numeral systems of the grammar's languages."""

from __future__ import annotations

from decimal import Decimal

from claimcheck.engine.han_numerals import parse_han
from claimcheck.engine.numbers import parse_arabic
from claimcheck.engine.word_numerals import parse_words
from claimcheck.rules.grammar import Grammar

_ASCII_DIGITS = frozenset("0123456789")


def value_of(text: str, g: Grammar) -> Decimal | None:
    if len(text) == 1 and text in g.single_digits:
        return g.single_digits[text]
    if g.han_numerals is not None:
        return parse_han(text, g.han_numerals)
    return parse_arabic(text)


def number_value(text: str, g: Grammar) -> tuple[Decimal, int] | None:
    """Value of a number core and the length it used (English words may stop early)."""
    if text[:1].isascii() and text[:1].isalpha():
        return parse_words(text, g.word_numerals) if g.word_numerals else None
    value = value_of(text, g)
    return (value, len(text)) if value is not None else None


def trailing_scale(text: str, g: Grammar) -> Decimal | None:
    """The Chinese scale characters a number ends with (15萬 → 10000), if any."""
    if g.han_numerals is None:
        return None
    factor = Decimal(1)
    i = len(text)
    while i > 0 and text[i - 1] in g.han_scales:
        factor *= g.han_scales[text[i - 1]]
        i -= 1
    return factor if i < len(text) and i > 0 and text[i - 1] in _ASCII_DIGITS else None
