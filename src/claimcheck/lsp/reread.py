"""Reading a draft again after an edit: only the units (claimcheck.lsp.units) that changed are
extracted and verified; the others come from a cache, their claims moved to where the unit now is.

A unit's claims depend on more than its own text, and all of it is in the cache key:
- its original text and its prose-only copy (Markdown and HTML are masked whole on each read:
  a code fence opened above changes what is prose below);
- what the whole text's vocabulary says about the capitalised words it holds;
- the draft's lead entity and headline period, with the text they are written in: they are
  found in its first characters, which are one unit (the head; an edit there costs a little
  more), as the engine reads them whole;
- the draft's date and language setting, and the table (verdicts): the cache is dropped
  when they change.
Claim ids number repeats of a claim in its sentence across the whole text: a unit is read
with its own count, and its ids are renumbered when the same claim came earlier.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from claimcheck.engine.claim_ids import ClaimIds
from claimcheck.engine.frame.entity import LEAD_REACH
from claimcheck.lsp import units
from claimcheck.lsp.vocabulary import Tally
from claimcheck.models import Claim, TextSpan, Verdict
from claimcheck.run.anchor import Place, anchor, shifted
from claimcheck.text.prose import Format, Masked, mask

IdKey = tuple[str, str, str]  # kind, sentence and figure as cleaned: what a claim's id hashes


class _CountingIds(ClaimIds):
    """Ids as the engine makes them, each with the key its occurrence is counted by."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: dict[str, IdKey] = {}

    def of(self, kind: str, clean: str, sentence: tuple[int, int], claim: str) -> str:
        made = super().of(kind, clean, sentence, claim)
        self.keys[made] = (kind, clean[sentence[0] : sentence[1]], claim)
        return made


def nth_id(key: IdKey, n: int) -> str:
    """The id of the n-th occurrence of a claim in the text."""
    kind, sentence, claim = key
    ids = ClaimIds()
    ids.of(kind, sentence, (0, len(sentence)), claim)
    (digest,) = ids.seen
    ids.seen[digest] = n - 1
    return ids.of(kind, sentence, (0, len(sentence)), claim)


@dataclass
class Piece:
    """A unit once read: its claims as placed when it was read (at `start`, after `lines` line
    breaks, `column` characters into its line), the key of every claim found (kept or not) and
    which of them are kept, and the head's lead entity and period after it."""

    start: int
    lines: int
    column: int
    claims: list[Claim]
    keys: list[IdKey]
    numbers: list[int]  # the keys as numbers
    kept: list[int]
    lead: object = None
    period: object = None
    verdicts: list[Verdict] | None = None
    table: int = -1  # the table generation the verdicts are of
    # claims and verdicts renumbered, by how often each key came in the units before
    renumbered: dict[tuple[int, ...], tuple[list[Claim], list[Verdict] | None]] = field(default_factory=dict)
    memo: dict[str, object] = field(default_factory=dict)  # what readers of the piece make of it


@dataclass
class Placed:
    """A piece where its unit is now."""

    piece: Piece
    start: int
    lines: int
    column: int
    claims: list[Claim]
    verdicts: list[Verdict] | None

    def moved(self, claim: Claim) -> Claim:
        """The claim with offsets, lines and columns where its unit now is (spans before the
        unit, in the draft's first characters, stay)."""
        piece = self.piece
        shift = self.start - piece.start
        if shift == 0 and self.lines == piece.lines and self.column == piece.column:
            return claim
        update: dict[str, object] = {"line": claim.line + self.lines - piece.lines}
        if claim.line == piece.lines + 1:
            update["column"] = claim.column + self.column - piece.column
        moved = shifted(claim, Place(shift, 0, 0), {})
        if claim.frame is not None:

            def back(span: TextSpan) -> TextSpan:  # spans before the unit (the lead's) did not move
                return span if span.start >= piece.start + shift else _unshift(span, shift)

            update["frame"] = moved.frame.moved(back)
        return moved.model_copy(update=update)


def _unshift(span: TextSpan, by: int) -> TextSpan:
    return TextSpan.trusted(text=span.text, start=span.start - by, end=span.end - by)


@dataclass
class Reading:
    """A draft as last read: each unit's piece where it now is."""

    text: str
    format: Format
    placed: list[Placed] = field(default_factory=list)
    extracted: int = 0  # units read afresh (the rest came from the cache)

    def claims(self) -> list[Claim]:
        return [placed.moved(claim) for placed in self.placed for claim in placed.claims]


Verify = Callable[[list[Claim]], list[Verdict]]


