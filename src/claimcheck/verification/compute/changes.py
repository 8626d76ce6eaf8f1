"""A change computed from two level rows: the period the claim is for, and its baseline.

The baseline is the frame's basis: yoy the same months a year earlier, mom the month
before, qoq the quarter before, a named baseline that period (较10月, from September) or
that entity (是對手的兩倍); a change with no baseline said may be any of the three usual
ones, and is then never a mismatch. What is computed follows the claim's unit: a relative
change in %, a multiple in 倍/times, percentage points between two percentages, or the
difference in the claim's own unit.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.models import Claim, Operation
from claimcheck.rules.folding import fold
from claimcheck.verification import reasons
from claimcheck.verification.compute.levels import Task, clause_before, words
from claimcheck.verification.compute.sums import cumulative, summed
from claimcheck.verification.compute.working import Bounds, Computed, Working, figure, judge, missing
from claimcheck.verification.context import folded
from claimcheck.verification.index import ANY, IndexedRow
from claimcheck.verification.intervals import Interval
from claimcheck.verification.periods import read_period
from claimcheck.verification.series import Series, Span, label, months_between, shifted
from claimcheck.verification.slots import ClaimSlots

_OPERATION = {"percent": "relative change", "times": "multiple", "percentage_point": "points"}
_SHIFT = {"yoy": 12, "mom": 1, "qoq": 3}
_FALLING = frozenset({"down", "less"})


def compute(task: Task) -> Computed | None:
    claim = task.claim
    if claim.value is None or task.span is None or task.interval is None or task.slots.basis == "level":
        return None
    percent_change = claim.kind == "percent" and task.slots.basis in _SHIFT
    if claim.kind != "comparison" and not percent_change and claim.unit_canonical != "times":
        return None  # a percentage against its cue (月增4.0%), a multiple (three times the year-earlier figure)
    operation: Operation = _OPERATION.get(claim.unit_canonical or "", "change")  # type: ignore[assignment]
    series = [s for s in task.own if _fits(operation, s, task.slots)]
    if not series or (operation == "multiple" and claim.direction in _FALLING):
        return None
    results: list[Working] = []
    gaps: list[Working] = []
    for baseline in _baselines(task):
        for own in series:
            working = _working(task, operation, own, baseline)
            if working is None:
                continue
            (gaps if working.missing else results).append(working)
            break
    if not results:  # rows missing: named, unless the draft names no baseline to look for
        return missing(task.language, gaps[0]) if gaps and task.slots.basis != "change" else None
    judged = [_judge(task, operation, working) for working in results]
    backed = next((verdict for verdict in judged if verdict.status == "sourced"), None)
    if backed is not None:
        return backed
    if task.slots.basis == "change":  # no baseline said: not shown wrong by any one of them
        worked = "; ".join(working.text() for working in results)
        return Computed("unsourced", reasons.computed(task.language, "open", worked), None)
    return judged[0]


def _fits(operation: str, series: Series, slots: ClaimSlots) -> bool:
    dimension = series.key.dimension
    if operation == "points":
        return dimension == "ratio"
    if operation == "change":
        return dimension in (slots.dimension, ANY) and dimension != "ratio"
    return dimension != "ratio"  # a relative change of a percentage is too often meant in points


def _baselines(task: Task) -> list[Span | str]:
    """The baseline periods (or the entity, folded) the claim's change is against."""
    first, last = task.span
    length = months_between(first, last)
    basis = task.slots.basis
    if basis == "baseline":
        written = task.claim.baseline
        text = written.text if written is not None else clause_before(task.claim)
        period = read_period(text)
        span = _baseline_span(period, task.span) if period.known else None
        if span is not None:
            return [span]
        return [_entity(written.text)] if written is not None else []
    named = baseline_in_clause(task.claim) if basis == "change" else None
    if named is not None:  # 較今年2月的低點210.4億元成長39.1%: the extractor did not attach it
        period = read_period(named)
        span = _baseline_span(period, task.span) if period.known else None
        if span is not None:
            return [span]
    if basis == "mom" and length == 3:  # 环比 of a quarter: the quarter before
        basis = "qoq"
    shifts = [_SHIFT[basis]] if basis in _SHIFT else [12, 1, 3]
    usable = [
        s for s in shifts if s == 12 or (s == 1 and length == 1) or (s == 3 and length == 3 and first[1] % 3 == 1)
    ]
    return [(shifted(first, -s), shifted(last, -s)) for s in usable]


def baseline_in_clause(claim: Claim) -> str | None:
    """The words after the last baseline word (较, 比, from, compared with) in the claim's
    clause before it, when there is one: a baseline the draft names there."""
    before = clause_before(claim)
    folded_before = folded(before)
    at = max((folded_before.rfind(fold(word)) for word in words().baseline_words), default=-1)
    if at < 0:
        return None
    return before[at:] if len(before) == len(folded_before) else folded_before[at:]


