"""What a figure measures: the metric word of its clause (Context's rule), else the last one of
the nearest earlier clause of the same sentence (營收 for 年增32.1% after 營收達2兆元); never
another sentence's. A bare head word ("the rate") stands for the fuller metric written before it in the paragraph
("unemployment rate"). A paragraph is a line, as for the other slots of the frame."""

from __future__ import annotations

from claimcheck.engine.context import Context
from claimcheck.engine.frame.entity import CLAUSES_BACK
from claimcheck.engine.raw_claim import RawClaim, Span


def of(context: Context, d: RawClaim, sentence: Span) -> Span | None:
    found = d.metric or _in_sentence(context, d, sentence)
    if found is None:
        return None  # another sentence's metric is as often another figure's (18% of the market)
    before = _earlier_in_paragraph(context, sentence)
    head = context.clean[found[0] : found[1]]
    for start, end in reversed(before):
        fuller = context.clean[start:end]
        if len(fuller) > len(head) and fuller.lower().endswith(head.lower()):
            cut = fuller[len(fuller) - len(head) - 1]
            if not head.isascii() or cut == " ":
                return start, end
    return found


def _in_sentence(context: Context, d: RawClaim, sentence: Span) -> Span | None:
    clauses = context.clauses
    start = clauses.of(d.span)[0]
    for _ in range(CLAUSES_BACK):
        if start <= sentence[0]:
            break
        previous = clauses.of((start - 1, start - 1))
        found = [m for m in context._metrics(previous) if m[1] <= previous[1]]
        if found:
            return found[-1]
        start = previous[0]
    return None


_REACH = 600  # how far back in its paragraph a sentence looks for a metric


def _earlier_in_paragraph(context: Context, sentence: Span) -> list[Span]:
    """The metrics written before the sentence in its paragraph (its line), read once per sentence."""
    cache = context.paragraph_metrics
    if sentence[0] not in cache:
        line = context.clean.rfind("\n", max(0, sentence[0] - _REACH), sentence[0]) + 1
        start = max(line, sentence[0] - _REACH)
        found = context.rg.metrics.finditer(context.clean, start, sentence[0]) if start < sentence[0] else ()
        cache[sentence[0]] = [m.span() for m in found]
    return cache[sentence[0]]
