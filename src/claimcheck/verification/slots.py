"""Whether a reference row holds the same figure as a claim, slot by slot of the claim's frame.

A row is a candidate only when every slot agrees; a slot the row leaves empty does not
constrain. entity: the row's subject contains the claim's entity or is contained in it
(without an entity, or in a table without the frame's columns, the subject must occur in
the sentence or in the claim's fields carried from outside it). metric: the row's metric and
keywords occur in the sentence. unit: the same dimension (a share never against a row
without a unit). noun: what a count counts. modality: equal, a forecast agreeing with
guidance. basis: equal, a change agreeing with any of yoy, mom, qoq. period: no conflict.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import regex

from claimcheck.models import Claim, FramePeriod
from claimcheck.references.values import RANK
from claimcheck.rules.folding import fold
from claimcheck.rules.reference_rules import reference_rules
from claimcheck.verification.context import Context, folded, occurs
from claimcheck.verification.index import ANY, COUNT, IndexedRow, claim_dimension, measure_group
from claimcheck.verification.periods import Period, conflict, read_period

# The order rows are ruled out in; a row's slot is the first that differs.
ORDER = ("unit", "entity", "metric", "noun", "modality", "basis", "period")
WITHOUT_PERIOD = ORDER[:-1]
# Slots whose differing alone names why a claim has no row: its reason says so.
NAMED = ("modality", "basis", "period", "noun", "entity")
FAR = 10  # a row of the claim's frame this many times larger or smaller holds another figure
_CHANGES = frozenset({"yoy", "mom", "qoq"})
_ALIKE = {"forecast": "guidance"}  # modalities that agree with each other


def _endings() -> tuple[str, ...]:
    return tuple(reference_rules().rules.english_endings)


def entity_agrees(entity: str, subject: str) -> bool:
    """A row about 遠翔航空 agrees with a claim about 遠翔, and one about Harbor & Pine with
    Harbor & Pine Co.; folded, an English name whole words only."""
    endings = _endings()
    return occurs(subject, entity, endings) or occurs(entity, subject, endings)


def basis_agrees(claim: str, row: str | None) -> bool:
    if row is None:  # the table has no basis column: its rows hold levels and changes alike
        return True
    if claim == "change":
        return row in _CHANGES
    return claim == row


def modality_agrees(claim: str, row: str | None) -> bool:
    """Equal, or forecast beside guidance; a table without the column constrains nothing."""
    return row is None or claim == row or _ALIKE.get(claim) == row or _ALIKE.get(row) == claim


@dataclass(frozen=True, slots=True)
class Resolved:
    """A claim's period resolved to months: first and last (year, month), and a day."""

    first: tuple[int, int]
    last: tuple[int, int]
    day: int | None

    @classmethod
    def of(cls, period: FramePeriod | None) -> Resolved | None:
        if period is None or not period.start or not period.end:
            return None
        return _resolved(period.start, period.end)

    @property
    def label(self) -> str:
        first, last = (f"{year}-{month:02d}" for year, month in (self.first, self.last))
        return first if first == last else f"{first}/{last}"


def frame_conflict(period: FramePeriod | None, as_of: str | None) -> bool:
    """Whether a claim's frame period and a row's as_of are both known and differ."""
    resolved, row = Resolved.of(period), read_period(as_of) if as_of else None
    return resolved is not None and row is not None and row.known and resolved_conflict(resolved, row)


def resolved_conflict(claim: Resolved, row: Period) -> bool:
    """Both resolved: the row's months must be the claim's (a day in a month counts as that
    month); a row of a year only constrains the year."""
    if row.months is None:
        if row.years is None:
            return False
        return not (row.years[0] <= claim.first[0] and claim.last[0] <= row.years[1])
    if row.years is None:  # a month of any year
        return claim.first[0] != claim.last[0] or (claim.first[1], claim.last[1]) != row.months
    if row.years[0] != row.years[1]:
        return True
    year = row.years[0]
    if (claim.first, claim.last) != ((year, row.months[0]), (year, row.months[1])):
        return True
    return claim.day is not None and row.day is not None and claim.day != row.day


