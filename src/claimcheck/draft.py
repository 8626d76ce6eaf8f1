"""A claim while the pipeline is still building it: spans in the cleaned text."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import regex

Span = tuple[int, int]


@dataclass(slots=True, eq=False)
class Draft:
    kind: str
    start: int
    end: int
    value: int | float | None = None
    value_max: int | float | None = None
    unit: str | None = None
    unit_canonical: str | None = None
    qualifier: str = "exact"
    qualifier_text: str | None = None
    direction: str | None = None
    baseline: Span | None = None
    related: list[Draft] = field(default_factory=list)
    figure: Span | None = None
    subject: Span | None = None
    metric: Span | None = None
    time: Span | None = None

    @property
    def span(self) -> Span:
        return self.start, self.end

    @property
    def has_figure(self) -> bool:
        return self.value is not None

    def absorb(self, figure: Draft) -> None:
        """Take the number, unit and qualifier of a figure that belongs to this claim."""
        self.value, self.value_max = figure.value, figure.value_max
        self.unit, self.unit_canonical = figure.unit, figure.unit_canonical
        self.qualifier, self.qualifier_text = figure.qualifier, figure.qualifier_text
        self.figure = figure.figure or figure.span


def without_overlaps(drafts: list[Draft]) -> list[Draft]:
    """Where two readings overlap, the longer (then the earlier) wins."""
    starts: list[int] = []
    kept: list[Draft] = []
    for d in sorted(drafts, key=lambda d: (d.start - d.end, d.start)):
        i = bisect_right(starts, d.start)
        if (i == 0 or kept[i - 1].end <= d.start) and (i == len(kept) or d.end <= kept[i].start):
            starts.insert(i, d.start)
            kept.insert(i, d)
    return kept


def line_start(text: str, position: int, reach: int) -> int:
    """Where a look back of `reach` characters from `position` starts, kept on its line:
    every line break ends a sentence, and no claim reaches across one."""
    window = max(0, position - reach)
    return text.rfind("\n", window, position) + 1 or window


def line_end(text: str, position: int, reach: int) -> int:
    """Where a look ahead of `reach` characters from `position` ends, kept on its line."""
    stop = text.find("\n", position, position + reach)
    return stop if stop >= 0 else min(len(text), position + reach)


class Clauses:
    """Clause boundaries: the breaks are found in one pass, each clause by bisection."""

    def __init__(self, text: str, breaks: regex.Pattern[str]) -> None:
        self.length = len(text)
        self.breaks = [m.start() for m in breaks.finditer(text)]

    def of(self, span: Span) -> Span:
        i = bisect_right(self.breaks, span[0] - 1)
        start = self.breaks[i - 1] + 1 if i > 0 else 0
        j = bisect_left(self.breaks, span[1], i)
        return start, self.breaks[j] if j < len(self.breaks) else self.length


class Spans:
    """Merged, sorted spans with a fast overlap test."""

    def __init__(self, spans) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.ends[i] >= end
