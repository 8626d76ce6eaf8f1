"""Ranks and superlatives: a position among the rows of a group, or a record along a series.

A rank (第二, the third-largest) or a superlative among others (最大, the biggest) is taken
in a group the claim's sentence names (a row's `group`: 台股, the Nasdaq 100): the group's
rows of the claim's metric and period are ordered, largest first unless the clause counts
from the bottom (最低, the smallest), and the claim's entity's place is read. Rows whose
intervals overlap may stand either way: the place is then a range. A rank in no group the
table holds is unsourced, never taken in the whole table. A record (创新高, an all-time
high) is the largest (or smallest) of the claim's own series up to its period.
"""

from __future__ import annotations

from claimcheck.verification import reasons
from claimcheck.verification.compute.levels import Task, clause_of, words
from claimcheck.verification.compute.working import Bounds, Computed, Working
from claimcheck.verification.context import folded, occurs
from claimcheck.verification.index import IndexedRow
from claimcheck.verification.series import Series, Span, label


def compute(task: Task) -> Computed | None:
    claim, span = task.claim, task.span
    if claim.kind not in ("rank", "superlative") or span is None:
        return None
    ascending = task.has(words().ascending_words, clause_of(task.claim))
    if claim.kind == "superlative" and task.has(words().record_words, clause_of(task.claim)):
        return _record(task, ascending)
    if not task.levels.groups:  # the table ranks nothing: a rank is left to rows of its own
        return None
    place = 1 if claim.kind == "superlative" else claim.value
    if place is None:
        return None
    named = [group for group in task.levels.groups if occurs(folded(group).strip(), task.context.text, ())]
    if not named:
        return Computed("unsourced", reasons.no_group(task.language, task.levels.groups), None)
    own = next((s for s in task.own if _group(s, span) in named), None)
    if own is None and task.carried:  # a period carried from the lede: a rank stands as of the latest row
        own, span = _latest(task, named)
    if own is None:
        return None
    members = [s for s in task.levels.alike(own) if _group(s, span) == _group(own, span)]
    return _ranked(task, own, members, int(place), ascending, span)


def _latest(task: Task, named: list[str]) -> tuple[Series | None, Span | None]:
    """The claim's series and its latest period with a row in a named group."""
    for series in task.own:
        spans = [span for span, row in series.by_span.items() if row.ref.group in named]
        if spans:
            return series, max(spans)
    return None, task.span


def _group(series: Series, span) -> str | None:
    """The group the series' row of that period is ranked in."""
    row = series.at(span)
    return row.ref.group if row is not None else None


def places(task: Task, own: Series, span) -> tuple[int, int] | None:
    """The best and worst place of the series' row in its group at that period (largest first)."""
    mine = own.at(span)
    if mine is None or mine.ref.group is None:
        return None
    others = [s.at(span) for s in task.levels.alike(own) if s is not own and _group(s, span) == mine.ref.group]
    surely = [row for row in others if _beyond(row, mine, 1)]
    maybe = [row for row in others if not _beyond(mine, row, 1) and row not in surely]
    return 1 + len(surely), 1 + len(surely) + len(maybe)


def _ranked(task: Task, own: Series, members: list[Series], place: int, ascending: bool, span: Span) -> Computed:
    mine = own.at(span)
    others = [s.at(span) for s in members if s is not own]
    sign = -1 if ascending else 1
    surely = [row for row in others if _beyond(row, mine, sign)]
    maybe = [row for row in others if not _beyond(mine, row, sign) and row not in surely]
    best, worst = 1 + len(surely), 1 + len(surely) + len(maybe)
    at_most = task.claim.qualifier == "at_most"
    holds = best <= place if at_most else best <= place <= worst
    ahead = sorted(surely + maybe, key=lambda row: -sign * row.center)
    shown = ", ".join(f"{row.ref.subject or row.ref.id} {row.ref.value_text}" for row in ahead[:3])
    places = f"{best}" if best == worst else f"{best}–{worst}"
    group = mine.ref.group or ""
    subject = mine.ref.subject or mine.ref.id
    expression = reasons.working(
        task.language,
        "rank",
        subject=subject,
        value=mine.ref.value_text,
        places=places,
        count=len(members),
        group=group,
        period=label(span),
    )
    expression += reasons.working(task.language, "ahead", rows=shown) if shown else ""
    behind = sorted((row for row in others if row not in ahead), key=lambda row: -sign * row.center)
    working = Working("rank", [mine, *ahead, *behind], expression, Bounds(best, worst), float(best))
    return _verdict(task, working, holds, place, best, worst)


def _beyond(row: IndexedRow, other: IndexedRow, sign: int) -> bool:
    """Whether `row` surely ranks before `other`: larger (or smaller, counting from the bottom)."""
    if sign > 0:
        return row.interval.low > other.interval.high
    return row.interval.high < other.interval.low


def _verdict(task: Task, working: Working, holds: bool, place: float, best: int, worst: int) -> Computed:
    if holds:
        return Computed("sourced", reasons.computed(task.language, "sourced", working.text()), working)
    nearest = best if place < best else worst
    difference = place - nearest
    reason = reasons.computed(task.language, "mismatch", working.text(), difference=difference, relative=None)
    return Computed("mismatch", reason, working, difference, None)


def _record(task: Task, ascending: bool) -> Computed | None:
    """创新高: the period's row beyond every earlier row of the series."""
    own = next((s for s in task.own if s.at(task.span) is not None), None)
    if own is None:
        return None
    mine = own.at(task.span)
    length = task.span[1][0] * 12 + task.span[1][1] - task.span[0][0] * 12 - task.span[0][1]
    earlier = [
        row
        for span, row in own.by_span.items()
        if span[1] < task.span[0] and (span[1][0] * 12 + span[1][1] - span[0][0] * 12 - span[0][1]) == length
    ]
    if not earlier:
        return None
    sign = -1 if ascending else 1
    beaten = [row for row in earlier if not _beyond(mine, row, sign)]
    holds = not beaten
    top = min(earlier, key=lambda row: -sign * row.center)
    expression = reasons.working(
        task.language,
        "record",
        value=mine.ref.value_text,
        period=label(task.span),
        count=len(earlier),
        top=f"{top.ref.value_text} ({top.ref.as_of})",
    )
    compared = sorted(earlier, key=lambda row: row.period.years or (0, 0), reverse=True)
    working = Working(
        "rank", [mine, *compared], expression, Bounds(1 + len(beaten), 1 + len(beaten)), 1.0 + len(beaten)
    )
    return _verdict(task, working, holds, 1, 1 + len(beaten), 1 + len(beaten))
