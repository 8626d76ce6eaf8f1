"""What `verify(..., explain=True)` adds to a verdict: every row considered for the claim,
whether it backs it, contradicts it or was ruled out, and by which slot."""

from __future__ import annotations

from claimcheck.models import Claim, Considered
from claimcheck.verification import reasons
from claimcheck.verification.index import IndexedRow
from claimcheck.verification.slots import FAR, ClaimSlots


class Explained:
    """The rows considered for one claim, in the order the table holds them."""

    def __init__(self, claim: Claim, slots: ClaimSlots, language: str) -> None:
        self.claim = claim
        self.slots = slots
        self.language = language
        self.side = slots.side(claim)
        self._rows: dict[int, Considered] = {}

    @property
    def rows(self) -> list[Considered]:
        return [self._rows[order] for order in sorted(self._rows)]

    def _add(self, row: IndexedRow, outcome: str, slot: str | None, detail: str) -> None:
        ref = row.ref
        self._rows[row.order] = Considered(
            id=ref.id,
            table=ref.table,
            row=ref.row,
            value_text=ref.value_text,
            outcome=outcome,
            slot=slot,
            detail=detail,
        )

    def _ruled_out(self, row: IndexedRow, slot: str) -> None:
        self._add(row, "ruled out", slot, reasons.other_slot(self.language, slot, self.claim, self.side, row.ref))

    def judged(self, judged: list[tuple[IndexedRow, list[str]]]) -> None:
        for row, differs in judged:
            if differs:
                self._ruled_out(row, differs[0])

    def near(self, near: list[tuple[IndexedRow, str]]) -> None:
        for row, slot in near:
            if row.order not in self._rows:
                self._ruled_out(row, slot)

    def candidates(self, check, rows: list[IndexedRow], backing: list[IndexedRow], ruled_out=None) -> None:
        """Rows of the claim's frame: those that overlap back it; the others contradict it,
        unless ten times off or more, or `ruled_out` (slot, why) for them all."""
        backs = {row.order for row in backing}
        for row in [*rows, *backing]:
            if row.order in backs:
                self._add(row, "backs", None, reasons.sourced(self.language, row.ref))
                continue
            if ruled_out is not None:
                self._add(row, "ruled out", ruled_out[0], ruled_out[1])
                continue
            times, larger = check.times(row)
            if times >= FAR:
                self._add(row, "ruled out", "factor", reasons.far(self.language, row.ref, times, larger))
                continue
            difference, row_value = check.difference(row)
            relative = difference / row_value if row_value else None
            reason = reasons.mismatch(self.language, self.claim, row.ref, difference, relative)
            self._add(row, "contradicts", None, reason)
