"""Patterns of written numbers, by numeral system: Arabic digits always, Chinese numerals
(numerals = "han") and number words (numerals = "words") when a language declares them."""

from __future__ import annotations

import regex

from claimcheck.rules.patterns import ARABIC, SIGN, alternation
from claimcheck.rules.schema import HanNumerals, LanguageRules, Table, WordNumerals
from claimcheck.rules.word_patterns import alternatives


def numeral_table(tables: list[LanguageRules], system: type[Table]) -> Table | None:
    """The numeral table of one system, all languages that declare it taken together (where two
    give a word different values, the earlier language's value holds)."""
    found = [t.numerals for t in tables if isinstance(t.numerals, system)]
    if len(found) <= 1:
        return found[0] if found else None
    merged: dict = {}
    for table in found:
        for name, value in table.model_dump().items():
            if isinstance(value, dict):
                merged[name] = {**value, **merged.get(name, {})}
            else:
                merged[name] = list(dict.fromkeys([*merged.get(name, []), *value]))
    return system.model_validate(merged)


def han_number(han: HanNumerals | None) -> str:
    """Arabic numbers, with Chinese numerals and scales when a language reads them."""
    if han is None:
        return SIGN + ARABIC
    digit = "".join(han.digits)
    scale = "".join([*han.small_scales, *han.large_scales])
    tens = "".join(han.tens)
    points = [*map(regex.escape, han.decimal_points), *(f"{regex.escape(p)}(?=[{digit}])" for p in han.digit_points)]
    point = "|".join(points)
    numeral = f"[{digit}{scale}{tens}]"
    run = f"{numeral}+(?:(?:{point})(?:[{digit}]+|\\d+)[{scale}]*)?"
    # Digits and scale characters may alternate: 5万4千6百, 3万4000, 200亿零四千230, and the
    # digits after a scale may be grouped: 2兆6,480億.
    after_scale = f"\\d{{1,3}}(?:,\\d{{3}})+(?![\\d,])|[{digit}{tens}]*\\d+|[{digit}{tens}]+"
    return f"(?:{SIGN}{ARABIC}(?:[ ]?[{scale}]+(?:{after_scale})?)*|{run})"


def number_starts(han: HanNumerals | None, words: WordNumerals | None) -> list[str]:
    """What a number of han_number or word_number can start with, as one-character strings
    (a sign, a point, a Chinese digit or scale) and words (whose first letter counts)."""
    starts = ["+", "-", ".", *"0123456789"]
    if han:
        starts += [*han.digits, *han.small_scales, *han.large_scales, *han.tens]
    if words:
        starts += [*words.words, *words.small_scales, *words.large_scales, *words.article]
    return starts


def word_number(numerals: WordNumerals | None) -> str:
    """A number in words: two hundred and five, a dozen, five point five."""
    if numerals is None:
        return "(?!)"
    word = alternation([*numerals.words, *numerals.small_scales, *numerals.large_scales], ascii_boundary=False)
    article = alternation(numerals.article, ascii_boundary=False)
    joiner = alternation([*numerals.joiners, *numerals.decimal_points], ascii_boundary=False)
    scales = [*numerals.small_scales, *numerals.large_scales, *numerals.multipliers]
    scale = alternation(scales, ascii_boundary=False)
    between = rf"(?:[ ]{{1,3}}|[ ]{{0,2}}-[ ]{{0,2}}|[ ]{{1,3}}{joiner}[ ]{{1,3}})"
    return rf"(?i:\b(?:{article}[ ](?={scale}\b))?{word}(?:{between}{word})*\b)"


def word_fractions(numerals: WordNumerals | None, denominators: dict[str, int], tables) -> dict:
    """The patterns of claimcheck.engine.word_fractions: denominators after a number, mixed numbers."""
    ordinals = {k: v for t in tables for k, v in t.compound_ordinals.items()}
    words = numerals.words if numerals else {}
    tens = [w for w, v in words.items() if 20 <= v < 100 and v % 10 == 0]
    small = [w for w, v in words.items() if 0 < v < 10] + list(numerals.article if numerals else [])
    den = alternation(denominators, ascii_boundary=False)
    joiner = alternatives(numerals.joiners if numerals else [])
    of = alternatives([w for t in tables for w in t.of])
    article = alternatives(numerals.article if numerals else [])
    return {
        "compound_ordinals": ordinals,
        "word_tens": frozenset(tens),
        "denominator_after": regex.compile(
            rf"(?P<sep>[ ]{{1,3}}|[ ]?-[ ]?)(?i:(?P<tens>{alternation(tens, ascii_boundary=False)})[ -]"
            rf"(?P<unit>{alternation(ordinals, ascii_boundary=False)})|(?P<den>{den}))(?![A-Za-z])"
        ),
        "mixed_fraction": regex.compile(
            rf"(?i:[ ](?:{joiner})[ ](?:(?P<num>{alternation(small, ascii_boundary=False)})[ -])?(?P<den>{den}))"
            r"(?![A-Za-z])"
        ),
        "of_before_unit": regex.compile(rf"(?i:[ ](?:{of})[ ](?:(?:{article})[ ])?)"),
    }


def superscript_power(superscripts: dict[str, str]) -> regex.Pattern[str]:
    """A superscript exponent after digits (10³), or times ten to one (×10⁶): digit_forms.py."""
    digits = "".join(regex.escape(k) for k, v in superscripts.items() if v.isdigit())
    signs = "".join(regex.escape(k) for k, v in superscripts.items() if not v.isdigit())
    if not digits:
        return regex.compile("(?!)")
    sign = f"[{signs}]?" if signs else ""
    return regex.compile(rf"(?P<times>[ ]?[×xX*][ ]?10)?(?P<exp>{sign}[{digits}]{{1,3}})(?![{digits}])")
