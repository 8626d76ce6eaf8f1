"""Load and validate the rule tables (one TOML file per language, plus shared ones).

The tables are data; claimcheck.rules.grammar compiles them into patterns. A malformed table
raises RulesError naming the file and the entry, never a bare KeyError.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimcheck.errors import RulesError

LANGUAGES = ("zh", "en")
QualifierName = Literal["over", "under", "approx", "at_least", "at_most"]


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ZhNumerals(_Table):
    digits: dict[str, int]
    tens: dict[str, int]
    small_scales: dict[str, int]
    large_scales: dict[str, int]
    decimal_points: list[str]
    lone_scales_not_numbers: list[str]
    not_figures_alone: list[str]


class EnNumerals(_Table):
    words: dict[str, int]
    small_scales: dict[str, int]
    large_scales: dict[str, int]
    article: list[str]
    multipliers: list[str] = []
    joiners: list[str]
    decimal_points: list[str] = []
    not_figures_alone: list[str]


class ShortScales(_Table):
    short: dict[str, int] = {}
    needs_currency: dict[str, int] = {}


class Unit(_Table):
    kind: Literal["quantity", "money", "percent", "duration"]
    forms: list[str] = Field(min_length=1)
    canonical: str | None = None
    factor: float = 1
    factor_below: float | None = None
    add: float = 0
    classifier: bool = False
    tenths: bool = False
    digits_one_by_one: bool = False
    # "glued": only written against the number (13"); "end": only where a phrase ends (4 in);
    # "cued": only in a sentence with a cue word of `cued_units`, or after a signed number (30C).
    position: Literal["any", "glued", "end", "cued"] = "any"


class CuedUnits(_Table):
    """When a unit of position "cued" counts: a cue word in the sentence (or a sign on the
    number), and no label word right before the number (seat 12C, Flat 4C)."""

    cues: list[str] = []
    labels: list[str] = []


class UnitPart(_Table):
    after: list[str] = Field(min_length=1)
    parts: dict[str, str] = Field(min_length=1)
    ends_phrase: bool = False


class Qualifiers(_Table):
    over: list[str] = []
    under: list[str] = []
    approx: list[str] = []
    at_least: list[str] = []
    at_most: list[str] = []
    not_qualifiers: list[str] = []


class Ranges(_Table):
    separators: list[str] = []
    between: list[str] = []
    between_separators: list[str] = []


class Trap(_Table):
    time: bool = False
    literals: list[str] = []
    patterns: list[str] = []
    words_before_number: list[str] = []


class Words(_Table):
    words: list[str] = []


class Fraction(_Table):
    infix: list[str] = []
    whole: list[str] = []


class EnFractions(_Table):
    denominators: dict[str, int]
    compound_ordinals: dict[str, int] = {}
    alone_before_of: list[str] = []
    and_a_half: list[str] = []


class TimeTable(_Table):
    patterns: list[str] = []


class LanguageRules(_Table):
    """One rule file. common.toml uses the same shape, without numerals."""

    numerals: ZhNumerals | EnNumerals | None = None
    negative_prefixes: list[str] = []
    half: list[str] = []
    pairs: list[str] = []
    unit_modifiers: list[str] = []
    compound_joiners: list[str] = []
    tenths_not_before: list[str] = []
    money_subunits: dict[str, float] = {}
    bare_subunits: dict[str, int] = {}
    ratio_words: list[str] = []
    money_when_scaled: dict[str, str] = {}
    negative_after: dict[str, str] = {}
    units_before: dict[str, str] = {}
    measure_words: list[str] = []
    vulgar_fractions: dict[str, float] = {}
    superscripts: dict[str, str] = {}
    scales: ShortScales = ShortScales()
    percent_prefixes: dict[str, float] = {}
    half_percent_words: dict[str, float] = {}
    fraction: Fraction = Fraction()
    fractions: EnFractions | None = None
    qualifiers: Qualifiers = Qualifiers()
    qualifiers_infix: Qualifiers = Qualifiers()
    qualifiers_after: Qualifiers = Qualifiers()
    ranges: Ranges = Ranges()
    unit: list[Unit] = []
    unit_part: list[UnitPart] = []
    cued_units: CuedUnits = CuedUnits()
    currency_prefixes: dict[str, str] = {}
    duration_cues: Words = Words()
    traps: dict[str, Trap] = {}
    time: TimeTable = TimeTable()


class RankPattern(_Table):
    pattern: str
    qualifier: Literal["exact", "at_most"] = "exact"


class RankRules(_Table):
    cues: list[str] = []
    ordinals: dict[str, int] = {}
    titles: dict[str, int] = {}
    streak_before: list[str] = []
    streak_inside: list[str] = []
    streak_after: list[str] = []
    patterns: list[RankPattern] = []


class ComparisonRules(_Table):
    up: list[str] = []
    down: list[str] = []
    not_changes: list[str] = []
    up_after_baseline: list[str] = []
    down_after_baseline: list[str] = []
    up_after: list[str] = []
    down_after: list[str] = []
    more_after: list[str] = []
    less_after: list[str] = []
    self_baselines: list[str] = []
    baseline_before: list[str] = []
    baseline_open: list[str] = []
    baseline_closers: list[str] = []
    baseline_after: list[str] = []
    more_than: list[str] = []
    less_than: list[str] = []
    equal: list[str] = []
    doubling: dict[str, float] = {}
    multiples: dict[str, float] = {}
    multiple_of: list[str] = []
    multiple_as: list[str] = []


class SuperlativeRules(_Table):
    adjectives: list[str] = []
    determiners: list[str] = []
    after_adjective: list[str] = []
    most: list[str] = []
    after_most: list[str] = []
    words: list[str] = []
    patterns: list[str] = []
    figure_links: list[str] = []
    not_superlatives: list[str] = []


class ContextRules(_Table):
    metrics: list[str] = []
    metric_modifiers: list[str] = []
    subject_stops: list[str] = []
    subject_openers: list[str] = []
    subject_patterns: list[str] = []
    subject_max: int = Field(default=8, ge=1)


class RelationRules(_Table):
    """rules/<lang>_relations.toml: ranks, comparisons, superlatives and claim context."""

    scan_common_first: str = ""
    rank: RankRules = RankRules()
    comparison: ComparisonRules = ComparisonRules()
    superlative: SuperlativeRules = SuperlativeRules()
    context: ContextRules = ContextRules()


class CheckworthyRules(_Table):
    base: float = Field(ge=0, le=1)
    has: dict[Literal["subject", "metric", "time", "precise_figure", "relation"], float]
    weakens: dict[Literal["approximate", "no_figure"], float]


class NormalizeRemove(_Table):
    pinyin_gloss: str
    image_placeholder: str
    invisible: str
    bidi: str
    marks_after_digit: str
    numeral_space: str


class NormalizeReplace(_Table):
    fullwidth_ascii: bool
    spaces: list[str]
    newlines: list[str]
    characters: dict[str, str]
    digits: dict[str, str] = Field(default={}, description="A script's name → its digit zero.")


class NormalizeRules(_Table):
    remove: NormalizeRemove
    replace: NormalizeReplace


class DataBlockRules(_Table):
    min_chars: int = Field(ge=1)
    min_share: float = Field(gt=0, le=1)
    characters: list[str]
    reason: str


class Reading(_Table):
    codec: str
    standard: str
    common: list[str] = Field(min_length=1, description="Ranges of two-byte codes: B0A1-D7FE.")


class Foreign(_Table):
    codec: str
    script: str
    min_share: float = Field(gt=0, le=1)


class LegacyEncodingRules(_Table):
    min_han: int = Field(ge=1)
    min_common_share: float = Field(gt=0, le=1)
    max_spaced_share: float = Field(ge=0, le=1)
    max_kana_share: float = Field(ge=0)
    foreign: list[Foreign] = []
    reading: list[Reading] = Field(min_length=1)


def _read(name: str) -> dict:
    path = resources.files(__package__).joinpath(name)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"rules/{name}: {exc}") from None


def _validated(model: type[_Table], name: str, data: dict) -> _Table:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise RulesError(f"rules/{name}: entry {where}: {first['msg']}") from None


@cache
def language(lang: str) -> LanguageRules:
    """The rules of one language, or those shared by all (lang="common")."""
    if lang not in (*LANGUAGES, "common"):
        raise RulesError(f"no rules for language {lang!r} (known: {', '.join(LANGUAGES)})")
    name = f"{lang}.toml"
    rules = _validated(LanguageRules, name, _read(name))
    _check_units(rules, name)
    return rules


@cache
def relations(lang: str) -> RelationRules:
    """Ranks, comparisons, superlatives and context words of one language."""
    if lang not in LANGUAGES:
        raise RulesError(f"no rules for language {lang!r} (known: {', '.join(LANGUAGES)})")
    name = f"{lang}_relations.toml"
    return _validated(RelationRules, name, _read(name))


@cache
def checkworthy() -> CheckworthyRules:
    return _validated(CheckworthyRules, "checkworthy.toml", _read("checkworthy.toml"))


@cache
def canonical_units() -> dict[str, tuple[str, float]]:
    """canonical unit → (dimension, size in the dimension's base unit)."""
    table: dict[str, tuple[str, float]] = {}
    for dimension, units in _read("canonical.toml").items():
        for unit, size in units.items():
            if unit in table:
                raise RulesError(f"rules/canonical.toml: unit {unit!r} is listed twice")
            table[unit] = (dimension, float(size))
    return table


@cache
def normalization() -> NormalizeRules:
    return _validated(NormalizeRules, "normalize.toml", _read("normalize.toml"))


@cache
def legacy_encodings() -> LegacyEncodingRules:
    return _validated(LegacyEncodingRules, "legacy_encodings.toml", _read("legacy_encodings.toml"))


@cache
def data_blocks() -> DataBlockRules:
    return _validated(DataBlockRules, "data_blocks.toml", _read("data_blocks.toml"))


def _check_units(rules: LanguageRules, name: str) -> None:
    known = canonical_units()
    for index, unit in enumerate(rules.unit):
        if unit.canonical is not None and unit.canonical not in known:
            raise RulesError(
                f"rules/{name}: entry unit.{index} ({unit.forms[0]}): canonical unit "
                f"{unit.canonical!r} is not in canonical.toml"
            )
    forms = {form for unit in rules.unit for form in unit.forms}
    for index, part in enumerate(rules.unit_part):
        for word, unit_form in part.parts.items():
            if unit_form not in forms:
                raise RulesError(f"rules/{name}: entry unit_part.{index} ({word}): {unit_form!r} is no unit form")
    for prefix, code in rules.currency_prefixes.items():
        if code not in known:
            raise RulesError(f"rules/{name}: currency prefix {prefix!r}: {code!r} is not in canonical.toml")
