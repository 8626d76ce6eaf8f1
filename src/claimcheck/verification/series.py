"""Series: the level rows of one entity and metric at several periods, as a desk keeps them.

Rows are of one series when they agree in subject, metric and keywords, modality, dimension
and measure word (a row's group says where it is ranked, not what it is), and hold a level
(no basis column, or `level`). Each row's period is read to a span of months (a month, a
quarter, a year, 2025-01/2025-11; a day counts as its month); a row whose period cannot be
read to months stays out of every series. Changes, shares, sums, ranks and streaks are
computed by looking periods up here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimcheck.verification.index import IndexedRow
from claimcheck.verification.periods import Period

Month = tuple[int, int]  # (year, month)
Span = tuple[Month, Month]  # first and last month, inclusive


def shifted(month: Month, months: int) -> Month:
    index = month[0] * 12 + month[1] - 1 + months
    return index // 12, index % 12 + 1


def months_between(first: Month, last: Month) -> int:
    """How many months the span holds (1 for a single month)."""
    return (last[0] - first[0]) * 12 + last[1] - first[1] + 1


def span_of(period: Period | None) -> Span | None:
    """A row's period as a span of months, when it names its year."""
    if period is None or period.years is None:
        return None
    first_year, last_year = period.years
    if period.months is None:
        return (first_year, 1), (last_year, 12)
    if first_year != last_year:
        return None
    return (first_year, period.months[0]), (first_year, period.months[1])


def label(span: Span) -> str:
    """2025-11, 2025Q3, 2025, or 2025-01/2025-11."""
    (first_year, first_month), (last_year, last_month) = span
    if first_year == last_year and (first_month, last_month) == (1, 12):
        return str(first_year)
    if first_year == last_year and first_month % 3 == 1 and last_month == first_month + 2:
        return f"{first_year}Q{last_month // 3}"
    first, last = (f"{year}-{month:02d}" for year, month in span)
    return first if first == last else f"{first}/{last}"


@dataclass(frozen=True, slots=True)
class SeriesKey:
    subject: str | None
    terms: tuple[str, ...]
    modality: str
    dimension: str
    measure: str | None


@dataclass(slots=True)
class Series:
    key: SeriesKey
    by_span: dict[Span, IndexedRow] = field(default_factory=dict)
    first: int | None = None  # first_order, once the series is complete

    def at(self, span: Span) -> IndexedRow | None:
        return self.by_span.get(span)

    def month(self, month: Month) -> IndexedRow | None:
        return self.by_span.get((month, month))

    @property
    def first_order(self) -> int:
        if self.first is None:
            return min(row.order for row in self.by_span.values())
        return self.first

    @property
    def spans(self) -> list[Span]:
        return sorted(self.by_span)

    @property
    def rows(self) -> list[IndexedRow]:
        return [self.by_span[span] for span in self.spans]


def series_key(row: IndexedRow) -> SeriesKey | None:
    if row.basis not in (None, "level") or not (row.subject or row.terms):
        return None
    return SeriesKey(row.subject, row.terms, row.modality or "actual", row.dimension, row.measure)
