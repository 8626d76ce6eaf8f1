"""What the words of a period say: the year, months and day written (periods.toml [reading])
and the relative words it holds (periods.toml [frame] words), read once per distinct text.
Shared by the claim's frame (engine/frame/period.py) and the verifier (verification/periods.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from claimcheck.engine.numerals import value_of
from claimcheck.rules.folding import fold
from claimcheck.rules.grammar import grammar
from claimcheck.rules.period_rules import frame_rules, reading_patterns, reading_words


def _number(written: str) -> int | None:
    words = reading_words()
    if written in words:
        return words[written]
    if written.isdigit():
        return int(written)
    value = value_of(written, grammar())  # 十一 (月), 二〇二五 (年): numerals of any language
    return int(value) if value is not None else None


def fields_of(folded: str) -> dict[str, int]:
    """The named groups the reading patterns find in folded text: year, month, day, quarter,
    half, through_quarter, through_month (the first pattern to set a field wins)."""
    fields: dict[str, int] = {}
    for pattern in reading_patterns():
        for match in pattern.finditer(folded):
            for name, written in match.groupdict().items():
                if written is None or name in fields:
                    continue
                number = _number(written[:3] if name == "month_name" else written)
                if number is not None:
                    fields["month" if name == "month_name" else name] = number
    return fields


def months_of(fields: dict[str, int]) -> tuple[tuple[int, int] | None, bool]:
    """The months of a year the fields name, and whether they run from January to a month
    written as the end (前10月, 1-10月, 前三季度): a span of months through it."""
    through_quarter, through_month = fields.get("through_quarter"), fields.get("through_month")
    if through_quarter is not None and 1 <= through_quarter <= 4:
        return (1, 3 * through_quarter), True
    if through_month is not None and 1 <= through_month <= 12:
        return (1, through_month), True
    if "month" in fields and 1 <= fields["month"] <= 12:
        return (fields["month"], fields["month"]), False
    if "quarter" in fields and 1 <= fields["quarter"] <= 4:
        return (3 * fields["quarter"] - 2, 3 * fields["quarter"]), False
    if "half" in fields and fields["half"] in (1, 2):
        return (6 * fields["half"] - 5, 6 * fields["half"]), False
    return None, False


@dataclass(frozen=True, slots=True)
class Reading:
    """A period as written: absolute parts, and relative words by what they stand for
    (anchor → offset: year → -1 for 去年, carried → -1 for "a year earlier")."""

    year: int | None = None
    months: tuple[int, int] | None = None
    through: bool = False
    day: int | None = None
    relative: tuple[tuple[str, int], ...] = ()

    @property
    def anchors(self) -> dict[str, int]:
        return dict(self.relative)

    @property
    def is_day(self) -> bool:
        """One day (今日, 12月2日, Dec. 2): when something was said, not what a later figure is for."""
        anchors = self.anchors
        return (self.day is not None or "day" in anchors) and "to date" not in anchors

    @property
    def says_something(self) -> bool:
        """Whether it names any period at all (a weekday or "previously" does not)."""
        anchors = self.anchors
        if "unknown" in anchors or "earlier" in anchors:
            return False
        return self.year is not None or self.months is not None or self.day is not None or bool(anchors)


@lru_cache(maxsize=8192)
def read(text: str) -> Reading:
    folded = fold(text)
    fields = fields_of(folded)
    months, through = months_of(fields)
    rules = frame_rules()
    relative: dict[str, int] = {}
    for match in rules.relative.finditer(folded):
        meaning = rules.meaning[match.group()]
        relative.setdefault(meaning.anchor, meaning.offset)
    day = fields.get("day") if (months is None or months[0] == months[1]) and not through else None
    return Reading(fields.get("year"), months, through, day, tuple(relative.items()))
