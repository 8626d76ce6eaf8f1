"""The arithmetic of a computed figure, on intervals, and its verdict.

Each row stands for the interval its written precision and tolerance allow (index.IndexedRow
.interval); a result is the interval of every value the rows allow, so a change of two
rounded figures is right when the claim's own interval meets it, and wrong only beyond.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from claimcheck.models import Claim, Computation, Operation, UsedRow
from claimcheck.verification import reasons
from claimcheck.verification.index import IndexedRow
from claimcheck.verification.intervals import Interval
from claimcheck.verification.precision import claim_step
from claimcheck.verification.series import Span, label
from claimcheck.verification.slots import FAR

_NOISE = 1e-9


@dataclass(frozen=True, slots=True)
class Bounds:
    low: float
    high: float

    @classmethod
    def of(cls, row: IndexedRow) -> Bounds:
        """The row's interval, at least as wide as its written precision: a desk's 4.1万 is
        any figure from 40,500 to 41,500, and a change computed from it is that uncertain."""
        if row.bounds is None:
            half = _half_step(row.ref.value_text, row.ref.value) * row.size
            low, high = row.interval.low, row.interval.high
            row.bounds = cls(min(low, row.center - half), max(high, row.center + half))
        return row.bounds

    def __add__(self, other: Bounds) -> Bounds:
        return Bounds(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Bounds) -> Bounds:
        return Bounds(self.low - other.high, self.high - other.low)

    def __truediv__(self, other: Bounds) -> Bounds | None:
        """Of positive figures only: a ratio to a base that may be zero or negative means nothing."""
        if other.low <= 0 or self.low < 0:
            return None
        return Bounds(self.low / other.high, self.high / other.low)

    def affine(self, times: float, plus: float = 0.0) -> Bounds:
        low, high = sorted((self.low * times + plus, self.high * times + plus))
        return Bounds(low, high)

    def meets(self, interval: Interval) -> bool:
        return interval.overlaps(Interval(self.low, self.high))

    def widened(self) -> Bounds:
        """Wider by the float noise of the arithmetic: 125 ÷ 100 − 1 is 0.25000000000000006."""
        return Bounds(self.low - _NOISE * max(1.0, abs(self.low)), self.high + _NOISE * max(1.0, abs(self.high)))


@lru_cache(maxsize=65536)
def _half_step(text: str, value: float) -> float:
    step = claim_step(text, value)
    return float(step) / 2 if step is not None else 0.0


def figure(value: float) -> str:
    """A computed figure as an editor reads it: 56.32, 3,088, 0.4125."""
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    digits = max(0, 3 - int(math.floor(math.log10(abs(value)))))
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def used(row: IndexedRow) -> UsedRow:
    """The row as a working names it: made once, a level row is used by many changes."""
    if row.used is None:
        ref = row.ref
        row.used = UsedRow.trusted(
            id=ref.id,
            table=ref.table,
            row=ref.row,
            value_text=ref.value_text,
            subject=ref.subject,
            as_of=ref.as_of,
            source=ref.source,
        )
    return row.used


@dataclass(slots=True)
class Working:
    """A computation before its verdict: what was done, with which rows, to what result."""

    operation: Operation
    rows: list[IndexedRow]
    expression: str
    result: Bounds
    center: float
    missing: list[Span] = field(default_factory=list)

    def record(self) -> Computation:
        return Computation.trusted(
            operation=self.operation,
            rows=[used(row) for row in self.rows],
            expression=self.expression,
            result=_rounded(self.center),
            low=_rounded(self.result.low),
            high=_rounded(self.result.high),
            missing=[label(span) for span in self.missing],
        )

    def text(self) -> str:
        ids = list(dict.fromkeys(row.ref.id for row in self.rows))
        if len(ids) > 4:
            ids = [ids[0], "…", ids[-1], f"({len(ids)})"]
        ids = ", ".join(ids).replace("…, ", "… ").replace(", (", " (")
        return f"{self.expression}: {ids}" if ids else self.expression


def _rounded(number: float) -> float:
    return float(f"{number:.10g}") if math.isfinite(number) else number


@dataclass(slots=True)
class Computed:
    """A verdict reached by computing: its status, reason and working."""

    status: str
    reason: str
    working: Working | None
    difference: float | None = None
    relative: float | None = None


def judge(claim: Claim, language: str, working: Working, interval: Interval, value: float, size: float) -> Computed:
    """sourced when the claim's interval meets the result's; mismatch otherwise, unless ten
    times off (another figure). `interval` and `value` are the claim's, signed, in the
    result's unit; `size`: that unit over the claim's."""
    if working.result.widened().meets(interval):
        return Computed("sourced", reasons.computed(language, "sourced", working.text()), working)
    result = working.center
    low, high = sorted((abs(value), abs(result)))
    if low and high / low >= FAR:
        return Computed("unsourced", reasons.computed(language, "far", working.text(), times=round(high / low)), None)
    nearest = min(max(value, working.result.low), working.result.high)
    difference = (value - nearest) / size
    relative = (value - nearest) / nearest if nearest else None
    reason = reasons.computed(
        language, "mismatch", working.text(), claim=claim, difference=difference, relative=relative
    )
    return Computed("mismatch", reason, working, difference, relative)


def missing(language: str, working: Working) -> Computed:
    periods = ", ".join(label(span) for span in working.missing)
    return Computed("unsourced", reasons.computed(language, "missing", working.text(), missing=periods), working)
