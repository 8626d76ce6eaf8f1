"""Claims × a reference table → one verdict per claim: sourced, mismatch or unsourced.

A row is a candidate for a claim when it holds the same figure: every slot of the claim's
frame agrees with it (verification/slots.py: entity, metric, unit, noun, modality, basis,
period). sourced: a candidate's interval overlaps the claim's (the most specific such row
is reported). mismatch: candidates, none overlapping, the nearest within a factor of ten;
it is reported with the difference. unsourced: no candidate (the reason names the slot that
ruled out the nearest row of another frame); the nearest candidate ten times off or more
(probably another figure); or candidates for several periods of which the claim names
none. Pure: no I/O.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable

from claimcheck.engine.numbers import number_arithmetic
from claimcheck.models import Claim, ReferenceRow, Verdict
from claimcheck.references.tables import ReferenceTable
from claimcheck.verification import reasons
from claimcheck.verification.alike import context_groups, same_rows
from claimcheck.verification.claim_check import ClaimCheck, judge_rows
from claimcheck.verification.compute import compute
from claimcheck.verification.compute.changes import baseline_in_clause
from claimcheck.verification.compute.working import Computed
from claimcheck.verification.context import Context, Contexts
from claimcheck.verification.explain import Explained
from claimcheck.verification.index import IndexedRow, ReferenceIndex, nearest, overlapping_nearest
from claimcheck.verification.intervals import ClaimIntervals, Interval, parse_approximation
from claimcheck.verification.made import made, unsourced
from claimcheck.verification.other_frame import other_frame
from claimcheck.verification.slots import (
    FAR,
    ClaimSlots,
    basis_agrees,
    entity_agrees,
    modality_agrees,
)

References = ReferenceIndex | ReferenceTable | Iterable[ReferenceTable] | Iterable[ReferenceRow]


def index_references(references: References) -> ReferenceIndex:
    if isinstance(references, ReferenceIndex):
        return references
    if isinstance(references, ReferenceTable):
        return ReferenceIndex(references.rows, references.units)
    rows: list[ReferenceRow] = []
    units: dict[tuple[str, str], None] = {}
    for item in references:
        rows.extend(item.rows if isinstance(item, ReferenceTable) else [item])
        units.update(dict.fromkeys(item.units if isinstance(item, ReferenceTable) else ()))
    return ReferenceIndex(rows, tuple(units))


def _verdict(
    claim: Claim,
    index: ReferenceIndex,
    contexts: Contexts,
    intervals: ClaimIntervals,
    explain: bool,
    neighbours: tuple[Claim, ...] = (),
) -> Verdict:
    """The verdict of a row of the figure itself; without one, the figure computed from rows
    the table does hold. A direct row wins; when the levels say otherwise, the reason says so."""
    context = contexts.of(claim)
    slots = ClaimSlots.of(claim) if claim.value is not None or claim.frame is not None else None
    approximation = intervals.approximation
    computed = None
    if slots is not None and claim.frame is not None and index.size:
        computed = compute(claim, slots, context, index, approximation, neighbours, intervals)
    if claim.value is None:
        direct = made(claim.id, "unsourced", reasons.no_value(context.language))
    else:
        # A computed figure replaces a direct verdict without a row: its reason is not read then.
        quiet = computed is not None and not explain
        direct = _direct(claim, slots, index, context, intervals.of(claim), explain, quiet)
        if direct is None:  # no row near: the computed verdict stands, built once
            return _computed(claim.id, computed, 0, None)
    if slots is None or claim.frame is None or not index.size:
        return direct
    if direct.status == "mismatch" and slots.basis == "change" and baseline_in_clause(claim):
        # A baseline the frame did not read (較今年2月的210.4億元成長39.1%): a row of another is no check.
        direct = direct.model_copy(update={"status": "unsourced", "reason": _open_reason(direct, context)})
    if computed is None:
        return direct
    if direct.status == "unsourced":
        return _computed(direct.claim_id, computed, direct.candidates, direct.considered)
    if computed.working is not None and computed.status != "unsourced" and computed.status != direct.status:
        reason = direct.reason + reasons.levels_disagree(context.language, computed.working.text())
        return direct.model_copy(update={"reason": reason, "computation": computed.working.record()})
    return direct


def _computed(claim_id: str, computed: Computed, candidates: int, considered: list | None) -> Verdict:
    working = computed.working
    return made(
        claim_id,
        computed.status,
        computed.reason,
        None,
        computed.difference,
        computed.relative,
        candidates,
        considered,
        working.record() if working is not None else None,
    )


def _open_reason(direct: Verdict, context: Context) -> str:
    row = direct.reference
    basis = row.basis if row is not None and row.basis else "level"
    return reasons.no_baseline(context.language, basis, direct.reason)


def _direct(
    claim: Claim,
    slots: ClaimSlots,
    index: ReferenceIndex,
    context: Context,
    interval: Interval,
    explain: bool,
    quiet: bool = False,
) -> Verdict | None:
    """The verdict of the rows of the claim's own frame. `quiet`: when none is near, None
    (no verdict: the caller has a better one than unsourced)."""
    lookup = context.pieces
    if slots.entity is not None:
        lookup = lookup | index.subject_pieces(slots.entity, entity_agrees)
    groups = index.plain_groups(slots.dimensions, slots.measure)
    told = Explained(claim, slots, context.language) if explain else None
    judged: list[tuple[IndexedRow, list[str]]] | None = None
    if explain:
        looked = index.context_rows(index.dimensions, lookup)
        if not looked and not groups:
            return unsourced(claim, reasons.no_row(context.language), told)
        judged = judge_rows(slots, looked, context)
        same = [row for row, differs in judged if not differs]
    else:
        alike = context_groups(index, slots.dimensions, lookup)
        if not alike and not groups:
            return None if quiet else unsourced(claim, reasons.no_row(context.language), told)
        # a row whose terms are not all in the context can be no candidate nor named
        same = same_rows(slots, [group for group in alike if group.pieces <= context.pieces], context)
    check = ClaimCheck(claim, interval, slots)
    agreeing = [g for g in groups if basis_agrees(slots.basis, g.basis) and modality_agrees(slots.modality, g.modality)]

    count = len(same)
    overlapping = [row for row in same if check.overlaps(row)]
    for group in agreeing:
        sorted_rows = group.rows
        with_period = sorted_rows.with_period if slots.period_known else []
        conflicting = [row for row in with_period if slots.period_conflict(row)]
        count += len(sorted_rows.rows) - len(conflicting)
        value, intervals = check.frame(group.dimension)
        found = (overlapping_nearest(sorted_rows, value, each, check.accept) for each in intervals)
        overlapping.extend(row for row in found if row is not None)
    if told is not None:
        told.judged(judged)
    if overlapping:
        best = min(overlapping, key=lambda row: (-row.specificity, row.period is None, check.distance(row), row.order))
        far = _open_and_far(claim, check, best)
        if far is not None:
            if told is not None:
                told.candidates(check, same, [])
            return unsourced(claim, reasons.far(context.language, best.ref, *far), told)
        if told is not None:
            told.candidates(check, same, overlapping)
        reason = reasons.sourced(context.language, best.ref)
        return made(claim.id, "sourced", reason, best.ref, candidates=count, considered=told.rows if told else None)
    candidates = list(same)
    found = (nearest(group.rows, check.frame(group.dimension)[0], check.accept) for group in agreeing)
    candidates.extend(row for row in found if row is not None)
    if candidates:
        return _nearest_candidate(claim, check, candidates, count, context.language, told)
    if quiet:
        return None
    if judged is None:  # each row with the slot it differs in, in the table's order, to name the nearest
        looked = index.context_rows(slots.dimensions, lookup)
        judged = judge_rows(slots, [row for row in looked if row.pieces <= context.pieces], context)
    return other_frame(claim, check, context, judged, groups, agreeing, told)


_OPEN = frozenset({"over", "under", "at_least", "at_most"})


def _open_and_far(claim: Claim, check: ClaimCheck, row: IndexedRow) -> tuple[float, bool] | None:
    """An open bound (120余座, "more than 120") is backed by any row beyond it; but a row ten
    times beyond it is another figure (1,268 chargers, not the 120 cities)."""
    if claim.qualifier not in _OPEN or claim.value_max is not None:
        return None
    value = abs(check.frame(row.dimension)[0])
    low, high = sorted((value, abs(row.center)))
    if not low or high / low < FAR:
        return None
    return high / low, abs(row.center) > value


def _nearest_candidate(
    claim: Claim, check: ClaimCheck, candidates: list[IndexedRow], count: int, language: str, told: Explained | None
) -> Verdict:
    """No candidate overlaps: a mismatch with the nearest, unless the claim does not say
    which of a series of periods it is for, or the nearest is ten times off or more."""
    best = min(candidates, key=lambda row: (check.distance(row), -row.specificity, row.order))
    periods = _series(best, candidates) if check.slots.resolved is None else 0
    times, larger = check.times(best)
    if periods:
        period = check.slots.frame_period
        written = period.span if period is not None and period.how == "unresolved" else None
        unresolved = written.text if written is not None else None
        reason = reasons.series(language, periods, unresolved)
        if told is not None:
            told.candidates(check, candidates, [], ruled_out=("period", reason))
        return unsourced(claim, reason, told)
    if times >= FAR:
        if told is not None:
            told.candidates(check, candidates, [])
        return unsourced(claim, reasons.far(language, best.ref, times, larger), told)
    if told is not None:
        told.candidates(check, candidates, [])
    difference, row_value = check.difference(best)
    relative = difference / row_value if row_value else None
    reason = reasons.mismatch(language, claim, best.ref, difference, relative)
    considered = told.rows if told is not None else None
    return made(claim.id, "mismatch", reason, best.ref, difference, relative, count, considered)


def _series_key(row: IndexedRow) -> tuple:
    return (row.subject, row.terms, row.basis, row.modality, row.dimension, row.measure)


def _series(best: IndexedRow, candidates: list[IndexedRow]) -> int:
    """How many periods the table holds the nearest candidate's figure for, when several."""
    if best.period is None or not best.period.known or not (best.terms or best.subject):
        return 0
    key = _series_key(best)
    periods = {
        (row.period.years, row.period.months)
        for row in candidates
        if row.period is not None and row.period.known and _series_key(row) == key
    }
    return len(periods) if len(periods) > 1 else 0


