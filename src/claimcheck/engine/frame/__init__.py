"""The frame of a claim: whose figure it is, what it measures, for which period, a level or a
change, actual or not (claimcheck.models.Frame). Each slot is read by a module of its own:
entity.py, period.py, cues.py (basis and modality), noun.py. Spans are in the cleaned text
until `Frames.of` maps them to the original through `span`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

from claimcheck.engine.frame import cues, entity, noun, period
from claimcheck.engine.raw_claim import Clauses, RawClaim, Span, Spans
from claimcheck.models import Frame, TextSpan


class Frames:
    """Frames of the claims of one text, with what its sentences share read once."""

    def __init__(
        self,
        clean: str,
        date: datetime.date | None,
        span: Callable[[Span | None], TextSpan | None],
        times: Sequence[Span] = (),
        baselines: Spans | None = None,
        clauses: Clauses | None = None,
    ) -> None:
        self.clean = clean
        self.date = date
        self.span = span  # a clean span → the original's TextSpan
        # times: the text's dates and periods; baselines: what comparisons are measured
        # against; clauses: the text's clauses, when the caller has found them already
        self.periods = period.Periods(clean, date, span, times, baselines, clauses)

    def of(self, d: RawClaim, sentence: Span) -> Frame:
        who, found_in = entity.of(self.clean, d, sentence)
        return Frame.trusted(
            entity=self.span(who),
            entity_from=found_in,
            metric=self.span(d.metric),
            noun=noun.of(self.clean, d),
            period=self.periods.of(d, sentence),
            basis=cues.basis(self.clean, d, sentence),
            modality=cues.modality(self.clean, d, sentence),
        )
