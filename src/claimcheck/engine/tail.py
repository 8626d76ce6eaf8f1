"""What follows a number: its scale, a range, its unit (and where that unit may stand), the
smaller parts of a compound and a bare count of the next smaller unit."""

from __future__ import annotations

from decimal import Decimal

import regex

from claimcheck.engine.numerals import number_value, trailing_scale, value_of
from claimcheck.engine.parts import read_parts
from claimcheck.engine.quantity import LOOK_BACK, Quantity, qualify
from claimcheck.engine.ranges import moves_from, moves_to
from claimcheck.engine.subunits import bare_subunit
from claimcheck.engine.word_fractions import mixed_after, of_unit
from claimcheck.rules.grammar import Grammar

_SIGNS = frozenset("-−+")
_SENTENCE_ENDS = (". ", "! ", "? ")
_HYPHENED_DIGITS = regex.compile(r"-\d+(?:\.\d+)?")


def read_after(text: str, q: Quantity, g: Grammar) -> None:
    half = g.and_a_half.match(text, q.end) if text[q.end : q.end + 1] in (" ", "-") else None
    mixed = (Decimal("0.5"), half.end()) if half is not None else None
    if mixed is None and not q.fraction and text.startswith(g.and_words, q.end):
        mixed = mixed_after(text, q.end, g)
    if mixed is not None:
        q.value += mixed[0]  # "one and a half", "5 and a half minutes", "two and three quarters"
        q.number_value = q.value
        q.end = q.number_end = mixed[1]
        q.number_text = text[q.number_start : q.end]
        q.end = of_unit(text, q.end, g) or q.end
    if q.end < len(text) and text[q.end] not in g.tail_first_chars:
        return
    between = q.qualifier_text is not None and q.qualifier_text.lower() in g.between_words
    pattern = g.tail_between if between else g.tail
    tail = pattern.match(text, q.end)
    if tail is not None and tail.group("unit") in g.placed_units and not _unit_placed(text, q, tail, g):
        tail = pattern.match(text, q.end, tail.start("unit"))  # read up to the unit, not it
    if tail is None or tail.end() == q.end:
        bracketed = g.bracketed_unit.match(text, q.end) if text.startswith(" ", q.end) else None
        if bracketed is not None and bracketed.group("unit") not in g.placed_units:
            q.unit_text = bracketed.group("unit")  # 500 (kg), as in a table; not 45 (F), 3 (C)
            q.unit, q.end = g.unit(q.unit_text), bracketed.end()
            return
        _peel_scale_into_unit(text, q, g)
        return
    scale_text = tail.group("scale")
    if scale_text in g.currency_scales and not _currency_before(text, q, g):
        # Without a currency sign, 10m is ten metres, not ten million (and 10m2 ten square metres).
        written = g.unit_at.match(text, tail.start("scale"))
        unit = g.unit(written.group()) if written else None
        if unit is not None:
            q.unit, q.unit_text, q.end = unit, written.group(), written.end()
        return
    scale = _scale_value(scale_text, g) if scale_text else Decimal(1)
    q.scaled = scale_text is not None
    sep = tail.group("rsep")
    currency_again = bool(tail.group("n2")) and text[tail.end("rsep") : tail.start("n2")].strip() != ""
    if tail.group("n2") and (
        moves_from(text, q.start, sep, g.languages)
        or (currency_again and moves_to(text, q.start, sep, g.languages))
        or not _read_range(tail, q, g, scale)
    ):
        return
    q.value *= scale
    for name in ("infix", "infix2", "post"):
        if tail.group(name):
            qualify(q, tail.group(name), g)
    q.end = tail.end()
    if tail.group("unit"):
        q.unit_text = tail.group("unit")
        q.unit = g.unit(q.unit_text)
        money = g.money_when_scaled.get(q.unit_text.lower()) if q.scaled else None
        if money is not None and not text.startswith(g.of_words, q.end):
            q.unit = g.unit(money)  # 45 million pounds (spent), but 2 million pounds of beef
        if not q.scaled and not tail.group("post"):
            _half_after_unit(text, q, g)
            read_parts(text, q, g)
    _peel_scale_into_unit(text, q, g)
    if tail.group("unit") and not tail.group("post"):
        _range_after_unit(text, q, g)
    if q.unit is not None and q.value_max is None and not q.scaled and text.startswith((" ", ","), q.end):
        add_bare_subunit(text, q, g)


def _unit_placed(text: str, q: Quantity, tail: regex.Match[str], g: Grammar) -> bool:
    """Whether a unit that may stand only in some places stands in one: 13" against the number
    and outside a quotation, "4 in" where the phrase ends or before "thick"."""
    unit = g.unit(tail.group("unit"))
    if unit is None or unit.position == "any":
        return True
    if unit.position == "end":
        return g.phrase_end.match(text, tail.end("unit")) is not None
    if unit.position == "cued":
        return _cued(text, q, tail.group("unit"), tail.end("unit"), g)
    mark = tail.group("unit")[0]
    line_start = text.rfind("\n", 0, q.start) + 1
    quoted = not mark.isalnum() and text.count(mark, line_start, q.start) % 2 == 1  # 13" inside a quotation
    return tail.start("unit") == q.end and not quoted


