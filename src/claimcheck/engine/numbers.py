"""Values of written numbers. Every parser returns a Decimal, or None when the text is not a
well-formed number (零百, 一一, "one two"), so that a caller can drop it rather than guess:
Arabic numbers here, the other numeral systems in han_numerals.py and word_numerals.py.
"""

from __future__ import annotations

from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal, DivisionByZero, InvalidOperation, localcontext

# Arithmetic on written numbers: the default precision, but no exponent limit, so that
# 1e999999999 billion or a run of 萬萬萬… is a (huge) number rather than a decimal.Overflow.
_UNBOUNDED = Context(Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[InvalidOperation, DivisionByZero])


def number_arithmetic():
    """A context for reading numbers in: `with number_arithmetic(): ...`."""
    return localcontext(_UNBOUNDED)


def parse_arabic(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").replace(" ", ""))
    except InvalidOperation:
        return None
