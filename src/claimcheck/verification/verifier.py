"""Claims × a reference table → one verdict per claim: sourced, mismatch or unsourced.

A row is a candidate for a claim when its unit is compatible (same dimension: km and 公里,
萬元 and 元; counts in the same measure word; or no unit at all), every one of its context
terms occurs in the claim's sentence or context fields (after folding), and its `as_of`
does not conflict with the claim's `time`. sourced: a candidate's interval overlaps the
claim's (the most specific such row is reported). mismatch: candidates, none overlapping;
the nearest is reported with the difference. unsourced: no candidate. Pure: no I/O.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import dataclass

from claimcheck.engine.numbers import number_arithmetic
from claimcheck.models import Claim, ReferenceRow, Verdict
from claimcheck.references.tables import ReferenceTable
from claimcheck.references.values import RANK
from claimcheck.rules.folding import fold
from claimcheck.rules.reference_rules import reference_rules
from claimcheck.verification import reasons
from claimcheck.verification.index import (
    ANY,
    IndexedRow,
    ReferenceIndex,
    claim_dimension,
    nearest,
    overlapping_nearest,
    pieces,
)
from claimcheck.verification.intervals import Interval, claim_interval, parse_approximation
from claimcheck.verification.periods import Period, conflict, read_period

References = ReferenceIndex | ReferenceTable | Iterable[ReferenceTable] | Iterable[ReferenceRow]


def index_references(references: References) -> ReferenceIndex:
    if isinstance(references, ReferenceIndex):
        return references
    if isinstance(references, ReferenceTable):
        return ReferenceIndex(references.rows, references.units)
    rows: list[ReferenceRow] = []
    units: dict[tuple[str, str], None] = {}
    for item in references:
        rows.extend(item.rows if isinstance(item, ReferenceTable) else [item])
        units.update(dict.fromkeys(item.units if isinstance(item, ReferenceTable) else ()))
    return ReferenceIndex(rows, tuple(units))


def _occurs(term: str, text: str, endings: tuple[str, ...]) -> bool:
    """`term` in `text`; an English term must start a word and end one (or an ending of it)."""
    latin_start = term[0].isascii() and term[0].isalnum()
    latin_end = term[-1].isascii() and term[-1].isalnum()
    if not latin_start and not latin_end:
        return term in text
    start = text.find(term)
    while start >= 0:
        end = start + len(term)
        if not (latin_start and start > 0 and _latin(text[start - 1])):
            if not latin_end or end == len(text) or not _latin(text[end]):
                return True
            for ending in endings:
                after = end + len(ending)
                if text.startswith(ending, end) and (after == len(text) or not _latin(text[after])):
                    return True
        start = text.find(term, start + 1)
    return False


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


@dataclass(frozen=True, slots=True)
class _Context:
    text: str  # the sentence and the claim's context fields, folded
    pieces: set[str]  # what the text is looked up by (reference_index.pieces)
    language: str  # whose reasons: a language code, or code/traditional (reasons.language_of)


class _Contexts:
    """The context of each sentence, folded and looked up once; fields of the claim that
    lie outside its sentence (a subject named in the sentence before) are added to it."""

    def __init__(self) -> None:
        self._sentences: dict[tuple, _Context] = {}

    def of(self, claim: Claim) -> _Context:
        sentence = claim.sentence
        key = (sentence.start, sentence.text, claim.lang)
        context = self._sentences.get(key)
        if context is None:
            text = fold(sentence.text)
            language = reasons.language_of(claim.lang, sentence.text)
            context = self._sentences[key] = _Context(text, pieces(text), language)
        outside = [
            span.text
            for span in (claim.subject, claim.metric, claim.time, claim.baseline)
            if span is not None and not (sentence.start <= span.start and span.end <= sentence.end)
        ]
        if not outside:
            return context
        extra = "\n".join(fold(text) for text in outside)
        return _Context(f"{context.text}\n{extra}", context.pieces | pieces(extra), context.language)


class _Check:
    """One claim against the index."""

    def __init__(self, claim: Claim, interval: Interval, size: float, period: Period | None) -> None:
        self.claim = claim
        self.size = size
        self.period = period
        self.excluded: list[IndexedRow] = []
        # A fall reported as a positive change (下降12%) is also backed by a row of −12%.
        falling = claim.kind == "comparison" and claim.direction in ("down", "less") and (claim.value or 0) > 0
        self.intervals = [interval, interval.mirrored()] if falling else [interval]

    def accept(self, row: IndexedRow) -> bool:
        if self.period is not None and row.period is not None and conflict(row.period, self.period):
            self.excluded.append(row)
            return False
        return True

    def frame(self, row_dimension: str) -> tuple[float, list[Interval]]:
        """The claim's value and intervals in the units rows of that dimension are kept in."""
        value = float(self.claim.value or 0)
        if row_dimension == ANY:
            return value, self.intervals
        return value * self.size, [interval.scaled(self.size) for interval in self.intervals]

    def difference(self, row: IndexedRow) -> tuple[float, float]:
        """Claim minus row in the claim's unit, between the nearer ends of the two (a range
        against a row, 10至15萬 against 16萬, differs by 1萬), and the row value used."""
        scale = 1.0 if row.dimension == ANY else row.size / self.size
        top = row.ref.value_max if row.ref.value_max is not None else row.ref.value
        row_low, row_high = sorted((row.ref.value * scale, top * scale))
        value = float(self.claim.value or 0)
        claim_low, claim_high = sorted((value, float(self.claim.value_max or value)))
        if len(self.intervals) == 2 and row_high < 0:  # a fall against a negative change
            value, claim_low, claim_high = -value, -claim_high, -claim_low
        if claim_high < row_low:
            return claim_high - row_low, row_low
        if claim_low > row_high:
            return claim_low - row_high, row_high
        nearest_end = min(max(value, row_low), row_high)
        return value - nearest_end, nearest_end

    def distance(self, row: IndexedRow) -> float:
        return abs(self.difference(row)[0])

    def overlaps(self, row: IndexedRow) -> bool:
        return any(row.interval.overlaps(interval) for interval in self.frame(row.dimension)[1])


