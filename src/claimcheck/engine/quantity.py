"""A number found in the text, as the engine reads it: its span, value, unit, currency and
qualifiers. Spans are offsets into the clean text."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from claimcheck.rules.grammar import Grammar
from claimcheck.rules.unit_tables import UnitInfo

# How far before a number its qualifier, currency sign or unit word is looked for.
LOOK_BACK = 16


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    number_start: int
    number_end: int
    number_text: str
    number_value: Decimal
    value_max: Decimal | None = None
    unit: UnitInfo | None = None
    unit_text: str | None = None
    currency: str | None = None
    currency_text: str | None = None
    scaled: bool = False
    qualifier: str = "exact"
    qualifier_text: str | None = None
    percent: bool = False
    fraction: bool = False
    words: bool = False
    needs_unit: bool = False
    value: Decimal = Decimal(0)

    def __post_init__(self) -> None:
        self.value = self.number_value


def whole(match: regex.Match[str], value: Decimal) -> Quantity:
    """A Quantity whose number is the whole match (fractions, halves, 'a couple')."""
    return Quantity(*match.span(), *match.span(), match.group(), value)


def qualify(q: Quantity, words: str, g: Grammar) -> None:
    if q.qualifier != "exact" and q.qualifier_text is not None and q.qualifier_text.lower() not in g.between_words:
        return
    name = g.qualifier_of.get(words) or g.qualifier_of.get(words.lower())
    if name:
        q.qualifier = name
        q.qualifier_text = words


def after_threshold(text: str, start: int, g: Grammar) -> bool:
    """Whether a word of a threshold passed stands right before `start`: 破百, 突破千億 (not 打破),
    or a word of about that many: 上千."""
    if g.han_numerals is None:
        return False
    before = text[max(0, start - 4) : start]
    words = (*g.han_numerals.lone_scales_after, *g.han_numerals.lone_scales_about)
    return any(before.endswith(word) for word in words) and not any(before.endswith(word) for word in g.not_qualifiers)


def about_word(text: str, start: int, g: Grammar) -> str | None:
    """The word of about that many right before a lone scale (上 of 上千名), if any."""
    if g.han_numerals is None:
        return None
    return next((w for w in g.han_numerals.lone_scales_about if text.endswith(w, 0, start)), None)
