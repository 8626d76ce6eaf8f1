"""The smaller parts of a colloquial compound, read into the unit before them.

三元五角二分 is 3.52 元 and 兩小時十分 130 minutes: after a unit, a number and a word of the
rule tables' `unit_part` (a word that may be no unit alone: 十分 is "very") add to it.
After a unit marked `tenths`, a lone digit is the next step down: 三塊五 is 3.5 元,
七成六 is 76 %, 一米八 is 1.8 米.
"""

from __future__ import annotations

from decimal import Decimal

from claimcheck import rules
from claimcheck.engine.han_numerals import parse_han
from claimcheck.engine.quantity import Quantity
from claimcheck.rules.grammar import Grammar
from claimcheck.rules.unit_tables import UnitInfo

_TENTH = Decimal("0.1")


def read_parts(text: str, q: Quantity, g: Grammar) -> None:
    if q.unit is None or q.value_max is not None or g.han_numerals is None:
        return
    last, written = q.unit, q.unit_text
    while (parts := g.unit_parts.get(written)) is not None:
        match = g.part_at.match(text, q.end)
        read = parts.get(match.group("w")) if match else None  # 角 is no part after 小時
        if read is None or _runs_on(text, match, read.ends_phrase, g):
            break
        value = parse_han(match.group("n"), g.han_numerals)
        part = read.unit
        if value is None or not _add(q, part, match.group("w"), value):
            break
        q.end = match.end()
        last, written = part, match.group("w")
    if last.tenths:
        _tenth_digit(text, q, g, last)


def _runs_on(text: str, match, ends_phrase: bool, g: Grammar) -> bool:
    """The part's word begins a longer unit (十分鐘), or a word follows a part that must end
    the phrase (兩個小時十分重要: 十分 is "very"; 2小時22分奪冠 in digits is no word)."""
    unit = g.unit_at.match(text, match.start("w"))
    if unit is not None and unit.end() > match.end():
        return True
    after = text[match.end() : match.end() + 1]
    return ends_phrase and after.isalnum() and not match.group("n").isdigit()


def _add(q: Quantity, part: UnitInfo, written: str, value: Decimal) -> bool:
    unit = q.unit
    if unit.canonical == part.canonical and part.factor < unit.factor:  # 元 and 角: one currency
        q.value += value * Decimal(str(part.factor)) / Decimal(str(unit.factor))
        return True
    sizes = rules.canonical_units()
    if unit.add or unit.canonical not in sizes or part.canonical not in sizes:
        return False
    (dimension, size), (part_dimension, part_size) = sizes[unit.canonical], sizes[part.canonical]
    if dimension != part_dimension or part_size >= size:
        return False
    q.value = q.value * Decimal(str(size)) / Decimal(str(part_size)) + value
    q.unit, q.unit_text = part, written
    return True


def _tenth_digit(text: str, q: Quantity, g: Grammar, last: UnitInfo) -> None:
    """A lone Chinese digit after the unit (七成六), not the start of another number (七成六十)
    or of a date (三千元五月). An Arabic digit only after a single one (8成7 is 87 %): 3000元5月
    is a price and a date."""
    written = text[q.end : q.end + 1]
    digit = g.han_numerals.digits.get(written)
    if not digit and written.isascii() and written.isdigit() and len(q.number_text) == 1:
        digit = int(written)
    if not digit:
        return
    after = text[q.end + 1 : q.end + 2]
    if (
        after in g.single_digits
        or after in g.han_scales
        or after in g.han_numerals.decimal_points
        or after in g.tenths_not_before
    ):
        return
    if after and g.unit_at.match(text, q.end + 1):
        return
    step = Decimal(str(last.factor)) / Decimal(str(q.unit.factor)) if last is not q.unit else Decimal(1)
    q.value += Decimal(digit) * _TENTH * step
    q.end += 1
