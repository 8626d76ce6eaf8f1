"""Read one number in context: its value, scale, range, unit, currency and qualifiers.

`read_quantity` is called once for each match of the grammar's scan pattern and returns a
Quantity (spans are offsets into the clean text), or None when the match is no number.
What stands before the number is read later, by claimcheck.engine.before.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from claimcheck.engine.digit_forms import DIGIT_SUFFIXES, digit_suffixes, negate_after
from claimcheck.engine.han_numerals import parse_han_span
from claimcheck.engine.numerals import number_value, value_of
from claimcheck.engine.quantity import Quantity, about_word, after_threshold, qualify, whole
from claimcheck.engine.tail import read_after
from claimcheck.engine.word_fractions import fraction_after, of_unit, ratio_after
from claimcheck.rules.grammar import Grammar

_NUMBER_NEXT = regex.compile(r"[ ]?[\d.]")


def read_quantity(text: str, match: regex.Match[str], g: Grammar) -> Quantity | None:
    """Read the number that `match` found and what follows it (scale, range, unit).

    What stands before it (qualifier, currency sign) is read by `read_before`, which the
    pipeline calls only for numbers that survive the cheap rejections.
    """
    # Which branch of the scan matched: its last group closes last (cheaper than groupdict).
    branch = match.lastgroup
    if branch == "pctn":
        written = match.group("pctn")
        value = value_of(written, g)
        if value is None:
            return None
        value *= Decimal(str(g.percent_prefixes[match.group("pct")]))
        q = Quantity(*match.span(), *match.span("pctn"), written, value)
        q.percent = True
        q.unit_text = match.group("pct")
        return _finish(text, q, g, allow_unit=False)
    if branch == "numr":
        denominator, numerator = value_of(match.group("den"), g), value_of(match.group("numr"), g)
        if not denominator or numerator is None:
            return None
        q = whole(match, numerator / denominator)
        q.fraction = True
        _finish(text, q, g, allow_unit=True)
        if q.unit is not None and not q.unit.classifier and q.unit.canonical is not None:
            return q  # 四分之一公升: a quarter of a litre
        # 三分之一 (of something) is a share: report it in percent.
        q = whole(match, numerator / denominator * 100)
        q.percent = q.fraction = True
        return _finish(text, q, g, allow_unit=False)
    if branch == "frac":
        return _english_fraction(text, match, g)
    if branch == "pair":
        q = whole(match, Decimal(2))
        q.words = q.needs_unit = True
        return _finish(text, q, g, allow_unit=True)
    if branch == "article":
        q = whole(match, Decimal(1))
        q.words = q.needs_unit = True
        _finish(text, q, g, allow_unit=True)
        return None if _NUMBER_NEXT.match(text, q.end) else q  # "a US$4.7 billion": the sign's own number
    if branch == "vulgar":
        q = whole(match, g.vulgar_fractions[match.group("vulgar")])  # ¾ cup
        q.fraction = q.needs_unit = True
        return _finish(text, q, g, allow_unit=True)
    if branch == "slash":
        integral, _, fraction = match.group("slash").rpartition(" ")
        numerator, denominator = (Decimal(part) for part in fraction.split("/"))
        if not denominator:
            return None
        value = Decimal(integral or 0) + numerator / denominator  # 10 1/2 miles
        q = whole(match, value)
        q.fraction = q.needs_unit = True
        return _finish(text, q, g, allow_unit=True)
    if branch == "half":
        if (word := _half_percent_word(text, match.start(), g)) is not None:
            return word
        q = whole(match, Decimal("0.5"))
        q.needs_unit = True
        _finish(text, q, g, allow_unit=True)
        q.needs_unit = not q.scaled  # half a million, half a dozen: a figure of its own
        return q
    core = "num" if branch == "num" else "words"
    written = match.group(core)
    read = number_value(written, g) or _unread_run(text, match.end(core), written, g)
    span = parse_han_span(written, g.han_numerals) if read is None and g.han_numerals is not None else None
    if span is not None:
        read = span[0], len(written)
    elif read is None and written[0] in g.han_scales and after_threshold(text, match.start(core), g):
        scaled = value_of("1" + written, g)  # 破萬: the scale alone is one of it
        read = (scaled, len(written)) if scaled is not None else None
    if read is None:
        return None
    value, used = read
    start = match.start(core)
    q = Quantity(start, start + used, start, start + used, written[:used], value)
    if span is not None:
        q.value_max, q.qualifier = span[1], "approx"
    elif written[0] in g.han_scales and (about := about_word(text, start, g)) is not None:
        q.qualifier, q.qualifier_text, q.start = "approx", about, start - len(about)
    q.words = core == "words"
    if text[q.end : q.end + 1] in g.fraction_whole_starts:
        _mixed_fraction(text, q, g)
    after = text[q.end : q.end + 1]
    if not q.words and (after in DIGIT_SUFFIXES or after in g.vulgar_fractions or after in g.superscripts):
        digit_suffixes(text, q, g)
    if q.words and (fraction := fraction_after(text, q.end, q.number_text, g)) is not None:
        return _fraction(text, q, *fraction, g)
    spaced = text.startswith(" ", q.end)
    if spaced and (ratio := ratio_after(text, q.end, g)) is not None and ratio[0]:
        return _fraction(text, q, q.value / ratio[0], ratio[1], g)  # three out of four, 1 over 3
    _finish(text, q, g, allow_unit=True)
    if span is not None and q.unit is None and not q.percent and not any(c in g.han_scales for c in written):
        return None  # 三四 alone: a span needs a unit or a scale to be a figure
    if spaced and text.startswith(" ", q.end) and (below := g.negative_after.match(text, q.end)) is not None:
        negate_after(q, below, g)
    return q


def _half_percent_word(text: str, start: int, g: Grammar) -> Quantity | None:
    """半折, 半價: half price, a percent of its own (not half of 折)."""
    for word, value in g.half_percent_words.items():
        if text.startswith(word, start):
            q = Quantity(start, start + len(word), start, start + len(word), word, Decimal(str(value)))
            q.percent = True
            q.unit_text = word
            return _finish(text, q, g, allow_unit=False)
    return None


def _unread_run(text: str, end: int, written: str, g: Grammar) -> tuple[Decimal, int] | None:
    """Chinese numerals that do not read as one number, read another way (or None)."""
    if g.han_numerals is None or len(written) < 2:
        return None
    return _digits_one_by_one(text, end, written, g) or _number_then_unit(text, end, written, g)


def _number_then_unit(text: str, end: int, written: str, g: Grammar) -> tuple[Decimal, int] | None:
    """八兩, 九兩半: a run ending in a character that is a unit too (兩) is a number and that
    unit, when nothing but a half follows. 三兩個 and 三兩天 stay "two or three", 兩兩 "in pairs"."""
    after = text[end : end + 1]
    if g.unit(written[-1]) is None or written[-2] == written[-1] or (after.isalnum() and after not in g.halves):
        return None
    value = value_of(written[:-1], g)
    return (value, len(written) - 1) if value is not None else None


def _digits_one_by_one(text: str, end: int, written: str, g: Grammar) -> tuple[Decimal, int] | None:
    """七五折: before some units two Chinese digits are read digit by digit (75)."""
    if len(written) != 2 or not all(c in g.han_numerals.digits for c in written):
        return None
    unit = g.unit_at.match(text, end)
    if unit is None or not g.unit(unit.group()).digits_one_by_one:
        return None
    return Decimal("".join(str(g.han_numerals.digits[c]) for c in written)), len(written)


def _mixed_fraction(text: str, q: Quantity, g: Grammar) -> None:
    """三又四分之一: a whole number and a fraction, one number (3.25) in the unit after it."""
    match = g.fraction_after_whole.match(text, q.end)
    if match is None:
        return
    denominator, numerator = value_of(match.group("den"), g), value_of(match.group("numr"), g)
    if not denominator or numerator is None:
        return
    q.value = q.number_value = q.number_value + numerator / denominator
    q.end = q.number_end = match.end()
    q.number_text = text[q.number_start : q.end]
    q.fraction = True


def _english_fraction(text: str, match: regex.Match[str], g: Grammar) -> Quantity | None:
    words = match.group("frac").lower().replace("-", " ").split()
    denominator = g.fraction_denominators.get(words[-1])
    numerator = Decimal(1)
    if len(words) == 2 and g.word_numerals is not None and words[0] in g.word_numerals.words:
        numerator = Decimal(g.word_numerals.words[words[0]])
    if not denominator:
        return None
    if text[match.end() : match.end() + 2][1:].isalpha() and text.startswith("-", match.end()):
        # a quarter-litre is a fraction of it; a quarter-final, a third-party app are words
        unit = g.unit_at.match(text, match.end() + 1)
        info = g.unit(unit.group()) if unit else None
        if info is None or info.classifier or info.canonical is None:
            return None
    if numerator != 1 and not words[-1].endswith("s"):  # "twenty third": a rank after a number
        start = match.start()
        q = Quantity(start, start + len(words[0]), start, start + len(words[0]), words[0], numerator)
        q.words = True
        return q
    return _fraction(text, whole(match, Decimal(0)), numerator / denominator, match.end(), g)


def _fraction(text: str, q: Quantity, value: Decimal, end: int, g: Grammar) -> Quantity:
    """A fraction in words: of the unit that follows ("a tenth of a litre"), else a share in
    percent, or a plain number when it is one or more ("seventeen fifths")."""
    q.value = q.number_value = value
    q.end = q.number_end = end
    q.number_text = text[q.number_start : end]
    q.fraction = q.words = True
    unit_at = of_unit(text, end, g)
    if unit_at is not None:
        q.end = unit_at
    read_after(text, q, g)
    if q.unit is not None and q.unit.canonical is not None and not q.unit.classifier:
        return q
    if value >= 1:
        return q
    q.unit = q.unit_text = None
    q.value, q.value_max, q.scaled = value * 100, None, False
    q.end, q.percent = end, True
    return _finish(text, q, g, allow_unit=False)


def _finish(text: str, q: Quantity, g: Grammar, *, allow_unit: bool) -> Quantity:
    if allow_unit:
        read_after(text, q, g)
    else:
        tail = g.tail.match(text, q.end)
        if tail and tail.group("post"):
            q.end = tail.end("post")
            qualify(q, tail.group("post"), g)
    return q
