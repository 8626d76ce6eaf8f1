"""The rule files every language shares: canonical units, checkworthiness, normalization, data
blocks and legacy encodings (rules/*.toml, beside the language folders)."""

from __future__ import annotations

from functools import cache

from claimcheck.errors import RulesError
from claimcheck.rules.load import shared_file, validated
from claimcheck.rules.shared_schema import CheckworthyRules, DataBlockRules, LegacyEncodingRules, NormalizeRules


@cache
def checkworthy() -> CheckworthyRules:
    file = shared_file("checkworthy.toml")
    return validated(CheckworthyRules, file.label, file.read())


@cache
def canonical_units() -> dict[str, tuple[str, float]]:
    """canonical unit → (dimension, size in the dimension's base unit)."""
    table: dict[str, tuple[str, float]] = {}
    for dimension, units in shared_file("canonical.toml").read().items():
        for unit, size in units.items():
            if unit in table:
                raise RulesError(f"rules/canonical.toml: unit {unit!r} is listed twice")
            table[unit] = (dimension, float(size))
    return table


@cache
def normalization() -> NormalizeRules:
    file = shared_file("normalize.toml")
    return validated(NormalizeRules, file.label, file.read())


@cache
def legacy_encodings() -> LegacyEncodingRules:
    file = shared_file("legacy_encodings.toml")
    return validated(LegacyEncodingRules, file.label, file.read())


@cache
def data_blocks() -> DataBlockRules:
    file = shared_file("data_blocks.toml")
    return validated(DataBlockRules, file.label, file.read())
