"""Join the parts of one compound measure: 2 years and 3 months, 7 ft 10 in, 一小時三十分鐘.

Two neighbouring quantities form one when only a joiner from the rule tables stands between
them, their units measure the same dimension, and the first unit is the larger. The result
is expressed in the smaller unit (27 months, 94 inches). Money joins with its subunit
instead: 3 dollars 50 cents is 3.50 dollars.
"""

from __future__ import annotations

from decimal import Decimal

from claimcheck import rules
from claimcheck.engine.quantity import Quantity
from claimcheck.rules.grammar import Grammar


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
    if _subunit(first, second, g) is not None:
        return True
    a, b = _size(first), _size(second)
    return a is not None and b is not None and a[0] == b[0] and a[1] > b[1]


def _subunit(first: Quantity, second: Quantity, g: Grammar) -> Decimal | None:
    """The worth of `second`'s unit in `first`'s currency, when it is its subunit."""
    if first.unit is not None and first.unit.kind != "money" and not first.currency:
        return None
    if first.value_max is not None or first.unit is not None and first.unit.canonical in g.money_subunits:
        return None
    if first.scaled or first.number_value != first.number_value.to_integral_value():
        return None  # "$5.11 billion and 60 cents a share": no cents are added to millions or cents
    return g.money_subunits.get(second.unit.canonical) if second.unit is not None else None


def join_compounds(text: str, readings: list[tuple[Quantity, str | None]], g: Grammar) -> list[Quantity]:
    """The claims among `readings`, neighbours joined. A reading rejected only as a lone
    "one" with a duration (一個小時) still heads a compound (一個小時三十分鐘)."""
    joined: list[list] = []
    for q, reason in readings:
        previous = joined[-1] if joined else None
        if previous is not None and _joinable(text, previous[0], q, g):
            first = previous[0]
            worth = _subunit(first, q, g)
            if worth is not None:
                first.value += q.value * worth
            else:
                first.value = first.value * _size(first)[1] / _size(q)[1] + q.value
                first.unit, first.unit_text = q.unit, q.unit_text
            first.end = q.end
            previous[1] = reason if previous[1] == reason else None
            continue
        joined.append([q, reason])
    return [q for q, reason in joined if reason is None]
