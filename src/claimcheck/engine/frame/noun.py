"""What a count counts: its measure word (輛, 座)."""

from __future__ import annotations

from claimcheck.engine.raw_claim import RawClaim


def of(clean: str, d: RawClaim) -> str | None:
    return d.unit if d.kind == "quantity" and d.unit_canonical is None else None
