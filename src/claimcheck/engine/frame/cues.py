"""A level or a change (basis), and whose figure: actual, or an estimate, forecast, target
or guidance (modality)."""

from __future__ import annotations

from claimcheck.engine.raw_claim import RawClaim, Span


def basis(clean: str, d: RawClaim, sentence: Span) -> str:
    return "change" if d.kind == "comparison" else "level"


def modality(clean: str, d: RawClaim, sentence: Span) -> str:
    return "actual"
