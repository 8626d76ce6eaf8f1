"""The rule tables: data, validated on load (a malformed table raises RulesError naming the
file and the entry, never a bare KeyError).

rules/<lang>/ holds one language (language.toml names it, its numeral system and its script;
the topic files hold its words); rules/common/ the same topics for every language; the files
beside them (canonical units, normalization, reference columns…) are shared.
claimcheck.rules.grammar and claimcheck.rules.relations_grammar compile them into patterns.
"""

from __future__ import annotations

from claimcheck.rules.languages import RULES_PATH, fallback, folder, language, languages, manifest, relations
from claimcheck.rules.relation_schema import RankPattern, RelationRules
from claimcheck.rules.schema import (
    HanNumerals,
    LanguageRules,
    Manifest,
    Trap,
    Unit,
    WordNumerals,
)
from claimcheck.rules.shared import canonical_units, checkworthy, data_blocks, legacy_encodings, normalization
from claimcheck.rules.shared_schema import LegacyEncodingRules

__all__ = [
    "RULES_PATH",
    "HanNumerals",
    "LanguageRules",
    "LegacyEncodingRules",
    "Manifest",
    "RankPattern",
    "RelationRules",
    "Trap",
    "Unit",
    "WordNumerals",
    "canonical_units",
    "checkworthy",
    "data_blocks",
    "fallback",
    "folder",
    "language",
    "languages",
    "legacy_encodings",
    "manifest",
    "normalization",
    "relations",
]
