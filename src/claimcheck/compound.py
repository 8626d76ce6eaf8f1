"""Join the parts of one compound measure: 2 years and 3 months, 7 ft 10 in, 一小時三十分鐘.

Two neighbouring quantities form one when only a joiner from the rule tables stands between
them, their units measure the same dimension, and the first unit is the larger. The result
is expressed in the smaller unit (27 months, 94 inches).
"""

from __future__ import annotations

from decimal import Decimal

from claimcheck import rules
from claimcheck.attach import Quantity
from claimcheck.grammar import Grammar


def _size(q: Quantity) -> tuple[str, Decimal] | None:
    if q.unit is None or q.unit.canonical is None or q.percent or q.value_max is not None:
        return None
    dimension, size = rules.canonical_units()[q.unit.canonical]
    if dimension.startswith("money"):
        return None
    return dimension, Decimal(str(size))


def _joinable(text: str, first: Quantity, second: Quantity, g: Grammar) -> bool:
    if second.qualifier != "exact" or second.currency or text[first.end : second.start] not in g.compound_joiners:
        return False
    a, b = _size(first), _size(second)
    return a is not None and b is not None and a[0] == b[0] and a[1] > b[1]


def join_compounds(text: str, found: list[Quantity], g: Grammar) -> list[Quantity]:
    joined: list[Quantity] = []
    for q in found:
        previous = joined[-1] if joined else None
        if previous is not None and _joinable(text, previous, q, g):
            first_size, second_size = _size(previous)[1], _size(q)[1]
            previous.value = previous.value * first_size / second_size + q.value
            previous.end = q.end
            previous.unit, previous.unit_text = q.unit, q.unit_text
            continue
        joined.append(q)
    return joined