def _verdict(claim: Claim, index: ReferenceIndex, contexts: _Contexts, approximation: float) -> Verdict:
    context = contexts.of(claim)
    if claim.value is None:
        return Verdict(claim_id=claim.id, status="unsourced", reason=reasons.no_value(context.language))
    dimension, size, measure = claim_dimension(claim)
    dimensions = (dimension,) if dimension == RANK else (dimension, ANY)
    endings = tuple(reference_rules().rules.english_endings)
    in_context = [
        row
        for row in index.context_rows(dimensions, context.pieces)
        if (measure is None or row.measure is None or row.measure == measure)
        and row.pieces <= context.pieces
        and all(_occurs(term, context.text, endings) for term in row.terms)
    ]
    groups = index.plain_groups(dimensions, measure)
    if not in_context and not groups:
        return Verdict(claim_id=claim.id, status="unsourced", reason=reasons.no_row(context.language))
    period = read_period(claim.time.text) if claim.time else None
    interval = claim_interval(claim, approximation)
    check = _Check(claim, interval, size, period if period is not None and period.known else None)

    candidates = [row for row in in_context if check.accept(row)]
    count = len(candidates)
    overlapping = [row for row in candidates if check.overlaps(row)]
    for row_dimension, group in groups:
        conflicting = [row for row in group.with_period if not check.accept(row)] if check.period else []
        count += len(group.rows) - len(conflicting)
        value, intervals = check.frame(row_dimension)
        found = (overlapping_nearest(group, value, each, check.accept) for each in intervals)
        overlapping.extend(row for row in found if row is not None)
    if not overlapping:
        found = (nearest(group, check.frame(d)[0], check.accept) for d, group in groups)
        candidates.extend(row for row in found if row is not None)

    if overlapping:
        best = min(overlapping, key=lambda row: (-len(row.terms), row.period is None, check.distance(row), row.order))
        reason = reasons.sourced(context.language, best.ref)
        return Verdict(claim_id=claim.id, status="sourced", reason=reason, reference=best.ref, candidates=count)
    if not candidates:
        excluded = list({id(row): row.ref for row in check.excluded}.values())
        reason = reasons.other_period(context.language, excluded) if excluded else reasons.no_row(context.language)
        return Verdict(claim_id=claim.id, status="unsourced", reason=reason)
    best = min(candidates, key=lambda row: (check.distance(row), -len(row.terms), row.order))
    difference, row_value = check.difference(best)
    relative = difference / row_value if row_value else None
    return Verdict(
        claim_id=claim.id,
        status="mismatch",
        reason=reasons.mismatch(context.language, claim, best.ref, difference, relative),
        reference=best.ref,
        difference=difference,
        relative_difference=relative,
        candidates=count,
    )


def verify(
    claims: Iterable[Claim], references: References, *, approximation: float | str | None = None
) -> list[Verdict]:
    """One verdict per claim, in order: does the reference table back it, contradict it, or say nothing?"""
    approx = parse_approximation(approximation)
    collecting = gc.isenabled()
    gc.disable()  # many small objects and no cycles, as in extract: skip the rescans
    try:
        index = index_references(references)
        contexts = _Contexts()
        with number_arithmetic():  # a claim of 1e999999999 km is a number, not a decimal.Overflow
            return [_verdict(claim, index, contexts, approx) for claim in claims]
    finally:
        if collecting:
            gc.enable()
