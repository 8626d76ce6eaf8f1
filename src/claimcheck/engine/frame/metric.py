"""What a figure measures: the metric word of its clause (Context's rule), else the last one of
the nearest earlier clause of the same sentence (營收 for 年增32.1% after 營收達2兆元)."""

from __future__ import annotations

from claimcheck.engine.context import Context
from claimcheck.engine.raw_claim import RawClaim, Span


def of(context: Context, d: RawClaim, sentence: Span) -> Span | None:
    if d.metric is not None:
        return d.metric
    clauses = context.clauses
    start = clauses.of(d.span)[0]
    while start > sentence[0]:
        previous = clauses.of((start - 1, start - 1))
        found = [m for m in context._metrics(previous) if m[1] <= previous[1]]
        if found:
            return found[-1]
        start = previous[0]
    return None
