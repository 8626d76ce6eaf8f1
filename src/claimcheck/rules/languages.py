"""The languages claimcheck reads: every folder with a language.toml, in rules/ and in the
directories CLAIMCHECK_RULES_PATH lists (separated like PATH). Nothing else names them.

A folder's topic files (schema.TOPICS) are read together into one LanguageRules;
rules/common/ holds the same topics for every language.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from claimcheck.errors import RulesError
from claimcheck.rules.load import BUILTIN, Folder, check_patterns, error_at, validated
from claimcheck.rules.relation_schema import RelationRules
from claimcheck.rules.schema import NUMERAL_SYSTEMS, TOPICS, LanguageRules, Manifest
from claimcheck.rules.shared import canonical_units

RULES_PATH = "CLAIMCHECK_RULES_PATH"
COMMON = "common"
MANIFEST = "language.toml"
RULE_FILES = (MANIFEST, *TOPICS, "relations.toml", "reasons.toml")
# Codes that mean something else where a language is named (--lang auto, a document's language).
_RESERVED = frozenset({"auto", COMMON, "mixed", "unknown"})
_TOPIC_OF = {key: name for name, keys in TOPICS.items() for key in keys}
_PLACEHOLDER = re.compile(r"\{(?:number|ordinal|adjective|metric|rank_cue)\}")


def _roots() -> list[tuple[object, str]]:
    roots: list[tuple[object, str]] = [(BUILTIN, "rules")]
    for entry in os.environ.get(RULES_PATH, "").split(os.pathsep):
        if not entry:
            continue
        path = Path(entry)
        if not path.is_dir():
            raise RulesError(f"{RULES_PATH}: {entry}: no such directory")
        try:
            holds = any((child / MANIFEST).is_file() for child in path.iterdir() if child.is_dir())
        except OSError as exc:
            raise RulesError(f"{RULES_PATH}: {entry}: cannot be read ({exc.strerror})") from None
        if not holds:
            raise RulesError(f"{RULES_PATH}: {entry}: holds no language folder (a folder with a {MANIFEST})")
        roots.append((path, str(path)))
    return roots


@cache
def _languages() -> dict[str, tuple[Folder, Manifest]]:
    found: dict[str, tuple[Folder, Manifest]] = {}
    for root, label in _roots():
        for child in sorted(root.iterdir(), key=lambda child: child.name):
            if not child.is_dir() or not (child / MANIFEST).is_file():
                continue
            folder = Folder(child, f"{label}/{child.name}")
            file = folder.file(MANIFEST)
            manifest = validated(Manifest, file.label, file.read())
            if manifest.code != child.name:
                raise RulesError(f"{file.label}: entry code: {manifest.code!r} is not the folder's name")
            if manifest.code in _RESERVED:
                raise RulesError(f"{file.label}: entry code: {manifest.code!r} is a reserved word")
            if manifest.code in found:
                raise RulesError(f"{file.label}: language {manifest.code!r} is also in {found[manifest.code][0].label}")
            check_patterns(file.label, [("script.characters", manifest.script.characters)])
            fallbacks = [code for code, (_, known) in found.items() if known.script.fallback]
            if manifest.script.fallback and fallbacks:
                raise RulesError(
                    f"{file.label}: entry script.fallback: {fallbacks[0]} is the fallback language already"
                )
            found[manifest.code] = (folder, manifest)
    if not any(manifest.script.fallback for _, manifest in found.values()):
        raise RulesError("rules: no language has script.fallback = true")
    return dict(sorted(found.items(), key=lambda item: (item[1][1].order, item[0])))


def languages() -> tuple[str, ...]:
    """The language codes, in their order (rules of an earlier one win where two overlap)."""
    return tuple(_languages())


def manifest(code: str) -> Manifest:
    return _known(code)[1]


def fallback() -> str:
    """The language of a sentence in which no language's script appears."""
    return next(code for code, (_, manifest) in _languages().items() if manifest.script.fallback)


def folder(code: str) -> Folder:
    if code == COMMON:
        return Folder(BUILTIN / COMMON, f"rules/{COMMON}")
    return _known(code)[0]


def _known(code: str) -> tuple[Folder, Manifest]:
    known = _languages()
    if code not in known:
        raise RulesError(f"no rules for language {code!r} (known: {', '.join(known)})")
    return known[code]


@cache
def language(code: str) -> LanguageRules:
    """The rules of one language, or those shared by all (code="common")."""
    return read_language(folder(code), None if code == COMMON else manifest(code).numerals)


def read_language(where: Folder, numerals: str | None) -> LanguageRules:
    """A folder's topic files read together; `numerals` is the system its manifest declares
    (None for rules/common/, which has none)."""
    _no_stray_files(where)
    data: dict = {}
    label_of: dict[str, str] = {}
    for name, keys in TOPICS.items():
        file = where.file(name)
        if not file.exists():
            continue
        for key, value in file.read().items():
            if key not in keys and key in _TOPIC_OF:
                raise RulesError(f"{file.label}: entry {key}: belongs in {_TOPIC_OF[key]}")
            data[key], label_of[key] = value, file.label
    table = data.pop("numerals", None)
    try:
        rules = LanguageRules.model_validate(data)
    except ValidationError as exc:
        raise error_at(label_of[str(exc.errors()[0]["loc"][0])], exc) from None
    rules = rules.model_copy(update={"numerals": _numerals(numerals, table, where.file("numerals.toml").label)})
    _check_regexes(rules, label_of)
    _check_units(rules, label_of.get("unit", ""), label_of.get("unit_part", ""), label_of.get("currency_prefixes", ""))
    return rules