@lru_cache(maxsize=4096)
def _resolved(start_text: str, end_text: str) -> Resolved | None:
    start, end = start_text.split("-"), end_text.split("-")
    try:
        day = int(start[2]) if len(start) == 3 and start == end else None
        return Resolved((int(start[0]), int(start[1])), (int(end[0]), int(end[1])), day)
    except (ValueError, IndexError):  # not YYYY-MM[-DD]: read as unresolved
        return None


@dataclass(slots=True)
class ClaimSlots:
    """The claim's side of each slot, read once."""

    dimension: str
    size: float
    measure: str | None  # the measure-word group of a count (輛, or the noun: stores)
    noun: str | None  # an English noun a count counts (stores), folded; None for a measure word
    entity: str | None  # folded
    basis: str
    modality: str
    frame_period: FramePeriod | None
    resolved: Resolved | None
    period: Period | None  # read from the written time when the frame's period is not resolved
    unitless: bool  # a row without a unit may compare
    own_metric: tuple[str, str] | None = None  # folded: the metric the claim's own clause names, the clause

    @classmethod
    def of(cls, claim: Claim) -> ClaimSlots:
        frame = claim.frame
        dimension, size, measure = claim_dimension(claim)
        noun = frame.noun if frame is not None and frame.noun else None
        english = noun if noun and (claim.unit is None or fold(claim.unit) != fold(noun)) else None
        if dimension == COUNT and measure is None and english:
            measure = measure_group(english)
        entity = folded(frame.entity.text).strip() if frame is not None and frame.entity else None
        frame_period = frame.period if frame is not None else None
        resolved = Resolved.of(frame_period)
        period = None
        if resolved is None:
            written = frame_period.span if frame_period is not None and frame_period.span else claim.time
            read = read_period(written.text) if written is not None else None
            period = read if read is not None and read.known else None
        share = claim.unit_canonical in reference_rules().never_unitless
        return cls(
            dimension,
            size,
            measure,
            fold(english) if english else None,
            entity or None,
            frame.basis if frame is not None else "level",
            frame.modality if frame is not None else "actual",
            frame_period,
            resolved,
            period,
            not share and dimension != RANK,
            _own_metric(claim),
        )

    def side(self, claim: Claim) -> dict[str, str | None]:
        """The claim's side of the slots as a reason names them."""
        frame = claim.frame
        written = self.frame_period.span if self.frame_period is not None else None
        written = written or claim.time
        return {
            "entity": frame.entity.text if frame is not None and frame.entity else None,
            "basis": self.basis,
            "modality": self.modality,
            "noun": frame.noun if frame is not None and frame.noun else None,
            "period": self.resolved.label if self.resolved is not None else (written.text if written else None),
        }

    @property
    def dimensions(self) -> tuple[str, ...]:
        """The dimensions of rows that may compare: the claim's, and rows without a unit."""
        return (self.dimension, ANY) if self.unitless else (self.dimension,)

    @property
    def period_known(self) -> bool:
        return self.resolved is not None or self.period is not None

    def period_conflict(self, row: IndexedRow) -> bool:
        return _period_conflict(self, row)

    def agrees(self, row: IndexedRow, context: Context, slots: tuple[str, ...]) -> bool:
        """Whether the row agrees with the claim in each of those slots."""
        return all(_AGREES[slot](self, row, context) for slot in slots)

    def differs(
        self, row: IndexedRow, context: Context, every: bool = False, slots: tuple[str, ...] = ORDER
    ) -> list[str]:
        """The slots in which the row differs from the claim: the first only, unless `every`."""
        found = []
        for slot in slots:
            if not _AGREES[slot](self, row, context):
                found.append(slot)
                if not every:
                    break
        return found


