"""The interval a claim states and the interval a reference row allows.

A claim's interval follows from its value, its qualifier and its written precision:
33662 → [33661.5, 33662.5); 超2.61億 → (2.61億, ∞); 不到兩年 → (−∞, 2); 約3.4萬 → 3.4萬 ±
max(approximation, half a step); a range → [value, value_max]. A row's interval is its
value ± its tolerance (exact without one), closed at both ends.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.errors import quoted
from claimcheck.models import Claim, ReferenceRow
from claimcheck.references.values import Units, read_tolerance
from claimcheck.rules.reference_rules import reference_rules
from claimcheck.verification.precision import claim_step

INFINITY = float("inf")


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float
    low_closed: bool = True
    high_closed: bool = True

    def scaled(self, factor: float) -> Interval:
        """The same interval in another unit (factor > 0)."""
        return Interval(_clean(self.low * factor), _clean(self.high * factor), self.low_closed, self.high_closed)

    def mirrored(self) -> Interval:
        return Interval(-self.high, -self.low, self.high_closed, self.low_closed)

    def overlaps(self, other: Interval) -> bool:
        return _below(self.low, self.low_closed, other.high, other.high_closed) and _below(
            other.low, other.low_closed, self.high, self.high_closed
        )

    def __str__(self) -> str:
        left = "[" if self.low_closed else "("
        right = "]" if self.high_closed else ")"
        return f"{left}{self.low:g}, {self.high:g}{right}"


def _below(low: float, low_closed: bool, high: float, high_closed: bool) -> bool:
    return low < high or (low == high and low_closed and high_closed)


def _clean(number: float) -> float:
    """Drop the binary noise a unit conversion leaves (0.01 * 123 → 1.23, not 1.2300000000000002)."""
    if number in (INFINITY, -INFINITY):
        return number
    return float(f"{number:.12g}")


def claim_interval(claim: Claim, approximation: float) -> Interval | None:
    """What the claim says, in the units of its value; None when it carries no figure."""
    value = claim.value
    if value is None:
        return None
    qualifier = claim.qualifier
    if qualifier == "range" and claim.value_max is not None:
        return Interval(min(value, claim.value_max), max(value, claim.value_max))
    if qualifier == "over":
        return Interval(value, INFINITY, low_closed=False, high_closed=False)
    if qualifier == "under":
        return Interval(-INFINITY, value, low_closed=False, high_closed=False)
    if qualifier == "at_least":
        return Interval(value, INFINITY, high_closed=False)
    if qualifier == "at_most":
        return Interval(-INFINITY, value, low_closed=False)
    figure = getattr(claim, "figure", None)  # the number as written, where the claim is more (同比增長12%)
    step = claim_step(figure.text if figure is not None else claim.text, value)
    half_step = float(step / 2) if step is not None else 0.0
    if qualifier == "approx":
        half = max(abs(value) * approximation, half_step)
        return Interval(_clean(value - half), _clean(value + half))
    if step is None:
        return Interval(value, value)
    return Interval(_clean(value - half_step), _clean(value + half_step), high_closed=False)


class ClaimIntervals:
    """claim_interval of each claim of one verification, read once for the same figure:
    a draft writes 5.0% and 12% many times over."""

    def __init__(self, approximation: float) -> None:
        self.approximation = approximation
        self._found: dict[tuple, Interval | None] = {}
        self._last: tuple[Claim | None, Interval | None] = (None, None)  # the computation and the row look-up ask alike

    def of(self, claim: Claim) -> Interval | None:
        last, interval = self._last
        if last is claim:
            return interval
        interval = self._read(claim)
        self._last = (claim, interval)
        return interval

    def _read(self, claim: Claim) -> Interval | None:
        figure = getattr(claim, "figure", None)
        text = figure.text if figure is not None else claim.text
        value, top = claim.value, claim.value_max
        key = (text, type(value), value, type(top), top, claim.qualifier)
        found = self._found.get(key, self)
        if found is self:
            found = self._found[key] = claim_interval(claim, self.approximation)
        return found


def row_interval(row: ReferenceRow, units: Units = ()) -> Interval:
    """The values the row backs, in the units of its value (`units`: those of the config)."""
    low = row.value
    high = row.value_max if row.value_max is not None else row.value
    if row.tolerance is None:
        return Interval(min(low, high), max(low, high))
    tolerance = read_tolerance(row.tolerance, row.unit, units)
    below = abs(low) * tolerance.amount if tolerance.relative else tolerance.amount
    above = abs(high) * tolerance.amount if tolerance.relative else tolerance.amount
    return Interval(_clean(min(low, high) - below), _clean(max(low, high) + above))


def parse_approximation(value: float | str | None) -> float:
    """5%, "0.05" or 0.05 → 0.05; None → the default in rules/references.toml."""
    if value is None:
        value = reference_rules().rules.approximation
    text = str(value).strip()
    shown = quoted(value) if isinstance(value, str) else repr(value)
    try:
        number = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        raise ValueError(f"approximation {shown}: write it as 5% or 0.05") from None
    if not 0 <= number < 1:
        raise ValueError(f"approximation {shown}: must be at least 0% and below 100%")
    return number
