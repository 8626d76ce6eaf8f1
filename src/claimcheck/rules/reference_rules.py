"""The verifier's rule table (rules/references.toml), validated once and folded for lookup."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex
from pydantic import BaseModel, ConfigDict, Field

from claimcheck import rules
from claimcheck.errors import RulesError
from claimcheck.rules.folding import fold

_NAME = "references.toml"
FIELDS = ("value", "unit", "subject", "metric", "keywords", "as_of", "source", "tolerance", "id", "note")


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Columns(_Table):
    value: list[str] = Field(min_length=1)
    unit: list[str] = Field(min_length=1)
    subject: list[str] = Field(min_length=1)
    metric: list[str] = Field(min_length=1)
    keywords: list[str] = Field(min_length=1)
    as_of: list[str] = Field(min_length=1)
    source: list[str] = Field(min_length=1)
    tolerance: list[str] = Field(min_length=1)
    id: list[str] = Field(min_length=1)
    note: list[str] = Field(min_length=1)


class Units(_Table):
    rank: list[str]
    measure_word_groups: list[list[str]]
    dollar_currencies: list[str]


class Periods(_Table):
    patterns: list[str]
    words: dict[str, int]


class Reasons(_Table):
    sourced: str
    mismatch: str
    no_row: str
    other_period: str
    no_value: str
    as_of_part: str
    source_part: str
    bidi: str  # a figure bidirectional controls may show in another order (claim.deceptive)


class ReferenceRules(_Table):
    approximation: str
    keyword_separators: list[str] = Field(min_length=1)
    english_endings: list[str]
    columns: Columns
    units: Units
    periods: Periods
    reasons: dict[str, Reasons]


@dataclass(frozen=True)
class Compiled:
    """The rules in the form the verifier uses: folded names, compiled patterns."""

    rules: ReferenceRules
    column_of: dict[str, str]
    rank_units: frozenset[str]
    measure_group: dict[str, str]
    dollar_currencies: frozenset[str]
    keyword_split: regex.Pattern[str]
    periods: tuple[regex.Pattern[str], ...]


def _column_of(columns: Columns) -> dict[str, str]:
    found: dict[str, str] = {}
    for field in FIELDS:
        for name in getattr(columns, field):
            key = fold(name).strip()
            if found.setdefault(key, field) != field:
                raise RulesError(f"rules/{_NAME}: column name {name!r} is listed for {found[key]} and {field}")
    return found


def _measure_groups(groups: list[list[str]]) -> dict[str, str]:
    group_of: dict[str, str] = {}
    for words in groups:
        leader = fold(words[0])
        for word in words:
            if group_of.setdefault(fold(word), leader) != leader:
                raise RulesError(f"rules/{_NAME}: measure word {word!r} is in two groups")
    return group_of


def _compile(pattern: str, index: int) -> regex.Pattern[str]:
    try:
        return regex.compile(pattern)
    except regex.error as exc:
        raise RulesError(f"rules/{_NAME}: entry periods.patterns.{index}: {exc}") from None


@cache
def reference_rules() -> Compiled:
    loaded = rules._validated(ReferenceRules, _NAME, rules._read(_NAME))
    for needed in ("en", "zh-hans", "zh-hant"):
        if needed not in loaded.reasons:
            raise RulesError(f"rules/{_NAME}: entry reasons.{needed} is missing")
    separators = "|".join(regex.escape(s) for s in loaded.keyword_separators)
    return Compiled(
        rules=loaded,
        column_of=_column_of(loaded.columns),
        rank_units=frozenset(fold(word) for word in loaded.units.rank),
        measure_group=_measure_groups(loaded.units.measure_word_groups),
        dollar_currencies=frozenset(loaded.units.dollar_currencies),
        keyword_split=regex.compile(separators),
        periods=tuple(_compile(p, i) for i, p in enumerate(loaded.periods.patterns)),
    )
