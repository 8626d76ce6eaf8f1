"""What explain lists: every number the engine read in a text and did not report as a claim,
with what set it aside. A trap or a period is named by the table it was written in (its
file and entry); the engine's own reasons (a year, a code, no unit…) by their words."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from claimcheck.engine.quantity import Quantity
from claimcheck.engine.raw_claim import RawClaim, Spans
from claimcheck.engine.scan import INSIDE_A_DATE, INSIDE_A_TRAP, Pass
from claimcheck.models import Claim, Rejected
from claimcheck.rules.compiled import Grammar
from claimcheck.rules.grammar import DATE
from claimcheck.rules.pattern_family import PatternFamily
from claimcheck.rules.rule_pattern import RulePattern


class _Owners:
    """The matches of a family of rule patterns, to find which rule a number falls in."""

    def __init__(self, family: PatternFamily, clean: str) -> None:
        found = sorted(
            (start, end, order, rule)
            for order, (rule, spans) in enumerate(zip(family.patterns, family.spans(clean), strict=True))
            for start, end in spans
            if end > start
        )
        self.starts = [start for start, *_ in found]
        self.found = found
        self.reach = max((end - start for start, end, *_ in found), default=0)

    def of(self, start: int, end: int) -> RulePattern | None:
        """The first rule (in table order) one of whose matches overlaps [start, end)."""
        best = None
        i = bisect_left(self.starts, end) - 1
        lowest = bisect_left(self.starts, start - self.reach)
        for _, match_end, order, rule in self.found[lowest : i + 1]:
            if match_end > start and (best is None or order < best[0]):
                best = (order, rule)
        return best[1] if best else None


def rejected(text: str, scan: Pass, drafts: list[RawClaim], g: Grammar, line_starts: list[int]) -> list[Rejected]:
    """The readings of `scan` that no claim reports, as records placed in `text`."""
    reported = Spans(span for d in drafts for span in (d.span, d.figure) if span is not None)
    clean = scan.norm.text
    owners: dict[str, _Owners] = {}
    out: list[Rejected] = []
    listed = 0  # where the last number listed ends: a reading that overlaps it is the same text read again
    for q, reason in scan.readings:
        if reason is None or reported.overlaps(q.start, q.end) or q.start < listed:
            continue  # a claim, or a part of one (a compound, a range, the number of a rank)
        listed = q.end
        rule = None
        if reason in (INSIDE_A_DATE, INSIDE_A_TRAP):
            family = "times" if reason == INSIDE_A_DATE else "traps"
            if family not in owners:
                owners[family] = _Owners(getattr(g, family), clean)
            rule = owners[family].of(q.number_start, q.number_end)
            # A date may also be a year or a day the engine found on the way (in 2025, 3日).
            reason = rule.name if rule else DATE if reason == INSIDE_A_DATE else reason
        out.append(_record(text, scan, q, reason, rule, line_starts))
    return out


def _record(
    text: str, scan: Pass, q: Quantity, reason: str, rule: RulePattern | None, line_starts: list[int]
) -> Rejected:
    start, end = scan.norm.to_original(q.start, q.end)
    line = bisect_right(line_starts, start)
    return Rejected.trusted(
        text=text[start:end],
        start=start,
        end=end,
        line=line,
        column=start - line_starts[line - 1] + 1,
        reason=reason,
        rule_file=rule.file if rule else None,
        rule_entry=rule.entry if rule else None,
    )


def left_out(claim: Claim, reason: str) -> Rejected:
    """A claim that the options asked for were not to keep (min_checkworthy, kinds)."""
    return Rejected.trusted(
        text=claim.text,
        start=claim.start,
        end=claim.end,
        line=claim.line,
        column=claim.column,
        reason=reason,
        rule_file=None,
        rule_entry=None,
    )


def in_order(*parts: list[Rejected]) -> list[Rejected]:
    return sorted((r for part in parts for r in part), key=lambda r: (r.start, r.end))
