"""The records claimcheck returns. They are the JSON contract: extend, do not break."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, ClassVar, Literal

from pydantic import Field

from claimcheck.locations import Location, Part  # noqa: F401  (importable from here too)
from claimcheck.records import FileName, Modality
from claimcheck.records import Record as _Record
from claimcheck.verdicts import (  # noqa: F401  (the records of verification, importable from here too)
    Computation,
    Considered,
    Operation,
    Outcome,
    ReferenceRow,
    RowBasis,
    Slot,
    Status,
    UsedRow,
    Verdict,
)

ClaimKind = Literal["quantity", "money", "percent", "duration", "rank", "comparison", "superlative"]
Direction = Literal["up", "down", "equal", "more", "less"]
Qualifier = Literal["exact", "over", "under", "approx", "at_least", "at_most", "range"]
# A language's code: the name of its rule folder (zh, en; claimcheck.rules.languages()).
Language = Annotated[str, Field(examples=["zh", "en"])]
Deception = Literal["bidi"]
# What a figure is, beside its value (Frame): a level or a change against which baseline,
# the company's actual figure or someone's estimate, forecast, target or guidance.
Basis = Literal["level", "yoy", "mom", "qoq", "change", "baseline"]
EntityFrom = Literal["clause", "sentence", "paragraph", "headline"]
PeriodHow = Literal["written", "document date", "carried", "earlier", "unresolved"]


class TextSpan(_Record):
    """A piece of the original input: `input[start:end] == text`."""

    text: str
    start: int = Field(ge=0, description="Offset of the first character (code points, 0-based).")
    end: int = Field(ge=0, description="Offset just past the last character.")


class FramePeriod(_Record):
    """The period a figure holds for, resolved to months (or a day) when it can be."""

    span: TextSpan | None = Field(default=None, description="The words it was read from, when written.")
    start: str | None = Field(
        default=None, description="First month (YYYY-MM) or day (YYYY-MM-DD); null when unresolved."
    )
    end: str | None = Field(default=None, description="Last month or day, inclusive; null when unresolved.")
    how: PeriodHow = Field(
        description="written: absolute in the text; document date: relative, resolved against the "
        "document's date; carried: from the sentence or paragraph around the claim; earlier: an earlier "
        "period the draft does not name (previously, 此前); unresolved."
    )


class Frame(_Record):
    """What the figure is: whose, what, when, a level or a change, actual or not. A reference
    row backs or contradicts a claim only when their frames agree."""

    entity: TextSpan | None = Field(default=None, description="Who the figure belongs to.")
    entity_from: EntityFrom | None = Field(
        default=None,
        description="Where the entity was found: the claim's clause, its sentence, its paragraph, the headline.",
    )
    metric: TextSpan | None = Field(default=None, description="What is measured; carried within the sentence.")
    noun: str | None = Field(default=None, description="What a count counts: a measure word (輛) or a noun (stores).")
    period: FramePeriod | None = None
    basis: Basis = Field(
        default="level",
        description="level, or a change: yoy, mom, qoq, change (no baseline said), baseline (another named one).",
    )
    modality: Modality = Field(default="actual", description="actual, or estimate, forecast, target, guidance.")

    def moved(self, move: Callable[[TextSpan], TextSpan]) -> Frame:
        """The frame with each of its spans replaced by `move(span)` (a claim placed in a
        larger text, or in the original of a prose-only copy)."""
        period = self.period
        if period is not None and period.span is not None:
            period = period.model_copy(update={"span": move(period.span)})
        update = {name: move(span) for name in ("entity", "metric") if (span := getattr(self, name)) is not None}
        return self.model_copy(update={**update, "period": period})


class Claim(_Record):
    absent_when_none: ClassVar[tuple[str, ...]] = ("deceptive", "location")

    id: str = Field(description="Stable id: depends on the claim and its sentence only.")
    kind: ClaimKind
    text: str = Field(description="The claim as written: input[start:end].")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line: int = Field(ge=1, description="1-based line of `start`.")
    column: int = Field(ge=1, description="1-based column of `start`, in characters.")
    value: int | float | None = Field(description="The number with its scale applied (2.61億 → 261000000; 12% → 12).")
    value_max: int | float | None = Field(default=None, description="Upper end of a range.")
    unit: str | None = Field(default=None, description="The unit as written (公里, km, 臺, 元).")
    unit_canonical: str | None = Field(
        default=None, description="A standard name for the unit where one exists (km, CNY, percent)."
    )
    qualifier: Qualifier = "exact"
    qualifier_text: str | None = Field(default=None, description="The words that qualify it (超, 不到, nearly).")
    time: TextSpan | None = Field(default=None, description="The date or period the claim holds for.")
    sentence: TextSpan
    lang: Language = Field(description="The language of the rules that read the claim: --lang, or its sentence's.")
    figure: TextSpan | None = Field(
        default=None,
        description="For a comparison or superlative, the number with its unit as written (12% in 同比增長12%, "
        "2671公里 for the superlative 最遠); null when the claim is itself the figure or has none.",
    )
    subject: TextSpan | None = Field(default=None, description="Who or what the claim is about (小米汽車, Tesla).")
    metric: TextSpan | None = Field(default=None, description="What is measured (交付, 銷量, revenue).")
    direction: Direction | None = Field(default=None, description="For a comparison: which way the change goes.")
    baseline: TextSpan | None = Field(
        default=None, description="For a comparison: what it is compared with (去年同期, last year, 特斯拉)."
    )
    related: list[str] = Field(
        default_factory=list,
        description="Ids of claims that belong to this one (the streak of a rank, the figure of a superlative).",
    )
    checkworthy: float = Field(default=0.5, ge=0, le=1, description="How checkable the claim is, from rules.")
    checkworthy_reason: str = Field(default="", description="Why it got that score, in a few words.")
    frame: Frame | None = Field(default=None, description="What the figure is (null with figures only).")
    deceptive: Deception | None = Field(
        default=None,
        exclude_if=lambda deception: deception is None,  # see absent_when_none
        description="Set when readers may see the figure otherwise than claimcheck reads it; absent otherwise. "
        "`bidi`: bidirectional control characters (U+202A-202E, U+2066-2069, or a direction mark U+200E, "
        "U+200F, U+061C) stand in or against the claim, or an override, embedding or isolate opened before it "
        "on its line reaches it: `value` is read in the order the characters are stored, and the order a "
        "reader sees may differ (003 under a right-to-left override shows as 300).",
    )
    location: Location | None = Field(
        default=None,
        exclude_if=lambda location: location is None,
        description="In a Word draft (.docx): the paragraph the claim stands in, and its table, row and cell "
        "when in a table; `start` and `end` are offsets into the text read from the document. Absent otherwise.",
    )


class Skipped(_Record):
    """A part of the input that was not read for claims, and why."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line: int = Field(ge=1, description="1-based line of `start`.")
    reason: str


