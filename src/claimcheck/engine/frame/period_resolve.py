"""A period as written, resolved to months (or a day): against the document's date for
relative words and for months without a year, and against the period carried from the
sentence for 當月, 去年同期, "a year earlier"."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from claimcheck.engine.period_reading import Reading


@dataclass(frozen=True, slots=True)
class Resolved:
    """Months counted from year 0 (year * 12 + month - 1), inclusive; a day when one is written."""

    first: int | None
    last: int | None
    day: int | None
    how: str  # written, document date, carried, unresolved

    @property
    def known(self) -> bool:
        return self.first is not None

    def text(self, month: int) -> str:
        return f"{month // 12:04d}-{month % 12 + 1:02d}"

    @property
    def start(self) -> str | None:
        if self.first is None:
            return None
        return self.text(self.first) + (f"-{self.day:02d}" if self.day is not None else "")

    @property
    def end(self) -> str | None:
        if self.last is None:
            return None
        return self.text(self.last) + (f"-{self.day:02d}" if self.day is not None else "")


UNRESOLVED = Resolved(None, None, None, "unresolved")
EARLIER = Resolved(None, None, None, "earlier")


def _month(date: datetime.date) -> int:
    return date.year * 12 + date.month - 1


def _day(year: int, month: int, day: int | None) -> int | None:
    """The day if it exists in that month (2月30日 reads as February)."""
    if day is None:
        return None
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    return day


def _carried(reading: Reading, carried: Resolved | None) -> Resolved:
    if carried is None or not carried.known:
        return UNRESOLVED
    anchors = reading.anchors
    shift = 12 * (anchors["carried"] + anchors.get("year", 0))
    return Resolved(carried.first + shift, carried.last + shift, None, "carried")


def _unyeared(months: tuple[int, int], through: bool, day: int | None, date: datetime.date, forward: bool) -> int:
    """The year of months written without one: the latest whose start (for a span through a
    month, its end) is not after the document's date; looking forward ("by December"), the
    first whose end is not before it."""
    if forward:
        return date.year if months[1] >= date.month else date.year + 1
    month = months[1] if through else months[0]
    year = date.year
    if (month, day or 1) > (date.month, date.day if day is not None else 1):
        year -= 1
    return year


def resolve(
    reading: Reading, date: datetime.date | None, carried: Resolved | None = None, forward: bool = False
) -> Resolved:
    anchors = reading.anchors
    if "earlier" in anchors:
        return EARLIER
    if "unknown" in anchors or not reading.says_something:
        return UNRESOLVED
    if "carried" in anchors:
        return _carried(reading, carried)
    relative = bool(anchors) or reading.year is None
    if relative and date is None:
        return UNRESOLVED
    how = "document date" if relative else "written"
    year, months, day = reading.year, reading.months, reading.day
    if year is None and "year" in anchors:
        year = date.year + anchors["year"]
    if "day" in anchors:
        moved = date + datetime.timedelta(days=anchors["day"])
        return Resolved(_month(moved), _month(moved), moved.day, how)
    for anchor, size in (("month", 1), ("quarter", 3), ("half", 6)):
        if anchor in anchors:
            first = (_month(date) // size + anchors[anchor]) * size
            return Resolved(first, first + size - 1, None, how)
    if "to date" in anchors:
        start = (year if year is not None else date.year) * 12 + (months[0] - 1 if months else 0)
        return Resolved(start, max(start, _month(date)), None, how)
    if months is None and day is not None:  # 今（10）日: the 10th of this month or the last
        if date is None:
            return UNRESOLVED
        month = _month(date) - (1 if day > date.day else 0)
        day = _day(month // 12, month % 12 + 1, day)
        return Resolved(month, month, day, how) if day is not None else UNRESOLVED
    if months is None:
        if year is None:
            return UNRESOLVED
        months = (1, 12)
    if year is None:
        year = _unyeared(months, reading.through, day, date, forward)
    day = _day(year, months[0], day) if months[0] == months[1] else None
    return Resolved(year * 12 + months[0] - 1, year * 12 + months[1] - 1, day, how)
