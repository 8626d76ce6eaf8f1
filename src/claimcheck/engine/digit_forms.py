"""What may follow the digits of a number and change its value: a fraction (1½, -3/4), a
power (2^10), a power of ten (3.2×10^-4, 10³, 3×10⁶), and "below zero" after it."""

from __future__ import annotations

from decimal import Decimal

import regex

from claimcheck.engine.quantity import Quantity
from claimcheck.rules.grammar import Grammar

DIGIT_SUFFIXES = frozenset("/^×xX* ")  # what may follow digits in 3/4, 2^10, 3.2×10^-4, 2 x 10^3
_SLASH_DENOMINATOR = regex.compile(r"\d{1,3}(?![\d/])")
_DEGREES = frozenset(["degree", "degC", "degF"])
_POWER = regex.compile(r"\^([-+]{0,2})(\d{1,3})(?![\d.])")
_TIMES_POWER = regex.compile(
    r"[ ]?[×xX*][ ]?(?P<base>\d+(?:\.\d+)?)(?:\^(?P<sign>[-+]{0,2})(?P<exp>\d{1,3})|-(?P<neg>\d{1,3}))(?![\d.])"
)


def digit_suffixes(text: str, q: Quantity, g: Grammar) -> None:
    after = text[q.end]
    if after == "/" or after in g.vulgar_fractions:
        _fraction_after_digits(text, q, g)
    elif after == "^":
        _power(text, q)
    elif not _superscript_power(text, q, g):
        _times_power(text, q)


def negate_after(q: Quantity, below: regex.Match[str], g: Grammar) -> None:
    """12 degrees below zero, 5 below zero: a negative figure, in degrees if no unit is given."""
    if q.value_max is not None or q.percent or (q.unit is not None and q.unit.canonical not in _DEGREES):
        return
    q.value, q.number_value = -q.value, -q.number_value
    if q.unit is None:
        q.unit_text = None
        q.unit = g.unit(g.negative_after_unit[below.group("words").lower()])
    q.end = below.end()


def _fraction_after_digits(text: str, q: Quantity, g: Grammar) -> None:
    """1½ (a fraction character after digits) and -3/4 (a signed slash fraction)."""
    char = text[q.end]
    if char in g.vulgar_fractions and q.number_text.isdigit():
        q.value = q.number_value = q.value + g.vulgar_fractions[char]
    elif char == "/" and q.number_text[:1] == "-" and q.number_text[1:].isdigit():
        denominator = _SLASH_DENOMINATOR.match(text, q.end + 1)
        if denominator is None or not int(denominator.group()):
            return
        q.value = q.number_value = q.value / Decimal(denominator.group())
        q.end = denominator.end() - 1
    else:
        return
    q.fraction = q.needs_unit = True
    q.end = q.number_end = q.end + 1
    q.number_text = text[q.number_start : q.end]


def _power(text: str, q: Quantity) -> None:
    """2^10, 2.5^-1: a power; a minus before the base binds looser (-3^2 is -9)."""
    power = _POWER.match(text, q.end)
    if power is None:
        return
    exponent = int(power.group(2)) * (-1 if power.group(1).count("-") % 2 else 1)
    base = abs(q.value)
    if base == 0 and exponent < 0:
        return
    q.value = q.number_value = (base**exponent) * (-1 if q.value < 0 else 1)
    q.end = q.number_end = power.end()
    q.number_text = text[q.number_start : q.end]


def _superscript_power(text: str, q: Quantity, g: Grammar) -> bool:
    """10³, 10⁻³, 3×10⁶, 2.5 x 10⁻³: a power of ten written with superscripts. After another
    base (5², 2023¹) the superscript may be a footnote mark: not read (classify says why)."""
    power = g.superscript_power.match(text, q.end)
    if power is None or (power.group("times") is None and q.number_text.lstrip("+-") != "10"):
        return False
    exponent = int("".join(g.superscripts[char] for char in power.group("exp")))
    if power.group("times") is None:
        q.value = q.number_value = Decimal(10) ** exponent * (-1 if q.value < 0 else 1)
    else:
        q.value = q.number_value = q.value * Decimal(10) ** exponent
    q.end = q.number_end = power.end()
    q.number_text = text[q.number_start : q.end]
    return True


def _times_power(text: str, q: Quantity) -> None:
    """3.2×10^-4, 4x2^10, 2.48×10-5: a number times a power (a power is required)."""
    times = _TIMES_POWER.match(text, q.end)
    if times is None or (times.group("neg") and times.group("base") != "10"):
        return
    sign, exponent = (times.group("sign"), times.group("exp")) if times.group("exp") else ("-", times.group("neg"))
    power = int(exponent) * (-1 if sign.count("-") % 2 else 1)
    base = Decimal(times.group("base"))
    if base == 0 and power < 0:
        return
    q.value = q.number_value = q.value * base**power
    q.end = q.number_end = times.end()
    q.number_text = text[q.number_start : q.end]
