"""Dates and periods, read just far enough to tell whether two of them conflict.

A row's `as_of` (2025-12-02, 2025Q3, 2025年10月) and a claim's `time` (12月2日, 第三季度,
October) are read into a year, a span of months and a day, each possibly unknown. They
conflict only when something both state differs; what cannot be read never conflicts
(今年 without the article's date, "last year").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from claimcheck.engine.numerals import value_of
from claimcheck.rules.folding import fold
from claimcheck.rules.grammar import grammar
from claimcheck.rules.reference_rules import reference_rules


@dataclass(frozen=True, slots=True)
class Period:
    years: tuple[int, int] | None = None
    months: tuple[int, int] | None = None  # within the one year of `years`, or any year
    day: int | None = None

    @property
    def known(self) -> bool:
        return self.years is not None or self.months is not None


def _number(written: str) -> int | None:
    words = reference_rules().period_words
    if written in words:
        return words[written]
    if written.isdigit():
        return int(written)
    value = value_of(written, grammar())  # 十一 (月), 二〇二五 (年): numerals of any language
    return int(value) if value is not None else None


def _fields(text: str) -> dict[str, int]:
    fields: dict[str, int] = {}
    for pattern in reference_rules().periods:
        for match in pattern.finditer(text):
            for name, written in match.groupdict().items():
                if written is None or name in fields:
                    continue
                number = _number(written[:3] if name == "month_name" else written)
                if number is not None:
                    fields["month" if name == "month_name" else name] = number
    return fields


def _months(fields: dict[str, int]) -> tuple[int, int] | None:
    if "month" in fields and 1 <= fields["month"] <= 12:
        return fields["month"], fields["month"]
    if "quarter" in fields and 1 <= fields["quarter"] <= 4:
        return 3 * fields["quarter"] - 2, 3 * fields["quarter"]
    if "half" in fields and fields["half"] in (1, 2):
        return 6 * fields["half"] - 5, 6 * fields["half"]
    if "through_quarter" in fields and 1 <= fields["through_quarter"] <= 4:
        return 1, 3 * fields["through_quarter"]
    if "through_month" in fields and 1 <= fields["through_month"] <= 12:
        return 1, fields["through_month"]
    return None


@lru_cache(maxsize=4096)
def read_period(text: str) -> Period:
    """The years, months and day a period names, as far as they are written.
    2025-01/2025-11 and 2025年1月至11月 are spans; their ends are read alone and joined."""
    folded = fold(text)
    ends = [_single(part) for part in reference_rules().period_span.split(folded) if part.strip()]
    if len(ends) == 2:
        return _join(*ends)
    return _single(folded)


def _single(text: str) -> Period:
    fields = _fields(text)
    months = _months(fields)
    day = fields.get("day") if months is not None and months[0] == months[1] else None
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
