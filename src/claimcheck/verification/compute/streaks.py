"""Streaks: N periods in a row (连续5个月增长, 連續9個月的銷量連冠, for the sixth straight year,
连续3个月突破3万辆), checked by walking the claim's series back from its period.

What holds each period is read from the claim's clause: a rise or a fall on the period
before (a word of streak_up or streak_down), a place (a rank claim of the sentence that
names the streak as related: the place is then taken in the group each period), or a
threshold (a figure of the clause after the streak, over or at least). The walk stops where
the condition surely fails (the streak is that long) or where a row is missing or the rows'
precision cannot tell (the streak is at least that long). A claim of N is sourced when the
table's streak is at least N, a mismatch when it surely broke before N periods.
"""

from __future__ import annotations

from collections.abc import Callable

from claimcheck.verification import reasons
from claimcheck.verification.compute.levels import Task, clause_of, words
from claimcheck.verification.compute.ranks import places
from claimcheck.verification.compute.working import Bounds, Computed, Working
from claimcheck.verification.index import IndexedRow
from claimcheck.verification.series import Series, Span, label, shifted

_STEP = {"month": 1, "quarter": 3, "year": 12}
_LIMIT = 240  # periods walked at most

# A period's verdict on the condition: True holds, False surely fails, None cannot tell.
Condition = Callable[[Span], bool | None]


def compute(task: Task) -> Computed | None:
    claim = task.claim
    step = _STEP.get(claim.unit_canonical or "")
    if claim.kind != "duration" or step is None or claim.value is None or task.span is None:
        return None
    clause = clause_of(claim)
    if not task.has(words().streak_words, clause) or claim.value != int(claim.value) or claim.value < 2:
        return None
    end = _period(task.span, step)
    for own in task.own:
        condition = _condition(task, own, clause, step)
        if condition is not None:
            return _walk(task, own, condition, end, step, int(claim.value))
    return None


def _period(span: Span, step: int) -> Span:
    """The period of the streak's step that ends the claim's period."""
    year, month = span[1]
    if step == 12:
        return (year, 1), (year, 12)
    if step == 3:
        first = (year, month - (month - 1) % 3)
        return first, shifted(first, 2)
    return span[1], span[1]


def _back(span: Span, periods: int, step: int) -> Span:
    return shifted(span[0], -periods * step), shifted(span[1], -periods * step)


def _condition(task: Task, own: Series, clause: str, step: int) -> Condition | None:
    rank = next((c for c in task.neighbours if c.kind == "rank" and task.claim.id in c.related), None)
    if rank is not None and rank.value is not None:
        return _placed(task, own, int(rank.value))
    up, down = task.has(words().streak_up, clause), task.has(words().streak_down, clause)
    if up or down:
        sign = 1 if up else -1
        return lambda span: _moved(own.at(span), own.at(_back(span, 1, step)), sign)
    after = [c for c in task.neighbours if c.start >= task.claim.end and c.qualifier in ("over", "at_least")]
    if after and after[0].value is not None and own.key.dimension != "ratio":
        limit = float(after[0].value) * (task.slots.size if own.key.dimension == task.slots.dimension else 1.0)
        return lambda span: _above(own.at(span), limit)
    return None


def _placed(task: Task, own: Series, place: int) -> Condition | None:
    if not any(row.ref.group for row in own.by_span.values()):
        return None

    def condition(span: Span) -> bool | None:
        found = places(task, own, span)
        if found is None:
            return None
        best, worst = found
        if worst <= place:
            return True
        return False if best > place else None

    return condition


def _moved(now: IndexedRow | None, then: IndexedRow | None, sign: int) -> bool | None:
    if now is None or then is None:
        return None
    low, high = now.interval.low - then.interval.high, now.interval.high - then.interval.low
    if (sign > 0 and low > 0) or (sign < 0 and high < 0):
        return True
    if (sign > 0 and high <= 0) or (sign < 0 and low >= 0):
        return False
    return None


def _above(row: IndexedRow | None, limit: float) -> bool | None:
    if row is None:
        return None
    if row.interval.low > limit:
        return True
    return False if row.interval.high <= limit else None


def _walk(task: Task, own: Series, condition: Condition, end: Span, step: int, claimed: int) -> Computed:
    length, broken, used = 0, None, []
    while length < _LIMIT:
        span = _back(end, length, step)
        holds = condition(span)
        if holds is None:
            break
        if holds is False:
            broken = span
            break
        used.append(own.at(span))
        length += 1
    if broken is not None:  # the rows that show the break
        used.extend([own.at(broken), own.at(_back(broken, 1, step))])
    rows = list({id(row): row for row in used if row is not None}.values())
    expression = reasons.working(task.language, "streak", length=length, through=label(end))
    if broken is not None:
        expression += reasons.working(task.language, "streak_broken", broken=label(broken))
    working = Working("streak", rows, expression, Bounds(length, length if broken else float("inf")), float(length))
    if length >= claimed:
        return Computed("sourced", reasons.computed(task.language, "sourced", working.text()), working)
    if broken is not None:
        difference = float(claimed - length)
        reason = reasons.computed(task.language, "mismatch", working.text(), difference=difference, relative=None)
        return Computed("mismatch", reason, working, difference, None)
    last = _back(end, length, step)
    working.missing = [last if own.at(last) is None else _back(last, 1, step)]
    periods = label(working.missing[0])
    return Computed("unsourced", reasons.computed(task.language, "missing", working.text(), missing=periods), working)