def _check_regexes(rules: LanguageRules, label_of: dict[str, str]) -> None:
    """Each regex of traps and periods compiles (a folder of one's own may hold a broken one)."""
    traps = rules.traps.items()
    check_patterns(
        label_of.get("traps", ""), [(f"traps.{n}.patterns.{i}", p) for n, t in traps for i, p in enumerate(t.patterns)]
    )
    runs = [(n, t.number_runs) for n, t in traps if t.number_runs is not None]
    check_patterns(
        label_of.get("traps", ""),
        [(f"traps.{n}.number_runs.{key}", getattr(r, key)) for n, r in runs for key in ("number", "label")],
    )
    check_patterns(label_of.get("time", ""), [(f"time.patterns.{i}", p) for i, p in enumerate(rules.time.patterns)])
    reading = rules.reading
    lists = {
        "patterns": reading.patterns,
        "last_patterns": reading.last_patterns,
        "span_patterns": reading.span_patterns,
    }
    check_patterns(
        label_of.get("reading", ""), [(f"reading.{n}.{i}", p) for n, ps in lists.items() for i, p in enumerate(ps)]
    )
    check_patterns(label_of.get("frame", ""), [(f"frame.patterns.{i}", p) for i, p in enumerate(rules.frame.patterns)])


def _numerals(system: str | None, table: dict | None, label: str):
    model = NUMERAL_SYSTEMS[system] if system else None
    if model is None:
        if table is not None:
            why = f"language.toml declares numerals = {system!r}" if system else "the shared rules have no numerals"
            raise RulesError(f"{label}: entry numerals: no table here ({why})")
        return None
    if table is None:
        raise RulesError(f"{label}: entry numerals: missing (language.toml declares numerals = {system!r})")
    try:
        return model.model_validate(table)
    except ValidationError as exc:
        raise error_at(label, exc, ("numerals",)) from None


def _no_stray_files(where: Folder) -> None:
    """A misspelt file name (unit.toml) would otherwise be ignored without a word."""
    if not where.path.is_dir():
        return
    for child in where.path.iterdir():
        if child.name.endswith(".toml") and child.name not in RULE_FILES:
            raise RulesError(f"{where.label}/{child.name}: not a rule file (a folder holds {', '.join(RULE_FILES)})")


@cache
def relations(code: str) -> RelationRules:
    """Ranks, comparisons, superlatives and context words of one language (none without a relations.toml)."""
    file = folder(code).file("relations.toml")
    if not file.exists():
        return RelationRules()
    rules = validated(RelationRules, file.label, file.read())
    check_patterns(file.label, _relation_patterns(rules))
    return rules


def _relation_patterns(rules: RelationRules):
    """The regexes of a relations.toml, their {placeholders} filled."""
    found = [(f"rank.patterns.{i}.pattern", p.pattern) for i, p in enumerate(rules.rank.patterns)]
    found += [(f"comparison.multiple_of.{i}", p) for i, p in enumerate(rules.comparison.multiple_of)]
    found += [(f"comparison.multiple_as.{i}", p) for i, p in enumerate(rules.comparison.multiple_as)]
    found += [(f"superlative.patterns.{i}", p) for i, p in enumerate(rules.superlative.patterns)]
    found += [(f"context.subject_patterns.{i}", p) for i, p in enumerate(rules.context.subject_patterns)]
    found += [(f"frame.headline_marks.{i}", p) for i, p in enumerate(rules.frame.headline_marks)]
    # A stand-in as long as the placeholder, so that an error's position is the pattern's own.
    return [(entry, _PLACEHOLDER.sub(lambda m: "x" * len(m[0]), pattern)) for entry, pattern in found]


def _check_units(rules: LanguageRules, units: str, parts: str, prefixes: str) -> None:
    known = canonical_units()
    for index, unit in enumerate(rules.unit):
        if unit.canonical is not None and unit.canonical not in known:
            raise RulesError(
                f"{units}: entry unit.{index} ({unit.forms[0]}): canonical unit "
                f"{unit.canonical!r} is not in canonical.toml"
            )
    forms = {form for unit in rules.unit for form in unit.forms}
    for index, part in enumerate(rules.unit_part):
        for word, unit_form in part.parts.items():
            if unit_form not in forms:
                raise RulesError(f"{parts}: entry unit_part.{index} ({word}): {unit_form!r} is no unit form")
    for prefix, code in rules.currency_prefixes.items():
        if code not in known:
            raise RulesError(f"{prefixes}: currency prefix {prefix!r}: {code!r} is not in canonical.toml")
