"""An index over reference rows, so a claim meets only the rows that could back it.

Rows are filed by dimension (length, money_cny, count, rank, or `any` for a row without a
unit) and, when they have context terms, by one piece of them: the pair of characters of
their terms that is rarest in the table. A context is cut into its pairs once; a claim
then looks up (its dimension, each key its context holds) and checks the few rows filed
there term by term. Rows without terms are kept sorted by value per dimension, measure
word, basis and modality, and searched by bisection. No claim is compared with every row.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass

from claimcheck import rules
from claimcheck.models import Claim, ReferenceRow
from claimcheck.references.values import RANK, Units, read_unit
from claimcheck.rules.folding import fold
from claimcheck.rules.reference_rules import reference_rules
from claimcheck.verification.intervals import Interval, row_interval
from claimcheck.verification.periods import Period, read_period

ANY = "any"
COUNT = "count"
_DOLLAR = "money_dollar_family"


def dimension_of(canonical: str | None) -> tuple[str, float]:
    """The dimension a canonical unit measures and its size there (km → length, 1000)."""
    if canonical is None:
        return COUNT, 1.0
    if canonical == RANK:
        return RANK, 1.0
    if canonical in reference_rules().dollar_currencies:
        return _DOLLAR, 1.0
    subunit = reference_rules().rules.units.dollar_subunits.get(canonical)
    if subunit is not None:
        return _DOLLAR, subunit
    return rules.canonical_units().get(canonical, (f"unit:{canonical}", 1.0))


def measure_group(written: str | None) -> str | None:
    if not written:
        return None
    folded = fold(written)
    return reference_rules().measure_group.get(folded, folded)


@dataclass(slots=True)
class IndexedRow:
    ref: ReferenceRow
    order: int
    dimension: str
    measure: str | None
    size: float
    interval: Interval  # in the dimension's base unit (as written for `any`)
    center: float
    subject: str | None  # folded
    terms: tuple[str, ...]  # metric and keywords, folded
    pieces: frozenset[str]  # of those terms: a context must hold them all
    subject_pieces: frozenset[str]
    specificity: int  # how many terms it has, its subject included: the more, the more specific
    period: Period | None
    basis: str | None  # None: the table has no basis column
    framed: bool  # from a table with a basis or modality column: its subject is an entity
    modality: str | None  # None: the table has no modality column, and says nothing of it
    alike: tuple = ()  # what rows of one series share: rows alike differ from a claim alike but for their period
    bounds: object = None  # the interval a computation takes the row for (compute.working.Bounds), once read
    used: object = None  # the row as a computation's working names it (compute.working.used), once made


def _stem(term: str) -> str:
    """載客量 → 載客: a Chinese metric with the suffix of an amount matches without it too."""
    for suffix in reference_rules().rules.noun_suffixes:
        if len(term) >= len(suffix) + 2 and term.endswith(suffix) and not term[-len(suffix) - 1].isascii():
            return term[: -len(suffix)]
    return term


def _indexed(ref: ReferenceRow, order: int, units: Units) -> IndexedRow:
    measure = None
    if ref.unit is None or (ref.unit_canonical is None and read_unit(ref.unit, units).measure_word is None):
        dimension, size = ANY, 1.0  # no unit, or a scale alone (萬, million)
    else:
        dimension, size = dimension_of(ref.unit_canonical)
        if dimension == COUNT:
            measure = measure_group(read_unit(ref.unit, units).measure_word)
    subject = fold(ref.subject).strip() if ref.subject and ref.subject.strip() else None
    terms = [ref.metric, *ref.keywords]
    folded = tuple(dict.fromkeys(_stem(fold(term).strip()) for term in terms if term and term.strip()))
    period = read_period(ref.as_of) if ref.as_of else None
    interval = row_interval(ref, units).scaled(size)
    found = frozenset().union(*map(_pieces_of, folded))
    subject_pieces = frozenset(_pieces_of(subject)) if subject else frozenset()
    specificity = len(folded) + (subject is not None)
    return IndexedRow(
        ref,
        order,
        dimension,
        measure,
        size,
        interval,
        ref.value * size,
        subject,
        folded,
        found,
        subject_pieces,
        specificity,
        period,
        ref.basis,
        ref.basis is not None or ref.modality is not None,
        ref.modality,
        (
            dimension,
            subject,
            folded,
            ref.metric,
            measure,
            ref.basis,
            ref.modality,
            ref.basis is not None or ref.modality is not None,
        ),
    )


_LATIN_RUN = re.compile(r"[a-z0-9]+")  # ASCII alone: the stdlib engine is the quicker to call here
_PREFIXES = (1, 2, 3, 4, 5, 6)


def pieces(text: str) -> set[str]:
    """What a folded text is looked up by: the first one to six letters of each Latin word
    (a term matches a word it begins: truck, trucks), and each pair of other neighbouring
    characters (Chinese terms), a Latin word standing as one space there."""
    words = _LATIN_RUN.findall(text)
    rest = _LATIN_RUN.sub(" ", text)
    found = {word[:n] for word in words for n in _PREFIXES}
    found.update(map(str.__add__, rest, rest[1:]))
    found.update(rest)
    return found


def _pieces_of(term: str) -> set[str]:
    """The pieces of a term that a context holding it holds too: word starts, pairs."""
    words = _LATIN_RUN.findall(term)
    rest = _LATIN_RUN.sub(" ", term)
    found = {word[: _PREFIXES[-1]] for word in words}
    found.update(map(str.__add__, rest, rest[1:]))
    if len(rest) == 1 and rest != " ":
        found.add(rest)  # a one-character Chinese term
    return found - {" "}


@dataclass
class SortedRows:
    rows: list[IndexedRow]
    centers: list[float]
    reach: float  # the widest half-width of a row interval here
    with_period: list[IndexedRow]


@dataclass
class PlainGroup:
    """Rows without terms of one dimension, measure word, basis and modality."""

    dimension: str
    measure: str | None
    basis: str | None
    modality: str | None
    rows: SortedRows


class ReferenceIndex:
    def __init__(self, refs: list[ReferenceRow], units: Units = ()) -> None:
        """`units`: those the config adds, which the rows' units may name."""
        rows = [_indexed(ref, order, units) for order, ref in enumerate(refs)]
        frequency = Counter(piece for row in rows for piece in row.pieces)
        # Each row is filed under one piece of its terms, the rarest in the table: a text
        # without that piece cannot hold all the row's terms.
        self.by_piece: dict[tuple[str, str], list[IndexedRow]] = defaultdict(list)
        plain: dict[tuple[str, str | None, str | None, str], list[IndexedRow]] = defaultdict(list)
        for row in rows:
            if row.terms or row.subject:
                # Digits and spaces are in every context with a figure: a key of letters filters better.
                key = min(row.pieces | row.subject_pieces, key=lambda p: (not p.isalpha(), frequency[p], p))
                self.by_piece[(row.dimension, key)].append(row)
            else:
                plain[(row.dimension, row.measure, row.basis, row.modality)].append(row)
        self.keys = frozenset(key for _, key in self.by_piece)
        self.dimensions = tuple(dict.fromkeys(row.dimension for row in rows))
        # The pieces of each subject, for a claim whose entity is named outside its sentence.
        self.subjects = {row.subject: row.subject_pieces for row in rows if row.subject}
        self._agreeing: dict[str, frozenset[str]] = {}
        self.plain: dict[str, list[PlainGroup]] = defaultdict(list)
        for (dimension, measure, basis, modality), group in plain.items():
            group.sort(key=lambda row: (row.center, row.order))
            reach = max(max(row.center - row.interval.low, row.interval.high - row.center) for row in group)
            with_period = [row for row in group if row.period is not None and row.period.known]
            rows_sorted = SortedRows(group, [r.center for r in group], reach, with_period)
            self.plain[dimension].append(PlainGroup(dimension, measure, basis, modality, rows_sorted))
        self.size = len(rows)
        self.rows = rows
        self.levels = None  # the rows as series, built when a figure is first computed (verification.compute)
        self.alike = None  # each bucket's rows alike but for their period, built when first read (verification.alike)

    def subject_pieces(self, entity: str, agrees) -> frozenset[str]:
        """The pieces of every subject that `agrees(entity, subject)`: rows filed under a piece
        of their subject are found for an entity named elsewhere, or shorter than the subject."""
        found = self._agreeing.get(entity)
        if found is None:
            matching = [pieces for subject, pieces in self.subjects.items() if agrees(entity, subject)]
            found = self._agreeing[entity] = frozenset().union(*matching)
        return found

    def context_buckets(self, dimensions: tuple[str, ...], context: set[str]) -> list[tuple[str, str]]:
        """The (dimension, key) each row with terms a context could hold is filed under."""
        keys = self.keys.intersection(context)
        return [(d, key) for key in keys for d in dimensions if (d, key) in self.by_piece]

    def context_rows(self, dimensions: tuple[str, ...], context: set[str]) -> list[IndexedRow]:
        """Rows with terms filed under a key the context's pieces hold: the only rows whose
        terms could all be in it."""
        return [row for bucket in self.context_buckets(dimensions, context) for row in self.by_piece[bucket]]

    def plain_groups(self, dimensions: tuple[str, ...], measure: str | None) -> list[PlainGroup]:
        """The term-less rows of those dimensions in a compatible measure word, sorted by value."""
        return [
            group
            for d in dimensions
            for group in self.plain.get(d, ())
            if measure is None or group.measure is None or group.measure == measure
        ]


