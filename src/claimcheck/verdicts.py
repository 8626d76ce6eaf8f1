"""The records of verification: reference rows, verdicts and their working. Part of the JSON
contract, as claimcheck.models is: extend, do not break."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from claimcheck.records import FileName, Modality
from claimcheck.records import Record as _Record

# What a reference row holds: a level or a change against the year, month or quarter before.
RowBasis = Literal["level", "yoy", "mom", "qoq"]


Status = Literal["sourced", "mismatch", "unsourced"]


class ReferenceRow(_Record):
    """One row of a newsroom's reference table, parsed and validated."""

    absent_when_none: ClassVar[tuple[str, ...]] = ("basis", "modality", "group")

    id: str = Field(description="The row's `id` column, or table:row when it has none.")
    table: FileName = Field(description="The file the row comes from.")
    row: int = Field(ge=1, description="1-based row number in that file (the header is row 1 of a CSV).")
    value: int | float
    value_max: int | float | None = None
    value_text: str = Field(description="The value as written in the table.")
    unit: str | None = None
    unit_canonical: str | None = None
    subject: str | None = None
    metric: str | None = None
    keywords: list[str] = Field(default_factory=list)
    as_of: str | None = None
    source: str | None = None
    tolerance: str | None = Field(default=None, description="As written: absolute (500) or relative (1%).")
    note: str | None = None
    extra: dict[str, str] = Field(default_factory=dict, description="Columns claimcheck does not know, kept as is.")
    basis: RowBasis | None = Field(
        default=None,
        exclude_if=lambda basis: basis is None,  # see absent_when_none
        description="level, or a change: yoy, mom, qoq. Absent when the table has no basis column "
        "(then the row's basis is unknown and does not constrain).",
    )
    modality: Modality | None = Field(
        default=None,
        exclude_if=lambda modality: modality is None,
        description="actual, estimate, forecast, target, guidance. Absent when the table has no modality "
        "column (the row is then taken for an actual figure).",
    )
    group: str | None = Field(
        default=None,
        exclude_if=lambda group: group is None,
        description="The universe a rank or superlative is taken in (台股, the Nasdaq 100, a segment); "
        "absent when the table has no group column or the cell is empty.",
    )


Outcome = Literal["backs", "contradicts", "ruled out"]
Slot = Literal["entity", "metric", "unit", "noun", "period", "basis", "modality", "factor"]


class Considered(_Record):
    """A row the verifier looked at for a claim, and what came of it (verify with explain)."""

    id: str = Field(description="The row's id.")
    table: FileName
    row: int = Field(ge=1, description="1-based row number in its file.")
    value_text: str
    outcome: Outcome
    slot: Slot | None = Field(
        default=None,
        description="What ruled the row out: a slot of the frame that differs (entity, metric, unit, noun, "
        "period, basis, modality), or factor (the same frame, but ten times off or more).",
    )
    detail: str | None = Field(default=None, description="Why, in the claim's language.")


# What a figure the table does not hold was computed as, from rows it does hold.
Operation = Literal["relative change", "change", "multiple", "points", "share", "sum", "rank", "streak"]


class UsedRow(_Record):
    """A row a computation used."""

    id: str
    table: FileName
    row: int = Field(ge=1, description="1-based row number in its file.")
    value_text: str
    subject: str | None = None
    as_of: str | None = None
    source: str | None = None


class Computation(_Record):
    """The working behind a verdict computed from the table's rows: the operation, the rows
    it used, and the interval the result lies in given the rows' precision and tolerance."""

    operation: Operation = Field(
        description="relative change (%), change (in the claim's unit), multiple (×), points (percentage "
        "points), share (%), sum (a cumulative figure), rank (a position in a group), streak (periods in a row)."
    )
    rows: list[UsedRow] = Field(description="The rows used, in the order the expression names them.")
    expression: str = Field(description="The working, for a human: (41,238 ÷ 26,380 − 1) × 100 = 56.3 %.")
    result: float = Field(description="The computed figure, in the claim's unit.")
    low: float = Field(description="Lowest value the rows allow, within their precision and tolerance.")
    high: float = Field(description="Highest value the rows allow.")
    missing: list[str] = Field(
        default_factory=list, description="Periods the computation needed and the table has no row for."
    )


class Verdict(_Record):
    absent_when_none: ClassVar[tuple[str, ...]] = ("considered", "computation")

    claim_id: str
    status: Status
    reason: str = Field(description="One line for a human, in the claim's language.")
    reference: ReferenceRow | None = Field(default=None, description="The row that backs or contradicts the claim.")
    difference: float | None = Field(default=None, description="Claim value minus the row's, on a mismatch.")
    relative_difference: float | None = Field(default=None, description="difference / row value, on a mismatch.")
    candidates: int = Field(default=0, ge=0, description="How many rows matched the claim's unit and context.")
    considered: list[Considered] | None = Field(
        default=None,
        exclude_if=lambda considered: considered is None,
        description="With explain: every row considered for the claim and the slot that ruled it out; "
        "absent otherwise.",
    )
    computation: Computation | None = Field(
        default=None,
        exclude_if=lambda computation: computation is None,
        description="When the table holds no row for the figure itself (a change, share, cumulative sum, "
        "rank or streak) and it was computed from rows it does hold: the working. Beside `reference` (a row "
        "of the figure itself), the same figure computed from levels, as a cross-check. Absent otherwise.",
    )
