"""Read the cells of a reference table with claimcheck's own number engine and unit tables.

A value cell is read the way a draft is: 50萬, 2.61億, "1.5 million", 33,662, 2671公里,
10至15萬元. A unit cell names a unit the rule tables know (km, 公里, 輛, %, USD), a
canonical unit (CNY, month), a scale with a unit (萬元, 億公里), or a rank (名次, rank).
Each reader raises ValueError with a message for the editor.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from claimcheck import rules
from claimcheck.engine.classify import as_number
from claimcheck.engine.extract import extract
from claimcheck.engine.han_numerals import parse_han
from claimcheck.engine.numbers import number_arithmetic, parse_arabic
from claimcheck.engine.word_numerals import parse_words
from claimcheck.errors import quoted
from claimcheck.rules.folding import fold
from claimcheck.rules.grammar import grammar
from claimcheck.rules.reference_rules import reference_rules

RANK = "rank"
COUNTED = "count"  # a [units] entry for a noun a count is made of: 片, locations
# Units a newsroom adds in the `[units]` table of its config: (as written, meaning) pairs,
# the meaning being COUNTED or a unit the rules know. A tuple, so that readings can be cached.
Units = tuple[tuple[str, str], ...]
UNKNOWN_UNIT_HINT = "add it under [units] in claimcheck.toml"


@dataclass(frozen=True, slots=True)
class Figure:
    value: int | float
    value_max: int | float | None
    unit: str | None
    unit_canonical: str | None


@dataclass(frozen=True, slots=True)
class UnitMeaning:
    canonical: str | None
    factor: Decimal
    measure_word: str | None  # folded, for a count in a measure word (輛 → 辆)


def _one_claim(text: str):
    """The claim that is the whole of `text`, or None."""
    claims = extract(text)
    if len(claims) == 1 and claims[0].text.strip() == text.strip():
        return claims[0]
    return None


def _plain_number(text: str) -> Decimal | None:
    value = parse_arabic(text)
    if value is not None:
        return value
    g = grammar()
    if g.han_numerals is not None and (value := parse_han(text, g.han_numerals)) is not None:
        return value
    read = parse_words(text, g.word_numerals) if g.word_numerals is not None else None
    return read[0] if read is not None and read[1] == len(text) else None


def read_figure(cell: str) -> Figure:
    """The figure a value cell holds."""
    with number_arithmetic():
        figure = _figure(cell)
    if not all(math.isfinite(value) for value in (figure.value, figure.value_max) if value is not None):
        raise ValueError(f"cannot read {quoted(cell)} as a figure: it is not a finite number")
    return figure


def _figure(cell: str) -> Figure:
    text = unicodedata.normalize("NFKC", cell).strip()
    if not text:
        raise ValueError("is empty")
    zh = grammar().han_numerals
    plain = parse_arabic(text)
    if plain is None and zh is not None and any(char.isdigit() for char in text):
        plain = parse_han(text, zh)  # 50萬, 2.61億: a number alone, read without the whole pipeline
    if plain is not None:
        return Figure(as_number(plain), None, None, None)
    claim = _one_claim(text)
    if claim is not None:
        if claim.qualifier not in ("exact", "range"):
            raise ValueError(f"{quoted(cell)} is qualified ({claim.qualifier_text}): write the figure the source gives")
        return Figure(claim.value, claim.value_max, claim.unit, claim.unit_canonical)
    plain = _plain_number(text)
    if plain is None:
        ends = _range_ends(text)
        if ends is None:
            raise ValueError(f"cannot read {quoted(cell)} as a figure")
        return ends
    return Figure(as_number(plain), None, None, None)


def _range_ends(text: str) -> Figure | None:
    """A range with its scale or unit written at both ends: "48.6 billion to 49.0 billion"."""
    parts = reference_rules().range_split.split(text)
    if len(parts) != 2 or not all(part.strip() for part in parts):
        return None
    try:
        low, high = (_figure(part) for part in parts)
    except ValueError:
        return None
    if low.value_max is not None or high.value_max is not None or low.value > high.value:
        return None
    if (low.unit_canonical, fold(low.unit or "")) != (high.unit_canonical, fold(high.unit or "")):
        return None
    return Figure(low.value, high.value, low.unit, low.unit_canonical)


def read_basis(cell: str, as_of: str | None) -> str:
    """level, yoy, mom or qoq from a basis cell (empty: level; 環比: mom, or qoq for a quarter)."""
    text = fold(unicodedata.normalize("NFKC", cell)).strip()
    if not text:
        return "level"
    basis = reference_rules().basis_of.get(text)
    if basis is None:
        raise ValueError(f"unknown basis {quoted(cell)}: write yoy, mom or qoq, or leave it empty for a level")
    if basis == "sequential":
        return "qoq" if as_of and _names_a_quarter(as_of) else "mom"
    return basis


def _names_a_quarter(as_of: str) -> bool:
    """2025Q3, 2025年第三季: the period patterns of the rules find a quarter in it."""
    folded = fold(as_of)
    return any(
        match.group("quarter")
        for p in reference_rules().periods
        for match in p.finditer(folded)
        if "quarter" in p.groupindex
    )


def read_modality(cell: str) -> str:
    """actual, estimate, forecast, target or guidance from a modality cell (empty: actual)."""
    text = fold(unicodedata.normalize("NFKC", cell)).strip()
    if not text:
        return "actual"
    modality = reference_rules().modality_of.get(text)
    if modality is None:
        raise ValueError(
            f"unknown modality {quoted(cell)}: write estimate, forecast, target or guidance, "
            "or leave it empty for an actual figure"
        )
    return modality


@lru_cache(maxsize=1024)
def read_unit(cell: str, units: Units = ()) -> UnitMeaning:
    """What a unit cell means: its canonical unit and the factor it multiplies the value by.
    `units` are the config's own, and mean what they say there."""
    written = unicodedata.normalize("NFKC", cell).strip()
    for name, meaning in units:
        if fold(unicodedata.normalize("NFKC", name).strip()) == fold(written):
            return UnitMeaning(None, Decimal(1), fold(written)) if meaning == COUNTED else read_unit(meaning)
    if fold(written) in reference_rules().rank_units:
        return UnitMeaning(RANK, Decimal(1), None)
    if written in rules.canonical_units():
        return UnitMeaning(written, Decimal(1), None)
    g = grammar()
    info = g.unit(written)
    if info is not None:
        measure = fold(written) if info.canonical is None else None
        return UnitMeaning(info.canonical, Decimal(str(info.factor)), measure)
    if written in g.currency_of:
        return UnitMeaning(g.currency_of[written], Decimal(1), None)
    for attempt in (f"1{written}", f"1 {written}"):
        claim = _one_claim(attempt)
        if claim is not None:  # 萬元, 億公里, million USD: a scale and a unit
            measure = fold(claim.unit) if claim.unit and claim.unit_canonical is None else None
            return UnitMeaning(claim.unit_canonical, Decimal(str(claim.value)), measure)
    raise ValueError(f"unknown unit {quoted(cell)}: {UNKNOWN_UNIT_HINT}")


