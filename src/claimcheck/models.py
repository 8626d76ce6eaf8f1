"""The records claimcheck returns. They are the JSON contract: extend, do not break."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ClaimKind = Literal["quantity", "money", "percent", "duration"]
Qualifier = Literal["exact", "over", "under", "approx", "at_least", "at_most", "range"]
Language = Literal["zh", "en"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TextSpan(_Record):
    """A piece of the original input: `input[start:end] == text`."""

    text: str
    start: int = Field(ge=0, description="Offset of the first character (code points, 0-based).")
    end: int = Field(ge=0, description="Offset just past the last character.")


class Claim(_Record):
    id: str = Field(description="Stable id: depends on the claim and its sentence only.")
    kind: ClaimKind
    text: str = Field(description="The claim as written: input[start:end].")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line: int = Field(ge=1, description="1-based line of `start`.")
    column: int = Field(ge=1, description="1-based column of `start`, in characters.")
    value: int | float | None = Field(
        description="The number with its scale applied (2.61億 → 261000000; 12% → 12)."
    )
    value_max: int | float | None = Field(default=None, description="Upper end of a range.")
    unit: str | None = Field(default=None, description="The unit as written (公里, km, 臺, 元).")
    unit_canonical: str | None = Field(
        default=None, description="A standard name for the unit where one exists (km, CNY, percent)."
    )
    qualifier: Qualifier = "exact"
    qualifier_text: str | None = Field(default=None, description="The words that qualify it (超, 不到, nearly).")
    time: TextSpan | None = Field(default=None, description="The date or period the claim holds for.")
    sentence: TextSpan
    lang: Language


class Document(_Record):
    source: str
    language: Literal["zh", "en", "mixed", "unknown"]
    claims: list[Claim]


class Report(_Record):
    """What `claimcheck extract --format json` prints."""

    documents: list[Document]
