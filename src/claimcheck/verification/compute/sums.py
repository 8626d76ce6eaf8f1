"""A cumulative figure summed from the rows of its months (or quarters).

A claim of several months (1-11月, 前三季, so far this year) that says it is cumulative (a
cumulative word in its sentence, or its period written as a span) is the sum of the rows of
each month of its period when the table has every one; otherwise the months missing are
named. A figure of a stock (stores, market value) is not summed: it has no such word.
"""

from __future__ import annotations

from claimcheck.verification.compute.levels import Task, words
from claimcheck.verification.compute.working import Bounds, Computed, Working, figure, judge, missing
from claimcheck.verification.index import ANY
from claimcheck.verification.series import Series, Span, months_between, shifted

_ADDITIVE = frozenset({"quantity", "money"})


def compute(task: Task) -> Computed | None:
    claim, span = task.claim, task.span
    if claim.kind not in _ADDITIVE or claim.value is None or span is None or task.interval is None:
        return None
    if task.slots.basis != "level" or months_between(*span) < 2 or not cumulative(task):
        return None
    series = [s for s in task.own if s.key.dimension in (task.slots.dimension, ANY) and s.at(span) is None]
    gaps: list[Working] = []
    to_date = task.has(words().to_date_words)
    for own in series:
        for step in (1, 3):
            parts = _parts(span, step, to_date)
            if not parts:
                continue
            rows = [own.at(part) for part in parts]
            if to_date:  # up to now: to the latest part the table holds
                last = max((at for at, row in enumerate(rows) if row is not None), default=-1)
                parts, rows = parts[: last + 1], rows[: last + 1]
            present = [row for row in rows if row is not None]
            if not present:
                continue
            if len(present) < len(rows):
                absent = [part for part, row in zip(parts, rows, strict=True) if row is None]
                gaps.append(Working("sum", present, _label(step), Bounds(0, 0), 0.0, absent))
                continue
            return _judged(task, own, present)
    return missing(task.language, gaps[0]) if gaps else None


def summed(series: Series, span: Span) -> tuple[list, list[Span]]:
    """The rows of a span's months (or quarters) when the series has every one, else the
    parts it lacks (of the finer step that has any): ([], missing)."""
    lacking: list[Span] = []
    for step in (1, 3):
        parts = _parts(span, step)
        if parts is None:
            continue
        rows = [series.at(part) for part in parts]
        if all(row is not None for row in rows):
            return rows, []
        if not lacking and any(row is not None for row in rows):
            lacking = [part for part, row in zip(parts, rows, strict=True) if row is None]
    return [], lacking or [span]


def cumulative(task: Task) -> bool:
    period, sentence = task.slots.frame_period, task.claim.sentence
    span = period.span if period is not None else None
    inside = span is not None and sentence.start <= span.start and span.end <= sentence.end
    written = span.text if inside else ""  # a span carried from another sentence says nothing of this one
    return task.has(words().cumulative_words) or any(mark in written for mark in words().span_marks)


def _parts(span: Span, step: int, open_end: bool = False) -> list[Span] | None:
    """The months (step 1) or quarters (step 3) that make up the span; with `open_end`, the
    whole ones it holds (a year so far in November holds three quarters)."""
    first, last = span
    count = months_between(first, last)
    if (count % step and not open_end) or (step == 3 and first[1] % 3 != 1):
        return None
    starts = [shifted(first, k) for k in range(0, count - count % step, step)]
    return [(start, shifted(start, step - 1)) for start in starts]


def _label(step: int) -> str:
    return "Σ monthly rows" if step == 1 else "Σ quarterly rows"


def _judged(task: Task, own: Series, rows: list) -> Computed:
    total = Bounds(0.0, 0.0)
    for row in rows:
        total = total + Bounds.of(row)
    center = sum(row.center for row in rows)
    shown = " + ".join(row.ref.value_text for row in rows[:3])
    if len(rows) > 4:
        shown += f" + … + {rows[-1].ref.value_text}"
    elif len(rows) == 4:
        shown += f" + {rows[-1].ref.value_text}"
    working = Working("sum", rows, f"{shown} = {figure(center)}", total, center)
    size = 1.0 if rows[0].dimension == ANY else task.slots.size
    value = float(task.claim.value) * size
    return judge(task.claim, task.language, working, task.interval.scaled(size), value, size)
