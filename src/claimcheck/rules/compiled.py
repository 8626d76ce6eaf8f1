"""The compiled form of the rule tables of a set of languages: what the engine runs
(claimcheck.rules.grammar builds it)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from claimcheck.rules.pattern_family import PatternFamily
from claimcheck.rules.schema import HanNumerals, WordNumerals
from claimcheck.rules.unit_tables import MoneyNounRules, PartInfo, UnitInfo


@dataclass(frozen=True)
class Grammar:
    """The compiled rules for a set of languages."""

    languages: tuple[str, ...]
    scan: regex.Pattern[str]
    tail: regex.Pattern[str]
    tail_between: regex.Pattern[str]
    range_after_unit: regex.Pattern[str]
    before: regex.Pattern[str]
    before_ends: frozenset[str]
    traps: PatternFamily
    times: PatternFamily  # the time patterns, then the traps that are periods
    unit_at: regex.Pattern[str]
    tail_first_chars: frozenset[str]
    units: dict[str, UnitInfo]
    units_folded: dict[str, UnitInfo]
    qualifier_of: dict[str, str]
    percent_prefixes: dict[str, float]
    currency_of: dict[str, str]
    scale_of: dict[str, int]
    currency_scales: frozenset[str]
    han_numerals: HanNumerals | None  # of the languages whose numerals are "han"
    word_numerals: WordNumerals | None  # of those whose numerals are "words"
    han_scales: dict[str, int]
    halves: frozenset[str]
    not_figures_alone: frozenset[str]
    single_digits: dict[str, Decimal]
    and_a_half: regex.Pattern[str]
    compound_joiners: frozenset[str]
    money_subunits: dict[str, Decimal]
    fraction_denominators: dict[str, int]
    compound_ordinals: dict[str, int]
    bare_subunits: dict[str, int]
    ratio_after: regex.Pattern[str]
    placed_units: frozenset[str]
    difference_units: frozenset[str]  # canonical names
    phrase_end: regex.Pattern[str]
    unit_cue: regex.Pattern[str]
    unit_label: regex.Pattern[str]
    bracketed_unit: regex.Pattern[str]
    negative_after: regex.Pattern[str]
    negative_after_unit: dict[str, str]
    unit_before: regex.Pattern[str]
    unit_before_of: dict[str, str]
    money_nouns: MoneyNounRules  # 票房9.7億, 150萬獎金: a scaled figure beside a noun of money
    money_when_scaled: dict[str, str]
    vulgar_fractions: dict[str, Decimal]
    superscripts: dict[str, str]
    superscript_power: regex.Pattern[str]
    bare_count: regex.Pattern[str]
    word_tens: frozenset[str]
    denominator_after: regex.Pattern[str]
    mixed_fraction: regex.Pattern[str]
    of_before_unit: regex.Pattern[str]
    between_words: frozenset[str]
    and_words: tuple[str, ...]  # " and ": joins a whole number and its fraction (two and a quarter)
    of_words: tuple[str, ...]  # " of ": what a fraction or a scaled amount measures follows
    duration_cues: tuple[str, ...]
    duration_cues_after: tuple[str, ...]
    month_forms: tuple[str, ...]
    day_of_month_forms: frozenset[str]
    not_qualifiers: frozenset[str]
    number_pattern: str
    unit_parts: dict[str, dict[str, PartInfo]]
    part_at: regex.Pattern[str]
    tenths_not_before: frozenset[str]
    fraction_after_whole: regex.Pattern[str]
    fraction_whole_starts: frozenset[str]
    half_percent_words: dict[str, float]

    def unit(self, written: str) -> UnitInfo | None:
        return self.units.get(written) or self.units_folded.get(written.lower())
