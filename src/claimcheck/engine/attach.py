"""Read one number in context: its value, scale, range, unit, currency and qualifiers.

`read_quantity` is called once for each match of the grammar's scan pattern and returns a
Quantity (spans are offsets into the clean text), or None when the match is no number.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from claimcheck.engine.digit_forms import DIGIT_SUFFIXES, digit_suffixes, negate_after
from claimcheck.engine.numbers import parse_arabic, parse_en, parse_zh
from claimcheck.engine.parts import read_parts
from claimcheck.engine.subunits import bare_subunit
from claimcheck.engine.word_fractions import fraction_after, mixed_after, of_unit, ratio_after
from claimcheck.rules.grammar import Grammar, UnitInfo

_LOOK_BACK = 16
_ASCII_DIGITS = frozenset("0123456789")
_NUMBER_NEXT = regex.compile(r"[ ]?[\d.]")
_SIGNS = frozenset("-−+")
_SENTENCE_ENDS = (". ", "! ", "? ")
_HYPHENED_DIGITS = regex.compile(r"-\d+(?:\.\d+)?")


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


def _whole(match: regex.Match[str], value: Decimal) -> Quantity:
    """A Quantity whose number is the whole match (fractions, halves, 'a couple')."""
    return Quantity(*match.span(), *match.span(), match.group(), value)


def _parse(text: str, g: Grammar) -> Decimal | None:
    if len(text) == 1 and text in g.single_digits:
        return g.single_digits[text]
    if g.zh is not None:
        return parse_zh(text, g.zh)
    return parse_arabic(text)


def number_value(text: str, g: Grammar) -> tuple[Decimal, int] | None:
    """Value of a number core and the length it used (English words may stop early)."""
    if text[:1].isascii() and text[:1].isalpha():
        return parse_en(text, g.en) if g.en else None
    value = _parse(text, g)
    return (value, len(text)) if value is not None else None


def _trailing_scale(text: str, g: Grammar) -> Decimal | None:
    """The Chinese scale characters a number ends with (15萬 → 10000), if any."""
    if g.zh is None:
        return None
    factor = Decimal(1)
    i = len(text)
    while i > 0 and text[i - 1] in g.zh_scales:
        factor *= g.zh_scales[text[i - 1]]
        i -= 1
    return factor if i < len(text) and i > 0 and text[i - 1] in _ASCII_DIGITS else None


def read_quantity(text: str, match: regex.Match[str], g: Grammar) -> Quantity | None:
    """Read the number that `match` found and what follows it (scale, range, unit).

    What stands before it (qualifier, currency sign) is read by `read_before`, which the
    pipeline calls only for numbers that survive the cheap rejections.
    """
    # Which branch of the scan matched: its last group closes last (cheaper than groupdict).
    branch = match.lastgroup
    if branch == "pctn":
        written = match.group("pctn")
        value = _parse(written, g)
        if value is None:
            return None
        value *= Decimal(str(g.percent_prefixes[match.group("pct")]))
        q = Quantity(*match.span(), *match.span("pctn"), written, value)
        q.percent = True
        q.unit_text = match.group("pct")
        return _finish(text, q, g, allow_unit=False)
    if branch == "numr":
        denominator, numerator = _parse(match.group("den"), g), _parse(match.group("numr"), g)
        if not denominator or numerator is None:
            return None
        q = _whole(match, numerator / denominator)
        q.fraction = True
        _finish(text, q, g, allow_unit=True)
        if q.unit is not None and not q.unit.classifier and q.unit.canonical is not None:
            return q  # 四分之一公升: a quarter of a litre
        # 三分之一 (of something) is a share: report it in percent.
        q = _whole(match, numerator / denominator * 100)
        q.percent = q.fraction = True
        return _finish(text, q, g, allow_unit=False)
    if branch == "frac":
        return _english_fraction(text, match, g)
    if branch == "pair":
        q = _whole(match, Decimal(2))
        q.words = q.needs_unit = True
        return _finish(text, q, g, allow_unit=True)
    if branch == "article":
        q = _whole(match, Decimal(1))
        q.words = q.needs_unit = True
        _finish(text, q, g, allow_unit=True)
        return None if _NUMBER_NEXT.match(text, q.end) else q  # "a US$4.7 billion": the sign's own number
    if branch == "vulgar":
        q = _whole(match, g.vulgar_fractions[match.group("vulgar")])  # ¾ cup
        q.fraction = q.needs_unit = True
        return _finish(text, q, g, allow_unit=True)
    if branch == "slash":
        whole, _, fraction = match.group("slash").rpartition(" ")
        numerator, denominator = (Decimal(part) for part in fraction.split("/"))
        if not denominator:
            return None
        value = Decimal(whole or 0) + numerator / denominator  # 10 1/2 miles
        q = _whole(match, value)
        q.fraction = q.needs_unit = True
        return _finish(text, q, g, allow_unit=True)
    if branch == "half":
        if (word := _half_percent_word(text, match.start(), g)) is not None:
            return word
        q = _whole(match, Decimal("0.5"))
        q.needs_unit = True
        _finish(text, q, g, allow_unit=True)
        q.needs_unit = not q.scaled  # half a million, half a dozen: a figure of its own
        return q
    core = "num" if branch == "num" else "words"
    written = match.group(core)
    read = number_value(written, g) or _unread_run(text, match.end(core), written, g)
    if read is None:
        return None
    value, used = read
    start = match.start(core)
    q = Quantity(start, start + used, start, start + used, written[:used], value)
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
    if g.zh is None or len(written) < 2:
        return None
    return _digits_one_by_one(text, end, written, g) or _number_then_unit(text, end, written, g)


def _number_then_unit(text: str, end: int, written: str, g: Grammar) -> tuple[Decimal, int] | None:
    """八兩, 九兩半: a run ending in a character that is a unit too (兩) is a number and that
    unit, when nothing but a half follows. 三兩個 and 三兩天 stay "two or three", 兩兩 "in pairs"."""
    after = text[end : end + 1]
    if g.unit(written[-1]) is None or written[-2] == written[-1] or (after.isalnum() and after not in g.halves):
        return None
    value = _parse(written[:-1], g)
    return (value, len(written) - 1) if value is not None else None


def _digits_one_by_one(text: str, end: int, written: str, g: Grammar) -> tuple[Decimal, int] | None:
    """七五折: before some units two Chinese digits are read digit by digit (75)."""
    if len(written) != 2 or not all(c in g.zh.digits for c in written):
        return None
    unit = g.unit_at.match(text, end)
    if unit is None or not g.unit(unit.group()).digits_one_by_one:
        return None
    return Decimal("".join(str(g.zh.digits[c]) for c in written)), len(written)


def _mixed_fraction(text: str, q: Quantity, g: Grammar) -> None:
    """三又四分之一: a whole number and a fraction, one number (3.25) in the unit after it."""
    match = g.fraction_after_whole.match(text, q.end)
    if match is None:
        return
    denominator, numerator = _parse(match.group("den"), g), _parse(match.group("numr"), g)
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
    if len(words) == 2 and g.en is not None and words[0] in g.en.words:
        numerator = Decimal(g.en.words[words[0]])
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
    return _fraction(text, _whole(match, Decimal(0)), numerator / denominator, match.end(), g)


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
    _read_after(text, q, g)
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
        _read_after(text, q, g)
    else:
        tail = g.tail.match(text, q.end)
        if tail and tail.group("post"):
            q.end = tail.end("post")
            _qualify(q, tail.group("post"), g)
    return q


def read_before(text: str, q: Quantity, g: Grammar, floor: int) -> None:
    """Extend q leftwards over a qualifier (超過, more than) and a currency sign (US$)."""
    if text[q.start - 1 : q.start] in g.before_ends:
        before = g.before.match(text, max(floor, q.start - _LOOK_BACK), q.start)
        if before is not None and before.start() < q.start:
            _read_before(text, q, g, before)
    if q.unit is None and q.currency is None and not q.percent and not q.scaled:
        _unit_before(text, q, g, floor)


def _unit_before(text: str, q: Quantity, g: Grammar, floor: int) -> None:
    """aged 87, ages 5 to 11: a word before the number that gives it its unit."""
    if text[q.start - 1 : q.start] != " ":
        return  # the word and a space stand right before the number
    word = g.unit_before.search(text, max(floor, q.start - _LOOK_BACK), q.start)
    if word is None:
        return
    q.unit_text = word.group("w")
    q.unit = g.unit(g.unit_before_of[q.unit_text])
    q.start = word.start()


def _read_before(text: str, q: Quantity, g: Grammar, before: regex.Match[str]) -> None:
    if before.group("neg"):
        q.value, q.number_value = -q.value, -q.number_value
        q.value_max = -q.value_max if q.value_max is not None else None
        q.start = before.start("neg")
    if before.group("cur"):
        q.currency_text = before.group("cur")
        q.currency = g.currency_of[q.currency_text]
        q.start = before.start("cur")
        if q.unit is None and q.end == q.number_end and not q.scaled and text.startswith((" ", ","), q.end):
            _bare_subunit(text, q, g)
    qualifier = before.group("q")
    if qualifier and text[before.start("q") - 1 : before.end("q")] not in g.not_qualifiers:
        q.start = before.start("q")
        _qualify(q, qualifier, g)
        if qualifier.lower() in g.between_words and q.value_max is None and not q.percent:
            _reread_after(text, q, g)


def _reread_after(text: str, q: Quantity, g: Grammar) -> None:
    """After "between", read the tail again: now "and" joins the two ends of a range."""
    q.value, q.end = q.number_value, q.number_end
    q.unit = q.unit_text = None
    q.scaled = False
    _read_after(text, q, g)


def _qualify(q: Quantity, words: str, g: Grammar) -> None:
    if q.qualifier != "exact" and q.qualifier_text is not None and q.qualifier_text.lower() not in g.between_words:
        return
    name = g.qualifier_of.get(words) or g.qualifier_of.get(words.lower())
    if name:
        q.qualifier = name
        q.qualifier_text = words


def _read_after(text: str, q: Quantity, g: Grammar) -> None:
    half = g.and_a_half.match(text, q.end) if text[q.end : q.end + 1] in (" ", "-") else None
    mixed = (Decimal("0.5"), half.end()) if half is not None else None
    if mixed is None and not q.fraction and text.startswith(" and ", q.end) and g.en is not None:
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
    if tail.group("n2") and not _read_range(tail, q, g, scale):
        return
    q.value *= scale
    for name in ("infix", "infix2", "post"):
        if tail.group(name):
            _qualify(q, tail.group(name), g)
    q.end = tail.end()
    if tail.group("unit"):
        q.unit_text = tail.group("unit")
        q.unit = g.unit(q.unit_text)
        money = g.money_when_scaled.get(q.unit_text.lower()) if q.scaled else None
        if money is not None and not text.startswith(" of ", q.end):
            q.unit = g.unit(money)  # 45 million pounds (spent), but 2 million pounds of beef
        if not q.scaled and not tail.group("post"):
            _half_after_unit(text, q, g)
            read_parts(text, q, g)
    _peel_scale_into_unit(text, q, g)
    if tail.group("unit") and not tail.group("post"):
        _range_after_unit(text, q, g)
    if q.unit is not None and q.value_max is None and not q.scaled and text.startswith((" ", ","), q.end):
        _bare_subunit(text, q, g)


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
    line_start = text.rfind("\n", 0, q.start) + 1
    quoted = text.count(tail.group("unit")[0], line_start, q.start) % 2 == 1
    return tail.start("unit") == q.end and not quoted


def _cued(text: str, q: Quantity, form: str, unit_end: int, g: Grammar) -> bool:
    """30C as a temperature: a sign on the number or a cue word in its sentence (on its
    line), and no label right before it (seat 12C, Row 30 C) nor a code hyphened to it
    (C-sections, F-16); another temperature may follow (30C-32C)."""
    if text.startswith("-", unit_end) and text[unit_end + 1 : unit_end + 2].isalnum():
        second = _HYPHENED_DIGITS.match(text, unit_end)
        if second is None or not text.startswith(form, second.end()):
            return False
    if g.unit_label.search(text, max(0, q.number_start - _LOOK_BACK), q.number_start) is not None:
        return False
    if q.number_text[:1] in _SIGNS:
        return True
    start = max(text.rfind("\n", 0, q.start), *(text.rfind(p, 0, q.start) for p in _SENTENCE_ENDS)) + 1
    ends = [i for i in (text.find(c, q.end) for c in ("\n", *_SENTENCE_ENDS)) if i >= 0]
    return g.unit_cue.search(text, start, min(ends, default=len(text))) is not None


def _bare_subunit(text: str, q: Quantity, g: Grammar) -> None:
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
    before = g.before.match(text, max(0, q.start - _LOOK_BACK), q.start)
    return before is not None and before.group("cur") is not None


def _read_range(tail: regex.Match[str], q: Quantity, g: Grammar, scale: Decimal) -> bool:
    read = number_value(tail.group("n2"), g)
    if read is None or read[1] != len(tail.group("n2")):
        return False
    high = read[0]
    own_scale = _trailing_scale(q.number_text, g)
    n2_scale = _trailing_scale(tail.group("n2"), g)
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
    if g.zh is None or q.words or q.percent or q.value_max is not None:
        return
    last = q.number_end - 1
    if last <= q.number_start or text[last] not in g.zh_scales:
        return
    unit = g.unit_at.match(text, last)
    if unit is None or unit.end() <= q.number_end:
        return
    value = _parse(q.number_text[:-1], g)
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
    high = _parse(second.group("n2"), g)
    if high is None:
        return
    if second.group("scale"):
        high *= _scale_value(second.group("scale"), g)
    q.value_max = high
    q.qualifier = "range"
    q.qualifier_text = text[q.end : second.start("n2")].strip()
    q.end = second.end() + len(q.unit_text)
