"""Rows alike but for their period (IndexedRow.alike: one subject, metric, unit, basis and
modality): they differ from a claim alike, so one is judged for all, and those of the claim's
period are found by look-up instead of each row's period being checked."""

from __future__ import annotations

from collections import defaultdict

from claimcheck.verification.context import Context
from claimcheck.verification.index import IndexedRow, ReferenceIndex
from claimcheck.verification.periods import conflict
from claimcheck.verification.slots import WITHOUT_PERIOD, ClaimSlots, resolved_conflict

Months = tuple[tuple[int, int], tuple[int, int]]  # first and last (year, month)


class PeriodFiling:
    """Rows by what their period states: none, a year or years only, a month of any year,
    or months of one year; rows of months over several years agree with no resolved period."""

    __slots__ = ("undated", "years_only", "any_year", "months")

    def __init__(self, rows: list[IndexedRow]) -> None:
        self.undated: list[IndexedRow] = []
        self.years_only: list[IndexedRow] = []
        self.any_year: dict[tuple[int, int], list[IndexedRow]] = defaultdict(list)
        self.months: dict[Months, list[IndexedRow]] = defaultdict(list)
        for row in rows:
            period = row.period
            if period is None or (period.years is None and period.months is None):
                self.undated.append(row)
            elif period.months is None:
                self.years_only.append(row)
            elif period.years is None:
                self.any_year[period.months].append(row)
            elif period.years[0] == period.years[1]:
                year = period.years[0]
                self.months[((year, period.months[0]), (year, period.months[1]))].append(row)


class AlikeRows:
    """The rows of one bucket of the index alike but for their period, in the table's order."""

    __slots__ = ("rows", "first", "pieces", "_by_period")

    def __init__(self, rows: list[IndexedRow]) -> None:
        self.rows = rows
        self.first = rows[0]
        self.pieces = rows[0].pieces
        self._by_period: PeriodFiling | None = None

    @property
    def by_period(self) -> PeriodFiling:
        if self._by_period is None:
            self._by_period = PeriodFiling(self.rows)
        return self._by_period


def _filed(index: ReferenceIndex) -> dict[tuple[str, str], list[AlikeRows]]:
    """The rows of each bucket of the index (ReferenceIndex.by_piece) as groups of rows alike:
    rows alike share their terms and subject, so they are filed in one bucket."""
    filed = {}
    for bucket, rows in index.by_piece.items():
        grouped: dict[tuple, list[IndexedRow]] = {}
        for row in rows:
            grouped.setdefault(row.alike, []).append(row)
        filed[bucket] = [AlikeRows(group) for group in grouped.values()]
    return filed


def context_groups(index: ReferenceIndex, dimensions: tuple[str, ...], context: set[str]) -> list[AlikeRows]:
    """index.context_rows, as the groups of rows alike but for their period."""
    if index.alike is None:
        index.alike = _filed(index)
    filed = index.alike
    return [group for bucket in index.context_buckets(dimensions, context) for group in filed[bucket]]


def in_period(claim: ClaimSlots, group: AlikeRows) -> list[IndexedRow]:
    """The rows of the group whose period does not conflict with the claim's, as
    ClaimSlots.period_conflict tells them; a resolved period finds its rows by look-up."""
    frame_period = claim.frame_period
    if frame_period is not None and frame_period.how == "earlier":
        return [row for row in group.rows if row.period is None or not row.period.known]
    resolved = claim.resolved
    if resolved is None:
        if claim.period is None:
            return group.rows
        return [row for row in group.rows if row.period is None or not conflict(row.period, claim.period)]
    filing = group.by_period
    found = list(filing.undated)
    found.extend(row for row in filing.years_only if not resolved_conflict(resolved, row.period))
    if resolved.first[0] == resolved.last[0]:
        found.extend(filing.any_year.get((resolved.first[1], resolved.last[1]), ()))
    day = resolved.day
    for row in filing.months.get((resolved.first, resolved.last), ()):
        if day is None or row.period.day is None or row.period.day == day:
            found.append(row)
    return found


def same_rows(slots: ClaimSlots, groups: list[AlikeRows], context: Context) -> list[IndexedRow]:
    """The rows of the groups that differ from the claim in no slot (claim_check.judge_rows'
    rows without a slot, in another order): a group is judged once, its period by look-up."""
    same: list[IndexedRow] = []
    for group in groups:
        if not slots.differs(group.first, context, slots=WITHOUT_PERIOD):
            same.extend(in_period(slots, group))
    return same