def _entity(text: str) -> str:
    return folded(text).strip()


def _baseline_span(period, span: Span) -> Span | None:
    """较10月: October of the claim's year, or of the year before when that is not earlier."""
    first, _ = span
    if period.months is None:
        if period.years is None or period.years[0] != period.years[1]:
            return None
        year = period.years[0]
        return (year, span[0][1]), (year, span[1][1])
    months = period.months
    year = period.years[0] if period.years is not None else first[0]
    if period.years is None and (year, months[1]) >= first:
        year -= 1
    return (year, months[0]), (year, months[1])


def _working(task: Task, operation: str, own: Series, baseline: Span | str) -> Working | None:
    if isinstance(baseline, str):
        others = [s for s in task.levels.of_subject(own, baseline) if s is not own]
        if not others:
            return None
        base_series, base_span = others[0], task.span
    else:
        base_series, base_span = own, baseline
    now_row, then_row = own.at(task.span), base_series.at(base_span)
    if now_row is not None and then_row is not None:  # the common case: two level rows
        now, then, rows = Bounds.of(now_row), Bounds.of(then_row), [now_row, then_row]
        a, b, center_now, center_then = now_row.ref.value_text, then_row.ref.value_text, now_row.center, then_row.center
    else:
        current, previous = _level(task, own, task.span), _level(task, base_series, base_span)
        if isinstance(current, list) or isinstance(previous, list):
            gaps = [span for level in (current, previous) if isinstance(level, list) for span in level]
            present = [row for level in (current, previous) if isinstance(level, _Level) for row in level.rows]
            expression = f"{label(task.span)} / {label(base_span)}"
            return Working(operation, present, expression, Bounds(0, 0), 0.0, gaps)  # type: ignore[arg-type]
        now, then, rows = current.bounds, previous.bounds, current.rows + previous.rows
        a, b, center_now, center_then = current.text, previous.text, current.center, previous.center
    if operation in ("relative change", "multiple"):
        ratio = now / then
        if ratio is None:
            return None
        center = center_now / center_then
        if operation == "multiple":
            return Working("multiple", rows, f"{a} ÷ {b} = {figure(center)}", ratio, center)
        center = (center - 1) * 100
        result = ratio.affine(100, -100)
        return Working("relative change", rows, f"({a} ÷ {b} − 1) × 100 = {figure(center)}%", result, center)
    center = center_now - center_then
    return Working(operation, rows, f"{a} − {b} = {figure(center)}", now - then, center)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class _Level:
    """One side of a change: a level row, or the sum of the rows of a cumulative span."""

    rows: list[IndexedRow]
    bounds: Bounds
    center: float
    text: str  # as the working writes it


def _level(task: Task, series: Series, span: Span) -> _Level | list[Span]:
    """The level of a span, or the periods the table lacks for it. A cumulative figure's
    span (1-3月累计, 前11月) with no row of its own is the sum of its months' rows."""
    row = series.at(span)
    if row is not None:
        return _Level([row], Bounds.of(row), row.center, row.ref.value_text)
    if months_between(*span) < 2 or not cumulative(task):
        return [span]
    rows, lacking = summed(series, span)
    if not rows:
        return lacking
    bounds = Bounds(0.0, 0.0)
    for part in rows:
        bounds = bounds + Bounds.of(part)
    center = sum(part.center for part in rows)
    return _Level(rows, bounds, center, f"Σ {label(span)} ({figure(center)})")


def _judge(task: Task, operation: str, working: Working) -> Computed:
    claim, interval = task.claim, task.interval
    value = float(claim.value)
    falling = claim.direction in _FALLING and value > 0
    if falling:
        interval, value = interval.mirrored(), -value
    size = 1.0
    if operation == "change" and working.rows and working.rows[0].dimension != ANY:
        size = task.slots.size
        interval, value = interval.scaled(size), value * size
    if operation == "multiple" and claim.qualifier == "exact" and not any(c.isdigit() for c in claim.text):
        # doubled, 翻了一番, three times: a multiple in words is as loose as an approximate figure
        half = abs(value) * task.approximation
        interval = Interval(value - half, value + half)
    if operation == "multiple" and task.has(words().increase_multiple, fold(claim.text)):
        # 增长一倍 is twice the baseline; 增长两倍 is read both ways by writers.
        readings = [1.0] + ([0.0] if value >= 2 else [])
        verdicts = [judge(claim, task.language, working, _plus(interval, add), value + add, size) for add in readings]
        return next((v for v in verdicts if v.status == "sourced"), verdicts[0])
    return judge(claim, task.language, working, interval, value, size)


def _plus(interval: Interval, add: float) -> Interval:
    return Interval(interval.low + add, interval.high + add, interval.low_closed, interval.high_closed)
