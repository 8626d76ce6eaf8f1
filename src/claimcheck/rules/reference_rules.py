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
FIELDS = (
    "value",
    "unit",
    "subject",
    "metric",
    "keywords",
    "as_of",
    "source",
    "tolerance",
    "id",
    "note",
    "basis",
    "modality",
    "group",
)


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
    basis: list[str] = Field(min_length=1)
    modality: list[str] = Field(min_length=1)
    group: list[str] = Field(min_length=1)


class BasisValues(_Table):
    level: list[str]
    yoy: list[str]
    mom: list[str]
    qoq: list[str]
    sequential: list[str]  # the change on the period before: mom or qoq by the row's as_of


class ModalityValues(_Table):
    actual: list[str]
    estimate: list[str]
    forecast: list[str]
    target: list[str]
    guidance: list[str]


class Values(_Table):
    basis: BasisValues
    modality: ModalityValues


class Units(_Table):
    rank: list[str]
    measure_word_groups: list[list[str]]
    never_unitless: list[str]
    dollar_currencies: list[str]
    dollar_subunits: dict[str, float] = Field(default_factory=dict)


class Reasons(_Table):
    sourced: str
    mismatch: str
    no_row: str
    other_period: str
    no_value: str
    as_of_part: str
    source_part: str
    bidi: str  # a figure bidirectional controls may show in another order (claim.deceptive)
    # Why no row of the claim's frame backs or contradicts it (verification/slots.py).
    other_period_of_row: str
    other_basis: str
    other_modality: str
    other_noun: str
    other_entity: str
    other_metric: str
    other_unit: str
    far_larger: str
    far_smaller: str
    series: str
    series_unresolved: str
    # How a reason names each basis and modality (basis_yoy: year on year).
    basis_level: str
    basis_yoy: str
    basis_mom: str
    basis_qoq: str
    basis_change: str
    basis_baseline: str
    modality_actual: str
    modality_estimate: str
    modality_forecast: str
    modality_target: str
    modality_guidance: str
    # A figure computed from the table's rows (verification/compute); {working}: the arithmetic.
    computed_sourced: str
    computed_mismatch: str
    computed_missing: str
    computed_open: str
    computed_far: str
    no_group: str
    levels_disagree: str
    no_baseline: str
    working_rank: str
    working_ahead: str
    working_record: str
    working_streak: str
    working_streak_broken: str


class LanguageReasons(Reasons):
    """reasons.toml: a language's reasons, and the same in traditional characters if it has them."""

    traditional: Reasons | None = None


class ComputedWords(_Table):
    share_before: list[str]
    whole_ends: list[str]
    share_after: list[str]
    total_words: list[str]
    target_words: list[str]
    increase_multiple: list[str]
    baseline_words: list[str]
    cumulative_words: list[str]
    to_date_words: list[str]
    span_marks: list[str]
    ascending_words: list[str]
    streak_words: list[str]
    streak_up: list[str]
    streak_down: list[str]
    record_words: list[str]


class ReferenceRules(_Table):
    approximation: str
    keyword_separators: list[str] = Field(min_length=1)
    english_endings: list[str]
    noun_suffixes: list[str] = Field(default_factory=list)
    range_words: list[str] = Field(min_length=1)
    columns: Columns
    values: Values
    units: Units
    computed: ComputedWords


@dataclass(frozen=True)
class Compiled:
    """The rules in the form the verifier uses: folded names, compiled patterns."""

    rules: ReferenceRules
    column_of: dict[str, str]
    rank_units: frozenset[str]
    measure_group: dict[str, str]
    dollar_currencies: frozenset[str]
    never_unitless: frozenset[str]
    basis_of: dict[str, str]  # a folded basis cell → level, yoy, mom, qoq or sequential
    modality_of: dict[str, str]  # a folded modality cell → actual, estimate, …
    range_split: regex.Pattern[str]
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


def _cell_values(table: _Table, column: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for meaning, words in table.model_dump().items():
        for word in [meaning, *words]:
            key = fold(word).strip()
            if found.setdefault(key, meaning) != meaning:
                raise RulesError(f"rules/{_NAME}: {column} value {word!r} is listed for {found[key]} and {meaning}")
    return found


def _range_split(words: list[str]) -> regex.Pattern[str]:
    latin = [rf"\s+{regex.escape(w)}\s+" for w in words if w[:1].isascii() and w[:1].isalpha()]
    other = [rf"\s*{regex.escape(w)}\s*" for w in words if not (w[:1].isascii() and w[:1].isalpha())]
    return regex.compile("|".join(latin + other))


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
        never_unitless=frozenset(loaded.units.never_unitless),
        basis_of=_cell_values(loaded.values.basis, "basis"),
        modality_of=_cell_values(loaded.values.modality, "modality"),
        range_split=_range_split(loaded.range_words),
        keyword_split=regex.compile(separators),
        periods=_periods(),
        period_words={k: v for code in (COMMON, *languages()) for k, v in language(code).reading.words.items()},
        period_span=_period_span(),
        reasons=_reasons(),
        fallback=fallback(),
    )
