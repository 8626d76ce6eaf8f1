"""Figures the table does not hold, computed from rows it does: a change from two levels, a
share of a whole, a cumulative sum, a rank in a group, a streak along a series.

Each operation reads the claim's frame (entity, metric, period, basis) and returns None when
it does not apply; the first that applies gives the verdict, with its working.
"""

from __future__ import annotations

from claimcheck.models import Claim
from claimcheck.verification.compute import changes, ranks, shares, streaks, sums
from claimcheck.verification.compute.levels import Levels, Task
from claimcheck.verification.compute.working import Computed
from claimcheck.verification.context import Context
from claimcheck.verification.index import ReferenceIndex
from claimcheck.verification.intervals import ClaimIntervals
from claimcheck.verification.slots import ClaimSlots

_OPERATIONS = (changes.compute, sums.compute, shares.compute, ranks.compute, streaks.compute)


def compute(
    claim: Claim,
    slots: ClaimSlots,
    context: Context,
    index: ReferenceIndex,
    approximation: float,
    neighbours: tuple[Claim, ...] = (),
    intervals: ClaimIntervals | None = None,
) -> Computed | None:
    """The verdict computed for the claim, or None when no operation applies to it.
    `neighbours`: the other claims of its sentence (a streak's condition may be one of them);
    `intervals`: the claims' intervals, when the caller reads them once."""
    task = Task(claim, slots, context, index, Levels.of(index), approximation, neighbours, intervals)
    for operation in _OPERATIONS:
        found = operation(task)
        if found is not None:
            return found
    return None