def _neighbours(claims: list[Claim]) -> list[tuple[Claim, ...]]:
    """For each claim, the other claims of its sentence, in order."""
    by_sentence: dict[tuple[int, str], list[Claim]] = {}
    for claim in claims:
        by_sentence.setdefault((claim.sentence.start, claim.sentence.text), []).append(claim)
    found: dict[int, tuple[Claim, ...]] = {}
    for group in by_sentence.values():
        if len(group) == 1:
            found[id(group[0])] = ()
            continue
        for claim in group:
            found[id(claim)] = tuple(other for other in group if other is not claim)
    return [found[id(claim)] for claim in claims]


def verify(
    claims: Iterable[Claim],
    references: References,
    *,
    approximation: float | str | None = None,
    explain: bool = False,
) -> list[Verdict]:
    """One verdict per claim, in order: does the reference table back it, contradict it, or say nothing?
    With `explain`, each verdict lists the rows considered and what ruled each out (`considered`)."""
    approx = parse_approximation(approximation)
    collecting = gc.isenabled()
    gc.disable()  # many small objects and no cycles, as in extract: skip the rescans
    try:
        index = index_references(references)
        contexts = Contexts()
        claims = list(claims)
        with number_arithmetic():  # a claim of 1e999999999 km is a number, not a decimal.Overflow
            intervals = ClaimIntervals(approx)
            return [
                _verdict(claim, index, contexts, intervals, explain, others)
                for claim, others in zip(claims, _neighbours(claims), strict=True)
            ]
    finally:
        if collecting:
            gc.enable()
