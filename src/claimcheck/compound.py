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


def join_compounds(text: str, readings: list[tuple[Quantity, str | None]], g: Grammar) -> list[Quantity]:
    """The claims among `readings`, neighbours joined. A reading rejected only as a lone
    "one" with a duration (一個小時) still heads a compound (一個小時三十分鐘)."""
    joined: list[list] = []
    for q, reason in readings:
        previous = joined[-1] if joined else None
        if previous is not None and _joinable(text, previous[0], q, g):
            first, second_size = previous[0], _size(q)[1]
            first.value = first.value * _size(first)[1] / second_size + q.value
            first.end = q.end
            first.unit, first.unit_text = q.unit, q.unit_text
            previous[1] = reason if previous[1] == reason else None
            continue
        joined.append([q, reason])
    return [q for q, reason in joined if reason is None]