def _cued(text: str, q: Quantity, form: str, unit_end: int, g: Grammar) -> bool:
    """30C as a temperature: a sign on the number or a cue word in its sentence (on its
    line), and no label right before it (seat 12C, Row 30 C) nor a code hyphened to it
    (C-sections, F-16); another temperature may follow (30C-32C)."""
    if text.startswith("-", unit_end) and text[unit_end + 1 : unit_end + 2].isalnum():
        second = _HYPHENED_DIGITS.match(text, unit_end)
        if second is None or not text.startswith(form, second.end()):
            return False
    if g.unit_label.search(text, max(0, q.number_start - LOOK_BACK), q.number_start) is not None:
        return False
    if q.number_text[:1] in _SIGNS:
        return True
    start = max(text.rfind("\n", 0, q.start), *(text.rfind(p, 0, q.start) for p in _SENTENCE_ENDS)) + 1
    ends = [i for i in (text.find(c, q.end) for c in ("\n", *_SENTENCE_ENDS)) if i >= 0]
    return g.unit_cue.search(text, start, min(ends, default=len(text))) is not None


def add_bare_subunit(text: str, q: Quantity, g: Grammar) -> None:
    money = q.currency is not None or (q.unit is not None and q.unit.kind == "money")
    canonical = q.unit.canonical if q.unit is not None else None
    if canonical in g.money_subunits:
        return
    part = bare_subunit(text, q.end, canonical, money, g)
    if part is not None:
        q.value += part[0]
        q.end = part[1]


def _half_after_unit(text: str, q: Quantity, g: Grammar) -> None:
    """三斤半, 兩年半, "an hour and a half": a half of the unit just read."""
    if text[q.end : q.end + 1] in g.halves:
        q.value += Decimal("0.5")
        q.end += 1
    elif text[q.end : q.end + 1] in (" ", "-") and (half := g.and_a_half.match(text, q.end)):
        q.value += Decimal("0.5")
        q.end = half.end()


def currency_glued(text: str, q: Quantity, g: Grammar) -> bool:
    """USD3.14, RMB500: a currency code written against the number (not a product code)."""
    before = text[q.number_start - 1 : q.number_start]
    return before.isascii() and before.isalpha() and _currency_before(text, q, g)


def _currency_before(text: str, q: Quantity, g: Grammar) -> bool:
    if q.currency is not None:
        return True
    before = g.before.match(text, max(0, q.start - LOOK_BACK), q.start)
    return before is not None and before.group("cur") is not None


def _read_range(tail: regex.Match[str], q: Quantity, g: Grammar, scale: Decimal) -> bool:
    read = number_value(tail.group("n2"), g)
    if read is None or read[1] != len(tail.group("n2")):
        return False
    high = read[0]
    own_scale = trailing_scale(q.number_text, g)
    n2_scale = trailing_scale(tail.group("n2"), g)
    if own_scale is None and n2_scale is not None and q.value <= high / n2_scale:
        q.value *= n2_scale  # 10至15萬元: the scale belongs to both ends
    q.value_max = high * scale
    q.qualifier = "range"
    q.qualifier_text = tail.group("rsep")
    return True


def _scale_value(written: str, g: Grammar) -> Decimal:
    if written in g.scale_of:
        return Decimal(g.scale_of[written])
    if written.lower() in g.scale_of:
        return Decimal(g.scale_of[written.lower()])
    factor = Decimal(1)
    for char in written:
        factor *= g.scale_of[char]
    return factor


def _peel_scale_into_unit(text: str, q: Quantity, g: Grammar) -> None:
    """3千米 is 3 km, not 3000 m: give a scale character back to the unit it begins."""
    if g.han_numerals is None or q.words or q.percent or q.value_max is not None:
        return
    last = q.number_end - 1
    if last <= q.number_start or text[last] not in g.han_scales:
        return
    unit = g.unit_at.match(text, last)
    if unit is None or unit.end() <= q.number_end:
        return
    value = value_of(q.number_text[:-1], g)
    if value is None:
        return
    q.value = value
    q.number_end = last
    q.number_text = q.number_text[:-1]
    q.unit_text = unit.group()
    q.unit = g.unit(q.unit_text)
    q.end = max(q.end, unit.end())


def _range_after_unit(text: str, q: Quantity, g: Grammar) -> None:
    """10%-15% and 5萬-8萬人: a second number with the same unit makes a range."""
    if q.value_max is not None or q.unit_text is None:
        return
    second = g.range_after_unit.match(text, q.end)
    if not second or not text.startswith(q.unit_text, second.end()):
        return
    high = value_of(second.group("n2"), g)
    if high is None:
        return
    if second.group("scale"):
        high *= _scale_value(second.group("scale"), g)
    q.value_max = high
    q.qualifier = "range"
    q.qualifier_text = text[q.end : second.start("n2")].strip()
    q.end = second.end() + len(q.unit_text)
