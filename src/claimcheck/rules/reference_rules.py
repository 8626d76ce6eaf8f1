"""The verifier's rules: rules/references.toml, and each language's periods (periods.toml
[reading]) and verdict reasons (reasons.toml), validated once and folded for lookup."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex
from pydantic import BaseModel, ConfigDict, Field

from claimcheck.errors import RulesError
from claimcheck.rules.folding import fold
from claimcheck.rules.languages import COMMON, fallback, folder, language, languages
from claimcheck.rules.load import shared_file, validated

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


class Reasons(_Table):
    sourced: str
    mismatch: str
    no_row: str
    other_period: str
    no_value: str
    as_of_part: str
    source_part: str
    bidi: str  # a figure bidirectional controls may show in another order (claim.deceptive)


class LanguageReasons(Reasons):
    """reasons.toml: a language's reasons, and the same in traditional characters if it has them."""

    traditional: Reasons | None = None


class ReferenceRules(_Table):
    approximation: str
    keyword_separators: list[str] = Field(min_length=1)
    english_endings: list[str]
    columns: Columns
    units: Units


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
    period_words: dict[str, int]
    period_span: regex.Pattern[str]
    reasons: dict[str, Reasons]  # by language code, and code/traditional
    fallback: str  # the language whose reasons a language without a reasons.toml gets


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


def _compile(pattern: str, where: str) -> regex.Pattern[str]:
    try:
        return regex.compile(pattern)
    except regex.error as exc:
        raise RulesError(f"{where}: {exc}") from None


def _periods() -> tuple[regex.Pattern[str], ...]:
    """The common patterns, each language's, then the common last ones: the first to set a field wins."""
    common = language(COMMON).reading
    where = folder(COMMON).file("periods.toml").label
    found = [_compile(p, f"{where}: entry reading.patterns.{i}") for i, p in enumerate(common.patterns)]
    for code in languages():
        label = folder(code).file("periods.toml").label
        patterns = language(code).reading.patterns
        found += [_compile(p, f"{label}: entry reading.patterns.{i}") for i, p in enumerate(patterns)]
    found += [_compile(p, f"{where}: entry reading.last_patterns.{i}") for i, p in enumerate(common.last_patterns)]
    return tuple(found)


def _period_span() -> regex.Pattern[str]:
    """Between the two ends of a span: 2025-01/2025-11, 2025年1月至11月, "January to March"."""
    codes = (COMMON, *languages())
    tables = [language(code).reading for code in codes]
    for code, table in zip(codes, tables, strict=True):
        for i, pattern in enumerate(table.span_patterns):
            _compile(pattern, f"{folder(code).file('periods.toml').label}: entry reading.span_patterns.{i}")
    words = [w for t in tables for w in t.span_words]
    latin = [rf"\b{regex.escape(w)}\b" for w in words if w[:1].isascii() and w[:1].isalpha()]
    other = [regex.escape(w) for w in words if not (w[:1].isascii() and w[:1].isalpha())]
    pieces = [p for t in tables for p in t.span_patterns] + other + latin
    return _compile(rf"\s*(?:{'|'.join(pieces) or '(?!)'})\s*(?=\S)", "span of a period")


def _reasons() -> dict[str, Reasons]:
    found: dict[str, Reasons] = {}
    for code in languages():
        file = folder(code).file("reasons.toml")
        if not file.exists():
            continue
        reasons = validated(LanguageReasons, file.label, file.read())
        found[code] = Reasons.model_validate(reasons.model_dump(exclude={"traditional"}))
        if reasons.traditional is not None:
            found[f"{code}/traditional"] = reasons.traditional
    if fallback() not in found:
        raise RulesError(f"{folder(fallback()).label}/reasons.toml: the fallback language needs its reasons")
    return found


@cache
def reference_rules() -> Compiled:
    file = shared_file(_NAME)
    loaded = validated(ReferenceRules, file.label, file.read())
    separators = "|".join(regex.escape(s) for s in loaded.keyword_separators)
    return Compiled(
        rules=loaded,
        column_of=_column_of(loaded.columns),
        rank_units=frozenset(fold(word) for word in loaded.units.rank),
        measure_group=_measure_groups(loaded.units.measure_word_groups),
        dollar_currencies=frozenset(loaded.units.dollar_currencies),
        keyword_split=regex.compile(separators),
        periods=_periods(),
        period_words={k: v for code in (COMMON, *languages()) for k, v in language(code).reading.words.items()},
        period_span=_period_span(),
        reasons=_reasons(),
        fallback=fallback(),
    )