def with_unit_column(figure: Figure, unit_cell: str, units: Units = ()) -> Figure:
    """The figure with the unit column applied: 2.61億 and 公里 → 261000000 km."""
    meaning = read_unit(unit_cell, units)
    if figure.unit is not None:
        if figure.unit_canonical != meaning.canonical:
            raise ValueError(
                f"the value is in {quoted(figure.unit)} but the unit column says {quoted(unit_cell)}; keep one of them"
            )
        return figure
    factor = meaning.factor
    top = as_number(Decimal(str(figure.value_max)) * factor) if figure.value_max is not None else None
    return Figure(as_number(Decimal(str(figure.value)) * factor), top, unit_cell.strip(), meaning.canonical)


@dataclass(frozen=True, slots=True)
class Tolerance:
    amount: float
    relative: bool


@lru_cache(maxsize=1024)
def read_tolerance(cell: str, unit: str | None, units: Units = ()) -> Tolerance:
    """500 (absolute, in the row's unit: 1 with 萬元 is 1萬元) or 1% (relative to the value)."""
    text = unicodedata.normalize("NFKC", cell).strip()
    relative = text.endswith("%") or text.lower().endswith("percent")
    number = text.rstrip("%").strip() if text.endswith("%") else text.removesuffix("percent").strip()
    try:
        figure = read_figure(number)
    except ValueError:
        raise ValueError(f"cannot read {quoted(cell)} as a tolerance: write 500 or 1%") from None
    if figure.value_max is not None or figure.value < 0 or figure.unit is not None:
        raise ValueError(f"cannot read {quoted(cell)} as a tolerance: write 500 or 1%")
    if relative:
        return Tolerance(float(figure.value) / 100, True)
    factor = read_unit(unit, units).factor if unit else Decimal(1)
    return Tolerance(float(Decimal(str(figure.value)) * factor), False)
