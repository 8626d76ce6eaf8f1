"""Verdicts the verifier makes from values it has checked itself: built without validating
them again, as extraction builds its claims (Record.trusted)."""

from __future__ import annotations

from claimcheck.models import Claim, Computation, ReferenceRow, Verdict
from claimcheck.verification.explain import Explained


def made(
    claim_id: str,
    status: str,
    reason: str,
    reference: ReferenceRow | None = None,
    difference: float | None = None,
    relative: float | None = None,
    candidates: int = 0,
    considered: list | None = None,
    computation: Computation | None = None,
) -> Verdict:
    """A verdict from values the verifier has made itself, built without validating them again."""
    return Verdict.trusted(
        claim_id=claim_id,
        status=status,
        reason=reason,
        reference=reference,
        difference=difference,
        relative_difference=relative,
        candidates=candidates,
        considered=considered,
        computation=computation,
    )


def unsourced(claim: Claim, reason: str, told: Explained | None) -> Verdict:
    considered = told.rows if told is not None else None
    return made(claim.id, "unsourced", reason, considered=considered)
