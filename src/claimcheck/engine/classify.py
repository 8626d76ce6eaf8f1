"""Decide what a Quantity is: a claim of some kind, a date, or not a claim (and why)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from claimcheck.engine.quantity import Quantity, about_word, after_threshold
from claimcheck.engine.tail import currency_glued
from claimcheck.rules.grammar import Grammar

_YEARS = (1800, 2100)
# 一天, "one day" alone: narrative, but the head of a compound (一個小時三十分鐘).
ONE_WITH_A_DURATION = "one with a duration alone"


@dataclass(frozen=True, slots=True)
class Classified:
    kind: str
    value: int | float
    value_max: int | float | None
    unit: str | None
    unit_canonical: str | None


@dataclass(frozen=True, slots=True)
class Rejected:
    reason: str
    is_time: bool = False


def as_number(value: Decimal) -> int | float:
    """JSON-friendly number: 261000000 rather than 261000000.0; floats only when needed."""
    if value == value.to_integral_value() and abs(value) < 2**53:
        return int(value)
    return float(value)


def _is_ascii_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def rejection(text: str, q: Quantity, g: Grammar) -> Rejected | None:
    """Why this Quantity is not a claim, or None when it is one."""
    before = text[q.number_start - 1] if q.number_start > 0 else ""
    after = text[q.end] if q.end < len(text) else ""
    letter_before = _is_ascii_letter(before) or (
        before == "-" and q.number_start > 1 and _is_ascii_letter(text[q.number_start - 2])
    )
    if letter_before and not currency_glued(text, q, g):
        return Rejected("code")
    if q.unit is None and not q.percent and not q.scaled and after in g.superscripts:
        return Rejected("a superscript after it: a footnote mark, or a power other than of ten")
    if q.unit is None and not q.percent and not q.scaled and (_is_ascii_letter(after) or after.isdigit()):
        return Rejected("code")
    if before == "^":
        return Rejected("exponent")
    if before == "/" and q.number_start > 1 and text[q.number_start - 2].isdigit():
        return Rejected("ratio or fraction")
    if after == "/" and text[q.end + 1 : q.end + 2].isdigit():
        return Rejected("ratio or fraction")
    if q.unit_text and q.unit_text[-1].isascii() and q.unit_text[-1].isalnum() and after.isascii() and after.isalnum():
        return Rejected("code")
    if q.needs_unit and (q.unit is None or q.unit.classifier):
        return Rejected("ratio or fraction" if q.fraction else "no unit")
    plain = q.unit is None and not q.currency and not q.percent and not q.scaled
    if plain and len(q.number_text) == 1 and about_word(text, q.number_start, g) is not None:
        return Rejected("bare numeral")  # 馬上千萬別走: 上千 is about a thousand only before a unit
    written = q.number_text
    if (
        g.han_numerals is not None
        and written
        and not any(c.isdigit() for c in written)
        and not (written[0] in g.han_numerals.lone_scales_not_numbers and after_threshold(text, q.number_start, g))
    ):
        if all(c in g.han_numerals.lone_scales_not_numbers for c in written):
            return Rejected("lone scale")
        if plain and (len(written) == 1 or written[0] in g.han_numerals.lone_scales_not_numbers):
            return Rejected("bare numeral")
    if written.lower() in g.not_figures_alone and not q.scaled and not q.percent and not q.currency:
        if (q.unit is None or q.unit.classifier) and not _negated(text, q, g):
            return Rejected("not a figure alone")
    if q.words and plain and " " not in written.strip() and "-" not in written and not _negated(text, q, g):
        return Rejected("bare number word")
    if plain and written.isdigit() and len(written) == 4 and _YEARS[0] <= int(written) <= _YEARS[1]:
        return Rejected("year", is_time=True)
    if q.unit is not None and q.unit_text in g.day_of_month_forms and q.value <= 31 and not q.needs_unit:
        window = text[max(0, q.start - 4) : q.start]
        unit_end = text.find(q.unit_text, q.number_end) + len(q.unit_text)
        within = text.startswith(g.duration_cues_after, unit_end) and not window.endswith(g.month_forms)
        if not within and not any(window.endswith(cue) for cue in g.duration_cues):
            return Rejected("day of month", is_time=True)
    return None


def _negated(text: str, q: Quantity, g: Grammar) -> bool:
    """Whether "minus" or "negative" stands before the number: minus one is a figure."""
    if q.start < 2 or text[q.start - 1] != " ":  # "minus one": a word and a space before it
        return False
    before = g.before.match(text, max(0, q.start - 16), q.start)
    return before is not None and before.group("neg") is not None


def late_rejection(text: str, q: Quantity, g: Grammar) -> Rejected | None:
    """Rules that need the qualifier: 一天 alone is narrative (有一天), 近一天 and 提前一周 are figures."""
    if q.number_text.lower() in g.not_figures_alone and q.unit is not None and q.unit.kind == "duration":
        span_words = g.han_numerals.one_is_a_span_after if g.han_numerals else ()
        if span_words and text.endswith(span_words, 0, q.number_start):
            return None
        if q.qualifier == "exact" and q.value == 1 and not q.unit.add and not q.scaled:
            return Rejected(ONE_WITH_A_DURATION)
    return None


def classify(q: Quantity) -> Classified:
    value, value_max = q.value, q.value_max
    unit = q.unit
    if q.percent:
        kind, canonical, written = "percent", "percent", q.unit_text
    elif unit is not None:
        kind, canonical, written = unit.kind, unit.canonical, q.unit_text
        if unit.add:
            value += Decimal(str(unit.add))
        if unit.factor != 1 and (unit.factor_below is None or abs(value) < Decimal(str(unit.factor_below))):
            factor = Decimal(str(unit.factor))
            value *= factor
            value_max = value_max * factor if value_max is not None else None
        if q.currency and kind == "quantity":
            kind, canonical = "money", q.currency
    elif q.currency:
        kind, canonical, written = "money", q.currency, q.currency_text
    else:
        kind, canonical, written = "quantity", None, None
    return Classified(
        kind=kind,
        value=as_number(value),
        value_max=as_number(value_max) if value_max is not None else None,
        unit=written,
        unit_canonical=canonical,
    )
