"""Dates and periods, read just far enough to tell whether two of them conflict.

A row's `as_of` (2025-12-02, 2025Q3, 2025年10月) and a claim's `time` (12月2日, 第三季度,
October) are read into a year, a span of months and a day, each possibly unknown. They
conflict only when something both state differs; what cannot be read never conflicts
(今年 without the article's date, "last year").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from claimcheck.engine.period_reading import fields_of, months_of
from claimcheck.rules.folding import fold
from claimcheck.rules.period_rules import span_separator


@dataclass(frozen=True, slots=True)
class Period:
    years: tuple[int, int] | None = None
    months: tuple[int, int] | None = None  # within the one year of `years`, or any year
    day: int | None = None

    @property
    def known(self) -> bool:
        return self.years is not None or self.months is not None


@lru_cache(maxsize=4096)
def read_period(text: str) -> Period:
    """The years, months and day a period names, as far as they are written.
    2025-01/2025-11 and 2025年1月至11月 are spans; their ends are read alone and joined."""
    folded = fold(text)
    ends = [_single(part) for part in span_separator().split(folded) if part.strip()]
    if len(ends) == 2 and all(end.known for end in ends):
        return _join(*ends)
    return _single(folded)


def _single(text: str) -> Period:
    fields = fields_of(text)
    months, through = months_of(fields)
    day = fields.get("day") if months is not None and months[0] == months[1] and not through else None
    year = fields.get("year")
    return Period(years=(year, year) if year is not None else None, months=months, day=day)


def _join(first: Period, last: Period) -> Period:
    years = first.years or last.years
    if first.years and last.years:
        years = (min(first.years[0], last.years[0]), max(first.years[1], last.years[1]))
    months = None
    if first.months and last.months and (years is None or years[0] == years[1]):
        months = (min(first.months[0], last.months[0]), max(first.months[1], last.months[1]))
    return Period(years=years, months=months)


def conflict(first: Period, second: Period) -> bool:
    """True when the two periods cannot both hold: another year, month, quarter or day."""
    if first.years is not None and second.years is not None:
        if first.years[1] < second.years[0] or second.years[1] < first.years[0]:
            return True
    if first.months is None or second.months is None:
        return False
    if first.months[1] < second.months[0] or second.months[1] < first.months[0]:
        return True
    same_month = first.months == second.months and first.months[0] == first.months[1]
    return same_month and first.day is not None and second.day is not None and first.day != second.day
