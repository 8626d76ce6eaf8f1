"""The level rows a computation may use, as series, and the claim's own series among them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import regex

from claimcheck.models import Claim
from claimcheck.rules.folding import fold
from claimcheck.rules.reference_rules import ComputedWords, reference_rules
from claimcheck.verification.context import Context, folded, occurs
from claimcheck.verification.index import IndexedRow, ReferenceIndex
from claimcheck.verification.intervals import ClaimIntervals, Interval, claim_interval
from claimcheck.verification.series import Series, SeriesKey, Span, series_key, span_of
from claimcheck.verification.slots import ClaimSlots, entity_agrees, modality_agrees


class Levels:
    """Every level row with a period read to months, filed by series."""

    def __init__(self, index: ReferenceIndex) -> None:
        found: dict[SeriesKey, Series] = {}
        self.key_of: dict[int, SeriesKey] = {}  # a row's order → its series
        self.own_cache: dict[tuple, list[Series]] = {}  # a context and claim side → the series agreeing
        for row in index.rows:
            key = series_key(row)
            span = span_of(row.period)
            if key is None or span is None:
                continue
            found.setdefault(key, Series(key)).by_span.setdefault(span, row)
            self.key_of[row.order] = key
        for series in found.values():
            series.first = series.first_order
        self.series = found
        self.by_terms: dict[tuple, list[Series]] = defaultdict(list)
        for key, series in found.items():
            self.by_terms[(key.terms, key.dimension, key.measure, key.modality)].append(series)
        self.groups = sorted({row.ref.group for row in index.rows if row.ref.group})
        # The series of each bucket of the index, with the first of its rows the bucket
        # holds: the rows of a series agree with a claim or not alike, one is judged for all.
        self.filed: dict[tuple[str, str], list[tuple[SeriesKey, IndexedRow]]] = {}
        for bucket, rows in index.by_piece.items():
            first: dict[SeriesKey, IndexedRow] = {}
            for row in rows:
                key = self.key_of.get(row.order)
                if key is not None and key not in first:
                    first[key] = row
            if first:
                self.filed[bucket] = list(first.items())

    @classmethod
    def of(cls, index: ReferenceIndex) -> Levels:
        if index.levels is None:
            index.levels = cls(index)
        return index.levels

    def alike(self, series: Series) -> list[Series]:
        """The series of other subjects of the same metric, unit and modality."""
        key = series.key
        return self.by_terms.get((key.terms, key.dimension, key.measure, key.modality), [])

    def of_subject(self, series: Series, subject: str) -> list[Series]:
        """The series like `series` of a subject named `subject` (folded)."""
        return [s for s in self.alike(series) if s.key.subject is not None and entity_agrees(subject, s.key.subject)]


class _once:  # noqa: N801  (a decorator, named as functools.cached_property is)
    """functools.cached_property without its lock (Python 3.11 takes one on each first read,
    and a task's properties are read once each, for every claim)."""

    def __init__(self, func) -> None:
        self.func = func
        self.name = func.__name__

    def __get__(self, task, owner=None):
        if task is None:
            return self
        value = task.__dict__[self.name] = self.func(task)
        return value


@dataclass
class Task:
    """One claim to compute, with what it is computed from."""

    claim: Claim
    slots: ClaimSlots
    context: Context
    index: ReferenceIndex
    levels: Levels
    approximation: float
    neighbours: tuple[Claim, ...] = ()  # the other claims of the claim's sentence, in order
    intervals: ClaimIntervals | None = None  # the verification's, when it reads them once

    @property
    def language(self) -> str:
        return self.context.language

    @_once
    def span(self) -> Span | None:
        resolved = self.slots.resolved
        return (resolved.first, resolved.last) if resolved is not None else None

    @_once
    def interval(self) -> Interval | None:
        if self.intervals is not None:
            return self.intervals.of(self.claim)
        return claim_interval(self.claim, self.approximation)

    @_once
    def own(self) -> list[Series]:
        """The series whose rows agree with the claim in entity and metric, nearest metric first."""
        slots, levels = self.slots, self.levels
        cache_key = (self.context.text, slots.entity, slots.modality, slots.noun, slots.measure, slots.own_metric)
        found = levels.own_cache.get(cache_key)
        if found is None:
            lookup = self.context.pieces
            if slots.entity is not None:
                lookup = lookup | self.index.subject_pieces(slots.entity, entity_agrees)
            found = []
            filed = levels.filed
            for bucket in self.index.context_buckets(self.index.dimensions, lookup):
                for key, row in filed.get(bucket, ()):
                    if not modality_agrees(slots.modality, row.modality) or not slots.agrees(row, self.context, _SLOTS):
                        continue
                    if row.subject and row.terms and not self._named_beside(row):
                        continue
                    found.append(levels.series[key])
            levels.own_cache[cache_key] = found
        before = folded(self.claim.sentence.text)[: max(self.claim.start - self.claim.sentence.start, 0)]
        return sorted(found, key=lambda s: (_distance(s, before), -sum(map(len, s.key.terms)), _order(s)))

    @property
    def carried(self) -> bool:
        """Whether the claim's period was carried from elsewhere (the lede, the headline)."""
        period = self.slots.frame_period
        return period is not None and period.how == "carried"

    def _named_beside(self, row: IndexedRow) -> bool:
        """Whether the row's metric stands in the context outside its subject's name (the
        devices of Quillon Devices are not a figure of devices)."""
        text = self.context.text.replace(row.subject, " ")
        return all(occurs(term, text, ()) or term in text for term in row.terms)

    def has(self, words: list[str], text: str | None = None) -> bool:
        """Whether one of the words (folded) stands in the text (the claim's context by default)."""
        text = self.context.text if text is None else text
        return any(occurs(fold(word), text, ()) for word in words)


_SLOTS = ("entity", "metric", "noun")
_CLAUSE_BREAK = regex.compile(r"[;:，；：。!?！？]|,(?!\d{3}(?!\d))")  # not the comma of 9,280


def clause_before(claim: Claim) -> str:
    """The words of the claim's clause before it, as written."""
    sentence = claim.sentence
    return _CLAUSE_BREAK.split(sentence.text[: max(claim.start - sentence.start, 0)])[-1]


def clause_of(claim: Claim) -> str:
    """The claim's clause, the claim in it, folded."""
    sentence = claim.sentence
    after = _CLAUSE_BREAK.split(sentence.text[claim.end - sentence.start :])[0]
    return folded(clause_before(claim) + claim.text + after)


def _distance(series: Series, before: str) -> int:
    """How far before the claim its metric was last written (the nearest metric is the claim's)."""
    ends = [before.rfind(term) + len(term) for term in series.key.terms if term in before]
    return len(before) - max(ends) if ends else len(before) + 1


def _order(series: Series) -> int:
    return series.first_order


def words() -> ComputedWords:
    return reference_rules().rules.computed
