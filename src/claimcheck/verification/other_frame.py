"""A claim with no row of its own frame: the reason names the slot (entity, basis, modality,
period, noun) that ruled out the nearest row of another frame."""

from __future__ import annotations

from claimcheck.models import Claim, Verdict
from claimcheck.verification import reasons
from claimcheck.verification.claim_check import ClaimCheck
from claimcheck.verification.context import Context
from claimcheck.verification.explain import Explained
from claimcheck.verification.index import IndexedRow, PlainGroup, nearest
from claimcheck.verification.made import unsourced
from claimcheck.verification.slots import NAMED, basis_agrees, modality_agrees


def other_frame(
    claim: Claim,
    check: ClaimCheck,
    context: Context,
    judged: list[tuple[IndexedRow, list[str]]],
    groups: list[PlainGroup],
    agreeing: list[PlainGroup],
    told: Explained | None,
) -> Verdict:
    """No row of the claim's frame: the reason names the slot that ruled out the nearest row
    differing from it in that slot alone."""
    near: list[tuple[IndexedRow, str]] = []
    for row, differs in judged:
        # An older table's subject may be a topic, not whose figure it is: not named as an entity.
        named = differs and differs[0] in NAMED and (differs[0] != "entity" or row.framed)
        if named and check.slots.differs(row, context, every=True) == differs:
            near.append((row, differs[0]))
    for group in groups:
        if group in agreeing:
            continue
        slot = "basis" if modality_agrees(check.slots.modality, group.modality) else "modality"
        if slot == "modality" and not basis_agrees(check.slots.basis, group.basis):
            continue
        row = nearest(group.rows, check.frame(group.dimension)[0], check.accept)
        if row is not None:
            near.append((row, slot))
    near.extend((row, "period") for row in {id(row): row for row in check.excluded}.values())
    language = context.language
    if told is not None:
        told.near(near)
    if not near:
        return unsourced(claim, reasons.no_row(language), told)
    row, slot = min(near, key=lambda pair: (check.distance(pair[0]), NAMED.index(pair[1]), pair[0].order))
    if slot == "period" and check.slots.resolved is None:
        excluded = list({id(r): r.ref for r, s in near if s == "period"}.values())
        return unsourced(claim, reasons.other_period(language, excluded), told)
    return unsourced(claim, reasons.other_slot(language, slot, claim, check.slots.side(claim), row.ref), told)
