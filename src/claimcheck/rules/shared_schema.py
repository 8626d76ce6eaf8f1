"""The shape of the rule files every language shares: checkworthiness, normalization, data
blocks and legacy encodings (rules/*.toml, beside the language folders)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from claimcheck.rules.schema import Table


class CheckworthyRules(Table):
    base: float = Field(ge=0, le=1)
    has: dict[Literal["subject", "metric", "time", "precise_figure", "relation"], float]
    weakens: dict[Literal["approximate", "no_figure"], float]


class NormalizeRemove(Table):
    pinyin_gloss: str
    image_placeholder: str
    invisible: str
    bidi: str
    marks_after_digit: str
    numeral_space: str


class NormalizeReplace(Table):
    fullwidth_ascii: bool
    spaces: list[str]
    newlines: list[str]
    characters: dict[str, str]
    digits: dict[str, str] = Field(default={}, description="A script's name → its digit zero.")


class NormalizeRules(Table):
    remove: NormalizeRemove
    replace: NormalizeReplace


class DataBlockRules(Table):
    min_chars: int = Field(ge=1)
    min_share: float = Field(gt=0, le=1)
    characters: list[str]
    reason: str


class Reading(Table):
    codec: str
    standard: str
    common: list[str] = Field(min_length=1, description="Ranges of two-byte codes: B0A1-D7FE.")


class Foreign(Table):
    codec: str
    script: str
    min_share: float = Field(gt=0, le=1)


class LegacyEncodingRules(Table):
    min_han: int = Field(ge=1)
    min_common_share: float = Field(gt=0, le=1)
    max_spaced_share: float = Field(ge=0, le=1)
    max_kana_share: float = Field(ge=0)
    foreign: list[Foreign] = []
    reading: list[Reading] = Field(min_length=1)
