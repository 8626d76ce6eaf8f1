"""The period a figure holds for, from the time words nearest it."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from claimcheck.engine.raw_claim import RawClaim, Span
from claimcheck.models import FramePeriod, TextSpan


def of(
    clean: str,
    d: RawClaim,
    sentence: Span,
    date: datetime.date | None,
    span: Callable[[Span | None], TextSpan | None],
) -> FramePeriod | None:
    if d.time is None:
        return None
    return FramePeriod.trusted(span=span(d.time), start=None, end=None, how="unresolved")
