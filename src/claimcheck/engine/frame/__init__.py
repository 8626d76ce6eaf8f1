"""The frame of a claim: whose figure it is, what it measures, for which period, a level or a
change, actual or not (claimcheck.models.Frame). Each slot is read by a module of its own:
entity.py, metric.py, period.py, cues.py (basis and modality), noun.py. Spans are in the cleaned
text until `Frames.of` maps them to the original through `span`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

from claimcheck.engine.claim_ids import ClaimIds
from claimcheck.engine.context import Context
from claimcheck.engine.frame import cues, entity, metric, noun, period
from claimcheck.engine.raw_claim import RawClaim, Span, Spans
from claimcheck.engine.sentences import Sentences
from claimcheck.models import Frame, FramePeriod, TextSpan
from claimcheck.rules.frame_grammar import frame_grammar


class Frames:
    """Frames of the claims of one text, with what its sentences share read once. Claims are
    asked about in document order: a cue of one figure is spent by the figure it governs."""

    def __init__(
        self,
        clean: str,
        date: datetime.date | None,
        span: Callable[[Span | None], TextSpan | None],
        context: Context,
        sentences: Sentences,
        languages: tuple[str, ...],
        shared: ClaimIds,
        times: Sequence[Span] = (),
        baselines: Spans | None = None,
    ) -> None:
        self.clean = clean
        self.span = span  # a clean span → the original's TextSpan
        # times: the text's dates and periods; baselines: what comparisons are measured against
        self.periods = period.Periods(clean, date, span, times, baselines, context.clauses)
        self.context = context
        self.fg = frame_grammar(languages)
        self.entities = entity.Entities(clean, context, sentences, self.fg)
        self.cues = cues.Cues(clean, self.fg)
        self._previous_end = 0
        self.shared = shared  # what the parts of a text read in parts share: its lead entity and period
        self._lead: TextSpan | None = None
        self._lead_read = False
        self._lead_period: tuple[FramePeriod, int] | None = None
        self._lead_period_read = False

    def lead(self) -> TextSpan | None:
        """The text's lead entity, found in its first characters (by this part or an earlier
        one of a text read in parts), as a span of this part's original."""
        self._read_lead_period()
        if not self._lead_read:
            self._lead_read = True
            shared = self.shared
            lead_from = -1  # found by an earlier part: known everywhere in this one
            if shared.lead is None and shared.offset < entity.LEAD_REACH:
                found = self.entities.first_name(entity.LEAD_REACH - shared.offset)
                if found is not None:
                    written = self.span(found)
                    clean = self.clean[slice(*found)]
                    shared.lead = (clean, written.text, written.start + shared.offset, written.end + shared.offset)
                    lead_from = self.clean.rfind("\n", 0, found[0]) + 1
            self.entities.settle_lead()
            if shared.lead is not None:
                clean, text, start, end = shared.lead
                self.entities.lead_text = clean
                self.entities.lead_from = lead_from
                self._lead = TextSpan.trusted(text=text, start=start - shared.offset, end=end - shared.offset)
        return self._lead

    def _read_lead_period(self) -> None:
        """The period of the text's headline or lede, found once in its first characters (by
        this part or an earlier one of a text read in parts), with where it ends."""
        if self._lead_period_read:
            return
        self._lead_period_read = True
        shared = self.shared
        if shared.lead_period is None and shared.offset < entity.LEAD_REACH:
            found = self.periods.lead(entity.LEAD_REACH - shared.offset, shared.head)
            if found is not None:
                made, at = found
                whole = {"start": made.span.start + shared.offset, "end": made.span.end + shared.offset}
                shared.lead_period = (
                    made.model_copy(update={"span": made.span.model_copy(update=whole)}),
                    at + shared.offset,
                )
        if shared.lead_period is not None:
            made, at = shared.lead_period
            here = {"start": made.span.start - shared.offset, "end": made.span.end - shared.offset}
            self._lead_period = (
                made.model_copy(update={"span": made.span.model_copy(update=here)}),
                at - shared.offset,
            )

    def lead_period(self, d: RawClaim) -> FramePeriod | None:
        """The headline's period, for a figure after it with none in its sentence or paragraph
        (wire copy sets the period once, up top); not for a figure written as what another is
        compared with ("up from 36 cents"): its period is another."""
        self._read_lead_period()
        if self._lead_period is None or d.start < self._lead_period[1]:
            return None
        if self.periods.after_baseline_cue(d.start):
            return None
        return self._lead_period[0]

    def of(self, d: RawClaim, sentence: Span) -> Frame:
        lead = self.lead()
        who, found_in = self.entities.of(d, sentence)
        clause = self.context.clauses.of(d.span)
        previous_end = self._previous_end if self._previous_end <= d.start else 0
        self._previous_end = d.end
        when = self.periods.of(d, sentence) or self.lead_period(d)
        basis = self.cues.basis(d, clause, previous_end)
        if basis == "baseline":
            against = d.baseline or (max(clause[0], previous_end), d.start)
            basis = self.periods.basis_against(against, when) or basis
        return Frame.trusted(
            entity=self.span(who) if found_in != "headline" else lead,
            entity_from=found_in,
            metric=self.span(metric.of(self.context, d, sentence)),
            noun=noun.of(self.clean, d, self.fg),
            period=when,
            basis=basis,
            modality=self.cues.modality(d, sentence, previous_end),
        )
