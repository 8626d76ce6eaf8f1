"""A claim while the pipeline is still building it: spans in the cleaned text."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import regex

Span = tuple[int, int]


@dataclass(slots=True, eq=False)
class RawClaim:
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
    related: list[RawClaim] = field(default_factory=list)
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

    def absorb(self, figure: RawClaim) -> None:
        """Take the number, unit and qualifier of a figure that belongs to this claim."""
        self.value, self.value_max = figure.value, figure.value_max
        self.unit, self.unit_canonical = figure.unit, figure.unit_canonical
        self.qualifier, self.qualifier_text = figure.qualifier, figure.qualifier_text
        self.figure = figure.figure or figure.span


def without_overlaps(drafts: list[RawClaim]) -> list[RawClaim]:
    """Where two readings overlap, the longer (then the earlier) wins."""
    starts: list[int] = []
    kept: list[RawClaim] = []
    for d in sorted(drafts, key=lambda d: (d.start - d.end, d.start)):
        i = bisect_right(starts, d.start)
        if (i == 0 or kept[i - 1].end <= d.start) and (i == len(kept) or d.end <= kept[i].start):
            starts.insert(i, d.start)
            kept.insert(i, d)
    return kept


def line_starts(text: str) -> list[int]:
    """Where each line of `text` starts."""
    starts = [0]
    find = text.find
    at = find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = find("\n", at + 1)
    return starts


def line_start(text: str, position: int, reach: int) -> int:
    """Where a look back of `reach` characters from `position` starts, kept on its line:
    every line break ends a sentence, and no claim reaches across one."""
    window = max(0, position - reach)
    return text.rfind("\n", window, position) + 1 or window


def line_end(text: str, position: int, reach: int) -> int:
    """Where a look ahead of `reach` characters from `position` ends, kept on its line."""
    stop = text.find("\n", position, position + reach)
    return stop if stop >= 0 else min(len(text), position + reach)


class LineMarks:
    """Where a pattern matches (one character each: a clause or sentence break), found line by
    line and only in the lines asked about. The pattern matches every line break and reads no
    character past one, so a line's marks do not depend on the rest of the text."""

    def __init__(self, text: str, pattern: regex.Pattern[str]) -> None:
        self.text, self.pattern = text, pattern
        self._starts = line_starts(text)
        self._lines: dict[int, list[int]] = {}
        self._last = (0, -1, [])  # the line asked about last: start, end, marks

    def _line(self, position: int) -> tuple[int, list[int]]:
        """The start of the line holding `position` (a line break ends its line) and its marks."""
        start, end, marks = self._last
        if start <= position < end:  # the claims of a line ask about it in turn
            return start, marks
        i = bisect_right(self._starts, position) - 1
        start = self._starts[i]
        end = self._starts[i + 1] if i + 1 < len(self._starts) else len(self.text)
        marks = self._lines.get(start)
        if marks is None:
            marks = self._lines[start] = [m.start() for m in self.pattern.finditer(self.text, start, end)]
        self._last = (start, end, marks)
        return start, marks

    def before(self, position: int) -> int | None:
        """The last mark before `position`: in its line, else the line break before the line."""
        start, marks = self._line(position)
        i = bisect_left(marks, position)
        return marks[i - 1] if i else (start - 1 if start else None)

    def at_or_after(self, position: int) -> int | None:
        """The first mark at or after `position`: in its line, which its line break ends."""
        _, marks = self._line(position)
        i = bisect_left(marks, position)
        return marks[i] if i < len(marks) else None


class Clauses:
    """Clause boundaries, each clause found by its breaks."""

    def __init__(self, text: str, breaks: regex.Pattern[str]) -> None:
        self.length = len(text)
        self.breaks = LineMarks(text, breaks)
        self._of: dict[Span, Span] = {}  # a claim's clause is asked for by every step that reads it

    def of(self, span: Span) -> Span:
        clause = self._of.get(span)
        if clause is None:
            before, after = self.breaks.before(span[0]), self.breaks.at_or_after(span[1])
            clause = self._of[span] = (0 if before is None else before + 1), (self.length if after is None else after)
        return clause


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
