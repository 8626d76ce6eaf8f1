"""One claim against the rows of its frame: distances, ratios and overlaps, in the units
each row's dimension is kept in."""

from __future__ import annotations

import math

from claimcheck.models import Claim
from claimcheck.verification.context import Context
from claimcheck.verification.index import ANY, IndexedRow
from claimcheck.verification.intervals import Interval
from claimcheck.verification.slots import WITHOUT_PERIOD, ClaimSlots


class ClaimCheck:
    """One claim against the index."""

    def __init__(self, claim: Claim, interval: Interval, slots: ClaimSlots) -> None:
        self.claim = claim
        self.size = slots.size
        self.slots = slots
        self.excluded: list[IndexedRow] = []
        # A fall reported as a positive change (下降12%) is also backed by a row of −12%.
        falling = claim.kind == "comparison" and claim.direction in ("down", "less") and (claim.value or 0) > 0
        self.intervals = [interval, interval.mirrored()] if falling else [interval]

    def accept(self, row: IndexedRow) -> bool:
        """A row without terms, of an agreeing basis and modality: does its period agree?"""
        if self.slots.period_conflict(row):
            self.excluded.append(row)
            return False
        return True

    def times(self, row: IndexedRow) -> tuple[float, bool]:
        """How many times the row is larger or smaller than the claim (1 when either is 0),
        and whether it is the larger."""
        difference, row_value = self.difference(row)
        claim_value = abs(row_value + difference)
        low, high = sorted((claim_value, abs(row_value)))
        times = high / low if low else 1.0
        return (times if math.isfinite(times) else 1.0), abs(row_value) > claim_value  # 1e999 km: no ratio

    def frame(self, row_dimension: str) -> tuple[float, list[Interval]]:
        """The claim's value and intervals in the units rows of that dimension are kept in."""
        value = float(self.claim.value or 0)
        if row_dimension == ANY:
            return value, self.intervals
        return value * self.size, [interval.scaled(self.size) for interval in self.intervals]

    def difference(self, row: IndexedRow) -> tuple[float, float]:
        """Claim minus row in the claim's unit, between the nearer ends of the two (a range
        against a row, 10至15萬 against 16萬, differs by 1萬), and the row value used."""
        scale = 1.0 if row.dimension == ANY else row.size / self.size
        top = row.ref.value_max if row.ref.value_max is not None else row.ref.value
        row_low, row_high = sorted((row.ref.value * scale, top * scale))
        value = float(self.claim.value or 0)
        claim_low, claim_high = sorted((value, float(self.claim.value_max or value)))
        if len(self.intervals) == 2 and row_high < 0:  # a fall against a negative change
            value, claim_low, claim_high = -value, -claim_high, -claim_low
        if claim_high < row_low:
            return claim_high - row_low, row_low
        if claim_low > row_high:
            return claim_low - row_high, row_high
        nearest_end = min(max(value, row_low), row_high)
        return value - nearest_end, nearest_end

    def distance(self, row: IndexedRow) -> float:
        return abs(self.difference(row)[0])

    def overlaps(self, row: IndexedRow) -> bool:
        return any(row.interval.overlaps(interval) for interval in self.frame(row.dimension)[1])


def judge_rows(slots: ClaimSlots, rows: list[IndexedRow], context: Context) -> list[tuple[IndexedRow, list[str]]]:
    """Each row with the first slot it differs in. The rows of one series (one subject,
    metric, unit, basis and modality at many periods) differ alike but for their period:
    one is judged for all, and each of the others on its period only."""
    alike: dict[tuple, list[str]] = {}
    judged = []
    for row in rows:
        differs = alike.get(row.alike)
        if differs is None:
            differs = alike[row.alike] = slots.differs(row, context, slots=WITHOUT_PERIOD)
        judged.append((row, differs or (["period"] if slots.period_conflict(row) else [])))
    return judged
