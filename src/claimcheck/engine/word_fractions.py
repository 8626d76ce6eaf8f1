"""Fractions written in English words, read after a number the scanner found.

- a numerator and an ordinal denominator: "twenty-three fifths" (4.6), "a hundred
  millionths", "one hundred thirty-fifths" (100/35);
- a mixed number: "two and a quarter", "one hundred and three quarters" (100.75);
- "of (a)" before a unit, which the fraction then measures: "a tenth of a litre".

Each function returns the value read and where it ends, or None; the caller decides what
the quantity becomes. A singular denominator needs a numerator of one: "twenty third" is
a rank, not 20/3.
"""

from __future__ import annotations

from decimal import Decimal

from claimcheck.engine.numbers import parse_arabic
from claimcheck.engine.word_numerals import parse_words
from claimcheck.rules.grammar import Grammar


def _plural(word: str) -> bool:
    return word.endswith("s")


def _words_value(text: str, g: Grammar) -> Decimal | None:
    read = parse_words(text, g.word_numerals) if g.word_numerals and text else None
    return read[0] if read is not None and read[1] == len(text) else None


def fraction_after(text: str, end: int, number_text: str, g: Grammar) -> tuple[Decimal, int] | None:
    """The fraction whose numerator is `number_text` (words ending at `end`)."""
    match = g.denominator_after.match(text, end)
    if match is None:
        return None
    if match.group("tens"):
        word = match.group("unit").lower()
        denominator = Decimal(g.word_numerals.words[match.group("tens").lower()] + g.compound_ordinals[word])
    else:
        word = match.group("den").lower()
        denominator = Decimal(g.fraction_denominators[word])
    numerator_text = number_text
    last = number_text.rsplit(" ", 1)[-1].lower()
    ordinal = match.group("den") and g.compound_ordinals.get(word)
    if match.group("sep") == "-" and ordinal and last in g.word_tens:
        # one hundred thirty-fifths: the tens word belongs to the denominator
        numerator_text = number_text[: -len(last)].rstrip(" -")
        denominator = Decimal(g.word_numerals.words[last] + ordinal)
    numerator = _words_value(numerator_text, g) if numerator_text.lower() not in g.word_numerals.article else Decimal(1)
    if numerator is None or numerator == 0:
        return None
    if not _plural(word) and numerator != 1:
        return None
    whole, part = _last_split(numerator_text.lower(), g.and_words)
    right = _words_value(part, g) if whole else None
    if right is not None and right < denominator and (whole_value := _words_value(whole, g)) is not None:
        return whole_value + right / denominator, match.end()  # a mixed number: 100 and 3/4
    return numerator / denominator, match.end()


def _last_split(text: str, joiners: tuple[str, ...]) -> tuple[str, str]:
    """Text before and after the last of the joiners in it (one hundred | three quarters)."""
    at = max(((text.rfind(j), j) for j in joiners), default=(-1, ""))
    return (text[: at[0]], text[at[0] + len(at[1]) :]) if at[0] >= 0 else ("", text)


def mixed_after(text: str, end: int, g: Grammar) -> tuple[Decimal, int] | None:
    """ " and a quarter", " and three fifths" after a whole number: the proper fraction."""
    match = g.mixed_fraction.match(text, end)
    if match is None:
        return None
    written = (match.group("num") or "a").lower()
    numerator = Decimal(1) if written in g.word_numerals.article else Decimal(g.word_numerals.words.get(written, 0))
    denominator = Decimal(g.fraction_denominators[match.group("den").lower()])
    if not 0 < numerator < denominator:
        return None
    return numerator / denominator, match.end()


def ratio_after(text: str, end: int, g: Grammar) -> tuple[Decimal, int] | None:
    """ " out of four", " over 3": the denominator of a ratio, when a bare number follows (not
    a unit, not a year: "over 3 days" and "over 2023" are comparisons)."""
    match = g.ratio_after.match(text, end) if text.startswith(" ", end) else None
    if match is None:
        return None
    written = match.group("n2")
    if written[0].isdigit():
        value = parse_arabic(written)
        if value is None or (written.isdigit() and len(written) == 4 and 1800 <= value <= 2100):
            return None
    else:
        value = _words_value(written, g)
        if value is None:
            return None
    after = g.tail.match(text, match.end())
    if after is not None and (after.group("unit") or after.group("scale")):
        return None
    return value, match.end()


def of_unit(text: str, end: int, g: Grammar) -> int | None:
    """Where the unit starts after " of (a)" ("a tenth of a litre"), if a measuring unit follows."""
    match = g.of_before_unit.match(text, end)
    if match is None:
        return None
    unit = g.unit_at.match(text, match.end())
    info = g.unit(unit.group()) if unit else None
    if info is None or info.classifier or info.canonical is None:
        return None
    return match.end() - 1  # the unit is read after one space, as after a number
