"""The units of a set of languages as the engine looks them up: each written form with what it
means, and the smaller parts a compound may continue with (三元五角)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from claimcheck.rules.patterns import alternation
from claimcheck.rules.schema import LanguageRules, MoneyNouns, Unit


@dataclass(frozen=True)
class UnitInfo:
    form: str
    kind: str
    canonical: str | None
    factor: float
    factor_below: float | None
    add: float
    classifier: bool
    tenths: bool = False
    digits_one_by_one: bool = False
    position: str = "any"


@dataclass(frozen=True)
class PartInfo:
    unit: UnitInfo
    ends_phrase: bool


def units(tables: list[LanguageRules]) -> dict[str, UnitInfo]:
    units: dict[str, UnitInfo] = {}
    for table in tables:
        for unit in table.unit:
            for form in unit.forms:
                units.setdefault(form, unit_info(form, unit))
    return units


def unit_info(form: str, unit: Unit) -> UnitInfo:
    return UnitInfo(
        form,
        unit.kind,
        unit.canonical,
        unit.factor,
        unit.factor_below,
        unit.add,
        unit.classifier,
        unit.tenths,
        unit.digits_one_by_one,
        unit.position,
    )


def unit_parts(tables: list[LanguageRules], units: dict[str, UnitInfo]) -> dict[str, dict[str, PartInfo]]:
    """unit form → {word of the next part: the unit that part stands for}."""
    parts: dict[str, dict[str, PartInfo]] = {}
    for table in tables:
        for part in table.unit_part:
            read = {word: PartInfo(units[unit], part.ends_phrase) for word, unit in part.parts.items()}
            for form in part.after:
                parts.setdefault(form, {}).update(read)
    return parts


def qualifiers(tables: list[LanguageRules], section: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for table in tables:
        qualifiers = getattr(table, section)
        for name in ("over", "under", "approx", "at_least", "at_most"):
            for word in getattr(qualifiers, name):
                found.setdefault(word, name)
    return found


@dataclass(frozen=True)
class MoneyNounRules:
    before: regex.Pattern[str]  # a noun of money and a link word ending right before a figure (票房, 營收達)
    after: tuple[str, ...]  # a noun of money right after it (150萬獎金)
    currency: str | None


def money_nouns(tables: list[MoneyNouns]) -> MoneyNounRules:
    words, links = [w for t in tables for w in t.words], [w for t in tables for w in t.links]
    before = f"(?:{alternation(words)})(?:{alternation(links) if links else '(?!)'})?\\Z" if words else "(?!)"
    currency = next((t.currency for t in tables if t.currency), None)
    return MoneyNounRules(regex.compile(before), tuple(w for t in tables for w in t.after), currency)


def units_pattern(lists: dict[str, list[str]], form) -> str:
    """The unit forms of the four lists (ASCII or not, symbols or words) as one pattern, each
    list written as `form(name)` gives it (a trie, or a named list)."""
    # Words first: in an alternation the first branch that matches wins, and the word list
    # holds the long forms (degrees celsius) whose prefixes are symbols too.
    other_words = f"(?i:{form('other_unit_words')})|" if lists["other_unit_words"] else ""
    return (
        f"(?:(?=[\\x00-\\x7f])(?:(?i:{form('ascii_unit_words')})|{form('ascii_units')})"
        f"|{other_words}{form('other_units')})(?!(?<=[A-Za-z])[A-Za-z])"
    )