class Rejected(_Record):
    """A number the engine read and did not report as a claim, and what set it aside
    (extract --explain)."""

    absent_when_none: ClassVar[tuple[str, ...]] = ("rule_file", "rule_entry")

    text: str = Field(description="The number as read, with what was read with it: input[start:end].")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line: int = Field(ge=1, description="1-based line of `start`.")
    column: int = Field(ge=1, description="1-based column of `start`, in characters.")
    reason: str = Field(
        description="What set it aside: the name of the trap table that matched it (named_days, phone, "
        "enumeration…), `date or period`, or the engine's own reason (year, code, no unit, bare numeral…); "
        "`min_checkworthy` or `kinds` for a claim the options left out.",
        examples=["named_days", "date or period", "year", "code"],
    )
    rule_file: str | None = Field(
        default=None,
        exclude_if=lambda file: file is None,  # see absent_when_none
        description="The rule file of the table that set it aside (rules/zh/traps.toml); absent for the "
        "engine's own reasons.",
    )
    rule_entry: str | None = Field(
        default=None,
        exclude_if=lambda entry: entry is None,
        description="The entry of that file (traps.named_days.patterns.0, time.patterns.3).",
    )


class Document(_Record):
    absent_when_none: ClassVar[tuple[str, ...]] = ("rejected",)

    source: FileName
    language: str = Field(
        description="The claims' language (a language code); mixed when they have several; without claims, "
        "the language of the text's script, or unknown.",
        examples=["zh", "en", "mixed", "unknown"],
    )
    claims: list[Claim]
    skipped: list[Skipped] = Field(
        default_factory=list,
        description="Parts of the input not read for claims (a long paragraph of bare figures), with why.",
    )
    rejected: list[Rejected] | None = Field(
        default=None,
        exclude_if=lambda rejected: rejected is None,  # see absent_when_none
        description="With explain (extract --explain): every number read and not reported as a claim, "
        "with what set it aside, in document order. Absent otherwise.",
    )


class Report(_Record):
    """What `claimcheck extract --format json` prints."""

    documents: list[Document]