def _period_conflict(claim: ClaimSlots, row: IndexedRow) -> bool:
    """The one place a row's as_of meets the claim's period."""
    if row.period is None:
        return False
    if claim.frame_period is not None and claim.frame_period.how == "earlier":
        return row.period.known  # an earlier figure the draft does not date: not the row's

    if claim.resolved is not None:
        return resolved_conflict(claim.resolved, row.period)
    return claim.period is not None and conflict(row.period, claim.period)


def _unit(claim: ClaimSlots, row: IndexedRow, context: Context) -> bool:
    return row.dimension in claim.dimensions


def _entity(claim: ClaimSlots, row: IndexedRow, context: Context) -> bool:
    """A table in the frame's shape (basis or modality columns) names whose figure a row is
    in `subject`; an older one often names a topic there (救援, 整车), which must occur in
    the sentence as it always had to, or in the claim's entity carried from outside it."""
    if row.subject is None:
        return True
    if claim.entity is not None and row.framed:
        return entity_agrees(claim.entity, row.subject)
    return row.subject_pieces <= context.pieces and occurs(row.subject, context.text, _endings())


def _metric(claim: ClaimSlots, row: IndexedRow, context: Context) -> bool:
    """The row's words occur around the claim; and when the claim's own clause names what it
    measures (產能利用率則維持在七成左右), the row's metric is that one, not another metric of
    the sentence (營收比重)."""
    endings = _endings()
    if not (row.pieces <= context.pieces and all(occurs(term, context.text, endings) for term in row.terms)):
        return False
    if claim.own_metric is None or not row.ref.metric:
        return True
    own, clause = claim.own_metric
    metric = fold(row.ref.metric).strip()
    return metric in own or own in metric or metric in clause


_CLAUSE_BREAK = regex.compile(r"[,;:，；：]")


@lru_cache(maxsize=1024)
def _clause_breaks(text: str) -> tuple[int, ...]:  # where a sentence's clause breaks stand
    return tuple(match.start() for match in _CLAUSE_BREAK.finditer(text))


def _own_metric(claim: Claim) -> tuple[str, str] | None:
    """The frame's metric and the claim's own clause, folded, when the metric stands in it."""
    frame, sentence = claim.frame, claim.sentence
    if frame is None or frame.metric is None:
        return None
    start, end = claim.start - sentence.start, claim.end - sentence.start
    breaks = _clause_breaks(sentence.text)
    before = bisect_left(breaks, max(start, 0))  # the breaks ending by the claim's start
    after = bisect_left(breaks, max(end, 0))  # the first break from its end
    clause = (
        sentence.start + (breaks[before - 1] + 1 if before else 0),
        sentence.start + (breaks[after] if after < len(breaks) else len(sentence.text)),
    )
    if not (clause[0] <= frame.metric.start and frame.metric.end <= clause[1]):
        return None
    own = fold(frame.metric.text).strip()
    text = fold(sentence.text[clause[0] - sentence.start : clause[1] - sentence.start])
    return (own, text) if own else None


def _noun(claim: ClaimSlots, row: IndexedRow, context: Context) -> bool:
    if claim.measure is not None and row.measure is not None and row.measure != claim.measure:
        return False
    if claim.noun is None or row.dimension != ANY:
        return True
    return any(occurs(word, term, _endings()) for word in _stems(claim.noun) for term in row.terms)


def _stems(noun: str) -> list[str]:
    """stores → stores, store: the noun and the word it ends, for a metric in the singular."""
    found = [noun]
    for ending in _endings():
        if noun.endswith(ending) and len(noun) > len(ending) + 2:
            found.append(noun[: -len(ending)])
    return found


_AGREES = {
    "unit": _unit,
    "entity": _entity,
    "metric": _metric,
    "noun": _noun,
    "modality": lambda claim, row, context: modality_agrees(claim.modality, row.modality),
    "basis": lambda claim, row, context: basis_agrees(claim.basis, row.basis),
    "period": lambda claim, row, context: not _period_conflict(claim, row),
}
