"""Who a figure belongs to: the subject named in the claim's clause."""

from __future__ import annotations

from claimcheck.engine.raw_claim import RawClaim, Span


def of(clean: str, d: RawClaim, sentence: Span) -> tuple[Span | None, str | None]:
    if d.subject is None:
        return None, None
    return d.subject, "clause" if d.subject[0] >= sentence[0] else "sentence"