def overlapping_nearest(group: SortedRows, value: float, interval: Interval, accept) -> IndexedRow | None:
    """The accepted row of a sorted group nearest to `value` whose interval overlaps the
    claim's. Walks out from `value` each way only as far as a row could still overlap."""
    start = bisect_left(group.centers, value)
    best = None
    for indices, limit in (
        (range(start, len(group.rows)), lambda c: c > interval.high + group.reach),
        (range(start - 1, -1, -1), lambda c: c < interval.low - group.reach),
    ):
        for index in indices:
            row = group.rows[index]
            if limit(row.center):
                break
            if accept(row) and row.interval.overlaps(interval):
                if best is None or abs(row.center - value) < abs(best.center - value):
                    best = row
                break
    return best


def nearest(group: SortedRows, value: float, accept) -> IndexedRow | None:
    """The accepted row of a sorted group nearest to `value`."""
    right = bisect_left(group.centers, value)
    left = right - 1
    centers = group.centers
    while left >= 0 or right < len(centers):
        go_left = right >= len(centers) or (left >= 0 and value - centers[left] <= centers[right] - value)
        index = left if go_left else right
        if accept(group.rows[index]):
            return group.rows[index]
        if go_left:
            left -= 1
        else:
            right += 1
    return None


def claim_dimension(claim: Claim) -> tuple[str, float, str | None]:
    """The claim's dimension, the size of its unit there and its measure-word group."""
    if claim.kind == "rank":
        return RANK, 1.0, None
    dimension, size = dimension_of(claim.unit_canonical)
    measure = measure_group(claim.unit) if dimension == COUNT else None
    return dimension, size, measure