class Reader:
    """Reads versions of one draft, keeping the pieces of the last version."""

    def __init__(
        self,
        fmt: Format,
        *,
        lang: str | None = None,
        date: datetime.date | None = None,
        wanted: Callable[[Claim], bool] | None = None,
    ) -> None:
        self.format, self.lang, self.date, self.wanted = fmt, lang, date, wanted
        self._pieces: dict[tuple, Piece] = {}
        self._tally = Tally()
        self._key_ids: dict[IdKey, int] = {}  # each claim key as a number, quicker to count

    def read(self, text: str, verify: Verify | None = None, table: int = 0) -> Reading:
        from claimcheck.text.document_date import date_of

        masked = mask(text, self.format)
        date = date_of(text, self.format, self.date)
        spans = units.spans(masked.text, head=LEAD_REACH)
        found = [units.words(masked.text[start:end]) for start, end in spans]
        self._tally.update(found)
        reading = Reading(text, self.format)
        pieces: dict[tuple, Piece] = {}
        missing: list[tuple[tuple, int, int, int, int]] = []
        lead = period = None
        head: tuple = ()
        lines = 0
        for (start, end), words in zip(spans, found, strict=True):
            unit = text[start:end]
            key = (unit, masked.text[start:end], head, date)
            piece = pieces.get(key)
            if piece is None:
                piece = self._pieces.get(key)
                if piece is not None and self._tally.asks_changed(words):
                    piece = None  # the vocabulary says otherwise of a word it holds: read it again
            column = start - text.rfind("\n", 0, start) - 1
            if piece is None:
                piece = self._extract(masked, (start, end), lead, period, date, (lines, column))
                missing.append((key, len(reading.placed), start, lines, column))
            pieces[key] = piece
            if piece.lead is not lead or piece.period is not period:
                lead, period = piece.lead, piece.period
                head = _head_key(lead, period, text)
            reading.placed.append(Placed(piece, start, lines, column, piece.claims, None))
            lines += unit.count("\n")
        if missing and self.format != "text":
            _anchor([reading.placed[i].piece for _, i, *_ in missing], text, masked)
        reading.extracted = len(missing)
        self._pieces = pieces
        _number(reading, verify, table)
        return reading

    def _extract(self, masked: Masked, span, lead, period, date, at: tuple[int, int]) -> Piece:
        from claimcheck.engine.extract import extract

        start, end = span
        ids = _CountingIds()
        ids.new_text(start)  # what comes before the unit: its offsets are counted from there
        ids.lead, ids.lead_period = lead, period
        vocabulary = self._tally.vocabulary()
        found = extract(masked.text[start:end], lang=self.lang, ids=ids, vocabulary=vocabulary, date=date)
        keys = [ids.keys[claim.id] for claim in found]
        numbers = [self._key_ids.setdefault(key, len(self._key_ids)) for key in keys]
        kept = [i for i, claim in enumerate(found) if self.wanted is None or self.wanted(claim)]
        lines, column = at
        place = Place(start, lines, column)
        claims = [shifted(found[i], place, {}) for i in kept]
        return Piece(start, lines, column, claims, keys, numbers, kept, ids.lead, ids.lead_period)


def _head_key(lead, period, text: str) -> tuple:
    """What a unit takes from the draft's first characters: the lead entity and headline period,
    as found and as written."""
    if lead is None and period is None:
        return ()
    written = []
    for span in ([lead[2], lead[3]] if lead else None, [period[0].span.start, period[0].span.end] if period else None):
        written.append(text[span[0] : span[1]] if span else None)
    return (lead, repr(period), *written)


def _anchor(pieces: list[Piece], text: str, masked: Masked) -> None:
    """Claims found in the prose-only copy, taken to the original (as claimcheck.run.document does)."""
    claims = [claim for piece in pieces for claim in piece.claims]
    anchored = iter(anchor(claims, text, masked))
    for piece in pieces:
        piece.claims = [next(anchored) for _ in piece.claims]


def _number(reading: Reading, verify: Verify | None, table: int) -> None:
    """Verdicts for pieces without those of this table, and ids renumbered where a claim
    repeats one of an earlier unit."""
    seen: Counter[int] = Counter()
    for placed in reading.placed:
        piece = placed.piece
        if verify is not None and piece.table != table:
            piece.verdicts, piece.table = verify(piece.claims) if piece.claims else [], table
            piece.renumbered.clear()
        placed.claims, placed.verdicts = piece.claims, piece.verdicts
        if not seen.keys().isdisjoint(piece.numbers):  # a claim repeats one before it
            before = tuple([seen[number] for number in piece.numbers])
            if before not in piece.renumbered:
                piece.renumbered[before] = _renumbered(piece, before)
            placed.claims, placed.verdicts = piece.renumbered[before]
        seen.update(piece.numbers)


def _renumbered(piece: Piece, before: tuple[int, ...]) -> tuple[list[Claim], list[Verdict] | None]:
    local: Counter[IdKey] = Counter()
    new: dict[str, str] = {}
    counts = []
    for key in piece.keys:
        local[key] += 1
        counts.append(local[key])
    for claim, i in zip(piece.claims, piece.kept, strict=True):
        if before[i]:
            new[claim.id] = nth_id(piece.keys[i], before[i] + counts[i])
    claims = [
        claim.model_copy(update={"id": new.get(claim.id, claim.id), "related": [new.get(r, r) for r in claim.related]})
        if claim.id in new or any(r in new for r in claim.related)
        else claim
        for claim in piece.claims
    ]
    verdicts = None
    if piece.verdicts is not None:
        verdicts = [
            verdict.model_copy(update={"claim_id": new[verdict.claim_id]}) if verdict.claim_id in new else verdict
            for verdict in piece.verdicts
        ]
    return claims, verdicts
